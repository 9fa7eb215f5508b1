"""What metadata reading and listing detection look at in the raw page: teaser links, <article>
elements, words in and out of links and paragraphs, links to the site's articles, cards repeated as
siblings (with their prices and buy buttons), and byline and date candidates.

Counts use compiled XPath (no attribute predicates, which libxml2 evaluates slowly); byline and date
candidates are found by a lazy walk in Python that stops as soon as the caller has what it needs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

_ARTICLES = etree.XPath("count(//article)")
_ITEM_TEASERS = etree.XPath("count(.//li[a[@href][string-length(normalize-space(.)) > 25]])")
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)
_LINK_TEXT_NODES = etree.XPath(".//a//text()", smart_strings=False)
_PARAGRAPH_TEXT_NODES = etree.XPath(".//p//text()", smart_strings=False)
_HREFS = etree.XPath(".//a/@href", smart_strings=False)
_GRID_PARENTS = etree.XPath(".//*[*[5]]")  # elements with five children or more
MAX_BYLINES = 60
MAX_DATES = 30


@dataclass(slots=True)
class PageShape:
    """Measures of the raw page taken before extraction changes the tree."""

    teaser_links: int = 0  # headings whose text is a link, and list items led by a link
    articles: int = 0  # <article> elements
    link_words: int = 0
    words: int = 0
    paragraph_words: int = 0  # words inside <p> elements
    article_links: int = 0  # distinct links to pages of the same site that look like articles
    cards: int = 0  # short linked items repeated as siblings of the same tag and class (a grid or list)
    priced_cards: int = 0  # cards showing a price
    cart_cards: int = 0  # priced cards with their own add-to-cart (or buy, quick view) button
    h1: str = ""

    @property
    def link_density(self) -> float:
        return self.link_words / self.words if self.words else 1.0


def following_elements(el: HtmlElement, limit: int) -> list[HtmlElement]:
    """The element, its descendants and the elements after it in document order, scripts and
    styles left out; at most `limit`. Walked lazily: XPath's following axis would build the whole
    rest of the page first."""
    def walk() -> Iterator[HtmlElement]:
        yield from el.iter(etree.Element)
        node: HtmlElement | None = el
        while node is not None:
            for sibling in node.itersiblings():
                yield from sibling.iter(etree.Element)
            node = node.getparent()
    return list(islice((e for e in walk() if e.tag not in ("script", "style")), limit))


def _linked_heading(el: HtmlElement) -> bool:
    parent = el.getparent()
    if parent is not None and (parent.tag == "a" or ((grand := parent.getparent()) is not None and grand.tag == "a")):
        return True
    return any(child.tag == "a" and child.get("href") is not None for child in el)


_YEAR_DIR = re.compile(r"/(?:19|20)\d\d/")


def _article_links(hrefs: list[str], host: str) -> int:
    """Distinct same-site links whose path looks like an article's: a slug of four or more words,
    or a year in the path. String tests only: a page has hundreds of links."""
    seen: set[str] = set()
    count = 0
    for href in hrefs:
        if href.startswith(("https://", "http://")):
            site, _, rest = href.partition("://")[2].partition("/")
            if site.removeprefix("www.") != host:
                continue
            path = "/" + rest
        elif href.startswith("/") and not href.startswith("//"):
            path = href
        else:
            continue
        path = path.split("#", 1)[0].split("?", 1)[0]
        if path in seen:
            continue
        seen.add(path)
        slug = path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        if slug.count("-") + slug.count("_") >= 3 or _YEAR_DIR.search(path):
            count += 1
    return count


def scan_page(tree: HtmlElement) -> PageShape:
    """Teaser and <article> counts and the first <h1> of the raw page."""
    shape = PageShape()
    shape.articles = int(_ARTICLES(tree))
    shape.teaser_links = int(_ITEM_TEASERS(tree)) + sum(_linked_heading(h) for h in tree.iter("h2", "h3", "h4"))
    h1 = tree.find(".//h1")
    shape.h1 = " ".join(h1.text_content().split()) if h1 is not None else ""
    return shape


def _is_byline(el: HtmlElement) -> bool:
    cls = el.get("class") or ""
    return ("byline" in cls or "author" in cls or "Author" in cls or "autor" in cls or "writer" in cls
            or "author" in (el.get("id") or "") or el.get("itemprop") == "author" or el.get("rel") == "author"
            or "author" in (el.get("data-testid") or ""))


def _is_dated(el: HtmlElement) -> bool:
    cls = el.get("class") or ""
    return ("date" in cls or "time" in cls or "publish" in cls or el.get("itemprop") == "datePublished"
            or (el.tag == "time" and el.get("datetime") is not None))


def byline_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Elements marked as bylines (class, id, rel or itemprop "author"), in document order, found
    as they are asked for: the first one that names someone usually comes early."""
    return islice((el for el in tree.iter(etree.Element) if el.keys() and _is_byline(el)), MAX_BYLINES)


