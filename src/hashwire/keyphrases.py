"""Keyphrases: candidate noun phrases found without a part-of-speech model, ranked by salience.

Candidates are maximal runs of content words between stopwords, common verb forms, adverbs, numbers and
punctuation (English), or between Arabic stopwords. Each word gets a PositionRank-style score (PageRank
on the word co-occurrence graph, biased towards words that appear early and in the title) times its
informativeness (rarity in general text, from the shipped word frequency table); a phrase scores the sum
of its words, scaled by how often the phrase itself occurs and by a length prior. Nothing is fitted per
document: every constant below is fixed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .hashtag_form import is_arabic, normalize_arabic, singular
from .stopwords import (
    AR_BOILERPLATE,
    AR_STOPWORDS,
    BOILERPLATE,
    EN_STOPWORDS,
    EN_VERBS,
    MONTHS,
    WEEKDAYS,
    words_of,
)

_TOKEN = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"  # U.S., U.N.
    r"|[A-Z]\.(?=\s+[A-Z][a-z])"  # a middle initial: George W. Bush
    r"|[A-Za-z0-9]+(?:[-'’&][A-Za-z0-9]+)*"
    r"|[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+"
    r"|[^\sA-Za-z0-9]"
)
_SENTENCE_END = frozenset(".!?;:\n")
_ARABIC_MARKS = re.compile("[\u0640\u064B-\u0652\u0670]")
_DROP_MARKS = {c: None for c in [0x0640, *range(0x064B, 0x0653), 0x0670]}
_LY_NOUNS = words_of(
    "family italy july supply assembly monopoly rally ally reply apply fly belly bully holy ugly early "
    "daily weekly monthly quarterly yearly elderly friendly likely only jelly lily emily kelly sally "
    "anomaly homily melancholy italy bodily costly deadly lonely lovely orderly timely"
)
_DIGITS = re.compile(r"^[0-9][0-9,.\-]*$")

# Fixed constants, chosen once on half of a development set (DUC-2001 news) and checked on the other
# half; never fitted per document.
WINDOW = 3  # co-occurrence window (words)
DAMPING = 0.85
TITLE_WEIGHT = 3.0  # PageRank bias of title words
LENGTH_PRIOR = {1: 0.42, 2: 1.0, 3: 0.78, 4: 0.1}
INFO_EXPONENT = 1.7
WORD_EXPONENT = 0.38
COUNT_EXPONENT = 0.62
POSITION_BOOST = 4.8
POSITION_SCALE = 190.0  # words
WHOLE_PRIOR = 0.67
WHOLE_EXPONENT = 1.5
# Title words are already favoured by the PageRank bias and the position boost; on their own, title
# phrases would be over-ranked (headline case also hides verbs: "Workers Try To Unload Tanker").
IN_TITLE = 0.81
TITLE_PHRASE = 0.5
ALL_CAPITALISED = 0.75
VERB_AT_END = 0.86
ADJECTIVE_AT_END = 0.84
MAX_WORDS = 4
QUICK_EARLY = 40  # words: on the quick path, one-off phrases count only this early in the text
UNKNOWN_ZIPF = 1.5  # words too rare for the table: names, technical terms


@cache
def word_zipf(language: str) -> dict[str, float]:
    """Zipf frequency of common words (see scripts/build_word_frequencies.py)."""
    name = f"word_zipf_{'ar' if language == 'ar' else 'en'}.tsv"
    table: dict[str, float] = {}
    text = resources.files("hashwire").joinpath("data", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            word, _, z = line.partition("\t")
            table[word] = float(z)
    return table


@lru_cache(maxsize=200_000)
def informativeness(word: str, language: str = "en") -> float:
    """How much a word says about a text: high for rare words, low for everyday ones."""
    table = word_zipf(language)
    if language == "ar":
        za = table.get(normalize_arabic(word), table.get(word, UNKNOWN_ZIPF))
        return max(0.3, 7.2 - za)
    low = word.lower()
    z: float | None = table.get(low)
    if z is None:
        z = table.get(low.rstrip("."))
    if z is None and "-" in low:
        parts = [table.get(p, UNKNOWN_ZIPF) for p in low.split("-") if p]
        z = min(parts) if parts else None
    return max(0.3, 7.2 - (UNKNOWN_ZIPF if z is None else z))


def tokenize_paragraphs(text: str) -> list[list[list[str]]]:
    """Paragraphs of sentences of tokens; possessive 's becomes its own token, which ends a phrase.
    Arabic short-vowel marks and the tatweel (a stretching stroke: "لـيوسف", "عُمان") are dropped, so a
    word has one spelling and is not split at its marks."""
    if _ARABIC_MARKS.search(text):
        text = text.translate(_DROP_MARKS)
    paragraphs: list[list[list[str]]] = []
    for para in re.split(r"\n\s*\n", text):
        sentences: list[list[str]] = []
        current: list[str] = []
        for tok in _TOKEN.findall(para):
            if tok[-2:] in ("'s", "’s") and len(tok) > 2:
                current.append(tok[:-2])
                current.append("'s")
                continue
            current.append(tok)
            if tok in _SENTENCE_END:
                sentences.append(current)
                current = []
        if current:
            sentences.append(current)
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


def tokenize(text: str) -> list[list[str]]:
    """Sentences of tokens (see tokenize_paragraphs)."""
    return [sentence for para in tokenize_paragraphs(text) for sentence in para]


@lru_cache(maxsize=200_000)
def _is_content_en(tok: str) -> bool:
    if not tok[0].isalnum() or len(tok) > 40:
        return False
    low = tok.lower()
    if low in EN_STOPWORDS or low in EN_VERBS or low in MONTHS or low in WEEKDAYS or _DIGITS.match(tok):
        return False
    if len(low) < 2 and not tok.isupper():
        return False
    if low.endswith("ly") and low not in _LY_NOUNS and len(low) > 4 and tok[0].islower():
        return False
    if "'" in low or "’" in low:
        return low.count("'") + low.count("’") == 1 and not low.endswith(("n't", "'ll", "'re", "'ve", "'d"))
    return True


@lru_cache(maxsize=200_000)
def _is_content_ar(tok: str) -> bool:
    if not is_arabic(tok) or len(tok) < 2:
        return False
    n = normalize_arabic(tok)
    return tok not in AR_STOPWORDS and n not in _AR_STOP_NORMAL and n not in _AR_STOP_PREFIXED


# normalised forms, except where normalising makes a stopword a name ("على" -> "علي")
_AR_STOP_NORMAL = frozenset(normalize_arabic(w) for w in AR_STOPWORDS) - {"علي"}
_AR_STOP_PREFIXED = frozenset(p + w for w in _AR_STOP_NORMAL for p in ("و", "ف", "ب", "ل"))


_VERB_CONTEXT = words_of(
    "to will would can could should may might must shall not never n't he she they we i you who "
    "didn't don't doesn't won't wouldn't can't couldn't cannot also often"
)
_NOUN_CONTEXT = words_of(
    "the a an this these those its his her their our my your some any no every each another of in on "
    "for with by from at about into than such many several"
)


def verb_like(sentences: list[list[str]]) -> set[str]:
    """Lower-case words used here as verbs ("to sue", "they mark") and never after a determiner."""
    as_verb: set[str] = set()
    as_noun: set[str] = set()
    for sentence in sentences:
        prev = ""
        for tok in sentence:
            if tok[:1].islower():
                if prev in _VERB_CONTEXT:
                    as_verb.add(tok)
                elif prev in _NOUN_CONTEXT:
                    as_noun.add(tok)
            prev = tok.lower()
    return as_verb - as_noun


def _runs(
    sentence: list[str], language: str, verbs: set[str] | frozenset[str] = frozenset()
) -> list[list[str]]:
    """Maximal runs of content words, trimmed to plausible noun phrases."""
    content = _is_content_ar if language == "ar" else _is_content_en
    runs: list[list[str]] = []
    current: list[str] = []
    for tok in [*sentence, "."]:
        if content(tok) and tok not in verbs:
            current.append(tok)
            continue
        if current:
            runs.extend(_trim(current, language))
        current = []
    return runs


def _trim(run: list[str], language: str) -> list[list[str]]:
    if language == "ar":
        return _arabic_chunks(run)
    # a verb-like -ed/-ing word at the end of a run is a predicate, not part of the phrase
    while run and run[-1].lower().endswith(("ed", "ing")) and run[-1][0].islower() and len(run[-1]) > 4:
        run = run[:-1]
    while run and run[0].lower().endswith("ed") and run[0][0].islower() and len(run) == 1:
        run = run[1:]
    if not run:
        return []
    return [run[i : i + MAX_WORDS] for i in range(0, len(run), MAX_WORDS)] if len(run) > MAX_WORDS else [run]


def _arabic_chunks(run: list[str]) -> list[list[str]]:
    """Arabic noun phrases without a tagger: a word followed by words carrying the article "ال"
    (adjectives and genitives agree in definiteness: "كوريا الشمالية", "هيئة الأركان المشتركة"); a verb
    never takes the article, so "أطلقت كوريا" splits."""
    chunks: list[list[str]] = []
    for tok in run:
        word = _strip_conjunction(tok)
        definite = word.startswith(("ال", "لل"))
        if chunks and definite and len(chunks[-1]) < MAX_WORDS and not _arabic_verb(chunks[-1][0]):
            chunks[-1].append(word)
        else:
            chunks.append([word])
    return chunks


# Nouns shaped like imperfect verbs (initial ي): given names and "day". Words starting "يا" are
# hardly ever verbs (ياسر, ياسين, ياباني), so they are not listed.
AR_YA_NOUNS = frozenset(("يوسف", "يونس", "يحيى", "يزيد", "يعقوب", "يسرى", "يمنى", "يوم", "يومي", "يومية",
                         "يورو", "يونيو", "يوليو", "يناير", "يونيسف", "يمن", "يهود", "يهودي"))


def _noun_despite_ya(word: str) -> bool:
    return word in AR_YA_NOUNS or word.startswith(("يا", "يوم"))


def arabic_verb_like(sentences: list[list[str]]) -> set[str]:
    """Words shaped like Arabic verbs (imperfect prefix ي, or ت/ن when the ي form occurs too, since
    "تونس" and "نادي" are nouns; the past -ت ending; or a past form whose
    imperfect also occurs) that never take the article in this text: "رفعت", "تربط", "رفع" beside "يرفع".
    A word also written with "ال" here ("الدراسة") is a noun."""
    tokens = {tok for sentence in sentences for tok in sentence}
    verbs = set()
    for tok in tokens:
        word = _strip_conjunction(tok)
        if len(word) < 3 or word.startswith("ال") or "ال" + word in tokens or "وال" + word in tokens:
            continue
        imperfect = (word[0] == "ي" and not _noun_despite_ya(word)) or (word[0] in "تن" and "ي" + word[1:] in tokens)
        if (imperfect and len(word) in (3, 4, 5)) or (word.endswith("ت") and not word.endswith("ات")):
            verbs.add(tok)
        elif "ي" + word in tokens or "ت" + word in tokens or "ويت" + word[1:] in tokens:
            verbs.add(tok)  # the same root conjugated elsewhere ("رفع" beside "يرفع"): a past-tense verb
    return verbs


def _arabic_verb(word: str) -> bool:
    """Imperfect verbs start with ي (few nouns do): "يتراجع التضخم" is a clause, not a phrase."""
    return (
        len(word) >= 4
        and word[0] == "ي"
        and word_zipf("ar").get(word, 0.0) < 5.0
        and not _noun_despite_ya(word)
    )


@lru_cache(maxsize=100_000)
def _strip_conjunction(tok: str) -> str:
    """Drop a leading "و" (and), "ف", "ب" or "ل" when what follows is a word of its own: "وكوريا" -> "كوريا",
    "لنادي" -> "نادي" ("للطاقة" stays: it joins a phrase as a definite noun)."""
    if len(tok) < 4 or tok[0] not in "وفبل":
        return tok
    table = word_zipf("ar")
    if tok.startswith("لل"):
        return tok
    rest = tok[1:]
    if table.get(rest, 0.0) >= table.get(tok, 0.0) + 0.5 or (tok[0] == "و" and rest.startswith("ال")):
        return rest
    return tok


@dataclass(slots=True)
class Candidate:
    words: list[str]
    count: int = 0  # occurrences, inside longer phrases too
    whole: int = 0  # occurrences as a whole run
    first: int = 0  # position (in words) of the first occurrence
    in_title: bool = False
    lower_words: list[str] | None = None  # a form seen starting in lower case, if any

    @property
    def surface(self) -> str:
        """The phrase as written; in lower case when the text ever writes it so (headline case aside)."""
        return " ".join(self.lower_words or self.words)


def candidates(
    title: str,
    text: str,
    language: str = "en",
    *,
    sentences: list[list[str]] | None = None,
    max_words: int = MAX_WORDS,
) -> tuple[dict[str, Candidate], list[list[str]]]:
    """Candidate phrases (every sub-phrase of a run, up to `max_words`) keyed by variant key, plus the
    runs in order. `sentences` may hold the already tokenised text, to save tokenising it twice."""
    cands: dict[str, Candidate] = {}
    runs_in_order: list[list[str]] = []
    body = tokenize(text) if sentences is None else sentences
    verbs = verb_like(body) if language == "en" else arabic_verb_like(body)
    title_verbs = {v.capitalize() for v in verbs} | verbs
    pos = 0
    for part, is_title in ((tokenize(title), True), (body, False)):
        for sentence in part:
            for run in _runs(sentence, language, title_verbs if is_title else verbs):
                _add_run(cands, run, pos, is_title, language, max_words)
                pos += len(run)
                runs_in_order.append(run)
            pos += 1
    return cands, runs_in_order


@lru_cache(maxsize=200_000)
def word_forms(word: str, language: str) -> tuple[str, str, str, bool]:
    """A word's key inside a phrase, at its end, alone, and whether it is page furniture."""
    if language == "ar":
        n = normalize_arabic(word)
        alone = n[2:] if n.startswith("ال") and len(n) > 4 else n
        return n, n, alone, word in AR_BOILERPLATE
    low = word.lower().replace("’", "'")
    mid = low.replace(".", "")
    last = singular(low).replace(".", "")
    return mid, last, last, low in BOILERPLATE


