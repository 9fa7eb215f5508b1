"""The feedparser fallback mapped to Feed: same rules as the fast path, damaged and hostile input."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from hashwire.feed_tolerant import tolerant_parse
from hashwire.models import Feed

NS = ('xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" '
      'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/"')


def parse(doc: str | bytes, url: str = "https://news.example/feeds/rss.xml", content_type: str = "") -> Feed:
    feed = tolerant_parse(doc.encode() if isinstance(doc, str) else doc, url, content_type)
    assert feed is not None
    return feed


def rss(items: str, channel: str = "<title>t</title>") -> Feed:
    return parse(f'<rss version="2.0" {NS}><channel>{channel}{items}</channel></rss>')


@pytest.mark.parametrize("data", [b"<html><head><title>A page</title></head><body><p>x</p></body></html>",
                                  b"just some text", b"", b"{\"items\": []}"])
def test_what_is_no_feed_at_all(data: bytes) -> None:
    assert tolerant_parse(data) is None


@pytest.mark.parametrize(("doc", "fmt"), [
    ('<rss version="2.0"><channel><title>x</title></channel></rss>', "rss20"),
    ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
     "<channel><title>x</title></channel></rdf:RDF>", "rdf"),
    ('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>', "atom10"),
    ('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title></feed>', "atom03"),
])
def test_formats(doc: str, fmt: str) -> None:
    assert parse(doc).format == fmt


def test_feed_fields() -> None:
    feed = rss("", "<title>Daily &amp; <b>Weekly</b></title><link>https://news.example/</link>"
                   "<language>en-gb</language><ttl>45</ttl>")
    assert (feed.title, feed.link, feed.language, feed.ttl_minutes) == (
        "Daily & Weekly", "https://news.example/", "en-gb", 45)
    assert rss("", "<title>t</title><ttl>soon</ttl>").ttl_minutes is None


@pytest.mark.parametrize(("author", "names"), [
    ("<author>desk@paper.example (Ana Ruiz)</author>", ["Ana Ruiz"]),  # a domain ending feedparser cuts short
    ("<author>Ana Ruiz (desk@paper.example)</author>", ["Ana Ruiz"]),
    ("<author>desk@paper.com (Ana Ruiz)</author>", ["Ana Ruiz"]),
    ("<author>desk@paper.example</author>", ["desk@paper.example"]),
    ("<dc:creator>Bo</dc:creator><author>desk@paper.online (Ana)</author>", ["Bo", "Ana"]),
    ("<dc:creator>Bo</dc:creator>", ["Bo"]),
])
def test_rss_authors_read_as_the_fast_path_reads_them(author: str, names: list[str]) -> None:
    (entry,) = rss(f"<item><title>a</title>{author}</item>").entries
    assert entry.authors == names


def test_atom_authors() -> None:
    feed = parse('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>urn:1</id><title>t</title>'
                 "<author><name>Ana</name><email>ana@blog.example</email></author>"
                 "<author><name>Bo</name><email>bo@blog.example</email></author></entry></feed>")
    assert feed.entries[0].authors == ["Ana", "Bo"]


def test_links_and_the_permalink_rule() -> None:
    not_permalink, permalink, relative = rss(
        '<item><title>a</title><guid isPermaLink="false">https://news.example/g/1</guid></item>'
        "<item><title>b</title><guid>https://news.example/p/2</guid></item>"
        "<item><title>c</title><link>../story/3</link></item>").entries
    assert (not_permalink.guid, not_permalink.link) == ("https://news.example/g/1", "")
    assert permalink.link == "https://news.example/p/2"
    assert relative.link == "https://news.example/story/3"
    (entry,) = parse('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><id>https://blog.example/1</id>'
                     '<title>t</title><link rel="self" href="https://blog.example/self"/></entry></feed>').entries
    assert entry.link == "https://blog.example/1"


def test_dates() -> None:
    dated, updated_only = rss("<item><title>a</title><pubDate>Tue, 10 Nov 2026 09:30:00 +0100</pubDate></item>"
                              "<item><title>b</title><dc:date>2026-11-11T07:00:00-03:00</dc:date></item>").entries
    assert dated.published == datetime(2026, 11, 10, 8, 30, tzinfo=UTC)
    assert updated_only.published == datetime(2026, 11, 11, 10, tzinfo=UTC)
    (old,) = parse('<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>x</title><entry><title>e</title>'
                   "<issued>2004-01-01T10:00:00Z</issued><modified>2004-01-02T10:00:00Z</modified></entry></feed>"
                   ).entries
    assert (old.published, old.updated) == (datetime(2004, 1, 1, 10, tzinfo=UTC), datetime(2004, 1, 2, 10, tzinfo=UTC))
    (undated,) = rss("<item><title>c</title><pubDate>whenever</pubDate></item>").entries
    assert (undated.published, undated.updated) == (None, None)


def test_images() -> None:
    video_then_image, thumb, enclosure, audio = rss(
        '<item><title>a</title><media:content url="https://i.example/v.mp4" medium="video"/>'
        '<media:content url="https://i.example/p.jpg" medium="image"/></item>'
        '<item><title>b</title><media:thumbnail url="https://i.example/t.jpg"/></item>'
        '<item><title>c</title><enclosure url="https://i.example/e.png" type="image/png" length="1"/></item>'
        '<item><title>d</title><enclosure url="https://i.example/a.mp3" type="audio/mpeg" length="1"/></item>').entries
    assert [e.image for e in (video_then_image, thumb, enclosure, audio)] == [
        "https://i.example/p.jpg", "https://i.example/t.jpg", "https://i.example/e.png", ""]


def test_content_summary_and_categories() -> None:
    (entry,) = rss("<item><title>a</title><description>&lt;p&gt;short&lt;/p&gt;</description>"
                   "<content:encoded><![CDATA[<p>Full <em>text</em></p>]]></content:encoded>"
                   "<category>World</category><category>Ports</category></item>").entries
    assert (entry.summary, entry.content_html) == ("<p>short</p>", "<p>Full <em>text</em></p>")
    assert entry.categories == ["World", "Ports"]


def test_damaged_documents_still_give_their_items() -> None:
    feed = rss("<item><title>unclosed & amp <p> stuff</title><link>http://x.example/1</link></item>"
               "<item><title>two</title><link>http://x.example/2</link></item>", "<title>t</title>")
    assert [(e.title, e.link) for e in feed.entries] == [("unclosed & amp stuff", "http://x.example/1"),
                                                         ("two", "http://x.example/2")]


def test_references_feedparser_cannot_take_are_repaired_first() -> None:
    feed = parse(b"<rss><channel><title>bad &#xD800; ref</title><item><title>x &#xD800;</title></item>"
                 b"</channel></rss>")
    assert feed.title == "bad ref" and [e.title for e in feed.entries] == ["x"]


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    feed = parse(f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]><rss version="2.0"><channel>'
                 "<title>t &xxe;</title><item><title>i &xxe;</title></item></channel></rss>")
    assert "TOPSECRET" not in feed.title and all("TOPSECRET" not in e.title for e in feed.entries)
    assert len(feed.entries) == 1


def test_the_http_charset_is_used() -> None:
    data = '<?xml version="1.0"?><rss version="2.0"><channel><title>Привет</title></channel></rss>'.encode("koi8-r")
    assert parse(data, content_type="application/rss+xml; charset=koi8-r").title == "Привет"
