"""Sitemaps and Google News sitemaps -> Feed: dates, relative locations, images, indexes, odd documents."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from hashwire.feed_xml import parse_xml
from hashwire.models import Feed
from hashwire.sitemaps import is_sitemap, parse_sitemap

NS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
      'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" '
      'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"')
SITEMAP_URL = "https://paper.example/maps/news.xml"


def sitemap(body: str, url: str = SITEMAP_URL, ns: str = NS) -> Feed:
    root, _ = parse_xml(f"<urlset {ns}>{body}</urlset>".encode(), url)
    return parse_sitemap(root, url)


def when(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


def test_a_plain_sitemap_without_namespaces() -> None:
    feed = sitemap("<url><loc>\n   https://paper.example/a   \n</loc><lastmod>2026-11-10</lastmod></url>"
                   "<url><lastmod>2026-11-10</lastmod></url>"  # no location: nothing to read
                   "<url><loc>https://paper.example/b</loc></url>", ns="")
    assert feed.format == "sitemap" and feed.link == SITEMAP_URL and feed.sitemaps == []
    a, b = feed.entries
    assert (a.link, a.guid, a.title) == ("https://paper.example/a", "https://paper.example/a", "")
    assert a.updated == a.published == when(2026, 11, 10)  # a date alone is midnight UTC
    assert (b.link, b.published, b.updated) == ("https://paper.example/b", None, None)


def test_relative_locations_resolve_against_the_sitemap_url() -> None:
    body = "<url><loc>2026/story</loc></url><url><loc>/top</loc></url><url><loc>//cdn.example/x</loc></url>"
    assert [e.link for e in sitemap(body).entries] == [
        "https://paper.example/maps/2026/story", "https://paper.example/top", "https://cdn.example/x"]
    # without a sitemap URL they stay as written
    root, _ = parse_xml(f"<urlset {NS}>{body}</urlset>".encode())
    assert [e.link for e in parse_sitemap(root).entries] == ["2026/story", "/top", "//cdn.example/x"]


def test_news_fields_and_which_date_is_which() -> None:
    feed = sitemap("""<url>
  <image:image><image:loc>https://paper.example/first.jpg</image:loc></image:image>
  <loc>https://paper.example/c</loc>
  <image:image><image:loc>https://paper.example/second.jpg</image:loc></image:image>
  <news:news>
    <news:publication><news:name>Paper</news:name><news:language>ar</news:language></news:publication>
    <news:publication_date>2026-11-10T12:00:00+05:30</news:publication_date>
    <news:title><![CDATA[Port & rail strike: day 3]]></news:title>
    <news:keywords> , strike ,, ports , rail </news:keywords>
  </news:news>
  <lastmod>2026-11-11T08:00:00Z</lastmod></url>""")
    (entry,) = feed.entries
    assert entry.link == "https://paper.example/c"  # an image's location is never the page's
    assert entry.image == "https://paper.example/first.jpg"
    assert entry.title == "Port & rail strike: day 3" and entry.language == "ar"
    assert entry.categories == ["strike", "ports", "rail"]
    assert entry.published == when(2026, 11, 10, 6, 30)  # the publication date, in UTC
    assert entry.updated == when(2026, 11, 11, 8)  # lastmod is the update


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-10T10:15:30.250-03:00", when(2026, 11, 10, 13, 15, 30, 250000)),
    ("2026-11-10T10:15Z", when(2026, 11, 10, 10, 15)),
    ("2026-11", when(2026, 11, 1)),
    ("yesterday", None), ("", None),
])
def test_w3c_datetimes_in_lastmod(text: str, expected: datetime | None) -> None:
    (entry,) = sitemap(f"<url><loc>https://paper.example/d</loc><lastmod>{text}</lastmod></url>").entries
    assert entry.updated == entry.published == expected


def test_news_without_a_title_or_date_falls_back_to_lastmod() -> None:
    (entry,) = sitemap("<url><loc>https://paper.example/e</loc><lastmod>2026-11-12T00:00:00Z</lastmod>"
                       "<news:news><news:keywords></news:keywords></news:news></url>").entries
    assert (entry.title, entry.categories, entry.published) == ("", [], when(2026, 11, 12))


def test_an_index_lists_child_sitemaps_only() -> None:
    root, _ = parse_xml(b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>day-1.xml</loc><lastmod>2026-11-10</lastmod></sitemap>
<sitemap><lastmod>2026-11-10</lastmod></sitemap>
<sitemap><loc>
  https://static.example/maps/day-2.xml.gz
</loc></sitemap></sitemapindex>""", "https://paper.example/maps/index.xml")
    feed = parse_sitemap(root, "https://paper.example/maps/index.xml")
    assert feed.format == "sitemapindex" and feed.entries == []
    assert feed.sitemaps == ["https://paper.example/maps/day-1.xml", "https://static.example/maps/day-2.xml.gz"]


def test_comments_and_processing_instructions_are_skipped() -> None:
    # a tree from a parser that keeps them
    root = etree.fromstring(b"<urlset><!-- generated --><?pi x?><url><!-- c --><loc>https://p.example/a</loc>"
                            b"<?pi y?></url></urlset>")
    assert [e.link for e in parse_sitemap(root).entries] == ["https://p.example/a"]


@pytest.mark.parametrize(("doc", "expected"), [
    (b"<urlset/>", True), (b"<sitemapindex/>", True),
    (b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>', True),
    (b'<x:sitemapindex xmlns:x="urn:other"/>', True),
    (b"<rss/>", False), (b"<html/>", False), (b"<url/>", False), (b"<sitemap/>", False),
])
def test_is_sitemap(doc: bytes, expected: bool) -> None:
    assert is_sitemap(etree.fromstring(doc)) is expected


def test_a_large_news_sitemap_keeps_every_url_in_order() -> None:
    body = "".join(f"<url><loc>https://paper.example/{i}</loc><news:news><news:title>Story {i}</news:title>"
                   f"</news:news></url>" for i in range(2000))
    feed = sitemap(body)
    assert [e.title for e in feed.entries] == [f"Story {i}" for i in range(2000)]
    assert feed.entries[-1].link == "https://paper.example/1999"
