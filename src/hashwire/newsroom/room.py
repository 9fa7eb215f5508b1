"""The newsroom as one object: its world, its rendered articles and their truth."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from datetime import UTC, datetime
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
    """

    def __init__(self, seed: int = 7, outlets: int = 20, days: int = 3, per_day: int = 8,
                 now: datetime | None = None, feed_size: int = 200) -> None:
        if now is None:
            now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        elif now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        self.seed = seed
        self.now = now
        self.feed_size = feed_size
        self.world = World(seed, max(1, outlets), max(1, days), max(1, per_day), now)
        self.outlets: list[Outlet] = self.world.outlets
        self._by_slug = {o.slug: o for o in self.outlets}
        self.article = lru_cache(maxsize=4096)(self._article)
        self._outlet_lists: list[list[int]] | None = None
        self._outlet_keys: list[list[tuple[float, int]]] | None = None

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

    def outlet_articles(self, outlet: int) -> list[int]:
        if self._outlet_lists is None:
            self._build_lists()
        assert self._outlet_lists is not None
        return self._outlet_lists[outlet]

    def neighbours(self, i: int, count: int = 4) -> list[int]:
        """Articles published near article i on the same outlet, for "related stories"."""
        spec = self.world.spec(i)
        items = self.outlet_articles(spec.outlet)
        assert self._outlet_keys is not None
        pos = bisect_left(self._outlet_keys[spec.outlet], (-spec.published.timestamp(), -i))
        around = items[max(0, pos - count // 2): pos] + items[pos + 1: pos + 1 + count]
        return around[:count]

    # -- truth
    def articles(self, base_url: str = "") -> Iterator[dict[str, Any]]:
        return truth.article_records(self, base_url)

    def stories(self, base_url: str = "") -> Iterator[dict[str, Any]]:
        return truth.story_records(self, base_url)

    def truth(self, base_url: str = "") -> dict[str, Any]:
        return truth.truth(self, base_url)

    def write_truth(self, path: str | Path, base_url: str = "") -> None:
        truth.write_truth(self, path, base_url)
