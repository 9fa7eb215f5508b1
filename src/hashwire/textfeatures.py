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
from functools import cache

import numpy as np

from .stopwords import AR_MONTHS
from .stopwords import AR_STOPWORDS as _AR_LIST

_WORD = re.compile(r"\w+", re.UNICODE)
# A token as written: words (with inner apostrophes/hyphens), numbers with decimals.
# Group 1 is set when a sentence ends right before the token (names are told from sentence starts).
_TOKEN = re.compile(r"([.!?:;\"“”\n،؛؟]\s?)?(\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’\-][^\W\d_]+)*)", re.UNICODE)

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

# Arabic script: short vowels, shadda and tatweel are dropped (they split or vary a word), the letter
# forms writers use interchangeably are unified, and Arabic-Indic digits become ASCII digits (so a
# figure written either way is one term).
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_AR_FOLD = str.maketrans({
    **{chr(c): None for c in (*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, 0x0640,
                              *range(0x06D6, 0x06EE))},
    **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)},
    "\u066b": ".", "\u066c": ",", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
})
# Leading clitics and suffixes an Arabic word is stripped of (a light stemmer: "والمياه" -> "مياه").
_AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
_AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def fold_arabic(text: str) -> str:
    """Text with its Arabic letters, marks and digits in one written form (other text unchanged)."""
    return text.translate(_AR_FOLD) if _ARABIC.search(text) else text


# Arabic words that never tell one event from another (weekdays and months included), as folded.
AR_STOPWORDS = frozenset(fold_arabic(w) for w in (*_AR_LIST, *AR_MONTHS, *STOPWORDS) if _ARABIC.search(w))

PERSON_WORDS = 2  # Arabic words a title or a verb of saying announces as a name (given and family name)
BODY_WORDS = 3  # ... and a kind of body, place or work ("شركة البيان للنقل البحري")
# Verbs of saying: a name follows ("وقال عمر الهاشمي").
_AR_SAYING = frozenset(w2 for w in fold_arabic("""قال قالت أضاف أضافت أكد أكدت أوضح أوضحت ذكر ذكرت صرح صرحت
    أعلن أعلنت يقول تقول""").split() for w2 in (w, "و" + w))
# Titles of people, then kinds of bodies, places and works: a name follows ("للمخرج أحمد", "شركة البيان").
_AR_TITLE_TEXT = """الرئيس رئيس الوزير وزير الوزيرة المخرج المخرجة الناقد المحلل الباحث الدكتور السيد السيدة الشيخ
    الأمير الملك النائب اللاعب المدرب الممثل الممثلة المغني المغنية الكاتب الفنان المدير المديرة القاضي
    المحامي السفير المرشح الزعيم الجنرال العقيد اللواء المتحدث البروفيسور الأستاذ الصحفي المهاجم الحارس"""
_AR_BODY_TEXT = """شركة مجموعة جامعة وزارة هيئة بنك مصرف حزب نادي فريق منتخب مستشفى مؤسسة مركز مجلس محكمة مدينة
    محافظة ولاية منطقة قرية جزيرة فيلم مسلسل رواية كتاب ألبوم مهرجان مهمة مسبار دواء عقار فيروس"""
_AR_IN = frozenset(("في", "وفي"))
_AR_DATELINE = re.compile(r"\s*([^\W\d_]+(?:\s[^\W\d_]+){0,2})\s+[-\u2013\u2014]\s")

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
    definite: frozenset[str] = frozenset()  # Arabic stems written with the article ال here ("المياه")
    bare: frozenset[str] = frozenset()  # Arabic stems written without it here ("مياه", "حمص")
    placed: frozenset[str] = frozenset()  # Arabic stems right after "في" (a place if the stream agrees)


_STEMS: dict[str, str] = {}


def _stem(word: str) -> str:
    """A light stemmer: English plurals and possessives, Arabic clitics and suffixes; other scripts pass."""
    stem = _STEMS.get(word)
    if stem is None:
        if len(_STEMS) >= _WORD_CACHE_LIMIT:
            _STEMS.clear()
        if word[0] >= "\u0600":
            stem = _arabic_stem(word)
        else:
            stem = word[:-2] if word.endswith(("'s", "’s")) else word
            if len(stem) > 4 and stem.isascii():
                if stem.endswith("ies"):
                    stem = stem[:-3] + "y"
                elif stem.endswith("s") and not stem.endswith(("ss", "us", "is")):
                    stem = stem[:-1]
        _STEMS[word] = stem
    return stem




def _arabic_stem(word: str) -> str:
    """A folded Arabic word without its leading conjunction, preposition or article and its commonest
    suffixes ("والمياه" -> "مياه", "وسوريا" -> "سوريا"; "وزير" keeps its و: it is a letter of the word)."""
    if word[0] == "و" and len(word) > 3 and not word.startswith("وال"):
        zipf = _arabic_zipf()
        if zipf.get(word[1:], 0.0) >= zipf.get(word, 0.0) + 0.5:
            word = word[1:]
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
    return word


