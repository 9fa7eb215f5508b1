"""The ground truth of a newsroom: every article's outlet, story, copy relation, category and tags."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .articles import path_of, title_of
from .events import KIND_BY_KEY

if TYPE_CHECKING:
    from .room import Newsroom


def story_id(j: int) -> str:
    return f"story-{j}"


def _iso(value: Any) -> str | None:
    return value.isoformat().replace("+00:00", "Z") if value is not None else None


def outlet_records(room: Newsroom, base_url: str) -> list[dict[str, Any]]:
    return [
        {"slug": o.slug, "name": o.name, "language": o.language, "feed_url": base_url + o.feed_path,
         "feed_format": o.feed_format, "site_url": base_url + o.home_path}
        for o in room.outlets
    ]


def _batches(room: Newsroom, base_url: str,
             as_of: datetime | None) -> Iterator[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """Per story: its articles' records and its own record, computed together so titles are made once.
    With `as_of`, only what was published by then (and corrections made by then)."""
    world = room.world
    for j in range(world.story_count):
        plan = world.plan(j)
        if as_of is not None and plan.articles[0].published > as_of:
            continue
        category = KIND_BY_KEY[plan.kind].category
        tags = room.tags_of(j)
        urls: dict[int, str] = {}
        records = []
        for spec in plan.articles:
            if as_of is not None and spec.published > as_of:
                continue
            title = title_of(world, spec)
            url = base_url + path_of(world, spec, title)
            urls[spec.index] = url
            records.append({
                "url": url,
                "outlet": world.outlets[spec.outlet].slug,
                "story": story_id(j),
                "copy_of": urls[spec.copy_of] if spec.copy_of is not None else None,
                "copy_kind": spec.copy_kind,
                "category": category,
                "tags": list(tags),
                "language": plan.language,
                "published": _iso(spec.published),
                "updated": _iso(spec.updated) if as_of is None or (spec.updated or as_of) <= as_of else None,
                "title": title,
            })
        story = {"id": story_id(j), "title": records[0]["title"], "category": category,
                 "language": plan.language, "kind": plan.kind, "articles": list(urls.values())}
        yield records, story


def article_records(room: Newsroom, base_url: str = "", as_of: datetime | None = None) -> Iterator[dict[str, Any]]:
    """One record per article, computed as it is asked for: titles and addresses only, no page text."""
    for records, _story in _batches(room, base_url, as_of):
        yield from records


def story_records(room: Newsroom, base_url: str = "", as_of: datetime | None = None) -> Iterator[dict[str, Any]]:
    for _records, story in _batches(room, base_url, as_of):
        yield story


def truth(room: Newsroom, base_url: str, as_of: datetime | None = None) -> dict[str, Any]:
    articles: list[dict[str, Any]] = []
    stories: list[dict[str, Any]] = []
    for records, story in _batches(room, base_url, as_of):
        articles.extend(records)
        stories.append(story)
    return {"outlets": outlet_records(room, base_url), "articles": articles, "stories": stories}


def write_truth(room: Newsroom, path: str | Path, base_url: str, as_of: datetime | None = None) -> None:
    """Write the truth as JSON, one record at a time (stories wait in a temporary file), so a million
    articles need no more memory than ten."""
    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False)

    with open(path, "w", encoding="utf-8") as out, tempfile.TemporaryFile("w+", encoding="utf-8") as later:
        out.write('{"outlets": ' + dump(outlet_records(room, base_url)) + ',\n"articles": [\n')
        first = True
        for records, story in _batches(room, base_url, as_of):
            for rec in records:
                out.write(("" if first else ",\n") + dump(rec))
                first = False
            later.write(("" if later.tell() == 0 else ",\n") + dump(story))
        out.write('\n],\n"stories": [\n')
        later.seek(0)
        shutil.copyfileobj(later, out)
        out.write("\n]}\n")
