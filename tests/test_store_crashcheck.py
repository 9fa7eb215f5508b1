"""The crash checker itself: its batches are reproducible, its writer acknowledges only what committed,
and its checks report a store that lost, doubled or damaged something (rows changed by SQL behind the
store's back), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hashwire.store import open_store
from hashwire.store.crashcheck import (
    BATCH,
    SOURCES,
    _acks,
    _complete,
    _last_committed,
    batch_articles,
    check,
    writer,
)
from store_fixtures import postgres_schema, postgres_unreachable

_PG_SKIP = postgres_unreachable()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'crash.db'}"
        return
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    with postgres_schema() as pg_url:
        yield pg_url


def sql(url: str, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """SQL run behind the store's back, as a damaged disk or a buggy writer would leave it."""
    if url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(statement.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []
    import sqlite3

    conn = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    try:
        return conn.execute(statement, params).fetchall()
    finally:
        conn.close()


def write(url: str, first: int, last: int, capsys: pytest.CaptureFixture[str]) -> set[str]:
    writer(url, first, last)
    out = capsys.readouterr().out
    assert out.startswith("READY\n")
    return set(_acks(out))


# ---- the generated batches ----------------------------------------------------------------------------

def test_batches_are_reproducible_and_distinct() -> None:
    ids = [1, 2, 3]
    first, again = batch_articles(4, ids), batch_articles(4, ids)
    assert [(a.id, a.title, a.hashtags, a.duplicate_of) for a in first[0]] == \
        [(a.id, a.title, a.hashtags, a.duplicate_of) for a in again[0]]
    every = [a.id for b in range(6) for a in batch_articles(b, ids)[0]]
    assert len(every) == len(set(every)) == 6 * BATCH
    arts, stories = batch_articles(0, ids)
    copies = [a for a in arts if a.duplicate_of]
    assert len(copies) == BATCH // 5 and all(c.duplicate_of == arts[arts.index(c) - 1].id for c in copies)
    assert {a.story_id for a in arts} == {s.id for s in stories}
    assert {a.source_id for a in arts} == set(ids)


# ---- the writer and the checks ------------------------------------------------------------------------

def test_a_sound_store_passes_and_repeats_are_harmless(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    acked = write(url, 0, 2, capsys)
    assert len(acked) == 3 * BATCH
    acked |= write(url, 1, 3, capsys)  # a restarted writer saves its last batch again
    assert len(acked) == 4 * BATCH
    assert check(url, acked) == []
    assert _complete(url, 3) == []
    store = open_store(url)
    try:
        assert len(store.list_sources()) == SOURCES
        assert store.counts()["articles"] + store.counts()["duplicates"] == 4 * BATCH
    finally:
        store.close()


def test_a_missing_acknowledged_article_is_reported(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    acked = write(url, 0, 1, capsys)
    victim = sorted(acked)[7]
    sql(url, "DELETE FROM appearances WHERE article_id = ?", (victim,))
    sql(url, "DELETE FROM articles WHERE id = ?", (victim,))
    problems = check(url, acked)
    assert f"1 acknowledged articles missing, e.g. {[victim]}" in problems
    assert len(problems) == (2 if url.startswith("sqlite") else 1)  # SQLite: its full-text index noticed too
    assert check(url, acked - {victim}) == ([] if url.startswith("postgresql") else problems[:1])
    assert any("missing" in p for p in _complete(url, 1))


def test_a_doubled_article_is_reported(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The same article held twice: a second row without its own sighting is caught after every kill;
    one with a sighting too is caught by the final count."""
    acked = write(url, 0, 1, capsys)
    original = sorted(acked)[3]
    columns = "url, title, text, source_id, source_name, published, fetched_at, story_id, hashtags, language, sort_at"
    sql(url, f"INSERT INTO articles (id, guid, {columns}) SELECT ?, '', {columns} FROM articles WHERE id = ?",
        ("f" * 32, original))
    assert any("appearances" in p for p in check(url, acked))
    sql(url, "INSERT INTO appearances (article_id, source_id, source_name, url, guid, seen_at) "
             "SELECT ?, source_id, source_name, url, 'again', seen_at FROM appearances WHERE article_id = ?",
        ("f" * 32, original))
    assert any("counts" in p for p in _complete(url, 1))


def test_a_lost_sighting_is_reported(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    acked = write(url, 0, 0, capsys)
    sql(url, "DELETE FROM appearances WHERE article_id = ?", (sorted(acked)[0],))
    assert any("appearances" in p for p in check(url, acked))


def test_story_counts_out_of_step_with_their_rows_are_reported(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    write(url, 0, 0, capsys)
    arts, _ = batch_articles(0, [1, 2, 3])
    sql(url, "UPDATE stories SET article_count = article_count + 5 WHERE id = ?", (arts[0].story_id,))
    assert any(f"story {arts[0].story_id}" in p for p in _complete(url, 0))


def test_an_article_changed_behind_the_store_is_reported(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    write(url, 0, 0, capsys)
    arts, _ = batch_articles(0, [1, 2, 3])
    sql(url, "UPDATE articles SET title = 'tampered' WHERE id = ?", (arts[0].id,))  # the first is always sampled
    assert f"article {arts[0].id} differs from what was saved" in _complete(url, 0)


def test_batches_committed_but_never_acknowledged_are_found(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """A writer killed between the commit and printing its ACKs: the store rightly holds more."""
    write(url, 0, 4, capsys)
    assert _last_committed(url, 1) == 4
    assert _last_committed(url, 4) == 4


def test_a_damaged_full_text_index_is_reported_by_the_deep_check(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    acked = write(url, 0, 0, capsys)
    sql(url, "INSERT INTO articles_fts (rowid, title, text) VALUES (99999, 'ghost', 'row')")
    assert check(url, acked, deep=False) == []  # the cheap check reads the file only
    assert any(p.startswith("integrity_check") for p in check(url, acked, deep=True))
