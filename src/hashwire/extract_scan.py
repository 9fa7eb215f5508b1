"""One pass over the raw page for what metadata reading and listing detection look at: byline and
date candidates, teaser links, <article> elements, words in and out of links.

A single walk in Python is cheaper here than XPath: libxml2 evaluates contains() predicates on
attributes slowly, and a dozen of them per element over a large page cost more than the extraction
steps they feed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree
from lxml.html import HtmlElement

_COUNTED = frozenset({"h1", "h2", "h3", "h4", "li", "article"})
_NON_TEXT = ("script", "style", "noscript", "template")
_TEXT_NODES = etree.XPath(".//text()", smart_strings=False)
_LINK_TEXT_NODES = etree.XPath(".//a//text()", smart_strings=False)
MAX_BYLINES = 60
MAX_DATES = 30


@dataclass(slots=True)
class PageShape:
    """Measures of the raw page taken before extraction changes the tree."""

    teaser_links: int = 0  # headings whose text is a link, and list items led by a link
    articles: int = 0  # <article> elements
    link_words: int = 0
    words: int = 0
    h1: str = ""
    bylines: list[HtmlElement] = field(default_factory=list)  # elements marked as author/byline
    dates: list[HtmlElement] = field(default_factory=list)  # <time datetime> and date-marked elements

    @property
    def link_density(self) -> float:
        return self.link_words / self.words if self.words else 1.0


def _linked_heading(el: HtmlElement) -> bool:
    parent = el.getparent()
    if parent is not None and (parent.tag == "a" or ((grand := parent.getparent()) is not None and grand.tag == "a")):
        return True
    return any(child.tag == "a" and child.get("href") is not None for child in el)


def _teaser_item(el: HtmlElement) -> bool:
    return any(child.tag == "a" and child.get("href") is not None and len(" ".join(child.text_content().split())) > 25
               for child in el)


def scan_page(tree: HtmlElement) -> PageShape:
    """Counts and candidate elements over the whole page, in document order."""
    shape = PageShape()
    bylines, dates = shape.bylines, shape.dates
    for el in tree.iter(etree.Element):
        tag = el.tag
        if tag in _COUNTED:
            if tag == "li":
                shape.teaser_links += _teaser_item(el)
            elif tag == "article":
                shape.articles += 1
            elif tag == "h1":
                shape.h1 = shape.h1 or " ".join(el.text_content().split())
            else:
                shape.teaser_links += _linked_heading(el)
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
    body = tree.find(".//body")
    if body is not None:  # text nodes joined with spaces: adjacent elements are separate words
        hidden = sum(len((el.text or "").split()) for el in body.iter(*_NON_TEXT))
        shape.words = max(len(" ".join(_TEXT_NODES(body)).split()) - hidden, 0)
        shape.link_words = len(" ".join(_LINK_TEXT_NODES(body)).split())
    return shape
