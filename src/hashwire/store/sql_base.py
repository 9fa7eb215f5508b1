"""What the generic SQL code needs from a backend: a read runner, a write-transaction runner, a time codec.

The SQL in sql_articles.py and sql_catalog.py is written once, with `?` placeholders and syntax both
SQLite (>= 3.35) and PostgreSQL accept (ON CONFLICT upserts, row values, RETURNING). The PostgreSQL
cursor wrapper rewrites `?` to `%s`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

T = TypeVar("T")

# Search looks at the newest matches only. Ranking scores the newest RANK_CANDIDATES (more, up to
# RANK_CANDIDATES_MAX, when filters leave the page short): a term found in half of a million articles
# costs the same as one found in 5,000, and a rare term is always searched in full. Recency order looks
# at up to RECENT_CANDIDATES_MAX newest matches.
RANK_CANDIDATES = 400
RANK_CANDIDATES_MAX = 25_600
RECENT_CANDIDATES_MAX = 50_000
RECENCY_HOURS = 72.0  # relevance is divided by (1 + age in hours / 72)

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_MIGRATION_NAME = re.compile(r"^(?P<backend>[a-z]+)_(?P<version>\d{3})_[a-z0-9_]+\.sql$")


class Cursor(Protocol):
    """The part of a DB-API cursor the shared SQL uses (sqlite3.Cursor and PgCursor both fit)."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Any: ...
    def executemany(self, sql: str, seq: Iterable[Sequence[Any]], /) -> Any: ...
    def fetchone(self) -> Any: ...
    def fetchall(self) -> list[Any]: ...


def migrations_for(backend: str) -> list[tuple[int, str, str]]:
    """(version, file name, SQL) of every migration for a backend, oldest first. A file that looks like
    one but is misnamed, or two files with one version, are errors: a skipped migration would leave
    every new database without it."""
    found = []
    for path in MIGRATIONS.glob(f"{backend}_*.sql"):
        m = _MIGRATION_NAME.match(path.name)
        if m is None or m["backend"] != backend:
            raise ValueError(f"migration {path.name} is not named {backend}_NNN_words.sql "
                             "(three digits; lower-case letters, digits and _)")
        found.append((int(m["version"]), path.name, path.read_text(encoding="utf-8")))
    found.sort()
    versions = [v for v, _, _ in found]
    if len(set(versions)) != len(versions):
        twice = sorted({f"{v:03d}" for v in versions if versions.count(v) > 1})
        raise ValueError(f"{backend} migrations share a version: {', '.join(twice)}")
    return found


class SQLBase:
    """Hooks a backend provides. Writers run inside one transaction that commits before returning."""

    def _read(self, fn: Callable[[Cursor], T]) -> T:
        raise NotImplementedError

    def _write(self, fn: Callable[[Cursor], T]) -> T:
        raise NotImplementedError

    def _t(self, dt: datetime | None) -> Any:
        """A datetime as the backend stores it."""
        raise NotImplementedError

    def _dt(self, value: Any) -> datetime | None:
        """A stored time back as an aware UTC datetime."""
        raise NotImplementedError

    def _content_changed(self, cur: Cursor) -> None:
        """Called inside a transaction that changed content (SQLite bumps its generation here)."""

    def _after_content_change(self) -> None:
        """Called after such a transaction committed (PostgreSQL advances its generation here, so a
        reader never sees the new generation before the new content)."""

    def _write_content(self, fn: Callable[[Cursor], T]) -> T:
        """_write for transactions that change what pages show (not leases or polling state)."""

        def run(cur: Cursor) -> T:
            result = fn(cur)
            self._content_changed(cur)
            return result

        result = self._write(run)
        self._after_content_change()
        return result

    _concurrent_writers = False  # PostgreSQL: several transactions write at once

    def _lock_order(self, rows: Sequence[T], key: Callable[[Any], Any]) -> list[T]:
        """Rows in one global order when concurrent writers could otherwise deadlock on row locks."""
        return sorted(rows, key=key) if self._concurrent_writers else list(rows)

    _old_text_columns = ""  # columns _index_text needs of the stored version of a re-saved article

    def _index_text(self, cur: Cursor, arts: Sequence[Any], old: dict[str, tuple[Any, ...]]) -> None:
        """Bring the full-text index up to date after the batch's upsert (PostgreSQL: a generated column)."""

    def _serialize_stories(self, cur: Cursor) -> None:
        """Make concurrent writers update stories one at a time (SQLite's single writer already does)."""

    def _hours_since(self, column: str) -> str:
        """SQL for the hours from `column` to the time bound as the single `?` in the fragment."""
        raise NotImplementedError


def candidate_pages(run: Callable[[int], tuple[list[Any], int]], limit: int, offset: int, ranked: bool,
                    floor: int = 64) -> list[Any]:
    """Search only the newest matches: start with a few (ranking costs per candidate), grow while the
    filters leave the page short and more matches exist. A rare term is always searched in full.
    `run(n)` answers one page (`limit` rows after `offset`) from the newest n matches, and how many
    matches it looked at; every page of one query is cut from the same pool while pages stay full."""
    n = RANK_CANDIDATES if ranked else max(floor, 4 * (limit + offset))
    cap = RANK_CANDIDATES_MAX if ranked else RECENT_CANDIDATES_MAX
    while True:
        rows, seen = run(n)
        if len(rows) >= limit or seen < n or n >= cap:  # page full, every match seen, or enough work
            return rows
        n = min(cap, n * 4)
