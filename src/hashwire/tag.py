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
from .keyphrases import IN_TITLE, TITLE_PHRASE, keyphrases, ranked_candidates, tokenize_paragraphs
from .models import Article
from .stopwords import AR_BOILERPLATE, AR_MONTHS, BOILERPLATE, MONTHS, WEEKDAYS, words_of
from .topics import topic_tags
from .trending import learn_aliases, related, trending

__all__ = [
    "CATEGORIES",
    "categorize",
    "hashtags",
    "keyphrases",
    "learn_aliases",
    "related",
    "tag_key",
    "trending",
]

MIN_TAGS = 3
ONE_OFF_PHRASE = 0.5
MAX_CHARS = 2500  # hashtags read the title and the text up to about this length
MAX_TOPICS = 1  # topic hashtags (#Earthquake) per article, see topics.py
TOPIC_WEIGHT = 0.95  # a well-evidenced topic ranks just below the most salient name
MIN_RELATIVE_SCORE = 0.3  # past the first three, a tag must be this salient relative to the best
# words that make a phrase about degree, not about a thing
WEAK_MODIFIERS = words_of(
    "largest biggest smallest highest lowest latest greatest worst best fastest strongest oldest youngest "
    "larger bigger smaller higher lower greater wider broader stronger weaker full careful recent close "
    "major key main top leading possible likely further early late real whole entire"
)
# people and things every story has: not what one story is about
GENERIC_NOUNS = words_of(
    "officials official residents people patients analysts experts investors regulators scientists "
    "researchers actor actress players fans critics observers witnesses authorities sources police "
    "leaders members workers families children women men viewers users customers government chief group "
    "law entry decision report statement move issue case spokesman spokeswoman"
)
TITLE_BOOST = 1.6  # an editor tags what the headline is about
# keyphrase ranking damps title phrases (tuned for reader-assigned keyphrases); hashtags undo that
_TITLE_FACTOR = TITLE_BOOST / (IN_TITLE * TITLE_PHRASE)
PHRASE_WEIGHT = 0.8  # a keyphrase as salient as the top name ranks a little below it
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
    if len(lows) == 1 and lows[0] in GENERIC_NOUNS:
        return True
    if any(w in AR_BOILERPLATE or w in AR_MONTHS for w in words):
        return True
    key = tag_key("".join(words))
    if not key or key[0].isdigit() or len(key) < 2 or key in outlets:
        return True
    return any(o and (key.startswith(o) or key.endswith(o)) and len(o) > 5 for o in outlets)


def _english_candidates(title: str, text: str) -> list[_Scored]:
    paragraphs = tokenize_paragraphs(text)
    names: list[_Scored] = []
    for ent in find_entities(title, text, paragraphs=paragraphs):
        s = (1.0 + math.log(ent.count)) * (1.8 if ent.in_title else 1.0)
        s *= 1.0 + 1.0 / (1.0 + ent.first / 2.0)
        s *= 1.0 + 0.15 * min(len(ent.paragraphs), 6)
        names.append(_Scored(ent.words, s, True))
    sentences = [sentence for para in paragraphs for sentence in para]
    ranked = ranked_candidates(title, text, "en", iterations=0, sentences=sentences, quick=True)
    phrases: list[_Scored] = []
    for score, cand in ranked[:60]:
        words = cand.surface.split()
        if any(w[:1].isupper() for w in words):
            continue  # names come from the entity finder, which merges their variants
        if len(words) == 1 and (cand.count < 2 or words[0].endswith(_NOT_NOUN) or words[0] in GENERIC_NOUNS):
            continue  # one-off, adjective-like or generic single words ("quirky", "officials")
        if words[0].lower() in WEAK_MODIFIERS or words[-1].lower() in WEAK_MODIFIERS:
            continue  # "largest investor", "full price": the phrase without the modifier competes
        if len(words) > 1 and cand.count == 1 and not cand.in_title:
            score *= ONE_OFF_PHRASE  # "rough ride", "immense scrutiny": said once, in passing
        # the headline's emphasis counts for phrases the body repeats (not for its verbs: "escapes recession")
        phrases.append(
            _Scored(words, score * (_TITLE_FACTOR if cand.in_title and cand.count > 1 else 1.0), False)
        )
    top_name = max((c.score for c in names), default=1.0)
    top_phrase = ranked[0][0] if ranked else 1.0
    for c in names:
        c.score /= top_name
    for c in phrases:
        c.score = PHRASE_WEIGHT * c.score / top_phrase
    return names + phrases


def _arabic_candidates(title: str, text: str) -> list[_Scored]:
    # four words: Arabic names of organisations run long ("شركة السنبلة للنقل البحري")
    ranked = ranked_candidates(title, text, "ar", iterations=0, quick=True, max_words=4)
    out = [
        _Scored(cand.words, score * (_TITLE_FACTOR if cand.in_title else 1.0), False)
        for score, cand in ranked[:60]
        if len(cand.words) > 1 or cand.count > 1
    ]
    _arabic_full_names(out)
    top = max((c.score for c in out), default=1.0)
    for c in out:
        c.score /= top  # the same scale as names and topics in English
    return out


def _arabic_full_names(cands: list[_Scored]) -> None:
    """A family name alone ("النجار") stands for the full name met with it ("يوسف النجار"): the full
    name takes the better of the two scores and the lone family name leaves the list. Arabic names are a
    given name without the article followed by a family name with it, which is what is looked for."""
    full: dict[str, _Scored] = {}
    for c in cands:
        shaped = len(c.words) == 2 and c.words[1].startswith("ال") and not c.words[0].startswith(("ال", "و", "ب", "ل"))
        if shaped and (c.words[1] not in full or full[c.words[1]].score < c.score):
            full[c.words[1]] = c
    for c in list(cands):
        name = full.get(c.words[0]) if len(c.words) == 1 else None
        if name is not None:
            name.score = max(name.score, c.score)
            cands.remove(c)


def _leading_text(text: str) -> str:
    """The first MAX_CHARS of the text, cut at a paragraph or sentence end: what a story is about is
    settled early, and long texts would otherwise cost time in proportion to their length."""
    if len(text) <= MAX_CHARS:
        return text
    head = text[:MAX_CHARS]
    cut = max(head.rfind("\n\n"), head.rfind(". "))
    return head[: cut + 1] if cut > MAX_CHARS // 2 else head


def hashtags(article: Article, *, limit: int = MAX_TAGS) -> list[str]:
    """Up to `limit` (at most 8) display hashtags for an article, best first, without '#'."""
    limit = max(1, min(limit, MAX_TAGS))
    lang = article_language(article)
    text = _leading_text(article.text)
    if lang == "ar":
        scored = _arabic_candidates(article.title, text)
    else:
        scored = _english_candidates(article.title, text)
    for topic, strength in topic_tags(article.title, text, lang)[:MAX_TOPICS]:
        scored.append(_Scored([topic], TOPIC_WEIGHT * strength, False))
    outlets = _outlet_keys(article)
    scored.sort(key=lambda c: -c.score)
    top = scored[0].score if scored else 0.0
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
        if len(chosen) >= limit or (len(chosen) >= MIN_TAGS and cand.score < MIN_RELATIVE_SCORE * top):
            break
    return chosen
