"""The data behind every page, API answer and feed, built once from the store as plain dicts.

Pages render these dicts, the API serialises them as they are and feeds map them to entries, so the
three always agree. Datetimes stay datetimes (orjson writes RFC 3339; templates format them).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from markupsafe import escape

from ..config import Config
from ..errors import BadRequest, NotFound
from ..models import Article, Source, Story, TagStat
from ..store.base import ArticleQuery, Store
from .cache import Generation

EXCERPT_CHARS = 280
MEMO_ENTRIES = 20_000
TRENDING_REFRESH = 60.0  # seconds a trending list is kept while the store changes under it
_CURSOR = re.compile(r"^(\d{8}T\d{6}\.\d{6})Z_([0-9a-f]{1,64})$")
_TAG_CHARS = re.compile(r"[\W_]+", re.UNICODE)


def tag_key(display: str) -> str:
    """The case-insensitive lookup key of a hashtag, as the tagger computes it."""
    try:
        from ..hashtag_form import tag_key as key_of
    except ImportError:  # the tagger's module is optional for the site
        return _TAG_CHARS.sub("", display).casefold()
    return key_of(display)


def when(article: Article) -> datetime:
    return article.published or article.fetched_at or datetime(1970, 1, 1, tzinfo=UTC)


def encode_cursor(article: Article) -> str:
    return when(article).astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ") + "_" + article.id


def decode_cursor(text: str | None) -> tuple[datetime, str] | None:
    if not text:
        return None
    match = _CURSOR.match(text)
    if match is None:
        raise BadRequest("bad cursor")
    try:
        moment = datetime.strptime(match.group(1), "%Y%m%dT%H%M%S.%f").replace(tzinfo=UTC)
    except ValueError as exc:  # the right shape but no such time (month 13, 30 February)
        raise BadRequest("bad cursor") from exc
    return moment, match.group(2)


def excerpt(article: Article, limit: int = EXCERPT_CHARS) -> str:
    text = (article.description or article.text or "").strip()
    text = " ".join(text.split("\n\n", 1)[0].split()) if not article.description else " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:-–— ")
    return cut + "…"


def paragraphs(article: Article) -> list[str]:
    return [" ".join(p.split()) for p in article.text.split("\n\n") if p.strip()]


def body_html(article: Article) -> str:
    """The article's full text as HTML: the stored sanitized HTML, else its paragraphs escaped."""
    if article.html:
        return article.html
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs(article))


