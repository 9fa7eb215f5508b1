"""Feed autodiscovery from a site's HTML: <link rel="alternate"> first, then common feed paths."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from .feed_lxml import join_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
              "application/json", "text/xml", "application/xml", "application/x.atom+xml",
              "application/x-rss+xml")
COMMON_PATHS = ("/feed", "/rss", "/feed.xml", "/rss.xml", "/atom.xml", "/index.xml", "/feed.json",
                "/feeds/all.atom.xml", "/rss/index.xml", "/?feed=rss2", "/news-sitemap.xml", "/sitemap_news.xml")


def _declared(html: str, base_url: str) -> list[str]:
    if not html.strip():
        return []
    try:
        doc = lxml_html.document_fromstring(html.encode("utf-8", "replace"),
                                            parser=lxml_html.HTMLParser(encoding="utf-8", no_network=True))
    except (etree.ParserError, ValueError):
        return []
    base = base_url
    for el in doc.iter("base"):
        if el.get("href"):
            base = join_url(base_url, el.get("href", ""))
            break
    found: list[str] = []
    for el in doc.iter("link", "a"):
        rel = {r.lower() for r in (el.get("rel") or "").split()}
        kind = (el.get("type") or "").split(";")[0].strip().lower()
        href = (el.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "data:", "mailto:")):
            continue
        if ("alternate" in rel and kind in FEED_TYPES and (kind != "application/json" or "feed" in href.lower())) or (el.tag == "a" and kind in FEED_TYPES[:4]):
            found.append(join_url(base, href))
    return found


def _http_url(url: str) -> bool:
    try:
        return urlsplit(url).scheme in ("http", "https")
    except ValueError:
        return False


def discover_feeds(html: str, base_url: str) -> list[str]:
    """Feed URLs the page declares, best first, then common feed paths of its site as candidates
    (those still have to be fetched and parsed to know whether they exist)."""
    out: list[str] = []
    seen: set[str] = set()
    try:
        parts = urlsplit(base_url)
        root = f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""
    except ValueError:
        root = ""
    for url in _declared(html, base_url) + [root + p for p in COMMON_PATHS if root]:
        url = url.split("#")[0]
        if url not in seen and _http_url(url):
            seen.add(url)
            out.append(url)
    return out
