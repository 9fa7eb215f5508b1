"""Duplicate decisions: exact (canonical URL, content hash) and near (syndicated copies).

Near-duplicates are found with MinHash over word 3-shingles of the text (headlines are left out:
syndicated copies often carry another one) and banded LSH; every candidate is verified by the
Jaccard estimate of the full signatures. A candidate that is not clearly a copy (estimate below
`SURE`) must also carry the same particulars: the figures and capitalised names of the two texts,
compared through a bottom-k sketch. Two reports of two events written from one template (two
actors entering rehab, two cities flooded) share most of their wording but not their names and
numbers, while a copy keeps them. Only compact features of articles inside the time window are held:
a 64-value signature and a 32-value particulars sketch in slabs, and one dictionary entry per band.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np

from . import normalize
from .models import Article
from .textfeatures import STOPWORDS, shingle_hashes, stable_hash

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with p > 0.9998
ROWS = NUM_PERM // BANDS
MIN_SHINGLES = 8  # texts shorter than this are only folded when exactly equal
SURE = 0.8  # estimated shingle Jaccard from which a candidate is a copy whatever its particulars
PARTICULARS = 32  # size of the bottom-k sketch of an article's figures and names
MIN_PARTICULARS = 4  # texts with fewer particulars are not compared on them
PARTICULARS_AGREE = 0.5  # Jaccard of particulars a copy below SURE must reach
_NO_HASH = np.uint64(2**64 - 1)  # pads a sketch of fewer particulars
_PARTICULAR = re.compile(r"\d[\d.,:]*\d|\d|[A-Z][\w'\u2019-]+")

_rng = np.random.default_rng(0x6A73)  # fixed: signatures must agree across processes
_A = (_rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_B = _rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
_BAND_SALT = [int(x) for x in _rng.integers(1, 2**62, size=BANDS, dtype=np.int64)]


@dataclass(frozen=True, slots=True)
class Duplicate:
    """The decision that an article is a copy of one already seen."""

    of: str  # id of the canonical (first-seen) article
    kind: str  # "url" | "content" | "near"
    similarity: float = 1.0  # estimated word-shingle Jaccard for "near"; 1.0 for exact kinds


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint32 x NUM_PERM) of a text's word 3-shingles; empty when too short."""
    sh = shingle_hashes(text)
    if len(sh) < MIN_SHINGLES:
        return np.zeros(0, dtype=np.uint32)
    # multiply-shift hashing: the high 32 bits of a*x + b are a good universal hash family
    mixed = (sh[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return mixed.min(axis=0).astype(np.uint32)


def particulars(text: str) -> np.ndarray:
    """The bottom-k sketch (the PARTICULARS smallest hashes, sorted uint64) of the text's figures and
    capitalised words other than stopwords: what tells one event's report from another's."""
    found = {t for t in _PARTICULAR.findall(text) if t.casefold() not in STOPWORDS}
    hashes = np.fromiter((stable_hash(t) for t in found), dtype=np.uint64, count=len(found))
    return np.sort(hashes)[:PARTICULARS]


def particulars_similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard estimate of two texts' particulars from their bottom-k sketches."""
    smallest = np.union1d(a, b)[:PARTICULARS]
    if not len(smallest):
        return 1.0
    return float(np.count_nonzero(np.isin(smallest, a) & np.isin(smallest, b))) / len(smallest)


def _band_keys(sig: np.ndarray) -> list[int]:
    rows = sig.reshape(BANDS, ROWS).astype(np.uint64)
    # fold each band's 4 values into one 64-bit key (collisions only cost a verification)
    folded = rows[:, 0] * np.uint64(0x9E3779B97F4A7C15)
    for r in range(1, ROWS):
        folded = (folded ^ rows[:, r]) * np.uint64(0xBF58476D1CE4E5B9)
    return [int(v) ^ salt for v, salt in zip(folded.tolist(), _BAND_SALT, strict=True)]


class DuplicateIndex:
    """In-memory index of the canonical articles of the open window.

    `check(article)` answers whether an article is a copy of one added before; `add(article)`
    records a canonical article. Warm it after a restart by adding the store's recent articles.
    """

    def __init__(self, *, window_hours: float = 72, threshold: float = 0.6) -> None:
        self.window = timedelta(hours=window_hours)
        self.threshold = threshold
        self.now: datetime | None = None
        self._by_url: dict[str, str] = {}
        self._by_hash: dict[str, str] = {}
        self._bands: dict[int, int | list[int]] = {}
        self._slot_of: dict[str, int] = {}
        self._ids: list[str | None] = []
        self._free: list[int] = []
        self._sigs = np.zeros((1024, NUM_PERM), dtype=np.uint32)
        self._sketches = np.full((1024, PARTICULARS), _NO_HASH, dtype=np.uint64)
        self._expiry: list[tuple[datetime, str]] = []
        self._meta: dict[str, tuple[str, str]] = {}  # id -> (canonical url, content hash)
        # the last article's signature and particulars: check() then add() compute them once
        self._last: tuple[str, str, list[np.ndarray | None]] | None = None

    def __len__(self) -> int:
        return len(self._meta)

    # -- decisions ---------------------------------------------------------------------
    def check(self, article: Article) -> Duplicate | None:
        """The canonical article this one copies, or None when it is new."""
        self._advance(article)
        known = self._by_url.get(article.url)
        if known is not None and known != article.id:
            return Duplicate(of=known, kind="url")
        chash = article.content_hash or normalize.content_hash(article.text)
        known = self._by_hash.get(chash)
        if known is not None and known != article.id and article.text.strip():
            return Duplicate(of=known, kind="content")
        sig = self._signature(article)
        if not len(sig):
            return None
        best: tuple[float, str] | None = None
        for slot in self._candidates(sig):
            other = self._ids[slot]
            if other is None or other == article.id:
                continue
            sim = float(np.count_nonzero(self._sigs[slot] == sig)) / NUM_PERM
            if sim >= self.threshold and (best is None or sim > best[0]) and (
                    sim >= SURE or self._same_particulars(article, slot)):
                best = (sim, other)
        if best is None:
            return None
        return Duplicate(of=best[1], kind="near", similarity=best[0])

    def add(self, article: Article) -> None:
        """Record a canonical article (copies need not be added: their original stands for them)."""
        self._advance(article)
        if article.id in self._meta:
            return
        chash = article.content_hash or normalize.content_hash(article.text)
        self._by_url.setdefault(article.url, article.id)
        if article.text.strip():
            self._by_hash.setdefault(chash, article.id)
        sig = self._signature(article)
        if len(sig):
            slot = self._take_slot(article.id)
            self._sigs[slot] = sig
            sketch = self._particulars(article)
            self._sketches[slot] = _NO_HASH
            self._sketches[slot, : len(sketch)] = sketch
            for key in _band_keys(sig):
                held = self._bands.get(key)
                if held is None:
                    self._bands[key] = slot
                elif isinstance(held, list):
                    held.append(slot)
                else:
                    self._bands[key] = [held, slot]
        self._meta[article.id] = (article.url, chash)
        when = _time_of(article) or self.now
        if when is not None:
            heapq.heappush(self._expiry, (when, article.id))

    # -- internals ---------------------------------------------------------------------
    def _signature(self, article: Article) -> np.ndarray:
        return self._feature(article, 0, signature)

    def _particulars(self, article: Article) -> np.ndarray:
        return self._feature(article, 1, particulars)

    def _feature(self, article: Article, which: int, compute: Callable[[str], np.ndarray]) -> np.ndarray:
        """A feature of the article's text, computed once for check() and add() together."""
        last = self._last
        if last is None or last[0] != article.id or last[1] is not article.text:
            last = self._last = (article.id, article.text, [None, None])
        held = last[2]
        value = held[which]
        if value is None:
            value = held[which] = compute(article.text)
        return value

    def _same_particulars(self, article: Article, slot: int) -> bool:
        """Whether the article names the figures and names of the one in `slot` (or either has too
        few to tell)."""
        mine = self._particulars(article)
        theirs = self._sketches[slot]
        theirs = theirs[theirs != _NO_HASH]
        if len(mine) < MIN_PARTICULARS or len(theirs) < MIN_PARTICULARS:
            return True
        return particulars_similarity(mine, theirs) >= PARTICULARS_AGREE

    def _candidates(self, sig: np.ndarray) -> set[int]:
        found: set[int] = set()
        for key in _band_keys(sig):
            held = self._bands.get(key)
            if held is None:
                continue
            if isinstance(held, list):
                found.update(held)
            else:
                found.add(held)
        return found

    def _take_slot(self, article_id: str) -> int:
        if self._free:
            slot = self._free.pop()
            self._ids[slot] = article_id
        else:
            slot = len(self._ids)
            self._ids.append(article_id)
            if slot >= len(self._sigs):
                grown = np.zeros((len(self._sigs) * 2, NUM_PERM), dtype=np.uint32)
                grown[: len(self._sigs)] = self._sigs
                self._sigs = grown
                sketches = np.full((len(self._sigs), PARTICULARS), _NO_HASH, dtype=np.uint64)
                sketches[: len(self._sketches)] = self._sketches
                self._sketches = sketches
        self._slot_of[article_id] = slot
        return slot

    def _advance(self, article: Article) -> None:
        when = _time_of(article)
        if when is not None and (self.now is None or when > self.now):
            self.now = when
        if self.now is None:
            return
        cutoff = self.now - self.window
        while self._expiry and self._expiry[0][0] < cutoff:
            _, aid = heapq.heappop(self._expiry)
            self._forget(aid)

    def _forget(self, article_id: str) -> None:
        meta = self._meta.pop(article_id, None)
        if meta is None:
            return
        url, chash = meta
        if self._by_url.get(url) == article_id:
            del self._by_url[url]
        if self._by_hash.get(chash) == article_id:
            del self._by_hash[chash]
        slot = self._slot_of.pop(article_id, None)
        if slot is None:
            return
        for key in _band_keys(self._sigs[slot]):
            held = self._bands.get(key)
            if held == slot:
                del self._bands[key]
            elif isinstance(held, list):
                if slot in held:
                    held.remove(slot)
                if len(held) == 1:
                    self._bands[key] = held[0]
        self._ids[slot] = None
        self._free.append(slot)


def _time_of(article: Article) -> datetime | None:
    when = article.published or article.fetched_at
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when
