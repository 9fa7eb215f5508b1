"""The one Store interface. Backends: sqlite.py (embedded default) and postgres.py (scale-out).

Rules every backend keeps (tests/test_store_contract.py runs the same suite on both):
- An article is acknowledged (save_articles returns) only after its transaction committed.
- save_articles is idempotent: the article id (digest of the canonical URL) and (source_id, guid)
  are unique keys; saving again updates in place and never duplicates.
- Listings exclude folded duplicates (articles with duplicate_of set) unless asked for them.
- Listings are ordered newest first by (published, id) and paginate by keyset (`before`); an article
  without a published time sorts by fetched_at (see `cursor_of`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from ..models import Article, SearchHit, Source, Story, TagStat


@dataclass(slots=True)
class ArticleQuery:
    """Filters for listings and search. `hashtag` is a lookup key (case-insensitive)."""

    hashtag: str | None = None
    source_id: int | None = None
    category: str | None = None
    language: str | None = None
    story_id: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    include_duplicates: bool = False
    before: tuple[datetime, str] | None = None  # keyset cursor: (published, id) of the last item seen
    limit: int = 20


@dataclass(slots=True)
class Appearance:
    """One place an article was seen: kept for every feed and outlet, even when folded."""

    article_id: str
    source_id: int | None
    source_name: str
    url: str
    guid: str
    seen_at: datetime


def cursor_of(article: Article) -> tuple[datetime, str]:
    """The keyset cursor (`ArticleQuery.before`) that continues a listing after `article`:
    its sort time (published, else fetched_at, else the epoch) and its id."""
    from .rows import sort_time

    return (sort_time(article), article.id)


@runtime_checkable
class Store(Protocol):
    # lifecycle
    def migrate(self) -> None:
        """Create or upgrade the schema to the newest version (idempotent)."""

    def close(self) -> None: ...

    # sources
    def add_source(self, source: Source) -> Source:
        """Insert a source, or return the existing one with the same URL. Fills id and slug."""

    def get_source(self, source_id: int) -> Source | None: ...
    def source_by_slug(self, slug: str) -> Source | None: ...
    def list_sources(self) -> list[Source]: ...
    def remove_source(self, source_id: int) -> None: ...

    def claim_due_sources(self, worker: str, now: datetime, lease_seconds: int, limit: int) -> list[Source]:
        """Sources due at `now`, not disabled and not leased by a live worker; leased to `worker`
        until now + lease_seconds (PostgreSQL: FOR UPDATE SKIP LOCKED)."""

    def save_source_state(self, source: Source) -> None:
        """Store the polling state (etag, next_fetch_at, errors...) and release the lease."""

    # articles
    def known_guids(self, source_id: int) -> set[str]:
        """Entry identities already stored for a source (so their pages are not fetched again)."""

    def save_articles(self, articles: Sequence[Article], stories: Sequence[Story] = (),
                      moves: Sequence[tuple[str, Sequence[str]]] = ()) -> list[bool]:
        """Upsert articles (with tags and one appearance each) and stories in ONE transaction, then
        move articles (with their folded copies) to the stories `moves` names, in order: a story
        split in two. Returns, per article, True when it was new. Returns only after commit."""

    def get_article(self, article_id: str) -> Article | None: ...
    def get_articles(self, article_ids: Sequence[str]) -> list[Article]: ...
    def article_by_url(self, url: str) -> Article | None: ...
    def list_articles(self, query: ArticleQuery) -> list[Article]: ...
    def count_articles(self, query: ArticleQuery, cap: int) -> int:
        """How many articles `list_articles` could list for `query` (its limit ignored), counting no
        further than `cap`: bounded work, to learn whether a range holds more than a page or a file."""

    def duplicates_of(self, article_id: str) -> list[Article]:
        """The folded copies of a canonical article."""

    def appearances(self, article_id: str) -> list[Appearance]: ...

    def related_articles(self, article: Article, limit: int = 6) -> list[Article]:
        """Other coverage: same story first, then shared hashtags; never only the same outlet."""

    def recent_articles(self, since: datetime) -> Iterator[Article]:
        """Canonical and folded articles published/fetched since `since`, oldest first
        (to warm the dedupe and story indexes after a restart)."""

    def search(self, text: str, query: ArticleQuery, *, order: str = "relevance",
               offset: int = 0) -> list[SearchHit]:
        """Full-text search; order is "relevance" (with recency) or "recent"."""

    # consistency across workers
    def story_lock(self) -> AbstractContextManager[None]:
        """Held by a worker around "catch up, assign stories, save the batch": on PostgreSQL a
        session advisory lock shared by every worker on every machine, so two workers never open two
        stories for one event because they raced; on SQLite a lock of this process (one ingest process)."""

    def article_mark(self) -> int:
        """Position of the newest stored article; take it before warming indexes with recent_articles."""

    def articles_after(self, mark: int, limit: int = 1000) -> tuple[list[Article], int]:
        """Articles stored after `mark` (by any worker), oldest first, and the mark to continue from."""

    # stories
    def get_story(self, story_id: str) -> Story | None: ...
    def top_stories(self, *, since: datetime | None = None, language: str | None = None,
                    category: str | None = None, limit: int = 20, offset: int = 0) -> list[Story]:
        """Stories ranked by coverage (distinct outlets) and recency."""

    # tags
    def tag_display(self, key: str) -> str | None: ...
    def tag_activity(self, since: datetime, until: datetime, *, language: str | None = None,
                     limit: int = 200) -> list[TagStat]:
        """Per hashtag in the window: distinct articles, stories and sources."""

    def related_tags(self, key: str, limit: int = 10) -> list[TagStat]:
        """Hashtags that co-occur with `key`, by number of shared stories."""

    # operations
    def counts(self) -> dict[str, int]:
        """articles, duplicates, stories, sources, tags, appearances."""

    def source_states(self, now: datetime) -> dict[str, int]:
        """Sources by polling state at `now`: due (waiting for a worker), leased (a worker holds them),
        waiting (next fetch later), disabled; these four add up to all sources. failing: enabled
        sources whose last fetches failed (they are also in one of the first three)."""

    def prune_bodies(self, older_than: datetime) -> int:
        """Drop text/html of articles older than `older_than`; keep rows, stories and tags."""

    def generation(self) -> int:
        """A number that moves whenever content changed (articles, stories, tags, sources), in any
        process or worker sharing the store; cheap to read, for cache invalidation."""

    def ping(self) -> None:
        """Raise StoreError unless the store answers a trivial query (for /healthz)."""

    def size_bytes(self) -> int:
        """Bytes the store occupies on disk (SQLite: file + WAL; PostgreSQL: the tables of its schema)."""
