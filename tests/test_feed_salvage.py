"""Item-by-item salvage of damaged feeds: damage stays in its item, namespaces carry over, bounded output."""

from __future__ import annotations

from hashwire.feed_salvage import MAX_SALVAGED, salvage_feed
from hashwire.models import Feed


def salvage(doc: str | bytes, url: str = "", content_type: str = "") -> Feed:
    feed = salvage_feed(doc.encode() if isinstance(doc, str) else doc, url, content_type)
    assert feed is not None
    return feed


def test_nothing_to_cut_out_is_none() -> None:
    assert salvage_feed(b"<rss><channel><title>no items</title></channel></rss>") is None
    assert salvage_feed(b"plain text, no markup") is None
    assert salvage_feed(b"") is None
    # names that only begin like an item are not items
    assert salvage_feed(b"<rss><channel><items/><itemref/><entry-point/><entryway>x</entryway></channel></rss>") is None


def test_feed_level_facts_come_from_the_head() -> None:
    feed = salvage("<rss><channel><title>Desk</title><link>https://desk.example/</link><language>fr</language>"
                   "<ttl>15</ttl><item><title>one</title><description><p>open</description></item>"
                   "<item><title>two</title></item></channel></rss>", "https://desk.example/feed")
    assert (feed.format, feed.title, feed.link, feed.language, feed.ttl_minutes) == (
        "rss20", "Desk", "https://desk.example/", "fr", 15)
    assert [e.title for e in feed.entries] == ["one", "two"]
    assert feed.entries[0].summary == "<p>open</p>"


def test_an_unreadable_head_still_gives_the_items() -> None:
    feed = salvage("<<<<<<<<<<rss><channel><title>lost<item><title>x</title></item>")
    assert (feed.format, feed.title, [e.title for e in feed.entries]) == ("rss20", "", ["x"])


def test_damage_stays_inside_the_item_that_has_it() -> None:
    feed = salvage("<rss><channel><title>t</title>"
                   "<item><title>one</title><link>http://x.example/1</link></item>"
                   "<item><title>two<b></title><link>http://x.example/2</link><description><div>unclosed"
                   "</description></item>"
                   "<item><title>three</title><link>http://x.example/3</link></item></channel></rss>")
    one, two, three = feed.entries
    assert (one.title, one.link) == ("one", "http://x.example/1")
    assert two.title.startswith("two")  # the unclosed <b> swallows the rest of its own item...
    assert (three.title, three.link) == ("three", "http://x.example/3")  # ...and nothing after it


def test_namespaces_declared_before_the_first_item_carry_over() -> None:
    feed = salvage("<rss xmlns:dc='http://purl.org/dc/elements/1.1/'><channel "
                   'xmlns:media="http://search.yahoo.com/mrss/"><title>t</title>'
                   "<item><title>a</title><dc:creator>Ana</dc:creator><media:thumbnail url='https://i.example/a.jpg'/>"
                   "<description><p>open</description></item>"
                   "<item><title>b</title><dc:subject>Ports</dc:subject></item></channel></rss>")
    a, b = feed.entries
    assert (a.authors, a.image) == (["Ana"], "https://i.example/a.jpg")
    assert b.categories == ["Ports"]


def test_atom_entries_keep_the_default_namespace_and_resolve_links() -> None:
    feed = salvage("<feed xmlns='http://www.w3.org/2005/Atom'><title>A</title>"
                   "<entry><title>1</title><link href='/posts/1'/><content type='xhtml'>"
                   "<div xmlns='http://www.w3.org/1999/xhtml'><p>unclosed</div></content></entry>"
                   "<entry><title>2</title><id>urn:e:2</id></entry></feed>", "https://blog.example/feed")
    assert (feed.format, feed.title) == ("atom10", "A")
    assert [(e.title, e.link, e.guid) for e in feed.entries] == [
        ("1", "https://blog.example/posts/1", ""), ("2", "", "urn:e:2")]


def test_rss_1_0_items_and_their_identity() -> None:
    feed = salvage('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">'
                   '<channel><title>R</title><items><rdf:Seq><rdf:li rdf:resource="http://r.example/1"/></rdf:Seq>'
                   '</items></channel><item rdf:about="http://r.example/1"><title>one<b></title></item>'
                   '<item rdf:about="urn:r:2"><title>two</title></item></rdf:RDF>')
    assert feed.format == "rdf"
    assert [(e.title, e.guid, e.link) for e in feed.entries] == [
        ("one", "http://r.example/1", "http://r.example/1"), ("two", "urn:r:2", "")]


def test_prefixed_items() -> None:
    feed = salvage("<rss xmlns:x='urn:x'><channel><x:item><title>prefixed</title></x:item></channel></rss>")
    assert [e.title for e in feed.entries] == ["prefixed"]


def test_empty_items_are_not_entries() -> None:
    feed = salvage("<rss><channel><item/><item>   </item><item><pubDate>x</pubDate></item>"
                   "<item><title>real</title></item></channel></rss>")
    assert [e.title for e in feed.entries] == ["real"]


def test_an_item_mentioned_inside_cdata_is_not_a_new_item() -> None:
    feed = salvage("<rss><channel><title>t</title><item><title>a</title><description><![CDATA[a story about "
                   "the <item> and <entry> tags]]></description></item><item><title>b<i></title></item>"
                   "</channel></rss>")
    assert [e.title for e in feed.entries] == ["a", "b"]


def test_declared_encodings_and_html_entities() -> None:
    doc = ("<?xml version='1.0' encoding='windows-1251'?><rss><channel><title>Привет</title>"
           "<item><title>Привет<b></title></item></channel></rss>").encode("windows-1251")
    feed = salvage(doc)
    assert (feed.title, [e.title for e in feed.entries]) == ("Привет", ["Привет"])
    feed = salvage(b"<rss><channel><item><title>caf&eacute; AT&T\x01<b></title></item></channel></rss>")
    assert [e.title for e in feed.entries] == ["café AT&T"]
    feed = salvage("<rss><channel><item><title>café<b></title></item></channel></rss>".encode("latin-1"),
                   content_type="text/xml; charset=iso-8859-1")
    assert [e.title for e in feed.entries] == ["café"]


def test_the_number_of_salvaged_items_is_capped() -> None:
    doc = b"<rss><channel>" + b"".join(b"<item><title>n%d</title><description><p>open</description></item>" % i
                                       for i in range(MAX_SALVAGED + 7))
    feed = salvage(doc)
    assert len(feed.entries) == MAX_SALVAGED
    assert feed.entries[-1].title == f"n{MAX_SALVAGED - 1}"