@cache
def _arabic_zipf() -> dict[str, float]:
    """How common each Arabic word is in general text (zipf scale), keyed by its folded form."""
    from .keyphrases import word_zipf

    table: dict[str, float] = {}
    for word, z in word_zipf("ar").items():
        key = fold_arabic(word)
        if z > table.get(key, -1.0):
            table[key] = z
    return table


# stem of a title or a kind of body -> words of the name it announces
_AR_NAME_CUES: dict[str, int] = {_arabic_stem(w): n for text, n in ((_AR_BODY_TEXT, BODY_WORDS), (_AR_TITLE_TEXT, PERSON_WORDS))
                 for w in fold_arabic(text).split()}


def term_features(title: str, text: str, *, title_weight: float = 2.0, name_weight: float = 2.0,
                  number_weight: float = 2.0, max_words: int = 600) -> TermFeatures:
    """Terms of an article for story matching.

    Capitalised words that do not start a sentence are taken as names (people, places, bodies):
    they carry the identity of an event, so they get `name_weight`; numbers (years, magnitudes,
    counts) are kept as terms because they separate two events of the same kind.

    Arabic script has no capitals: it is folded to one written form, its words are stripped of
    clitics, and names are told by what introduces them: a title or a kind of body, place or work
    ("للمخرج أحمد البزاز", "شركة البيان للنقل البحري"), a verb of saying followed by a given name
    ("وقال عمر الهاشمي"), or a dateline ("حمص - ...").
    """
    terms: dict[str, float] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    definite: set[str] = set()
    bare: set[str] = set()
    placed: set[str] = set()
    get = terms.get
    for part, weight, in_title in ((title, title_weight, True), (text, 1.0, False)):
        if not part:
            continue
        part = fold_arabic(part)
        prev_name = ""
        first = True
        cued = _dateline_words(part) if not in_title else 0  # Arabic words left in an announced name
        after_in = False  # the previous word was "في"
        for n, (stop, raw) in enumerate(_TOKEN.findall(part)):
            if n >= max_words:
                break
            if raw[0].isdigit():
                numbers.add(raw)
                terms[raw] = get(raw, 0.0) + weight * number_weight
                prev_name = ""
                first = False
                cued = 0
                after_in = False
                continue
            low = raw.casefold()
            if low[0] >= "\u0600":
                if stop and n:
                    cued = 0
                if low in _AR_SAYING:
                    cued, prev_name = -PERSON_WORDS, ""  # a name if it starts with a given name
                    continue
                if len(low) < 2 or low in AR_STOPWORDS or (low[0] == "و" and low[1:] in AR_STOPWORDS):
                    cued, prev_name = 0, ""
                    after_in = low in _AR_IN
                    continue
                if cued < 0:  # after a verb of saying: "عمر الهاشمي" is a name, "المسؤولون" is not
                    cued = -cued if not low.startswith("ال") else 0
                stem = _stem(low)
                (definite if _has_article(low) else bare).add(stem)
                if after_in:
                    placed.add(stem)
                    after_in = False
                announced = _AR_NAME_CUES.get(stem)
                if announced:
                    cued, prev_name = announced, ""
                    terms[stem] = get(stem, 0.0) + weight
                    continue
                if cued:
                    cued -= 1
                    _add_name(terms, names, stem, prev_name, weight * name_weight)
                    prev_name = stem
                else:
                    terms[stem] = get(stem, 0.0) + weight
                    prev_name = ""
                continue
            if low in STOPWORDS or len(low) < 2:
                prev_name = ""
                first = False
                continue
            stem = _stem(low)
            if raw[0].isupper() and not stop and not first and not in_title:
                _add_name(terms, names, stem, prev_name, weight * name_weight)
                prev_name = stem
            else:
                terms[stem] = get(stem, 0.0) + weight
                prev_name = ""
            first = False
    years = frozenset(n for n in numbers if len(n) == 4 and n[:2] in ("19", "20"))
    return TermFeatures(terms=terms, names=frozenset(names), numbers=frozenset(numbers), years=years,
                        definite=frozenset(definite), bare=frozenset(bare), placed=frozenset(placed))


def _add_name(terms: dict[str, float], names: set[str], stem: str, prev_name: str, weight: float) -> None:
    """A name as a term, and joined to the name before it ("omar_hashimi") when one came just before."""
    names.add(stem)
    terms[stem] = terms.get(stem, 0.0) + weight
    if prev_name:
        pair = prev_name + "_" + stem
        names.add(pair)
        terms[pair] = terms.get(pair, 0.0) + weight


def _has_article(word: str) -> bool:
    """Whether a folded Arabic word carries the article ال (alone or after a clitic: "والمياه", "للمخرج")."""
    return word.startswith(_AR_PREFIXES) and len(word) > 4


def _dateline_words(text: str) -> int:
    """How many words an Arabic dateline opening the text holds ("حمص - ..." -> 1), else 0."""
    m = _AR_DATELINE.match(text)
    return len(m.group(1).split()) if m else 0


def log_tf(count: float) -> float:
    return 1.0 + math.log(count) if count >= 1.0 else count
