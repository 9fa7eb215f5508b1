"""Pages that are not articles: section fronts, tag listings, video indexes, search results, error
pages, consent walls and other listings. Decided from the URL, the metadata and the page's shape."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from hashwire.errors import NotAnArticle
from hashwire.extract_body import Block
from hashwire.extract_meta import ARTICLE_TYPES, LISTING_TYPES, PageMeta
from hashwire.extract_scan import PageShape, count_prices

REASONS = ("section_front", "tag_listing", "video_index", "search_results", "error_page", "consent_wall",
           "too_short", "listing")

_TAG_SEGMENTS = frozenset({"tag", "tags", "topic", "topics", "thema", "themen", "schlagwort", "schlagworte",
                           "stichwort", "category", "categories", "kategorie", "rubrik", "author", "authors",
                           "autor", "autoren", "label", "labels", "keyword", "keywords", "archive", "archives",
                           "tagged", "hashtag", "wiki-tag", "etiqueta", "etiquetas", "mot-cle", "sujet",
                           "categoria", "categorie", "vosoom", "الوسوم", "وسم"})
# a shop's or a directory's catalogue: /collections/<name> (Shopify), /c/<category>, /genre/<name>
_CATALOG_SEGMENTS = frozenset({"c", "collections", "genre", "genres", "list", "lists"})
_SHOP_FRONTS = frozenset({"shop", "store", "collections"})
_SEARCH_SEGMENTS = frozenset({"search", "suche", "recherche", "buscar", "busqueda", "cerca", "zoeken", "sok", "بحث"})
_SEARCH_PARAMS = frozenset({"q", "s", "query", "search", "searchterm", "keys", "k", "term", "suchbegriff"})
_VIDEO_SEGMENTS = frozenset({"video", "videos", "tv", "watch", "mediathek", "mediacenter", "media", "clips"})
_SECTIONS = (
    "news world politics business economy sport sports tech technology science health culture "
    "entertainment opinion lifestyle travel local national international us uk europe asia africa "
    "middle-east weather latest top-stories home index startseite nachrichten politik wirtschaft "
    "kultur panorama wissen meinung regional ausland inland feuilleton finanzen international "
    "monde economie culture actualites deportes noticias arabic ar en de fr es blog blogs"
)
_SECTION_WORDS = frozenset(_SECTIONS.split())
_ERROR_TITLE = re.compile(
    r"(?:\b404\b|\b410\b|\b500\b|page (?:not|could not be) found|not found|seite (?:wurde )?nicht gefunden|"
    r"fehlerseite|page introuvable|página no encontrada|pagina non trovata|oops|error page|"
    r"this page (?:doesn't|does not|no longer) exist|الصفحة غير موجودة)",
    re.I,
)
_CONSENT = re.compile(
    r"(?:cookie|consent|einwilligung|zustimm|datenschutz|privacy|accept all|alle akzeptieren|"
    r"tout accepter|aceptar|personali[sz]ed ads|partners|vendors|tracking|legitimate interest|"
    r"werbung|pur-abo|ohne werbung|abonnement)",
    re.I,
)
_SLUG_DIGITS = re.compile(r"\d{4,}")
_SHOP_SEGMENTS = frozenset({"collections", "collection", "c", "cat", "shop", "browse", "store", "products",
                            "catalog", "catalogue", "department", "dept"})


def _segments(url: str) -> list[str]:
    return [s.lower() for s in urlsplit(url).path.split("/") if s]


def _slug_words(segs: list[str]) -> int:
    if not segs:
        return 0
    last = re.sub(r"\.\w+$", "", segs[-1])
    return len([t for t in re.split(r"[-_+]", last) if t])


def listing_score(url: str, meta: PageMeta, shape: PageShape, blocks: list[Block]) -> float:
    """How much the page looks like a list of links to other pages rather than one text; >= 2.5 is a
    listing. Each signal alone is weak: undated pages, short URL slugs, many short blocks, dense links."""
    words = sum(b.words for b in blocks)
    # list items count as units of their own: a list of fifty links is fifty short blocks
    units = [len(line.split()) for b in blocks for line in b.text.split("\n")]
    short = sum(1 for n in units if n < 12) / max(len(units), 1)
    per_block = words / max(len(units), 1)
    slug = _slug_words(_segments(url))
    score = 0.0 if meta.published else 1.5
    score += 0.0 if meta.authors else 0.5
    score -= 2.0 if says_article(meta) else 0.0
    score += 1.0 if slug <= 2 else (0.0 if slug <= 4 else -1.0)
    score += 1.5 * (short - 0.4) + 2.0 * (shape.link_density - 0.35)
    score += 1.0 if per_block < 15 else (0.0 if per_block < 30 else -0.5)
    score += 1.5 if meta.ld_types & LISTING_TYPES else 0.0
    if shape.teaser_links >= 8:
        score += 0.5 + (1.0 if words < 12 * shape.teaser_links else 0.0)
    score -= 1.0 if words > 1500 else 0.0
    long_paras = sum(1 for b in blocks if b.kind == "p" and b.words >= 60)
    score -= 0.5 * min(long_paras, 4)  # running prose: an article's mark
    score += 1.5 if meta.og_type.startswith("product") else 0.0  # product or product group (shop shelf)
    score += 0.5 if any(seg in _SHOP_SEGMENTS for seg in _segments(url)[:-1]) else 0.0
    text = "\n".join(b.text for b in blocks)
    prices = count_prices(text)
    score += 1.0 if prices >= 5 and prices * 40 > words else 0.0  # a price every few dozen words
    score += 1.0 if shape.articles >= 10 else 0.0  # a grid of <article> teasers
    score += 1.5 if shape.priced_cards >= PRICED_CARDS else 0.0  # a grid of tiles with prices: a shop shelf
    score += 1.0 if shape.priced_cards >= LONG_SHELF else 0.0
    score += 0.5 if not meta.published and _category_heading(shape.h1) else 0.0
    teasers_per_100 = 100 * shape.article_links / max(words, 1)  # links to other articles, per 100 words of text
    score += -1.0 if teasers_per_100 < 2 else (0.5 if teasers_per_100 >= 5 else 0.0)
    return score


_HEADLINE_MARKS = re.compile(r"[\d:?!,.\"“”«»]")


def _category_heading(h1: str) -> bool:
    """A headline of one to three words with no figures or punctuation: a category's name
    ("Microphones", "Living Room Furniture") rather than a story's."""
    return 1 <= len(h1.split()) <= 3 and not _HEADLINE_MARKS.search(h1)


