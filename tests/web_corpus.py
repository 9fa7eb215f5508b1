"""A small, hand-made news corpus saved through the real SQLite store, for the web tests."""

from __future__ import annotations

import asyncio
import threading
import weakref
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from hashwire.models import Article, Source, Story
from hashwire.store import Store, open_store

NOW = datetime.now(UTC).replace(microsecond=0)
SANITIZE_CASES = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "feeds" / "feedparser-tests"
                  / "tests" / "wellformed" / "sanitize")

SOURCES = [
    ("harbor-times", "Harbor Times", "en"),
    ("valley-post", "Valley Post", "en"),
    ("capital-wire", "Capital Wire", "en"),
    ("north-ledger", "North Ledger", "en"),
    ("al-sabah", "الصباح", "ar"),
    ("al-waha", "الواحة", "ar"),
]


def _text(*sentences: str) -> str:
    return "\n\n".join(sentences)


def seed(store: Store) -> dict[str, object]:
    """Saves sources, articles and stories; returns what the tests look for."""
    sources = {}
    for slug, title, lang in SOURCES:
        sources[slug] = store.add_source(Source(url=f"https://{slug}.example/feed.xml", title=title, slug=slug,
                                                site_url=f"https://{slug}.example/", language=lang))

    def art(slug: str, path: str, title: str, hours: float, text: str, tags: list[str], category: str,
            story: str | None, lang: str = "en", dup: str | None = None, html: str = "") -> Article:
        src = sources[slug]
        return Article(url=f"https://{slug}.example/{path}", title=title, text=text, html=html,
                       published=NOW - timedelta(hours=hours), fetched_at=NOW - timedelta(hours=hours) + timedelta(minutes=5),
                       language=lang, source_id=src.id, source_name=src.title, guid=path, hashtags=tags,
                       category=category, story_id=story, duplicate_of=dup, authors=["Mina Carter"],
                       description="", site_name=src.title, content_hash=f"h-{slug}-{path}")

    port = [
        art("harbor-times", "port-strike-begins", "Dock workers strike at the northern port", 30,
            _text("Dock workers walked off the job at the northern port on Monday, halting container traffic.",
                  "The union said the strike would continue until the port authority returned to talks.",
                  "Shipping firms diverted three vessels to the southern terminal."),
            ["PortStrike", "DockWorkers", "Shipping"], "Business", "s-port"),
        art("valley-post", "strike-port-talks", "Port authority offers new talks as strike enters second day", 20,
            _text("The port authority offered new talks on Tuesday as the dock strike entered its second day.",
                  "Union leaders said they would study the offer overnight."),
            ["PortStrike", "DockWorkers", "Negotiations"], "Business", "s-port"),
        art("capital-wire", "wire-port-strike", "Strike at northern port disrupts trade", 25,
            _text("A strike by dock workers at the northern port disrupted trade for a second day, officials said.",
                  "About 40 ships were waiting at anchor."),
            ["PortStrike", "Shipping", "Trade"], "Business", "s-port"),
    ]
    copy = art("north-ledger", "port-strike-wire-copy", "Strike at northern port disrupts trade (wire)", 24,
               port[2].text, ["PortStrike", "Shipping"], "Business", "s-port", dup=port[2].id)
    storm = [
        art("harbor-times", "storm-warning", "Storm warning issued for the coast", 3,
            _text("Forecasters issued a storm warning for the coast on Friday.",
                  "Winds of up to 110 kilometres per hour were expected overnight."),
            ["StormWarning", "Weather"], "Science", "s-storm"),
        art("harbor-times", "storm-ferries", "Ferries cancelled ahead of the storm", 2,
            _text("All ferries were cancelled ahead of the storm, the operator said."),
            ["StormWarning", "Ferries"], "Science", "s-storm"),
    ]
    old = art("valley-post", "museum-reopens", "City museum reopens after renovation", 24 * 20,
              _text("The city museum reopened after a two-year renovation with a new wing for maritime history."),
              ["CityMuseum", "Culture"], "Entertainment", "s-museum")
    arabic = [
        art("al-sabah", "idrab-mina", "إضراب عمال الميناء الشمالي يدخل يومه الثاني", 26,
            _text("دخل إضراب عمال الميناء الشمالي يومه الثاني وسط توقف حركة الحاويات.",
                  "وقالت النقابة إن الإضراب سيستمر حتى عودة هيئة الميناء إلى المفاوضات."),
            ["إضراب_الميناء", "الشحن"], "Business", "s-ar-port", lang="ar"),
        art("al-waha", "mina-mufawadat", "هيئة الميناء تعرض مفاوضات جديدة", 22,
            _text("عرضت هيئة الميناء مفاوضات جديدة على النقابة يوم الثلاثاء."),
            ["إضراب_الميناء", "مفاوضات"], "Business", "s-ar-port", lang="ar"),
    ]
    articles = [*port, copy, *storm, old, *arabic]

    def story(sid: str, members: list[Article], title: str) -> Story:
        times = [a.published for a in members if a.published]
        return Story(id=sid, title=title, first_seen=min(times), last_seen=max(times), lead_article_id=members[0].id,
                     article_count=len(members), source_count=len({a.source_id for a in members}),
                     category=members[0].category, language=members[0].language, hashtags=members[0].hashtags[:3])

    stories = [story("s-port", [*port, copy], port[0].title), story("s-storm", storm, storm[0].title),
               story("s-museum", [old], old.title), story("s-ar-port", arabic, arabic[0].title)]
    store.save_articles(articles, stories)
    return {"port": port, "copy": copy, "storm": storm, "old": old, "arabic": arabic, "sources": sources}


