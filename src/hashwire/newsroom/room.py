"""The newsroom as one object: its world, its rendered articles and their truth."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import prose, truth
from .articles import NewsArticle, index_from_path, render
from .events import KIND_BY_KEY
from .world import Outlet, World


class Newsroom:
    """Simulated outlets, stories and articles, all computed lazily from `seed`.

    `per_day` is roughly the number of articles each outlet publishes a day; `now` anchors every time
    (default: the current UTC hour), so sites and feeds read "an hour ago" and "a day ago".

    With `live=True` the newsroom keeps publishing: `days` more days are planned after `now`, and an
    article appears (in feeds, listings, sitemaps, the truth) once `clock()` passes its publication time;
    a correction shows once its time has come.
    """

    def __init__(self, seed: int = 7, outlets: int = 20, days: int = 3, per_day: int = 8,
                 now: datetime | None = None, feed_size: int = 200, live: bool = False,
                 clock: Callable[[], datetime] | None = None) -> None:
        if now is None:
            now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        elif now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        self.seed = seed
        self.now = now
        self.feed_size = feed_size
        self.live = live
        self.clock: Callable[[], datetime] = clock or (lambda: datetime.now(UTC))
        days = max(1, days)
        if live:
            self.world = World(seed, max(1, outlets), 2 * days, max(1, per_day), now + timedelta(days=days))
        else:
            self.world = World(seed, max(1, outlets), days, max(1, per_day), now)
        self.outlets: list[Outlet] = self.world.outlets
        self._by_slug = {o.slug: o for o in self.outlets}
        self.article = lru_cache(maxsize=4096)(self._article)
        self._outlet_lists: list[list[int]] | None = None
        self._outlet_keys: list[list[tuple[float, int]]] | None = None
        self._fixes: list[list[datetime]] | None = None

    def __len__(self) -> int:
        return self.world.total

    def _article(self, i: int) -> NewsArticle:
        return render(self.world, i)

    def outlet(self, slug: str) -> Outlet | None:
        return self._by_slug.get(slug)

    def find(self, path: str) -> int | None:
        """The index of the article served at `path` (no query string), or None."""
        return index_from_path(self.world, path)

    def tags_of(self, story: int) -> tuple[str, ...]:
        plan = self.world.plan(story)
        return tuple(prose.story_tags(KIND_BY_KEY[plan.kind], plan.language, self.world.facts(story)))

    # -- per-outlet listings, newest first (built once, on first use)
    def _build_lists(self) -> None:
        lists: list[list[tuple[float, int]]] = [[] for _ in self.outlets]
        for spec in self.world.specs():
            lists[spec.outlet].append((-spec.published.timestamp(), -spec.index))
        for keys in lists:
            keys.sort()
        self._outlet_keys = lists
        self._outlet_lists = [[-i for _, i in keys] for keys in lists]

    def current(self) -> datetime:
        """The newsroom's present: `now`, or the clock's time when live."""
        return self.clock() if self.live else self.now

    def visible(self, i: int) -> bool:
        return not self.live or self.world.spec(i).published <= self.clock()

    def correction_shown(self, i: int) -> bool:
        updated = self.world.spec(i).updated
        return updated is not None and (not self.live or updated <= self.clock())

    def modified_of(self, a: NewsArticle) -> datetime:
        """When the article last changed, as far as the present knows."""
        updated = a.spec.updated
        return updated if updated is not None and self.correction_shown(a.index) else a.published

    def _first_visible(self, outlet: int) -> int:
        if self._outlet_lists is None:
            self._build_lists()
        assert self._outlet_keys is not None
        if not self.live:
            return 0
        return bisect_left(self._outlet_keys[outlet], (-self.clock().timestamp(), float("-inf")))

    def outlet_articles(self, outlet: int) -> list[int]:
        """The outlet's published articles, newest first."""
        start = self._first_visible(outlet)
        assert self._outlet_lists is not None
        items = self._outlet_lists[outlet]
        return items[start:] if start else items

    def stamp(self, outlet: int) -> tuple[int, int]:
        """Changes whenever what the outlet shows changes (a new article, a correction): a cache key part."""
        if not self.live:
            return (0, 0)
        now = self.clock()
        shown = len(self.outlet_articles(outlet))
        fixes = sum(1 for t in self._corrections()[outlet] if t <= now)
        return (shown, fixes)

    def _corrections(self) -> list[list[datetime]]:
        if self._fixes is None:
            fixes: list[list[datetime]] = [[] for _ in self.outlets]
            for spec in self.world.specs():
                if spec.updated is not None:
                    fixes[spec.outlet].append(spec.updated)
            self._fixes = fixes
        return self._fixes

    def neighbours(self, i: int, count: int = 4) -> list[int]:
        """Articles published near article i on the same outlet, for "related stories"."""
        spec = self.world.spec(i)
        start = self._first_visible(spec.outlet)
        assert self._outlet_keys is not None and self._outlet_lists is not None
        items = self._outlet_lists[spec.outlet]
        pos = bisect_left(self._outlet_keys[spec.outlet], (-spec.published.timestamp(), -i))
        around = items[max(start, pos - count // 2): pos] + items[pos + 1: pos + 1 + count]
        return around[:count]

    # -- truth
    def _as_of(self, as_of: datetime | None) -> datetime | None:
        return (as_of or self.clock()) if self.live else as_of

    def articles(self, base_url: str = "", as_of: datetime | None = None) -> Iterator[dict[str, Any]]:
        return truth.article_records(self, base_url, self._as_of(as_of))

    def stories(self, base_url: str = "", as_of: datetime | None = None) -> Iterator[dict[str, Any]]:
        return truth.story_records(self, base_url, self._as_of(as_of))

    def truth(self, base_url: str = "", as_of: datetime | None = None) -> dict[str, Any]:
        """Everything published by `as_of` (default: all of it, or the clock's time when live)."""
        return truth.truth(self, base_url, self._as_of(as_of))

    def write_truth(self, path: str | Path, base_url: str = "", as_of: datetime | None = None) -> None:
        truth.write_truth(self, path, base_url, self._as_of(as_of))
