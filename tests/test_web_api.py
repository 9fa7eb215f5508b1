"""JSON API: same data as the pages, OpenAPI document, docs page, ETag/304, rate limits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from hashwire.config import Config
from hashwire.store import Store
from hashwire.web.app import create_app
from hashwire.web.ratelimit import TokenBuckets
from web_corpus import Client, open_seeded


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("api")) / "api.db")
    yield store, info
    store.close()


@pytest.fixture(scope="module")
def client(seeded: tuple[Store, dict[str, Any]]) -> Client:
    return Client(create_app(seeded[0], Config(environ={}), rate_limit=None))


def page_ids(html: str, selector: str = ".primary .card-title a") -> list[str]:
    return [a.get("href").rsplit("/", 1)[1] for a in lxml_html.fromstring(html).cssselect(selector)]


def test_hashtag_api_equals_the_page(client: Client) -> None:
    api = client.get("/api/v1/hashtags/portstrike?language=en").json()
    assert api["tag"] == "PortStrike" and api["key"] == "portstrike"
    assert [c["id"] for c in api["items"]] == page_ids(client.get("/en/hashtag/PortStrike").text)
    card = api["items"][0]
    assert card["source"] == {"id": card["source"]["id"], "name": "Valley Post", "slug": "valley-post"}
    assert card["also_covered_by"] == 3 and card["category"] == "Business"
    assert re.match(r"\d{4}-\d\d-\d\dT", card["published"])
    listing = client.get("/api/v1/articles?hashtag=PortStrike&language=en").json()
    assert [c["id"] for c in listing["items"]] == [c["id"] for c in api["items"]]


def test_article_story_and_lists(client: Client, seeded: Any) -> None:
    _, info = seeded
    wire = info["port"][2]
    article = client.get(f"/api/v1/articles/{wire.id}").json()
    assert article["article"]["title"] == wire.title
    assert [(s["name"], s["article_id"]) for s in article["also_published_by"]] == [("North Ledger", info["copy"].id)]
    assert [c["id"] for c in article["coverage"]] == page_ids(client.get(f"/en/article/{wire.id}").text,
                                                             ".side section:first-child .card-title a")
    moved = client.get(f"/api/v1/articles/{info['copy'].id}", follow_redirects=False)
    assert moved.status_code == 301 and moved.headers["location"] == f"/api/v1/articles/{wire.id}"
    story = client.get("/api/v1/stories/s-port").json()
    assert story["first"]["source"]["name"] == "Harbor Times"
    assert [c["id"] for c in story["articles"]] == page_ids(client.get("/en/story/s-port").text,
                                                            ".timeline .card-title a")
    assert story["copies"][0]["id"] == info["copy"].id
    top = client.get("/api/v1/stories?language=en").json()["items"]
    assert top[0]["id"] == "s-port" and top[0]["lead"]["id"] == info["port"][0].id
    trending = client.get("/api/v1/trending?language=ar").json()["items"]
    assert trending[0]["tag"] == "إضراب_الميناء"
    slugs = {s["slug"] for s in client.get("/api/v1/sources").json()["items"]}
    assert slugs == {source.slug for source in info["sources"].values()}
    cats = client.get("/api/v1/categories?language=en").json()["items"]
    assert cats[0] == {"name": "Business", "articles": 4}  # counted over stories, folded copies included
    hits = client.get("/api/v1/search?q=strike&language=en").json()
    assert hits["items"] and all("<mark>" in h["snippet"] for h in hits["items"])
    assert {lang["code"]: lang["dir"] for lang in client.get("/api/v1/languages").json()["items"]} == \
        {"en": "ltr", "ar": "rtl"}


def test_newest_first_search_pages_by_cursor(client: Client) -> None:
    everything = client.get("/api/v1/search?q=strike&order=recent&language=&limit=100").json()
    assert everything["next"] is None and len(everything["items"]) >= 3
    published = [c["published"] for c in everything["items"]]
    assert published == sorted(published, reverse=True)
    walked, cursor = [], ""
    for _ in range(50):
        page = client.get(f"/api/v1/search?q=strike&order=recent&language=&limit=2&before={cursor}").json()
        assert page["next_page"] is None and len(page["items"]) <= 2
        walked += [c["id"] for c in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert walked == [c["id"] for c in everything["items"]]
    assert client.get("/api/v1/search?q=strike&order=recent&before=junk").status_code == 400


def test_api_errors_are_json(client: Client) -> None:
    for url, status in (("/api/v1/articles/" + "0" * 32, 404), ("/api/v1/stories/nope", 404),
                        ("/api/v1/articles?limit=1000", 400), ("/api/v1/search", 400),
                        ("/api/v1/articles?before=junk", 400), ("/api/v1/nothing", 404)):
        response = client.get(url)
        assert response.status_code == status, url
        assert response.json()["error"]["status"] == status


def test_etag_cache_control_and_304(client: Client) -> None:
    first = client.get("/api/v1/hashtags/PortStrike")
    etag = first.headers["etag"]
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = client.get("/api/v1/hashtags/PortStrike", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    page = client.get("/en/hashtag/PortStrike")
    assert client.get("/en/hashtag/PortStrike", headers={"if-none-match": page.headers["etag"]}).status_code == 304
    assert client.get("/api/v1/hashtags/PortStrike", headers={"if-none-match": '"other"'}).status_code == 200


def test_rate_limit_answers_429_with_retry_after(seeded: Any) -> None:
    app = create_app(seeded[0], Config(environ={}), rate_limit=(1.0, 3))
    greedy, patient = Client(app, "10.0.0.1"), Client(app, "10.0.0.2")
    statuses = [greedy.get("/api/v1/sources").status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    limited = greedy.get("/api/v1/sources")
    assert int(limited.headers["retry-after"]) >= 1 and limited.json()["error"]["status"] == 429
    assert patient.get("/api/v1/sources").status_code == 200  # buckets are per client
    assert greedy.get("/en/hashtag/PortStrike").status_code == 200  # pages are not limited


def test_token_bucket_refills() -> None:
    buckets = TokenBuckets(rate=2.0, burst=2)
    assert buckets.take("a", now=0.0) == 0 and buckets.take("a", now=0.0) == 0
    assert buckets.take("a", now=0.0) == pytest.approx(0.5)
    assert buckets.take("a", now=0.6) == 0


def test_openapi_document_and_self_hosted_docs(client: Client) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.1")
    routes = {r.path for r in client.app.routes if r.path.startswith("/api/v1/") and r.path != "/api/v1/openapi.json"}  # type: ignore[attr-defined]
    assert set(spec["paths"]) == routes
    for path, item in spec["paths"].items():
        for param in item["get"]["parameters"]:
            if param["in"] == "path":
                assert "{" + param["name"] + "}" in path
    refs = re.findall(r'"#/components/schemas/(\w+)"', client.get("/api/v1/openapi.json").text)
    assert set(refs) <= set(spec["components"]["schemas"])
    docs = client.get("/api/docs")
    assert docs.status_code == 200
    page = lxml_html.fromstring(docs.text)
    sources = [e.get("src") or e.get("href") for e in page.cssselect("script, link[rel=stylesheet]")]
    assert sources and all(s.startswith("/static/") for s in sources)  # nothing from a CDN
    assert client.get("/static/api-docs.js").status_code == 200


def test_merged_story_redirects_in_api_and_feeds(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from hashwire.models import Story

    store, _info = open_seeded(tmp_path / "merged.db")
    try:
        when = datetime(2026, 11, 1, tzinfo=UTC)
        store.save_articles([], [Story(id="s-gone", title="", first_seen=when, last_seen=when, merged_into="s-port")])
        client = Client(create_app(store, Config(environ={}), rate_limit=None))
        api = client.get("/api/v1/stories/s-gone", follow_redirects=False)
        assert api.status_code == 301 and api.headers["location"] == "/api/v1/stories/s-port"
        feed = client.get("/en/story/s-gone/feed.xml", follow_redirects=False)
        assert feed.status_code == 301 and feed.headers["location"] == "/en/story/s-port/feed.xml"
    finally:
        store.close()


def test_trending_is_kept_for_a_while_as_the_store_changes(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import UTC, datetime, timedelta

    from hashwire.models import Article
    from hashwire.web import resources

    store, info = open_seeded(tmp_path / "trend.db")
    try:
        site = create_app(store, Config(environ={}), rate_limit=None).state.site
        site.generation.check_interval = site.generation._interval = 0.0
        before = [t["tag"] for t in site.trending("en")]
        now = datetime.now(UTC)
        fresh = [Article(url=f"https://{s.slug}.example/eclipse-{i}", title=f"Eclipse seen {i}", text="Eclipse.",
                         published=now - timedelta(minutes=i), fetched_at=now, language="en", source_id=s.id,
                         source_name=s.title, guid=f"eclipse-{i}", hashtags=["SolarEclipse"],
                         category="Science", story_id=f"s-eclipse-{i}")
                 for i, s in enumerate(info["sources"].values()) if s.language == "en"]
        store.save_articles(fresh)
        assert [t["tag"] for t in site.trending("en")] == before  # within TRENDING_REFRESH of the last count
        monkeypatch.setattr(resources, "TRENDING_REFRESH", 0.0)
        assert site.trending("en")[0]["tag"] == "SolarEclipse"
    finally:
        store.close()


def test_api_category_filter_is_case_insensitive(client: Client) -> None:
    exact = client.get("/api/v1/articles?category=Business").json()["items"]
    lower = client.get("/api/v1/articles?category=business").json()["items"]
    assert exact and [c["id"] for c in lower] == [c["id"] for c in exact]
    assert client.get("/api/v1/stories?category=BUSINESS").json()["items"]
