"""OPML subscription lists: nesting, attribute spellings, encodings, hostile documents, and the export."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from lxml import etree

from hashwire.errors import FeedParseError
from hashwire.feed_dates import parse_date
from hashwire.models import Source
from hashwire.opml import parse_opml, write_opml


def urls(data: bytes) -> list[str]:
    return [s.url for s in parse_opml(data)]


def test_folders_at_any_depth_are_flattened_in_document_order() -> None:
    doc = b"""<opml version="2.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="World"><outline text="Wire">
  <outline text="Deep" xmlUrl="https://deep.example/rss"/></outline></outline>
  <outline text="Local" xmlUrl="https://local.example/rss"/></outline>
<outline text="Top" xmlUrl="https://top.example/rss"/>
<outline text="Empty folder"/></body></opml>"""
    assert urls(doc) == ["https://deep.example/rss", "https://local.example/rss", "https://top.example/rss"]


def test_attribute_names_in_any_case_and_values_trimmed() -> None:
    doc = b"""<opml><body><outline XMLURL=" https://up.example/news.xml " TEXT="Up" HTMLURL="https://up.example/"
  LANGUAGE="de" TYPE="Sitemap"/></body></opml>"""
    (source,) = parse_opml(doc)
    assert (source.url, source.kind, source.title, source.site_url, source.language) == (
        "https://up.example/news.xml", "sitemap", "Up", "https://up.example/", "de")


def test_title_prefers_title_then_text() -> None:
    doc = b"""<opml><body><outline title="The title" text="The text" xmlUrl="http://a.example/1"/>
<outline text="Only text" xmlUrl="http://a.example/2"/><outline xmlUrl="http://a.example/3"/></body></opml>"""
    assert [s.title for s in parse_opml(doc)] == ["The title", "Only text", ""]


def test_only_http_subscriptions_are_taken() -> None:
    doc = b"""<opml><body><outline type="link" text="a page" url="https://page.example/"/>
<outline text="caps" xmlUrl="HTTPS://caps.example/rss"/><outline text="feed scheme" xmlUrl="feed://f.example/rss"/>
<outline text="relative" xmlUrl="/relative.xml"/><outline text="scheme-relative" xmlUrl="//p.example/rss"/>
<outline text="file" xmlUrl="file:///etc/passwd"/><outline text="empty" xmlUrl="  "/>
<outline text="twice" xmlUrl="http://t.example/rss"/><outline text="again" xmlUrl=" http://t.example/rss"/>
</body></opml>"""
    assert [(s.url, s.title) for s in parse_opml(doc)] == [("HTTPS://caps.example/rss", "caps"),
                                                           ("http://t.example/rss", "twice")]


def test_encodings_and_entities() -> None:
    latin = (b'<?xml version="1.0" encoding="ISO-8859-1"?><opml><body>'
             b'<outline text="Caf\xe9 &eacute;t&eacute; &amp; co" xmlUrl="http://c.example/?a=1&amp;b=2"/></body></opml>')
    (source,) = parse_opml(latin)
    assert (source.title, source.url) == ("Café été & co", "http://c.example/?a=1&b=2")
    wide = '<?xml version="1.0" encoding="utf-16"?><opml><body><outline text="Ünïcode" xmlUrl="http://u.example/"/>'
    wide += "</body></opml>"
    assert [s.title for s in parse_opml(wide.encode("utf-16"))] == ["Ünïcode"]


def test_namespaced_opml() -> None:
    doc = b'<x:opml xmlns:x="urn:x"><x:body><x:outline xmlUrl="http://ns.example/rss" text="ns"/></x:body></x:opml>'
    assert urls(doc) == ["http://ns.example/rss"]


def test_a_damaged_file_still_gives_what_precedes_and_follows_the_damage() -> None:
    doc = b"""<opml><body><outline text="one" xmlUrl="http://a.example/1"/>
<outline text="broken <b>" xmlUrl="http://a.example/2"><outline text="three" xmlUrl="http://a.example/3"/></body>"""
    assert urls(doc) == ["http://a.example/1", "http://a.example/2", "http://a.example/3"]


def test_entities_are_never_expanded_or_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 8))
    doc = (f'<!DOCTYPE opml [<!ENTITY l0 "lol">{laughs}<!ENTITY xxe SYSTEM "file://{secret}">]>'
           '<opml><body><outline text="&l7;&xxe;" xmlUrl="http://a.example/x"/></body></opml>').encode()
    (source,) = parse_opml(doc)
    assert source.url == "http://a.example/x"
    assert "TOPSECRET" not in source.title and "lol" not in source.title


@pytest.mark.parametrize(("data", "why"), [
    (b"", "not an OPML document"), (b"not xml at all", "not an OPML document"),
    (b'<rss version="2.0"><channel/></rss>', "no <opml> root"),
    (b"<html><body><p>export failed</p></body></html>", "no <opml> root"),
])
def test_what_is_not_opml(data: bytes, why: str) -> None:
    with pytest.raises(FeedParseError, match=why):
        parse_opml(data)


def test_an_opml_file_without_subscriptions_is_empty() -> None:
    assert parse_opml(b"<opml><head><title>none yet</title></head></opml>") == []
    assert parse_opml(b'<opml><body><outline text="folder"><outline text="still nothing"/></outline></body></opml>') == []


# --- export ---------------------------------------------------------------------------------------

def test_export_document() -> None:
    sources = [Source(url="https://a.example/feed", title="A", site_url="https://a.example/", language="en"),
               Source(url="https://b.example/news-sitemap.xml", kind="sitemap"),
               Source(url="https://c.example/one-page", kind="page", title="skipped")]
    text = write_opml(sources, title="Desk & <friends>")
    body = re.sub(r"<dateCreated>[^<]*</dateCreated>", "<dateCreated/>", text)
    assert body == """<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head>
    <title>Desk &amp; &lt;friends&gt;</title>
    <dateCreated/>
  </head>
  <body>
    <outline type="rss" text="A" title="A" xmlUrl="https://a.example/feed" htmlUrl="https://a.example/" language="en"/>
    <outline type="sitemap" text="https://b.example/news-sitemap.xml" title="https://b.example/news-sitemap.xml" \
xmlUrl="https://b.example/news-sitemap.xml"/>
  </body>
</opml>
"""
    created = parse_date(re.search(r"<dateCreated>([^<]*)</dateCreated>", text).group(1))  # type: ignore[union-attr]
    assert created is not None and abs(datetime.now(UTC) - created) < timedelta(minutes=1)
    assert text.count("GMT</dateCreated>") == 1


def test_hostile_titles_and_urls_survive_the_round_trip() -> None:
    title = 'Q "quoted" <tag> & \'apos\'\tTab\nNew line'
    sources = [Source(url='https://a.example/f?x=1&y="2"', title=title, site_url="https://a.example/<s>")]
    text = write_opml(sources)
    etree.fromstring(text.encode())  # well-formed for a strict parser
    (back,) = parse_opml(text.encode())
    assert (back.url, back.title, back.site_url) == ('https://a.example/f?x=1&y="2"', title, "https://a.example/<s>")


def test_round_trip_keeps_order_kind_and_language() -> None:
    sources = [Source(url=f"https://s{i}.example/feed", kind="sitemap" if i % 3 == 0 else "feed",
                      title=f"Source {i}", language=["en", "ar", ""][i % 3]) for i in range(12)]
    back = parse_opml(write_opml(sources).encode())
    assert [(s.url, s.kind, s.title, s.language) for s in back] == [
        (s.url, s.kind, s.title, s.language) for s in sources]
