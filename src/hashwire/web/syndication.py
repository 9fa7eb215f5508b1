"""Feeds out: RSS 2.0, Atom 1.0 and JSON Feed 1.1 for every listing on the site.

URL scheme: append `/feed.xml` (RSS 2.0), `/feed.atom` (Atom) or `/feed.json` (JSON Feed) to a listing:

    /<lang>/hashtag/<Tag>/feed.xml     /<lang>/story/<id>/feed.atom     /<lang>/source/<slug>/feed.json
    /<lang>/category/<name>/feed.xml   /<lang>/search/feed.xml?q=...&source=...&category=...&hashtag=...

Items are the same cards the pages show (title, link to the article page, outlet, time, hashtags, excerpt)
with the full text as sanitized HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any
from urllib.parse import quote

import orjson
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import NotFound
from .pages import lang_of
from .resources import Site, search
from .security import web_url
from .xmltext import xml_attr as quoteattr
from .xmltext import xml_text as escape

FORMATS = {"xml": "application/rss+xml; charset=utf-8", "atom": "application/atom+xml; charset=utf-8",
           "json": "application/feed+json; charset=utf-8"}
FEED_CACHE_CONTROL = "public, max-age=300"


@dataclass(slots=True)
class FeedMeta:
    title: str
    page_url: str  # the HTML page the feed mirrors
    feed_url: str  # this feed
    description: str
    language: str


def _item_time(card: dict[str, Any]) -> datetime:
    moment = card.get("published") or card.get("updated") or datetime(1970, 1, 1, tzinfo=UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _updated(items: list[dict[str, Any]]) -> datetime:
    return max((_item_time(c) for c in items), default=datetime(1970, 1, 1, tzinfo=UTC))


def rss(meta: FeedMeta, items: list[dict[str, Any]], link_of: Any) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
           "<channel>", f"<title>{escape(meta.title)}</title>", f"<link>{escape(meta.page_url)}</link>",
           f"<description>{escape(meta.description)}</description>", f"<language>{escape(meta.language)}</language>",
           f'<atom:link href={quoteattr(meta.feed_url)} rel="self" type="application/rss+xml"/>',
           f"<lastBuildDate>{format_datetime(_updated(items))}</lastBuildDate>"]
    for card in items:
        link = link_of(card)
        out.append("<item>")
        out.append(f"<title>{escape(card['title'])}</title><link>{escape(link)}</link>")
        out.append(f'<guid isPermaLink="true">{escape(link)}</guid>')
        out.append(f"<pubDate>{format_datetime(_item_time(card))}</pubDate>")
        if card["source"]["name"]:  # the outlet (RSS's own <author> must be an e-mail address)
            out.append(f"<dc:creator>{escape(card['source']['name'])}</dc:creator>")
        if card.get("category"):
            out.append(f"<category>{escape(card['category'])}</category>")
        out.extend(f"<category>#{escape(tag)}</category>" for tag in card["hashtags"])
        out.append(f"<description>{escape(card['excerpt'])}</description>")
        if card.get("body_html"):
            out.append(f"<content:encoded>{escape(card['body_html'])}</content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>\n")
    return "\n".join(out)


def atom(meta: FeedMeta, items: list[dict[str, Any]], link_of: Any) -> str:
    out = ['<?xml version="1.0" encoding="utf-8"?>',
           f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang={quoteattr(meta.language)}>',
           f"<title>{escape(meta.title)}</title>", f"<subtitle>{escape(meta.description)}</subtitle>",
           f"<id>{escape(meta.feed_url)}</id>", f"<updated>{_updated(items).isoformat()}</updated>",
           f'<link rel="alternate" type="text/html" href={quoteattr(meta.page_url)}/>',
           f'<link rel="self" type="application/atom+xml" href={quoteattr(meta.feed_url)}/>']
    for card in items:
        link = link_of(card)
        out.append("<entry>")
        out.append(f"<title>{escape(card['title'])}</title><id>{escape(link)}</id>")
        out.append(f'<link rel="alternate" type="text/html" href={quoteattr(link)}/>')
        if web_url(card["url"]):
            out.append(f'<link rel="related" href={quoteattr(web_url(card["url"]))}/>')
        moment = _item_time(card).isoformat()
        out.append(f"<published>{moment}</published><updated>{moment}</updated>")
        out.append(f"<author><name>{escape(card['source']['name'] or 'unknown')}</name></author>")
        out.extend(f"<category term={quoteattr(tag)}/>" for tag in card["hashtags"])
        out.append(f'<summary type="text">{escape(card["excerpt"])}</summary>')
        if card.get("body_html"):
            out.append(f'<content type="html">{escape(card["body_html"])}</content>')
        out.append("</entry>")
    out.append("</feed>\n")
    return "\n".join(out)


def json_feed(meta: FeedMeta, items: list[dict[str, Any]], link_of: Any) -> bytes:
    doc = {
        "version": "https://jsonfeed.org/version/1.1", "title": meta.title, "home_page_url": meta.page_url,
        "feed_url": meta.feed_url, "description": meta.description, "language": meta.language,
        "items": [{
            "id": link_of(c), "url": link_of(c), "external_url": web_url(c["url"]) or None, "title": c["title"],
            "summary": c["excerpt"], "content_html": c.get("body_html") or c["excerpt"],
            "date_published": _item_time(c),
            "authors": [{"name": c["source"]["name"]}] if c["source"]["name"] else [],
            "tags": list(c["hashtags"]), "language": c.get("language") or meta.language,
            **({"image": c["image"]} if c.get("image", "").startswith("https://") else {}),
        } for c in items],
    }
    return orjson.dumps(doc)


class Feeds:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.base = site.config.base_url.rstrip("/")

    def respond(self, request: Request, meta: FeedMeta, items: list[dict[str, Any]]) -> Response:
        fmt = request.path_params["fmt"]
        if fmt not in FORMATS:
            raise NotFound("no such feed format")
        lang = lang_of(request)

        def link_of(card: dict[str, Any]) -> str:
            return f"{self.base}/{lang.code}/article/{card['id']}"

        body: str | bytes
        if fmt == "xml":
            body = rss(meta, items, link_of)
        elif fmt == "atom":
            body = atom(meta, items, link_of)
        else:
            body = json_feed(meta, items, link_of)
        return Response(body, media_type=FORMATS[fmt], headers={"cache-control": FEED_CACHE_CONTROL})

    def meta(self, request: Request, title: str, page_path: str) -> FeedMeta:
        lang = lang_of(request)
        feed_url = self.base + request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return FeedMeta(title=f"{title} · {self.site.config.site_name}", page_url=self.base + page_path,
                        feed_url=feed_url, description=title, language=lang.code)

    def hashtag(self, request: Request) -> Response:
        lang = lang_of(request)
        data = self.site.hashtag(request.path_params["tag"], language=lang.code, before=None, limit=50)
        title = lang.t("latest_with", tag=data["tag"])
        return self.respond(request, self.meta(request, title, f"/{lang.code}/hashtag/{quote(data['tag'])}"),
                            data["items"])

    def story(self, request: Request) -> Response:
        lang = lang_of(request)
        story = self.site.store.get_story(request.path_params["id"])
        if story is None:
            raise NotFound("no such story")
        if story.merged_into:  # the story was folded into another: follow it, as the page does
            path = request.url.path.replace(f"/story/{quote(story.id)}/", f"/story/{quote(story.merged_into)}/")
            return RedirectResponse(path, status_code=301)
        data = self.site.story_page(story)
        items = sorted(data["articles"], key=_item_time, reverse=True)
        title = lang.t("full_coverage") + ": " + story.title
        return self.respond(request, self.meta(request, title, f"/{lang.code}/story/{quote(story.id)}"), items)

    def source(self, request: Request) -> Response:
        lang = lang_of(request)
        source = self.site.store.source_by_slug(request.path_params["slug"])
        if source is None:
            raise NotFound("no such source")
        data = self.site.source_listing(source, before=None, limit=50)
        title = lang.t("latest_from", source=data["source"]["name"])
        return self.respond(request, self.meta(request, title, f"/{lang.code}/source/{quote(source.slug)}"),
                            data["items"])

    def category(self, request: Request) -> Response:
        lang = lang_of(request)
        name = self.site.category_name(request.path_params["name"])
        data = self.site.category_listing(name, language=lang.code, before=None, limit=50)
        label = lang.strings.get("cat." + name) or name
        return self.respond(request, self.meta(request, lang.t("latest_in", category=label),
                                               f"/{lang.code}/category/{quote(name)}"), data["items"])

    def search(self, request: Request) -> Response:
        lang = lang_of(request)
        p = request.query_params
        data = search(self.site, p.get("q", ""), language=p.get("language", lang.code), source=p.get("source"),
                      category=p.get("category"), hashtag=p.get("hashtag"), since=p.get("from"),
                      until=p.get("to"), order="recent", per_page=50)
        title = lang.t("results_for", q=data["query"])
        page = f"/{lang.code}/search" + (f"?{request.url.query}" if request.url.query else "")
        return self.respond(request, self.meta(request, title, page), data["items"])
