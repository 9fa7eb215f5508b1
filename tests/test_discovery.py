"""Feed autodiscovery from a page's HTML: what counts as a declared feed, URL resolution, hostile hrefs."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from hashwire.discovery import COMMON_PATHS, discover_feeds

PAGE = "https://site.example/world/story.html"


def guesses(root: str) -> list[str]:
    return [root + p for p in COMMON_PATHS]


def declared(html: str, base: str = PAGE) -> list[str]:
    """The declared feeds only (the common-path guesses that follow them cut off)."""
    found = discover_feeds(html, base)
    parts = urlsplit(base)
    tail = set(guesses(f"{parts.scheme}://{parts.netloc}"))
    return [u for u in found if u not in tail]


def test_a_page_without_declarations_gives_the_common_paths_of_its_site() -> None:
    assert discover_feeds("<html><head><title>x</title></head></html>", PAGE) == guesses("https://site.example")
    assert discover_feeds("", "http://site.example:8080/a/b") == guesses("http://site.example:8080")


def test_rel_and_type_are_read_case_insensitively_with_parameters() -> None:
    html = ('<link rel="Alternate Feed" type="Application/RSS+XML; charset=utf-8" href="  /news.rss#latest  ">'
            '<link rel="alternate" type="application/x.atom+xml" href="/old.atom">'
            '<link rel="ALTERNATE" type="application/rdf+xml" href="/index.rdf">')
    assert declared(html) == ["https://site.example/news.rss", "https://site.example/old.atom",
                              "https://site.example/index.rdf"]


def test_plain_json_counts_only_when_it_looks_like_a_feed() -> None:
    html = ('<link rel="alternate" type="application/json" href="/api/oembed.json">'
            '<link rel="alternate" type="application/json" href="/feeds/main.json">')
    assert declared(html) == ["https://site.example/feeds/main.json"]


def test_links_that_are_not_feed_declarations() -> None:
    html = ('<link rel="alternate" hreflang="fr" type="text/html" href="/fr/story.html">'
            '<link rel="alternate" href="/no-type.xml"><link rel="feed" type="text/css" href="/s.css">'
            '<link rel="alternate" type="application/rss+xml">'  # no href
            '<a href="/y.xml" type="text/xml">a plain XML link</a>')
    assert declared(html) == []


def test_anchors_with_a_feed_type_count() -> None:
    html = ('<a href="/x.xml" type="application/rss+xml">RSS</a>'
            '<a rel="alternate" href="/z.xml" type="text/xml">XML</a>')
    assert declared(html) == ["https://site.example/x.xml", "https://site.example/z.xml"]


def test_relative_hrefs_resolve_against_the_page_and_the_first_base() -> None:
    html = '<link rel="alternate" type="application/rss+xml" href="../feed/world.xml">'
    assert declared(html) == ["https://site.example/feed/world.xml"]
    html = ('<base href="/sub/"><base href="https://elsewhere.example/">'
            '<link rel="alternate" type="application/atom+xml" href="a.atom">')
    assert declared(html) == ["https://site.example/sub/a.atom"]
    html = '<link rel="alternate" type="application/rss+xml" href="//cdn.example/rss">'
    assert declared(html, "http://site.example/") == ["http://cdn.example/rss"]


@pytest.mark.parametrize("href", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:void(0)",
                                  "data:application/rss+xml,<rss/>", "mailto:desk@site.example",
                                  "feed://site.example/rss", "ftp://site.example/rss.xml", "file:///etc/passwd"])
def test_only_http_urls_come_out(href: str) -> None:
    html = f'<link rel="alternate" type="application/rss+xml" href="{href}">'
    assert declared(html) == []


def test_a_page_url_that_is_not_http_gives_nothing() -> None:
    html = '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
    assert discover_feeds(html, "file:///var/www/") == []
    assert discover_feeds(html, "http://[broken/") == []  # not even an exception
    assert discover_feeds(html, "") == []


def test_each_url_once_in_declaration_order() -> None:
    html = ('<link rel="alternate" type="application/rss+xml" href="/feed">'
            '<link rel="alternate" type="application/atom+xml" href="/atom.xml">'
            '<link rel="alternate" type="application/rss+xml" href="https://site.example/feed#again">')
    found = discover_feeds(html, PAGE)
    assert found[:2] == ["https://site.example/feed", "https://site.example/atom.xml"]
    assert len(found) == len(set(found)) == len(COMMON_PATHS)  # both declared ones were also common paths


@pytest.mark.parametrize("html", ["<", "<!-- only a comment -->", "\x00\x01", "<html><link rel=alternate",
                                  "<" * 10_000, "<link " * 5_000])
def test_broken_markup_still_gives_the_guesses(html: str) -> None:
    assert discover_feeds(html, PAGE) == guesses("https://site.example")


def test_non_ascii_hrefs_and_an_encoding_declaration() -> None:
    html = ('<?xml version="1.0" encoding="iso-8859-1"?><html><head>'
            '<link rel="alternate" type="application/rss+xml" href="/flux/à-la-une.xml"></head></html>')
    assert declared(html) == ["https://site.example/flux/à-la-une.xml"]


def test_declarations_in_the_body_count_too() -> None:
    html = ('<html><head><title>t</title></head><body><p>x</p>'
            '<link rel="alternate" type="application/feed+json" href="/feed.json?section=world"></body></html>')
    assert declared(html) == ["https://site.example/feed.json?section=world"]
