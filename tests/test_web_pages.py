"""Pages on a real SQLite store: every route, the cards, article/story pages, search, pagination, errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from hashwire.config import Config
from hashwire.models import Article
from hashwire.store import Store
from hashwire.web.app import create_app
from web_corpus import Client, open_seeded


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("web")) / "pages.db")
    yield store, info
    store.close()


@pytest.fixture(scope="module")
def client(seeded: tuple[Store, dict[str, Any]]) -> Client:
    store, _ = seeded
    return Client(create_app(store, Config({"base_url": "https://news.example"}, environ={})))


def doc(response: Any) -> Any:
    assert response.status_code == 200, response.text[:500]
    return lxml_html.fromstring(response.text)


def test_home_lists_top_stories_trending_and_categories(client: Client) -> None:
    page = doc(client.get("/"))
    text = page.text_content()
    assert "Top stories" in text and "Trending hashtags" in text and "Categories" in text
    titles = [a.text_content() for a in page.cssselect(".primary .card-title a")]
    # the story covered by four outlets comes before the one covered by one
    assert titles.index("Dock workers strike at the northern port") < titles.index("Storm warning issued for the coast")
    assert page.cssselect('a[href="/en/hashtag/PortStrike"]')
    assert page.cssselect('a[href="/en/category/Business"]')
    hreflang = {link.get("hreflang"): link.get("href") for link in page.cssselect('link[hreflang]')}
    assert hreflang == {"en": "https://news.example/en/", "ar": "https://news.example/ar/"}
    assert "الميناء" not in text  # Arabic content stays on the Arabic pages
    assert doc(client.get("/en/")).cssselect("h1")


def test_hashtag_page_is_case_insensitive_with_canonical_display_form(client: Client) -> None:
    lower, camel = client.get("/en/hashtag/portstrike"), client.get("/en/hashtag/PortStrike")
    assert lower.status_code == camel.status_code == 200
    page = doc(lower)
    assert page.cssselect("h1")[0].text_content() == "Latest news with #PortStrike"
    assert page.cssselect('link[rel="canonical"]')[0].get("href") == "https://news.example/en/hashtag/PortStrike"
    cards = page.cssselect(".primary .card")
    assert len(cards) == 3  # the folded wire copy is not listed twice
    first = cards[0]
    assert first.cssselect(".chip.source")[0].text_content() == "Valley Post"
    assert first.cssselect(".chip.cat")[0].text_content() == "Business"
    assert first.cssselect("time")[0].text_content() == "20 hours ago"
    assert "also covered by 3 outlets" in first.text_content()
    assert {a.text_content() for a in first.cssselect(".tags a")} == {"#PortStrike", "#DockWorkers", "#Negotiations"}
    related = {a.text_content() for a in page.cssselect(".side .tags a")}
    assert {"#DockWorkers", "#Shipping"} <= related and "#PortStrike" not in related


def test_old_items_show_a_date_recent_ones_a_relative_time(client: Client, seeded: Any) -> None:
    _, info = seeded
    old: Article = info["old"]
    page = doc(client.get("/en/hashtag/CityMuseum"))
    shown = page.cssselect(".card time")[0].text_content()
    assert re.fullmatch(r"\d\d-\d\d-\d{4}", shown)
    assert shown == old.published.strftime("%d-%m-%Y")  # type: ignore[union-attr]
    assert doc(client.get("/en/hashtag/StormWarning")).cssselect(".card time")[0].text_content() == "2 hours ago"


def test_article_page(client: Client, seeded: Any) -> None:
    _, info = seeded
    wire: Article = info["port"][2]
    page = doc(client.get(f"/en/article/{wire.id}"))
    assert page.cssselect("h1")[0].text_content() == wire.title
    assert [p.text_content() for p in page.cssselect(".body p")][1] == "About 40 ships were waiting at anchor."
    original = page.cssselect(f'a[href="{wire.url}"]')[0]
    assert original.get("rel") == "noopener noreferrer"
    button = page.cssselect("button.copy-link")[0]
    assert button.get("data-url") == f"https://news.example/en/article/{wire.id}"
    assert "Also published by North Ledger" in page.cssselect(".also")[0].text_content()
    coverage = [a.text_content() for a in page.cssselect(".side .card-title a")]
    assert "Dock workers strike at the northern port" in coverage
    assert wire.title not in coverage
    assert page.cssselect('meta[property="og:type"]')[0].get("content") == "article"
    assert page.cssselect('meta[name="twitter:card"]')


def test_folded_copy_redirects_to_its_canonical_article(client: Client, seeded: Any) -> None:
    _, info = seeded
    response = client.get(f"/en/article/{info['copy'].id}")
    assert response.status_code == 301
    assert response.headers["location"] == f"/en/article/{info['port'][2].id}"


def test_story_page_shows_every_outlet_timeline_first_reporter_and_copies(client: Client, seeded: Any) -> None:
    page = doc(client.get("/en/story/s-port"))
    text = page.text_content()
    assert "Full coverage" in page.cssselect("h1")[0].text_content()
    assert "First reported by Harbor Times" in text
    timeline = [a.text_content() for a in page.cssselect(".timeline .card-title a")]
    assert timeline[0] == "Dock workers strike at the northern port"  # oldest first
    assert len(timeline) == 3
    assert "North Ledger" in page.cssselect(".side")[0].text_content()  # the folded copy, with its outlet


def test_source_and_category_pages(client: Client) -> None:
    page = doc(client.get("/en/source/harbor-times"))
    assert page.cssselect("h1")[0].text_content() == "Latest news from Harbor Times"
    assert len(page.cssselect(".primary .card")) == 3
    cat = doc(client.get("/en/category/business"))
    assert cat.cssselect('link[rel="canonical"]')[0].get("href").endswith("/en/category/Business")
    assert len(cat.cssselect(".primary .card")) == 3
    assert client.get("/en/source/nowhere").status_code == 404


def test_search_highlights_and_filters(client: Client) -> None:
    page = doc(client.get("/en/search?q=strike"))
    assert page.cssselect(".card .excerpt mark")
    assert "noindex" in page.cssselect('meta[name="robots"]')[0].get("content")
    only = doc(client.get("/en/search?q=strike&source=valley-post"))
    sources = {c.text_content() for c in only.cssselect(".card .chip.source")}
    assert sources == {"Valley Post"}
    switch = only.cssselect("nav.langs a")[0].get("href")
    assert switch == "/ar/search?q=strike&source=valley-post"
    none = doc(client.get("/en/search?q=strike&from=2001-01-01&to=2001-01-02"))
    assert "Nothing found." in none.text_content()
    bad = client.get("/en/search?q=x&from=yesterday")
    assert bad.status_code == 400 and "That address could not be understood" in bad.text


def test_keyset_pagination_walks_every_article_once(seeded: Any) -> None:
    store, _ = seeded
    app = create_app(store, Config(environ={}))
    from hashwire.web.resources import Site

    site: Site = app.state.site
    from hashwire.store import ArticleQuery
    from hashwire.web.resources import decode_cursor

    seen: list[str] = []
    cursor = None
    while True:
        page = site.listing(ArticleQuery(language="en", before=decode_cursor(cursor), limit=2))
        seen += [c["id"] for c in page["items"]]
        cursor = page["next"]
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 6
    html = Client(app).get("/en/source/harbor-times").text
    assert 'rel="next"' not in html and "Latest</a>" not in html
    older = Client(app).get("/en/source/harbor-times?before=20991231T000000.000000Z_" + "f" * 32).text
    assert '<a href="/en/source/harbor-times">← Latest</a>' in older
    first = doc(Client(app).get("/en/hashtag/PortStrike?before=" + "20991231T000000.000000Z_" + "f" * 32))
    assert len(first.cssselect(".primary .card")) == 3
    assert Client(app).get("/en/hashtag/PortStrike?before=garbage").status_code == 400


def test_friendly_errors(client: Client, seeded: Any, tmp_path: Path) -> None:
    missing = client.get("/en/article/" + "0" * 32)
    assert missing.status_code == 404
    assert "Page not found" in missing.text and 'href="/en/"' in missing.text
    assert client.get("/en/story/nope").status_code == 404
    assert client.get("/xx/hashtag/Foo").status_code == 404
    assert client.get("/en/hashtag/NoSuchTagAnywhere").status_code == 404
    assert client.get("/en/category/NoSuchSection").status_code == 404
    assert client.get("/en/category/Health").status_code == 200  # a known section with nothing in it yet
    arabic = client.get("/ar/article/" + "0" * 32)
    assert arabic.status_code == 404 and "الصفحة غير موجودة" in arabic.text
    store, _ = open_seeded(tmp_path / "closed.db")
    app = create_app(store, Config(environ={}))
    store.close()  # every store call now fails: the one error handler answers with a friendly page
    broken = Client(app).get("/en/hashtag/PortStrike")
    assert broken.status_code >= 500
    assert "Something went wrong" in broken.text
    assert "content-security-policy" in broken.headers
    health = Client(app).get("/healthz")
    assert health.status_code == 503 and health.json()["status"] == "error"


def test_seo_files(client: Client, seeded: Any, tmp_path: Path) -> None:
    robots = client.get("/robots.txt").text
    assert "Sitemap: https://news.example/sitemap.xml" in robots
    index = client.get("/sitemap.xml")
    assert index.headers["content-type"].startswith("application/xml") and "<sitemapindex" in index.text
    maps = re.findall(r"<loc>https://news\.example(/sitemap-[^<]+)</loc>", index.text)
    old_day = seeded[1]["old"].published.date().isoformat()
    assert maps[0] == "/sitemap-pages.xml" and f"/sitemap-{old_day}.xml" in maps
    canonical = [*seeded[1]["port"], *seeded[1]["storm"], seeded[1]["old"], *seeded[1]["arabic"]]
    assert len(maps) == 1 + len({a.published.date() for a in canonical})  # folded copies are not listed
    every = "".join(client.get(m).text for m in maps)
    assert f"https://news.example/en/article/{seeded[1]['port'][0].id}" in every
    assert f"https://news.example/ar/article/{seeded[1]['arabic'][0].id}" in every
    assert f"https://news.example/en/article/{seeded[1]['old'].id}" in client.get(f"/sitemap-{old_day}.xml").text
    assert "https://news.example/en/hashtag/PortStrike" in client.get("/sitemap-pages.xml").text
    assert client.get("/sitemap-yesterday.xml").status_code == 404
    news = client.get("/sitemap-news.xml").text
    assert "<news:publication_date>" in news and seeded[1]["old"].id not in news  # only the last two days
    store, _ = seeded
    staging = Client(create_app(store, Config({"noindex": True}, environ={})))
    page = staging.get("/en/hashtag/PortStrike")
    assert page.headers["x-robots-tag"].startswith("noindex")
    assert 'name="robots" content="noindex' in page.text
    assert staging.get("/robots.txt").text == "User-agent: *\nDisallow: /\n"


@pytest.mark.postgres
def test_the_site_on_postgresql() -> None:
    """The same pages and API answers on the scale-out backend."""
    from hashwire.store import open_store
    from store_fixtures import postgres_schema, postgres_unreachable
    from web_corpus import seed

    if reason := postgres_unreachable():
        pytest.skip(reason)
    with postgres_schema() as url:
        store = open_store(url)
        try:
            info = seed(store)
            client = Client(create_app(store, Config(environ={})))
            page = doc(client.get("/en/hashtag/portstrike"))
            api = client.get("/api/v1/hashtags/PortStrike?language=en").json()
            ids = [a.get("href").rsplit("/", 1)[1] for a in page.cssselect(".primary .card-title a")]
            assert ids == [c["id"] for c in api["items"]] and len(ids) == 3
            article = doc(client.get(f"/en/article/{info['port'][2].id}"))
            assert "Also published by North Ledger" in article.text_content()
            assert client.get(f"/en/article/{info['copy'].id}").status_code == 301
            assert "First reported by Harbor Times" in doc(client.get("/en/story/s-port")).text_content()
            assert doc(client.get("/en/search?q=strike")).cssselect(".card mark")
            assert doc(client.get("/ar/")).cssselect(".chip.cat")[0].text_content() == "اقتصاد"
            assert client.get("/sitemap.xml").status_code == 200
        finally:
            store.close()
