"""The fast RSS/RDF/Atom reader: text helpers, which element wins, relative URLs, and format detection."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import etree

from hashwire import feed_lxml
from hashwire.feed_lxml import join_url, markup, parse_tree, person, plain, read_item, split_tag
from hashwire.feed_xml import parse_xml
from hashwire.models import Entry, Feed

NS = ('xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" '
      'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:atom="http://www.w3.org/2005/Atom" '
      'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dcterms="http://purl.org/dc/terms/"')


def tree(data: str, url: str = "") -> Feed:
    feed = parse_tree(parse_xml(data.encode(), url)[0])
    assert feed is not None
    return feed


def rss_item(inner: str, url: str = "https://news.example/feeds/rss.xml") -> Entry:
    (entry,) = tree(f"<rss {NS}><channel><title>t</title><item>{inner}</item></channel></rss>", url).entries
    return entry


def atom_entry(inner: str, url: str = "https://blog.example/feed/atom.xml") -> Entry:
    (entry,) = tree(f'<feed xmlns="http://www.w3.org/2005/Atom" {NS}><entry>{inner}</entry></feed>', url).entries
    return entry


def el(data: str) -> etree._Element:
    return etree.fromstring(data.encode())


# --- text helpers ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text"), [
    ("First<br>story", "First story"),
    ("  many\n\t spaces  ", "many spaces"),
    ("a <!-- hidden --> b <!-- never closed", "a b"),
    ("<script>alert(1)</script>Real <style>p{}</style>title", "Real title"),
    ("<SCRIPT type='x'>var a = '<b>';</SCRIPT>Kept", "Kept"),
    ("&lt;b&gt; &amp; &eacute;", "<b> & é"),
    ("a < b and 3 > 2", "a < b and 3 > 2"),
])
def test_plain(value: str, text: str) -> None:
    assert plain(value) == text


@pytest.mark.parametrize(("value", "name"), [
    ("desk@news.example (Ana Ruiz)", "Ana Ruiz"), ("Ana Ruiz (desk@news.example)", "Ana Ruiz"),
    ("desk@news.example", "desk@news.example"), ("Ana Ruiz", "Ana Ruiz"), ("<b>Ana</b> Ruiz", "Ana Ruiz"),
    ("(Ana) desk@news.example", "(Ana) desk@news.example"),
])
def test_person(value: str, name: str) -> None:
    assert person(value) == name


@pytest.mark.parametrize(("data", "html"), [
    ('<t type="html">&lt;p&gt;x &amp;amp; y&lt;/p&gt;</t>', "<p>x &amp; y</p>"),
    ("<t>  escaped &lt;i&gt;html&lt;/i&gt;  </t>", "escaped <i>html</i>"),  # RSS convention
    ("<t>inline <b>bold</b> tail</t>", "inline <b>bold</b> tail"),
    ('<t type="text">a &lt; b</t>', "a &lt; b"),
    ('<t type="text">Q&amp;A: <em>Why</em> now</t>', "Q&amp;A: Why now"),  # stray markup in a text construct
    ('<t type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">a <b>b</b> &amp; c</div></t>', "a <b>b</b> &amp; c"),
    ('<t type="xhtml">lead <div xmlns="http://www.w3.org/1999/xhtml">a</div></t>', "lead <div>a</div>"),
    ('<t mode="base64">PHA+aGk8L3A+</t>', "<p>hi</p>"),
    ('<t mode="base64" type="text/plain">PGI+eDwvYj4=</t>', "&lt;b&gt;x&lt;/b&gt;"),
    ('<t mode="base64">!!! not base64</t>', ""),
    ("<t/>", ""),
])
def test_markup(data: str, html: str) -> None:
    assert markup(el(data)) == html


def test_join_url() -> None:
    assert join_url("https://a.example/x/y", "../z") == "https://a.example/z"
    assert join_url("http://[broken", "/a") == "/a"  # a base urllib cannot read: as given
    assert join_url("", "/a") == "/a"


def test_split_tag_and_its_bounded_cache() -> None:
    assert split_tag("{urn:x}item") == ("urn:x", "item")
    assert split_tag("item") == ("", "item")
    assert split_tag(etree.Comment("c").tag) == ("", "")
    for n in range(6000):  # a hostile document can invent any number of names
        split_tag(f"{{urn:junk}}n{n}")
    assert len(feed_lxml._SPLIT) <= 4097


# --- RSS items ------------------------------------------------------------------------------------

def test_guid_is_the_link_only_when_it_is_a_permalink_url() -> None:
    assert rss_item('<guid isPermaLink="false">https://news.example/g/1</guid>').link == ""
    assert rss_item('<guid isPermaLink="FALSE">https://news.example/g/1</guid>').link == ""
    assert rss_item("<guid>https://news.example/p/1</guid>").link == "https://news.example/p/1"
    assert rss_item("<guid>urn:uuid:1234</guid>").link == ""
    entry = rss_item("<guid>https://news.example/p/1</guid><link>https://news.example/l/1</link>")
    assert (entry.guid, entry.link) == ("https://news.example/p/1", "https://news.example/l/1")


def test_the_first_link_wins_and_atom_links_fill_in() -> None:
    assert rss_item("<link>https://a.example/1</link><link>https://a.example/2</link>").link == "https://a.example/1"
    entry = rss_item('<atom:link rel="self" href="https://a.example/self"/><atom:link href="/alt"/>')
    assert entry.link == "https://news.example/alt"
    assert rss_item("<link> ../relative/3 </link>").link == "https://news.example/relative/3"


def test_images_from_enclosures_media_and_itunes_resolved_against_the_feed() -> None:
    assert rss_item('<enclosure url="a.mp3" type="audio/mpeg"/><enclosure url="/i.jpg" type="image/jpeg"/>'
                    ).image == "https://news.example/i.jpg"
    assert rss_item('<media:group><media:content url="v.mp4" medium="video"/><media:thumbnail url="t.jpg"/>'
                    "</media:group>").image == "https://news.example/feeds/t.jpg"
    assert rss_item('<media:content url="https://cdn.example/p.png" type="image/png"/>').image == (
        "https://cdn.example/p.png")
    assert rss_item('<itunes:image href="cover.png"/>').image == "https://news.example/feeds/cover.png"
    # the first image found stays
    assert rss_item('<media:thumbnail url="https://c.example/1.jpg"/><itunes:image href="https://c.example/2.jpg"/>'
                    ).image == "https://c.example/1.jpg"


def test_which_date_is_published() -> None:
    # pubDate wins over dc:date in either order; an update alone is also the publication
    later = datetime(2026, 11, 10, 12, tzinfo=UTC)
    assert rss_item("<dc:date>2026-11-09T10:00:00Z</dc:date><pubDate>Tue, 10 Nov 2026 12:00:00 GMT</pubDate>"
                    ).published == later
    assert rss_item("<pubDate>Tue, 10 Nov 2026 12:00:00 GMT</pubDate><dc:date>2026-11-09T10:00:00Z</dc:date>"
                    ).published == later
    entry = rss_item("<dcterms:modified>2026-11-11T08:00:00+01:00</dcterms:modified>")
    assert entry.published == entry.updated == datetime(2026, 11, 11, 7, tzinfo=UTC)


def test_authors_and_categories() -> None:
    entry = rss_item("<author>desk@news.example (Ana Ruiz)</author><dc:creator>Bo</dc:creator>"
                     '<category domain="x">World</category><category>  </category><dc:subject>Ports</dc:subject>'
                     '<itunes:category text="News"><itunes:category text="Politics"/></itunes:category>')
    assert entry.authors == ["Ana Ruiz", "Bo"]
    assert entry.categories == ["World", "Ports", "News", "Politics"]


def test_content_encoded_as_cdata_or_inline_markup() -> None:
    assert rss_item("<content:encoded><![CDATA[<p>Full</p>]]></content:encoded>").content_html == "<p>Full</p>"
    # copied-out elements lose the feed's namespace declarations, and text that merely mentions one stays
    assert rss_item("<content:encoded><p>Inline <b>markup</b></p><p>a xmlns=\"kept\" b</p></content:encoded>"
                    ).content_html == '<p>Inline <b>markup</b></p><p>a xmlns="kept" b</p>'
    assert atom_entry('<id>1</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p>'
                      "<p>y</p></div></content>").content_html == "<p>x</p><p>y</p>"


def test_item_language() -> None:
    assert tree('<rss><channel><item xml:lang="fr"><title>x</title></item></channel></rss>').entries[0].language == "fr"


# --- Atom entries ---------------------------------------------------------------------------------

def test_atom_links() -> None:
    entry = atom_entry('<id>urn:1</id><link rel="related" href="/r"/><link href="one"/><link rel="alternate" href="two"/>'
                       '<link rel="enclosure" type="audio/mpeg" href="a.mp3"/>'
                       '<link rel="enclosure" type="image/webp" href="/i.webp"/>')
    assert (entry.link, entry.image) == ("https://blog.example/feed/one", "https://blog.example/i.webp")
    # an id that is a URL stands in for a missing alternate link, never over one
    assert atom_entry("<id>https://blog.example/p/2</id>").link == "https://blog.example/p/2"
    assert atom_entry('<id>https://blog.example/p/2</id><link href="/alt"/>').link == "https://blog.example/alt"
    assert atom_entry("<id>tag:blog.example,2026:3</id>").link == ""


def test_atom_content_authors_categories_and_language() -> None:
    entry = atom_entry('<id>urn:1</id><content src="https://blog.example/1.html"/>'
                       "<author><email>desk@blog.example</email></author><author><name>Ana</name>"
                       "<email>a@blog.example</email></author>"
                       '<category term="t" label="Label"/><category term="term"/><category>text</category>')
    assert entry.content_html == ""  # out-of-line content is not the body
    assert entry.authors == ["desk@blog.example", "Ana"]
    assert entry.categories == ["Label", "term", "text"]
    assert atom_entry('<id>urn:2</id><title type="html">a &amp;amp; b &lt;i&gt;c&lt;/i&gt;</title>').title == "a & b c"
    feed = tree('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><entry xml:lang="de"><id>1</id></entry>'
                "<entry><id>2</id></entry></feed>")
    assert feed.language == "en" and [e.language for e in feed.entries] == ["de", ""]


def test_atom_dates() -> None:
    entry = atom_entry("<id>1</id><updated>2026-11-10T10:00:00Z</updated><published>2026-11-09T22:00:00-02:00</published>")
    assert (entry.published, entry.updated) == (datetime(2026, 11, 10, tzinfo=UTC),
                                                datetime(2026, 11, 10, 10, tzinfo=UTC))
    assert atom_entry("<id>1</id><updated>2026-11-10T10:00:00Z</updated>").published == datetime(
        2026, 11, 10, 10, tzinfo=UTC)


# --- feed level and formats -----------------------------------------------------------------------

def test_channel_fields() -> None:
    feed = tree(f"<rss {NS}><channel><dc:title>From DC</dc:title>"
                '<atom:link rel="self" href="https://a.example/self"/><link>https://a.example/</link>'
                "<ttl>soon</ttl><language> en-gb </language></channel></rss>")
    assert (feed.title, feed.link, feed.ttl_minutes, feed.language) == ("From DC", "https://a.example/", None, "en-gb")
    assert tree("<rss><channel><TITLE>Upper &amp; case</TITLE><ttl> 30 </ttl></channel></rss>").title == "Upper & case"
    assert tree("<rss><channel><ttl> 30 </ttl></channel></rss>").ttl_minutes == 30


@pytest.mark.parametrize(("data", "fmt", "titles"), [
    ('<rss version="0.91"><channel><item><title>a</title></item></channel></rss>', "rss09", ["a"]),
    ('<rss version="0.92"><item><title>no channel</title></item></rss>', "rss09", ["no channel"]),
    ("<rss><channel><title>t</title></channel><item><title>after</title></item></rss>", "rss20", ["after"]),
    ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
     '<channel><item rdf:about="urn:x:1"><title>inside the channel</title></item></channel></rdf:RDF>',
     "rdf", ["inside the channel"]),
    ('<feed xmlns="http://purl.org/atom/ns#"><item><title>0.3 item</title></item></feed>', "atom03", ["0.3 item"]),
    ('<feed xmlns="https://feeds.example/custom"><entry><title>own ns</title></entry></feed>', "atom10", ["own ns"]),
    ('<CHANNEL HREF="https://c.example/"><TITLE>cdf</TITLE><ITEM HREF="/a"><TITLE>A</TITLE></ITEM></CHANNEL>',
     "cdf", ["A"]),
])
def test_formats(data: str, fmt: str, titles: list[str]) -> None:
    feed = tree(data, "https://c.example/x.cdf")
    assert feed.format == fmt and [e.title for e in feed.entries] == titles


def test_rdf_about_is_identity_and_link() -> None:
    feed = tree('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
                '<item rdf:about="https://r.example/1"><title>a</title></item>'
                '<item rdf:about="urn:r:2"><title>b</title></item></rdf:RDF>')
    assert [(e.guid, e.link) for e in feed.entries] == [("https://r.example/1", "https://r.example/1"), ("urn:r:2", "")]


def test_cdf_fields() -> None:
    feed = tree('<CHANNEL HREF="/home"><TITLE>cdf</TITLE><ITEM HREF="/a" LASTMOD="2026-11-10T10:00">'
                "<TITLE>A</TITLE><ABSTRACT>About A</ABSTRACT></ITEM></CHANNEL>", "https://c.example/x.cdf")
    (entry,) = feed.entries
    assert (feed.title, feed.link) == ("cdf", "https://c.example/home")
    assert (entry.link, entry.summary, entry.published) == (
        "https://c.example/a", "About A", datetime(2026, 11, 10, 10, tzinfo=UTC))


@pytest.mark.parametrize("data", ["<html/>", "<opml/>", "<svg xmlns='http://www.w3.org/2000/svg'/>",
                                  "<x:channel xmlns:x='urn:x'/>"])
def test_other_roots_are_not_feeds(data: str) -> None:
    assert parse_tree(el(data)) is None


def test_read_item() -> None:
    entry = read_item(el('<rss:item xmlns:rss="http://purl.org/rss/1.0/"><rss:title>p</rss:title></rss:item>'))
    assert entry is not None and entry.title == "p"
    entry = read_item(el('<entry xmlns="http://www.w3.org/2005/Atom"><title>e</title></entry>'))
    assert entry is not None and entry.title == "e"
    assert read_item(el("<channel/>")) is None
