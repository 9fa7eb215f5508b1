"""Turning what an operator types into a Source: a feed URL, a site (feed discovered), a sitemap or a page."""

from __future__ import annotations

from urllib.parse import urlsplit

from . import feeds, normalize
from .config import Config
from .discovery import COMMON_PATHS
from .errors import FeedParseError, FetchError, HashwireError
from .fetch import Fetcher, FetchResult
from .models import Source
from .page_charset import decode_page


def _text(result: FetchResult) -> str:
    return decode_page(result.body, result.headers.get("content-type", ""))


async def resolve_source(url: str, config: Config, *, kind: str = "auto") -> Source:
    """Fetch `url` once and decide what it is. Raises HashwireError with a clear reason when nothing fits."""
    try:
        url = normalize.canonical_url(url)
        parts = urlsplit(url)
    except ValueError as exc:
        raise HashwireError(f"not a URL: {url!r} ({exc})") from exc
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise HashwireError(f"not a URL: {url!r} (give an http:// or https:// address)")
    if kind == "page":
        return Source(url=url, kind="page")
    async with Fetcher(config) as fetcher:
        result = await fetcher.fetch(url, kind="feed")
        try:
            feed = feeds.parse_feed(result.body, result.url, result.headers.get("content-type", ""))
        except FeedParseError:
            feed = None
        if feed is not None:
            found = "sitemap" if feed.format in ("sitemap", "sitemapindex") else "feed"
            if kind not in ("auto", found):
                raise HashwireError(f"{url} is a {found}, not a {kind}")
            return Source(url=normalize.canonical_url(result.url), kind=found, title=feed.title,
                          site_url=feed.link, language=(feed.language or "").split("-")[0].lower())
        if kind in ("feed", "sitemap"):
            raise HashwireError(f"{url} is not a {kind} (it could not be parsed as one)")
        errors: list[str] = []  # only from feeds the page declares: guessed paths may well not exist
        home = urlsplit(result.url)
        guesses = {f"{home.scheme}://{home.netloc}{path}" for path in COMMON_PATHS}
        for candidate in feeds.discover_feeds(_text(result), result.url):
            guessed = candidate in guesses
            try:
                found_result = await fetcher.fetch(candidate, kind="feed")
                feed = feeds.parse_feed(found_result.body, found_result.url,
                                        found_result.headers.get("content-type", ""))
            except FetchError as exc:
                if not guessed:
                    errors.append(str(exc) if candidate in str(exc) else f"{candidate}: {exc}")
                continue
            except FeedParseError as exc:
                if not guessed:
                    errors.append(f"{candidate}: {exc}")
                continue
            return Source(url=normalize.canonical_url(found_result.url), kind="feed", title=feed.title,
                          site_url=feed.link or result.url, language=(feed.language or "").split("-")[0].lower())
    # no feed: treat it as a single article page (extract() will reject it at crawl if it is not one)
    if errors:
        raise HashwireError("no working feed found on that site: " + "; ".join(errors[:3]))
    return Source(url=url, kind="page")


async def fetch_page_text(url: str, config: Config) -> tuple[str, str]:
    """Fetch one page; returns (html, final URL)."""
    async with Fetcher(config) as fetcher:
        result = await fetcher.fetch(url, kind="page")
    return _text(result), result.url
