"""The outlets' syndication: RSS 2.0, Atom 1.0, RDF/RSS 1.0, JSON Feed 1.1, one OPML of them all, news sitemaps."""

from __future__ import annotations

import json
from datetime import datetime
from email.utils import format_datetime
from html import escape
from typing import TYPE_CHECKING

from .articles import NewsArticle
from .pages import UI, iso
from .world import Outlet

if TYPE_CHECKING:
    from .room import Newsroom

CONTENT_TYPES = {
    "rss20": "application/rss+xml; charset=utf-8",
    "atom10": "application/atom+xml; charset=utf-8",
    "rdf": "application/rdf+xml; charset=utf-8",
    "jsonfeed": "application/feed+json; charset=utf-8",
}


def _x(text: str) -> str:
    return escape(text, quote=True)


def item_link(a: NewsArticle, base: str) -> str:
    """The link a feed gives: some outlets tag theirs for analytics; the page's canonical link stays clean."""
    link = base + a.path
    if a.outlet.tracking:
        link += "?utm_source=rss&utm_medium=feed&utm_campaign=" + a.section
    return link


def _html_body(a: NewsArticle) -> str:
    return "".join(f"<p>{_x(p)}</p>" for p in a.paragraphs)


def _items(room: Newsroom, outlet: Outlet) -> list[NewsArticle]:
    return [room.article(i) for i in room.outlet_articles(outlet.index)[: room.feed_size]]


def _label(a: NewsArticle) -> str:
    sections = UI[a.language]["sections"]
    assert isinstance(sections, dict)
    return str(sections[a.category])


def newest(items: list[NewsArticle], room: Newsroom) -> datetime:
    return max((room.modified_of(a) for a in items), default=room.now)


def rss20(room: Newsroom, outlet: Outlet, base: str) -> str:
    items = _items(room, outlet)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{_x(outlet.name)}</title>\n<link>{base}{outlet.home_path}</link>\n"
        f'<atom:link href="{base}{outlet.feed_path}" rel="self" type="application/rss+xml"/>\n'
        f"<description>{_x(outlet.name)}: {_x(str(UI[outlet.language]['latest']))}</description>\n"
        f"<language>{outlet.language}</language>\n<ttl>15</ttl>\n"
        f"<lastBuildDate>{format_datetime(newest(items, room), usegmt=True)}</lastBuildDate>\n"
    ]
    for a in items:
        cats = f"<category>{_x(_label(a))}</category>" if outlet.feed_categories else ""
        full = f"<content:encoded><![CDATA[{_html_body(a)}]]></content:encoded>" if outlet.style % 2 == 0 else ""
        out.append(
            f"<item><title>{_x(a.title)}</title><link>{_x(item_link(a, base))}</link>"
            f'<guid isPermaLink="true">{base}{a.path}</guid>'
            f"<pubDate>{format_datetime(a.published, usegmt=True)}</pubDate><dc:creator>{_x(a.byline)}</dc:creator>"
            f"{cats}<description>{_x(a.summary)}</description>{full}</item>\n"
        )
    out.append("</channel>\n</rss>\n")
    return "".join(out)


def atom10(room: Newsroom, outlet: Outlet, base: str) -> str:
    items = _items(room, outlet)
    out = [
        f'<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{outlet.language}">\n'
        f"<title>{_x(outlet.name)}</title>\n<id>{base}{outlet.home_path}</id>\n"
        f'<link rel="alternate" type="text/html" href="{base}{outlet.home_path}"/>\n'
        f'<link rel="self" type="application/atom+xml" href="{base}{outlet.feed_path}"/>\n'
        f"<updated>{iso(newest(items, room))}</updated>\n"
    ]
    for a in items:
        cats = f'<category term="{_x(_label(a))}"/>' if outlet.feed_categories else ""
        out.append(
            f'<entry><title>{_x(a.title)}</title><link rel="alternate" type="text/html" href="{_x(item_link(a, base))}"/>'
            f"<id>tag:{outlet.slug}.newsroom,{a.published:%Y-%m-%d}:{a.index}</id>"
            f"<published>{iso(a.published)}</published><updated>{iso(room.modified_of(a))}</updated>"
            f"<author><name>{_x(a.byline)}</name></author>{cats}"
            f'<summary type="text">{_x(a.summary)}</summary>'
            + (f'<content type="html">{_x(_html_body(a))}</content>' if outlet.style % 2 == 0 else "")
            + "</entry>\n"
        )
    out.append("</feed>\n")
    return "".join(out)


