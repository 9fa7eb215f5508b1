"""Page HTML -> Article: main text, metadata and a typed rejection for pages that are not articles.

The page is parsed once. Metadata is read from the untouched tree (meta tags, JSON-LD, bylines),
the main text comes from trafilatura's extraction cascade, text it skipped between two blocks it kept
is put back (extract_fill), or the densest paragraphs are read when its rules removed the article
(extract_dense), and the blocks are cleaned of the boilerplate it lets through. Feed hints fill the
gaps the page leaves and override page fields that are known to be unreliable.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import trafilatura
from lxml.html import HtmlElement

from hashwire.errors import NotAnArticle
from hashwire.extract_body import Block, body_blocks
from hashwire.extract_clean import clean_blocks
from hashwire.extract_dense import densest_blocks
from hashwire.extract_fill import fill_gaps
from hashwire.extract_meta import PageMeta, read_meta
from hashwire.extract_parse import parse_html
from hashwire.extract_reject import reject, says_article
from hashwire.extract_scan import PageShape, measure_text, scan_page
from hashwire.extract_title import strip_site_name
from hashwire.models import Article, Hints
from hashwire.normalize import canonical_url, clean_text, detect_language, to_utc
from hashwire.sanitize import sanitize_html

Cleaner = Callable[[list[Block]], list[Block]]

__all__ = ["Extraction", "extract", "extract_for_eval", "extract_full"]

_PAYWALL = re.compile(
    r"(?:subscribe to (?:continue|read)|to continue reading|this (?:article|story|content) is (?:for|only "
    r"available to) (?:subscribers|members)|already a subscriber|become a member to|sign in to read|"
    r"jetzt weiterlesen|weiterlesen mit|nur für abonnenten|plus-artikel|abonnez-vous pour lire|"
    r"réservé aux abonnés|exclusivo para suscriptores|unlock this article|start your (?:free )?trial)",
    re.I,
)


@dataclass(slots=True)
class Extraction:
    """An article together with what the page literally said (for scoring and debugging)."""

    article: Article
    published_local: str = ""  # YYYY-MM-DD in the page's own time zone


def _parse(html: str) -> HtmlElement:
    return parse_html(html)


def _drop_code(tree: HtmlElement) -> None:
    """Scripts (but JSON-LD, which the base extractor reads), styles, inline SVG, noscript fallbacks
    and the rest of <head> (its metadata is read by now): the base extractor removes them too, but
    only after copying the tree."""
    head = tree.find("head")
    doomed = [el for el in (head if head is not None else ()) if not _is_json_ld(el)]
    doomed += [el for el in tree.iter("script", "style", "svg", "noscript") if not _is_json_ld(el)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


# Elements the base extractor deletes with all they hold whatever the page (its options here keep no
# images): gone before it copies the tree, they are not copied, walked and matched against its rules.
_CHROME = ("footer", "iframe", "embed", "object", "select", "textarea", "input", "label", "picture",
           "video", "audio", "canvas", "map", "menu", "dialog", "datalist")


def _drop_chrome(tree: HtmlElement) -> None:
    """Page furniture the base extractor never keeps, and empty elements (spacers, icons, image
    slots); read by now for the page's shape."""
    for el in list(tree.iter(*_CHROME)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in reversed(list(tree.iter(*_EMPTY_DROPPED))):  # children first: a wrapper of spacers goes too
        if not len(el) and not (el.text and el.text.strip()) and el.getparent() is not None:
            el.drop_tree()


_EMPTY_DROPPED = ("div", "span", "i", "img", "p", "a", "b", "em", "strong", "small", "section", "picture", "source")


def _is_json_ld(el: HtmlElement) -> bool:
    return el.tag == "script" and "ld+json" in (el.get("type") or "")


def _run_base(tree: HtmlElement, url: str, *, fast: bool) -> Any:
    return trafilatura.bare_extraction(
        tree, url=url or None, fast=fast, with_metadata=False, include_comments=False, include_tables=True,
        include_formatting=False, include_links=False, include_images=False,
    )


def _body(doc: Any) -> list[Block]:
    if doc is None or getattr(doc, "body", None) is None:
        return []
    return body_blocks(doc.body)


def _main_blocks(tree: HtmlElement, url: str, meta: PageMeta, shape: PageShape, clean: Cleaner,
                 html_title: str) -> list[Block]:
    """The base extractor's main text as cleaned blocks. Its fast path first; the full cascade
    (comparison with other algorithms) only when the fast result covers little of the page's text
    and does not already show the page to be a listing. Raises NotAnArticle."""
    doc: Any = _run_base(tree, url, fast=True)
    blocks = clean(_body(doc))
    words = len(doc.text.split()) if doc is not None and doc.text else 0
    words = max(words, sum(b.words for b in blocks))  # with the text put back between its blocks
    thin = (words < FULL_CASCADE_MIN_WORDS or words < FULL_CASCADE_SHARE * shape.words) \
        and shape.link_density < FULL_CASCADE_MAX_LINK_DENSITY  # link-heavy pages: listings, no rescue
    thin = thin or words < FULL_CASCADE_SHARE * shape.paragraph_words  # paragraphs left out
    if not thin:
        reject(url, meta, shape, blocks, html_title)
        return blocks
    try:  # a clear listing as it stands: the slower cascade would not change that
        reject(url, meta, shape, blocks, html_title, margin=PRE_RESCUE_MARGIN)
    except NotAnArticle as exc:
        if exc.reason not in ("too_short", "error_page", "consent_wall"):
            raise
    full = _run_base(tree, url, fast=False)
    if full is not None and full.text and len(full.text.split()) >= words:
        blocks = clean(_body(full))
    words = sum(b.words for b in blocks)
    # the page says it is an article but the base extractor's rules removed most of its paragraphs
    if words < DENSE_SHARE * shape.paragraph_words and (says_article(meta) or meta.published is not None):
        dense = clean(densest_blocks(tree))
        if sum(b.words for b in dense) > words:
            blocks = dense
    reject(url, meta, shape, blocks, html_title)
    return blocks


FULL_CASCADE_MIN_WORDS = 250
FULL_CASCADE_SHARE = 0.3
FULL_CASCADE_MAX_LINK_DENSITY = 0.4
DENSE_SHARE = 0.3  # kept words below this share of the page's paragraph words: read the densest paragraphs
PRE_RESCUE_MARGIN = 2.0  # extra listing score needed to reject a thin page before the full cascade


def _section(url: str, meta: PageMeta) -> str:
    if meta.section:
        return meta.section.strip()
    segs = [s for s in urlsplit(url).path.split("/") if s]
    for seg in segs[:-1]:
        if seg.isalpha() and 2 < len(seg) < 25:
            return seg.lower()
    return ""


def _published(meta: PageMeta, hints: Hints | None) -> tuple[datetime | None, str]:
    page = meta.published
    if page is not None:
        return page, page.date().isoformat()
    if hints and hints.published:
        return hints.published, hints.published.date().isoformat()
    return None, ""


def extract_full(html: str, url: str, *, hints: Hints | None = None) -> Extraction:
    """extract(), plus the publication date as the page wrote it."""
    tree = _parse(html)
    shape = scan_page(tree)
    meta = read_meta(tree, url, shape)
    html_title = tree.findtext(".//title") or ""
    _drop_code(tree)
    measure_text(tree, url, shape)
    _drop_chrome(tree)
    title = meta.title
    if hints and hints.title:
        feed_title = strip_site_name(hints.title, [meta.site_name] if meta.site_name else [], url)
        title = title or feed_title
    authors = meta.authors or (list(hints.authors) if hints else [])

    def clean(blocks: list[Block]) -> list[Block]:
        return clean_blocks(fill_gaps(tree, blocks), title=title, authors=authors, published=meta.published)

    try:
        blocks = _main_blocks(tree, url, meta, shape, clean, html_title)
    except NotAnArticle as exc:
        exc.page_meta = meta  # type: ignore[attr-defined]
        raise
    text = clean_text("\n\n".join(b.text for b in blocks if b.text))
    words = len(text.split())
    published, local_day = _published(meta, hints)
    language = detect_language(text) or meta.html_lang or (hints.language if hints else "")
    base = meta.canonical or url
    partial = meta.free is False or bool(_PAYWALL.search(text[-600:])) or (
        bool(hints and hints.summary) and words < 80)
    keywords = list(meta.keywords)
    if hints:
        keywords += [c for c in hints.categories if c not in keywords]
    article = Article(
        url=canonical_url(base) if base else "",
        title=clean_text(title).replace("\n", " "),
        text=text,
        html=sanitize_html("".join(b.html for b in blocks), base),
        authors=authors,
        published=to_utc(published),
        updated=to_utc(meta.updated),
        image=meta.image or (hints.image if hints else ""),
        language=language,
        site_name=meta.site_name,
        section=_section(url, meta),
        description=meta.description or (hints.summary if hints else ""),
        keywords=keywords,
        partial=partial,
    )
    return Extraction(article, local_day)


def extract(html: str, url: str, *, hints: Hints | None = None) -> Article:
    """The article on the page; raises NotAnArticle(reason) for pages that are not one."""
    return extract_full(html, url, hints=hints).article


def extract_for_eval(html: str, url: str) -> dict[str, Any]:
    """Adapter for the extraction scorer: text, title, author and date; empty text when rejected."""
    try:
        ex = extract_full(html, url)
    except NotAnArticle as exc:
        # not an article, but what the page says about itself is still scored
        meta = getattr(exc, "page_meta", None)
        if meta is None:
            return {"text": "", "title": "", "author": "", "date": ""}
        day = meta.published.date().isoformat() if meta.published else ""
        return {"text": "", "title": meta.title, "author": "; ".join(meta.authors), "date": day}
    art = ex.article
    return {"text": art.text, "title": art.title, "author": "; ".join(art.authors), "date": ex.published_local}
