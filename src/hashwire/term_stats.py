"""Document frequencies of terms, learned from the stream itself, in fixed memory.

Counts live in a hashed table (2**21 cells of uint32, 8 MiB) so the vocabulary of a million
articles costs no more than that of a thousand; a rare collision only blurs one term's weight.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np

from .textfeatures import stable_hash

_BITS = 21
_MASK = (1 << _BITS) - 1


class TermStats:
    def __init__(self) -> None:
        self.docs = 0
        self._df = np.zeros(1 << _BITS, dtype=np.uint32)

    def add(self, terms: Iterable[str]) -> np.ndarray:
        """Count one document holding `terms` (each distinct term once); returns their idf, in order."""
        self.docs += 1
        cells = self._count(terms)
        return np.log((self.docs + 1) / (self._df[cells] + 1.0)) + 1.0

    def count(self, terms: Iterable[str]) -> None:
        """Count `terms` (distinct) into the table without counting a document (forms of words, say)."""
        self._count(terms)

    def _count(self, terms: Iterable[str]) -> np.ndarray:
        cells = np.fromiter((stable_hash(t) & _MASK for t in terms), dtype=np.int64)
        if len(cells):
            self._df[np.unique(cells)] += 1
        return cells

    def df(self, term: str) -> int:
        return int(self._df[stable_hash(term) & _MASK])

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency: 1.0 for a term in every document, more for rarer ones."""
        return math.log((self.docs + 1) / (self.df(term) + 1)) + 1.0