def says_article(meta: PageMeta) -> bool:
    """The page declares itself an article (a JSON-LD article type or OpenGraph type "article")."""
    return bool(meta.ld_types & ARTICLE_TYPES) or meta.og_type == "article"


def _url_kind(url: str) -> str:
    """The kind of non-article page the URL names, or ""."""
    parts = urlsplit(url)
    segs = _segments(url)
    query = {k.lower(): v for k, v in parse_qsl(parts.query)}
    if (segs and (segs[-1] in _SEARCH_SEGMENTS or segs[0] in _SEARCH_SEGMENTS)) or \
            any(query.get(k) for k in _SEARCH_PARAMS):
        return "search_results"
    if not segs or (len(segs) <= 2 and segs[-1] in _SECTION_WORDS) or (
            len(segs) <= 2 and all(s in _SECTION_WORDS or s.startswith("index.") for s in segs)):
        return "section_front"
    if segs[-1] in _TAG_SEGMENTS or (len(segs) >= 2 and segs[-2] in _TAG_SEGMENTS):
        return "tag_listing"
    if segs[-1] in _VIDEO_SEGMENTS or (len(segs) >= 2 and segs[-2] in _VIDEO_SEGMENTS and segs[-1] in _SECTION_WORDS):
        return "video_index"
    if segs[-1] == "page" or (len(segs) >= 2 and segs[-2] == "page" and segs[-1].isdigit()):
        return "listing"
    if any(s in _TAG_SEGMENTS for s in segs[:-2]):
        return "tag_listing"
    if segs[-1] in _SHOP_FRONTS or any(s in _CATALOG_SEGMENTS for s in segs[:-1]):
        return "listing"
    return ""


def reject(url: str, meta: PageMeta, shape: PageShape, blocks: list[Block], html_title: str,
           margin: float = 0.0) -> None:
    """Raise NotAnArticle(reason) unless the page, as extracted, is an article. A positive margin
    asks for that much more listing evidence than usual."""
    text_words = sum(b.words for b in blocks)
    error_like = _ERROR_TITLE.search(html_title or "") or _ERROR_TITLE.search(shape.h1 or "")
    if error_like and text_words < 150:
        raise NotAnArticle("error_page", html_title.strip()[:80])
    text = " ".join(b.text for b in blocks)
    if text_words < 250 and len(_CONSENT.findall(text)) >= max(3, text_words // 40):
        raise NotAnArticle("consent_wall", "page text is a consent prompt")
    score = listing_score(url, meta, shape, blocks)
    kind = _url_kind(url) if url else ""
    if kind == "search_results" and (score >= 0 or not says_article(meta)):
        raise NotAnArticle(kind, url)
    if kind and (score >= 1.0 or text_words < 40):
        raise NotAnArticle(kind, url)
    if text_words < 40:
        raise NotAnArticle("too_short", f"{text_words} words")
    # tiles each with its own add-to-cart button: a shop's product grid, unless the page is a dated
    # article (which may close with products to buy)
    if shape.cart_cards >= CART_CARDS and not (says_article(meta) and meta.published):
        raise NotAnArticle("listing", f"{shape.cart_cards} items with a buy button")
    if score >= LISTING_THRESHOLD + margin:
        raise NotAnArticle("listing", f"listing score {score:.1f}")


LISTING_THRESHOLD = 4.0
PRICED_CARDS = 6
LONG_SHELF = 20  # priced cards
CART_CARDS = 6