def _add_run(
    cands: dict[str, Candidate], run: list[str], pos: int, is_title: bool, language: str, max_words: int
) -> None:
    forms = [word_forms(w, language) for w in run]
    n = len(run)
    lower_ok = not is_title
    for i in range(n):
        prefix = ""
        junk = True
        for j in range(i, min(n, i + max_words)):
            mid_form, last_form, alone_form, furniture = forms[j]
            if j > i and mid_form == forms[j - 1][0]:
                break  # "apple apple": a repeated word is a stutter or a list, not a phrase
            if j == i:
                key = alone_form
                prefix = mid_form
                junk = furniture
            else:
                key = prefix + " " + last_form
                prefix = prefix + " " + mid_form
                junk = junk and furniture
            if junk or not key:
                continue
            cand = cands.get(key)
            if cand is None:
                cand = cands[key] = Candidate(words=run[i : j + 1], first=pos + i)
            cand.count += 1
            if i == 0 and j == n - 1:
                cand.whole += 1
            if is_title:
                cand.in_title = True
            elif lower_ok and cand.lower_words is None and run[i][:1].islower():
                cand.lower_words = run[i : j + 1]


def _word_key(word: str, language: str) -> str:
    return word_forms(word, language)[2]


def word_scores(
    runs: list[list[str]], title_words: set[str], language: str, iterations: int = 30
) -> dict[str, float]:
    """PositionRank: PageRank over word co-occurrence, personalised by 1/position (and the title).

    With iterations=0 only the personalisation (position-weighted frequency) is returned: a cheap
    approximation used on the hashtag path."""
    seq = [_word_key(w, language) for run in runs for w in [*run, ""]]
    bias: dict[str, float] = defaultdict(float)
    edges: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for i, w in enumerate(seq):
        if not w:
            continue
        bias[w] += 1.0 / (i + 1) * (TITLE_WEIGHT if w in title_words else 1.0)
        if not iterations:
            continue
        for j in range(i + 1, min(i + WINDOW, len(seq))):
            v = seq[j]
            if v and v != w:
                edges[w][v] += 1.0
                edges[v][w] += 1.0
    if not bias:
        return {}
    total = sum(bias.values())
    pers = {w: b / total for w, b in bias.items()}
    out_sum = {w: sum(nb.values()) for w, nb in edges.items()}
    score = dict(pers)
    for _ in range(iterations):
        new = {}
        for w in pers:
            s = sum(score[v] * wt / out_sum[v] for v, wt in edges.get(w, {}).items())
            new[w] = (1 - DAMPING) * pers[w] + DAMPING * s
        delta = sum(abs(new[w] - score[w]) for w in pers)
        score = new
        if delta < 1e-6:
            break
    return score


