"""Storage: one Store interface (base.py), SQLite and PostgreSQL backends."""

from __future__ import annotations

from .base import Appearance, ArticleQuery, Store, cursor_of

__all__ = ["Appearance", "ArticleQuery", "Store", "cursor_of", "open_store"]


def open_store(url: str) -> Store:
    """Open (and migrate) the store named by a URL: sqlite:///relative.db, sqlite:////absolute.db, a bare
    path, or postgresql://user@host/db. SQLite takes `?synchronous=FULL` to fsync every commit (survives
    power loss; the default NORMAL survives a killed process, see sqlite.py)."""
    if url.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        store: Store = PostgresStore(url)
    else:
        from .sqlite import SQLiteStore

        path, _, query = url.removeprefix("sqlite:///").removeprefix("sqlite://").partition("?")
        options = dict(part.partition("=")[::2] for part in query.split("&") if part)
        store = SQLiteStore(path, synchronous=options.get("synchronous", "NORMAL"))
    try:
        store.migrate()
    except BaseException:
        store.close()  # a failed migration must not leave a pool of open connections behind
        raise
    return store
