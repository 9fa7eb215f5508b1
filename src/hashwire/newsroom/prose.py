"""News prose from templates: the facts of a story, and the headline and paragraphs of one article about it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from random import Random
from typing import Any, cast

from . import events_ar, events_en, vocab
from .events import EventKind

TEXTS: dict[str, dict[str, dict[str, Any]]] = {"en": events_en.TEXT, "ar": events_ar.TEXT}
GENERIC: dict[str, dict[str, tuple[str, ...]]] = {"en": events_en.GENERIC, "ar": events_ar.GENERIC}
CORRECTIONS: dict[str, tuple[str, ...]] = {"en": events_en.CORRECTION, "ar": events_ar.CORRECTION}
SWAPS: dict[str, tuple[tuple[str, str], ...]] = {"en": events_en.EDIT_SWAPS, "ar": events_ar.EDIT_SWAPS}


class _Pools:
    """The vocabulary of one language, by slot."""

    def __init__(self, lang: str) -> None:
        p = "AR_" if lang == "ar" else "EN_"

        def get(name: str) -> tuple[Any, ...]:
            return cast(tuple[Any, ...], getattr(vocab, p + name))

        self.first, self.last, self.places = get("FIRST"), get("LAST"), get("PLACES")
        self.companies, self.products, self.teams = get("COMPANIES"), get("PRODUCTS"), get("TEAMS")
        self.competitions, self.parties, self.agencies = get("COMPETITIONS"), get("PARTIES"), get("AGENCIES")
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


def story_facts(kind: EventKind, lang: str, rng: Random, place_index: int) -> dict[str, str]:
    """Everything a story's articles may mention: names, places, organisations, numbers."""
    pools = POOLS[lang]
    names: list[str] = []
    while len(names) < 3:
        name = person(rng, lang)
        if name not in names:
            names.append(name)
    city, country = pools.places[place_index % len(pools.places)]
    co1, co2 = rng.sample(pools.companies, 2)
    team1, team2 = rng.sample(pools.teams, 2)
    party1, party2 = rng.sample(pools.parties, 2)
    f: dict[str, str] = {
        "city": city, "country": country, "co1": co1, "co2": co2, "team1": team1, "team2": team2,
        "party1": party1, "party2": party2, "product": rng.choice(pools.products),
        "competition": rng.choice(pools.competitions), "agency": rng.choice(pools.agencies),
        "uni": rng.choice(pools.universities), "disease": rng.choice(pools.diseases),
        "drug": rng.choice(pools.drugs), "condition": rng.choice(pools.conditions),
        "film": rng.choice(pools.films), "mission": rng.choice(pools.missions),
    }
    for i, name in enumerate(names, 1):
        f[f"p{i}"] = name
        f[f"p{i}_last"] = name.split(" ", 1)[1]
    for key in ("agency", "party1", "party2", "uni", "competition"):
        f[key + "_cap"] = _cap(f[key])
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
        f[name] = _number(values[name], dec, lang)
        f[name + "_more"] = _number(values[name + "_more"], dec, lang)
    return f


def weekday(lang: str, when: datetime) -> str:
    return cast(str, POOLS[lang].weekdays[when.weekday()])


def _fill(template: str, facts: Mapping[str, str]) -> str:
    return template.format_map(facts)


def headline(kind: str, lang: str, facts: Mapping[str, str], rng: Random, followup: bool) -> tuple[int, str]:
    """A headline and its position in the kind's list, so an edited copy can pick a different one."""
    heads: Sequence[str] = TEXTS[lang][kind]["fh" if followup else "h"]
    i = rng.randrange(len(heads))
    return i, _fill(heads[i], facts)


def other_headline(kind: str, lang: str, facts: Mapping[str, str], rng: Random, followup: bool, used: int) -> str:
    heads: Sequence[str] = TEXTS[lang][kind]["fh" if followup else "h"]
    i = (used + 1 + rng.randrange(max(1, len(heads) - 1))) % len(heads)
    return _fill(heads[i], facts)


def body(kind: str, lang: str, facts: Mapping[str, str], rng: Random, followup: bool, dateline: str) -> list[str]:
    """The paragraphs of one write-up: a lead, then details, quotes and context in an order of its own."""
    text = TEXTS[lang][kind]
    lead = _fill(rng.choice(text["flead" if followup else "lead"]), facts)
    groups: list[Sequence[str]] = list(text["detail"])
    rng.shuffle(groups)
    keep = max(3, len(groups) - rng.randint(0, 2))
    sentences = [_fill(rng.choice(g), facts) for g in groups[:keep]]
    quotes = [_fill(q, facts) for q in rng.sample(list(text["quote"]), 2)]
    generic = GENERIC[lang]
    context = _fill(rng.choice(generic["context"]), facts)
    # quotes go after the first and third detail, as wire copy usually reads
    sentences.insert(1, quotes[0])
    sentences.insert(min(4, len(sentences)), quotes[1])
    sentences.insert(rng.randint(2, len(sentences)), context)
    for extra in rng.sample(list(generic["background"]), 2):
        sentences.insert(rng.randint(3, len(sentences)), _fill(extra, facts))
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
    if len(out) > 3 and words > 160:
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


def camel(text: str, lang: str) -> str:
    """An editor's hashtag: CamelCase for Latin script, words joined by "_" for Arabic."""
    words = re.findall(r"[\w']+", text.replace("'s", ""))
    if lang == "ar":
        return "_".join(w for w in words if w)
    drop = {"the", "of", "and", "a"}
    kept = [w for w in words if w.lower() not in drop] or words
    return "".join(w[:1].upper() + w[1:] for w in kept).replace("'", "")


def story_tags(kind: EventKind, lang: str, facts: Mapping[str, str]) -> list[str]:
    tags = [str(TEXTS[lang][kind.key]["keyphrase"])]
    for slot in kind.tag_slots:
        tag = camel(facts[slot], lang)
        if tag and tag not in tags:
            tags.append(tag)
    return tags
