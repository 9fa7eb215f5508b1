"""Categories: one fixed taxonomy, decided from the most trusted evidence available.

Taxonomy (a label and what it covers):
- World: international affairs, wars and conflicts, diplomacy, disasters abroad.
- Politics: elections, parties, parliaments and governments, public policy, law and courts.
- Business: companies, markets, the economy, trade, jobs, personal finance, energy prices.
- Technology: computing, the internet, phones and gadgets, software, games, telecoms.
- Science: research, space, the environment and climate, nature.
- Health: medicine, diseases, hospitals, public health.
- Sports: every sport, its competitions, players and clubs.
- Entertainment: film, television, music, books, the arts, celebrities.
- General: anything the evidence does not place (local news, weather, lifestyle...).

Order of trust when sources disagree: the feed's own category or page keywords (Article.keywords), then
the URL section (Article.section or the URL path), then page metadata (description), then a text
classifier built from the seed vocabularies in category_lexicon.py. The first source that names a
category decides.

The text classifier adds, per category, the weight of every vocabulary entry the title and text contain
(title words count double; a term seen n times counts 1 + ln n; everyday English words are damped by
their frequency in data/word_zipf_en.tsv). Entries match plurals and possessives, prefixes ("profit*")
and phrases ("interest-rate*"); Arabic words are compared without their article or a leading
conjunction. General has its own vocabulary (fires, road accidents, weather, home and leisure) and is
also the answer when no category gathers MIN_TEXT_SCORE. The vocabularies were written from the
taxonomy and tuned on bench/category_dev.py's sets, never on the BBC evaluation set.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache, lru_cache
from urllib.parse import urlsplit

from .category_lexicon import ARABIC_LEXICON, LEXICON
from .hashtag_form import is_arabic, normalize_arabic
from .keyphrases import word_zipf
from .models import Article

CATEGORIES = (
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sports",
    "Entertainment",
    "General",
)

# words a feed, a URL path or a page's metadata uses for a section, mapped onto the taxonomy
_SECTION_WORDS: dict[str, str] = {}
for _cat, _words in {
    "World": "world international global foreign africa asia europe americas middle-east middleeast "
    "mideast latin-america asia-pacific us-news uk-news العالم دولي عربي عالمية",
    "Politics": "politics political election elections government policy parliament congress "
    "سياسة السياسة",
    "Business": "business economy economics finance financial markets market money companies company "
    "industry trade energy اقتصاد الاقتصاد أعمال مال",
    "Technology": "technology tech sci-tech scitech science-technology internet computing gadgets digital "
    "تكنولوجيا التكنولوجيا تقنية",
    "Science": "science environment climate space nature علوم العلوم بيئة",
    "Health": "health medicine wellness صحة الصحة",
    "Sports": "sport sports football soccer cricket rugby tennis golf olympics motorsport formula1 "
    "رياضة الرياضة",
    "Entertainment": "entertainment arts culture showbiz celebrity music film films movies tv television "
    "books lifestyle-entertainment ثقافة فن فنون",
    "General": "general local regional weather lifestyle news-general",
}.items():
    for _w in _words.split():
        _SECTION_WORDS[_w] = _cat
# "'s" and a closing "'" end a possessive ("minister's", "parties'"); "don't" keeps its apostrophe
_POSSESSIVE = re.compile(r"'s?(?![a-z])")
_WORD = re.compile(r"[a-z0-9$£€%][a-z0-9\-']*|[\u0621-\u064A]+")
MIN_TEXT_SCORE = 4.0
TITLE_WEIGHT = 2.0


def category_from_label(label: str) -> str | None:
    """Map a feed category, keyword or section name onto the taxonomy (None when it says nothing)."""
    low = label.strip().casefold()
    if not low:
        return None
    for cat in CATEGORIES:
        if low == cat.casefold():
            return cat
    if low in _SECTION_WORDS:
        return _SECTION_WORDS[low]
    for part in re.split(r"[\s/>|,:&_]+", low):
        if part in _SECTION_WORDS:
            return _SECTION_WORDS[part]
    return None


def category_from_url(url: str) -> str | None:
    """The section named by a URL's path ("/sport/football/..." -> Sports), or None."""
    path = urlsplit(url).path.casefold()
    for segment in [s for s in path.split("/") if s][:3]:
        if segment in _SECTION_WORDS:
            return _SECTION_WORDS[segment]
    host = urlsplit(url).hostname or ""
    for label in host.split(".")[:-2]:
        if label in _SECTION_WORDS:
            return _SECTION_WORDS[label]
    return None