def rdf(room: Newsroom, outlet: Outlet, base: str) -> str:
    items = _items(room, outlet)
    seq = "".join(f'<rdf:li rdf:resource="{_x(item_link(a, base))}"/>' for a in items)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<channel rdf:about="{base}{outlet.feed_path}"><title>{_x(outlet.name)}</title>'
        f"<link>{base}{outlet.home_path}</link><description>{_x(outlet.name)}</description>"
        f"<dc:language>{outlet.language}</dc:language><dc:date>{iso(newest(items, room))}</dc:date>"
        f"<items><rdf:Seq>{seq}</rdf:Seq></items></channel>\n"
    ]
    for a in items:
        cats = f"<dc:subject>{_x(_label(a))}</dc:subject>" if outlet.feed_categories else ""
        link = _x(item_link(a, base))
        out.append(
            f'<item rdf:about="{link}"><title>{_x(a.title)}</title><link>{link}</link>'
            f"<description>{_x(a.summary)}</description><dc:date>{iso(a.published)}</dc:date>"
            f"<dc:creator>{_x(a.byline)}</dc:creator>{cats}</item>\n"
        )
    out.append("</rdf:RDF>\n")
    return "".join(out)


def jsonfeed(room: Newsroom, outlet: Outlet, base: str) -> str:
    items = []
    for a in _items(room, outlet):
        item: dict[str, object] = {
            "id": f"{outlet.slug}-{a.index}", "url": item_link(a, base), "title": a.title,
            "content_html": _html_body(a), "summary": a.summary, "image": base + a.image_path,
            "date_published": iso(a.published), "date_modified": iso(room.modified_of(a)),
            "authors": [{"name": a.byline}], "language": a.language,
        }
        if outlet.feed_categories:
            item["tags"] = [_label(a)]
        items.append(item)
    doc = {
        "version": "https://jsonfeed.org/version/1.1", "title": outlet.name, "language": outlet.language,
        "home_page_url": base + outlet.home_path, "feed_url": base + outlet.feed_path, "items": items,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


RENDER = {"rss20": rss20, "atom10": atom10, "rdf": rdf, "jsonfeed": jsonfeed}


def feed(room: Newsroom, outlet: Outlet, base: str) -> str:
    return RENDER[outlet.feed_format](room, outlet, base)


def opml(room: Newsroom, base: str) -> str:
    types = {"rss20": "rss", "atom10": "atom", "rdf": "rss", "jsonfeed": "json"}
    rows = "".join(
        f'<outline type="{types[o.feed_format]}" text="{_x(o.name)}" title="{_x(o.name)}" language="{o.language}" '
        f'xmlUrl="{base}{o.feed_path}" htmlUrl="{base}{o.home_path}"/>\n'
        for o in room.outlets)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n<head><title>Newsroom feeds</title>'
            f"<dateCreated>{format_datetime(room.now, usegmt=True)}</dateCreated></head>\n<body>\n{rows}</body>\n</opml>\n")


def news_sitemap(room: Newsroom, outlet: Outlet, base: str, limit: int = 1000) -> str:
    rows = []
    for i in room.outlet_articles(outlet.index)[:limit]:
        a = room.article(i)
        rows.append(
            f"<url><loc>{base}{a.path}</loc><lastmod>{iso(room.modified_of(a))}</lastmod><news:news><news:publication>"
            f"<news:name>{_x(outlet.name)}</news:name><news:language>{outlet.language}</news:language></news:publication>"
            f"<news:publication_date>{iso(a.published)}</news:publication_date><news:title>{_x(a.title)}</news:title>"
            "</news:news></url>\n")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' + "".join(rows) + "</urlset>\n")
