"""The PostgreSQL backend: psycopg 3 with a connection pool, tsvector + GIN search, safe for many workers.

- Lost connections: the pool checks a connection before lending it; an operation that fails on a
  connection or transaction error (server restart, network drop, deadlock, serialization failure) is
  retried with backoff. Every operation is idempotent (upserts keyed by article id and entry
  identity), so a retry after a commit whose acknowledgement was lost only reports `False` ("not new").
- Workers claim due sources with FOR UPDATE SKIP LOCKED and a lease (see claim_due_sources).
- Stories, two levels. A worker holds story_lock() (session advisory lock ASSIGN_LOCK) around
  "articles_after(mark) -> restore them into its story index -> assign the batch -> save_articles", so
  assignment always sees every story other workers saved: no event is split into two stories by a
  race. And every save takes pg_advisory_xact_lock(STORY_LOCK) before it writes stories, so upserts,
  merges and the article/outlet counts recomputed from rows never interleave, even for callers that
  do not use story_lock.
"""

from __future__ import annotations

import contextlib
import math
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from ..errors import StoreError
from ..models import SearchHit
from .base import ArticleQuery
from .rows import ARTICLE_COLUMNS, ARTICLE_FIELDS, article_from_row, make_snippet, query_terms, utc
from .sql_articles import ArticlesSQL
from .sql_base import RANK_CANDIDATES, RECENCY_HOURS, Cursor, candidate_pages, migrations_for
from .sql_catalog import CatalogSQL

T = TypeVar("T")

STORY_LOCK = 0x68617368  # advisory lock key for story writes ("hash")
MIGRATION_LOCK = 0x68617369
ASSIGN_LOCK = 0x6861736A  # held by a worker around catch-up + story assignment + save (story_lock)
WALK_COST_RATIO = 5.0  # reading one row's tsvector while walking the key vs rechecking one bitmap row
_RANK = "ts_rank('{0.1, 0.2, 0.25, 1.0}', a.search, q.q)"  # weights D, C, B (text), A (title)
_SQL_CACHE: dict[str, str] = {}


def _pg(sql: str) -> str:
    """`?` placeholders -> psycopg's `%s` (a literal % doubled)."""
    out = _SQL_CACHE.get(sql)
    if out is None:
        out = _SQL_CACHE[sql] = sql.replace("%", "%%").replace("?", "%s")
    return out


class PgCursor:
    """A psycopg cursor that takes the shared SQL's `?` placeholders."""

    def __init__(self, cur: psycopg.Cursor[Any]) -> None:
        self._cur = cur

    @property
    def rowcount(self) -> int:
        return self._cur.rowcount

    def execute(self, sql: str, params: Sequence[Any] = (), /) -> PgCursor:
        self._cur.execute(_pg(sql), params)
        return self

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]], /) -> None:
        rows = list(seq)
        if rows:
            self._cur.executemany(_pg(sql), rows)

    def fetchone(self) -> Any:
        return self._cur.fetchone()

    def script(self, sql: str) -> None:
        """Run several statements without parameters (a migration file)."""
        self._cur.execute(sql.encode("utf-8"))

    def fetchall(self) -> list[Any]:
        return self._cur.fetchall()


def _configure(conn: psycopg.Connection[Any]) -> None:
    """Statements psycopg prepares still get a plan for their actual values: a generic plan cannot
    tell a word in every article from a word in ten, and search needs opposite plans for them."""
    conn.execute("SET plan_cache_mode = force_custom_plan")


