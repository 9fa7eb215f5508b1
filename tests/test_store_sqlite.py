"""SQLite specifics: pragmas, migrations, locked and full databases, threads and processes sharing a file."""

from __future__ import annotations

import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from hashwire.errors import StoreError
from hashwire.models import Source
from hashwire.store import ArticleQuery, open_store
from hashwire.store.sql_base import migrations_for
from hashwire.store.sqlite import SQLiteStore, _statements
from store_fixtures import NOW, make_article


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "hw.db"


def test_pragmas_and_schema_version(db: Path) -> None:
    store = open_store(str(db))
    assert isinstance(store, SQLiteStore)
    try:
        conn = store._writer
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store.schema_version() == max(v for v, _, _ in migrations_for("sqlite"))
        assert store.integrity_check() == "ok"
    finally:
        store.close()
    reopened = open_store(f"sqlite:///{db}?synchronous=FULL")  # migrating an up-to-date file changes nothing
    assert isinstance(reopened, SQLiteStore)
    assert reopened._writer.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL: fsync every commit
    reopened.close()
    with pytest.raises(ValueError):
        SQLiteStore(db, synchronous="OFF")


def test_migration_split_keeps_trigger_bodies() -> None:
    (_, _, sql), *_ = migrations_for("sqlite")
    statements = _statements(sql)
    triggers = [s for s in statements if "CREATE TRIGGER" in s]
    assert len(triggers) == 3 and all(s.rstrip().endswith("END;") for s in triggers)


def test_locked_database_is_a_clear_error_and_nothing_half_written(db: Path) -> None:
    store = SQLiteStore(db, busy_timeout_ms=100)
    store.migrate()
    src = store.add_source(Source(url="https://o.example/feed", title="O"))
    blocker = sqlite3.connect(db, isolation_level=None)
    try:
        blocker.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StoreError, match="locked"):
            store.save_articles([make_article(i, source_id=src.id) for i in range(5)])
        blocker.execute("ROLLBACK")
        assert store.counts()["articles"] == 0
        assert store.save_articles([make_article(1, source_id=src.id)]) == [True]
    finally:
        blocker.close()
        store.close()


def test_disk_full_rolls_back_the_whole_batch(db: Path) -> None:
    store = SQLiteStore(db)
    store.migrate()
    try:
        src = store.add_source(Source(url="https://o.example/feed", title="O"))
        store.save_articles([make_article(0, source_id=src.id)])
        pages = store._writer.execute("PRAGMA page_count").fetchone()[0]
        store._writer.execute(f"PRAGMA max_page_count = {pages + 2}")  # a disk with two pages left
        big = [make_article(i, source_id=src.id, text="filler words " * 2000) for i in range(1, 40)]
        with pytest.raises(StoreError, match="disk full"):
            store.save_articles(big)
        assert store.counts()["articles"] == 1 and store.counts()["appearances"] == 1
        assert store.integrity_check() == "ok"
        store._writer.execute("PRAGMA max_page_count = 1073741823")
        assert all(store.save_articles(big))
    finally:
        store.close()


def test_readers_in_threads_while_writing(db: Path) -> None:
    store = open_store(str(db))
    src = store.add_source(Source(url="https://o.example/feed", title="O"))
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        try:
            while not stop.is_set():
                page = store.list_articles(ArticleQuery(limit=50))
                assert len({a.id for a in page}) == len(page)
                store.search("harbour", ArticleQuery())
        except BaseException as exc:
            errors.append(exc)

    readers = [threading.Thread(target=read) for _ in range(3)]
    for t in readers:
        t.start()
    try:
        for batch in range(20):
            store.save_articles([make_article(batch * 10 + i, source_id=src.id) for i in range(10)])
    finally:
        stop.set()
        for t in readers:
            t.join()
        store.close()
    assert errors == []


def test_two_stores_on_one_file_both_write(db: Path) -> None:
    first, second = open_store(str(db)), open_store(str(db))
    try:
        src = first.add_source(Source(url="https://o.example/feed", title="O"))
        assert second.add_source(Source(url="https://o.example/feed")).id == src.id

        def write(store: object, offset: int) -> None:
            assert isinstance(store, SQLiteStore)
            for b in range(10):
                store.save_articles([make_article(offset + b * 5 + i, source_id=src.id) for i in range(5)])

        threads = [threading.Thread(target=write, args=(s, n)) for s, n in ((first, 0), (second, 1000))]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert first.counts()["articles"] == 100 == second.counts()["articles"]
    finally:
        first.close()
        second.close()


def test_closed_store_refuses_work(db: Path) -> None:
    store = open_store(str(db))
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.save_articles([make_article(1)])


def test_full_text_index_follows_saves_corrections_and_pruning(db: Path) -> None:
    store = SQLiteStore(db)
    store.migrate()
    try:
        src = store.add_source(Source(url="https://o.example/feed", title="O"))
        art = make_article(1, source_id=src.id, title="Ferry strike")
        store.save_articles([art, make_article(2, source_id=src.id)])
        art.title = "Ferry walkout"
        store.save_articles([art, art])  # the same article twice in one batch
        assert [h.article.id for h in store.search("walkout", ArticleQuery())] == [art.id]
        assert store.search("strike", ArticleQuery()) == []
        assert store.prune_bodies(NOW + timedelta(hours=1)) == 2
        assert store.integrity_check() == "ok"  # file and FTS index against the articles table
        store._writer.execute("INSERT INTO articles_fts (rowid, title, text) VALUES (999, 'bogus', 'row')")
        assert store.integrity_check() != "ok"
    finally:
        store.close()
