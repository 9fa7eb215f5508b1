"""robots.txt read by a real robots parser, sitemaps that stay well-formed XML whatever the stored text,
day files that split at midnight UTC, the size caps, and sitemaps that follow the store as it changes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from lxml import etree
from protego import Protego

from hashwire.config import Config
from hashwire.models import Article, Source, Story
from hashwire.store import Store, open_store
from hashwire.web import seo
from hashwire.web.app import create_app
from web_corpus import Client

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
TODAY = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'seo.db'}")
    yield s
    s.close()


def source(store: Store) -> Source:
    return store.add_source(Source(url="https://outlet.example/feed", title="Outlet", slug="outlet"))


def article(src: Source, n: int, published: datetime, **fields: Any) -> Article:
    values: dict[str, Any] = {"url": f"https://outlet.example/{n}", "title": f"Article {n}", "text": "Body.",
                              "published": published, "fetched_at": published, "language": "en",
                              "source_id": src.id, "source_name": "Outlet", "guid": f"g{n}"}
    values.update(fields)
    return Article(**values)


def client(store: Store, **settings: Any) -> Client:
    config = Config({"base_url": "https://news.example", **settings}, environ={})
    return Client(create_app(store, config, rate_limit=None, generation_check_seconds=0.0))


def xml(response: Any) -> etree._Element:
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("application/xml")
    return etree.fromstring(response.content, etree.XMLParser(recover=False, resolve_entities=False))


def locs(root: etree._Element) -> list[str]:
    return [el.text or "" for el in root.iter(f"{SM}loc")]


def all_article_urls(c: Client) -> list[str]:
    urls = []
    for index_loc in locs(xml(c.get("/sitemap.xml"))):
        urls += locs(xml(c.get(index_loc.removeprefix("https://news.example"))))
    return [u for u in urls if "/article/" in u]


def test_robots_rules_as_a_crawler_reads_them(store: Store) -> None:
    text = client(store, base_url="https://news.example/").get("/robots.txt").text
    robots = Protego.parse(text)
    agent = "Googlebot"
    for allowed in ("/", "/en/", "/en/hashtag/PortStrike", "/ar/article/" + "a" * 32, "/en/story/s1",
                    "/sitemap.xml", "/en/hashtag/PortStrike/feed.xml"):
        assert robots.can_fetch("https://news.example" + allowed, agent), allowed
    for blocked in ("/api/v1/articles", "/api/docs", "/en/search?q=x", "/ar/search", "/en/search/feed.xml?q=x"):
        assert not robots.can_fetch("https://news.example" + blocked, agent), blocked
    assert list(robots.sitemaps) == ["https://news.example/sitemap.xml", "https://news.example/sitemap-news.xml"]


def test_noindex_robots_blocks_every_crawler_everywhere(store: Store) -> None:
    robots = Protego.parse(client(store, noindex=True).get("/robots.txt").text)
    for path in ("/", "/en/hashtag/X", "/sitemap.xml", "/static/site.css"):
        for agent in ("Googlebot", "Bingbot", "AnyBot"):
            assert not robots.can_fetch("https://news.example" + path, agent)
    assert list(robots.sitemaps) == []


HOSTILE_TITLES = ['Profits & losses <up> "50%"', "Tom's ]]> CDATA end", "Tab\there, form\x0cfeed, bell\x07",
                  "Surrogate-free emoji 🚢 and Arabic إضراب", "&amp; already escaped &lt;b&gt;"]


def test_sitemaps_stay_well_formed_whatever_the_stored_text(store: Store) -> None:
    src = source(store)
    now = datetime.now(UTC) - timedelta(minutes=5)
    arts = [article(src, i, now - timedelta(minutes=i), title=t, hashtags=[f"Tag{i}", "R&D <x>"],
                    story_id=f"s&{i} \"q\"") for i, t in enumerate(HOSTILE_TITLES)]
    stories = [Story(id=a.story_id or "", title=a.title, first_seen=now, last_seen=now, language="en",
                     lead_article_id=a.id) for a in arts]
    store.save_articles(arts, stories)
    c = client(store, site_name="News & <Co>")
    news = xml(c.get("/sitemap-news.xml"))
    titles = [el.text for el in news.iter(f"{NEWS}title")]
    expected = ["".join(ch for ch in t if ch in "\t\n\r" or ch >= " ") for t in HOSTILE_TITLES]
    assert titles == expected  # what XML 1.0 cannot hold is dropped, the rest comes back exactly
    assert {el.text for el in news.iter(f"{NEWS}name")} == {"News & <Co>"}
    pages = locs(xml(c.get("/sitemap-pages.xml")))
    story_urls = [unquote(u.rsplit("/story/", 1)[1]) for u in pages if "/story/" in u]
    assert sorted(story_urls) == sorted(a.story_id for a in arts)  # percent-encoded, then XML-escaped
    assert "https://news.example/en/hashtag/R%26D%20%3Cx%3E" in pages
    assert sorted(all_article_urls(c)) == sorted(f"https://news.example/en/article/{a.id}" for a in arts)


def test_day_files_split_at_midnight_utc(store: Store) -> None:
    src = source(store)
    day = TODAY - timedelta(days=3)
    last_moment = article(src, 1, day - timedelta(microseconds=1))  # the day before, its last microsecond
    midnight = article(src, 2, day)
    late = article(src, 3, day + timedelta(hours=23, minutes=59, seconds=59, microseconds=999_999))
    store.save_articles([last_moment, midnight, late])
    c = client(store)
    index = locs(xml(c.get("/sitemap.xml")))
    before, on = (day - timedelta(days=1)).date().isoformat(), day.date().isoformat()
    assert f"https://news.example/sitemap-{before}.xml" in index and f"https://news.example/sitemap-{on}.xml" in index
    assert locs(xml(c.get(f"/sitemap-{before}.xml"))) == [f"https://news.example/en/article/{last_moment.id}"]
    assert sorted(locs(xml(c.get(f"/sitemap-{on}.xml")))) == sorted(
        f"https://news.example/en/article/{a.id}" for a in (midnight, late))
    assert len(all_article_urls(c)) == 3  # each article in exactly one day file


def test_lastmod_is_a_w3c_datetime_and_ninety_days_are_listed(store: Store) -> None:
    src = source(store)
    inside = article(src, 1, TODAY - timedelta(days=seo.SITEMAP_DAYS - 1, hours=-1))
    outside = article(src, 2, TODAY - timedelta(days=seo.SITEMAP_DAYS, hours=-1))
    store.save_articles([inside, outside])
    c = client(store)
    assert all_article_urls(c) == [f"https://news.example/en/article/{inside.id}"]
    day = xml(c.get(f"/sitemap-{inside.published.date().isoformat()}.xml"))  # type: ignore[union-attr]
    lastmod = next(day.iter(f"{SM}lastmod")).text or ""
    assert datetime.fromisoformat(lastmod) == inside.published


def test_a_busy_day_is_listed_in_full(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seo, "SITEMAP_ARTICLES", 3)
    src = source(store)
    day = TODAY - timedelta(days=2)
    store.save_articles([article(src, 10 * i + m, day + timedelta(hours=i, minutes=m)) for i in range(7) for m in (1, 2)])
    urls = all_article_urls(client(store))
    assert len(urls) == len(set(urls)) == 14  # 14 > 3 on one day: seven hourly files of two
    quiet = TODAY - timedelta(days=3)
    store.save_articles([article(src, 100 + i, quiet + timedelta(hours=i)) for i in range(2)])
    index = client(store).get("/sitemap.xml").text
    assert f"/sitemap-{quiet.date().isoformat()}.xml" in index  # a day under the cap stays one file
    assert f"/sitemap-{day.date().isoformat()}-05.xml" in index and f"/sitemap-{day.date().isoformat()}.xml" not in index
    assert client(store).get(f"/sitemap-{day.date().isoformat()}-25.xml").status_code == 404


def test_a_day_file_never_holds_more_than_its_cap(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seo, "SITEMAP_ARTICLES", 3)
    src = source(store)
    day = TODAY - timedelta(days=2)
    arts = [article(src, i, day + timedelta(hours=i)) for i in range(7)]
    store.save_articles(arts)
    urls = locs(xml(client(store).get(f"/sitemap-{day.date().isoformat()}.xml")))
    assert urls == [f"https://news.example/en/article/{a.id}" for a in reversed(arts[-3:])]  # newest first


def test_news_sitemap_newest_first_capped_and_without_copies(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seo, "NEWS_SITEMAP_ARTICLES", 2)
    src = source(store)
    now = datetime.now(UTC)
    canon = article(src, 1, now - timedelta(hours=1), language="")
    copy = article(src, 2, now - timedelta(minutes=1), duplicate_of=canon.id)
    french = article(src, 3, now - timedelta(hours=2), language="fr")
    older = article(src, 4, now - timedelta(hours=3))
    store.save_articles([canon, copy, french, older])
    news = xml(client(store).get("/sitemap-news.xml"))
    assert locs(news) == [f"https://news.example/en/article/{canon.id}", f"https://news.example/en/article/{french.id}"]
    assert [el.text for el in news.iter(f"{NEWS}language")] == ["en", "fr"]


def test_sitemaps_follow_the_store(store: Store) -> None:
    src = source(store)
    store.save_articles([article(src, 1, TODAY - timedelta(days=5))])
    c = client(store)
    assert len(all_article_urls(c)) == 1
    late = article(src, 2, TODAY - timedelta(days=5, hours=-2))
    fresh = article(src, 3, datetime.now(UTC) - timedelta(minutes=1))
    store.save_articles([late, fresh])
    urls = all_article_urls(c)
    assert f"https://news.example/en/article/{late.id}" in urls and len(urls) == 3
    assert f"https://news.example/en/article/{fresh.id}" in locs(xml(c.get("/sitemap-news.xml")))


def test_bad_day_names_are_not_found(store: Store) -> None:
    c = client(store)
    for name in ("2026-02-30", "2026-13-01", "20260101", "2026-1-1x", "..%2Fetc"):
        assert c.get(f"/sitemap-{name}.xml").status_code == 404, name
    empty = xml(c.get("/sitemap-2001-01-01.xml"))  # a real day with nothing on it: an empty, valid file
    assert locs(empty) == []