def dated_elements(tree: HtmlElement) -> Iterator[HtmlElement]:
    """<time datetime> and elements marked as dates, in document order, found as asked for."""
    return islice((el for el in tree.iter(etree.Element) if el.keys() and _is_dated(el)), MAX_DATES)


_PRICE = re.compile(r"[$€£¥]\s?\d[\d,.]*|\d[\d,.]*\s?(?:[€£]|(?:EUR|USD|GBP)\b)")
_CARD_CART = re.compile(r"add to (?:cart|bag|basket)|buy now|shop now|quick (?:view|shop|add)|in den warenkorb|"
                        r"ajouter au panier|achat rapide|añadir al carrito|aggiungi al carrello|in winkelwagen", re.I)
_NOT_CARDS = frozenset({"p", "a", "span", "br", "option", "tr", "td"})  # running text, inline links, table rows
_CURRENCY_MARKS = ("$", "€", "£", "¥", "EUR", "USD", "GBP")
_CHROME_TAGS = frozenset({"nav", "header", "footer", "menu"})
MIN_CARDS = 5
MAX_CARD_WORDS = 60


def count_prices(text: str) -> int:
    """Prices written in the text ("$15", "149,00 €", "20 GBP"); the regex runs only when a currency
    mark is present."""
    return len(_PRICE.findall(text)) if any(mark in text for mark in _CURRENCY_MARKS) else 0


def _in_chrome(el: HtmlElement) -> bool:
    return any(anc.tag in _CHROME_TAGS for anc in el.iterancestors())


def measure_cards(body: HtmlElement, shape: PageShape) -> None:
    """Cards: runs of at least five siblings with the same tag and class, each a few words holding a
    link (product tiles, teaser grids, result lists); menus in <nav>, <header> and <footer> left out.
    Of them, how many show a price, and of those how many have their own add-to-cart button."""
    for parent in _GRID_PARENTS(body):
        if parent.tag in _CHROME_TAGS or _in_chrome(parent):
            continue
        children = list(parent.iterchildren(etree.Element))
        kinds = [(child.tag, child.get("class")) for child in children]
        for kind, count in Counter(kinds).items():
            if count < MIN_CARDS or kind[0] in _NOT_CARDS:
                continue
            texts = []
            misses = 0
            for child, child_kind in zip(children, kinds, strict=True):
                if child_kind != kind:
                    continue
                text = child.text_content()
                if 2 <= len(text.split()) <= MAX_CARD_WORDS and child.find(".//a[@href]") is not None:
                    texts.append(text)
                else:
                    misses += 1
                    if misses > 0.4 * count:
                        break
            if misses > 0.4 * count or len(texts) < MIN_CARDS:
                continue
            shape.cards += len(texts)
            priced = [t for t in texts if count_prices(t)]
            shape.priced_cards += len(priced)
            shape.cart_cards += sum(1 for t in priced if _CARD_CART.search(t))


def measure_text(tree: HtmlElement, url: str, shape: PageShape) -> None:
    """Word counts and cards of the page, once scripts and styles are gone (JSON-LD and templates,
    which stay for the extractor, are left out of the count)."""
    body = tree.find(".//body")
    if body is None:
        return
    hidden = sum(len((el.text or "").split()) for el in body.iter("script", "template"))
    # text nodes joined with spaces: adjacent elements are separate words
    shape.words = max(len(" ".join(_TEXT_NODES(body)).split()) - hidden, 0)
    shape.link_words = len(" ".join(_LINK_TEXT_NODES(body)).split())
    shape.paragraph_words = len(" ".join(_PARAGRAPH_TEXT_NODES(body)).split())
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    shape.article_links = _article_links(_HREFS(body), host) if host else 0
    measure_cards(body, shape)