class Site:
    """Reads the store for the web layer; small lookups are memoised per store generation."""

    def __init__(self, store: Store, config: Config, generation: Generation) -> None:
        self.store = store
        self.config = config
        self.generation = generation
        self._memo: dict[Any, Any] = {}
        self._lasting: dict[Any, tuple[float, int, Any]] = {}  # key -> (monotonic time, generation, value)
        self._memo_generation = -1

    def memo(self, key: Any, build: Callable[[], Any]) -> Any:
        """`build()` once per store generation; everything memoised is dropped when the generation moves
        (or the memo grows past MEMO_ENTRIES), so it never outgrows one generation's worth of lookups."""
        gen = self.generation.current()
        if gen != self._memo_generation or len(self._memo) > MEMO_ENTRIES:
            self._memo = {}
            self._memo_generation = gen
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build()
            return value

    # lookups ---------------------------------------------------------------------------------------
    def sources(self) -> dict[int, Source]:
        return self.memo("sources", lambda: {s.id: s for s in self.store.list_sources() if s.id is not None})

    def source_ref(self, article: Article) -> dict[str, Any]:
        source = self.sources().get(article.source_id) if article.source_id is not None else None
        name = article.source_name or (source.title if source else "") or article.site_name
        return {"id": article.source_id, "name": name, "slug": source.slug if source else ""}

    def story(self, story_id: str | None) -> Story | None:
        if not story_id:
            return None
        return self.memo(("story", story_id), lambda: self.store.get_story(story_id))

    # shapes ----------------------------------------------------------------------------------------
    def card(self, article: Article) -> dict[str, Any]:
        story = self.story(article.story_id)
        others = max(0, story.source_count - 1) if story else 0
        return {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "source": self.source_ref(article),
            "published": article.published,
            "updated": article.updated,
            "language": article.language,
            "category": article.category,
            "hashtags": list(article.hashtags),
            "excerpt": excerpt(article),
            "body_html": body_html(article),
            "image": article.image,
            "story_id": article.story_id,
            "also_covered_by": others,
            "duplicate_of": article.duplicate_of,
        }

    def story_dict(self, story: Story) -> dict[str, Any]:
        return {
            "id": story.id, "title": story.title, "first_seen": story.first_seen, "last_seen": story.last_seen,
            "article_count": story.article_count, "source_count": story.source_count,
            "category": story.category, "language": story.language, "hashtags": list(story.hashtags),
            "lead_article_id": story.lead_article_id,
        }

    def tag_dict(self, stat: TagStat) -> dict[str, Any]:
        return {"tag": stat.display, "key": stat.key, "articles": stat.articles, "stories": stat.stories,
                "sources": stat.sources, "score": round(stat.score, 4)}

    # resources -------------------------------------------------------------------------------------
    def listing(self, query: ArticleQuery) -> dict[str, Any]:
        wanted = query.limit
        query.limit = wanted + 1
        articles = self.store.list_articles(query)
        more = len(articles) > wanted
        articles = articles[:wanted]
        return {"items": [self.card(a) for a in articles],
                "next": encode_cursor(articles[-1]) if more and articles else None}

    def hashtag(self, tag: str, *, language: str | None, before: str | None, limit: int = 20) -> dict[str, Any]:
        key = tag_key(tag)
        if not key:
            raise BadRequest("empty hashtag")
        known = self.store.tag_display(key)
        display = known or tag
        page = self.listing(ArticleQuery(hashtag=key, language=language, before=decode_cursor(before), limit=limit))
        if known is None and not page["items"]:
            raise NotFound("no such hashtag")
        related = self.memo(("related_tags", key), lambda: [
            self.tag_dict(s) for s in self.store.related_tags(key, 12) if s.key != key])
        return {"tag": display, "key": key, **page, "related_tags": related}

    def source_listing(self, source: Source, *, before: str | None, limit: int = 20) -> dict[str, Any]:
        page = self.listing(ArticleQuery(source_id=source.id, before=decode_cursor(before), limit=limit))
        ref = {"id": source.id, "name": source.title or source.slug, "slug": source.slug, "site_url": source.site_url}
        return {"source": ref, **page}

    def category_listing(self, name: str, *, language: str | None, before: str | None,
                         limit: int = 20) -> dict[str, Any]:
        page = self.listing(ArticleQuery(category=name, language=language, before=decode_cursor(before),
                                         limit=limit))
        if not page["items"] and not before and name.casefold() not in self._category_names():
            raise NotFound("no such category")
        return {"category": name, **page}

    def _all_categories(self) -> list[str]:
        names = [c["name"] for c in self.categories(None)]
        try:
            from ..categories import CATEGORIES
        except ImportError:
            pass
        else:
            names += CATEGORIES
        return names

    def _category_names(self) -> set[str]:
        return {n.casefold() for n in self._all_categories()}

    def category_name(self, name: str) -> str:
        """The stored spelling of a category named in any case ("business" -> "Business")."""
        return next((n for n in self._all_categories() if n.casefold() == name.casefold()), name)

    def trending(self, language: str | None, limit: int = 20) -> list[dict[str, Any]]:
        """Trending tags, recomputed when the store changed AND the last answer is TRENDING_REFRESH
        seconds old: counting a week of tags costs ~0.1 s per 100k articles, too much to redo on every
        ingest batch, and a trend list a minute old is still the trend."""
        key = ("trending", language, limit)
        gen = self.generation.current()
        held = self._lasting.get(key)
        if held is not None and (held[1] == gen or time.monotonic() - held[0] < TRENDING_REFRESH):
            return cast(list[dict[str, Any]], held[2])
        value = self._trending(language, limit)
        self._lasting[key] = (time.monotonic(), gen, value)
        return value

    def _trending(self, language: str | None, limit: int) -> list[dict[str, Any]]:
        now = datetime.now(UTC)
        current: list[TagStat] = []
        for hours in (24, 24 * 7, 24 * 60):
            current = self.store.tag_activity(now - timedelta(hours=hours), now, language=language, limit=200)
            if current:
                break
        baseline = self.store.tag_activity(now - timedelta(hours=hours * 8), now - timedelta(hours=hours),
                                           language=language, limit=400)
        by_breadth = sorted(current, key=lambda s: (-s.stories, -s.sources, -s.articles, s.key))
        try:
            from ..tag import trending as rank
        except ImportError:  # without the tagger's scoring, breadth of coverage orders the tags
            ranked = by_breadth
        else:
            # rising tags first, then the rest by breadth, so a quiet day still lists its topics
            ranked = list(rank(current, baseline, limit=limit))
            shown = {s.key for s in ranked}
            ranked += [s for s in by_breadth if s.key not in shown]
        return [self.tag_dict(s) for s in ranked[:limit]]

    def top_stories(self, language: str | None, *, category: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        def build() -> list[dict[str, Any]]:
            since = datetime.now(UTC) - timedelta(hours=72)
            stories = self.store.top_stories(since=since, language=language, category=category, limit=limit)
            if not stories:
                stories = self.store.top_stories(language=language, category=category, limit=limit)
            leads = {a.id: a for a in self.store.get_articles([s.lead_article_id for s in stories if s.lead_article_id])}
            out = []
            for story in stories:
                item = self.story_dict(story)
                lead = leads.get(story.lead_article_id)
                item["lead"] = self.card(lead) if lead else None
                out.append(item)
            return out
        return self.memo(("top", language, category, limit), build)

    def categories(self, language: str | None) -> list[dict[str, Any]]:
        def build() -> list[dict[str, Any]]:
            # from the stories (light rows) rather than the articles (full texts)
            counts: Counter[str] = Counter()
            for story in self.store.top_stories(language=language, limit=500):
                if story.category:
                    counts[story.category] += story.article_count
            return [{"name": n, "articles": c} for n, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
        return self.memo(("categories", language), build)

    def home(self, language: str | None) -> dict[str, Any]:
        return {"top_stories": self.top_stories(language), "trending": self.trending(language),
                "categories": self.categories(language)}

    def article(self, article: Article) -> dict[str, Any]:
        card = self.card(article)
        card.update({"authors": list(article.authors), "html": article.html, "paragraphs": paragraphs(article),
                     "partial": article.partial, "keywords": list(article.keywords)})
        copies = self.store.duplicates_of(article.id)
        seen_names = {card["source"]["name"]}
        also = []
        for copy in copies:
            ref = self.source_ref(copy)
            if ref["name"] and ref["name"] not in seen_names:
                seen_names.add(ref["name"])
                also.append({**ref, "url": copy.url, "article_id": copy.id})
        for seen in self.store.appearances(article.id):  # the same URL carried by other feeds
            source = self.sources().get(seen.source_id) if seen.source_id is not None else None
            name = seen.source_name or (source.title if source else "")
            if name and name not in seen_names:
                seen_names.add(name)
                also.append({"id": seen.source_id, "name": name, "slug": source.slug if source else "",
                             "url": seen.url, "article_id": None})
        coverage: list[Article] = []
        story = self.story(article.story_id)
        if story is not None:
            coverage = [a for a in self.store.list_articles(ArticleQuery(story_id=story.id, limit=30))
                        if a.id != article.id]
        in_story = {a.id for a in coverage} | {article.id}
        related = [a for a in self.store.related_articles(article, limit=12) if a.id not in in_story]
        return {"article": card, "also_published_by": also,
                "story": self.story_dict(story) if story else None,
                "coverage": [self.card(a) for a in coverage],
                "related": [self.card(a) for a in diversify(related, article, 6)]}

    def story_page(self, story: Story) -> dict[str, Any]:
        articles = self.store.list_articles(ArticleQuery(story_id=story.id, include_duplicates=True, limit=200))
        articles.sort(key=lambda a: (when(a), a.id))
        canonical = [a for a in articles if not a.duplicate_of]
        copies = [a for a in articles if a.duplicate_of]
        first = articles[0] if articles else None
        related_ids: list[str] = []
        if canonical:
            lead = next((a for a in canonical if a.id == story.lead_article_id), canonical[0])
            for other in self.store.related_articles(lead, limit=20):
                if other.story_id and other.story_id != story.id and other.story_id not in related_ids:
                    related_ids.append(other.story_id)
        related = [s for s in (self.story(i) for i in related_ids[:6]) if s is not None]
        return {"story": self.story_dict(story), "articles": [self.card(a) for a in canonical],
                "first": self.card(first) if first else None, "copies": [self.card(a) for a in copies],
                "related_stories": [self.story_dict(s) for s in related]}


def diversify(articles: Sequence[Article], subject: Article, limit: int) -> list[Article]:
    """Other outlets first; at most two from the subject's own outlet."""
    own = [a for a in articles if _same_outlet(a, subject)]
    others = [a for a in articles if not _same_outlet(a, subject)]
    return (others + own[:2])[:limit]


def _same_outlet(a: Article, b: Article) -> bool:
    if a.source_id is not None and b.source_id is not None:
        return a.source_id == b.source_id
    return bool(a.source_name) and a.source_name == b.source_name


def parse_day(text: str | None, *, end: bool = False) -> datetime | None:
    """YYYY-MM-DD as a UTC datetime (the end of that day when `end`)."""
    if not text:
        return None
    try:
        day = datetime.strptime(text, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError as exc:
        raise BadRequest("dates are YYYY-MM-DD") from exc
    return day + timedelta(days=1, microseconds=-1) if end else day


def clean_snippet(snippet: str) -> str:
    """Only <mark> survives in a search snippet; everything else is text."""
    import nh3

    return nh3.clean(snippet, tags={"mark"}, attributes={}, strip_comments=True)


def search(site: Site, q: str, *, language: str | None = None, source: str | None = None,
           category: str | None = None, hashtag: str | None = None, since: str | None = None,
           until: str | None = None, order: str = "relevance", page: int = 1, per_page: int = 20,
           before: str | None = None) -> dict[str, Any]:
    """Relevance order pages by number (at most 50 pages: relevance changes as news ages); newest-first
    order pages by keyset cursor (`before`, given back as `next`), so deep pages cost what the first does."""
    q = q.strip()[:200]
    order = order if order in ("relevance", "recent") else "relevance"
    cursor = decode_cursor(before) if order == "recent" else None
    page = 1 if order == "recent" else max(1, min(page, 50))
    filters = {"language": language or "", "source": source or "", "category": category or "",
               "hashtag": hashtag or "", "from": since or "", "to": until or "", "order": order}
    result: dict[str, Any] = {"query": q, "filters": filters, "items": [], "page": page, "next_page": None,
                              "next": None}
    if not q:
        return result
    source_id = None
    if source:
        found = site.store.source_by_slug(source)
        if found is None:
            return result
        source_id = found.id
    query = ArticleQuery(language=language or None, source_id=source_id, category=category or None,
                         hashtag=tag_key(hashtag) if hashtag else None, since=parse_day(since),
                         until=parse_day(until, end=True), before=cursor, limit=per_page + 1)
    hits = site.store.search(q, query, order=order, offset=(page - 1) * per_page)
    if len(hits) > per_page:
        if order == "recent":
            result["next"] = encode_cursor(hits[per_page - 1].article)
        else:
            result["next_page"] = page + 1
    for hit in hits[:per_page]:
        card = site.card(hit.article)
        card["snippet"] = clean_snippet(hit.snippet) if hit.snippet else ""
        card["rank"] = hit.rank
        result["items"].append(card)
    return result
