"""Whether the articles of one story report two events: a two-way split by average linkage.

Online assignment decides with what has arrived so far. The second report of a topic may join the
first on shared vocabulary alone (two DUI arrests of one team's players, two offers to one free
agent) before the reports that tell the two events apart have come in. When the story has grown, its
articles are grouped in two by average linkage over their pairwise similarities, and the split is
kept when each group is coherent and the groups resemble each other clearly less than each
resembles itself: the mirror of the rule by which two stories merge.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from .story_vectors import dot, top

SPLIT_RATIO = 0.7  # across similarity below this share of the groups' own coherence splits a story
SPLIT_MIN_PART = 3  # articles each group needs


@dataclass(slots=True)
class Packed:
    """A sparse vector held compactly while its story may split: interned terms and 32-bit weights
    (with the 96 / 48 strongest terms kept, about 2.1 KB per article where the article's dicts took
    7.5 KB in `bench_cluster.py --measure "hashwire dedupe+cluster"`)."""

    terms: tuple[str, ...]
    weights: array

    def unpack(self) -> dict[str, float]:
        return dict(zip(self.terms, self.weights, strict=True))


def pack(vector: dict[str, float], limit: int) -> Packed:
    """The `limit` strongest terms of `vector`, packed."""
    best = top(vector, limit) if len(vector) > limit else list(vector.items())
    return Packed(tuple(sys.intern(t) for t, _ in best), array("f", (w for _, w in best)))


@dataclass(slots=True)
class Split:
    keep: list[int]  # indexes of the articles in the first group
    leave: list[int]  # ... in the second
    keep_pairs: float  # summed similarity of every pair within each group
    leave_pairs: float


def pair_similarities(vectors: Sequence[tuple[dict[str, float], dict[str, float]]],
                      name_share: float) -> list[list[float]]:
    """The similarity of every two articles: the terms cosine and the names cosine, weighted."""
    n = len(vectors)
    sims = [[1.0] * n for _ in range(n)]
    for i in range(n):
        terms_i, names_i = vectors[i]
        row = sims[i]
        for j in range(i + 1, n):
            terms_j, names_j = vectors[j]
            s = (1.0 - name_share) * dot(terms_i, terms_j) + name_share * dot(names_i, names_j)
            row[j] = sims[j][i] = s
    return sims


def two_groups(sims: list[list[float]]) -> tuple[list[int], list[int]]:
    """Average linkage until two groups are left (the groups as index lists, in index order)."""
    groups: dict[int, list[int]] = {i: [i] for i in range(len(sims))}
    link = {i: {j: sims[i][j] for j in groups if j != i} for i in groups}
    while len(groups) > 2:
        a, b = max(((i, j) for i in link for j in link[i] if i < j), key=lambda p: link[p[0]][p[1]])
        size_a, size_b = len(groups[a]), len(groups[b])
        for k in link:
            if k not in (a, b):
                merged = (size_a * link[a][k] + size_b * link[b][k]) / (size_a + size_b)
                link[a][k] = link[k][a] = merged
                del link[k][b]
        del link[b]
        del link[a][b]
        groups[a] = sorted(groups[a] + groups.pop(b))
    first, second = sorted(groups.values())
    return first, second


def _pairs_within(sims: list[list[float]], group: list[int]) -> float:
    return sum(sims[i][j] for n, i in enumerate(group) for j in group[n + 1:])


def find_split(sims: list[list[float]], *, ratio: float = SPLIT_RATIO,
               min_part: int = SPLIT_MIN_PART) -> Split | None:
    """The two events a story's articles report, or None when they report one."""
    if len(sims) < 2 * min_part:
        return None
    first, second = two_groups(sims)
    if min(len(first), len(second)) < min_part:
        return None
    pairs_first, pairs_second = _pairs_within(sims, first), _pairs_within(sims, second)
    coherence_first = pairs_first / (len(first) * (len(first) - 1) / 2)
    coherence_second = pairs_second / (len(second) * (len(second) - 1) / 2)
    across = sum(sims[i][j] for i in first for j in second) / (len(first) * len(second))
    if across >= ratio * math.sqrt(max(0.0, coherence_first * coherence_second)):
        return None
    return Split(first, second, pairs_first, pairs_second)
