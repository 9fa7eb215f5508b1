"""The tolerant path: feedparser on bytes we already hold (never a URL or a path), mapped to Feed.

Slower than the lxml path by an order of magnitude, so it runs only when the fast parser failed
or the document was damaged enough that it may have lost items.
"""

from __future__ import annotations

import calendar
import io
import logging
from datetime import UTC, datetime
from typing import Any

from .feed_lxml import person, plain
from .feed_xml import repair
from .models import Entry, Feed

log = logging.getLogger(__name__)

_FORMATS = {"rss20": "rss20", "rss10": "rdf", "rss090": "rdf", "atom10": "atom10", "atom03": "atom03",
            "atom02": "atom03", "atom01": "atom03", "cdf": "cdf"}


def _when(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def _s(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _image(e: Any) -> str:
    for key in ("media_thumbnail", "media_content"):
        for m in e.get(key) or []:
            url = _s(m.get("url"))
            if url and (key == "media_thumbnail" or m.get("medium") == "image"
                        or _s(m.get("type")).startswith("image/")):
                return url
    for link in e.get("links") or []:
        if link.get("rel") == "enclosure" and _s(link.get("type")).startswith("image/"):
            return _s(link.get("href"))
    image = e.get("image")
    return _s(image.get("href")) if isinstance(image, dict) else ""


def _authors(e: Any, rss: bool) -> list[str]:
    details = [a for a in e.get("authors") or [] if isinstance(a, dict)]
    raw = _s(e.get("author"))
    if rss and "@" in raw:
        # feedparser cuts RSS's "email (Name)" at a domain ending longer than four letters
        # ("ed@paper.example (Ed)" gives the name "ple (Ed"): read the text as the fast path does
        names = [_s(a.get("name")) for a in details if not a.get("email")]
        return [n for n in [*names, person(raw)] if n]
    names = [_s(a.get("name")) for a in details if _s(a.get("name"))]
    return names or ([raw] if raw else [])


def tolerant_parse(data: bytes, url: str = "", content_type: str = "") -> Feed | None:
    """Feed via feedparser, or None when it found no feed at all."""
    import feedparser  # imported on first use: a large module most runs never need

    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    try:
        parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, sanitize_html=False,
                                  resolve_relative_uris=True)
    except Exception:  # feedparser has crashes of its own on hostile bytes (e.g. surrogate references)
        try:
            parsed = feedparser.parse(io.BytesIO(repair(data, content_type)), response_headers=headers,
                                      sanitize_html=False, resolve_relative_uris=True)
        except Exception:
            log.debug("feedparser failed on %s too", url or "a document", exc_info=True)
            return None
    info = parsed.get("feed") or {}
    if not parsed.get("entries") and not info.get("title") and not parsed.get("version"):
        return None
    ttl = _s(info.get("ttl"))
    feed = Feed(title=plain(_s(info.get("title"))), link=_s(info.get("link")), language=_s(info.get("language")),
                format=_FORMATS.get(parsed.get("version") or "", parsed.get("version") or "rss"),
                ttl_minutes=int(ttl) if ttl.isdigit() else None)
    rss = not feed.format.startswith("atom")
    for e in parsed.get("entries") or []:
        content = e.get("content") or []
        body = _s(content[0].get("value")) if content else ""
        guid, link = _s(e.get("id")), _s(e.get("link"))
        if not link and guid.startswith(("http://", "https://")) and e.get("guidislink") is not False:
            link = guid  # the fast path's rule: an id that is a URL is the permalink, unless it says it is not
        updated = _when(e.get("updated_parsed"))
        feed.entries.append(Entry(
            guid=guid, link=link, title=plain(_s(e.get("title"))),
            summary=_s(e.get("summary")), content_html=body,
            published=_when(e.get("published_parsed")) or _when(e.get("created_parsed")) or updated,
            updated=updated,
            authors=_authors(e, rss),
            categories=[_s(t.get("term")) for t in e.get("tags") or [] if _s(t.get("term"))],
            image=_image(e), language=_s(e.get("language")),
        ))
    return feed
