"""What story clustering keeps of an article: sparse TF-IDF vectors, its names and figures, its key names.

Vectors are plain dicts (term -> weight) kept short: an article keeps its strongest terms only, so
comparing it with a story costs a few hundred dictionary lookups whatever the size of the archive.
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass

from .models import Article
from .term_stats import TermStats
from .textfeatures import log_tf, term_features

VECTOR_TERMS = 120  # strongest terms kept per article
NAME_TERMS = 60  # strongest names and figures kept per article
KEY_NAMES = 8  # names and figures that identify the event an article reports
COMMON_SHARE = 0.1  # a name or figure in more than this share of the stream's articles identifies nothing
COMMON_AFTER = 200  # ... judged once the stream has shown this many articles
_COMMON_IDF = math.log(1.0 / COMMON_SHARE) + 1.0  # the idf of a term at that share (TermStats' formula)
FORMS_SEEN = 4  # articles an Arabic word must have been seen in before its forms tell anything
FORMS_MIXED = 0.2  # ... a word written with ال in this share of them and without in as many is no name
_DEFINITE = "\x01"  # prefixes of the form counts in the term table (no word starts with them)
_BARE = "\x02"


@dataclass(slots=True)
class ArticleVectors:
    terms: dict[str, float]  # unit TF-IDF vector over title and text words, names and figures
    names: dict[str, float]  # the unit vector of its names and figures alone
    key: list[tuple[str, float]]  # its strongest names and figures, with their weights


def vectorize(article: Article, stats: TermStats) -> ArticleVectors:
    """The vectors of one article; counts it into `stats` (document frequencies learned from the stream)."""
    feats = term_features(article.title, article.text)
    idf = stats.add(feats.terms.keys())
    names = feats.names
    if feats.definite or feats.bare:
        stats.count([_DEFINITE + t for t in feats.definite] + [_BARE + t for t in feats.bare])
        names = _proper(names, stats)
        names |= {t for t in feats.placed if t not in names and _one_form(t, stats)}
    idf_of: dict[str, float] = dict(zip(feats.terms, idf.tolist(), strict=True))
    weights = prune({t: log_tf(c) * idf_of[t] for t, c in feats.terms.items()}, VECTOR_TERMS)
    # once the stream is long enough, a "name" in more than one article in ten is its vocabulary
    floor = _COMMON_IDF if stats.docs >= COMMON_AFTER else -math.inf
    named = prune({t: w for t, w in weights.items() if (t in names or t in feats.numbers) and idf_of[t] > floor},
                  NAME_TERMS)
    return ArticleVectors(terms=unit(weights), names=unit(named), key=top(named, KEY_NAMES))


def _proper(names: frozenset[str], stats: TermStats) -> frozenset[str]:
    """Names without the Arabic words the stream writes both with and without ال.

    A proper name is written one way: "حمص" and "وليد" never take the article, "القاهرة" and "الزين"
    always do; a common noun a cue happened to precede ("قال خبراء", "في بيان") takes both forms."""
    common = set()
    for name in names:
        if name[0] < "\u0600" or "_" in name:
            continue
        if _forms(name, stats) is False:
            common.add(name)
    if not common:
        return names
    return frozenset(n for n in names if n not in common and not any(p in common for p in n.split("_")))


def _one_form(word: str, stats: TermStats) -> bool:
    return _forms(word, stats) is True


def _forms(word: str, stats: TermStats) -> bool | None:
    """True if the stream writes an Arabic word in one form (with ال or without), False if in both,
    None if it has not seen it in enough articles to tell."""
    with_article, without = stats.df(_DEFINITE + word), stats.df(_BARE + word)
    seen = with_article + without
    if seen < FORMS_SEEN:
        return None
    return min(with_article, without) < FORMS_MIXED * seen


def dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def norm(v: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in v.values()))


def unit(v: dict[str, float]) -> dict[str, float]:
    n = norm(v) or 1.0
    return {t: w / n for t, w in v.items()}


def add_into(total: dict[str, float], v: dict[str, float], cap: int) -> dict[str, float]:
    """`total` + `v`, pruned back to the `cap` strongest terms once it holds twice as many."""
    for t, w in v.items():
        total[t] = total.get(t, 0.0) + w
    return prune(total, cap) if len(total) > 2 * cap else total


def prune(v: dict[str, float], cap: int) -> dict[str, float]:
    return dict(top(v, cap)) if len(v) > cap else v


def top(v: dict[str, float], n: int) -> list[tuple[str, float]]:
    return heapq.nlargest(n, v.items(), key=_weight)


def _weight(item: tuple[str, float]) -> float:
    return item[1]
