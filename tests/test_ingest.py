"""End to end: crawl a small newsroom on loopback into a real SQLite store and score it against the truth."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from hashwire import truthcheck
from hashwire.config import Config
from hashwire.ingest import Ingester
from hashwire.models import Source
from hashwire.newsroom import Newsroom, serve_in_thread
from hashwire.store import ArticleQuery, open_store
from hashwire.store.base import Store
from loopback import serve_route

# Pinned floor for story grouping on this newsroom; a regression below it fails.
STORY_F1_FLOOR = 0.80


@pytest.fixture(scope="module")
def room() -> Iterator[tuple[Newsroom, object]]:
    newsroom = Newsroom(seed=11, outlets=8, days=2, per_day=5)
    with serve_in_thread(newsroom) as running:
        yield newsroom, running


def _config(db: Path) -> Config:
    return Config({"db": f"sqlite:///{db}", "allow_private_networks": True, "per_host_concurrency": 8},
                  environ={})


def _crawl(store: Store, config: Config, ingester: Ingester | None = None) -> object:
    ingester = ingester or Ingester(store, config)
    return asyncio.run(ingester.crawl(force=True))


def test_crawl_matches_truth_and_is_idempotent(room: tuple[Newsroom, object], tmp_path: Path) -> None:
    newsroom, running = room
    config = _config(tmp_path / "e2e.db")
    store = open_store(config.db)
    try:
        for url in running.feed_urls:  # type: ignore[attr-defined]
            store.add_source(Source(url=url))
        report = _crawl(store, config)
        assert report.sources == len(running.feed_urls)  # type: ignore[attr-defined]
        assert report.sources_failed == 0, report.failures
        truth = newsroom.truth(running.base_url)  # type: ignore[attr-defined]
        score = truthcheck.score_store(store, truth)
        assert score["missing"] == 0, score["missing_examples"]
        assert score["copies"] > 0, "the newsroom should syndicate some stories"
        assert score["fold_recall"] >= 0.95, score
        assert score["fold_precision"] >= 0.98, score
        assert score["story_pairwise_f1"] >= STORY_F1_FLOOR, score
        # every listed (canonical) article has hashtags and a category
        listed = store.list_articles(ArticleQuery(limit=50))
        assert listed and all(a.duplicate_of is None for a in listed)
        assert all(a.hashtags and a.category for a in listed)
        rows_before = store.counts()
        # a second crawl, with a fresh pipeline warmed from the store, adds nothing
        again = _crawl(store, config, Ingester(store, config, pipeline=None))
        assert again.articles_new == 0
        assert store.counts() == rows_before
    finally:
        store.close()


def test_failing_sources_are_recorded_and_do_not_stop_the_crawl(room: tuple[Newsroom, object],
                                                                tmp_path: Path) -> None:
    _newsroom, running = room
    config = _config(tmp_path / "bad.db")
    store = open_store(config.db)
    try:
        good = store.add_source(Source(url=running.feed_urls[0]))  # type: ignore[attr-defined]
        broken = store.add_source(Source(url=running.base_url + "/no-such-feed.xml"))  # type: ignore[attr-defined]
        not_feed = store.add_source(Source(url=running.base_url + "/"))  # type: ignore[attr-defined]
        unreachable = store.add_source(Source(url="http://127.0.0.1:9/feed.xml"))
        report = _crawl(store, config)
        assert report.sources == 4
        assert report.sources_failed == 3
        assert report.articles_new > 0
        by_id = {s.id: s for s in store.list_sources()}
        assert by_id[good.id].error_count == 0 and by_id[good.id].last_status == "ok"
        for bad in (broken, not_feed, unreachable):
            state = by_id[bad.id]
            assert state.error_count == 1 and state.last_error, state
            assert state.next_fetch_at is not None  # retried later, with backoff
        counts = store.counts()
        assert counts["articles"] + counts["duplicates"] == report.articles_new
    finally:
        store.close()


def test_feed_with_changing_guids_is_not_fetched_again(room: tuple[Newsroom, object], tmp_path: Path) -> None:
    """A feed whose GUIDs change on every fetch: pages already stored are not fetched again."""
    from aiohttp import web

    newsroom, running = room
    base = running.base_url  # type: ignore[attr-defined]
    links = [r["url"] for r in newsroom.truth(base)["articles"] if not r["copy_of"]][:5]
    fetches = iter(range(1, 100))

    def feed(_request: web.Request) -> web.Response:
        n = next(fetches)
        items = "".join(f"<item><title>Item {i}</title><link>{link}</link><guid>{n}-{i}</guid></item>"
                        for i, link in enumerate(links))
        return web.Response(text=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Salted</title>'
                                 f"{items}</channel></rss>", content_type="application/rss+xml")

    async def scenario() -> list[object]:
        async with serve_route("/feed.xml", feed) as url:
            config = _config(tmp_path / "guids.db")
            store = open_store(config.db)
            try:
                store.add_source(Source(url=url))
                reports = [await Ingester(store, config).crawl(force=True) for _ in range(2)]
                return [*reports, store.counts()]
            finally:
                store.close()

    first, second, counts = asyncio.run(scenario())
    assert first.sources_failed == 0 and first.articles_new == 5, first  # type: ignore[attr-defined]
    assert second.entries == 5  # type: ignore[attr-defined]
    assert second.pages_fetched == 0, "known pages must not be fetched again under new GUIDs"  # type: ignore[attr-defined]
    assert second.articles_new == 0  # type: ignore[attr-defined]
    assert counts["articles"] == 5  # type: ignore[index]


def test_news_sitemap_and_sitemap_index_sources(room: tuple[Newsroom, object], tmp_path: Path) -> None:
    """A news sitemap is a source; so is a sitemap index, whose child sitemaps are followed."""
    from aiohttp import web

    newsroom, running = room
    base = running.base_url  # type: ignore[attr-defined]
    slugs = [o["slug"] for o in newsroom.truth(base)["outlets"][:2]]
    index = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             + "".join(f"<sitemap><loc>{base}/{s}/sitemap-news.xml</loc></sitemap>" for s in slugs)
             + "</sitemapindex>")

    async def scenario() -> tuple[object, object]:
        sitemap_index = lambda _r: web.Response(text=index, content_type="application/xml")  # noqa: E731
        async with serve_route("/sitemap-index.xml", sitemap_index) as url:
            config = _config(tmp_path / "sitemaps.db")
            store = open_store(config.db)
            try:
                store.add_source(Source(url=url, kind="sitemap"))
                report = await Ingester(store, config).crawl(force=True)
                expected = {r["url"] for r in newsroom.truth(base)["articles"] if r["outlet"] in slugs}
                stored = {u for u in expected if store.article_by_url(u) is not None}
                return report, (len(expected), len(stored))
            finally:
                store.close()

    report, (expected, stored) = asyncio.run(scenario())
    assert report.sources_failed == 0, report.failures  # type: ignore[attr-defined]
    assert expected > 0 and stored == expected


def test_metrics_report_fetch_outcomes_and_source_states(room: tuple[Newsroom, object], tmp_path: Path) -> None:
    from hashwire.web.app import create_app
    from web_corpus import Client

    _newsroom, running = room
    config = _config(tmp_path / "metrics.db")
    store = open_store(config.db)
    try:
        store.add_source(Source(url=running.feed_urls[1]))  # type: ignore[attr-defined]
        store.add_source(Source(url=running.base_url + "/bad/429"))  # type: ignore[attr-defined]
        acknowledged: list[str] = []
        ingester = Ingester(store, config, on_saved=lambda batch: acknowledged.extend(a.id for a in batch))
        report = asyncio.run(ingester.crawl(force=True))
        assert report.articles_new == len(acknowledged) > 0
        assert {a.id for a in store.get_articles(acknowledged)} == set(acknowledged)
        client = Client(create_app(store, config))
        try:
            text = client.get("/metrics").text
        finally:
            client.close()
        assert 'hashwire_fetch_total{kind="feed",outcome="ok"}' in text
        assert 'hashwire_fetch_total{kind="feed",outcome="rate_limited"}' in text
        assert 'hashwire_articles_ingested_total{result="new"}' in text
        assert 'hashwire_sources{state="waiting"} 2' in text
        assert 'hashwire_sources{state="failing"} 1' in text
        assert "hashwire_store_bytes" in text
    finally:
        store.close()


ARABIC_PARAGRAPHS = [
    "أعلنت بلدية المدينة الساحلية صباح اليوم عن خطة جديدة لتوسيع شبكة الحافلات الكهربائية في الأحياء "
    "الشرقية، على أن يبدأ تشغيل الخطوط الأولى مطلع الربيع المقبل بعد استكمال محطات الشحن.",
    "وقال رئيس لجنة النقل في المجلس البلدي إن المشروع يشمل أربعين حافلة وثلاث محطات صيانة، وإن كلفته "
    "موزعة على ثلاث سنوات من ميزانية البلدية ومن قرض ميسر تقدمه مؤسسة تنموية إقليمية.",
    "وأضاف أن الدراسات أظهرت أن سكان الأحياء الشرقية يقضون وقتاً طويلاً في التنقل إلى مراكز العمل، "
    "وأن الخطوط الجديدة ستختصر الرحلة اليومية بنحو عشرين دقيقة في ساعات الذروة.",
    "ورحب ممثلو جمعيات السكان بالخطة، لكنهم طالبوا بنشر جداول المواعيد مسبقاً وبتخصيص مقاعد لكبار "
    "السن، فيما أكدت البلدية أنها ستعقد جلسات استماع علنية في كل حي قبل إقرار المسارات النهائية.",
]


def test_a_legacy_encoded_page_declared_only_in_its_meta_is_stored_readable(tmp_path: Path) -> None:
    """An Arabic page in windows-1256 whose server sends no charset: the <meta> declaration decides."""
    from aiohttp import web

    body = "".join(f"<p>{p}</p>" for p in ARABIC_PARAGRAPHS)
    page = (f'<!doctype html><html lang="ar" dir="rtl"><head><meta charset="windows-1256">'
            f"<title>خطة جديدة للحافلات الكهربائية</title></head><body><article>"
            f"<h1>خطة جديدة للحافلات الكهربائية</h1>{body}</article></body></html>").encode("cp1256")

    async def article(_request: web.Request) -> web.Response:
        return web.Response(body=page, headers={"content-type": "text/html"})

    async def feed(request: web.Request) -> web.Response:
        link = f"http://{request.host}/buses.html"
        return web.Response(text=f'<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title>'
                                 f"<item><title>Buses</title><link>{link}</link><guid>b1</guid></item>"
                                 f"</channel></rss>", content_type="application/rss+xml")

    async def scenario() -> list[str]:
        from loopback import serve_routes

        async with serve_routes({"/feed.xml": feed, "/buses.html": article}) as base:
            config = _config(tmp_path / "legacy.db")
            store = open_store(config.db)
            try:
                store.add_source(Source(url=base + "/feed.xml"))
                report = await Ingester(store, config).crawl(force=True)
                assert report.articles_new == 1, report
                stored, _ = store.articles_after(0)
                return [a.text for a in stored] + [a.language for a in stored]
            finally:
                store.close()

    text, language = asyncio.run(scenario())
    assert ARABIC_PARAGRAPHS[1] in text
    assert "\ufffd" not in text
    assert language == "ar"