class PostgresStore(ArticlesSQL, CatalogSQL):
    """Store on a PostgreSQL database (the schema is the first one on the connection's search_path)."""

    _lock_due = " FOR UPDATE SKIP LOCKED"
    _concurrent_writers = True

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 8, retries: int = 4,
                 connect_timeout: float = 10.0) -> None:
        self.url = url
        self._retries = retries
        self._word_stats: tuple[dict[str, float], float] | None = None
        self._word_stats_at = 0.0
        try:
            self._pool = ConnectionPool(url, min_size=min_size, max_size=max_size, open=True,
                                        timeout=connect_timeout, kwargs={"autocommit": True},
                                        configure=_configure,
                                        check=ConnectionPool.check_connection, name="hashwire")
        except psycopg.Error as exc:  # pragma: no cover - the pool connects in the background
            raise StoreError(f"PostgreSQL: cannot open pool: {exc}") from exc

    # ---- backend hooks ------------------------------------------------------------------------
    def _t(self, dt: datetime | None) -> Any:
        return utc(dt)

    def _dt(self, value: Any) -> datetime | None:
        return value.astimezone(UTC) if isinstance(value, datetime) else None

    def _hours_since(self, column: str) -> str:
        return f"greatest(0, extract(epoch FROM (CAST(? AS timestamptz) - {column})) / 3600.0)"

    def _after_content_change(self) -> None:
        self._read(lambda cur: cur.execute("SELECT nextval('store_generation')").fetchone())

    def generation(self) -> int:
        """A number that moves whenever content changed (by any worker)."""
        return int(self._read(lambda cur: cur.execute(
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM store_generation").fetchone()[0]))

    def _serialize_stories(self, cur: Cursor) -> None:
        cur.execute("SELECT pg_advisory_xact_lock(?)", (STORY_LOCK,))

    def _run(self, fn: Callable[[Cursor], T], *, write: bool) -> T:
        delay, last = 0.1, ""
        for _attempt in range(self._retries + 1):
            try:
                with self._pool.connection() as conn, conn.cursor() as raw:
                    if not write:
                        return fn(PgCursor(raw))
                    with conn.transaction():
                        return fn(PgCursor(raw))
            except (psycopg.OperationalError, PoolTimeout) as exc:
                # connection lost, server restarting, deadlock or serialization failure: try again
                last = str(exc).strip() or type(exc).__name__
                time.sleep(delay)
                delay = min(delay * 2, 2.0)
            except psycopg.Error as exc:
                raise StoreError(f"PostgreSQL error: {str(exc).strip()}") from exc
        raise StoreError(f"PostgreSQL unavailable after {self._retries + 1} attempts: {last}")

    def _read(self, fn: Callable[[Cursor], T]) -> T:
        return self._run(fn, write=False)

    def _write(self, fn: Callable[[Cursor], T]) -> T:
        return self._run(fn, write=True)

    @contextlib.contextmanager
    def story_lock(self) -> Iterator[None]:
        """A session advisory lock (ASSIGN_LOCK) held on one pooled connection for the block; if that
        connection dies the server drops the lock, so a killed worker never blocks the others."""
        try:
            with self._pool.connection() as conn:
                conn.execute("SELECT pg_advisory_lock(%s)", (ASSIGN_LOCK,))
                try:
                    yield
                finally:
                    with contextlib.suppress(psycopg.OperationalError):  # a lost session lost its lock too
                        conn.execute("SELECT pg_advisory_unlock(%s)", (ASSIGN_LOCK,))
        except (psycopg.OperationalError, PoolTimeout) as exc:
            raise StoreError(f"PostgreSQL: cannot take the story lock: {exc}") from exc

    # ---- lifecycle ----------------------------------------------------------------------------
    def migrate(self) -> None:
        def run(cur: Cursor) -> None:
            cur.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, "
                        "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
            cur.execute("SELECT coalesce(max(version), 0) FROM schema_version")
            current = int(cur.fetchone()[0])
            for version, name, sql in migrations_for("postgres"):
                if version > current:
                    assert isinstance(cur, PgCursor)
                    cur.script(sql)
                    cur.execute("INSERT INTO schema_version (version, name) VALUES (?, ?)", (version, name))

        self._write(run)

    def schema_version(self) -> int:
        return self._read(lambda cur: int(cur.execute("SELECT max(version) FROM schema_version").fetchone()[0]))

    def close(self) -> None:
        self._pool.close()

    def size_bytes(self) -> int:
        """Bytes of the tables (with indexes and TOAST) in the store's schema."""
        return self._read(lambda cur: int(cur.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind = 'r'").fetchone()[0]))

    def _match_share(self, terms: Sequence[str]) -> tuple[float, float]:
        """Estimated share of articles matching every term (from pg_stats' most common lexemes, words
        assumed independent), and the table's row count; statistics re-read every 10 minutes."""
        now = time.monotonic()
        if self._word_stats is None or now - self._word_stats_at > 600:
            def run(cur: Cursor) -> tuple[dict[str, float], float]:
                cur.execute("SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                            "WHERE schemaname = current_schema() AND tablename = 'articles' AND attname = 'search'")
                row = cur.fetchone()
                cur.execute("SELECT reltuples FROM pg_class WHERE oid = CAST('articles' AS regclass)")
                table_rows = float(cur.fetchone()[0])
                shares = dict(zip(row[0], (float(f) for f in row[1]), strict=False)) if row and row[0] else {}
                return shares, table_rows

            self._word_stats, self._word_stats_at = self._read(run), now
        shares, table_rows = self._word_stats
        unlisted = min(shares.values(), default=0.02) / 2  # a word not among the most common
        share = 1.0
        for term in terms:
            share *= shares.get(term, unlisted)
        return share, table_rows

    # ---- search -------------------------------------------------------------------------------
    def search(self, text: str, query: ArticleQuery, *, order: str = "relevance",
               offset: int = 0) -> list[SearchHit]:
        """tsvector search. "relevance": ts_rank (title weighted 4x) / (1 + age hours / 72) over the
        newest matches; "recent": publication time over the newest matches (see candidate_pages)."""
        terms = query_terms(text)
        if not terms:
            return []
        cond, params = self._search_conditions(query)
        ranked = order != "recent"
        if ranked:
            score = _RANK
            order_by = f"{_RANK} / (1.0 + {self._hours_since('a.sort_at')} / {RECENCY_HOURS}) DESC, a.id DESC"
            order_params: list[Any] = [datetime.now(UTC)]
        else:
            score, order_by, order_params = "0.0", "a.sort_at DESC, a.id DESC", []
        cols = ", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(","))
        words = " ".join(terms)

        share, table_rows = self._match_share(terms)

        def page(cur: Cursor, n: int) -> tuple[list[Any], int]:
            # Walk the primary key backwards (stops after n matches) when the words are common enough,
            # else intersect GIN posting lists ("seq + 0" hides the key's order from the planner). The
            # planner's own choice reads a tsvector per row it walks and is often wrong by 10-100x.
            walk = share >= math.sqrt(n * WALK_COST_RATIO / max(table_rows, 1.0))
            cur.execute(
                "WITH q AS (SELECT plainto_tsquery('simple', ?) AS q), "
                "m AS (SELECT a.seq FROM articles a WHERE a.search @@ plainto_tsquery('simple', ?) "
                f"ORDER BY {'a.seq' if walk else 'a.seq + 0'} DESC LIMIT ?) "
                f"SELECT {cols}, {score}, (SELECT count(*) FROM m) FROM m JOIN articles a ON a.seq = m.seq "
                f"CROSS JOIN q WHERE true {cond} ORDER BY {order_by} LIMIT ? OFFSET ?",
                [words, words, n, *params, *order_params, max(0, query.limit), max(0, offset)])
            rows = cur.fetchall()
            return rows, (rows[0][ARTICLE_FIELDS + 1] if rows else n)

        # at least RANK_CANDIDATES even for "recent": asked for fewer, the planner may walk the primary
        # key for a word it cannot estimate (a rare one) and read the whole table
        rows = self._read(lambda cur: candidate_pages(lambda n: page(cur, n), max(0, query.limit), max(0, offset), ranked, RANK_CANDIDATES))
        hits = []
        for r in rows:
            article = article_from_row(r, self._dt)
            hits.append(SearchHit(article=article, snippet=make_snippet(article.text, article.title, terms),
                                  rank=float(r[ARTICLE_FIELDS]) if ranked else 0.0))
        return hits
