"""Tagging entry points: hashtags, category, keyphrases and trending for articles.

Hashtags are what an editor would choose: the names (people, places, organisations, events) and
keyphrases an article is about, ranked by salience (title, lead position, frequency, spread across
paragraphs), with variants merged (possessives, plurals, "the", a surname alone after the full name)
and junk dropped (dates, numbers, stopwords, the outlet's own name, page furniture such as "Facebook" or
"Newsletter"). English tags are CamelCase ("NorthKorea"); Arabic tags keep Arabic script with words joined
by underscores ("كوريا_الشمالية"). See hashtag_form.py for display and lookup keys.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .categories import CATEGORIES, categorize
from .entities import find_entities
from .hashtag_form import display_form, is_arabic, tag_key, variant_key
from .keyphrases import candidates, informativeness, keyphrases
from .models import Article
from .stopwords import AR_BOILERPLATE, AR_MONTHS, BOILERPLATE, MONTHS, WEEKDAYS
from .trending import related, trending

__all__ = ["CATEGORIES", "categorize", "hashtags", "keyphrases", "related", "tag_key", "trending"]

MIN_TAGS = 3
_NOT_NOUN = ("ly", "ing", "ed", "ous", "ful", "ive", "ish", "able", "ible")
MAX_TAGS = 8


@dataclass(slots=True)
class _Scored:
    words: list[str]
    score: float
    is_name: bool


def article_language(article: Article) -> str:
    if article.language:
        return "ar" if article.language.lower().startswith("ar") else article.language.lower()[:2]
    return "ar" if is_arabic(article.title + article.text[:300]) else "en"


def _outlet_keys(article: Article) -> set[str]:
    keys = set()
    for name in (article.site_name, article.source_name):
        if name.strip():
            keys.add(tag_key(name))
            words = name.split()
            if len(words) > 1 and words[0].lower() == "the":
                keys.add(tag_key(" ".join(words[1:])))
    keys.discard("")
    return keys


def _is_junk(words: list[str], outlets: set[str]) -> bool:
    lows = [w.lower().strip("'’") for w in words]
    if not lows or all(w in BOILERPLATE or w in MONTHS or w in WEEKDAYS for w in lows):
        return True
    if any(w in AR_BOILERPLATE or w in AR_MONTHS for w in words) and len(words) == 1:
        return True
    key = tag_key("".join(words))
    if not key or key[0].isdigit() or len(key) < 2 or key in outlets:
        return True
    return any(o and (key.startswith(o) or key.endswith(o)) and len(o) > 5 for o in outlets)


def _english_candidates(title: str, text: str) -> list[_Scored]:
    out: list[_Scored] = []
    for ent in find_entities(title, text):
        s = (1.0 + math.log(ent.count)) * (1.8 if ent.in_title else 1.0)
        s *= 1.0 + 1.0 / (1.0 + ent.first / 2.0)
        s *= 1.0 + 0.15 * min(len(ent.paragraphs), 6)
        s *= 1.25
        out.append(_Scored(ent.words, s, True))
    cands, _ = candidates(title, text, "en")
    for cand in cands.values():
        words = cand.surface.split()
        if any(w[:1].isupper() for w in words):
            continue  # names come from the entity finder, which merges their variants
        info = sum(informativeness(w) for w in words) / len(words)
        if len(words) == 1 and (info < 2.4 or cand.count < 2 or words[0].endswith(_NOT_NOUN)):
            continue  # everyday or one-off single words ("people", "quirky") are not tags
        s = (1.0 + math.log(cand.count)) * (1.8 if cand.in_title else 1.0)
        s *= 1.0 + 1.0 / (1.0 + cand.first / 40.0)
        s *= info / 3.5 * (1.15 if len(words) == 2 else 1.0)
        if cand.count == 1 and not cand.in_title:
            s *= 0.6
        out.append(_Scored(words, s, False))
    return out


def _arabic_candidates(title: str, text: str) -> list[_Scored]:
    cands, _ = candidates(title, text, "ar")
    grams: dict[str, list] = {}
    for cand in cands.values():
        words = cand.words
        for n in (1, 2):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                key = variant_key(gram)
                entry = grams.setdefault(key, [gram, 0, False, cand.first])
                entry[1] += cand.count
                entry[2] |= cand.in_title
                entry[3] = min(entry[3], cand.first)
    best_pair: dict[str, int] = {}
    for gram, count, _, _ in grams.values():
        if len(gram) == 2:
            for w in gram:
                best_pair[w] = max(best_pair.get(w, 0), count)
    out = []
    for gram, count, in_title, first in grams.values():
        if len(gram) == 1 and best_pair.get(gram[0], 0) * 2 >= count:
            continue  # the word is mostly part of a phrase: "كوريا" in "كوريا الشمالية"
        info = sum(informativeness(w, "ar") for w in gram) / len(gram)
        s = (1.0 + math.log(count)) * (1.8 if in_title else 1.0) * (1.0 + 1.0 / (1.0 + first / 40.0))
        s *= info / 3.5 * (1.3 if len(gram) == 2 and count > 1 else 1.0)
        if count == 1 and not in_title:
            s *= 0.5
        out.append(_Scored(gram, s, False))
    return out


def hashtags(article: Article, *, limit: int = MAX_TAGS) -> list[str]:
    """Up to `limit` (at most 8) display hashtags for an article, best first, without '#'."""
    limit = max(1, min(limit, MAX_TAGS))
    lang = article_language(article)
    text = article.text
    if lang == "ar":
        scored = _arabic_candidates(article.title, text)
    else:
        scored = _english_candidates(article.title, text)
    outlets = _outlet_keys(article)
    scored.sort(key=lambda c: -c.score)
    chosen: list[str] = []
    chosen_words: list[set[str]] = []
    seen_keys: set[str] = set()
    for cand in scored:
        if _is_junk(cand.words, outlets):
            continue
        display = display_form(cand.words)
        key = tag_key(display)
        if not key or key in seen_keys:
            continue
        words = {variant_key([w]) for w in cand.words}
        if any(words <= other or other <= words for other in chosen_words):
            continue  # "Valdez" after "Exxon Valdez", "oil spill" after "major oil spill"
        chosen.append(display)
        chosen_words.append(words)
        seen_keys.add(key)
        if len(chosen) >= limit:
            break
    return chosen
