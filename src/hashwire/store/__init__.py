"""Storage: one Store interface (base.py), SQLite and PostgreSQL backends."""

from __future__ import annotations

from .base import Appearance, ArticleQuery, Store

__all__ = ["Appearance", "ArticleQuery", "Store", "open_store"]


def open_store(url: str) -> Store:
    """Open (and migrate) the store named by a URL: sqlite:///path.db, a bare path, or postgresql://..."""
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        store: Store = PostgresStore(url)
    else:
        from .sqlite import SQLiteStore

        path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
        store = SQLiteStore(path)
    store.migrate()
    return store
