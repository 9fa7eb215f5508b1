"""The PostgreSQL backend: psycopg 3 with a connection pool, tsvector + GIN search, safe for many workers.

- Lost connections: the pool checks a connection before lending it; an operation that fails on a
  connection or transaction error (server restart, network drop, deadlock, serialization failure) is
  retried with backoff. Every operation is idempotent (upserts keyed by article id and entry
  identity), so a retry after a commit whose acknowledgement was lost only reports `False` ("not new").
- Workers claim due sources with FOR UPDATE SKIP LOCKED and a lease (see claim_due_sources).
- Stories: every batch takes pg_advisory_xact_lock(STORY_LOCK) before it writes stories, so story
  upserts, merges and the article/outlet counts recomputed from rows never interleave between workers.
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import psycopg
from psycopg_pool import ConnectionPool, PoolTimeout

from ..errors import StoreError
from ..models import SearchHit
from .base import ArticleQuery
from .rows import ARTICLE_COLUMNS, MARK_CLOSE, MARK_OPEN, article_from_row, marked_snippet, query_terms, utc
from .sql_articles import ArticlesSQL
from .sql_base import Cursor, migrations_for
from .sql_catalog import CatalogSQL

T = TypeVar("T")

STORY_LOCK = 0x68617368  # advisory lock key for story writes ("hash")
MIGRATION_LOCK = 0x68617369
RANK_CANDIDATES = 4000  # as in SQLite: rank the newest 4,000 matches at most
RECENCY_HOURS = 72.0
_HEADLINE = f"StartSel={MARK_OPEN}, StopSel={MARK_CLOSE}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=…"
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


class PostgresStore(ArticlesSQL, CatalogSQL):
    """Store on a PostgreSQL database (the schema is the first one on the connection's search_path)."""

    _lock_due = " FOR UPDATE SKIP LOCKED"

    def __init__(self, url: str, *, min_size: int = 1, max_size: int = 8, retries: int = 4,
                 connect_timeout: float = 10.0) -> None:
        self.url = url
        self._retries = retries
        try:
            self._pool = ConnectionPool(url, min_size=min_size, max_size=max_size, open=True,
                                        timeout=connect_timeout, kwargs={"autocommit": True},
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

    # ---- search -------------------------------------------------------------------------------
    def search(self, text: str, query: ArticleQuery, *, order: str = "relevance",
               offset: int = 0) -> list[SearchHit]:
        """tsvector search. relevance = ts_rank (title weight 4x text) / (1 + age hours / 72), among the
        newest RANK_CANDIDATES matches; "recent" orders those matches by publication time."""
        terms = query_terms(text)
        if not terms:
            return []
        words = " ".join(terms)
        where, params = self._filters(query)
        if query.hashtag:
            from ..hashtag_form import tag_key

            where.append("EXISTS (SELECT 1 FROM article_tags g WHERE g.article_id = a.id AND g.key = ?)")
            params.append(tag_key(query.hashtag))
        cond = f"AND {' AND '.join(where)}" if where else ""
        if order == "recent":
            order_by, order_params = "a.sort_at DESC, a.id DESC", []
        else:
            order_by = f"{_RANK} / (1.0 + {self._hours_since('a.sort_at')} / {RECENCY_HOURS}) DESC, a.id DESC"
            order_params = [datetime.now(UTC)]
        cols = ", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(","))
        sql = (f"WITH q AS (SELECT plainto_tsquery('simple', ?) AS q), "
               f"m AS (SELECT a.seq FROM articles a, q WHERE a.search @@ q.q ORDER BY a.seq DESC "
               f"LIMIT {RANK_CANDIDATES}) "
               f"SELECT {cols}, {_RANK} AS r, a.seq "
               f"FROM m JOIN articles a ON a.seq = m.seq CROSS JOIN q WHERE true {cond} "
               f"ORDER BY {order_by} LIMIT ? OFFSET ?")

        def run(cur: Cursor) -> list[SearchHit]:
            cur.execute(sql, [words, *params, *order_params, max(0, query.limit), max(0, offset)])
            rows = cur.fetchall()
            if not rows:
                return []
            cur.execute(
                "WITH q AS (SELECT plainto_tsquery('simple', ?) AS q) "
                "SELECT a.seq, ts_headline('simple', CASE WHEN to_tsvector('simple', a.text) @@ q.q "
                "THEN a.text ELSE a.title END, q.q, ?) FROM articles a CROSS JOIN q WHERE a.seq = ANY(?)",
                [words, _HEADLINE, [r[25] for r in rows]])
            snippets = {r[0]: r[1] for r in cur.fetchall()}
            hits = []
            for r in rows:
                article = article_from_row(r, self._dt)
                raw = snippets.get(r[25]) or ""
                snippet = marked_snippet(raw) if raw else html.escape(article.description or article.title)
                hits.append(SearchHit(article=article, snippet=snippet, rank=float(r[24])))
            return hits

        return self._read(run)
