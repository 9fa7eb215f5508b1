"""Named entities without a model: runs of capitalised words, cleaned and merged.

A name is a run of capitalised words (with "of", "de", "al-" and the like allowed inside: "Bank of
England"). Sentence-initial words count only when they are not everyday words. Titles in front of a name
are dropped ("President Joe Biden" -> "Joe Biden"), and a surname or first name alone after the full name
is merged into it ("Lavrov" -> "Sergey Lavrov"), as is a possessive or a leading "The".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .hashtag_form import variant_key
from .keyphrases import is_headline_case, tokenize, tokenize_paragraphs, word_zipf
from .stopwords import BOILERPLATE, EN_STOPWORDS, EN_VERBS, MONTHS, WEEKDAYS, words_of

_CONNECTORS = words_of("of de du la le von van der den al el bin ibn da di del des y for &")
_TITLES = words_of("""
mr mrs ms miss dr prof professor president vice prime minister secretary general gen sen senator rep
representative sheikh sheik chancellor governor gov mayor judge justice
sir lord lady dame captain capt col colonel lt lieutenant sgt sergeant major commander admiral chief
chairman chairwoman chair ceo director spokesman spokeswoman spokesperson ambassador foreign defence defense
interior finance health home deputy acting former late emir crown coach manager striker midfielder
defender goalkeeper star actor actress singer rapper officer inspector detective agent minister's
mp mep msp mla tycoon boss
""")
_DEMONYM = ("ian", "ish", "ese", "can", "ern")
_NEVER_ALONE = EN_STOPWORDS | EN_VERBS | MONTHS | WEEKDAYS | BOILERPLATE | _TITLES


@dataclass(slots=True)
class Entity:
    words: list[str]
    count: int = 0
    first: int = 0  # sentence index of the first mention
    in_title: bool = False
    paragraphs: set[int] = field(default_factory=set)


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()  # tokens that start with a capital are words (see keyphrases._TOKEN)


@lru_cache(maxsize=100_000)
def _common(word: str) -> bool:
    """A word of the language ("Crucial", "Festival"): at a sentence start, its capital proves nothing."""
    low = word.lower()
    return low in _NEVER_ALONE or word_zipf("en").get(low, 0.0) >= 3.0


@lru_cache(maxsize=100_000)
def _everyday(word: str) -> bool:
    low = word.lower()
    return low in _NEVER_ALONE or word_zipf("en").get(low, 0.0) >= 4.6


def _split_runs(sentence: list[str]) -> list[tuple[list[str], bool]]:
    """Capitalised runs in a sentence, each with whether it starts the sentence."""
    runs: list[tuple[list[str], bool]] = []
    i, n = 0, len(sentence)
    while i < n:
        if not _is_cap(sentence[i]) or sentence[i] == "I":
            i += 1
            continue
        start = i
        run = [sentence[i]]
        i += 1
        while i < n:
            tok = sentence[i]
            if (_is_cap(tok) and tok != "I") or (
                tok.lower() in _CONNECTORS and i + 1 < n and _is_cap(sentence[i + 1]) and len(run) >= 1
            ):
                run.append(tok)
                i += 1
            else:
                break
        runs.append((run, start == 0 or (not sentence[start - 1][:1].isalnum() and start <= 1)))
    return runs


def _clean(run: list[str], sentence_start: bool, named: set[str]) -> list[str]:
    words = list(run)
    # a capital that only starts a sentence ("Shares of ...") is no evidence of a name, unless the
    # word is written with a capital elsewhere too
    first = words[0] if words else ""
    acronym = first.isupper() and len(first) <= 4  # acronyms stay ("NATO says")
    if (
        sentence_start
        and first
        and first not in named
        and (_everyday(first) or first.isupper())
        and not acronym
    ):
        words = words[1:]
    # a title inside the run starts the name: "Labour MP Oona King" -> "Oona King"
    for k in range(len(words) - 2, 0, -1):
        if words[k].lower().rstrip(".") in _TITLES and words[k + 1][:1].isupper():
            words = words[k + 1 :]
            break
    # "British-born Australian Hew Griffiths": descriptions before the name
    while len(words) > 2 and (
        words[0].lower().endswith("-born") or (words[0].endswith(_DEMONYM) and _common(words[0]))
    ):
        words = words[1:]
    # drop leading titles and articles, and trailing connectors
    while len(words) > 1 and (
        words[0].lower().rstrip(".") in _TITLES or words[0].lower() in ("the", "a", "an")
    ):
        words = words[1:]
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    while words and words[0].lower() in _CONNECTORS:
        words = words[1:]
    if len(words) > 5:
        return []
    if len(words) == 1 and (words[0].lower() in _NEVER_ALONE or len(words[0]) < 2):
        return []
    if all(w.lower() in _NEVER_ALONE for w in words):
        return []
    return words


def _capitalised_inside(paragraphs: list[list[list[str]]]) -> set[str]:
    """Capitalised words seen somewhere other than at the start of a sentence."""
    seen: set[str] = set()
    for para in paragraphs:
        for sentence in para:
            for k in range(1, len(sentence)):
                tok = sentence[k]
                if tok[:1].isupper() and sentence[k - 1][:1].isalnum():
                    seen.add(tok)
    return seen


def _dateline_case(run: list[str], named: set[str]) -> list[str]:
    """A dateline's capitals ("PUNE —") in the case the text uses for the same name elsewhere."""
    out = []
    for w in run:
        if w.isupper() and len(w) > 2 and w.capitalize() in named:
            out.append(w.capitalize())
        else:
            out.append(w)
    return out


