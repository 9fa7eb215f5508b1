"""Keyphrases: candidate noun phrases found without a part-of-speech model, ranked by salience.

Candidates are maximal runs of content words between stopwords, common verb forms, adverbs, numbers and
punctuation (English), or between Arabic stopwords. Each word gets a PositionRank-style score (PageRank
on the word co-occurrence graph, biased towards words that appear early and in the title) times its
informativeness (rarity in general text, from the shipped word frequency table); a phrase scores the sum
of its words, scaled by how often the phrase itself occurs and by a length prior. Nothing is fitted per
document: every constant below is fixed.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .hashtag_form import is_arabic, normalize_arabic, variant_key
from .stopwords import AR_STOPWORDS, BOILERPLATE, EN_STOPWORDS, EN_VERBS, MONTHS, WEEKDAYS, words_of

_TOKEN = re.compile(
    r"[A-Za-z](?:\.[A-Za-z])+\.?"  # U.S., U.N.
    r"|[A-Za-z0-9]+(?:[-'’&][A-Za-z0-9]+)*"
    r"|[\u0621-\u064A\u0660-\u0669\u0671-\u06D3]+"
    r"|[^\sA-Za-z0-9]"
)
_SENTENCE_END = frozenset(".!?;:\n")
_LY_NOUNS = words_of(
    "family italy july supply assembly monopoly rally ally reply apply fly belly bully holy ugly early "
    "daily weekly monthly quarterly yearly elderly friendly likely only jelly lily emily kelly sally "
    "anomaly homily melancholy italy bodily costly deadly lonely lovely orderly timely"
)
_DIGITS = re.compile(r"^[0-9][0-9,.\-]*$")

# fixed constants (chosen once on a development set, never per document)
WINDOW = 3
DAMPING = 0.85
TITLE_WEIGHT = 3.0
LENGTH_PRIOR = {1: 0.62, 2: 1.0, 3: 0.95, 4: 0.6}
MAX_WORDS = 4


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


def informativeness(word: str, language: str = "en") -> float:
    """How much a word says about a text: high for rare words, low for everyday ones."""
    z = word_zipf(language).get(word.lower() if language != "ar" else normalize_arabic(word), 1.5)
    return max(0.3, 7.2 - z)


def tokenize(text: str) -> list[list[str]]:
    """Sentences of tokens; possessive 's becomes its own token, which ends a phrase."""
    sentences: list[list[str]] = []
    for para in re.split(r"\n\s*\n", text):
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
    return sentences


def _is_content_en(tok: str) -> bool:
    if not tok[0].isalnum():
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


def _is_content_ar(tok: str) -> bool:
    if not is_arabic(tok) or len(tok) < 2:
        return False
    n = normalize_arabic(tok)
    return tok not in AR_STOPWORDS and n not in _AR_STOP_NORMAL and n not in _AR_STOP_PREFIXED


_AR_STOP_NORMAL = frozenset(normalize_arabic(w) for w in AR_STOPWORDS)
_AR_STOP_PREFIXED = frozenset(p + w for w in _AR_STOP_NORMAL for p in ("و", "ف", "ب", "ل"))


def _runs(sentence: list[str], language: str) -> list[list[str]]:
    """Maximal runs of content words, trimmed to plausible noun phrases."""
    content = _is_content_ar if language == "ar" else _is_content_en
    runs: list[list[str]] = []
    current: list[str] = []
    for tok in [*sentence, "."]:
        if content(tok):
            current.append(tok)
            continue
        if current:
            runs.extend(_trim(current, language))
        current = []
    return runs


def _trim(run: list[str], language: str) -> list[list[str]]:
    if language == "ar":
        return [run[i : i + MAX_WORDS] for i in range(0, len(run), MAX_WORDS)]
    # a verb-like -ed/-ing word at the end of a run is a predicate, not part of the phrase
    while run and run[-1].lower().endswith(("ed", "ing")) and run[-1][0].islower() and len(run[-1]) > 4:
        run = run[:-1]
    while run and run[0].lower().endswith("ed") and run[0][0].islower() and len(run) == 1:
        run = run[1:]
    if not run:
        return []
    return [run[i : i + MAX_WORDS] for i in range(0, len(run), MAX_WORDS)] if len(run) > MAX_WORDS else [run]


@dataclass(slots=True)
class Candidate:
    words: list[str]
    count: int = 0
    first: int = 0  # position (in words) of the first occurrence
    in_title: bool = False
    forms: dict[str, int] = field(default_factory=dict)  # surface forms seen, with counts

    @property
    def surface(self) -> str:
        return max(self.forms.items(), key=lambda kv: (kv[1], kv[0][:1].isupper()))[0]


def candidates(title: str, text: str, language: str = "en") -> tuple[dict[str, Candidate], list[list[str]]]:
    """Candidate phrases keyed by variant key, plus the word sequences used for the co-occurrence graph."""
    cands: dict[str, Candidate] = {}
    runs_in_order: list[list[str]] = []
    pos = 0
    for part, is_title in ((title, True), (text, False)):
        for sentence in tokenize(part):
            for run in _runs(sentence, language):
                key = variant_key(run)
                if not key or all(w in BOILERPLATE for w in key.split()):
                    pos += len(run)
                    continue
                cand = cands.get(key)
                if cand is None:
                    cand = cands[key] = Candidate(words=run, first=pos)
                cand.count += 1
                cand.in_title |= is_title
                surface = " ".join(run)
                cand.forms[surface] = cand.forms.get(surface, 0) + 1
                runs_in_order.append(run)
                pos += len(run)
            pos += 1
    return cands, runs_in_order


def _word_key(word: str, language: str) -> str:
    return normalize_arabic(word) if language == "ar" else variant_key([word])


def word_scores(runs: list[list[str]], title_words: set[str], language: str) -> dict[str, float]:
    """PositionRank: PageRank over word co-occurrence, personalised by 1/position (and the title)."""
    seq = [_word_key(w, language) for run in runs for w in [*run, ""]]
    bias: dict[str, float] = defaultdict(float)
    edges: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for i, w in enumerate(seq):
        if not w:
            continue
        bias[w] += 1.0 / (i + 1) * (TITLE_WEIGHT if w in title_words else 1.0)
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
    for _ in range(30):
        new = {}
        for w in pers:
            s = sum(score[v] * wt / out_sum[v] for v, wt in edges.get(w, {}).items())
            new[w] = (1 - DAMPING) * pers[w] + DAMPING * s
        delta = sum(abs(new[w] - score[w]) for w in pers)
        score = new
        if delta < 1e-6:
            break
    return score


def ranked_candidates(title: str, text: str, language: str = "en") -> list[tuple[float, Candidate]]:
    """All candidates, best first, with their scores."""
    cands, runs = candidates(title, text, language)
    title_words = {_word_key(w, language) for run in runs[:0] for w in run}
    for cand in cands.values():
        if cand.in_title:
            title_words.update(_word_key(w, language) for w in cand.words)
    ws = word_scores(runs, title_words, language)
    scored = []
    for cand in cands.values():
        keys = [_word_key(w, language) for w in cand.words]
        s = sum(ws.get(k, 0.0) * informativeness(w, language) for k, w in zip(keys, cand.words, strict=True))
        s *= LENGTH_PRIOR.get(len(cand.words), 0.5)
        s *= 1.0 + math.log(cand.count)
        scored.append((s, cand))
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
