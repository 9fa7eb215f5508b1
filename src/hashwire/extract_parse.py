"""Page HTML -> lxml tree for extraction.

The parser makes every element an lxml.html HtmlElement through lxml's C-level default lookup.
lxml.html's own parser picks element classes (forms, inputs, labels) with a lookup written in
Python, called each time an element is touched from Python; the main-text extractor touches every
element many times over, and the Python lookup was about a tenth of its time. Nothing here uses
the form classes.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from hashwire.errors import NotAnArticle

__all__ = ["parse_html"]

_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                               remove_pis=True)
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_BAD_DOCTYPE = re.compile(r"^< ?! ?DOCTYPE[^>]*/[^<>]*>", re.I)  # a "/" inside the doctype trips libxml2
_SELF_CLOSED_HTML = re.compile(r"(<html[^>]*?)\s*/>", re.I)
_END_OF_PAGE = re.compile(r"</(?:body|html)\s*>", re.I)
_START_TAG = re.compile(r"<[a-zA-Z]")


def _reopen_body(html: str) -> str:
    """Pages that close </body></html> and go on (a header template closing the page before the
    article): browsers put what follows in the body, the parser drops it. The early end tags go."""
    first = _END_OF_PAGE.search(html)
    if first is None or _START_TAG.search(html, first.end()) is None:
        return html
    return _END_OF_PAGE.sub("", html)


def _repair_start(html: str, beginning: str) -> str:
    """Fixes confined to the first lines, so the whole page is never run through a regex."""
    if "doctype" in beginning:
        first, sep, rest = html.partition("\n")
        html = _BAD_DOCTYPE.sub("", first, count=1) + sep + rest
    for line in html[:4096].splitlines()[:4]:
        if "<html" in line.lower() and line.rstrip().endswith("/>"):
            head, rest = html[:4096], html[4096:]
            return _SELF_CLOSED_HTML.sub(r"\1>", head, count=1) + rest
    return html


def _from_bytes(html: str) -> HtmlElement | None:
    """The page encoded as UTF-8 for the parser: the same tree as from the string, parsed in about
    four fifths of the time; lone surrogates pass through (libxml2 replaces them)."""
    try:
        return lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (ValueError, etree.ParserError):  # an empty document
        return None


def parse_html(html: str) -> HtmlElement:
    """The page's tree; NotAnArticle("too_short") when there is no HTML document in it."""
    beginning = html[:50].lower()
    html = _reopen_body(_repair_start(html, beginning))
    tree = _from_bytes(html)
    if tree is None or len(tree) < 1:
        retried = _from_bytes(_CONTROL.sub("", html))
        tree = retried if retried is not None else tree
    if tree is None or ("html" not in beginning and len(tree) < 2):
        raise NotAnArticle("too_short", "no HTML")
    return tree
