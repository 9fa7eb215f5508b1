"""Compact text features shared by duplicate folding and story clustering.

Everything here is pure and deterministic across processes: tokens are hashed with a keyed
BLAKE2 digest (never Python's randomised ``hash``), so an index rebuilt after a restart makes
the same decisions as the one it replaces.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
# A token as written: words (with inner apostrophes/hyphens), numbers with decimals.
# Group 1 is set when a sentence ends right before the token (names are told from sentence starts).
_TOKEN = re.compile(r"([.!?:;\"“”\n]\s?)?(\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*)", re.UNICODE)

_STOPWORD_TEXT = """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told according one two new year years
    mr mrs ms monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    week last first time people may might must shall us via per since around including however
    many much another still even well back made make get got like among amid
    في من على إلى عن مع هذا هذه ذلك التي الذي الذين كان كانت قد لا ما لم لن أن إن أو ثم بعد قبل حتى
    عند كل بين وقال قال أيضا وفي ومن وهو وهي هو هي"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

_WORD_CACHE: dict[str, int] = {}
_WORD_CACHE_LIMIT = 400_000
_MASK64 = (1 << 64) - 1


def stable_hash(token: str) -> int:
    """A 63-bit hash of a token that is the same in every process."""
    h = _WORD_CACHE.get(token)
    if h is None:
        if len(_WORD_CACHE) >= _WORD_CACHE_LIMIT:
            _WORD_CACHE.clear()
        h = int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little") >> 1
        _WORD_CACHE[token] = h
    return h


def normalized_words(text: str) -> list[str]:
    """Case-folded NFKC words: the unit shingles and content hashes are made of."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle_hashes(text: str, size: int = 3) -> np.ndarray:
    """Distinct 64-bit hashes of the text's word `size`-grams (a sorted uint64 array).

    Word hashes are combined with numpy so the per-article cost is one dictionary lookup per word.
    """
    words = normalized_words(text)
    if len(words) < size:
        words = words + [""] * (size - len(words)) if words else []
    if not words:
        return np.zeros(0, dtype=np.uint64)
    w = np.fromiter((stable_hash(x) for x in words), dtype=np.uint64, count=len(words))
    n = len(w) - size + 1
    acc = w[:n].copy()
    for k in range(1, size):
        # rotate-and-mix so that (a, b) and (b, a) differ
        acc = (acc * np.uint64(0x9E3779B97F4A7C15)) ^ w[k : k + n]
    return np.unique(acc)


@dataclass(slots=True)
class TermFeatures:
    """What the story clusterer knows of one article: weighted term counts and its salient names."""

    terms: dict[str, float]  # term -> weighted count (title and names boosted)
    names: frozenset[str]  # capitalised words/phrases found mid-sentence, lower-cased
    numbers: frozenset[str]  # numbers written in the text (years, magnitudes, tolls)
    years: frozenset[str] = frozenset()  # four-digit years 1900-2099 among the numbers


_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    """A light English plural/possessive stripper; other scripts pass through."""
    stem = _STEMS.get(word)
    if stem is None:
        if len(_STEMS) >= _WORD_CACHE_LIMIT:
            _STEMS.clear()
        stem = word[:-2] if word.endswith(("'s", "’s")) else word
        if len(stem) > 4 and stem.isascii():
            if stem.endswith("ies"):
                stem = stem[:-3] + "y"
            elif stem.endswith("s") and not stem.endswith(("ss", "us", "is")):
                stem = stem[:-1]
        _STEMS[word] = stem
    return stem


def term_features(title: str, text: str, *, title_weight: float = 2.0, name_weight: float = 2.0,
                  number_weight: float = 2.0, max_words: int = 600) -> TermFeatures:
    """Terms of an article for story matching.

    Capitalised words that do not start a sentence are taken as names (people, places, bodies):
    they carry the identity of an event, so they get `name_weight`; numbers (years, magnitudes,
    counts) are kept as terms because they separate two events of the same kind.
    """
    terms: dict[str, float] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    get = terms.get
    for part, weight, in_title in ((title, title_weight, True), (text, 1.0, False)):
        if not part:
            continue
        prev_name = ""
        first = True
        for n, (stop, raw) in enumerate(_TOKEN.findall(part)):
            if n >= max_words:
                break
            if raw[0].isdigit():
                numbers.add(raw)
                terms[raw] = get(raw, 0.0) + weight * number_weight
                prev_name = ""
                first = False
                continue
            low = raw.casefold()
            if low in STOPWORDS or len(low) < 2:
                prev_name = ""
                first = False
                continue
            stem = _stem(low)
            if raw[0].isupper() and not stop and not first and not in_title:
                names.add(stem)
                terms[stem] = get(stem, 0.0) + weight * name_weight
                if prev_name:
                    pair = prev_name + "_" + stem
                    names.add(pair)
                    terms[pair] = get(pair, 0.0) + weight * name_weight
                prev_name = stem
            else:
                terms[stem] = get(stem, 0.0) + weight
                prev_name = ""
            first = False
    years = frozenset(n for n in numbers if len(n) == 4 and n[:2] in ("19", "20"))
    return TermFeatures(terms=terms, names=frozenset(names), numbers=frozenset(numbers), years=years)


def log_tf(count: float) -> float:
    return 1.0 + math.log(count) if count >= 1.0 else count
