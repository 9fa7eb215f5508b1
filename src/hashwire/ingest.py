"""The one orchestrator: due sources -> fetch -> feeds -> extract -> normalize -> dedupe -> cluster -> tag -> store.

Pure stages are called here in order; I/O happens only through the Fetcher and the Store.
An article is acknowledged once `Store.save_articles` returns (after its transaction committed);
the polling state of a source is saved after its articles, so a worker killed in between fetches
the same entries again next time and the store's unique keys absorb the repeat.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from . import feeds, normalize, schedule, tag
from .cluster import Assignment, StoryIndex
from .config import Config
from .dedupe import DuplicateIndex
from .errors import FeedParseError, FetchError, NotAnArticle, StoreError
from .extract import extract
from .fetch import Fetcher
from .metrics import REGISTRY
from .models import Article, Entry, Hints, Source, Story
from .page_charset import decode_page
from .store.base import Store
from .story_embeddings import Embedder, load_embedder

log = logging.getLogger("hashwire.ingest")

ProgressFn = Callable[[str, int, int], None]  # (event, done, total)
SavedFn = Callable[[list[Article]], None]  # called with each batch once its transaction committed

FETCHES = REGISTRY.counter("hashwire_fetch_total", "Fetches by what was fetched and how it ended.",
                           ("kind", "outcome"))
ARTICLES = REGISTRY.counter("hashwire_articles_ingested_total",
                            "Articles handled by ingest: new, folded duplicate, repeat or rejected.", ("result",))
BATCH_SECONDS = REGISTRY.histogram("hashwire_ingest_batch_seconds",
                                   "Time to assign and save one source's batch of articles.")


@dataclass(slots=True)
class CrawlReport:
    sources: int = 0
    sources_failed: int = 0
    not_modified: int = 0
    entries: int = 0
    articles_new: int = 0
    duplicates_folded: int = 0
    rejected: int = 0
    pages_fetched: int = 0
    page_errors: int = 0
    seconds: float = 0.0
    failures: dict[str, str] = field(default_factory=dict)  # source url -> reason

    def merge(self, other: CrawlReport) -> None:
        for name in ("sources", "sources_failed", "not_modified", "entries", "articles_new",
                     "duplicates_folded", "rejected", "pages_fetched", "page_errors"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.update(other.failures)


class Pipeline:
    """The pure middle of ingestion for one article: normalize -> dedupe -> cluster -> tag.

    Holds the in-memory dedupe and story indexes of the open time window; `warm` rebuilds them
    from the store after a restart (or catches up with other workers) so decisions do not depend on
    process lifetime. What it remembers per article is evicted with the window.
    """

    def __init__(self, window_hours: int = 72, embedder: Embedder | None = None) -> None:
        self.window = timedelta(hours=window_hours)
        self.duplicates = DuplicateIndex(window_hours=window_hours)
        self.stories = StoryIndex(window_hours=window_hours, embedder=embedder)
        # canonical article id -> (story id, hashtags, category), so folded copies inherit them
        self._known: dict[str, tuple[str, list[str], str]] = {}
        self._expiry: deque[tuple[datetime, str]] = deque()
        self._newest: datetime | None = None

    def knows(self, article_id: str) -> bool:
        return article_id in self._known

    def warm(self, articles: Iterable[Article]) -> int:
        n = 0
        for article in articles:
            if article.id in self._known:
                continue
            if article.duplicate_of is None:
                self.duplicates.add(article)
                if article.story_id:
                    self.stories.restore(article)
            self._remember(article)
            n += 1
        return n

    def process(self, article: Article) -> Assignment | None:
        """Decide duplicate, story, hashtags and category for a new article (mutates it).

        Returns how the article was put in a story (None for a folded copy): the story it joined or
        opened, the stories merged into that one, and a story split off with the articles it took."""
        article.text = normalize.clean_text(article.text)
        if not article.content_hash:
            article.content_hash = normalize.content_hash(article.text)
        dup = self.duplicates.check(article)
        if dup is not None and dup.of != article.id:
            article.duplicate_of = dup.of
            story_id, tags, category = self._known.get(dup.of, ("", [], ""))
            article.story_id = story_id or None
            article.hashtags = list(tags) or tag.hashtags(article)
            article.category = category or tag.categorize(article)
            self._remember(article)
            return None
        article.hashtags = tag.hashtags(article)
        article.category = tag.categorize(article)
        assignment = self.stories.assign(article)
        article.story_id = assignment.story.id
        self.duplicates.add(article)
        self._remember(article)
        if assignment.merged:
            merged = set(assignment.merged)
            for aid, (sid, tags, category) in self._known.items():
                if sid in merged:
                    self._known[aid] = (assignment.story.id, tags, category)
        if assignment.split_off is not None:
            for aid in assignment.moved:
                if aid in self._known:
                    _, tags, category = self._known[aid]
                    self._known[aid] = (assignment.split_off.id, tags, category)
        return assignment

    def _remember(self, article: Article) -> None:
        self._known[article.id] = (article.story_id or "", list(article.hashtags), article.category)
        when = article.published or article.fetched_at or datetime.now(UTC)
        self._expiry.append((when, article.id))
        self._newest = when if self._newest is None else max(self._newest, when)
        # arrival order is roughly time order, so evicting from the front keeps memory to the window
        while len(self._expiry) > 1 and self._expiry[0][0] < self._newest - self.window:
            _, old = self._expiry.popleft()
            self._known.pop(old, None)


MAX_CHILD_SITEMAPS = 20
# feeds larger than this are parsed in a worker thread so a hostile one cannot stall other fetches
PARSE_IN_THREAD_BYTES = 256 * 1024


async def _parse(body: bytes, url: str, content_type: str) -> feeds.Feed:
    if len(body) > PARSE_IN_THREAD_BYTES:
        return await asyncio.to_thread(feeds.parse_feed, body, url, content_type)
    return feeds.parse_feed(body, url, content_type)


def _safe_canonical(url: str) -> str:
    try:
        return normalize.canonical_url(url)
    except ValueError:
        return url


def article_from_entry(entry: Entry, source: Source, html: str, final_url: str) -> Article:
    """Extract the page of a feed entry, with what the feed said as hints."""
    hints = Hints(title=entry.title, published=entry.published, authors=list(entry.authors),
                  summary=entry.summary, categories=list(entry.categories), image=entry.image,
                  language=entry.language or source.language)
    article = extract(html, final_url, hints=hints)
    article.source_id = source.id
    article.source_name = source.title
    article.guid = entry.guid
    article.fetched_at = datetime.now(UTC)
    return article


class Ingester:
    """Runs crawls: claims due sources, fetches them politely, and saves what they hold."""

    def __init__(self, store: Store, config: Config, *, worker: str = "local",
                 pipeline: Pipeline | None = None, on_saved: SavedFn | None = None) -> None:
        self.store = store
        self.on_saved = on_saved
        self.config = config
        self.worker = worker
        if pipeline is None:
            pipeline = Pipeline(config.story_window_hours, load_embedder() if config.story_embeddings else None)
            self._warmed = False
        else:
            self._warmed = True
        self.pipeline = pipeline
        self._mark = store.article_mark() if self._warmed else 0

    def warm(self, now: datetime | None = None) -> int:
        now = now or datetime.now(UTC)
        self._mark = self.store.article_mark()
        n = self.pipeline.warm(self.store.recent_articles(now - self.pipeline.window))
        self._warmed = True
        return n

    async def crawl(self, *, force: bool = False, limit: int | None = None,
                    progress: ProgressFn | None = None) -> CrawlReport:
        """Fetch due sources once (every enabled source when `force`).

        Without `force`, a bounded batch is claimed (by default `concurrency` sources), so several
        workers share the due sources instead of the first one leasing them all; call again for more."""
        if not self._warmed:
            self.warm()
        started = time.monotonic()
        now = datetime.now(UTC)
        if force:  # an operator's one-off crawl of everything (conditional GETs keep it polite)
            sources = [s for s in self.store.list_sources() if not s.disabled][:limit]
        else:
            lease = max(60, int(self.config.fetch_timeout * 10))
            batch = limit if limit is not None else max(1, int(self.config.concurrency))
            sources = self.store.claim_due_sources(self.worker, now, lease, batch)
        report = CrawlReport()
        if progress:
            progress("sources", 0, len(sources))
        async with Fetcher(self.config) as fetcher:
            gate = asyncio.Semaphore(max(1, self.config.concurrency))
            done = 0

            async def one(src: Source) -> None:
                nonlocal done
                async with gate:
                    part = await self.crawl_source(fetcher, src)
                report.merge(part)
                done += 1
                if progress:
                    progress("sources", done, len(sources))

            await asyncio.gather(*(one(s) for s in sources))
        report.seconds = time.monotonic() - started
        return report

    async def crawl_source(self, fetcher: Fetcher, source: Source) -> CrawlReport:
        report = CrawlReport(sources=1)
        now = datetime.now(UTC)
        feed = None
        headers: dict[str, str] | None = None
        error: FetchError | None = None
        try:
            if source.kind == "page":
                await self._ingest_single_page(fetcher, source, report)
            else:
                result = await fetcher.fetch(source.url, etag=source.etag,
                                             last_modified=source.last_modified, kind="feed")
                headers = result.headers
                FETCHES.inc(kind="feed", outcome="not_modified" if result.not_modified else "ok")
                if result.not_modified:
                    report.not_modified = 1
                    source.last_status = "not_modified"
                else:
                    feed = await _parse(result.body, result.url, result.headers.get("content-type", ""))
                    self._learn_source(source, feed)
                    entries = list(feed.entries)
                    if feed.sitemaps:
                        entries += await self._child_sitemap_entries(fetcher, feed.sitemaps)
                    await self._ingest_entries(fetcher, source, entries, report)
                    source.etag = result.headers.get("etag", "")
                    source.last_modified = result.headers.get("last-modified", "")
                    source.last_status = "ok"
            source.error_count = 0
            source.last_error = ""
        except FetchError as exc:
            error = exc
            FETCHES.inc(kind=source.kind, outcome=exc.kind)
            self._record_failure(source, exc.kind, str(exc), report)
        except FeedParseError as exc:
            error = FetchError("parse", str(exc))
            self._record_failure(source, "parse", str(exc), report)
        except StoreError:
            raise
        except Exception as exc:  # a bug in a stage must not stop the crawl of other sources
            log.exception("source %s failed", source.url)
            error = FetchError("internal", f"{type(exc).__name__}: {exc}")
            self._record_failure(source, "internal", f"{type(exc).__name__}: {exc}", report)
        decision = schedule.next_fetch(source, now, headers=headers, feed=feed, error=error, config=self.config)
        source.next_fetch_at = decision.next_fetch_at
        source.interval_seconds = decision.interval_seconds
        source.last_fetched_at = now
        if decision.disable:
            source.disabled = True
            source.last_error = decision.reason or source.last_error
        self.store.save_source_state(source)
        return report

    def _record_failure(self, source: Source, kind: str, message: str, report: CrawlReport) -> None:
        source.error_count += 1
        source.last_status = kind
        source.last_error = message[:500]
        report.sources_failed = 1
        report.failures[source.url] = f"{kind}: {message}"[:300]
        log.warning("source %s: %s: %s", source.url, kind, message)

    @staticmethod
    def _learn_source(source: Source, feed: feeds.Feed) -> None:
        if not source.title and feed.title:
            source.title = feed.title
        if not source.site_url and feed.link:
            source.site_url = feed.link
        if not source.language and feed.language:
            source.language = feed.language.split("-")[0].lower()

    async def _ingest_entries(self, fetcher: Fetcher, source: Source, entries: list[Entry],
                              report: CrawlReport) -> None:
        assert source.id is not None
        known = self.store.known_guids(source.id)
        fresh = [e for e in entries if e.guid not in known and e.link]
        if known and len(fresh) > len(entries) // 2:
            # most of a known feed looks new: its GUIDs may change on every fetch, so skip entries
            # whose page is already stored under its canonical URL instead of fetching them again
            fresh = [e for e in fresh if self.store.article_by_url(_safe_canonical(e.link)) is None]
        report.entries += len(entries)
        # oldest first, so the first-published copy of a syndicated story becomes the canonical one
        fresh.sort(key=lambda e: e.published or datetime.min.replace(tzinfo=UTC))
        pages = await asyncio.gather(*(self._fetch_page(fetcher, e.link) for e in fresh))
        report.pages_fetched += len(fresh)
        batch: list[Article] = []
        for entry, page in zip(fresh, pages, strict=True):
            if page is None:
                report.page_errors += 1
                continue
            html, final_url = page
            try:
                article = article_from_entry(entry, source, html, final_url)
            except NotAnArticle as exc:
                report.rejected += 1
                ARTICLES.inc(result="rejected")
                log.info("not an article: %s (%s)", entry.link, exc.reason)
                continue
            batch.append(article)
        self._save(batch, report)

    async def _child_sitemap_entries(self, fetcher: Fetcher, urls: list[str]) -> list[Entry]:
        """Entries of the sitemaps a sitemap index lists (the newest first, a bounded number)."""
        entries: list[Entry] = []
        for url in urls[:MAX_CHILD_SITEMAPS]:
            try:
                result = await fetcher.fetch(url, kind="sitemap")
                child = await _parse(result.body, result.url, result.headers.get("content-type", ""))
            except (FetchError, FeedParseError) as exc:
                log.info("child sitemap %s: %s", url, exc)
                continue
            entries.extend(child.entries)
        return entries

    async def _ingest_single_page(self, fetcher: Fetcher, source: Source, report: CrawlReport) -> None:
        assert source.id is not None
        if source.url in self.store.known_guids(source.id):
            return
        page = await self._fetch_page(fetcher, source.url, strict=True)
        assert page is not None
        html, final_url = page
        entry = Entry(guid=source.url, link=source.url)
        try:
            article = article_from_entry(entry, source, html, final_url)
        except NotAnArticle as exc:
            report.rejected += 1
            raise FetchError("not_an_article", f"{exc.reason}: {exc.detail}") from exc
        report.entries += 1
        self._save([article], report)

    async def _fetch_page(self, fetcher: Fetcher, url: str, *, strict: bool = False) -> tuple[str, str] | None:
        try:
            result = await fetcher.fetch(url, kind="page")
        except FetchError as exc:
            FETCHES.inc(kind="page", outcome=exc.kind)
            if strict:
                raise
            log.info("page %s: %s", url, exc)
            return None
        FETCHES.inc(kind="page", outcome="ok")
        return decode_page(result.body, result.headers.get("content-type", "")), result.url

    def _catch_up(self) -> None:
        """Learn the articles other workers stored since we last looked (call with the story lock held)."""
        while True:
            articles, mark = self.store.articles_after(self._mark)
            self._mark = mark
            if not articles:
                return
            self.pipeline.warm(articles)

    def _save(self, batch: list[Article], report: CrawlReport) -> None:
        if not batch:
            return
        started = time.perf_counter()
        # Assign and save under the store's story lock: with several workers on PostgreSQL, each
        # first learns what the others stored, so two workers never open two stories for one event.
        with self.store.story_lock():
            self._catch_up()
            stories: dict[str, Story] = {}
            moves: list[tuple[str, list[str]]] = []  # articles a split took to another story, in order
            for article in batch:
                assignment = self.pipeline.process(article)
                if assignment is not None:
                    story = assignment.story
                    stories[story.id] = story
                    for gone in assignment.merged:
                        stories[gone] = Story(id=gone, title="", first_seen=story.first_seen,
                                              last_seen=story.last_seen, merged_into=story.id)
                    if assignment.split_off is not None and assignment.split_from is not None:
                        stories[assignment.split_from.id] = assignment.split_from
                        stories[assignment.split_off.id] = assignment.split_off
                        moves.append((assignment.split_off.id, assignment.moved))
                if article.duplicate_of:
                    report.duplicates_folded += 1
            new_flags = self.store.save_articles(batch, list(stories.values()), moves)
            self._catch_up()  # move the mark past our own batch
        # acknowledged: the transaction committed
        BATCH_SECONDS.observe(time.perf_counter() - started)
        for article, is_new in zip(batch, new_flags, strict=True):
            ARTICLES.inc(result=("duplicate" if article.duplicate_of else "new") if is_new else "repeat")
        report.articles_new += sum(1 for flag in new_flags if flag)
        if self.on_saved is not None:
            self.on_saved(batch)


def add_source_url(store: Store, url: str, *, kind: str = "feed", title: str = "") -> Source:
    """Register a feed, sitemap or single page by URL (the CLI resolves site URLs to feeds first)."""
    return store.add_source(Source(url=_safe_canonical(url), kind=kind, title=title))
