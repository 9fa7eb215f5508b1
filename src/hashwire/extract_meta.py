"""Page metadata from <meta> tags, JSON-LD, microdata and visible bylines. Reads the tree, never changes it."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from hashwire.extract_authors import marked_byline, meta_authors, script_authors, text_byline
from hashwire.extract_dates import parse_date, parse_text_date, url_date
from hashwire.extract_names import clean_authors, split_authors
from hashwire.extract_scan import PageShape, byline_elements, dated_elements, following_elements, scan_page
from hashwire.extract_title import choose_title

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
     "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "report",
     "scholarlyarticle", "techarticle", "socialmediaposting", "review", "posting", "medicalwebpage",
     "howto", "recipe", "advertisercontentarticle", "satiricalarticle", "askpublicnewsarticle"}
)
LISTING_TYPES = frozenset({"collectionpage", "searchresultspage", "profilepage", "store", "offercatalog",
                           "product", "productgroup", "realestatelisting"})


@dataclass(slots=True)
class PageMeta:
    title: str = ""
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # in the offset the page stated
    updated: datetime | None = None
    image: str = ""
    canonical: str = ""
    site_name: str = ""
    section: str = ""
    description: str = ""
    keywords: list[str] = field(default_factory=list)
    og_type: str = ""
    html_lang: str = ""
    ld_types: set[str] = field(default_factory=set)
    free: bool | None = None  # JSON-LD isAccessibleForFree
    meta: dict[str, str] = field(default_factory=dict)


def _meta_tags(tree: HtmlElement) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip()
        value = (el.get("content") or "").strip()
        if key and value:
            out.setdefault(key.lower(), html.unescape(value) if "&" in value else value)
    return out


def _ld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    objs: list[dict[str, Any]] = []
    for script in tree.xpath('//script[contains(@type, "ld+json")]'):
        raw = (script.text or "").strip()
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            try:
                data = json.loads(re.sub(r"[\x00-\x1f]", " ", raw))
            except ValueError:
                continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                objs.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return objs


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items if x}


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and value:
        return _text(value[0])
    if isinstance(value, dict):
        return _text(value.get("name") or value.get("url") or value.get("@value") or "")
    return ""


def _ld_names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in by_id:
            item = by_id[item["@id"]]
        if isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(str(x) for x in name)
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName', '')} {item.get('familyName', '')}"
            if isinstance(name, str) and name.strip():
                names.append(name.strip())
        elif isinstance(item, str) and item.strip():
            names.extend(split_authors(item))
    return names


def _ld_authors(value: Any, by_id: dict[str, dict[str, Any]]) -> tuple[list[str], list[str]]:
    """(people, organisations) named as JSON-LD authors."""
    items = value if isinstance(value, list) else [value]
    people: list[str] = []
    orgs: list[str] = []
    for item in items:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in by_id:
            item = by_id[item["@id"]]
        names = _ld_names(item, by_id)
        is_org = isinstance(item, dict) and bool(_types(item) & {"organization", "newsmediaorganization",
                                                                  "corporation", "brand"})
        (orgs if is_org else people).extend(names)
    return people, orgs


def _image(value: Any) -> str:
    if isinstance(value, list):
        return _image(value[0]) if value else ""
    if isinstance(value, dict):
        return str(value.get("url") or value.get("contentUrl") or "")
    return value if isinstance(value, str) else ""


def _visible_date(candidates: Iterable[HtmlElement]) -> datetime | None:
    for el in candidates:
        cls = (el.get("class") or "").lower()
        if any(x in cls for x in ("update", "modif", "comment")):
            continue
        value = el.get("datetime") or el.get("content") or ""
        dt = parse_date(value) if value else None
        if dt is None:
            text = " ".join(el.text_content().split())
            if 6 <= len(text) <= 80:
                dt = parse_text_date(text)
        if dt is not None:
            return dt
    return None


_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|publishDate|published_at|publishedAt|first_publication_date|'
    r'publicationDate|date_published|pubDate|publish_date|releaseDate)"\s*:\s*"([^"]{8,40})"'
)
_UPDATED_LABEL = re.compile(r"\b(?:updated|modified|aktualisiert|mis à jour|actualizado)\b", re.I)


def _script_date(tree: HtmlElement) -> datetime | None:
    """A publication date in a page's embedded JSON state (single-page apps keep it there)."""
    for script in tree.iter("script"):
        text = script.text or ""
        if "ublish" not in text and "pubDate" not in text and "release" not in text:
            continue
        m = _SCRIPT_DATE.search(text)
        if m:
            dt = parse_date(m.group(1))
            if dt:
                return dt
    return None


