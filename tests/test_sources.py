"""Turning what an operator types into a Source, against the newsroom and small sites on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest

from hashwire.config import Config
from hashwire.errors import HashwireError
from hashwire.models import Source
from hashwire.newsroom import Newsroom, serve_in_thread
from hashwire.sources import fetch_page_text, resolve_source
from loopback import serve_pages

CONFIG = Config({"allow_private_networks": True}, environ={})


@pytest.fixture(scope="module")
def running() -> Iterator[Any]:
    with serve_in_thread(Newsroom(seed=4, outlets=4, days=1, per_day=2)) as room:
        yield room


def resolve(url: str, kind: str = "auto") -> Source:
    return asyncio.run(resolve_source(url, CONFIG, kind=kind))


def test_a_feed_url_is_a_feed_with_its_title_and_language(running: Any) -> None:
    room: Newsroom = running.newsroom
    arabic = next(o for o in room.outlets if o.language == "ar") if any(
        o.language == "ar" for o in room.outlets) else room.outlets[0]
    found = resolve(running.base_url + arabic.feed_path + "?utm_source=x")
    assert found.kind == "feed" and found.title == arabic.name
    assert found.url == running.base_url + arabic.feed_path  # tracking parameter stripped
    assert found.language == arabic.language


def test_a_site_front_page_leads_to_its_feed(running: Any) -> None:
    outlet = running.newsroom.outlets[1]
    found = resolve(f"{running.base_url}/{outlet.slug}/")
    assert (found.kind, found.url) == ("feed", running.base_url + outlet.feed_path)
    assert found.site_url


def test_a_news_sitemap_is_a_sitemap_and_kinds_are_checked(running: Any) -> None:
    outlet = running.newsroom.outlets[0]
    sitemap = f"{running.base_url}/{outlet.slug}/sitemap-news.xml"
    assert resolve(sitemap).kind == "sitemap"
    with pytest.raises(HashwireError, match="is a sitemap, not a feed"):
        resolve(sitemap, kind="feed")
    with pytest.raises(HashwireError, match="is not a feed"):
        resolve(f"{running.base_url}/{outlet.slug}/", kind="feed")


def test_pages_and_bad_input() -> None:
    assert resolve("https://news.example/a/story.html?utm_medium=rss", kind="page") == Source(
        url="https://news.example/a/story.html", kind="page")
    for junk in ("ftp://files.example/a", "http://", "news dot example"):
        with pytest.raises(HashwireError, match="not a URL"):
            resolve(junk, kind="page")


def test_a_site_whose_feed_links_are_broken_says_why() -> None:
    home = ('<html><head><link rel="alternate" type="application/rss+xml" href="/gone.xml">'
            '<link rel="alternate" type="application/atom+xml" href="/broken.xml"></head><body>Hi</body></html>')

    async def scenario() -> None:
        async with serve_pages({"/": ("text/html", home), "/broken.xml": ("text/plain", "this is no feed")}) as base:
            with pytest.raises(HashwireError, match="no working feed found") as caught:
                await resolve_source(base + "/", CONFIG)
            reason = str(caught.value)
            assert "/gone.xml: HTTP 404" in reason and "/broken.xml" in reason
            assert reason.count("/gone.xml") == 1 and "/rss" not in reason  # guessed paths are not reasons

    asyncio.run(scenario())


def test_a_site_without_feeds_is_taken_as_a_page_and_its_text_fetched() -> None:
    page = "<html><head><title>Ahmed wins</title></head><body><p>Ahmed won the race.</p></body></html>"

    async def scenario() -> None:
        async with serve_pages({"/race.html": ("text/html", page)}) as base:
            found = await resolve_source(base + "/race.html", CONFIG)
            assert (found.kind, found.url) == ("page", base + "/race.html")
            text, final = await fetch_page_text(base + "/race.html", CONFIG)
            assert "Ahmed won the race." in text and final == base + "/race.html"

    asyncio.run(scenario())
