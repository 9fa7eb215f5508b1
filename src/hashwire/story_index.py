"""The candidate index of open stories: salient term -> the stories it marks.

Posting lists are capped: a term shared by more than `cap` open stories says little about which
one an article belongs to, so its oldest postings give way. Retrieval therefore costs at most
(query terms x cap) lookups, whatever the number of stored articles.
"""

from __future__ import annotations

from collections import Counter


class StoryTermIndex:
    def __init__(self, *, cap: int = 48) -> None:
        self.cap = cap
        self._postings: dict[str, dict[str, None]] = {}  # term -> story ids, oldest first
        self._terms_of: dict[str, frozenset[str]] = {}  # story id -> terms it is posted under

    def __len__(self) -> int:
        return len(self._terms_of)

    def post(self, story_id: str, terms: frozenset[str]) -> None:
        """Make `terms` the salient terms a story is found by (replacing the previous ones)."""
        old = self._terms_of.get(story_id, frozenset())
        for term in old - terms:
            self._unpost(term, story_id)
        for term in terms - old:
            posting = self._postings.get(term)
            if posting is None:
                posting = self._postings[term] = {}
            posting.pop(story_id, None)
            posting[story_id] = None
            if len(posting) > self.cap:
                oldest = next(iter(posting))
                del posting[oldest]
                held = self._terms_of.get(oldest)
                if held is not None:
                    self._terms_of[oldest] = held - {term}
        self._terms_of[story_id] = terms

    def remove(self, story_id: str) -> None:
        for term in self._terms_of.pop(story_id, frozenset()):
            self._unpost(term, story_id)

    def candidates(self, terms: list[str], *, limit: int = 24) -> list[str]:
        """Stories sharing the most of `terms`, best first (ties: the most recently posted)."""
        hits: Counter[str] = Counter()
        for term in terms:
            posting = self._postings.get(term)
            if posting:
                hits.update(posting.keys())
        return [sid for sid, _ in hits.most_common(limit)]

    def _unpost(self, term: str, story_id: str) -> None:
        posting = self._postings.get(term)
        if posting is None:
            return
        posting.pop(story_id, None)
        if not posting:
            del self._postings[term]
