"""Sources, stories, tags and operations in SQL, shared by both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from ..hashtag_form import tag_key
from ..models import Source, Story, TagStat
from .rows import (
    SOURCE_COLUMNS,
    STORY_COLUMNS,
    placeholders,
    source_from_row,
    source_slug_base,
    story_from_row,
)
from .sql_base import Cursor, SQLBase

# top_stories: coverage over age. score = (outlets + 0.1 * articles) / (1 + hours since last seen / 12);
# a story carried by 6 outlets 12 hours ago (3.0+) still outranks one outlet's article just now (1.1).
TOP_STORY_HALF_HOURS = 12.0


class CatalogSQL(SQLBase):
    _lock_due = ""  # PostgreSQL: " FOR UPDATE SKIP LOCKED"

    # ---- sources ------------------------------------------------------------------------------
    def add_source(self, source: Source) -> Source:
        def run(cur: Cursor) -> int:
            cur.execute("SELECT id FROM sources WHERE url = ?", (source.url,))
            row = cur.fetchone()
            if row:
                return int(row[0])
            base = source_slug_base(source)
            cur.execute("SELECT slug FROM sources WHERE slug = ? OR slug LIKE ?", (base, base + "-%"))
            used = {r[0] for r in cur.fetchall()}
            slug, n = base, 2
            t = self._t
            while True:
                while slug in used:
                    slug, n = f"{base}-{n}", n + 1
                cur.execute(
                    "INSERT INTO sources (url, kind, title, site_url, slug, language, etag, last_modified, "
                    "next_fetch_at, last_fetched_at, last_status, error_count, last_error, disabled, "
                    "interval_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT DO NOTHING RETURNING id",
                    (source.url, source.kind, source.title, source.site_url, slug, source.language, source.etag,
                     source.last_modified, t(source.next_fetch_at), t(source.last_fetched_at), source.last_status,
                     source.error_count, source.last_error, int(source.disabled), source.interval_seconds))
                row = cur.fetchone()
                if row:
                    return int(row[0])
                # another writer (PostgreSQL: another process) took the URL or the slug meanwhile
                cur.execute("SELECT id FROM sources WHERE url = ?", (source.url,))
                row = cur.fetchone()
                if row:
                    return int(row[0])
                used.add(slug)

        found = self.get_source(self._write_content(run))
        assert found is not None
        return found

    def _sources(self, where: str, params: tuple[Any, ...]) -> list[Source]:
        def run(cur: Cursor) -> list[Source]:
            cur.execute(f"SELECT {SOURCE_COLUMNS} FROM sources {where}", params)
            return [source_from_row(r, self._dt) for r in cur.fetchall()]

        return self._read(run)

    def get_source(self, source_id: int) -> Source | None:
        found = self._sources("WHERE id = ?", (source_id,))
        return found[0] if found else None

    def source_by_slug(self, slug: str) -> Source | None:
        found = self._sources("WHERE slug = ?", (slug,))
        return found[0] if found else None

    def list_sources(self) -> list[Source]:
        return self._sources("ORDER BY id", ())

    def remove_source(self, source_id: int) -> None:
        def run(cur: Cursor) -> None:
            # provenance stays: appearances lose the source id but keep its name, URL and GUID
            cur.execute(
                "DELETE FROM appearances WHERE source_id = ? AND EXISTS (SELECT 1 FROM appearances o "
                "WHERE o.source_id IS NULL AND o.article_id = appearances.article_id "
                "AND o.url = appearances.url AND o.guid = appearances.guid)", (source_id,))
            cur.execute("DELETE FROM sources WHERE id = ?", (source_id,))

        self._write_content(run)

    def claim_due_sources(self, worker: str, now: datetime, lease_seconds: int, limit: int) -> list[Source]:
        """Lease due sources to `worker`. A lease that ran out (its worker died) no longer blocks a claim."""
        t = self._t

        def run(cur: Cursor) -> list[Source]:
            cur.execute(
                "SELECT id FROM sources WHERE disabled = 0 AND (next_fetch_at IS NULL OR next_fetch_at <= ?) "
                "AND (lease_until IS NULL OR lease_until <= ?) ORDER BY next_fetch_at NULLS FIRST, id "
                f"LIMIT ?{self._lock_due}", (t(now), t(now), max(0, limit)))
            ids = [r[0] for r in cur.fetchall()]
            if not ids:
                return []
            marks = placeholders(len(ids))
            until = t(now + timedelta(seconds=lease_seconds))
            cur.execute(f"UPDATE sources SET leased_by = ?, lease_until = ? WHERE id IN ({marks})",
                        (worker, until, *ids))
            cur.execute(f"SELECT {SOURCE_COLUMNS} FROM sources WHERE id IN ({marks}) "
                        "ORDER BY next_fetch_at NULLS FIRST, id", ids)
            return [source_from_row(r, self._dt) for r in cur.fetchall()]

        return self._write(run)

    def save_source_state(self, source: Source) -> None:
        t = self._t

        def run(cur: Cursor) -> None:
            cur.execute(
                "UPDATE sources SET kind = ?, title = ?, site_url = ?, language = ?, etag = ?, "
                "last_modified = ?, next_fetch_at = ?, last_fetched_at = ?, last_status = ?, error_count = ?, "
                "last_error = ?, disabled = ?, interval_seconds = ?, leased_by = NULL, lease_until = NULL "
                "WHERE id = ?",
                (source.kind, source.title, source.site_url, source.language, source.etag,
                 source.last_modified, t(source.next_fetch_at), t(source.last_fetched_at), source.last_status,
                 source.error_count, source.last_error, int(source.disabled), source.interval_seconds,
                 source.id))

        self._write(run)

    # ---- stories ------------------------------------------------------------------------------
    def get_story(self, story_id: str) -> Story | None:
        def run(cur: Cursor) -> Story | None:
            cur.execute(f"SELECT {STORY_COLUMNS} FROM stories WHERE id = ?", (story_id,))
            row = cur.fetchone()
            return story_from_row(row, self._dt) if row else None

        return self._read(run)

    def top_stories(self, *, since: datetime | None = None, language: str | None = None,
                    category: str | None = None, limit: int = 20, offset: int = 0) -> list[Story]:
        """Ranked by (outlets + 0.1 * articles) / (1 + hours since last seen / 12), merged stories left out."""
        where, params = ["merged_into IS NULL"], []
        if since is not None:
            where.append("last_seen >= ?")
            params.append(self._t(since))
        if language is not None:
            where.append("language = ?")
            params.append(language)
        if category is not None:
            where.append("category = ?")
            params.append(category)
        score = (f"((source_count + 0.1 * article_count) / (1.0 + {self._hours_since('last_seen')} "
                 f"/ {TOP_STORY_HALF_HOURS}))")
        sql = (f"SELECT {STORY_COLUMNS} FROM stories WHERE {' AND '.join(where)} "
               f"ORDER BY {score} DESC, last_seen DESC, id LIMIT ? OFFSET ?")
        now = self._t(datetime.now(UTC))

        def run(cur: Cursor) -> list[Story]:
            cur.execute(sql, (*params, now, max(0, limit), max(0, offset)))
            return [story_from_row(r, self._dt) for r in cur.fetchall()]

        return self._read(run)

    # ---- tags ---------------------------------------------------------------------------------
    def tag_display(self, key: str) -> str | None:
        def run(cur: Cursor) -> str | None:
            cur.execute("SELECT display FROM tags WHERE key = ?", (tag_key(key),))
            row = cur.fetchone()
            return str(row[0]) if row else None

        return self._read(run)

    def tag_activity(self, since: datetime, until: datetime, *, language: str | None = None,
                     limit: int = 200) -> list[TagStat]:
        """Distinct articles (a folded copy counts with its canonical), stories and sources per tag."""
        cond, params = "a.sort_at >= ? AND a.sort_at < ?", [self._t(since), self._t(until)]
        if language is not None:
            cond += " AND a.language = ?"
            params.append(language)
        sql = ("SELECT g.key, t.display, count(DISTINCT coalesce(a.duplicate_of, a.id)) AS n, "
               "count(DISTINCT a.story_id), count(DISTINCT a.source_id) FROM articles a "
               "JOIN article_tags g ON g.article_id = a.id JOIN tags t ON t.key = g.key "
               f"WHERE {cond} GROUP BY g.key, t.display ORDER BY n DESC, g.key LIMIT ?")

        def run(cur: Cursor) -> list[TagStat]:
            cur.execute(sql, (*params, max(0, limit)))
            return [TagStat(key=r[0], display=r[1], articles=r[2], stories=r[3], sources=r[4], score=float(r[2]))
                    for r in cur.fetchall()]

        return self._read(run)

    def related_tags(self, key: str, limit: int = 10) -> list[TagStat]:
        """Tags sharing stories with `key` (looked at over at most 2,000 of its stories)."""

        def run(cur: Cursor) -> list[TagStat]:
            cur.execute(
                "SELECT o.key, t.display, count(*) AS n FROM story_tags o JOIN tags t ON t.key = o.key "
                "WHERE o.story_id IN (SELECT story_id FROM story_tags WHERE key = ? LIMIT 2000) AND o.key <> ? "
                "GROUP BY o.key, t.display ORDER BY n DESC, o.key LIMIT ?", (k, k, max(0, limit)))
            return [TagStat(key=r[0], display=r[1], stories=r[2], score=float(r[2])) for r in cur.fetchall()]

        k = tag_key(key)
        return self._read(run)

    # ---- operations ---------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        names = ("articles", "duplicates", "stories", "sources", "tags", "appearances")
        # every count reads an index (duplicates and live stories: partial ones), not the tables
        sql = ("SELECT (SELECT count(*) FROM articles), "
               "(SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL), "
               "(SELECT count(*) FROM stories WHERE merged_into IS NULL), (SELECT count(*) FROM sources), "
               "(SELECT count(*) FROM tags), (SELECT count(*) FROM appearances)")

        def run(cur: Cursor) -> dict[str, int]:
            cur.execute(sql)
            total, *rest = (int(v) for v in cur.fetchone())
            values = [total - rest[0], *rest]
            return dict(zip(names, values, strict=True))

        return self._read(run)

    def source_states(self, now: datetime) -> dict[str, int]:
        t = self._t(now)
        free = "(lease_until IS NULL OR lease_until <= ?)"
        sql = ("SELECT count(*), "
               "coalesce(sum(CASE WHEN disabled <> 0 THEN 1 ELSE 0 END), 0), "
               f"coalesce(sum(CASE WHEN disabled = 0 AND NOT {free} THEN 1 ELSE 0 END), 0), "
               f"coalesce(sum(CASE WHEN disabled = 0 AND {free} AND (next_fetch_at IS NULL OR next_fetch_at <= ?) "
               "THEN 1 ELSE 0 END), 0), "
               "coalesce(sum(CASE WHEN disabled = 0 AND error_count > 0 THEN 1 ELSE 0 END), 0) FROM sources")

        def run(cur: Cursor) -> dict[str, int]:
            cur.execute(sql, (t, t, t))
            total, disabled, leased, due, failing = (int(v) for v in cur.fetchone())
            return {"due": due, "leased": leased, "waiting": total - disabled - leased - due,
                    "disabled": disabled, "failing": failing}

        return self._read(run)

    def ping(self) -> None:
        self._read(lambda cur: cur.execute("SELECT 1").fetchone())

    def prune_bodies(self, older_than: datetime) -> int:
        """Empty text and html of old articles, 2,000 per transaction so writers are never held long."""
        cutoff = self._t(older_than)
        total = 0

        def run(cur: Cursor) -> int:
            cur.execute("UPDATE articles SET text = '', html = '' WHERE id IN (SELECT id FROM articles "
                        "WHERE sort_at < ? AND (text <> '' OR html <> '') LIMIT 2000)", (cutoff,))
            return int(cur.rowcount)

        while (n := self._write_content(run)) > 0:
            total += n
        return total
