"""Sitemaps (sitemaps.org) and Google News sitemaps (<news:news>) -> Feed.

A news sitemap lists recent article URLs with a title and publication date, much like a feed.
A sitemap index lists other sitemaps; their URLs come back in Feed.sitemaps for the caller to fetch.
"""

from __future__ import annotations

from lxml import etree

from .feed_dates import parse_date
from .feed_lxml import join_url
from .models import Entry, Feed

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"


def _local(tag: object) -> tuple[str, str]:
    if not isinstance(tag, str):
        return "", ""
    if tag[:1] == "{":
        ns, _, local = tag[1:].partition("}")
        return ns, local
    return "", tag


def _text(el: etree._Element) -> str:
    return "".join(el.itertext()).strip()


def is_sitemap(root: etree._Element) -> bool:
    return _local(root.tag)[1] in ("urlset", "sitemapindex")


def parse_sitemap(root: etree._Element, url: str = "") -> Feed:
    """A Feed from a <urlset> (entries) or a <sitemapindex> (Feed.sitemaps, no entries)."""
    kind = _local(root.tag)[1]
    feed = Feed(format="sitemapindex" if kind == "sitemapindex" else "sitemap", link=url)
    for node in root:
        local = _local(node.tag)[1]
        if kind == "sitemapindex" and local == "sitemap":
            loc = next((_text(c) for c in node if _local(c.tag)[1] == "loc"), "")
            if loc:
                feed.sitemaps.append(join_url(url, loc) if url else loc)
        elif local == "url":
            entry = _url_entry(node, url)
            if entry is not None:
                feed.entries.append(entry)
    return feed


def _url_entry(node: etree._Element, base: str) -> Entry | None:
    loc = ""
    entry = Entry(guid="", link="")
    for child in node:
        ns, local = _local(child.tag)
        if local == "loc" and ns != IMAGE_NS:
            loc = _text(child)
        elif local == "lastmod":
            entry.updated = parse_date(_text(child))
        elif ns == NEWS_NS and local == "news":
            for item in child.iter():
                _, name = _local(item.tag)
                if name == "title":
                    entry.title = _text(item)
                elif name == "publication_date":
                    entry.published = parse_date(_text(item))
                elif name == "language":
                    entry.language = _text(item)
                elif name == "keywords":
                    entry.categories = [k.strip() for k in _text(item).split(",") if k.strip()]
        elif ns == IMAGE_NS and local == "image" and not entry.image:
            entry.image = next((_text(c) for c in child if _local(c.tag)[1] == "loc"), "")
    if not loc:
        return None
    entry.link = join_url(base, loc) if base else loc
    entry.guid = entry.link
    if entry.published is None:
        entry.published = entry.updated
    return entry
