"""Author names from the page itself: marked bylines, meta tags, bylines written as text ("By Jane
Doe", a "Written by" label before the name) and the JSON state single-page apps embed in scripts.
JSON-LD authors are read with the rest of the JSON-LD in extract_meta."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

from hashwire.extract_names import byline_chunks_names, byline_names, clean_authors, split_authors
from hashwire.extract_scan import following_elements

_SKIP_TAGS = frozenset({"meta", "link", "script", "style", "img", "body", "html", "article", "main", "section"})
_SKIP_CLASSES = ("bio", "about", "comment", "avatar", "box", "related", "more-by", "card")
META_AUTHOR_KEYS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl",
                    "dcterms.creator", "cxenseparse:author")


def marked_byline(candidates: Iterable[HtmlElement]) -> list[str]:
    """Names in the first element marked as a byline (class, rel or itemprop "author")."""
    for el in candidates:
        if el.tag in _SKIP_TAGS:
            continue
        cls = (el.get("class") or "").lower()
        if any(x in cls for x in _SKIP_CLASSES):
            continue
        target = el
        if el.get("itemprop") == "author":
            names = el.xpath('.//*[@itemprop="name"]')
            if names:
                target = names[0]
        chunks = list(target.itertext())
        if not chunks or sum(len(c) for c in chunks) > 400:
            continue
        authors = byline_chunks_names(chunks)
        if authors:
            return authors[:6]
    return []


def meta_authors(meta: dict[str, str]) -> list[str]:
    """Names in author meta tags; Twitter's "Written by" label and value pair counts as one."""
    values = [meta.get(key, "") for key in META_AUTHOR_KEYS]
    if meta.get("twitter:label1", "").casefold() == "written by":
        values.insert(1, meta.get("twitter:data1", ""))
    for value in values:
        if value and not value.startswith("http"):
            names = clean_authors(split_authors(value))
            if names:
                return names
    return []


_BY_LABEL = re.compile(
    r"^(?:(?:written|words|text|article|story|posted|authored|reported|reviewed)\s+)?(?:by|von|par|por)\b\s*:?\s*"
    r"|^(?:authors?|autor(?:in)?|auteur|writer)\s*:\s*",
    re.I,
)
_LOWER_PARTICLES = frozenset({"de", "da", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin", "al",
                              "ibn", "y", "e", "di", "dos", "das"})
TEXT_BYLINE_SCAN = 300  # elements after the headline looked at


def _name_like(name: str) -> bool:
    """Capitalised words, as people's names are written; keeps "By clicking you agree" out, and a
    single run-together identifier ("NewsMediaOrganization") too."""
    words = name.replace(".", " ").split()
    if len(words) == 1 and sum(ch.isupper() for ch in words[0][1:]) >= 2:
        return False
    return bool(words) and all(w[0].isupper() or w in _LOWER_PARTICLES or not w[0].isalpha() for w in words)


_NAME_END = re.compile(r"\s(?:on|at|in|am|um|le|el)\s|\d|[|•·⋅,;(]")
_NOT_BYLINE_TAGS = frozenset({"option", "button", "select", "label", "input", "textarea", "form"})
_NOT_BYLINE_PARENTS = ("nav", "form", "select")


def _chunk_names(el: HtmlElement) -> list[str]:
    """Names in an element's text pieces ("By", "<a>Jane Doe</a>", "·", "May 1"), each piece apart."""
    return [n for n in byline_chunks_names(list(el.itertext())) if _name_like(n)]


def _in_widget(el: HtmlElement) -> bool:
    return el.tag in _NOT_BYLINE_TAGS or next(el.iterancestors(*_NOT_BYLINE_PARENTS), None) is not None


def text_byline(tree: HtmlElement) -> list[str]:
    """Names from a byline written as text after the headline: an element starting "By" or
    "Written by" followed by at most a few words of its own (the names, or nothing when they are in
    links), or such a label alone followed by an element holding the names."""
    body = tree.find(".//body")
    if body is None:
        return []
    h1 = body.find(".//h1")
    after_label = False
    for el in following_elements(body if h1 is None else h1, TEXT_BYLINE_SCAN):
        own = " ".join((el.text or "").split())
        if after_label and own:
            names = [n for n in byline_names(own) if _name_like(n)]
            if names:
                return names[:6]
            after_label = False
        label = _BY_LABEL.match(own) if own and len(own) <= 80 else None
        if label is None or len(_NAME_END.split(own[label.end():], 1)[0].split()) > 4 or _in_widget(el):
            continue  # "By clicking Subscribe you agree to ...": a sentence, not a byline
        if len(" ".join(" ".join(el.itertext()).split())) > 200:
            continue
        names = _chunk_names(el)
        if names:
            return names[:6]
        if not own[label.end():] and len(el) == 0:
            after_label = True  # "Written by" alone: the name comes next
    return []


_SCRIPT_AUTHOR = re.compile(
    r"""["'](?:author|authors|author_?name|authorName|pagePostAuthor|content_author_name)["']\s*:\s*"""
    r"""(?:\[\s*)?(?:\{[^{}]{0,200}?["']name["']\s*:\s*)?["']([^"'\\]{2,80})["']"""
)


def script_authors(tree: HtmlElement) -> list[str]:
    """An author name in a page's embedded JSON or JavaScript state (single-page apps, analytics
    data layers keep it there)."""
    for script in tree.iter("script"):
        if "ld+json" in (script.get("type") or ""):
            continue
        text = script.text or ""
        if "uthor" not in text:
            continue
        for m in _SCRIPT_AUTHOR.finditer(text):
            value = m.group(1)
            if value.startswith(("http", "/")) or not _name_like(value):
                continue
            names = clean_authors(split_authors(value))
            if names:
                return names
    return []
