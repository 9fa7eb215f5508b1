"""Fixtures shared by the store test files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from hashwire.store import Store, open_store
from store_fixtures import postgres_schema, postgres_unreachable, sqlite_url

_PG_SKIP = postgres_unreachable()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on each backend: a SQLite file, and a new PostgreSQL schema when a server is
    reachable (skipped with the reason otherwise). Test files with a `store` fixture of their own use it."""
    if request.param == "sqlite":
        s = open_store(sqlite_url(tmp_path))
        yield s
        s.close()
        return
    if _PG_SKIP:
        pytest.skip(_PG_SKIP)
    with postgres_schema() as url:
        s = open_store(url)
        yield s
        s.close()
