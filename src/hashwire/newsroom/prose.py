"""News prose from templates: the facts of a story, and the headline and paragraphs of one article about it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from typing import Any, cast

from . import events_ar, events_en, vocab
from .events import EventKind
from .rand import Rand as Random

TEXTS: dict[str, dict[str, dict[str, Any]]] = {"en": events_en.TEXT, "ar": events_ar.TEXT}
GENERIC: dict[str, dict[str, tuple[str, ...]]] = {"en": events_en.GENERIC, "ar": events_ar.GENERIC}
CORRECTIONS: dict[str, tuple[str, ...]] = {"en": events_en.CORRECTION, "ar": events_ar.CORRECTION}
FOLLOWUP_HEADLINE: dict[str, dict[str, tuple[int, ...]]] = {"en": events_en.FOLLOWUP_HEADLINE,
                                                          "ar": events_ar.FOLLOWUP_HEADLINE}
SWAPS: dict[str, tuple[tuple[str, str], ...]] = {"en": events_en.EDIT_SWAPS, "ar": events_ar.EDIT_SWAPS}


# which background sentences suit a kind of event
BACKGROUND = {"earthquake": "crisis", "flood": "crisis", "outbreak": "crisis",
              "rehab": "people", "match": "people", "premiere": "people", "launch": "people",
              "mission": "people", "study": "people", "approval": "people"}


class _Pools:
    """The vocabulary of one language, by slot."""

    def __init__(self, lang: str) -> None:
        p = "AR_" if lang == "ar" else "EN_"

        def get(name: str) -> tuple[Any, ...]:
            return cast(tuple[Any, ...], getattr(vocab, p + name))

        self.first, self.last, self.places = get("FIRST"), get("LAST"), get("PLACES")
        if lang == "ar":
            self.companies = tuple(f"شركة {n} {k}" for k in get("COMPANY_SECTORS") for n in get("COMPANY_NAMES"))
            self.teams = tuple(f"نادي {n}{q}" for q in ("", " الرياضي", " الثقافي", " الأولمبي")
                               for n in get("TEAM_NAMES"))
            self.products = get("PRODUCTS")
        else:
            self.companies = tuple(f"{n} {k}" for k in get("COMPANY_SECTORS") for n in get("COMPANY_NAMES"))
            self.teams = tuple(f"{t} {k}" for k in get("TEAM_SUFFIXES") for t in get("TEAM_TOWNS"))
            self.products = tuple(f"{n} {m}" for m in get("PRODUCT_MODELS") for n in get("PRODUCT_NAMES"))
        self.competitions, self.parties = get("COMPETITIONS"), get("PARTIES")
        self.universities, self.diseases, self.drugs = get("UNIVERSITIES"), get("DISEASES"), get("DRUGS")
        self.conditions, self.films, self.missions = get("CONDITIONS"), get("FILMS"), get("MISSIONS")
        self.wires, self.photo_agencies = get("WIRES"), get("PHOTO_AGENCIES")
        self.weekdays, self.months = get("WEEKDAYS"), get("MONTHS")


POOLS = {"en": _Pools("en"), "ar": _Pools("ar")}


def kinds_for(lang: str) -> tuple[str, ...]:
    return tuple(TEXTS[lang])


def person(rng: Random, lang: str) -> str:
    pools = POOLS[lang]
    return f"{rng.choice(pools.first)} {rng.choice(pools.last)}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _number(value: float, decimals: int, lang: str) -> str:
    if decimals:
        return f"{value:.{decimals}f}"
    return f"{int(value):,}" if lang == "en" else str(int(value))


_SINGLES = {"product": "products", "competition": "competitions", "uni": "universities", "disease": "diseases",
            "drug": "drugs", "condition": "conditions", "film": "films", "mission": "missions"}
_PAIRS = {"co": "companies", "team": "teams", "party": "parties"}


def spread(size: int, x: int, seed: int) -> int:
    """A permutation of range(size) walked by x: consecutive x give distinct values."""
    step = 7919 + 104729 * (seed % 97)  # primes; the step is made coprime with size below
    while _gcd(step, size) != 1:
        step += 1
    return (step * x + seed * 31) % size


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


class Facts(dict[str, str]):
    """Everything a story's articles may mention (names, places, organisations, numbers), each fact
    computed from its own seed the first time a template asks for it, so a headline costs three facts, not forty."""

    def __init__(self, kind: EventKind, lang: str, key: str, place_index: int, story: int = 0, seed: int = 0) -> None:
        super().__init__()
        self.kind, self.lang, self.key, self.place_index = kind, lang, key, place_index
        self.story, self.seed = story, seed

    def rng(self, what: str) -> Random:
        return Random(f"{self.key}:{what}")

    def pick(self, pool: Sequence[str], slot: int, slots: int) -> str:
        """Entry `slot` of this story in `pool`: stories near each other in the plan never share one
        (until the pool runs out), as unrelated events seldom involve the same people or companies."""
        return pool[spread(len(pool), self.story * slots + slot, self.seed)]

    def __missing__(self, key: str) -> str:
        pools = POOLS[self.lang]
        if key in ("city", "country"):
            self["city"], self["country"] = pools.places[self.place_index % len(pools.places)]
        elif key[:1] == "p" and key[1:2].isdigit():
            count = len(pools.first) * len(pools.last)
            names = []
            for slot in range(3):
                k = spread(count, self.story * 3 + slot, self.seed)
                names.append(f"{pools.first[k // len(pools.last)]} {pools.last[k % len(pools.last)]}")
            for i, name in enumerate(names, 1):
                self[f"p{i}"] = name
                self[f"p{i}_last"] = name.split(" ", 1)[1]
        elif key.endswith("_cap"):
            self[key] = _cap(self[key[:-4]])
        elif key == "agency":
            agencies: Sequence[str] = TEXTS[self.lang][self.kind.key]["agency"]
            self[key] = self.rng(key).choice(agencies)
        elif key in _SINGLES:
            self[key] = self.pick(getattr(pools, _SINGLES[key]), 0, 1)
        elif key[:-1] in _PAIRS:
            pool = getattr(pools, _PAIRS[key[:-1]])
            self[key[:-1] + "1"], self[key[:-1] + "2"] = self.pick(pool, 0, 2), self.pick(pool, 1, 2)
        else:
            self._numbers()
        if key not in self:
            raise KeyError(key)
        return self[key]

    def _numbers(self) -> None:
        rng, kind = self.rng("numbers"), self.kind
        values: dict[str, float] = {}
        for name, lo, hi, dec in kind.numbers:
            v = round(rng.uniform(lo, hi), dec)
            values[name] = v
            values[name + "_more"] = round(v * rng.uniform(1.15, 1.9) + (0 if dec else 1), dec)
        if kind.key == "match":
            values["g1"] = values["g2"] + rng.randint(1, 2)
        if kind.key == "election":
            values["pct2"] = min(values["pct2"], values["pct"] - 3.0)
        for name, _lo, _hi, dec in kind.numbers:
            self[name] = _number(values[name], dec, self.lang)
            self[name + "_more"] = _number(values[name + "_more"], dec, self.lang)


class ArticleFacts(dict[str, str]):
    """A story's facts as one article sees them: its own weekday over the story's facts."""

    def __init__(self, story: Facts, weekday: str) -> None:
        super().__init__(weekday=weekday)
        self.story = story

    def __missing__(self, key: str) -> str:
        return self.story[key]


def weekday(lang: str, when: datetime) -> str:
    return cast(str, POOLS[lang].weekdays[when.weekday()])


def _fill(template: str, facts: Mapping[str, str]) -> str:
    text = template.format_map(facts)
    return _POSSESSIVE.sub("s'", text) if "s's" in text else text


_POSSESSIVE = re.compile(r"(?<=[a-z])s's\b")


def headline(kind: str, lang: str, facts: Mapping[str, str], turn: int, followup: bool,
             lead_turn: int) -> tuple[int, str]:
    """A headline and its position in the kind's list, so an edited copy can pick a different one.

    `turn` walks the list: consecutive write-ups of one story get different headlines. A follow-up's
    headline is the one written for its lead (chosen by `lead_turn`, as `body` does)."""
    text = TEXTS[lang][kind]
    heads: Sequence[str] = text["fh" if followup else "h"]
    i = turn % len(heads)
    if followup:
        paired = FOLLOWUP_HEADLINE[lang][kind]
        i = paired[lead_turn % len(paired)]
        spare = [k for k in range(len(heads)) if k not in paired]
        if spare and (lead_turn // len(paired)) % 2:
            # every other round of follow-ups takes a headline of its own, so outlets do not all agree
            i = spare[lead_turn % len(spare)]
    return i, _fill(heads[i], facts)


def other_headline(kind: str, lang: str, facts: Mapping[str, str], rng: Random, followup: bool, used: int) -> str:
    heads: Sequence[str] = TEXTS[lang][kind]["fh" if followup else "h"]
    i = (used + 1 + rng.randrange(max(1, len(heads) - 1))) % len(heads)
    return _fill(heads[i], facts)


def body(kind: str, lang: str, facts: Mapping[str, str], rng: Random, followup: bool, dateline: str,
         turn: int) -> list[str]:
    """The paragraphs of one write-up: a lead (chosen by `turn`, like the headline), then details, quotes
    and context in an order of its own."""
    text = TEXTS[lang][kind]
    generic = GENERIC[lang]
    leads: Sequence[str] = text["flead" if followup else "lead"]
    lead = _fill(leads[turn % len(leads)], facts)
    groups: list[Sequence[str]] = list(text["detail"])
    rng.shuffle(groups)
    keep = max(3, len(groups) - rng.randint(0, 2))
    sentences = [_fill(rng.choice(g), facts) for g in groups[:keep]]
    quotes = [_fill(q, facts) for q in rng.sample(list(text["quote"]), 3)]
    if rng.random() < 0.5:
        quotes[2] = _fill(rng.choice(generic["context"]), facts)
    context = _fill(rng.choice(generic["context"]), facts)
    # quotes go after the first and third detail, as wire copy usually reads
    sentences.insert(1, quotes[0])
    sentences.insert(min(4, len(sentences)), quotes[1])
    sentences.insert(rng.randint(5, len(sentences) + 1) if len(sentences) >= 5 else len(sentences), quotes[2])
    sentences.insert(rng.randint(2, len(sentences)), context)
    openers = rng.sample(list(generic["background_open"]), 3)
    pool = generic["background_" + BACKGROUND.get(kind, "affairs")]
    for opener, extra in zip(openers, rng.sample(list(pool), 3), strict=True):
        sentences.insert(rng.randint(3, len(sentences)), _fill(f"{opener} {extra}", facts))
    if rng.random() < 0.6:
        sentences.append(_fill(rng.choice(generic["close"]), facts))
    paragraphs = [dateline + lead if dateline else lead]
    i = 0
    while i < len(sentences):
        take = 2 if rng.random() < 0.35 and i + 1 < len(sentences) else 1
        paragraphs.append(" ".join(sentences[i:i + take]))
        i += take
    return paragraphs


def correction(lang: str, facts: Mapping[str, str], which: int) -> str:
    lines = CORRECTIONS[lang]
    return _fill(lines[which % len(lines)], facts)


def edit_copy(paragraphs: list[str], lang: str, rng: Random) -> list[str]:
    """A lightly edited copy, as a subscriber's desk makes one: one sentence cut and one word changed."""
    out = list(paragraphs)
    words = sum(len(p.split()) for p in out)
    if len(out) > 3 and words > 200:
        # cut the shortest of a few sentences, as a desk trimming for space does
        spots = [(k, n) for k in range(2, len(out)) for n in range(len(_SENTENCE_END.split(out[k])))]
        k, n = min(rng.sample(spots, min(3, len(spots))), key=lambda s: len(_SENTENCE_END.split(out[s[0]])[s[1]]))
        sentences = _SENTENCE_END.split(out[k])
        del sentences[n]
        if sentences:
            out[k] = " ".join(sentences)
        else:
            del out[k]
    for old, new in rng.sample(list(SWAPS[lang]), len(SWAPS[lang])):
        pattern = re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")
        for k in range(1, len(out)):
            if pattern.search(out[k]):
                out[k] = pattern.sub(new, out[k], count=1)
                return out
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?»”])\s+")


@lru_cache(maxsize=8192)
def camel(text: str, lang: str) -> str:
    """An editor's hashtag: CamelCase for Latin script ("BankOfEngland", a leading lower-case "the" dropped),
    words joined by "_" for Arabic."""
    words = re.findall(r"[\w']+", text.replace("'s", "s"))
    if lang == "ar":
        return "_".join(w for w in words if w)
    if len(words) > 1 and words[0] == "the":  # "the University of Eastbrook", but "The Last Ferry"
        words = words[1:]
    return "".join(w[:1].upper() + w[1:] for w in words).replace("'", "")


def story_tags(kind: EventKind, lang: str, facts: Mapping[str, str]) -> list[str]:
    tags = [str(TEXTS[lang][kind.key]["keyphrase"])]
    for slot in kind.tag_slots:
        tag = camel(facts[slot], lang)
        if tag and tag not in tags:
            tags.append(tag)
    return tags
