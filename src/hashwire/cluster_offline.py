"""Group an archive of documents with the same online algorithm ingestion uses.

`cluster_records` reads `{"id", "text"[, "title", "published", "source", "url", "language"]}` records in
order and yields `{"id", "story", "duplicate_of"}` for each, in the same order: copies are
folded under the first copy seen and join its story; other documents are assigned to stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from . import normalize
from .cluster import StoryIndex
from .dedupe import DuplicateIndex
from .models import Article, article_id
from .story_embeddings import Embedder

HEADLINE_MAX_WORDS = 25


def _parse_time(value: Any) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return datetime.fromtimestamp(value, UTC)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def record_article(record: dict[str, Any]) -> Article:
    """An Article for one input record. Without a title, a short first line is taken as the headline."""
    rid = str(record["id"])
    text = normalize.clean_text(str(record.get("text") or ""))
    title = str(record.get("title") or "").strip()
    if not title:
        first, _, rest = text.partition("\n")
        if rest.strip() and 0 < len(first.split()) <= HEADLINE_MAX_WORDS:
            title, text = first.strip(), rest.strip()
    url = str(record.get("url") or "")
    canonical = normalize.canonical_url(url) if url else f"urn:hashwire:doc:{rid}"
    article = Article(url=canonical, title=title, text=text, id=article_id(f"urn:hashwire:doc:{rid}"),
                      published=_parse_time(record.get("published")),
                      source_name=str(record.get("source") or ""),
                      language=str(record.get("language") or "").strip().lower())
    article.content_hash = normalize.content_hash(text)
    return article


def cluster_records(records: Iterable[dict[str, Any]], *, window_hours: float = 72,
                    stories: StoryIndex | None = None, embedder: Embedder | None = None) -> Iterator[dict[str, Any]]:
    """Assign each record a story (and the id of the record it copies, if any), in input order.

    `stories` replaces the default story index (a variant under evaluation, say); `embedder` adds the
    sentence-embedding channel to the default one (`story_embeddings.py`)."""
    duplicates = DuplicateIndex(window_hours=window_hours)
    if stories is None:
        stories = StoryIndex(window_hours=window_hours, embedder=embedder)
    record_id: dict[str, str] = {}  # article id -> record id
    story_of: dict[str, str] = {}  # article id -> story id (merges followed lazily)
    merged_into: dict[str, str] = {}
    rows: list[tuple[str, str, str | None]] = []  # (record, its article or the one it copies, copied record)
    for record in records:
        article = record_article(record)
        rid = str(record["id"])
        record_id[article.id] = rid
        dup = duplicates.check(article)
        if dup is not None and dup.of != article.id and dup.of in story_of:
            rows.append((rid, dup.of, record_id.get(dup.of, dup.of)))
            continue
        assignment = stories.assign(article)
        for gone in assignment.merged:
            merged_into[gone] = assignment.story.id
        if assignment.split_off is not None:  # articles that left for a story split off
            for moved in assignment.moved:
                story_of[moved] = assignment.split_off.id
        duplicates.add(article)
        story_of[article.id] = assignment.story.id
        rows.append((rid, article.id, None))
    for rid, of, dup_of in rows:
        yield {"id": rid, "story": _resolve(story_of[of], merged_into), "duplicate_of": dup_of}


def _resolve(story: str, merged_into: dict[str, str]) -> str:
    while story in merged_into:
        story = merged_into[story]
    return story
