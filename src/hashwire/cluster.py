"""Online story assignment: each article joins the open story it matches best, or starts one.

An article becomes a TF-IDF vector over its title and text words, names and numbers (names and
numbers weigh more: they tell two earthquakes or two court cases apart). Open stories keep the
summed vector of their articles, pruned to the strongest terms. Candidates come from an inverted
index over each story's salient terms (capped posting lists), so the cost per article does not
grow with the number of stored articles; only stories seen within the time window stay open.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from .models import Article, Story
from .story_index import StoryTermIndex
from .term_stats import TermStats
from .textfeatures import log_tf, term_features

VECTOR_TERMS = 120  # strongest terms kept per article
CENTROID_TERMS = 300  # strongest terms kept per story
POSTED_TERMS = 16  # terms a story is retrievable by
QUERY_TERMS = 16  # terms an article looks stories up by
YEAR_PENALTY = 0.6  # similarity kept when an article's years disagree with its story's
YEAR_SHARE = 0.25  # a year counts for a story when this share of its articles mention it
STORY_NAMES = 150  # names and figures kept per story
NAME_GATE = 0.4  # below this names-and-figures similarity a story is not a match
NAME_PENALTY = 0.0  # similarity kept then: a look-alike event with other places and people is another story
NAME_SHARE = 0.5  # weight of the names-and-figures similarity


@dataclass(slots=True)
class Assignment:
    story: Story  # the story the article joined, updated
    is_new: bool
    merged: list[str] = field(default_factory=list)  # ids of stories folded into `story`
    similarity: float = 0.0


@dataclass(slots=True)
class _Doc:
    vec: dict[str, float]  # unit-length TF-IDF vector
    years: frozenset[str]
    names: dict[str, float]  # the unit vector of its names and figures alone


@dataclass(slots=True)
class _OpenStory:
    story: Story
    centroid: dict[str, float]
    norm: float = 0.0
    members: int = 0
    sources: set[str] = field(default_factory=set)
    years: dict[str, int] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)  # summed name vectors of its articles
    name_norm: float = 0.0


class StoryIndex:
    """The open stories of the last `window_hours`, held in memory; rebuilt with `restore`."""

    def __init__(self, window_hours: float = 72, *, threshold: float = 0.2,
                 young_threshold: float = 0.35, merge_threshold: float = 0.45) -> None:
        self.window = timedelta(hours=window_hours)
        self.threshold = threshold
        self.young_threshold = max(young_threshold, threshold)
        self.merge_threshold = merge_threshold
        self.now: datetime | None = None
        self.stats = TermStats()
        self._open: dict[str, _OpenStory] = {}
        self._index = StoryTermIndex()
        self._expiry: list[tuple[datetime, str]] = []

    def __len__(self) -> int:
        return len(self._open)

    def get(self, story_id: str) -> Story | None:
        held = self._open.get(story_id)
        return held.story if held else None

    # -- the decision ------------------------------------------------------------------
    def assign(self, article: Article) -> Assignment:
        """Put a new article into a story (its `story_id` is set) and return the story."""
        when = self._advance(article)
        doc = self._doc(article)
        scored = self._score(doc)
        merged: list[str] = []
        if scored and scored[0][0] >= 0.0:
            _, sim, sid = scored[0]
            target = self._open[sid]
            for _, other_sim, other_id in scored[1:3]:
                if other_sim >= self.merge_threshold and sim >= self.merge_threshold:
                    self._merge(target, self._open[other_id])
                    merged.append(other_id)
            self._join(target, article, doc, when)
            article.story_id = target.story.id
            return Assignment(story=target.story, is_new=False, merged=merged, similarity=sim)
        opened = self._start(article, doc, when)
        article.story_id = opened.story.id
        return Assignment(story=opened.story, is_new=True, similarity=scored[0][1] if scored else 0.0)

    def restore(self, article: Article) -> None:
        """Re-add an article already assigned to `article.story_id` (warming after a restart)."""
        if not article.story_id:
            self.assign(article)
            return
        when = self._advance(article)
        doc = self._doc(article)
        held = self._open.get(article.story_id)
        if held is None:
            held = self._start(article, doc, when, story_id=article.story_id)
        else:
            self._join(held, article, doc, when)

    # -- features ----------------------------------------------------------------------
    def _doc(self, article: Article) -> _Doc:
        feats = term_features(article.title, article.text)
        idf = self.stats.add(feats.terms.keys())
        weights = {t: log_tf(c) * float(i) for (t, c), i in zip(feats.terms.items(), idf, strict=True)}
        if len(weights) > VECTOR_TERMS:
            weights = dict(heapq.nlargest(VECTOR_TERMS, weights.items(), key=lambda kv: kv[1]))
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vec = {t: w / norm for t, w in weights.items()}
        named = {t: w for t, w in vec.items() if t in feats.names or t in feats.numbers}
        nnorm = math.sqrt(sum(w * w for w in named.values())) or 1.0
        return _Doc(vec=vec, years=feats.years, names={t: w / nnorm for t, w in named.items()})

    def _score(self, doc: _Doc) -> list[tuple[float, float, str]]:
        """Candidate stories as (similarity above the story's bar, similarity, id), best first.

        The bar is higher for a story of one or two articles, whose centroid is still noisy, than
        for an established one: a look-alike event must not capture a young story."""
        vec = doc.vec
        query = [t for t, _ in heapq.nlargest(QUERY_TERMS, vec.items(), key=lambda kv: kv[1])]
        scored = []
        for sid in self._index.candidates(query):
            held = self._open[sid]
            dot = sum(w * held.centroid.get(t, 0.0) for t, w in vec.items())
            name_dot = sum(w * held.names.get(t, 0.0) for t, w in doc.names.items())
            sim = dot / held.norm if held.norm else 0.0
            if held.name_norm:
                name_sim = name_dot / held.name_norm
                sim = (1.0 - NAME_SHARE) * sim + NAME_SHARE * name_sim
                if name_sim < NAME_GATE:
                    sim *= NAME_PENALTY
            bar = self.threshold + (self.young_threshold - self.threshold) / held.members
            if doc.years and held.years and _years_disagree(doc.years, held):
                sim *= YEAR_PENALTY
            scored.append((sim - bar, sim, sid))
        scored.sort(reverse=True)
        return scored

    # -- story state -------------------------------------------------------------------
    def _start(self, article: Article, doc: _Doc, when: datetime,
               story_id: str | None = None) -> _OpenStory:
        sid = story_id or article.id[:16]
        while sid in self._open and story_id is None:
            sid = _next_id(sid)
        story = Story(id=sid, title=article.title, first_seen=when, last_seen=when,
                      lead_article_id=article.id, language=article.language, category=article.category)
        held = _OpenStory(story=story, centroid={})
        self._open[sid] = held
        self._join(held, article, doc, when)
        return held

    def _join(self, held: _OpenStory, article: Article, doc: _Doc, when: datetime) -> None:
        story = held.story
        centroid = held.centroid
        for t, w in doc.vec.items():
            centroid[t] = centroid.get(t, 0.0) + w
        for y in doc.years:
            held.years[y] = held.years.get(y, 0) + 1
        for t, w in doc.names.items():
            held.names[t] = held.names.get(t, 0.0) + w
        if len(held.names) > 2 * STORY_NAMES:
            held.names = dict(heapq.nlargest(STORY_NAMES, held.names.items(), key=_weight))
        held.name_norm = math.sqrt(sum(w * w for w in held.names.values()))
        if len(centroid) > 2 * CENTROID_TERMS:
            held.centroid = centroid = dict(
                heapq.nlargest(CENTROID_TERMS, centroid.items(), key=lambda kv: kv[1]))
        held.norm = math.sqrt(sum(w * w for w in centroid.values()))
        held.members += 1
        source = article.site_name or article.source_name or str(article.source_id or "")
        if source and len(held.sources) < 512:
            held.sources.add(source)
        story.article_count += 1
        story.source_count = len(held.sources)
        if when < story.first_seen:
            story.first_seen = when
            if article.title:
                story.title = article.title
                story.lead_article_id = article.id
        elif not story.title and article.title:
            story.title = article.title
            story.lead_article_id = article.id
        if when > story.last_seen:
            story.last_seen = when
        heapq.heappush(self._expiry, (story.last_seen, story.id))
        posted = heapq.nlargest(POSTED_TERMS, centroid.items(), key=lambda kv: kv[1])
        self._index.post(story.id, frozenset(t for t, _ in posted))

    def _merge(self, into: _OpenStory, other: _OpenStory) -> None:
        for t, w in other.centroid.items():
            into.centroid[t] = into.centroid.get(t, 0.0) + w
        into.members += other.members
        for y, n in other.years.items():
            into.years[y] = into.years.get(y, 0) + n
        for t, w in other.names.items():
            into.names[t] = into.names.get(t, 0.0) + w
        into.name_norm = math.sqrt(sum(w * w for w in into.names.values()))
        into.sources |= other.sources
        into.story.article_count += other.story.article_count
        into.story.source_count = len(into.sources)
        if other.story.first_seen < into.story.first_seen and other.story.title:
            into.story.first_seen = other.story.first_seen
            into.story.title = other.story.title
            into.story.lead_article_id = other.story.lead_article_id
        into.story.last_seen = max(into.story.last_seen, other.story.last_seen)
        other.story.merged_into = into.story.id
        self._index.remove(other.story.id)
        del self._open[other.story.id]

    def _advance(self, article: Article) -> datetime:
        when = article.published or article.fetched_at or self.now or datetime.now(UTC)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        if self.now is None or when > self.now:
            self.now = when
        cutoff = self.now - self.window
        while self._expiry and self._expiry[0][0] < cutoff:
            _, sid = heapq.heappop(self._expiry)
            held = self._open.get(sid)
            if held is not None and held.story.last_seen < cutoff:
                self._index.remove(sid)
                del self._open[sid]
        return when


def _weight(item: tuple[str, float]) -> float:
    return item[1]


def _years_disagree(years: frozenset[str], held: _OpenStory) -> bool:
    """True when the years an article mentions share none with the years most of a story mentions."""
    floor = max(1, held.members * YEAR_SHARE)
    common = {y for y, n in held.years.items() if n >= floor}
    return bool(common) and not (years & common)


def _next_id(sid: str) -> str:
    return f"{(int(sid, 16) + 1) % (1 << 64):016x}" if all(c in "0123456789abcdef" for c in sid) else sid + "0"