def is_headline_case(title: str) -> bool:
    """Whether a title capitalises most words ("Workers Try To Unload Tanker"), hiding which are names."""
    words = [w for w in title.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


@lru_cache(maxsize=200_000)
def verbness(word: str) -> float:
    """How much more often a word is seen inflected as a verb than bare (> -0.5: mostly a verb)."""
    w = word.lower()
    if not w.isalpha() or len(w) < 3:
        return -9.0
    table = word_zipf("en")
    bare = table.get(w, UNKNOWN_ZIPF)
    forms = (
        w + "ed",
        w + "ing",
        w + "d",
        w[:-1] + "ing",
        w[:-1] + "ied",
        w + w[-1] + "ed",
        w + w[-1] + "ing",
    )
    return max(table.get(f, 0.0) for f in forms) - bare


@lru_cache(maxsize=200_000)
def _info_weight(word: str, language: str) -> float:
    return float(informativeness(word, language) ** INFO_EXPONENT)


_ADJECTIVE_ENDINGS = (
    "al",
    "ic",
    "ive",
    "ous",
    "ful",
    "less",
    "able",
    "ible",
    "ary",
    "ish",
    "ese",
    "ian",
    "ern",
)


def phrase_score(cand: Candidate, word_score: dict[str, float], title_text: str, language: str) -> float:
    """Salience of one candidate phrase (constants fixed once on a development set; see module doc)."""
    words = cand.words
    base = sum(
        word_score.get(_word_key(w, language), 0.0) * informativeness(w, language) ** INFO_EXPONENT
        for w in words
    )
    s = base**WORD_EXPONENT * cand.count**COUNT_EXPONENT
    s *= 1.0 + POSITION_BOOST / (1.0 + cand.first / POSITION_SCALE)
    s *= LENGTH_PRIOR.get(len(words), 0.05)
    # a phrase mostly seen inside a longer one is a fragment of it ("total" in "total eclipse")
    s *= ((cand.whole + WHOLE_PRIOR) / (cand.count + WHOLE_PRIOR)) ** WHOLE_EXPONENT
    if cand.in_title:
        s *= IN_TITLE
        if " " + " ".join(w.lower() for w in words) + " " in title_text:
            s *= TITLE_PHRASE
    if language == "en":
        if all(w[:1].isupper() for w in words):
            s *= ALL_CAPITALISED
        if verbness(words[-1]) > -0.5:
            s *= VERB_AT_END
        if words[-1].lower().endswith(_ADJECTIVE_ENDINGS):
            s *= ADJECTIVE_AT_END
    return s


def ranked_candidates(
    title: str,
    text: str,
    language: str = "en",
    *,
    iterations: int = 30,
    sentences: list[list[str]] | None = None,
    quick: bool = False,
    max_words: int | None = None,
) -> list[tuple[float, Candidate]]:
    """Candidates, best first, with their scores (iterations: see word_scores).

    quick=True (the hashtag path) keeps phrases of up to three words (or `max_words`) and scores only
    those that recur, appear in the title or come early: the others cannot reach the top few."""
    longest = max_words if max_words is not None else 3 if quick else MAX_WORDS
    cands, runs = candidates(title, text, language, sentences=sentences, max_words=longest)
    title_words: set[str] = set()
    for cand in cands.values():
        if cand.in_title:
            title_words.update(_word_key(w, language) for w in cand.words)
    ws = word_scores(runs, title_words, language, iterations)
    title_text = " " + " ".join(w.lower() for sentence in tokenize(title) for w in sentence) + " "
    pool: Iterable[Candidate] = cands.values()
    if quick:
        pool = [c for c in pool if c.count > 1 or c.in_title or c.first < QUICK_EARLY]
    scored = [(phrase_score(cand, ws, title_text, language), cand) for cand in pool]
    scored.sort(key=lambda sc: (-sc[0], sc[1].first))
    return scored


def keyphrases(title: str, text: str, language: str = "en", *, limit: int = 10) -> list[str]:
    """The document's keyphrases, best first, in lower case (names keep their capitals)."""
    lang = "ar" if language == "ar" or (language != "en" and is_arabic(title + text[:200])) else "en"
    out = []
    for _, cand in ranked_candidates(title, text, lang)[:limit]:
        words = cand.surface.split()
        out.append(
            " ".join(
                w if (w[1:] != w[1:].lower() or w[:1].isupper()) and lang == "en" else w.lower()
                for w in words
            )
        )
    return out
