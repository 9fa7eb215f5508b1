"""The simulated world: outlets, stories (events) and the articles outlets publish about them.

Everything is a pure function of the seed: article i is computed from (seed, i) when asked for, so a newsroom
of a million articles costs only an array of story offsets in memory.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from . import prose, vocab
from .events import KIND_BY_KEY
from .rand import Rand as Random

FEED_FORMATS = ("rss20", "atom10", "rdf", "jsonfeed")
FEED_PATHS = {"rss20": "feed.xml", "atom10": "atom.xml", "rdf": "index.rdf", "jsonfeed": "feed.json"}
URL_SHAPES = ("dated", "section", "newsid", "story")
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class Outlet:
    index: int
    slug: str
    name: str
    language: str
    feed_format: str  # rss20 | atom10 | rdf | jsonfeed
    url_shape: str  # one of URL_SHAPES
    style: int  # page layout variant, 0..3
    jsonld: bool  # pages carry JSON-LD NewsArticle
    og_meta: bool  # pages carry <meta property="og:*">
    feed_categories: bool  # feed items carry <category>
    tracking: bool  # feed links carry utm_* parameters
    photo_agency: str

    @property
    def feed_path(self) -> str:
        return f"/{self.slug}/{FEED_PATHS[self.feed_format]}"

    @property
    def home_path(self) -> str:
        return f"/{self.slug}/"


@dataclass(slots=True)
class ArticleSpec:
    """Where and when an article appears and whether it copies another; no text yet."""

    index: int
    story: int
    outlet: int
    published: datetime
    updated: datetime | None
    copy_of: int | None  # index of the original
    copy_kind: str | None  # verbatim | edited | repost
    text_of: int  # index of the article whose text this one carries (itself unless a copy)
    followup: bool
    wire: bool
    correction: int  # which correction line, -1 for none
    turn: int = 0  # how many of the story's own write-ups came before this one (varies headline and lead)


@dataclass(slots=True)
class StoryPlan:
    index: int
    kind: str
    language: str
    start: datetime
    place: int
    first: int  # index of its first article
    articles: tuple[ArticleSpec, ...]
    head_turn: int = 0  # where the story's write-ups start in the lists of headlines and leads
    lead_turn: int = 0


def make_outlets(seed: int, count: int) -> list[Outlet]:
    rng = Random(f"{seed}:outlets")
    outlets: list[Outlet] = []
    used: set[str] = set()
    names: set[str] = set()
    en_i = ar_i = 0
    for i in range(count):
        arabic = count >= 5 and i % 5 == 4
        if arabic:
            if ar_i < len(vocab.AR_OUTLETS):
                slug, name = vocab.AR_OUTLETS[ar_i]
            else:
                name = f"{rng.choice(vocab.AR_OUTLET_PREFIX)} {rng.choice(vocab.AR_OUTLET_SUFFIX)}"
                slug = f"arabic-news-{i}"
            ar_i += 1
        else:
            if en_i < len(vocab.EN_OUTLETS):
                slug, name = vocab.EN_OUTLETS[en_i]
            else:
                name = f"{rng.choice(vocab.EN_OUTLET_PREFIX)} {rng.choice(vocab.EN_OUTLET_SUFFIX)}"
                slug = slugify(name)
            en_i += 1
        if name in names:
            # a bigger newsroom reuses names; real chains tell their papers apart by the city
            city = rng.choice(vocab.AR_PLACES if arabic else vocab.EN_PLACES)[0]
            name = f"{name} ({city})" if f"{name} ({city})" not in names else f"{name} ({city}, {i})"
        names.add(name)
        while slug in used:
            slug = f"{slug}-{i}"
        used.add(slug)
        photo = rng.choice(vocab.AR_PHOTO_AGENCIES if arabic else vocab.EN_PHOTO_AGENCIES)
        outlets.append(Outlet(
            index=i, slug=slug, name=name, language="ar" if arabic else "en",
            # the traits cycle with different periods so that no two always go together
            feed_format=FEED_FORMATS[i % 4], url_shape=URL_SHAPES[(i // 4 + i) % 4],
            style=(3 * i + i // 4 + seed) % 4, jsonld=i % 3 != 2, og_meta=i % 5 != 3,
            feed_categories=(i + i // 4) % 2 == 0, tracking=i % 3 == 1,
            photo_agency=photo,
        ))
    return outlets


def slugify(text: str, words: int = 9) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = _WORD.findall(text.lower())
    return "-".join(parts[:words])


def _story_size(rng: Random) -> int:
    r = rng.random()
    if r < 0.32:
        return 1
    if r < 0.52:
        return 2
    if r < 0.77:
        return rng.randint(3, 4)
    if r < 0.94:
        return rng.randint(5, 8)
    return rng.randint(9, 14)


class World:
    """Outlets and stories of one seed; article specs and plans computed on demand."""

    def __init__(self, seed: int, outlets: int, days: int, per_day: int, now: datetime) -> None:
        self.seed = seed
        self.now = now
        self.days = days
        self.outlets = make_outlets(seed, outlets)
        self.by_language: dict[str, list[int]] = {}
        for o in self.outlets:
            self.by_language.setdefault(o.language, []).append(o.index)
        self.languages = sorted(self.by_language)
        self.total = max(1, outlets * days * per_day)
        # offsets[j] = index of story j's first article; one array, a few bytes per story
        sizes = Random(f"{seed}:sizes")
        offsets = array("q", [0])
        while offsets[-1] < self.total:
            offsets.append(min(self.total, offsets[-1] + _story_size(sizes)))
        self.offsets = offsets
        self.story_count = len(offsets) - 1
        self.plan = lru_cache(maxsize=2048)(self._plan)
        self.facts = lru_cache(maxsize=1024)(self._facts)
        self._base = lru_cache(maxsize=256)(self._base_of)

    # -- stories
    def _base_of(self, j: int) -> tuple[str, str, datetime]:
        rng = Random(f"{self.seed}:base:{j}")
        weights = [len(self.by_language[lang]) for lang in self.languages]
        lang = rng.choices(self.languages, weights)[0]
        kind = rng.choice(prose.kinds_for(lang))
        span = max(1.0, self.days * 24.0 - 0.5)
        start = self.now - timedelta(hours=0.5 + rng.random() * span)
        return lang, kind, start.replace(microsecond=0)

    def _place(self, j: int, lang: str) -> int:
        return prose.spread(len(prose.POOLS[lang].places), j, self.seed + 1)

    def _plan(self, j: int) -> StoryPlan:
        lang, kind, start = self._base(j)
        place = self._place(j, lang)
        rng = Random(f"{self.seed}:story:{j}")
        if j > 0 and rng.random() < 0.3:
            # the hard case for clustering: an event of the same kind, at the same time, somewhere else
            lang, kind, prev_start = self._base(j - 1)
            start = min(self.now - timedelta(minutes=30), prev_start + timedelta(minutes=rng.randint(-120, 120)))
            place = self._place(j, lang)  # never the place of story j - 1
        first, end = self.offsets[j], self.offsets[j + 1]
        size = end - first
        pool = self.by_language[lang]
        latest = self.now - timedelta(minutes=2)
        start_ts, latest_ts = int(start.timestamp()), int(latest.timestamp())
        room = max(0.0, (latest_ts - start_ts) / 3600.0)
        duration = min(room, rng.uniform(20.0, 56.0)) if size > 2 else min(room, rng.uniform(1.0, 12.0))
        specs: list[ArticleSpec] = []
        wire = size >= 3 and rng.random() < 0.5
        copies = min(rng.randint(1, 4), size - 1, len(pool) - 1) if wire else 0
        origin_outlet = rng.choice(pool)
        copy_outlets = rng.sample([o for o in pool if o != origin_outlet], copies) if copies else []
        later = sorted(rng.uniform(0.4, duration) if duration > 0.4 else duration for _ in range(size))
        turn = 0
        wrote: set[int] = set()
        for local in range(size):
            index = first + local
            copy_of: int | None = None
            copy_kind: str | None = None
            text_of = index
            if local == 0:
                outlet, hours = origin_outlet, 0.0
            elif local <= copies:
                outlet, hours = copy_outlets[local - 1], rng.uniform(0.05, min(3.0, max(0.05, room)))
                copy_of = text_of = first
                copy_kind = "verbatim" if rng.random() < 0.4 else "edited"
            else:
                outlet, hours = rng.choice(pool), later[local]
                if outlet in wrote:
                    outlet = rng.choice(pool)  # an outlet that already has its own piece rarely writes another
                if local == size - 1 and size >= 2 and rng.random() < 0.25:
                    # the same article again under a second address on its own outlet
                    origin = rng.choice([s for s in specs if s.copy_kind is None])
                    outlet = origin.outlet
                    hours = (origin.published.timestamp() - start_ts) / 3600 + rng.uniform(0.5, 6.0)
                    copy_of, text_of, copy_kind = origin.index, origin.index, "repost"
            published_ts = min(latest_ts, start_ts + int(hours * 3600))
            published = datetime.fromtimestamp(published_ts, UTC)
            updated = None
            corr = -1
            if copy_kind is None and rng.random() < 0.07:
                fix_ts = published_ts + int(rng.uniform(1.0, 8.0) * 3600)
                if fix_ts < latest_ts:
                    updated, corr = datetime.fromtimestamp(fix_ts, UTC), rng.randrange(3)
            if copy_kind is None:
                # a second piece by the same outlet is an update on the story, not the same report again
                followup = hours > 16.0 or outlet in wrote
                wrote.add(outlet)
            else:
                followup = specs[text_of - first].followup
            specs.append(ArticleSpec(index, j, outlet, published, updated, copy_of, copy_kind, text_of,
                                     followup, wire and (local <= copies), corr, turn))
            if copy_kind is None:
                turn += 1
        return StoryPlan(j, kind, lang, start, place, first, tuple(specs), rng.randrange(997), rng.randrange(997))

    def story_of(self, i: int) -> int:
        return bisect_right(self.offsets, i) - 1

    def spec(self, i: int) -> ArticleSpec:
        plan = self.plan(self.story_of(i))
        return plan.articles[i - plan.first]

    def specs(self) -> Iterator[ArticleSpec]:
        for j in range(self.story_count):
            yield from self._plan(j).articles

    def _facts(self, j: int) -> prose.Facts:
        plan = self.plan(j)
        return prose.Facts(KIND_BY_KEY[plan.kind], plan.language, f"{self.seed}:facts:{j}", plan.place, j, self.seed)


__all__ = ["ArticleSpec", "Outlet", "StoryPlan", "World", "make_outlets", "slugify"]
