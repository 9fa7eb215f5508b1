"""Row <-> model conversion shared by both backends, and small pure helpers (slugs, snippets, queries).

Rows are plain tuples in the column order named by the *_COLUMNS strings below, so the same SELECT
text works on SQLite and PostgreSQL. Times cross the boundary through a codec: SQLite keeps integer
microseconds since the epoch (UTC), PostgreSQL keeps timestamptz.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import orjson

from ..hashtag_form import tag_key
from ..models import Article, Source, Story

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

ARTICLE_COLUMNS = (
    "id, url, title, text, html, authors, published, updated, image, language, site_name, section, "
    "description, keywords, partial, source_id, source_name, guid, fetched_at, content_hash, "
    "duplicate_of, story_id, hashtags, category, embedding"
)
ARTICLE_FIELDS = len(ARTICLE_COLUMNS.split(","))  # a query's extra column comes at this index
SOURCE_COLUMNS = (
    "id, url, kind, title, site_url, slug, language, etag, last_modified, next_fetch_at, "
    "last_fetched_at, last_status, error_count, last_error, disabled, interval_seconds"
)
STORY_COLUMNS = (
    "id, title, first_seen, last_seen, lead_article_id, article_count, source_count, category, "
    "language, hashtags, merged_into"
)

TimeIn = Callable[[datetime | None], Any]
TimeOut = Callable[[Any], datetime | None]


def utc(dt: datetime | None) -> datetime | None:
    """Aware UTC datetime; naive input is taken to be UTC already."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


_MICROSECOND = timedelta(microseconds=1)


def micros(dt: datetime | None) -> int | None:
    """SQLite time codec, in: datetime (naive taken as UTC) -> integer microseconds since the epoch."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return (dt - EPOCH) // _MICROSECOND


def from_micros(value: Any) -> datetime | None:
    """SQLite time codec, out."""
    if value is None:
        return None
    return EPOCH + timedelta(microseconds=int(value))


def sort_time(article: Article) -> datetime:
    """The time listings sort by: published, else fetched, else the epoch."""
    return utc(article.published) or utc(article.fetched_at) or EPOCH


def dumps(items: Sequence[str]) -> str:
    return orjson.dumps(list(items)).decode("utf-8") if items else "[]"


def loads(value: Any) -> list[str]:
    if not value or value == "[]":
        return []
    out = orjson.loads(value)
    return [str(x) for x in out] if isinstance(out, list) else []


@functools.lru_cache(maxsize=65_536)
def cached_tag_key(display: str) -> str:
    """tag_key, remembered: the same few thousand hashtags come back in every batch."""
    return tag_key(display)


def article_params(a: Article, t: TimeIn) -> tuple[Any, ...]:
    """Parameters in ARTICLE_COLUMNS order, then sort_at."""
    return (
        a.id, a.url, a.title, a.text, a.html, dumps(a.authors), t(a.published), t(a.updated), a.image,
        a.language, a.site_name, a.section, a.description, dumps(a.keywords), int(a.partial),
        a.source_id, a.source_name, a.guid, t(a.fetched_at), a.content_hash, a.duplicate_of,
        a.story_id, dumps(a.hashtags), a.category, a.embedding or None, t(sort_time(a)),
    )


def article_from_row(r: Sequence[Any], t: TimeOut) -> Article:
    return Article(
        id=r[0], url=r[1], title=r[2], text=r[3], html=r[4], authors=loads(r[5]), published=t(r[6]),
        updated=t(r[7]), image=r[8], language=r[9], site_name=r[10], section=r[11], description=r[12],
        keywords=loads(r[13]), partial=bool(r[14]), source_id=r[15], source_name=r[16], guid=r[17],
        fetched_at=t(r[18]), content_hash=r[19], duplicate_of=r[20], story_id=r[21],
        hashtags=loads(r[22]), category=r[23], embedding=bytes(r[24]) if r[24] else b"",
    )


def source_from_row(r: Sequence[Any], t: TimeOut) -> Source:
    return Source(
        id=r[0], url=r[1], kind=r[2], title=r[3], site_url=r[4], slug=r[5], language=r[6], etag=r[7],
        last_modified=r[8], next_fetch_at=t(r[9]), last_fetched_at=t(r[10]), last_status=r[11],
        error_count=r[12], last_error=r[13], disabled=bool(r[14]), interval_seconds=r[15],
    )


def story_params(s: Story, t: TimeIn) -> tuple[Any, ...]:
    return (
        s.id, s.title, t(s.first_seen), t(s.last_seen), s.lead_article_id, s.article_count,
        s.source_count, s.category, s.language, dumps(s.hashtags), s.merged_into,
    )


def story_from_row(r: Sequence[Any], t: TimeOut) -> Story:
    first = t(r[2]) or EPOCH
    last = t(r[3]) or first
    return Story(
        id=r[0], title=r[1], first_seen=first, last_seen=last, lead_article_id=r[4],
        article_count=r[5], source_count=r[6], category=r[7], language=r[8], hashtags=loads(r[9]),
        merged_into=r[10],
    )


def slugify(text: str) -> str:
    """A URL slug from a title or host name: ASCII letters and digits joined by dashes."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:60].strip("-")


