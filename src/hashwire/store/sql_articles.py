"""Articles in SQL, shared by both backends: the one-transaction save, listings, provenance, related coverage."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import Any

from ..models import Article, Story, article_id
from .base import Appearance, ArticleQuery
from .rows import (
    ARTICLE_COLUMNS,
    ARTICLE_FIELDS,
    STORY_COLUMNS,
    article_from_row,
    article_params,
    placeholders,
    sort_time,
    story_params,
)
from .rows import (
    cached_tag_key as tag_key,
)
from .sql_base import Cursor, SQLBase

CHUNK = 500  # ids per IN (...) list: far below both backends' parameter limits

_A_COLS = ARTICLE_COLUMNS + ", sort_at"
_UPSERT_ARTICLE = (
    f"INSERT INTO articles ({_A_COLS}) VALUES ({placeholders(ARTICLE_FIELDS + 1)}) "
    "ON CONFLICT (id) DO UPDATE SET url = excluded.url, title = excluded.title, text = excluded.text, "
    "html = excluded.html, authors = excluded.authors, published = excluded.published, "
    "updated = excluded.updated, image = excluded.image, language = excluded.language, "
    "site_name = excluded.site_name, section = excluded.section, description = excluded.description, "
    "keywords = excluded.keywords, partial = excluded.partial, content_hash = excluded.content_hash, "
    "duplicate_of = excluded.duplicate_of, story_id = excluded.story_id, hashtags = excluded.hashtags, "
    "category = excluded.category, embedding = coalesce(excluded.embedding, articles.embedding), "
    "sort_at = excluded.sort_at"
)  # source_id, source_name, guid and fetched_at keep the first sighting; appearances keep them all
_UPSERT_STORY = (
    f"INSERT INTO stories ({STORY_COLUMNS}) VALUES ({placeholders(11)}) "
    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, first_seen = excluded.first_seen, "
    "last_seen = excluded.last_seen, lead_article_id = excluded.lead_article_id, "
    "category = excluded.category, language = excluded.language, hashtags = excluded.hashtags, "
    "merged_into = excluded.merged_into"
)
_ARTICLE_SELECT = "SELECT " + ", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(",")) + " FROM articles a"


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class ArticlesSQL(SQLBase):
    # ---- writes -------------------------------------------------------------------------------
    def save_articles(self, articles: Sequence[Article], stories: Sequence[Story] = (),
                      moves: Sequence[tuple[str, Sequence[str]]] = ()) -> list[bool]:
        arts, sts, mvs = list(articles), list(stories), [(sid, list(ids)) for sid, ids in moves if ids]
        if not arts and not sts and not mvs:
            return []
        return self._write_content(lambda cur: self._save_batch(cur, arts, sts, mvs))

    def _save_batch(self, cur: Cursor, arts: list[Article], stories: list[Story],
                    moves: list[tuple[str, list[str]]]) -> list[bool]:
        t = self._t
        ids = list(dict.fromkeys(a.id for a in arts))
        old: dict[str, tuple[Any, ...]] = {}  # id -> what _index_text needs of the stored version
        old_stories: set[str] = set()  # stories that re-saved articles may leave: their counts change too
        for part in chunks(ids):
            cur.execute(f"SELECT id, story_id{self._old_text_columns} FROM articles "
                        f"WHERE id IN ({placeholders(len(part))})", list(part))
            for r in cur.fetchall():
                old[r[0]] = tuple(r[2:])
                if r[1]:
                    old_stories.add(r[1])
        existing = set(old)
        owner = self._entry_owners(cur, arts, existing)
        flags: list[bool] = []
        seen: set[str] = set()
        rows, tag_rows, story_tag_rows, appear_rows = [], [], [], []
        tag_names: dict[str, str] = {}
        now = datetime.now(UTC)
        for a in arts:
            flags.append(a.id not in existing and a.id not in seen)
            seen.add(a.id)
            params = list(article_params(a, t))
            if a.source_id is not None and a.guid:
                held_by = owner.setdefault((a.source_id, a.guid), a.id)
                if held_by != a.id:
                    params[17] = ""  # the entry identity already belongs to another article
            rows.append(params)
            sort_at = t(sort_time(a))
            for rank, display in enumerate(dict.fromkeys(a.hashtags)):
                key = tag_key(display)
                if not key:
                    continue
                tag_rows.append((a.id, key, display, rank, sort_at))
                tag_names.setdefault(key, display)
                if a.story_id:
                    story_tag_rows.append((a.story_id, key))
            appear_rows.append((a.id, a.source_id, a.source_name, a.url, a.guid, t(a.fetched_at or now)))
        if rows:
            cur.executemany(_UPSERT_ARTICLE, self._lock_order(rows, lambda r: str(r[0])))
            self._index_text(cur, arts, old)
            for part in chunks(ids):
                cur.execute(f"DELETE FROM article_tags WHERE article_id IN ({placeholders(len(part))})", list(part))
            cur.executemany(
                "INSERT INTO article_tags (article_id, key, display, rank, sort_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING", self._lock_order(tag_rows, lambda r: (r[0], r[1])))
            cur.executemany("INSERT INTO tags (key, display) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            self._lock_order(list(tag_names.items()), lambda r: r[0]))
            cur.executemany(
                "INSERT INTO appearances (article_id, source_id, source_name, url, guid, seen_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", self._lock_order(appear_rows, lambda r: str(r[0])))
        self._save_stories(cur, stories, self._lock_order(list(set(story_tag_rows)), lambda r: r),
                           {a.story_id for a in arts if a.story_id} | old_stories, moves)
        return flags

    def _entry_owners(self, cur: Cursor, arts: list[Article], existing: set[str]) -> dict[tuple[int, str], str]:
        """(source_id, guid) -> id of the article already stored under that entry identity (new articles only).
        One query per source in the batch (usually one); the literal `guid <> ''` lets both databases use
        the partial unique index articles_entry."""
        wanted: dict[int, set[str]] = defaultdict(set)
        for a in arts:
            if a.source_id is not None and a.guid and a.id not in existing:
                wanted[a.source_id].add(a.guid)
        owner: dict[tuple[int, str], str] = {}
        for sid in sorted(wanted):
            for part in chunks(sorted(wanted[sid])):
                cur.execute("SELECT guid, id FROM articles WHERE source_id = ? AND guid <> '' "
                            f"AND guid IN ({placeholders(len(part))})", [sid, *part])
                for guid, aid in cur.fetchall():
                    owner[(sid, guid)] = aid
        return owner

    def _save_stories(self, cur: Cursor, stories: list[Story], story_tags: list[tuple[str, str]],
                      touched: set[str], moves: list[tuple[str, list[str]]]) -> None:
        t = self._t
        if not stories and not story_tags and not touched and not moves:
            return
        self._serialize_stories(cur)
        if stories:
            cur.executemany(_UPSERT_STORY, [story_params(s, t) for s in sorted(stories, key=lambda s: s.id)])
        for s in stories:
            if s.merged_into and s.merged_into != s.id:
                # a merge re-points every article and tag of the absorbed story at the surviving one: the
                # end of the chain when the story it joined was itself absorbed (in this batch or before)
                into = self._surviving_story(cur, s.merged_into)
                if into != s.merged_into and into != s.id:
                    cur.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (into, s.id))
                cur.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (into, s.id))
                cur.execute("INSERT INTO story_tags (story_id, key) SELECT CAST(? AS TEXT), key FROM story_tags "
                            "WHERE story_id = ? ON CONFLICT DO NOTHING", (into, s.id))
                cur.execute("DELETE FROM story_tags WHERE story_id = ?", (s.id,))
                touched.add(into)
        if story_tags:
            cur.executemany("INSERT INTO story_tags (story_id, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                            story_tags)
        if moves:
            touched |= self._move_articles(cur, moves)
        touched.update(s.id for s in stories if not s.merged_into)
        # counts come from the rows themselves, so several workers writing one story agree
        for part in chunks(sorted(touched)):
            cur.execute(
                "UPDATE stories SET "
                "article_count = (SELECT count(*) FROM articles x WHERE x.story_id = stories.id), "
                "source_count = (SELECT count(DISTINCT coalesce(x.source_id, 0)) FROM articles x "
                f"WHERE x.story_id = stories.id) WHERE id IN ({placeholders(len(part))})", list(part))

    def _move_articles(self, cur: Cursor, moves: list[tuple[str, list[str]]]) -> set[str]:
        """Articles and their copies put in another story (a split); the hashtags of every story they
        left or joined are those of its articles again. Returns those stories."""
        stories: set[str] = set()
        for target, ids in moves:
            story_id = self._surviving_story(cur, target)  # merged away later in the same batch
            stories.add(story_id)
            for part in chunks(sorted(ids)):
                marks = placeholders(len(part))
                cur.execute(f"SELECT DISTINCT story_id FROM articles WHERE id IN ({marks}) AND story_id IS NOT NULL",
                            list(part))
                stories.update(r[0] for r in cur.fetchall())
                cur.execute(f"UPDATE articles SET story_id = ? WHERE id IN ({marks}) OR duplicate_of IN ({marks})",
                            [story_id, *part, *part])
        for part in chunks(sorted(stories)):
            marks = placeholders(len(part))
            cur.execute(f"DELETE FROM story_tags WHERE story_id IN ({marks})", list(part))
            cur.execute("INSERT INTO story_tags (story_id, key) SELECT DISTINCT a.story_id, t.key FROM article_tags t "
                        f"JOIN articles a ON a.id = t.article_id WHERE a.story_id IN ({marks}) ON CONFLICT DO NOTHING",
                        list(part))
        return stories

    def _surviving_story(self, cur: Cursor, story_id: str) -> str:
        """The story `story_id` ends in, following merged_into (a cycle stops where it closes)."""
        seen = {story_id}
        while True:
            cur.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,))
            row = cur.fetchone()
            if not row or not row[0] or row[0] in seen:
                return story_id
            story_id = row[0]
            seen.add(story_id)

    # ---- reads --------------------------------------------------------------------------------
    def known_guids(self, source_id: int) -> set[str]:
        def run(cur: Cursor) -> set[str]:
            cur.execute("SELECT DISTINCT guid FROM appearances WHERE source_id = ? AND guid <> ''", (source_id,))
            return {r[0] for r in cur.fetchall()}

        return self._read(run)

    def _articles(self, sql: str, params: Sequence[Any]) -> list[Article]:
        def run(cur: Cursor) -> list[Article]:
            cur.execute(sql, list(params))
            return [article_from_row(r, self._dt) for r in cur.fetchall()]

        return self._read(run)

    def get_article(self, article_id: str) -> Article | None:
        found = self._articles(f"{_ARTICLE_SELECT} WHERE a.id = ?", (article_id,))
        return found[0] if found else None

    def get_articles(self, article_ids: Sequence[str]) -> list[Article]:
        ids = list(dict.fromkeys(article_ids))
        by_id: dict[str, Article] = {}
        for part in chunks(ids):
            for a in self._articles(f"{_ARTICLE_SELECT} WHERE a.id IN ({placeholders(len(part))})", part):
                by_id[a.id] = a
        return [by_id[i] for i in ids if i in by_id]

    def article_by_url(self, url: str) -> Article | None:
        found = self.get_article(article_id(url))
        if found is not None:
            return found
        rows = self._articles(f"{_ARTICLE_SELECT} WHERE a.url = ? ORDER BY a.duplicate_of IS NULL DESC, a.id "
                              "LIMIT 1", (url,))
        return rows[0] if rows else None

    def _filters(self, q: ArticleQuery, alias: str = "a", time_alias: str = "a",
                 id_col: str = "a.id") -> tuple[list[str], list[Any]]:
        """WHERE terms for an ArticleQuery (time and cursor on `time_alias`.sort_at)."""
        where: list[str] = []
        params: list[Any] = []
        if not q.include_duplicates:
            where.append(f"{alias}.duplicate_of IS NULL")
        for column, value in (("source_id", q.source_id), ("category", q.category),
                              ("language", q.language), ("story_id", q.story_id)):
            if value is not None:
                where.append(f"{alias}.{column} = ?")
                params.append(value)
        if q.since is not None:
            where.append(f"{time_alias}.sort_at >= ?")
            params.append(self._t(q.since))
        if q.until is not None:
            where.append(f"{time_alias}.sort_at < ?")
            params.append(self._t(q.until))
        if q.before is not None:
            where.append(f"({time_alias}.sort_at, {id_col}) < (?, ?)")
            params += [self._t(q.before[0]), q.before[1]]
        return where, params

    def _search_conditions(self, q: ArticleQuery) -> tuple[str, list[Any]]:
        """The " AND ..." filter clause (possibly empty) and its parameters for a full-text search."""
        where, params = self._filters(q)
        if q.hashtag:
            where.append("EXISTS (SELECT 1 FROM article_tags g WHERE g.article_id = a.id AND g.key = ?)")
            params.append(tag_key(q.hashtag))
        return (f"AND {' AND '.join(where)}" if where else ""), params

    def _listing(self, query: ArticleQuery, select: str) -> tuple[str, list[Any]]:
        """`select` over the articles of a listing, newest first, and the WHERE parameters."""
        if query.hashtag:
            where, params = self._filters(query, time_alias="g", id_col="g.article_id")
            where.insert(0, "g.key = ?")
            params.insert(0, tag_key(query.hashtag))
            return (f"{select} JOIN article_tags g ON g.article_id = a.id WHERE {' AND '.join(where)} "
                    "ORDER BY g.sort_at DESC, g.article_id DESC"), params
        where, params = self._filters(query)
        cond = f"WHERE {' AND '.join(where)}" if where else ""
        return f"{select} {cond} ORDER BY a.sort_at DESC, a.id DESC", params

    def list_articles(self, query: ArticleQuery) -> list[Article]:
        sql, params = self._listing(query, _ARTICLE_SELECT)
        return self._articles(sql + " LIMIT ?", [*params, max(0, query.limit)])

    def count_articles(self, query: ArticleQuery, cap: int) -> int:
        sql, params = self._listing(query, "SELECT 1 FROM articles a")

        def run(cur: Cursor) -> int:
            cur.execute(f"SELECT count(*) FROM ({sql} LIMIT ?) AS capped", [*params, max(0, cap)])
            return int(cur.fetchone()[0])

        return self._read(run)

    def duplicates_of(self, article_id: str) -> list[Article]:
        return self._articles(f"{_ARTICLE_SELECT} WHERE a.duplicate_of = ? ORDER BY a.sort_at DESC, a.id DESC",
                              (article_id,))

    def appearances(self, article_id: str) -> list[Appearance]:
        """Where the article and its folded copies were seen, first sighting first."""

        def run(cur: Cursor) -> list[Appearance]:
            cur.execute(
                "SELECT p.article_id, p.source_id, p.source_name, p.url, p.guid, p.seen_at FROM appearances p "
                "WHERE p.article_id = ? OR p.article_id IN (SELECT id FROM articles WHERE duplicate_of = ?) "
                "ORDER BY p.seen_at, p.url, p.guid", (article_id, article_id))
            return [Appearance(r[0], r[1], r[2], r[3], r[4], self._dt(r[5]) or datetime.now(UTC))
                    for r in cur.fetchall()]

        return self._read(run)

    def related_articles(self, article: Article, limit: int = 6) -> list[Article]:
        """Same story first, then most shared hashtags; other outlets before the article's own outlet."""
        same_story: list[Article] = []
        if article.story_id:
            same_story = self._articles(
                f"{_ARTICLE_SELECT} WHERE a.story_id = ? AND a.id <> ? AND a.duplicate_of IS NULL "
                "ORDER BY a.sort_at DESC, a.id DESC LIMIT 50", (article.story_id, article.id))
        shared: dict[str, int] = defaultdict(int)
        keys = list(dict.fromkeys(k for k in (tag_key(h) for h in article.hashtags[:8]) if k))

        def run(cur: Cursor) -> None:
            for key in keys:  # newest 100 per tag: bounded work however common the tag
                cur.execute("SELECT article_id FROM article_tags WHERE key = ? ORDER BY sort_at DESC LIMIT 100",
                            (key,))
                for (aid,) in cur.fetchall():
                    shared[aid] += 1

        if keys:
            self._read(run)
        story_ids = {a.id for a in same_story}
        ranked = sorted((aid for aid in shared if aid != article.id and aid not in story_ids),
                        key=lambda aid: -shared[aid])[:60]
        by_tags = [a for a in self.get_articles(ranked) if a.duplicate_of is None]
        by_tags.sort(key=lambda a: (-shared[a.id], -sort_time(a).timestamp()))

        def other(a: Article) -> bool:
            if article.source_id is not None or a.source_id is not None:
                return a.source_id != article.source_id
            return a.site_name != article.site_name

        ordered = ([a for a in same_story if other(a)] + [a for a in by_tags if other(a)]
                   + [a for a in same_story if not other(a)] + [a for a in by_tags if not other(a)])
        return ordered[: max(0, limit)]

    def recent_articles(self, since: datetime) -> Iterator[Article]:
        """Oldest first, in pages of 1,000 (no long-lived read transaction)."""
        cursor: tuple[Any, str] | None = None
        start = self._t(since)
        while True:
            cond, params = "(a.sort_at >= ? OR a.fetched_at >= ?)", [start, start]
            if cursor is not None:
                cond += " AND (a.sort_at, a.id) > (?, ?)"
                params += list(cursor)
            page = self._read(partial(self._recent_page, cond=cond, params=params))
            if not page:
                return
            for _, art in page:
                yield art
            cursor = (page[-1][0], page[-1][1].id)

    def article_mark(self) -> int:
        return int(self._read(lambda cur: cur.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]))

    def articles_after(self, mark: int, limit: int = 1000) -> tuple[list[Article], int]:
        def run(cur: Cursor) -> tuple[list[Article], int]:
            cur.execute(f"SELECT {ARTICLE_COLUMNS}, seq FROM articles WHERE seq > ? ORDER BY seq LIMIT ?",
                        (mark, max(1, limit)))
            rows = cur.fetchall()
            return [article_from_row(r, self._dt) for r in rows], (int(rows[-1][ARTICLE_FIELDS]) if rows else mark)

        return self._read(run)

    def _recent_page(self, cur: Cursor, cond: str, params: list[Any]) -> list[tuple[Any, Article]]:
        cur.execute(f"SELECT {ARTICLE_COLUMNS}, sort_at FROM articles a WHERE {cond} "
                    "ORDER BY a.sort_at, a.id LIMIT 1000", params)
        return [(r[ARTICLE_FIELDS], article_from_row(r, self._dt)) for r in cur.fetchall()]
