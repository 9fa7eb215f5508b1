"""The application shell: the one error handler (405, 500, store errors) on pages and API, settings that
shape the app, the health probe, store gauges on /metrics, HEAD, and hostile path parameters."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hashwire.config import Config
from hashwire.errors import StoreError
from hashwire.models import Source
from hashwire.store import Store
from hashwire.web.app import DEFAULT_RATE_LIMIT, configured_rate_limit, create_app
from hashwire.web.metrics import Registry
from web_corpus import Client, open_seeded


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("app")) / "app.db")
    yield store, info
    store.close()


@pytest.fixture(scope="module")
def client(seeded: tuple[Store, dict[str, Any]]) -> Client:
    return Client(create_app(seeded[0], Config(environ={}), rate_limit=None))


def request(client: Client, method: str, url: str) -> httpx.Response:
    return asyncio.run_coroutine_threadsafe(client.http.request(method, url), client.loop).result()


def test_wrong_method_is_405_with_allow_on_pages_and_api(client: Client) -> None:
    page = request(client, "POST", "/en/hashtag/PortStrike")
    assert page.status_code == 405 and page.headers["content-type"].startswith("text/html")
    assert set(page.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}
    api = request(client, "DELETE", "/api/v1/articles")
    assert api.status_code == 405 and api.json() == {"error": {"status": 405, "message": "Method Not Allowed"}}
    assert set(api.headers["allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}
    assert api.headers["content-security-policy"].startswith("default-src 'none'")


def test_unexpected_errors_are_500_without_details(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "boom.db")
    try:
        def boom(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("secret detail /var/lib/hashwire")

        store.list_sources = boom  # type: ignore[method-assign]
        store.source_by_slug = boom  # type: ignore[method-assign]
        client = Client(create_app(store, Config(environ={}), rate_limit=None))
        api = client.get("/api/v1/sources")
        assert api.status_code == 500 and api.json() == {"error": {"status": 500, "message": "internal error"}}
        assert api.headers["cache-control"] == "no-store"
        page = client.get("/en/source/harbor-times")
        assert page.status_code == 500 and "Something went wrong" in page.text
        assert "secret detail" not in page.text and "secret detail" not in api.text
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
        assert page.headers["x-frame-options"] == "DENY"
    finally:
        store.close()


def test_store_errors_answer_with_their_status(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "busy.db")
    try:
        def busy(*args: Any, **kwargs: Any) -> Any:
            raise StoreError("database is locked")

        store.list_sources = busy  # type: ignore[method-assign]
        client = Client(create_app(store, Config(environ={}), rate_limit=None))
        api = client.get("/api/v1/sources")
        assert api.status_code == 503 and api.json()["error"] == {"status": 503, "message": "database is locked"}
        assert client.get("/api/v1/sources").status_code == 503  # an error is never cached
    finally:
        store.close()


def test_rate_limit_settings() -> None:
    assert configured_rate_limit(Config(environ={})) == DEFAULT_RATE_LIMIT
    assert configured_rate_limit(Config(environ={"HASHWIRE_API_RATE_LIMIT": "0"})) is None
    assert configured_rate_limit(Config(environ={"HASHWIRE_API_RATE_LIMIT": "2.5",
                                                 "HASHWIRE_API_BURST": "7"})) == (2.5, 7)


def test_the_app_takes_its_rate_limit_from_the_settings(seeded: Any) -> None:
    config = Config(environ={"HASHWIRE_API_RATE_LIMIT": "0.001", "HASHWIRE_API_BURST": "2"})
    client = Client(create_app(seeded[0], config), "10.9.9.9")
    assert [client.get("/api/v1/languages").status_code for _ in range(3)] == [200, 200, 429]
    off = Client(create_app(seeded[0], Config(environ={"HASHWIRE_API_RATE_LIMIT": "0"})), "10.9.9.9")
    assert {off.get("/api/v1/languages").status_code for _ in range(5)} == {200}


def test_health_probe_reads_the_store_now(tmp_path: Path) -> None:
    store, _ = open_seeded(tmp_path / "health.db")
    try:
        client = Client(create_app(store, Config(environ={}), generation_check_seconds=3600.0))
        first = client.get("/healthz")
        assert first.status_code == 200 and first.headers["cache-control"] == "no-store"
        store.add_source(Source(url="https://late.example/feed", title="Late"))
        second = client.get("/healthz").json()
        assert second["status"] == "ok" and second["generation"] > first.json()["generation"]
    finally:
        store.close()


def test_metrics_carry_store_gauges(seeded: Any) -> None:
    registry = Registry()
    client = Client(create_app(seeded[0], Config(environ={}), registry=registry))
    response = client.get("/metrics")
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    assert response.headers["cache-control"] == "no-store"
    text = response.text
    assert 'hashwire_sources{state="due"} 6' in text and 'hashwire_sources{state="disabled"} 0' in text
    size = next(line for line in text.splitlines() if line.startswith("hashwire_store_bytes "))
    assert int(size.split()[1]) == seeded[0].size_bytes()
    assert 'hashwire_store_objects{kind="articles"} 8' in text


def test_head_answers_like_get_without_a_body(client: Client) -> None:
    for url in ("/en/hashtag/PortStrike", "/api/v1/sources", "/sitemap.xml", "/robots.txt"):
        get, head = client.get(url), request(client, "HEAD", url)
        assert head.status_code == 200 and head.content == b"", url
        assert head.headers["content-type"] == get.headers["content-type"], url


@pytest.mark.parametrize("url", [
    "/en/hashtag/%00", "/en/hashtag/%ff%fe", "/en/hashtag/" + "a" * 5000, "/en/article/" + "A" * 32,
    "/en/article/%00", "/en/story/..%2F..%2Fetc", "/en/source/%ff", "/en/category/%00%01",
    "/en/hashtag/PortStrike/feed.bogus", "/en/story/s-port/feed.", "/zz/", "/en/search?q=%00&page=-5",
    "/en/search?q=x&page=99999999999999999999999", "/en/search?q=x&from=2026-02-30",
    "/api/v1/search?q=x&page=abc", "/api/v1/articles?limit=1e3", "/api/v1/articles?language=%00",
    "/api/v1/hashtags/%20", "/api/v1/stories/%00", "/api/v1/articles?before=99999999T999999.999999Z_a",
    "/sitemap-0000-00-00.xml", "/static/..%2Fapp.py"])
def test_hostile_parameters_never_reach_a_500(client: Client, url: str) -> None:
    response = client.get(url, follow_redirects=False)
    assert response.status_code < 500, (url, response.status_code)
