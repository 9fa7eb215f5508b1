"""JSON Feed 1.0 / 1.1 (jsonfeed.org) -> Feed. Tolerant of missing or mistyped fields."""

from __future__ import annotations

import html
from typing import Any

import orjson

from .errors import FeedParseError
from .feed_dates import parse_date
from .feed_lxml import join_url
from .models import Entry, Feed


def looks_like_json(data: bytes, content_type: str = "") -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] == b"{" or ("json" in content_type.lower() and head[:1] in (b"{", b"["))


def _str(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _authors(obj: dict[str, Any]) -> list[str]:
    people = obj.get("authors")
    if not isinstance(people, list):
        people = [obj.get("author")]
    return [name for p in people if isinstance(p, dict) and (name := _str(p.get("name")))]


def parse_json_feed(data: bytes, url: str = "") -> Feed:
    try:
        doc = orjson.loads(data.lstrip(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError as exc:
        raise FeedParseError(f"not JSON: {exc}") from exc
    if not isinstance(doc, dict) or not (isinstance(doc.get("items"), list)
                                         or "jsonfeed.org" in _str(doc.get("version"))):
        raise FeedParseError("JSON, but not a JSON Feed (no version or items)")
    base = _str(doc.get("feed_url")) or url
    feed = Feed(title=_str(doc.get("title")), link=_str(doc.get("home_page_url")),
                language=_str(doc.get("language")), format="jsonfeed")
    raw_items = doc.get("items")
    items: list[Any] = raw_items if isinstance(raw_items, list) else []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = _str(item.get("url")) or _str(item.get("external_url"))
        if link and base:
            link = join_url(base, link)
        content = _str(item.get("content_html"))
        if not content and _str(item.get("content_text")):
            content = "<p>" + html.escape(_str(item.get("content_text"))) + "</p>"
        raw_id = item.get("id")
        guid = _str(raw_id) if isinstance(raw_id, str) else (str(raw_id) if isinstance(raw_id, int | float) else "")
        tags = item.get("tags")
        image = _str(item.get("image")) or _str(item.get("banner_image"))
        if image and base:
            image = join_url(base, image)
        updated = parse_date(_str(item.get("date_modified")))
        feed.entries.append(Entry(
            guid=guid, link=link, title=_str(item.get("title")),
            summary=_str(item.get("summary")) or _str(item.get("content_text"))[:500],
            content_html=content,
            # as in the other formats, an item dated only by its update is published then
            published=parse_date(_str(item.get("date_published"))) or updated,
            updated=updated,
            authors=_authors(item) or _authors(doc),
            categories=[t.strip() for t in tags if isinstance(t, str) and t.strip()] if isinstance(tags, list) else [],
            image=image,
            language=_str(item.get("language")),
        ))
    return feed