def source_slug_base(source: Source) -> str:
    """Slug from the site/feed title, else the site's host, else the feed's host."""
    for candidate in (source.title, _host(source.site_url), _host(source.url)):
        slug = slugify(candidate)
        if slug:
            return slug
    return "source"


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(text: str) -> list[str]:
    """The words of a user's search text (operators and punctuation dropped), at most 16."""
    return [w.lower() for w in _WORD.findall(text)][:16]


def fts5_query(terms: Sequence[str]) -> str:
    """FTS5 MATCH text: every term required, each quoted so none is read as an operator."""
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


@functools.lru_cache(maxsize=256)
def _terms_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", re.IGNORECASE)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _first_match(text: str, terms: Sequence[str], pattern: re.Pattern[str]) -> int | None:
    """Offset of the first whole-word, case-insensitive match of any term in `text`, or None. Plain
    substring search on the lower-cased text (much faster than the regex over a long body); the regex
    is kept for texts whose lower-casing changes their length (offsets would not line up)."""
    low = text.lower()
    if len(low) != len(text):
        found = pattern.search(text)
        return found.start() if found is not None else None
    best: int | None = None
    for term in terms:
        i = low.find(term, 0, best if best is None else best + len(term))
        while i >= 0:
            end = i + len(term)
            if (i == 0 or not _is_word_char(low[i - 1])) and (end == len(low) or not _is_word_char(low[end])):
                best = i
                break
            i = low.find(term, i + 1, best if best is None else best + len(term))
    return best


def make_snippet(text: str, title: str, terms: Sequence[str], chars: int = 220) -> str:
    """About `chars` characters of `text` around the first matched term (else of the title), cut at
    spaces, HTML-escaped, every whole-word match of a term wrapped in <mark>. Made here, not by the
    database, so both backends give the same snippet and only the page's hits pay for it."""
    pattern = _terms_pattern(tuple(terms)) if terms else None
    body, first = text, _first_match(text, terms, pattern) if pattern else None
    if pattern is not None and first is None and (in_title := _first_match(title, terms, pattern)) is not None:
        body, first = title, in_title
    start = max(0, first - chars // 4) if first is not None else 0
    if start > 0:
        space = body.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    end = start + chars
    if end < len(body):
        space = body.rfind(" ", start, end)
        end = space if space > start else end
    window = " ".join(body[start:end].split())
    if pattern is None:
        return html.escape(window, quote=False)
    out, pos = [], 0
    for m in pattern.finditer(window):
        out.append(html.escape(window[pos : m.start()], quote=False))
        out.append("<mark>" + html.escape(m.group(0), quote=False) + "</mark>")
        pos = m.end()
    out.append(html.escape(window[pos:], quote=False))
    return ("… " if start > 0 else "") + "".join(out) + (" …" if end < len(body) else "")


def placeholders(n: int) -> str:
    return ",".join("?" * n)
