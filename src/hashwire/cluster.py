"""Online story assignment: each article joins the open story it matches best, or starts one.

An article is compared with the open stories that share its salient terms (an inverted index with
capped posting lists, so the cost per article does not grow with the archive): cosine similarity of
its TF-IDF vector with each story's summed vector, averaged with the same over names and figures
alone (they tell two earthquakes or two court cases apart).

The bar an article must clear is learned from the stream. Stories of the same kind (two floods, two
trials) resemble each other more in some streams than in others: wire copy and templated local news
share whole sentences, while real coverage of one event by different outlets may share few. So the
index follows the *look-alike level*: the best similarity an article reaches with an open story that
shares none of its key names and figures (a running median). The bar sits above that level by a
margin that grows with it. A story of one or two articles asks for a little more (its vector is
still noisy), and a story is never joined below `threshold`. A story takes articles for a week after
its first one: coverage that runs longer continues as a new story, which also bounds how much a story
whose summed vector has drifted towards the common vocabulary of its kind can absorb.

Two stories merge when an article has joined one of them and the other is as close: the stories'
vectors clear the same bar, and their articles are about as similar across the pair as within each
(average pairwise similarity), which tells fragments of one event from two events of one kind.
A story can also split. At set sizes (4, 6, 9, 13... articles, and after a merge) the articles of
a story of up to `SPLIT_KEPT` articles are grouped in two (`story_split.py`); when the two groups
are clearly two events, the group without the story's lead article leaves as a new story. Early
decisions are made on little evidence: the second report of a topic can join the first on shared
vocabulary before the reports that tell two events apart have come in.

With an embedder (`story_embeddings.py`, the optional `embeddings` extra), each story also sums its
articles' sentence embeddings. An article's similarity with a story gains (or loses) the amount by
which the cosine of its embedding with that sum exceeds (or falls short of) the cosine look-alike
stories reach, a running median of its own (the channel starts once the median of the first
`COS_WARMUP` look-alike cosines is known): in a stream where reports of one kind read alike to the
model, the channel adds nothing; where it tells them apart, it does.

Only stories seen within the time window stay open.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import numpy as np

from .models import Article, Story
from .story_embeddings import COS_STEP, COS_WARMUP, EMBEDDING_WEIGHT, Embedder, cosine, summed
from .story_index import StoryTermIndex
from .story_split import Packed, Split, find_split, pack, pair_similarities
from .story_vectors import KEY_NAMES, ArticleVectors, add_into, dot, norm, top, vectorize
from .term_stats import TermStats

STORY_TERMS = 300  # strongest terms kept per story
STORY_NAMES = 150  # names and figures kept per story
POSTED_TERMS = 16  # terms a story is retrievable by
QUERY_TERMS = 16  # terms an article looks stories up by
NAME_SHARE = 0.5  # weight of the names-and-figures similarity
LEVEL_START = 0.05  # look-alike level assumed before the stream has shown its own
LEVEL_STEP = 0.003  # step of the running median of the look-alike level
BAR_BASE = 0.18  # bar = BAR_BASE + BAR_SLOPE x look-alike level (never below `threshold`)
BAR_SLOPE = 1.7
DISJOINT = 0.15  # a story sharing less than this share of key names with an article is a look-alike
YOUNG = 0.1  # extra bar for a story of one article (half of it for two, ...)
MERGE_RATIO = 0.7  # across-pair similarity needed, relative to the stories' own coherence
MERGE_FLOOR = 0.1  # ... and never below this average pairwise similarity
COHERENCE_PRIOR = 0.3  # coherence assumed for a story of one article
MERGE_LOOK = 3  # stories after the joined one considered for a merge
MAX_SPAN = timedelta(days=7)  # coverage running longer continues as a new story
STATS_LANGUAGES = 8  # languages with document frequencies of their own (8 MiB each)
SPLIT_SIZES = frozenset({4, 6, 9, 13, 19, 28, 42, 63})  # story sizes at which a split is considered
SPLIT_KEPT = 63  # a story keeps its articles' vectors (to split) up to this many articles
MEMBER_TERMS = 96  # ... their strongest terms
MEMBER_NAMES = 48  # ... and names and figures


@dataclass(slots=True)
class Assignment:
    story: Story  # the story the article joined, updated
    is_new: bool
    merged: list[str] = field(default_factory=list)  # ids of stories folded into `story`
    similarity: float = 0.0
    split_off: Story | None = None  # a story split off the one the article joined (it may be `story`)
    moved: list[str] = field(default_factory=list)  # ids of the articles now in `split_off`
    split_from: Story | None = None  # the story `split_off` left, updated


@dataclass(slots=True)
class _Member:
    """What a story keeps of each of its articles while it may still split."""

    article_id: str
    when: datetime
    title: str
    source: str
    terms: Packed
    names: Packed
    embedding: np.ndarray | None = None


@dataclass(slots=True)
class _OpenStory:
    story: Story
    terms: dict[str, float] = field(default_factory=dict)  # summed term vectors of its articles
    terms_norm: float = 0.0
    names: dict[str, float] = field(default_factory=dict)  # summed name vectors of its articles
    names_norm: float = 0.0
    name_docs: dict[str, int] = field(default_factory=dict)  # name -> articles naming it
    key: list[tuple[str, float]] = field(default_factory=list)  # its strongest names and figures
    pair_sum: float = 0.0  # summed similarity of every pair of its articles
    members: int = 0
    sources: set[str] = field(default_factory=set)
    kept: list[_Member] | None = field(default_factory=list)  # None once the story has outgrown splitting
    embedding: np.ndarray | None = None  # summed sentence embeddings of its articles (with an embedder)

    def coherence(self) -> float:
        """Average similarity between two of its articles (a prior for a story of one article)."""
        pairs = self.members * (self.members - 1) / 2
        return self.pair_sum / pairs if pairs else COHERENCE_PRIOR


@dataclass(slots=True)
class _Candidate:
    score: float  # similarity with the story's vectors
    raw: float  # summed similarity with each of the story's articles
    held: _OpenStory


class StoryIndex:
    """The open stories of the last `window_hours`, held in memory; rebuilt with `restore`."""

    def __init__(self, window_hours: float = 72, *, threshold: float = 0.2, embedder: Embedder | None = None,
                 embedding_weight: float = EMBEDDING_WEIGHT) -> None:
        self.window = timedelta(hours=window_hours)
        self.threshold = threshold
        self.embedder = embedder
        self.embedding_weight = embedding_weight
        self._embedding: np.ndarray | None = None  # the embedding of the article being placed
        self.cos_level: float | None = None  # embedding cosine a look-alike story reaches (running median)
        self._cos_seen: list[float] = []  # ... its first observations, until their median is taken
        self.level = LEVEL_START
        self.now: datetime | None = None
        self._stats: dict[str, TermStats] = {}  # document frequencies, one table per language
        self._open: dict[str, _OpenStory] = {}
        self._index = StoryTermIndex()
        self._expiry: list[tuple[datetime, str]] = []

    def __len__(self) -> int:
        return len(self._open)

    def get(self, story_id: str) -> Story | None:
        held = self._open.get(story_id)
        return held.story if held else None

    def stats(self, language: str) -> TermStats:
        """The document frequencies of `language`'s articles: a word's weight is measured against its
        own language (in a stream one fifth Arabic, a common Arabic word would look rare against all
        articles). Past `STATS_LANGUAGES` languages, the rest share one table."""
        stats = self._stats.get(language)
        if stats is None:
            key = language if len(self._stats) < STATS_LANGUAGES else "*"
            stats = self._stats.get(key)
            if stats is None:
                stats = self._stats[key] = TermStats()
            self._stats[language] = stats
        return stats

    @property
    def bar(self) -> float:
        """The similarity an article needs to join an established story, as the stream stands."""
        return max(self.threshold, BAR_BASE + BAR_SLOPE * self.level)

    # -- the decision ------------------------------------------------------------------
    def assign(self, article: Article) -> Assignment:
        """Put a new article into a story (its `story_id` is set) and return the story."""
        when = self._advance(article)
        doc = vectorize(article, self.stats(article.language))
        self._embedding = self._embed(article)
        scored = self._score(doc)
        bar = self.bar
        chosen = next((c for c in scored if c.score >= bar + YOUNG / c.held.members
                       and when - c.held.story.first_seen <= MAX_SPAN), None)
        if chosen is None:
            opened = self._start(article, doc, when)
            return Assignment(story=opened.story, is_new=True, similarity=scored[0].score if scored else 0.0)
        target = chosen.held
        self._join(target, article, doc, when, chosen.raw)
        merged = []
        for other in scored[:MERGE_LOOK + 1]:
            if other.held is not target and other.held.story.id in self._open and self._mergeable(target, other.held, bar):
                self._merge(target, other.held)
                merged.append(other.held.story.id)
        if merged:
            self._post(target)
        result = Assignment(story=target.story, is_new=False, merged=merged, similarity=chosen.score)
        if target.kept is not None and (len(target.kept) in SPLIT_SIZES or merged):
            self._split(target, result, article.id)
        article.story_id = result.story.id
        return result

    def restore(self, article: Article) -> None:
        """Re-add an article already assigned to `article.story_id` (warming after a restart)."""
        if not article.story_id:
            self.assign(article)
            return
        when = self._advance(article)
        doc = vectorize(article, self.stats(article.language))
        self._embedding = self._embed(article)
        self._score(doc)  # the look-alike level learns from restored articles as it did the first time
        held = self._open.get(article.story_id)
        if held is None:
            self._start(article, doc, when, story_id=article.story_id)
        else:
            self._join(held, article, doc, when, self._raw(doc, held))

    def _embed(self, article: Article) -> np.ndarray | None:
        """The article's embedding: the one it was placed with (`article.embedding`, as stored), else
        the embedder's, kept in `article.embedding` for the store."""
        if self.embedder is None:
            return None
        if article.embedding:
            return np.frombuffer(article.embedding, dtype=np.float32)
        vector = self.embedder(article)
        if vector is not None:
            vector = np.asarray(vector, dtype=np.float32)
            article.embedding = vector.tobytes()
        return vector

    # -- similarity ----------------------------------------------------------------------
    def _score(self, doc: ArticleVectors) -> list[_Candidate]:
        """Candidate stories, most similar first; moves the look-alike level on the way."""
        query = [t for t, _ in top(doc.terms, QUERY_TERMS)]
        scored = []
        lookalike = lookalike_cos = 0.0
        seen_cos = False
        for sid in self._index.candidates(query):
            held = self._open[sid]
            term_dot = dot(doc.terms, held.terms)
            name_dot = dot(doc.names, held.names)
            score = (1.0 - NAME_SHARE) * term_dot / (held.terms_norm or 1.0)
            score += NAME_SHARE * name_dot / (held.names_norm or 1.0)
            raw = (1.0 - NAME_SHARE) * term_dot + NAME_SHARE * name_dot
            cos = cosine(self._embedding, held.embedding) if self._embedding is not None else None
            if doc.key and (score > lookalike or (cos or 0.0) > lookalike_cos) and _key_share(doc, held) < DISJOINT:
                lookalike = max(lookalike, score)
                if cos is not None and cos > lookalike_cos:
                    lookalike_cos, seen_cos = cos, True
            if cos is not None and self.cos_level is not None:
                score += self.embedding_weight * (cos - self.cos_level)
            scored.append(_Candidate(score, raw, held))
        if scored and doc.key:
            self.level += LEVEL_STEP if lookalike > self.level else -LEVEL_STEP
        if seen_cos:
            self._learn_cos_level(lookalike_cos)
        scored.sort(key=_by_score, reverse=True)
        return scored

    def _learn_cos_level(self, lookalike_cos: float) -> None:
        """The embedding cosine look-alike stories reach: the median of the first `COS_WARMUP` seen,
        then a running median. The channel is off until the first median is known."""
        if self.cos_level is None:
            self._cos_seen.append(lookalike_cos)
            if len(self._cos_seen) >= COS_WARMUP:
                self.cos_level = statistics.median(self._cos_seen)
                self._cos_seen = []
        else:
            self.cos_level += COS_STEP if lookalike_cos > self.cos_level else -COS_STEP

    def _raw(self, doc: ArticleVectors, held: _OpenStory) -> float:
        return (1.0 - NAME_SHARE) * dot(doc.terms, held.terms) + NAME_SHARE * dot(doc.names, held.names)

    def _mergeable(self, one: _OpenStory, other: _OpenStory, bar: float) -> bool:
        term_dot = dot(one.terms, other.terms)
        name_dot = dot(one.names, other.names)
        across = ((1.0 - NAME_SHARE) * term_dot + NAME_SHARE * name_dot) / (one.members * other.members)
        if across < max(MERGE_FLOOR, MERGE_RATIO * math.sqrt(max(0.0, one.coherence() * other.coherence()))):
            return False
        similar = (1.0 - NAME_SHARE) * term_dot / ((one.terms_norm * other.terms_norm) or 1.0)
        similar += NAME_SHARE * name_dot / ((one.names_norm * other.names_norm) or 1.0)
        return similar >= bar

    def _split(self, held: _OpenStory, result: Assignment, article_id: str) -> None:
        """Split `held` in two when its articles report two events; `result` tells what moved."""
        kept = held.kept or []
        vectors = [(m.terms.unpack(), m.names.unpack()) for m in kept]
        sims = pair_similarities(vectors, NAME_SHARE)
        split = find_split(sims)
        if split is None:
            return
        lead = held.story.lead_article_id
        if any(kept[i].article_id == lead for i in split.leave):
            split = Split(split.leave, split.keep, split.leave_pairs, split.keep_pairs)
        staying, leaving = [kept[i] for i in split.keep], [kept[i] for i in split.leave]
        self._rebuild(held, staying, [vectors[i] for i in split.keep], split.keep_pairs)
        # an id no story has had: the first leaving article's own may name a story merged away
        sid = hashlib.blake2b(f"{held.story.id}/{leaving[0].article_id}".encode(), digest_size=8).hexdigest()
        while sid in self._open:
            sid = _next_id(sid)
        story = Story(id=sid, title="", first_seen=leaving[0].when, last_seen=leaving[0].when,
                      language=held.story.language, category=held.story.category)
        other = _OpenStory(story=story)
        self._open[sid] = other
        self._rebuild(other, leaving, [vectors[i] for i in split.leave], split.leave_pairs)
        result.moved = [m.article_id for m in leaving]
        result.split_off, result.split_from = story, held.story
        if article_id in result.moved:  # the new article went with the leaving group
            result.story = story

    def _rebuild(self, held: _OpenStory, members: list[_Member],
                 vectors: list[tuple[dict[str, float], dict[str, float]]], pair_sum: float) -> None:
        """`held` made again from `members` (with their unpacked vectors) alone."""
        held.terms, held.names, held.name_docs, held.sources = {}, {}, {}, set()
        for m, (terms, names) in zip(members, vectors, strict=True):
            for t in names:
                held.name_docs[t] = held.name_docs.get(t, 0) + 1
            self._add_vectors(held, terms, names)
            if m.source and len(held.sources) < 512:
                held.sources.add(m.source)
        held.kept, held.members, held.pair_sum = list(members), len(members), pair_sum
        held.embedding = summed([m.embedding for m in members])
        story = held.story
        story.article_count, story.source_count = len(members), len(held.sources)
        story.first_seen = min(m.when for m in members)
        story.last_seen = max(m.when for m in members)
        titled = [m for m in members if m.title]
        first = min(titled or members, key=_when)
        story.title, story.lead_article_id = first.title, first.article_id
        heapq.heappush(self._expiry, (story.last_seen, story.id))
        self._post(held)

    # -- story state -------------------------------------------------------------------
    def _start(self, article: Article, doc: ArticleVectors, when: datetime,
               story_id: str | None = None) -> _OpenStory:
        sid = story_id or article.id[:16]
        while sid in self._open and story_id is None:
            sid = _next_id(sid)
        story = Story(id=sid, title=article.title, first_seen=when, last_seen=when,
                      lead_article_id=article.id, language=article.language, category=article.category)
        held = _OpenStory(story=story)
        self._open[sid] = held
        self._join(held, article, doc, when, 0.0)
        article.story_id = sid
        return held

    def _join(self, held: _OpenStory, article: Article, doc: ArticleVectors, when: datetime, raw: float) -> None:
        held.pair_sum += raw
        held.members += 1
        for t in doc.names:
            held.name_docs[t] = held.name_docs.get(t, 0) + 1
        self._add_vectors(held, doc.terms, doc.names)
        embedding = self._embedding
        if embedding is not None:
            held.embedding = embedding.copy() if held.embedding is None else held.embedding + embedding
        source = article.site_name or article.source_name or str(article.source_id or "")
        if held.kept is not None:
            if len(held.kept) < SPLIT_KEPT:
                held.kept.append(_Member(article.id, when, article.title, source,
                                         pack(doc.terms, MEMBER_TERMS), pack(doc.names, MEMBER_NAMES), embedding))
            else:
                held.kept = None
        if source and len(held.sources) < 512:
            held.sources.add(source)
        story = held.story
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
        self._post(held)

    def _add_vectors(self, held: _OpenStory, terms: dict[str, float], names: dict[str, float]) -> None:
        held.terms = add_into(held.terms, terms, STORY_TERMS)
        held.terms_norm = norm(held.terms)
        held.names = add_into(held.names, names, STORY_NAMES)
        held.names_norm = norm(held.names)
        if len(held.name_docs) > 4 * STORY_NAMES:
            held.name_docs = dict(heapq.nlargest(2 * STORY_NAMES, held.name_docs.items(), key=_count))
        held.key = top(held.names, KEY_NAMES)

    def _post(self, held: _OpenStory) -> None:
        self._index.post(held.story.id, frozenset(t for t, _ in top(held.terms, POSTED_TERMS)))

    def _merge(self, into: _OpenStory, other: _OpenStory) -> None:
        across = (1.0 - NAME_SHARE) * dot(into.terms, other.terms) + NAME_SHARE * dot(into.names, other.names)
        into.pair_sum += other.pair_sum + across
        into.members += other.members
        both = (into.kept or []) + (other.kept or [])
        into.kept = both if into.kept is not None and other.kept is not None and len(both) <= SPLIT_KEPT else None
        into.embedding = summed([into.embedding, other.embedding])
        for t, n in other.name_docs.items():
            into.name_docs[t] = into.name_docs.get(t, 0) + n
        self._add_vectors(into, other.terms, other.names)
        into.sources |= other.sources
        into.story.article_count += other.story.article_count
        into.story.source_count = len(into.sources)
        if other.story.first_seen < into.story.first_seen and other.story.title:
            into.story.first_seen = other.story.first_seen
            into.story.title = other.story.title
            into.story.lead_article_id = other.story.lead_article_id
        into.story.last_seen = max(into.story.last_seen, other.story.last_seen)
        heapq.heappush(self._expiry, (into.story.last_seen, into.story.id))
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


def _key_share(doc: ArticleVectors, held: _OpenStory) -> float:
    """How far an article and a story name the same people, places and figures (0 none, 1 all).

    The mean of two shares: of the article's key names, weighted by how many of the story's
    articles carry each; and of the story's key names found in the article."""
    total = sum(w for _, w in doc.key) or 1.0
    members = held.members or 1
    of_doc = sum(w * min(1.0, held.name_docs.get(t, 0) / members) for t, w in doc.key) / total
    story_total = sum(w for _, w in held.key) or 1.0
    of_story = sum(w for t, w in held.key if t in doc.names) / story_total
    return (of_doc + of_story) / 2


def _by_score(c: _Candidate) -> float:
    return c.score


def _when(m: _Member) -> datetime:
    return m.when


def _count(item: tuple[str, int]) -> int:
    return item[1]


def _next_id(sid: str) -> str:
    return f"{(int(sid, 16) + 1) % (1 << 64):016x}" if all(c in "0123456789abcdef" for c in sid) else sid + "0"