def _split_at_dates(words: list[str]) -> list[str]:
    for i, w in enumerate(words):
        if w.lower() in MONTHS or w.lower() in WEEKDAYS:
            return words[:i] if i > 0 else []
    return words


def find_entities(title: str, text: str, *, paragraphs: list[list[list[str]]] | None = None) -> list[Entity]:
    """Names mentioned in an English article, variants merged, in order of first mention.

    `paragraphs` may hold the text already tokenised by keyphrases.tokenize_paragraphs."""
    found: dict[str, Entity] = {}
    sent_index = 0
    headline_case = is_headline_case(title)
    body = tokenize_paragraphs(text) if paragraphs is None else paragraphs
    named = _capitalised_inside(body)
    for p_index, para in enumerate([tokenize(title), *body]):
        if p_index == 0 and headline_case:
            sent_index += 1
            continue
        for sentence in para:
            for run, at_start in _split_runs(sentence):
                words = _split_at_dates(_clean(_dateline_case(run, named), at_start, named))
                if not words:
                    continue
                if p_index == 0 and all(_everyday(w) and w not in named for w in words):
                    continue  # headline case capitalises everyday words
                key = variant_key(words)
                ent = found.get(key)
                if ent is None:
                    ent = found[key] = Entity(words=words, first=sent_index)
                elif ent.words[0].isupper() and not words[0].isupper():
                    ent.words = words  # prefer "Pune" to the dateline's "PUNE"
                ent.count += 1
                ent.in_title |= p_index == 0
                ent.paragraphs.add(p_index)
            sent_index += 1
    if headline_case:  # names in a title-case headline: those the body confirms
        padded = " " + " ".join(w.lower() for s in tokenize(title) for w in s) + " "
        for ent in found.values():
            if " " + " ".join(w.lower() for w in ent.words) + " " in padded:
                ent.in_title = True
                ent.first = 0
    return _merge_aliases(list(found.values()))


# Short forms that name the same thing as a longer one (matched on variant keys).
ALIASES = {
    "us": "united states",
    "u.s": "united states",
    "usa": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "un": "united nations",
    "eu": "european union",
    "nato": "north atlantic treaty organization",
    "who": "world health organization",
}


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _CONNECTORS and w[:1].isalpha()).upper()


def _merge_aliases(entities: list[Entity]) -> list[Entity]:
    """Fold "Lavrov" and "Sergey" into "Sergey Lavrov" when the full name is mentioned, an acronym into
    the name it abbreviates ("CPA" into "Civil Protection Authority"), "U.S." into "United States"."""
    multi = [e for e in entities if len(e.words) > 1]
    by_key = {variant_key(e.words): e for e in entities}
    by_initials = {_initials(e.words): e for e in multi if len(e.words) >= 2}
    out: list[Entity] = []
    for ent in entities:
        key = variant_key(ent.words)
        place = _demonym_of(key, by_key)
        if place is None and key in ALIASES:
            place = by_key.get(ALIASES[key])
        if place is None and len(ent.words) == 1 and ent.words[0].isupper() and len(ent.words[0]) >= 2:
            place = by_initials.get(ent.words[0].replace(".", ""))
        if place is not None and place is not ent:
            _fold(ent, place)
            continue
        if len(ent.words) == 1:
            w = ent.words[0].lower()
            # a person's surname or first name alone ("Lavrov", "Sergey"); not a place inside an
            # organisation's name ("England" in "Bank of England", "Alaska" in "Alaska Department of ...")
            owners = [
                m
                for m in multi
                if len(m.words) <= 3
                and not any(x.lower() in _CONNECTORS for x in m.words)
                and w in (m.words[-1].lower(), m.words[0].lower())
            ]
            if len(owners) == 1:
                _fold(ent, owners[0])
                continue
        out.append(ent)
    return out


def _fold(ent: Entity, into: Entity) -> None:
    into.count += ent.count
    into.in_title |= ent.in_title
    into.paragraphs |= ent.paragraphs
    into.first = min(into.first, ent.first)


def _demonym_of(key: str, by_key: dict[str, Entity]) -> Entity | None:
    """The place an adjective of nationality names, when the article names it too ("North Korean")."""
    for suffix, replacement in (("n", ""), ("ian", ""), ("ian", "ia"), ("i", ""), ("ese", ""), ("ese", "a")):
        if key.endswith(suffix) and len(key) > len(suffix) + 3:
            place = by_key.get(key[: -len(suffix)] + replacement)
            if place is not None:
                return place
    return None
