"""The response cache: served from memory while the store's generation holds, fresh once articles land."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from hashwire.config import Config
from hashwire.models import Article
from hashwire.web.app import create_app
from hashwire.web.cache import Generation
from web_corpus import NOW, Client, open_seeded


def new_article(n: int) -> Article:
    return Article(url=f"https://valley-post.example/late-{n}", title=f"Late development number {n} in port strike",
                   text="Talks resumed late on Wednesday.", published=NOW + timedelta(minutes=n), language="en",
                   hashtags=["PortStrike"], category="Business", source_name="Valley Post", guid=f"late-{n}")


def test_pages_are_cached_until_articles_land(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "cache.db")
    try:
        app = create_app(store, Config(environ={}), generation_check_seconds=3600)
        client = Client(app)
        before = client.get("/en/hashtag/PortStrike")
        assert "Late development" not in before.text
        store.save_articles([new_article(1)])
        cached = client.get("/en/hashtag/PortStrike")
        assert cached.text == before.text and cached.headers["etag"] == before.headers["etag"]
        app.state.generation.invalidate()  # what the next generation check does on its own
        fresh = client.get("/en/hashtag/PortStrike")
        assert "Late development number 1" in fresh.text and fresh.headers["etag"] != before.headers["etag"]
        api = client.get("/api/v1/hashtags/PortStrike").json()
        assert api["items"][0]["title"] == "Late development number 1 in port strike"

        live = Client(create_app(store, Config(environ={}), generation_check_seconds=0))
        assert "number 2" not in live.get("/en/hashtag/PortStrike").text
        store.save_articles([new_article(2)])
        assert "Late development number 2" in live.get("/en/hashtag/PortStrike").text
        assert live.get("/api/v1/articles?language=en").json()["items"][0]["title"].startswith("Late development number 2")
    finally:
        store.close()


def test_generation_changes_when_articles_land(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "gen.db")
    try:
        generation = Generation(store, check_interval=0)
        first = generation.current()
        assert generation.current() == first
        store.save_articles([new_article(3)])
        assert generation.current() != first
    finally:
        store.close()


def test_errors_and_uncacheable_answers_are_not_cached(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "nocache.db")
    try:
        app = create_app(store, Config(environ={}), generation_check_seconds=3600)
        client = Client(app)
        late = new_article(4)
        assert client.get(f"/en/article/{late.id}").status_code == 404
        store.save_articles([late])
        # no generation check has happened yet, but the 404 was never cached
        assert client.get(f"/en/article/{late.id}").status_code == 200
        assert client.get("/healthz").json()["status"] == "ok"
        assert client.get("/healthz").headers["cache-control"] == "no-store"
    finally:
        store.close()


def test_gzip_for_clients_that_accept_it(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "gzip.db")
    try:
        client = Client(create_app(store, Config(environ={})))
        plain = client.get("/en/hashtag/PortStrike", headers={"accept-encoding": "identity"})
        assert "content-encoding" not in plain.headers and plain.headers["vary"] == "accept-encoding"
        for _ in range(2):  # compressed once, then served from the cache
            packed = client.get("/en/hashtag/PortStrike", headers={"accept-encoding": "gzip, br"})
            assert packed.headers["content-encoding"] == "gzip"
            assert packed.text == plain.text  # httpx decodes it
            assert int(packed.headers["content-length"]) < len(plain.content) / 2
            assert packed.headers["etag"] != plain.headers["etag"]
        again = client.get("/en/hashtag/PortStrike", headers={"accept-encoding": "gzip",
                                                             "if-none-match": packed.headers["etag"]})
        assert again.status_code == 304
    finally:
        store.close()


async def test_concurrent_misses_build_a_page_once(tmp_path: Path) -> None:
    import asyncio

    import httpx

    from hashwire.web.metrics import Registry

    store, _ = open_seeded(tmp_path / "stampede.db")
    try:
        registry = Registry()
        app = create_app(store, Config(environ={}), registry=registry)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            answers = await asyncio.gather(*(client.get("/en/story/s-port") for _ in range(8)))
        assert {a.status_code for a in answers} == {200} and len({a.text for a in answers}) == 1
        lookups = registry.counter("hashwire_web_cache_total", "", ("result",))
        assert lookups.value(result="miss") == 1
        assert lookups.value(result="wait") >= 1
        assert lookups.value(result="wait") + lookups.value(result="hit") == 7
    finally:
        store.close()
