"""PostgreSQL specifics: lost connections, an unreachable server, workers racing for sources and stories."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta

import psycopg
import pytest

from hashwire.errors import StoreError
from hashwire.models import Source, Story
from hashwire.store.postgres import PostgresStore
from hashwire.store.sql_base import migrations_for
from store_fixtures import NOW, PG_URL, make_article, postgres_schema, postgres_unreachable

pytestmark = pytest.mark.postgres
_SKIP = postgres_unreachable()


@pytest.fixture
def url() -> Iterator[str]:
    if _SKIP:
        pytest.skip(_SKIP)
    with postgres_schema() as u:
        yield u


def open_pg(url: str, **kw: int) -> PostgresStore:
    store = PostgresStore(url, **kw)
    store.migrate()
    return store


def test_migrations_race_and_are_recorded(url: str) -> None:
    stores = [PostgresStore(url) for _ in range(3)]
    try:
        threads = [threading.Thread(target=s.migrate) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert {s.schema_version() for s in stores} == {max(v for v, _, _ in migrations_for("postgres"))}
        assert stores[0].size_bytes() > 0
    finally:
        for s in stores:
            s.close()


def test_lost_connection_is_retried(url: str) -> None:
    store = open_pg(url, min_size=1, max_size=1)
    try:
        src = store.add_source(Source(url="https://o.example/feed", title="O"))
        pid = store._read(lambda cur: cur.execute("SELECT pg_backend_pid()").fetchone()[0])
        with psycopg.connect(PG_URL, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert store.save_articles([make_article(1, source_id=src.id)]) == [True]
        assert store.counts()["articles"] == 1
    finally:
        store.close()


def test_unreachable_server_is_a_store_error() -> None:
    store = PostgresStore("postgresql://postgres@127.0.0.1:9/test", connect_timeout=0.5, retries=1)
    try:
        with pytest.raises(StoreError, match="PostgreSQL unavailable"):
            store.ping()
    finally:
        store.close()


def test_workers_never_claim_one_source_twice(url: str) -> None:
    stores = [open_pg(url, max_size=2) for _ in range(4)]
    try:
        for i in range(60):
            stores[0].add_source(Source(url=f"https://o{i}.example/feed", title=f"Outlet {i}"))
        claimed: list[int] = []
        lock = threading.Lock()

        def work(n: int) -> None:
            while got := stores[n].claim_due_sources(f"w{n}", NOW, 300, 3):
                with lock:
                    claimed.extend(s.id or 0 for s in got)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert len(claimed) == 60 and max(Counter(claimed).values()) == 1
        assert stores[1].claim_due_sources("w9", NOW + timedelta(seconds=301), 300, 100)  # leases expire
    finally:
        for s in stores:
            s.close()


def test_concurrent_writers_agree_on_stories(url: str) -> None:
    stores = [open_pg(url, max_size=2) for _ in range(3)]
    try:
        srcs = [stores[0].add_source(Source(url=f"https://o{i}.example/feed", title=f"O{i}")) for i in range(3)]
        errors: list[BaseException] = []

        def work(n: int) -> None:
            try:
                for b in range(8):
                    arts = [make_article(b * 10 + i, source_id=srcs[n].id, story_id=f"s{i}") for i in range(5)]
                    stories = [Story(id=f"s{i}", title=f"S{i}", first_seen=NOW, last_seen=NOW) for i in range(5)]
                    stores[n].save_articles(arts, stories)
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=work, args=(n,)) for n in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        for i in range(5):
            story = stores[0].get_story(f"s{i}")
            assert story is not None and (story.article_count, story.source_count) == (24, 3)
        assert stores[0].counts()["articles"] == 120
    finally:
        for s in stores:
            s.close()


def test_story_lock_excludes_other_workers(url: str) -> None:
    first, second = open_pg(url), open_pg(url)
    order: list[str] = []
    inside = threading.Event()

    def other() -> None:
        inside.wait()
        with second.story_lock():
            order.append("second")

    t = threading.Thread(target=other)
    t.start()
    try:
        with first.story_lock():
            inside.set()
            t.join(0.3)  # the other worker waits for the lock
            order.append("first")
        t.join()
        assert order == ["first", "second"]
    finally:
        first.close()
        second.close()
