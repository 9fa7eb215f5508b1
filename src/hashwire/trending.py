"""Trending hashtags: bursts of distinct stories and outlets, not of raw articles.

For each hashtag the activity of the current window is compared with the rate expected from a longer
baseline window. Activity is counted in distinct stories and distinct outlets (TagStat.stories and
.sources), so one wire story syndicated to twenty outlets is one story: it cannot trend alone.

    expected = baseline.stories * window_ratio          (stories the tag usually has in such a window)
    burst    = (current.stories - expected) / sqrt(expected + prior)
    score    = burst * (1 + log(current.sources))       (breadth across outlets)

A tag trends when it has at least `min_stories` distinct stories from at least `min_sources` outlets in
the current window and its burst is positive.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .models import TagStat


def trending(
    current: list[TagStat],
    baseline: list[TagStat],
    *,
    window_ratio: float = 1.0 / 7.0,
    min_stories: int = 2,
    min_sources: int = 2,
    prior: float = 1.0,
    limit: int = 20,
) -> list[TagStat]:
    """Tags bursting now, best first, with `score` filled in.

    `current` holds counts over the recent window (e.g. 24 hours) and `baseline` over a longer one that
    precedes it (e.g. 7 days); `window_ratio` is the current window's length over the baseline's.
    """
    base = {stat.key: stat for stat in baseline}
    out: list[TagStat] = []
    for stat in current:
        if stat.stories < min_stories or stat.sources < min_sources:
            continue
        before = base.get(stat.key)
        expected = (before.stories if before else 0) * window_ratio
        burst = (stat.stories - expected) / math.sqrt(expected + prior)
        if burst <= 0:
            continue
        score = burst * (1.0 + math.log(stat.sources))
        out.append(
            TagStat(stat.key, stat.display, stat.articles, stat.stories, stat.sources, round(score, 4))
        )
    out.sort(key=lambda s: (-s.score, -s.stories, s.key))
    return out[:limit]


def related(tag_key: str, tag_sets: Iterable[Iterable[str]], *, limit: int = 8) -> list[tuple[str, float]]:
    """Hashtags that co-occur with `tag_key`, best first, scored by a lift-like ratio.

    `tag_sets` holds the lookup keys of each story's (or article's) hashtags, e.g. read from the store.
    """
    together: dict[str, int] = {}
    total: dict[str, int] = {}
    n_with = 0
    n = 0
    for tags in tag_sets:
        keys = set(tags)
        n += 1
        for k in keys:
            total[k] = total.get(k, 0) + 1
        if tag_key in keys:
            n_with += 1
            for k in keys - {tag_key}:
                together[k] = together.get(k, 0) + 1
    if not n_with:
        return []
    scored = []
    for k, both in together.items():
        # co-occurrence count, discounted for tags that are everywhere
        score = both * math.log(1.0 + n / total[k])
        scored.append((k, round(score, 4)))
    scored.sort(key=lambda kv: (-kv[1], kv[0]))
    return scored[:limit]


def learn_aliases(
    tag_sets: Iterable[Iterable[str]], *, min_share: float = 0.6, min_together: int = 2
) -> dict[str, str]:
    """Aliases learned from co-occurrence: a tag that is a part of a longer tag ("lavrov" of "sergeylavrov",
    "korea" of "northkorea") and appears with it in most of its stories is a short form of it.

    `tag_sets` holds the lookup keys of each story's hashtags. Returns {short key: full key}; tags that go
    with several longer tags about equally ("korea": "northkorea", "southkorea") keep their own page.
    """
    total: dict[str, int] = {}
    together: dict[tuple[str, str], int] = {}
    for tags in tag_sets:
        keys = set(tags)
        for k in keys:
            total[k] = total.get(k, 0) + 1
        for short in keys:
            for full in keys:
                if short != full and len(short) >= 3 and (full.endswith(short) or full.startswith(short)):
                    together[(short, full)] = together.get((short, full), 0) + 1
    best: dict[str, tuple[int, str]] = {}
    runner_up: dict[str, int] = {}
    for (short, full), n in together.items():
        if n > best.get(short, (0, ""))[0]:
            runner_up[short] = best.get(short, (0, ""))[0]
            best[short] = (n, full)
        else:
            runner_up[short] = max(runner_up.get(short, 0), n)
    return {
        short: full
        for short, (n, full) in best.items()
        if n >= min_together and n >= min_share * total[short] and runner_up.get(short, 0) < n / 2
    }