def open_seeded(path: Path) -> tuple[Store, dict[str, object]]:
    store = open_store(f"sqlite:///{path}")
    return store, seed(store)


class Client:
    """In-process HTTP client for an ASGI app (httpx over ASGITransport), one call at a time.

    The app runs on one long-lived event loop in a background thread, as under a server, so its worker
    threads (and their store connections) are reused from one request to the next."""

    def __init__(self, app: object, client_ip: str = "127.0.0.1") -> None:
        self.app = app
        self.loop = asyncio.new_event_loop()
        started = threading.Event()
        stop: list[asyncio.Event] = []

        def run(loop: asyncio.AbstractEventLoop) -> None:
            async def main() -> None:
                stop.append(asyncio.Event())
                started.set()
                await stop[0].wait()

            asyncio.set_event_loop(loop)
            loop.run_until_complete(main())
            loop.run_until_complete(loop.shutdown_default_executor())
            loop.close()

        self.thread = threading.Thread(target=run, args=(self.loop,), daemon=True)
        self.thread.start()
        started.wait()
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False,  # type: ignore[arg-type]
                                        client=(client_ip, 50000))
        self.http = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        loop, thread, event = self.loop, self.thread, stop[0]

        def shutdown() -> None:
            if not loop.is_closed():
                loop.call_soon_threadsafe(event.set)
                thread.join(timeout=10)

        self.close = weakref.finalize(self, shutdown)

    def get(self, url: str, **kwargs: object) -> httpx.Response:
        return asyncio.run_coroutine_threadsafe(self.http.get(url, **kwargs), self.loop).result()  # type: ignore[arg-type]


def hostile_articles(source: Source) -> list[Article]:
    """One article per case of the feedparser sanitizer suite, its HTML passed through sanitize_html."""
    import feedparser

    from hashwire.feeds import parse_feed
    from hashwire.sanitize import sanitize_html

    articles = []
    for i, path in enumerate(sorted(SANITIZE_CASES.glob("*.xml"))):
        data = path.read_bytes()
        payload = ""
        try:
            feed = parse_feed(data, url="https://hostile.example/feed")
            if feed.entries:
                entry = feed.entries[0]
                payload = entry.content_html or entry.summary or entry.title
        except Exception:
            payload = ""
        if not payload:  # feed-level cases (title, subtitle, rights...): the raw value, unsanitized
            raw = feedparser.parse(data, sanitize_html=False)
            values = [raw.feed.get(k, "") for k in ("title", "subtitle", "rights", "info", "tagline")]
            values += [v for e in raw.entries[:1] for v in (e.get("summary", ""), e.get("title", ""))]
            payload = max(values, key=len, default="") or data.decode("utf-8", "replace")
        articles.append(Article(
            url=f"https://hostile.example/{path.stem}", title=payload[:300], text=payload, language="en",
            html=sanitize_html(payload, "https://hostile.example/"), description=payload[:500],
            published=NOW, source_id=source.id, source_name=source.title, hashtags=[f"Hostile{i}"],
            category="General",
            guid=path.stem, content_hash=f"hostile-{i}", story_id=None, image=payload[:200]))
    return articles
