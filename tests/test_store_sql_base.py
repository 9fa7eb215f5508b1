"""What sql_base gives both backends: migrations found in order and recorded once (upgrades from an
older file or schema, a failing migration leaving nothing behind), and the candidate pool of search
(growth, caps, and what it means for real searches on SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hashwire.errors import StoreError
from hashwire.models import Source
from hashwire.store import ArticleQuery, Store, open_store, sql_base
from hashwire.store.sql_base import (
    MIGRATIONS,
    RANK_CANDIDATES,
    RANK_CANDIDATES_MAX,
    RECENT_CANDIDATES_MAX,
    candidate_pages,
    migrations_for,
)
from store_fixtures import make_article, postgres_schema, postgres_unreachable, sqlite_url

_PG_SKIP = postgres_unreachable()
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL with nothing in it yet (SQLite file or PostgreSQL schema)."""
    if request.param == "sqlite":
        yield sqlite_url(tmp_path)
        return
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    with postgres_schema() as pg_url:
        yield pg_url


def execute(url: str, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Run SQL on the store's database behind its back (a plain connection)."""
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(sql.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []
    import sqlite3

    conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def unmigrated(url: str) -> Any:
    """The backend's store object before migrate() (open_store would migrate at once)."""
    if url.startswith("postgresql"):
        from hashwire.store.postgres import PostgresStore

        return PostgresStore(url)
    from hashwire.store.sqlite import SQLiteStore

    return SQLiteStore(url.removeprefix("sqlite:///"))


def backend(url: str) -> str:
    return "postgres" if url.startswith("postgresql") else "sqlite"


# ---- migrations ---------------------------------------------------------------------------------------

def test_every_migration_file_is_found_in_version_order() -> None:
    every = sorted(p.name for p in MIGRATIONS.glob("*.sql"))
    found = []
    for name in ("sqlite", "postgres"):
        versions = [v for v, _, _ in migrations_for(name)]
        assert versions == list(range(1, len(versions) + 1)), name  # 1, 2, 3... no gap, no repeat
        found += [file for _, file, _ in migrations_for(name)]
    assert sorted(found) == every  # no file is silently left out


def fake_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, files: dict[str, str]) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir(exist_ok=True)
    for name, sql in files.items():
        (folder / name).write_text(sql, encoding="utf-8")
    monkeypatch.setattr(sql_base, "MIGRATIONS", folder)


def test_versions_order_numerically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_migrations(tmp_path, monkeypatch, {"sqlite_010_late.sql": "-- 10", "sqlite_002_b.sql": "-- 2",
                                            "sqlite_001_a.sql": "-- 1", "postgres_001_a.sql": "-- pg"})
    assert [(v, n) for v, n, _ in migrations_for("sqlite")] == [
        (1, "sqlite_001_a.sql"), (2, "sqlite_002_b.sql"), (10, "sqlite_010_late.sql")]
    assert [n for _, n, _ in migrations_for("postgres")] == ["postgres_001_a.sql"]


@pytest.mark.parametrize("bad", ["sqlite_4_short.sql", "sqlite_004-dash.sql", "sqlite_004_Upper.sql",
                                 "sqlite_0004_long.sql"])
def test_a_misnamed_migration_is_an_error_not_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     bad: str) -> None:
    fake_migrations(tmp_path, monkeypatch, {"sqlite_001_a.sql": "-- 1", bad: "CREATE TABLE t (x);"})
    with pytest.raises(ValueError, match=bad):
        migrations_for("sqlite")


