"""Plain data that flows through the pipeline. No I/O here."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


def article_id(canonical_url: str) -> str:
    """The 32-hex id of an article: a digest of its canonical URL (Daily8-compatible /en/article/<id>)."""
    return hashlib.md5(canonical_url.encode("utf-8"), usedforsecurity=False).hexdigest()


@dataclass(slots=True)
class Source:
    """Somewhere articles come from: a feed, a news sitemap or a single page submitted by hand."""

    url: str
    kind: str = "feed"  # feed | sitemap | page
    title: str = ""
    site_url: str = ""
    slug: str = ""
    language: str = ""
    id: int | None = None
    # polling state, kept by the store and decided by schedule.py
    etag: str = ""
    last_modified: str = ""
    next_fetch_at: datetime | None = None
    last_fetched_at: datetime | None = None
    last_status: str = ""  # "ok", "not_modified" or a FetchError kind
    error_count: int = 0
    last_error: str = ""
    disabled: bool = False
    interval_seconds: int = 900


@dataclass(slots=True)
class Entry:
    """One item of a feed, as the feed stated it (times are timezone-aware UTC or None)."""

    guid: str
    link: str
    title: str = ""
    summary: str = ""
    content_html: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    authors: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    image: str = ""
    language: str = ""


@dataclass(slots=True)
class Feed:
    """A parsed feed document."""

    title: str = ""
    link: str = ""
    language: str = ""
    format: str = ""  # rss20 | rss09 | rdf | atom10 | atom03 | jsonfeed | sitemap
    ttl_minutes: int | None = None
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)  # child sitemaps listed by a sitemap index


@dataclass(slots=True)
class Hints:
    """What the feed already said about an article, handed to extract() to combine with the page."""

    title: str = ""
    published: datetime | None = None
    authors: list[str] = field(default_factory=list)
    summary: str = ""
    categories: list[str] = field(default_factory=list)
    image: str = ""
    language: str = ""


@dataclass(slots=True)
class Article:
    """One article: extracted text and metadata, then the pipeline's decisions about it."""

    url: str  # canonical URL
    title: str
    text: str  # plain text, paragraphs separated by a blank line
    id: str = ""  # article_id(url) when left empty
    html: str = ""  # sanitized HTML of the main text
    authors: list[str] = field(default_factory=list)
    published: datetime | None = None  # UTC
    updated: datetime | None = None  # UTC
    image: str = ""
    language: str = ""  # ISO 639-1, e.g. "en", "ar"
    site_name: str = ""
    section: str = ""  # section hint from URL path, breadcrumbs or metadata
    description: str = ""
    keywords: list[str] = field(default_factory=list)  # page/feed keywords and categories
    partial: bool = False  # paywalled or teaser: not the full text
    # provenance
    source_id: int | None = None
    source_name: str = ""
    guid: str = ""
    fetched_at: datetime | None = None
    # pipeline decisions
    content_hash: str = ""
    duplicate_of: str | None = None  # id of the canonical copy when this is a folded duplicate
    story_id: str | None = None
    hashtags: list[str] = field(default_factory=list)  # display form, best first: "NorthKorea"
    category: str = ""
    embedding: bytes = field(default=b"", repr=False)  # float32 sentence embedding (optional channel), else b""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.url)


@dataclass(slots=True)
class Story:
    """Coverage of one event across outlets."""

    id: str
    title: str
    first_seen: datetime
    last_seen: datetime
    lead_article_id: str = ""
    article_count: int = 0
    source_count: int = 0
    category: str = ""
    language: str = ""
    hashtags: list[str] = field(default_factory=list)
    merged_into: str | None = None


@dataclass(slots=True)
class TagStat:
    """A hashtag with the activity counted for it in some window."""

    key: str  # lower-case lookup key: "northkorea"
    display: str  # "NorthKorea"
    articles: int = 0
    stories: int = 0
    sources: int = 0
    score: float = 0.0


@dataclass(slots=True)
class SearchHit:
    article: Article
    snippet: str = ""  # HTML with <mark> around matched terms; everything else escaped
    rank: float = 0.0