_DIGIT = re.compile(r"\d")


def _short_date(text: str | None) -> tuple[datetime | None, bool]:
    """The date in a short piece of text, and whether the text labels it an update."""
    if not text or len(text) > 400:
        return None, False
    text = text.strip(" \t\n\r-–—|•·")
    if not 6 <= len(text) <= 60 or _DIGIT.search(text) is None or len(text.split()) > 8:
        return None, False
    dt = parse_text_date(text)
    return dt, dt is not None and bool(_UPDATED_LABEL.search(text))


def _headline_element(body: HtmlElement, title: str) -> HtmlElement | None:
    """The <h1> holding the headline, else the first <h1>."""
    h1s = list(body.iter("h1"))
    key = " ".join(title.casefold().split())
    return next((h for h in h1s if key and " ".join(h.text_content().casefold().split()) == key),
                h1s[0] if h1s else None)


def _text_date(tree: HtmlElement, title: str = "") -> tuple[datetime | None, bool]:
    """A date standing alone in a short piece of text near the headline ("Published on July 18,
    2025", "Jane Doe - May 1, 2025"), and whether it is a confident one: within a few elements of
    the headline or shortly before it (dates further down are as often those of teasers for other
    articles). Dates labelled as updates count only when there is no other."""
    body = tree.find(".//body")
    if body is None:
        return None, False
    h1 = _headline_element(body, title)
    before = None
    after = following_elements(body if h1 is None else h1, TEXT_DATE_SCAN)
    if h1 is not None:
        for el in reversed(_BEFORE_HEADLINE(h1)):  # nearest first
            before = _short_date(el.tail)[0] or _short_date(el.text)[0]
            if before is not None:
                break
    fallback: tuple[datetime | None, bool] | None = None
    for seen, el in enumerate(after, start=1):
        for text in (el.text, el.tail):
            dt, updated = _short_date(text)
            if dt is None:
                continue
            near = seen <= TEXT_DATE_NEAR
            if not near and before is not None:
                return before, True
            if not updated:
                return dt, near
            fallback = fallback or (dt, near)
    if fallback is None and before is not None:
        return before, True
    return fallback or (None, False)


TEXT_DATE_SCAN = 300  # elements after the headline looked at
TEXT_DATE_NEAR = 100  # a date within this many elements of the headline is the article's own
TEXT_DATE_BEFORE = 30  # or within this many before it (kickers and hero blocks above the headline)
_NOT_CODE = "[not(self::script or self::style)]"
_BEFORE_HEADLINE = etree.XPath(f"preceding::*{_NOT_CODE}[position() <= {TEXT_DATE_BEFORE}]")


def _parsed(values: list[str]) -> datetime | None:
    return next((dt for dt in (parse_date(v) for v in values if v) if dt is not None), None)


def _publication_date(tree: HtmlElement, url: str, shape: PageShape, meta: dict[str, str],
                      article: dict[str, Any], webpage: dict[str, Any], title: str) -> datetime | None:
    """The day comes from the first source in order of reliability: a date in the URL, the
    article:published_time tag, a date standing near the headline, then other metadata, dated
    elements and script state. The time of day comes from any source naming that same day."""
    structured = [
        _parsed([_text(webpage.get("datePublished"))]), _parsed([_text(article.get("datePublished"))]),
        _parsed([meta.get(key, "") for key in _PUBLISHED_KEYS] + [_text(article.get("dateCreated"))]),
    ]
    meta_pub = _parsed([meta.get("article:published_time", "")])
    # the page-walking sources are read only when the cheap ones before them name no day
    day = url_date(url) or meta_pub
    visible: datetime | None = None
    visible_read = False
    if day is None:
        text_day, confident = _text_date(tree, title)
        if confident:
            day = text_day or next((dt for dt in structured if dt is not None), None)
        else:
            day = next((dt for dt in structured if dt is not None), None)
            if day is None:
                visible, visible_read = _visible_date(dated_elements(tree)), True
                day = visible or text_day
    if day is None:
        return (visible if visible_read else _visible_date(dated_elements(tree))) or _script_date(tree)
    timed = [meta_pub, *structured]
    return next((dt for dt in timed if dt is not None and dt.date() == day.date()), day)


