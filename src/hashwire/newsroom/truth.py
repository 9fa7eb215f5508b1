"""The ground truth of a newsroom: every article's outlet, story, copy relation, category and tags."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


def article_records(room: Newsroom, base_url: str = "") -> Iterator[dict[str, Any]]:
    """One record per article, computed as it is asked for: titles and addresses only, no page text."""
    world = room.world
    for j in range(world.story_count):
        plan = world.plan(j)
        category = KIND_BY_KEY[plan.kind].category
        tags = room.tags_of(j)
        urls: dict[int, str] = {}
        for spec in plan.articles:
            title = title_of(world, spec)
            url = base_url + path_of(world, spec, title)
            urls[spec.index] = url
            yield {
                "url": url,
                "outlet": world.outlets[spec.outlet].slug,
                "story": story_id(j),
                "copy_of": urls[spec.copy_of] if spec.copy_of is not None else None,
                "copy_kind": spec.copy_kind,
                "category": category,
                "tags": list(tags),
                "language": plan.language,
                "published": _iso(spec.published),
                "updated": _iso(spec.updated),
                "title": title,
            }


def story_records(room: Newsroom, base_url: str = "") -> Iterator[dict[str, Any]]:
    world = room.world
    for j in range(world.story_count):
        plan = world.plan(j)
        urls = [base_url + path_of(world, s, title_of(world, s)) for s in plan.articles]
        yield {"id": story_id(j), "title": title_of(world, plan.articles[0]),
               "category": KIND_BY_KEY[plan.kind].category, "language": plan.language,
               "kind": plan.kind, "articles": urls}


def truth(room: Newsroom, base_url: str) -> dict[str, Any]:
    return {"outlets": outlet_records(room, base_url), "articles": list(article_records(room, base_url)),
            "stories": list(story_records(room, base_url))}


def write_truth(room: Newsroom, path: str | Path, base_url: str) -> None:
    """Write the truth as JSON, one record at a time, so a million articles need no more memory than ten."""
    def dump(obj: Any) -> str:
        return json.dumps(obj, ensure_ascii=False)

    with open(path, "w", encoding="utf-8") as out:
        out.write('{"outlets": ' + dump(outlet_records(room, base_url)) + ',\n"articles": [\n')
        for n, rec in enumerate(article_records(room, base_url)):
            out.write((",\n" if n else "") + dump(rec))
        out.write('\n],\n"stories": [\n')
        for n, rec in enumerate(story_records(room, base_url)):
            out.write((",\n" if n else "") + dump(rec))
        out.write("\n]}\n")