def test_two_migrations_with_one_version_are_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_migrations(tmp_path, monkeypatch, {"sqlite_001_a.sql": "-- 1", "sqlite_002_b.sql": "-- 2",
                                            "sqlite_002_c.sql": "-- 2 again"})
    with pytest.raises(ValueError, match="002"):
        migrations_for("sqlite")


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_each_migration_is_recorded_once(url: str) -> None:
    open_store(url).close()
    open_store(url).close()  # opening again applies nothing
    rows = execute(url, "SELECT version, name, applied_at FROM schema_version ORDER BY version")
    assert [(v, n) for v, n, _ in rows] == [(v, n) for v, n, _ in migrations_for(backend(url))]
    for _, _, applied in rows:
        assert applied  # a time is kept for each (text on SQLite, timestamptz on PostgreSQL)
        if isinstance(applied, str):
            datetime.fromisoformat(applied)


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_an_older_database_is_upgraded_in_place(url: str) -> None:
    (version, name, first_sql), *later = migrations_for(backend(url))
    assert later, "needs at least two migrations"
    if backend(url) == "sqlite":
        import sqlite3

        from hashwire.store.sqlite import _statements

        conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
        for statement in _statements(first_sql):
            conn.execute(statement)
        conn.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                     "applied_at TEXT NOT NULL)")
        conn.execute("INSERT INTO schema_version VALUES (?, ?, ?)", (version, name, "2026-01-01T00:00:00+00:00"))
        conn.execute("INSERT INTO sources (url, slug) VALUES ('https://old.example/feed', 'old')")
        conn.close()
    else:
        execute(url, first_sql)
        execute(url, "CREATE TABLE schema_version (version integer PRIMARY KEY, name text NOT NULL, "
                     "applied_at timestamptz NOT NULL DEFAULT now())")
        execute(url, "INSERT INTO schema_version (version, name) VALUES (?, ?)", (version, name))
        execute(url, "INSERT INTO sources (url, slug) VALUES ('https://old.example/feed', 'old')")
    store = open_store(url)
    try:
        assert store.schema_version() == later[-1][0]
        assert [s.slug for s in store.list_sources()] == ["old"]  # the data of version 1 is kept
        src = store.add_source(Source(url="https://new.example/feed", title="New"))
        assert store.save_articles([make_article(1, source_id=src.id)]) == [True]
        assert store.generation() > 0  # a table or sequence the later migrations brought
    finally:
        store.close()
    names = [n for (n,) in execute(url, "SELECT name FROM schema_version ORDER BY version")]
    assert names == [n for _, n, _ in migrations_for(backend(url))]


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_a_failing_migration_leaves_nothing_behind(url: str, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    open_store(url).close()
    name = backend(url)
    current = migrations_for(name)[-1][0]
    folder = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, folder)
    bad = folder / f"{name}_{current + 1:03d}_half_done.sql"
    bad.write_text("CREATE TABLE half_done (x integer);\nALTER TABLE no_such_table ADD COLUMN y integer;\n",
                   encoding="utf-8")
    monkeypatch.setattr(sql_base, "MIGRATIONS", folder)
    raw = unmigrated(url)
    try:
        with pytest.raises(StoreError):
            raw.migrate()
    finally:
        raw.close()
    assert execute(url, "SELECT max(version) FROM schema_version") == [(current,)]
    exists = ("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'" if name == "sqlite" else
              "SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done' "
              "AND table_schema = current_schema()")
    assert execute(url, exists) == [(0,)]
    bad.unlink()
    store = open_store(url)  # once the migration is fixed (here: withdrawn), the store opens
    assert store.schema_version() == current
    store.close()


# ---- the candidate pool ------------------------------------------------------------------------------

def pool(total_matches: int, keep: float, need: int, ranked: bool, floor: int = 64, offset: int = 0) -> list[int]:
    """The pool sizes candidate_pages tries when `keep` of the matches pass the filters and a page of
    `need` rows after `offset` is asked for."""
    tried: list[int] = []

    def run(n: int) -> tuple[list[Any], int]:
        tried.append(n)
        seen = min(n, total_matches)
        passing = int(seen * keep)
        return [object()] * max(0, min(need, passing - offset)), seen

    candidate_pages(run, need, offset, ranked, floor)
    return tried


def test_ranked_pool_starts_small_and_grows_fourfold_to_its_cap() -> None:
    assert pool(1_000_000, 1.0, 20, True) == [RANK_CANDIDATES]  # the page is full at once
    assert pool(1_000_000, 0.01, 20, True) == [400, 1600, 6400]  # 64 rows pass at 6,400
    assert pool(1_000_000, 0.0, 20, True) == [400, 1600, 6400, RANK_CANDIDATES_MAX]  # never past the cap
    assert pool(900, 0.0, 20, True) == [400, 1600]  # every match seen: no point growing further


def test_recency_pool_scales_with_the_page_and_has_its_own_cap() -> None:
    assert pool(1_000_000, 1.0, 5, False) == [64]  # the floor
    assert pool(1_000_000, 1.0, 100, False) == [400]  # four times the page
    assert pool(1_000_000, 1.0, 5, False, floor=RANK_CANDIDATES) == [RANK_CANDIDATES]
    sizes = pool(10_000_000, 0.0, 100, False)
    assert sizes[-1] == RECENT_CANDIDATES_MAX and sizes == sorted(sizes) and len(sizes) == len(set(sizes))
    assert pool(1_000_000, 1.0, 0, False) == [64] and pool(1_000_000, 1.0, 0, True) == [400]


def test_later_pages_reuse_the_first_pages_pool() -> None:
    assert pool(1_000_000, 1.0, 20, True, offset=40) == [RANK_CANDIDATES]  # the ranking page 1 came from
    assert pool(1_000_000, 1.0, 20, False, offset=40) == [4 * 60]  # enough newest matches to reach it
    assert pool(1_000_000, 1.0, 20, True, offset=RANK_CANDIDATES) == [RANK_CANDIDATES, 4 * RANK_CANDIDATES]