@cache
def _lexicon_index() -> tuple[
    dict[str, dict[str, float]], dict[str, dict[str, float]], dict[str, list[tuple[tuple[str, ...], bool]]]
]:
    """Exact words, word prefixes ("profit*"), and phrases by their first word."""
    exact: dict[str, dict[str, float]] = {}
    prefix: dict[str, dict[str, float]] = {}
    phrases: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
    entries = [(cat, w, weight) for cat, words in LEXICON.items() for w, weight in words.items()]
    entries += [
        (cat, "-".join(_arabic_stem(p) for p in normalize_arabic(w.rstrip("*")).split("-")) + w[len(w.rstrip("*")) :],
         weight)
        for cat, words in ARABIC_LEXICON.items()
        for w, weight in words.items()
    ]  # each word of an Arabic phrase loses its article, as the words of the text do
    for cat, w, weight in entries:
        is_prefix = w.endswith("*")
        key = w.rstrip("*")
        if "-" in key and all(key.split("-")):
            parts = tuple(key.split("-"))
            if (parts, is_prefix) not in phrases.get(parts[0], []):
                phrases.setdefault(parts[0], []).append((parts, is_prefix))
        table = prefix if is_prefix else exact
        table.setdefault(key, {})[cat] = max(weight, table.get(key, {}).get(cat, 0.0))
    return exact, prefix, phrases


def _singular(term: str) -> list[str]:
    """Forms an English plural may come from ("strikers" -> "striker", "batteries" -> "battery")."""
    if len(term) <= 3 or not term.endswith("s") or term.endswith("ss"):
        return []
    forms = [term[:-1]]
    if term.endswith("ies"):
        forms.append(term[:-3] + "y")
    elif term.endswith("es"):
        forms.append(term[:-2])
    return forms


@lru_cache(maxsize=200_000)
def _lookup(term: str) -> tuple[tuple[str, float], ...]:
    """Weights per category for one word or phrase: its exact entries (or its singular's), merged with
    the longest prefix entry that covers it."""
    exact, prefix, _ = _lexicon_index()
    found: dict[str, float] = {}
    for form in (term, *_singular(term)):
        hit = exact.get(form)
        if hit is not None:
            found.update(hit)
            break
    for n in range(len(term), 2, -1):
        hit = prefix.get(term[:n])
        if hit is not None:
            for cat, weight in hit.items():
                found[cat] = max(weight, found.get(cat, 0.0))
            break
    if not found:
        return ()
    # everyday words are weaker evidence than rare ones, whatever list they are on
    damp = min(1.0, max(0.35, (7.3 - word_zipf("en").get(term, 3.0)) / 2.5))
    return tuple((cat, weight * damp) for cat, weight in found.items())


_AR_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب")


def _arabic_stem(word: str) -> str:
    """An Arabic word without a leading conjunction, preposition or article ("والاقتصاد" -> "اقتصاد")."""
    for prefix in _AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix) :]
    return word


def _text_words(part: str) -> list[str]:
    """Lower-case words of a text; English possessives dropped, Arabic normalised and stripped of prefixes."""
    if is_arabic(part):
        words = _WORD.findall(normalize_arabic(part.casefold()))
        return [_arabic_stem(w) if w[0] >= "\u0600" else w for w in words]
    return _WORD.findall(_POSSESSIVE.sub("", part.casefold().replace("\u2019", "'")))


def _phrase_at(words: list[str], i: int, parts: tuple[str, ...], is_prefix: bool) -> bool:
    n = len(parts)
    got = words[i : i + n]
    if len(got) != n or got[:-1] != list(parts[:-1]):
        return False
    last, want = got[-1], parts[-1]
    return last == want or (is_prefix and last.startswith(want)) or last in (want + "s", want + "es")


def text_scores(title: str, text: str) -> dict[str, float]:
    """Evidence per category from the seed vocabularies (title words count double)."""
    _, _, phrases = _lexicon_index()
    counts: dict[str, float] = {}
    for part, part_weight in ((title, TITLE_WEIGHT), (text, 1.0)):
        words = _text_words(part)
        for w, n in Counter(words).items():
            counts[w] = counts.get(w, 0.0) + n * part_weight
        for i in [i for i, w in enumerate(words) if w in phrases]:
            for parts, is_prefix in phrases[words[i]]:
                if _phrase_at(words, i, parts, is_prefix):
                    key = "-".join(parts)
                    counts[key] = counts.get(key, 0.0) + part_weight
    scores = dict.fromkeys(LEXICON, 0.0)
    for term, count in counts.items():
        for cat, weight in _lookup(term):
            scores[cat] += weight * (1.0 + math.log(count)) if count >= 1 else weight * count
    return scores


def classify_text(title: str, text: str) -> str:
    scores = text_scores(title, text)
    best = max(scores, key=lambda c: scores[c])
    return best if scores[best] >= MIN_TEXT_SCORE else "General"


def categorize(article: Article) -> str:
    """The article's category, from the most trusted evidence (see the module docstring)."""
    for label in article.keywords:
        cat = category_from_label(label)
        if cat:
            return cat
    if article.section:
        cat = category_from_label(article.section)
        if cat:
            return cat
    cat = category_from_url(article.url)
    if cat:
        return cat
    return classify_text(article.title, (article.description + "\n\n" + article.text)[:6000])
