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
"""

from __future__ import annotations

import math
import re
from functools import cache
from urllib.parse import urlsplit

from .category_lexicon import LEXICON
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
    "Politics": "politics political election elections government opinion policy parliament congress "
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
_BASE_RATE = {
    "World": 0.9,
    "Politics": 1.0,
    "Business": 1.0,
    "Technology": 1.0,
    "Science": 0.8,
    "Health": 0.8,
    "Sports": 1.0,
    "Entertainment": 1.0,
}
_WORD = re.compile(r"[a-z0-9$£€%][a-z0-9\-']*|[\u0621-\u064A]+")
MIN_TEXT_SCORE = 4.0


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
def _lexicon_index() -> tuple[dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    exact: dict[str, dict[str, float]] = {}
    prefix: dict[str, dict[str, float]] = {}
    for cat, words in LEXICON.items():
        for w, weight in words.items():
            table = prefix if w.endswith("*") else exact
            key = w.rstrip("*")
            table.setdefault(key, {})[cat] = max(weight, table.get(key, {}).get(cat, 0.0))
    return exact, prefix


def _lookup(term: str) -> dict[str, float] | None:
    exact, prefix = _lexicon_index()
    hit = exact.get(term)
    if hit is not None:
        return hit
    for n in range(len(term), 2, -1):
        hit = prefix.get(term[:n])
        if hit is not None:
            return hit
    return None


def text_scores(title: str, text: str) -> dict[str, float]:
    """Evidence per category from the seed vocabularies (title words count double)."""
    counts: dict[str, float] = {}
    for part, weight in ((title, 2.0), (text, 1.0)):
        words = _WORD.findall(part.casefold())
        for i, w in enumerate(words):
            counts[w] = counts.get(w, 0.0) + weight
            if i + 1 < len(words):
                bigram = w + "-" + words[i + 1]
                counts[bigram] = counts.get(bigram, 0.0) + weight
    scores = dict.fromkeys(LEXICON, 0.0)
    for term, n in counts.items():
        hit = _lookup(term)
        if hit:
            for cat, weight in hit.items():
                scores[cat] += weight * (1.0 + math.log(n)) if n >= 1 else weight * n
    return {c: s * _BASE_RATE.get(c, 1.0) for c, s in scores.items()}


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