@pytest.fixture
def small_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pools of 4 growing to 16 (ranked) and 16 (recency), so a few dozen articles show the bounds."""
    from hashwire.store import postgres, sqlite

    monkeypatch.setattr(sql_base, "RANK_CANDIDATES", 4)
    monkeypatch.setattr(sql_base, "RANK_CANDIDATES_MAX", 16)
    monkeypatch.setattr(sql_base, "RECENT_CANDIDATES_MAX", 16)
    monkeypatch.setattr(postgres, "RANK_CANDIDATES", 4)
    assert sqlite.candidate_pages is sql_base.candidate_pages


@pytest.fixture
def store(url: str) -> Iterator[Store]:
    s = open_store(url)
    yield s
    s.close()


def volcano_store(store: Store, count: int, arabic_at: list[int]) -> list[str]:
    """`count` articles that mention a volcano, newest first, saved oldest first as ingest would (the pool
    is the most recently saved matches); those at `arabic_at` are in Arabic."""
    src = store.add_source(Source(url="https://o.example/feed", title="O"))
    arts = [make_article(i, source_id=src.id, hours_ago=i, title=f"Volcano report {i}",
                         text=f"The volcano rumbled again, report {i}.", language="ar" if i in arabic_at else "en")
            for i in range(count)]
    for a in reversed(arts):
        store.save_articles([a])
    return [a.id for a in arts]


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_filters_grow_the_ranked_pool_until_the_page_fills_within_the_cap(store: Store, small_pool: None) -> None:
    ids = volcano_store(store, 40, arabic_at=[2, 9, 15, 30])
    found = [h.article.id for h in store.search("volcano", ArticleQuery(language="ar", limit=10))]
    # 2 is in the first pool (4), 9 and 15 after growing to 16 (the cap); 30 is beyond the cap
    assert set(found) == {ids[2], ids[9], ids[15]}
    assert len(store.search("volcano", ArticleQuery(limit=40))) == 16  # unfiltered: the cap's worth


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_filters_grow_the_recency_pool_within_its_cap(store: Store, small_pool: None,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sql_base, "RECENT_CANDIDATES_MAX", 64)
    ids = volcano_store(store, 80, arabic_at=[3, 40, 63, 70])
    found = [h.article.id for h in store.search("volcano", ArticleQuery(language="ar", limit=10), order="recent")]
    assert found == [ids[3], ids[40], ids[63]]  # newest first; 70 is beyond the 64 newest matches


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_a_rare_word_is_searched_in_full(store: Store, small_pool: None) -> None:
    ids = volcano_store(store, 40, arabic_at=[])
    src = store.add_source(Source(url="https://p.example/feed", title="P"))
    old = make_article(99, source_id=src.id, hours_ago=24 * 365, title="Caldera collapse", text="Rare caldera.")
    store.save_articles([old])
    assert [h.article.id for h in store.search("caldera", ArticleQuery())] == [old.id]
    assert ids  # (the 40 newer articles do not mention it)


@pytest.mark.parametrize("url", BACKENDS, indirect=True)
def test_paging_by_offset_walks_one_ranking(store: Store, small_pool: None) -> None:
    src = store.add_source(Source(url="https://o.example/feed", title="O"))
    newer = [make_article(i, source_id=src.id, hours_ago=i * 0.01, title=f"Report {i}",
                          text=f"A volcano was mentioned in passing in report {i} among many other words.")
             for i in range(4)]
    older = [make_article(10 + i, source_id=src.id, hours_ago=1 + i * 0.01, title=f"Volcano volcano {i}",
                          text="Volcano erupts. Volcano ash. Volcano alert.") for i in range(8)]
    store.save_articles(newer + older)
    one_page = [h.article.id for h in store.search("volcano", ArticleQuery(limit=4))]
    walked = [h.article.id for offset in (0, 2)
              for h in store.search("volcano", ArticleQuery(limit=2), offset=offset)]
    assert walked == one_page


def test_pool_sizes_are_sane() -> None:
    assert RANK_CANDIDATES < RANK_CANDIDATES_MAX <= RECENT_CANDIDATES_MAX
    assert RANK_CANDIDATES_MAX % RANK_CANDIDATES == 0  # growth by 4 lands on the cap exactly
    n = RANK_CANDIDATES
    while n < RANK_CANDIDATES_MAX:
        n *= 4
    assert n == RANK_CANDIDATES_MAX
    assert timedelta(hours=sql_base.RECENCY_HOURS) == timedelta(days=3)