_PUBLISHED_KEYS = ("og:published_time", "datepublished", "publish-date", "publishdate", "pubdate", "published",
                   "published-date", "publication-date", "parsely-pub-date", "sailthru.date", "date",
                   "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created", "article.published",
                   "citation_publication_date", "citation_date")


def _same_site(a: str, b: str) -> bool:
    ha, hb = (urlsplit(a).hostname or "").removeprefix("www."), (urlsplit(b).hostname or "").removeprefix("www.")
    return bool(ha) and (ha == hb or ha.endswith("." + hb) or hb.endswith("." + ha))


def read_meta(tree: HtmlElement, url: str, shape: PageShape | None = None) -> PageMeta:
    """Everything the page says about itself, each field from its most reliable source. `shape` is
    the page's scan (byline and date candidates); made here when not given."""
    shape = shape or scan_page(tree)
    meta = _meta_tags(tree)
    pm = PageMeta(meta=meta)
    objs = _ld_objects(tree)
    by_id = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)}
    article: dict[str, Any] = {}
    for o in objs:
        types = _types(o)
        pm.ld_types |= types
        if not article and types & ARTICLE_TYPES:
            article = o
        if "isAccessibleForFree" in o and pm.free is None:
            pm.free = str(o["isAccessibleForFree"]).lower() not in ("false", "0", "no")
    site_names = [meta.get("og:site_name", ""), meta.get("application-name", ""), meta.get("al:ios:app_name", "")]
    for o in objs:
        if _types(o) & {"website", "organization", "newsmediaorganization"}:
            site_names.append(_text(o.get("name")))
    publisher = article.get("publisher")
    if isinstance(publisher, dict) and publisher.get("@id") in by_id and "name" not in publisher:
        publisher = by_id[publisher["@id"]]
    site_names.append(_text(publisher))
    pm.site_name = next((s for s in site_names if s), "")

    h_title = _text(article.get("headline") or article.get("name"))
    pm.title = choose_title(tree, [h_title, meta.get("og:title", ""), meta.get("twitter:title", "")],
                            tree.findtext(".//title") or "", [s for s in site_names if s], url)

    ld_people, ld_orgs = _ld_authors(article.get("author"), by_id) if article else ([], [])
    authors = marked_byline(byline_elements(tree)) or clean_authors(ld_people) or meta_authors(meta) \
        or text_byline(tree) or script_authors(tree) or clean_authors(ld_orgs)
    pm.authors = [a for a in authors if a.casefold() not in {s.casefold() for s in site_names if s}] or authors

    webpage = next((o for o in objs if _types(o) & {"webpage", "itempage", "aboutpage", "faqpage"}), {})
    pm.published = _publication_date(tree, url, shape, meta, article, webpage, pm.title)
    for value in (_text(article.get("dateModified")), meta.get("article:modified_time", ""),
                  meta.get("og:updated_time", ""), meta.get("datemodified", ""), meta.get("last-modified", "")):
        if value:
            pm.updated = parse_date(value)
            if pm.updated:
                break

    image = _image(article.get("image")) or meta.get("og:image", "") or meta.get("twitter:image", "") \
        or meta.get("twitter:image:src", "")
    pm.image = urljoin(url, image) if image else ""
    canonical = ""
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower().strip() == "canonical" and link.get("href"):
            canonical = urljoin(url, link.get("href", "").strip())
            break
    canonical = canonical or (urljoin(url, meta["og:url"]) if meta.get("og:url") else "")
    pm.canonical = canonical if canonical and (not url or _same_site(canonical, url)) else ""
    pm.section = _text(article.get("articleSection")) or meta.get("article:section", "") \
        or meta.get("parsely-section", "") or meta.get("section", "")
    pm.description = meta.get("og:description", "") or meta.get("description", "") \
        or _text(article.get("description"))
    kw: Any = article.get("keywords") or meta.get("news_keywords") or meta.get("keywords") or ""
    if isinstance(kw, list):
        pm.keywords = [str(k).strip() for k in kw if str(k).strip()]
    else:
        pm.keywords = [k.strip() for k in str(kw).split(",") if k.strip()]
    pm.keywords += [v for k, v in meta.items() if k == "article:tag" and v not in pm.keywords]
    pm.og_type = meta.get("og:type", "").lower()
    root = tree.getroottree().getroot()
    pm.html_lang = (root.get("lang") or root.get("xml:lang") or meta.get("content-language", ""))[:2].lower()
    return pm
