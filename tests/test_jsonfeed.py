"""JSON Feed 1.0 and 1.1 -> Feed: authors across versions, ids, relative URLs, dates, mistyped and hostile input."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from hashwire.errors import FeedParseError
from hashwire.jsonfeed import looks_like_json, parse_json_feed
from hashwire.models import Feed

V10 = "https://jsonfeed.org/version/1"
V11 = "https://jsonfeed.org/version/1.1"


def parse(doc: dict[str, Any] | list[Any], url: str = "") -> Feed:
    return parse_json_feed(json.dumps(doc).encode(), url)


@pytest.mark.parametrize(("data", "content_type", "expected"), [
    (b'{"version": "x"}', "", True),
    (b'\xef\xbb\xbf \r\n\t{"items": []}', "", True),
    (b'["not", "an", "object"]', "", False),
    (b'["still json"]', "application/feed+json", True),
    (b"<rss/>", "application/json", False),
    (b"", "application/json", False),
])
def test_looks_like_json(data: bytes, content_type: str, expected: bool) -> None:
    assert looks_like_json(data, content_type) is expected


def test_version_1_0_author_at_feed_level_applies_to_items() -> None:
    feed = parse({"version": V10, "title": "Old style", "author": {"name": "Desk", "url": "https://d.example/"},
                  "items": [{"id": "1"}, {"id": "2", "author": {"name": "Item Writer"}}]})
    assert [e.authors for e in feed.entries] == [["Desk"], ["Item Writer"]]


def test_version_1_1_authors_lists_and_junk_inside_them() -> None:
    feed = parse({"version": V11, "authors": [{"name": " Ana "}, {"url": "https://x.example/"}, {"name": "  "},
                                              "just a string", None, {"name": "Bo"}],
                  "author": {"name": "ignored when authors is a list"},
                  "items": [{"id": "1"}, {"id": "2", "authors": [{"name": "Cy"}, {"name": 7}]}]})
    assert [e.authors for e in feed.entries] == [["Ana", "Bo"], ["Cy"]]


def test_version_1_1_languages() -> None:
    feed = parse({"version": V11, "language": "ar", "items": [{"id": "1", "language": "en-GB"}, {"id": "2"}]})
    assert feed.language == "ar"
    assert [e.language for e in feed.entries] == ["en-GB", ""]  # the feed's language stays on the feed


@pytest.mark.parametrize(("raw", "guid"), [
    ("  abc  ", "abc"), (42, "42"), (1.5, "1.5"), (None, ""), (["x"], ""), ({"id": 1}, ""),
])
def test_ids(raw: object, guid: str) -> None:
    (entry,) = parse({"version": V11, "items": [{"id": raw}]}).entries
    assert entry.guid == guid


def test_relative_urls_resolve_against_the_declared_feed_url() -> None:
    doc = {"version": V11, "feed_url": "https://cdn.example/feeds/main.json",
           "items": [{"id": "1", "url": "../p/1", "image": "/img/1.jpg"},
                     {"id": "2", "url": "https://abs.example/2", "banner_image": "b.png"}]}
    first, second = parse(doc, "https://fetched.example/feed.json").entries
    assert (first.link, first.image) == ("https://cdn.example/p/1", "https://cdn.example/img/1.jpg")
    assert (second.link, second.image) == ("https://abs.example/2", "https://cdn.example/feeds/b.png")
    # no feed_url: the URL it was fetched from
    (entry,) = parse({"version": V11, "items": [{"id": "1", "url": "p/1", "image": "i.jpg"}]},
                     "https://fetched.example/f/feed.json").entries
    assert (entry.link, entry.image) == ("https://fetched.example/f/p/1", "https://fetched.example/f/i.jpg")
    # and nothing to resolve against: as written
    (entry,) = parse({"version": V11, "items": [{"id": "1", "url": "p/1", "image": "i.jpg"}]}).entries
    assert (entry.link, entry.image) == ("p/1", "i.jpg")


def test_image_prefers_image_over_banner() -> None:
    (entry,) = parse({"version": V11, "items": [{"id": "1", "image": "https://i.example/a.jpg",
                                                 "banner_image": "https://i.example/b.jpg"}]}).entries
    assert entry.image == "https://i.example/a.jpg"


def test_dates_in_utc_and_an_update_only_item_is_published_then() -> None:
    items = [{"id": "1", "date_published": "2026-11-10T10:00:00-05:00", "date_modified": "2026-11-11T00:00:00Z"},
             {"id": "2", "date_modified": "2026-11-12T08:30:00+01:00"},
             {"id": "3", "date_published": "last Tuesday"},
             {"id": "4", "date_published": 1731230000}]
    one, two, three, four = parse({"version": V11, "items": items}).entries
    assert (one.published, one.updated) == (datetime(2026, 11, 10, 15, tzinfo=UTC), datetime(2026, 11, 11, tzinfo=UTC))
    assert two.published == two.updated == datetime(2026, 11, 12, 7, 30, tzinfo=UTC)
    assert (three.published, four.published) == (None, None)


def test_content_and_summary() -> None:
    long_text = "word " * 200
    items = [{"id": "1", "content_html": "<p>html</p>", "content_text": "text"},
             {"id": "2", "content_text": "  <b>not markup</b> & more  "},
             {"id": "3", "content_text": long_text, "summary": "   "},
             {"id": "4", "content_text": "body", "summary": "Own summary"}]
    one, two, three, four = parse({"version": V11, "items": items}).entries
    assert (one.content_html, one.summary) == ("<p>html</p>", "text")
    assert two.content_html == "<p>&lt;b&gt;not markup&lt;/b&gt; &amp; more</p>"
    assert three.summary == long_text.strip()[:500] and len(three.summary) == 500
    assert four.summary == "Own summary"


def test_mistyped_fields_are_ignored_not_fatal() -> None:
    (entry,) = parse({"version": V11, "title": ["x"], "home_page_url": 3,
                      "items": [{"id": "x", "title": 5, "url": 7, "tags": "politics", "summary": {"a": 1},
                                 "authors": "Ana", "image": False}]}).entries
    assert (entry.title, entry.link, entry.categories, entry.summary, entry.authors, entry.image) == (
        "", "", [], "", [], "")


def test_items_missing_or_not_a_list() -> None:
    assert parse({"version": V11, "title": "No items yet"}).entries == []
    assert parse({"version": V10, "items": {"0": {"id": "x"}}}).entries == []
    # no version, but items: read anyway
    assert [e.guid for e in parse({"items": [{"id": "a"}]}).entries] == ["a"]


@pytest.mark.parametrize(("data", "why"), [
    (b"{not json", "not JSON"),
    (b'{"version": "https://example.com/other"}', "not a JSON Feed"),
    (b'[{"items": []}]', "not a JSON Feed"),
    (b'"a string"', "not a JSON Feed"),
    (b"[" * 100_000 + b"]" * 100_000, "not JSON"),  # nesting far too deep: a parse error, not a crash
])
def test_what_is_not_a_json_feed(data: bytes, why: str) -> None:
    with pytest.raises(FeedParseError, match=why):
        parse_json_feed(data)


def test_a_byte_order_mark_and_feed_fields() -> None:
    data = b"\xef\xbb\xbf" + json.dumps({"version": V11, "title": "  Spaced  ", "home_page_url": " https://j.example/ ",
                                         "items": []}).encode()
    feed = parse_json_feed(data)
    assert (feed.title, feed.link, feed.format) == ("Spaced", "https://j.example/", "jsonfeed")
