"""OPML subscription lists in and out."""

from __future__ import annotations

from datetime import UTC, datetime
from xml.sax.saxutils import quoteattr

from .errors import FeedParseError
from .feed_xml import parse_xml
from .models import Source


def parse_opml(data: bytes) -> list[Source]:
    """Every outline with an xmlUrl, in document order (folders flattened; duplicates dropped)."""
    try:
        root, _ = parse_xml(data)
    except FeedParseError as exc:
        raise FeedParseError(f"not an OPML document: {exc}") from exc
    if not isinstance(root.tag, str) or root.tag.rpartition("}")[2].lower() != "opml":
        raise FeedParseError("not an OPML document: no <opml> root")
    sources: list[Source] = []
    seen: set[str] = set()
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.rpartition("}")[2] != "outline":
            continue
        attrs = {k.lower(): v.strip() for k, v in el.attrib.items() if isinstance(k, str)}
        url = attrs.get("xmlurl", "")
        if not url or url in seen or not url.lower().startswith(("http://", "https://")):
            continue
        seen.add(url)
        kind = "sitemap" if attrs.get("type", "").lower() == "sitemap" else "feed"
        sources.append(Source(url=url, kind=kind, title=attrs.get("title") or attrs.get("text", ""),
                              site_url=attrs.get("htmlurl", ""), language=attrs.get("language", "")))
    return sources


def write_opml(sources: list[Source], title: str = "hashwire subscriptions") -> str:
    """An OPML 2.0 document listing the feed and sitemap sources (single pages are not subscriptions)."""
    now = datetime.now(UTC).strftime("%a, %d %b %Y %H:%M:%S GMT")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', "  <head>",
             f"    <title>{_text(title)}</title>", f"    <dateCreated>{now}</dateCreated>", "  </head>", "  <body>"]
    for s in sources:
        if s.kind == "page":
            continue
        name = s.title or s.url
        attrs = [f"type={quoteattr('sitemap' if s.kind == 'sitemap' else 'rss')}", f"text={quoteattr(name)}",
                 f"title={quoteattr(name)}", f"xmlUrl={quoteattr(s.url)}"]
        if s.site_url:
            attrs.append(f"htmlUrl={quoteattr(s.site_url)}")
        if s.language:
            attrs.append(f"language={quoteattr(s.language)}")
        lines.append(f"    <outline {' '.join(attrs)}/>")
    lines += ["  </body>", "</opml>"]
    return "\n".join(lines) + "\n"


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


__all__ = ["parse_opml", "write_opml"]
