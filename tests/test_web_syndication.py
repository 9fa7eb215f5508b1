"""Feeds out parse as RSS 2.0, Atom and JSON Feed for hashtags, stories, sources, categories and search."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest

from hashwire.config import Config
from hashwire.store import Store
from hashwire.web.app import create_app
from web_corpus import Client, open_seeded

LISTINGS = ["/en/hashtag/portstrike", "/en/story/s-port", "/en/source/valley-post", "/en/category/Business",
            "/en/search"]


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("feeds")) / "feeds.db")
    yield store, info
    store.close()


@pytest.fixture(scope="module")
def client(seeded: tuple[Store, dict[str, Any]]) -> Client:
    return Client(create_app(seeded[0], Config({"base_url": "https://news.example"}, environ={})))


@pytest.mark.parametrize("listing", LISTINGS)
@pytest.mark.parametrize(("suffix", "version", "media"), [
    ("feed.xml", "rss20", "application/rss+xml"), ("feed.atom", "atom10", "application/atom+xml"),
    ("feed.json", "json1", "application/feed+json")])
def test_every_listing_has_three_feeds(client: Client, seeded: Any, listing: str, suffix: str, version: str,
                                       media: str) -> None:
    query = "?q=strike" if listing.endswith("search") else ""
    response = client.get(f"{listing}/{suffix}{query}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    if version == "json1":
        feed = response.json()
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        items = feed["items"]
        links = [i["url"] for i in items]
    else:
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == version
        items = parsed.entries
        links = [e.link for e in items]
        assert all(e.get("published_parsed") for e in items)
    assert items, f"{listing} feed is empty"
    assert all(link.startswith("https://news.example/en/article/") for link in links)
    port_ids = {a.id for a in seeded[1]["port"]}
    if "portstrike" in listing or "s-port" in listing:
        assert {link.rsplit("/", 1)[1] for link in links} == port_ids


def test_feed_items_match_the_page_and_escape_titles(client: Client) -> None:
    parsed = feedparser.parse(client.get("/en/hashtag/PortStrike/feed.xml").content)
    assert parsed.feed.title.startswith("Latest news with #PortStrike")
    assert parsed.feed.link == "https://news.example/en/hashtag/PortStrike"
    first = parsed.entries[0]
    assert first.title == "Port authority offers new talks as strike enters second day"
    assert "#PortStrike" in [t.term for t in first.tags]
    assert first.author == "Valley Post"
    assert first.link.endswith(f"/en/article/{first.link.rsplit('/', 1)[1]}")
    assert first.content[0].value.startswith("<p>The port authority offered new talks")
    atom = feedparser.parse(client.get("/en/hashtag/PortStrike/feed.atom").content)
    assert atom.entries[0].author == "Valley Post"
    assert "<p>" in atom.entries[0].content[0].value
    assert client.get("/en/hashtag/PortStrike/feed.json").json()["items"][0]["content_html"].startswith("<p>")


def test_unknown_feed_format_is_404(client: Client) -> None:
    assert client.get("/en/hashtag/PortStrike/feed.rdf").status_code == 404
    assert client.get("/en/story/nope/feed.xml").status_code == 404


def test_characters_xml_cannot_hold_never_break_a_feed(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from lxml import etree

    from hashwire.models import Article

    store, info = open_seeded(tmp_path / "ctl.db")
    try:
        src = next(iter(info["sources"].values()))
        store.save_articles([Article(
            url="https://ctl.example/1", title="Page\x0cbreak \x01in a title", text="Text\x0b with a tab\x08.",
            published=datetime.now(UTC), source_id=src.id, source_name="Ctl\x02 Wire", language="en",
            hashtags=["ControlChars"], category="Business", guid="ctl-1")])
        client = Client(create_app(store, Config(environ={}), rate_limit=None))
        for suffix in ("feed.xml", "feed.atom"):
            body = client.get(f"/en/hashtag/ControlChars/{suffix}").content
            tree = etree.fromstring(body)  # strict XML parser: raises on any character XML 1.0 forbids
            assert "Pagebreak in a title" in "".join(tree.itertext())
        item = client.get("/en/hashtag/ControlChars/feed.json").json()["items"][0]
        assert item["title"].startswith("Page")
    finally:
        store.close()
