"""One pass over the raw page for what metadata reading and listing detection look at: byline and
date candidates, teaser links, <article> elements, words in and out of links.

A single walk in Python is cheaper here than XPath: libxml2 evaluates contains() predicates on
attributes slowly, and a dozen of them per element over a large page cost more than the extraction
steps they feed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

_COUNTED = frozenset({"h1", "h2", "h3", "h4", "article"})
_ITEM_TEASERS = etree.XPath("count(.//li[a[@href][string-length(normalize-space(.)) > 25]])")
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)
_LINK_TEXT_NODES = etree.XPath(".//a//text()", smart_strings=False)
_PARAGRAPH_TEXT_NODES = etree.XPath(".//p//text()", smart_strings=False)
_HREFS = etree.XPath(".//a/@href", smart_strings=False)
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
    h1: str = ""
    bylines: list[HtmlElement] = field(default_factory=list)  # elements marked as author/byline
    dates: list[HtmlElement] = field(default_factory=list)  # <time datetime> and date-marked elements

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
    """Candidate elements and teaser counts over the whole page, in document order."""
    shape = PageShape()
    bylines, dates = shape.bylines, shape.dates
    for el in tree.iter(etree.Element):
        tag = el.tag
        if tag in _COUNTED:
            if tag == "article":
                shape.articles += 1
            elif tag == "h1":
                shape.h1 = shape.h1 or " ".join(el.text_content().split())
            else:
                shape.teaser_links += _linked_heading(el)
        if not el.keys():  # most elements have no attributes
            continue
        cls = el.get("class") or ""
        ident = el.get("id") or ""
        itemprop = el.get("itemprop")
        if ("byline" in cls or "author" in cls or "Author" in cls or "autor" in cls or "writer" in cls
                or "author" in ident or itemprop == "author" or el.get("rel") == "author"
                or "author" in (el.get("data-testid") or "")):
            bylines.append(el)
        if ("date" in cls or "time" in cls or "publish" in cls or itemprop == "datePublished"
                or (tag == "time" and el.get("datetime") is not None)):
            dates.append(el)
    del bylines[MAX_BYLINES:], dates[MAX_DATES:]
    shape.teaser_links += int(_ITEM_TEASERS(tree))
    return shape


def measure_text(tree: HtmlElement, url: str, shape: PageShape) -> None:
    """Word counts of the page, once scripts and styles are gone (JSON-LD and templates, which
    stay for the extractor, are left out of the count)."""
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
