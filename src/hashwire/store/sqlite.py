"""The embedded SQLite backend: WAL, one writer connection behind a lock, a reader connection per thread.

Durability: with journal_mode=WAL and synchronous=NORMAL (the default here) a commit has been written to
the WAL file before save_articles returns, so an acknowledged article survives the process being killed
(SIGKILL, OOM, crash); the WAL is fsynced at checkpoints, so a power loss or kernel panic can lose the
last commits. synchronous="FULL" fsyncs every commit and survives power loss too, at a cost in
throughput. Writers hold the single writer connection for one transaction (BEGIN IMMEDIATE) per batch;
readers never wait on the writer.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from ..errors import StoreError
from ..models import Article, SearchHit
from .base import ArticleQuery
from .rows import (
    ARTICLE_COLUMNS,
    ARTICLE_FIELDS,
    article_from_row,
    from_micros,
    fts5_query,
    make_snippet,
    micros,
    query_terms,
)
from .sql_articles import ArticlesSQL
from .sql_base import RECENCY_HOURS, Cursor, candidate_pages, migrations_for
from .sql_catalog import CatalogSQL

T = TypeVar("T")
CACHE_KIB = 65_536  # page cache per connection, KiB



def _error(exc: sqlite3.Error, path: str) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        msg = f"SQLite database {path} is locked by another writer (waited for busy_timeout): {text}"
    elif "full" in text:
        msg = f"disk full while writing SQLite database {path}: {text}"
    elif "readonly" in text or "read-only" in text:
        msg = f"SQLite database {path} is read-only: {text}"
    else:
        msg = f"SQLite error on {path}: {text}"
    return StoreError(msg)


class SQLiteStore(ArticlesSQL, CatalogSQL):
    """Store on one SQLite file. Safe to share between threads; several processes may open the same file."""

    def __init__(self, path: str | os.PathLike[str], *, synchronous: str = "NORMAL",
                 busy_timeout_ms: int = 10_000) -> None:
        self.path = str(path)
        if synchronous.upper() not in {"NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"synchronous must be NORMAL, FULL or EXTRA, not {synchronous!r}")
        self._synchronous = synchronous.upper()
        self._busy_ms = busy_timeout_ms
        parent = Path(self.path).parent
        parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._story_lock = threading.RLock()
        self._readers_lock = threading.Lock()
        self._readers: list[sqlite3.Connection] = []
        self._local = threading.local()
        self._closed = False
        try:
            self._writer = self._connect()
            self._writer.execute("PRAGMA journal_mode=WAL")
        except sqlite3.Error as exc:
            raise _error(exc, self.path) from exc

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                               timeout=self._busy_ms / 1000)
        conn.execute(f"PRAGMA busy_timeout={int(self._busy_ms)}")
        conn.execute(f"PRAGMA synchronous={self._synchronous}")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")  # random-key indexes (ids, URLs) need it at scale
        return conn

    # ---- backend hooks ------------------------------------------------------------------------
    def _t(self, dt: datetime | None) -> Any:
        return micros(dt)

    def _dt(self, value: Any) -> datetime | None:
        return from_micros(value)

    def _hours_since(self, column: str) -> str:
        return f"(max(0, ? - {column}) / 3600000000.0)"

    _old_text_columns = ", seq, title, text"

    def _index_text(self, cur: Cursor, arts: Sequence[Any], old: dict[str, tuple[Any, ...]]) -> None:
        """FTS5 rows for new articles, and delete + insert for re-saved ones whose title or text changed
        (an external-content index is told the old values to remove them)."""
        final: dict[str, Article] = {a.id: a for a in arts}  # the last copy of an id in the batch wins
        stale = [(seq, title, text) for aid, (seq, title, text) in old.items()
                 if (final[aid].title, final[aid].text) != (title, text)]
        if stale:
            cur.executemany("INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)",
                            stale)
        fresh = [(a.id, a.title, a.text) for aid, a in final.items()
                 if aid not in old or (a.title, a.text) != tuple(old[aid][1:])]
        cur.executemany("INSERT INTO articles_fts (rowid, title, text) "
                        "VALUES ((SELECT seq FROM articles WHERE id = ?), ?, ?)", fresh)

    def prune_bodies(self, older_than: datetime) -> int:
        """Empty text and html of old articles, 2,000 per transaction; titles stay searchable."""
        cutoff = micros(older_than)

        def run(cur: Cursor) -> int:
            cur.execute("SELECT seq, title, text FROM articles WHERE sort_at < ? AND (text <> '' OR html <> '') "
                        "LIMIT 2000", (cutoff,))
            rows = cur.fetchall()
            cur.executemany("INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                            "VALUES ('delete', ?, ?, ?)", rows)
            cur.executemany("INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, '')",
                            [(r[0], r[1]) for r in rows])
            cur.executemany("UPDATE articles SET text = '', html = '' WHERE seq = ?", [(r[0],) for r in rows])
            return len(rows)

        total = 0
        while (n := self._write_content(run)) > 0:
            total += n
        return total

    def _content_changed(self, cur: Cursor) -> None:
        cur.execute("UPDATE store_meta SET generation = generation + 1 WHERE id = 1")

    def generation(self) -> int:
        """A number that moves whenever content changed (in any process sharing the file)."""
        return int(self._read(lambda cur: cur.execute("SELECT generation FROM store_meta").fetchone()[0]))

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            if self._closed:
                raise StoreError(f"SQLite store {self.path} is closed")
            conn = self._connect()
            conn.execute("PRAGMA query_only=ON")
            with self._readers_lock:
                self._readers.append(conn)
            self._local.conn = conn
        return conn

    def _read(self, fn: Callable[[Cursor], T]) -> T:
        try:
            cur = self._reader().cursor()
            try:
                return fn(cur)
            finally:
                cur.close()
        except sqlite3.Error as exc:
            raise _error(exc, self.path) from exc

    def _write(self, fn: Callable[[Cursor], T]) -> T:
        with self._write_lock:
            if self._closed:
                raise StoreError(f"SQLite store {self.path} is closed")
            cur = self._writer.cursor()
            try:
                cur.execute("BEGIN IMMEDIATE")
                result = fn(cur)
                cur.execute("COMMIT")
                return result
            except BaseException as exc:
                if self._writer.in_transaction:
                    with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already
                        self._writer.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise _error(exc, self.path) from exc
                raise
            finally:
                cur.close()

    @contextlib.contextmanager
    def story_lock(self) -> Iterator[None]:
        """This process's story lock: a SQLite file has one ingest process (its single writer)."""
        with self._story_lock:
            yield

    # ---- lifecycle ----------------------------------------------------------------------------
    def migrate(self) -> None:
        def run(cur: Cursor) -> None:
            cur.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                        "name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            cur.execute("SELECT coalesce(max(version), 0) FROM schema_version")
            current = int(cur.fetchone()[0])
            for version, name, sql in migrations_for("sqlite"):
                if version <= current:
                    continue
                for statement in _statements(sql):
                    cur.execute(statement)
                cur.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                            (version, name, datetime.now(UTC).isoformat()))

        self._write(run)

    def schema_version(self) -> int:
        return self._read(lambda cur: int(cur.execute("SELECT max(version) FROM schema_version").fetchone()[0]))

    def close(self) -> None:
        with self._write_lock:
            if self._closed:
                return
            self._closed = True
            self._writer.close()
        with self._readers_lock:
            for conn in self._readers:
                conn.close()
            self._readers.clear()

    def size_bytes(self) -> int:
        """Bytes on disk: the database file plus its WAL."""
        return sum(os.path.getsize(p) for p in (self.path, self.path + "-wal") if os.path.exists(p))

    def integrity_check(self, *, full_text: bool = True) -> str:
        """"ok", or SQLite's list of problems: the database file, then (`full_text`) the FTS index
        checked against the articles table, which reads every article."""
        rows = self._read(lambda cur: cur.execute("PRAGMA integrity_check").fetchall())
        result = "\n".join(str(r[0]) for r in rows)
        if result != "ok" or not full_text:
            return result
        try:
            self._write(lambda cur: cur.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"))
        except StoreError as exc:
            return f"full-text index: {exc}"
        return "ok"

    # ---- search -------------------------------------------------------------------------------
    def search(self, text: str, query: ArticleQuery, *, order: str = "relevance",
               offset: int = 0) -> list[SearchHit]:
        """FTS5 over title and text. "relevance": -bm25 (title weighted 4x) / (1 + age hours / 72) over
        the newest matches; "recent": publication time over the newest matches (see candidate_pages)."""
        terms = query_terms(text)
        if not terms:
            return []
        cond, params = self._search_conditions(query)
        ranked = order != "recent"
        if ranked:
            score = "bm25(articles_fts, 4.0, 1.0)"
            order_by = f"(-m.r) / (1.0 + {self._hours_since('a.sort_at')} / {RECENCY_HOURS}) DESC, a.id DESC"
            order_params: list[Any] = [micros(datetime.now(UTC))]
        else:
            score, order_by, order_params = "0.0", "a.sort_at DESC, a.id DESC", []
        cols = ", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(","))
        match = fts5_query(terms)

        def page(cur: Cursor, n: int) -> tuple[list[Any], int]:
            cur.execute(
                f"WITH m AS (SELECT rowid AS seq, {score} AS r FROM articles_fts WHERE articles_fts MATCH ? "
                f"ORDER BY rowid DESC LIMIT ?) "
                f"SELECT {cols}, m.r, (SELECT count(*) FROM m) FROM m JOIN articles a ON a.seq = m.seq "
                f"WHERE true {cond} ORDER BY {order_by} LIMIT ? OFFSET ?",
                [match, n, *params, *order_params, max(0, query.limit), max(0, offset)])
            rows = cur.fetchall()
            return rows, (rows[0][ARTICLE_FIELDS + 1] if rows else n)

        rows = self._read(lambda cur: candidate_pages(lambda n: page(cur, n), max(0, query.limit), max(0, offset), ranked))
        hits = []
        for r in rows:
            article = article_from_row(r, from_micros)
            hits.append(SearchHit(article=article, snippet=make_snippet(article.text, article.title, terms),
                                  rank=float(-r[ARTICLE_FIELDS]) if ranked else 0.0))
        return hits


def _statements(script: str) -> list[str]:
    """Split a migration into statements (trigger bodies keep their inner semicolons)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()):
        out.append(buf.strip())
    return out
