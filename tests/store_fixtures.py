"""Stores for the store tests: SQLite on a temporary file, PostgreSQL in a fresh schema dropped afterwards."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

from hashwire.models import Article

PG_URL = os.environ.get("HASHWIRE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
NOW = datetime.now(UTC).replace(microsecond=0)


def postgres_unreachable() -> str:
    """Why PostgreSQL tests cannot run here, or "" when they can."""
    try:
        import psycopg
    except ImportError:
        return "psycopg is not installed (pip install 'hashwire[postgres]')"
    try:
        with psycopg.connect(PG_URL, connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as exc:
        return f"PostgreSQL not reachable at {PG_URL} (set HASHWIRE_TEST_POSTGRES_URL): {exc}".strip()
    return ""


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections use a new, empty schema; the schema is dropped on exit."""
    import psycopg

    schema = "hw_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(PG_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=" + quote(f"-csearch_path={schema}", safe="")
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'store.db'}"


def make_article(n: int, *, source_id: int | None = None, hours_ago: float = 0.0, **fields: Any) -> Article:
    values: dict[str, Any] = {
        "url": f"https://outlet{source_id or 0}.example/news/{n}",
        "title": f"Story number {n}",
        "text": f"Body of article {n}.\n\nSecond paragraph about harbour cranes {n}.",
        "published": NOW - timedelta(hours=hours_ago),
        "fetched_at": NOW,
        "language": "en",
        "source_id": source_id,
        "source_name": f"Outlet {source_id}",
        "guid": f"guid-{n}",
    }
    values.update(fields)
    return Article(**values)
