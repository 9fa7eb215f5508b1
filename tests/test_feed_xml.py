"""Untrusted bytes -> lxml tree: encodings by BOM, HTTP and declaration; repairs; nothing loaded from outside."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from hashwire.errors import FeedParseError
from hashwire.feed_xml import declared_charset, parse_xml, recovering_parser, repair

TITLE = "Привет, café “quoted”"


def title_of(data: bytes, content_type: str = "") -> str:
    root, _ = parse_xml(data, "", content_type)
    return "".join(root.find("title").itertext())


def doc(declaration: str = "") -> str:
    return f"{declaration}<rss><title>{TITLE}</title></rss>"


@pytest.mark.parametrize("data", [
    pytest.param(doc().encode("utf-8"), id="plain UTF-8"),
    pytest.param(b"\xef\xbb\xbf" + doc('<?xml version="1.0" encoding="utf-8"?>').encode("utf-8"), id="UTF-8 with a BOM"),
    pytest.param(doc('<?xml version="1.0" encoding="utf-16"?>').encode("utf-16"), id="UTF-16 with a BOM"),
    pytest.param(doc('<?xml version="1.0" encoding="utf-16"?>').encode("utf-16-be"), id="UTF-16BE, declared, no BOM"),
    pytest.param(doc().encode("utf-16-le"), id="UTF-16LE, neither declared nor marked"),
    pytest.param(("  \n" + doc()).encode("utf-16-le"), id="UTF-16LE, leading blank lines, no BOM"),
    pytest.param(doc().encode("utf-16-be"), id="UTF-16BE, neither declared nor marked"),
    pytest.param(doc('<?xml version="1.0" encoding="utf-32"?>').encode("utf-32"), id="UTF-32 with a BOM"),
    pytest.param(doc('<?xml version="1.0"?>').encode("utf-32-le"), id="UTF-32LE without a BOM"),
])
def test_unicode_encodings(data: bytes) -> None:
    assert title_of(data) == TITLE


@pytest.mark.parametrize(("text", "encoding"), [
    ("Привет", "windows-1251"), ("Привет", "koi8-r"), ("中文标题", "gb18030"), ("日本語", "shift_jis"),
    ("Ελληνικά", "iso-8859-7"), ("Crème brûlée", "iso-8859-1"),
])
def test_declared_legacy_encodings(text: str, encoding: str) -> None:
    data = f'<?xml version="1.0" encoding="{encoding}"?><rss><title>{text}</title></rss>'.encode(encoding)
    assert title_of(data) == text


def test_the_http_charset_beats_the_declaration_and_a_bom_beats_both() -> None:
    data = '<?xml version="1.0" encoding="utf-8"?><rss><title>Привет</title></rss>'.encode("koi8-r")
    assert title_of(data, "application/rss+xml; charset=KOI8-R") == "Привет"
    # a charset that does not decode the bytes gives way to the declaration
    data = '<?xml version="1.0" encoding="iso-8859-1"?><rss><title>été</title></rss>'.encode("iso-8859-1")
    assert title_of(data, "text/xml; charset=utf-8") == "été"
    data = b"\xff\xfe" + "<rss><title>Привет</title></rss>".encode("utf-16-le")
    assert title_of(data, "text/xml; charset=iso-8859-1") == "Привет"


def test_unknown_charset_names_are_skipped() -> None:
    data = "<rss><title>café</title></rss>".encode()
    assert title_of(data, "text/xml; charset=utf8mb4") == "café"
    assert title_of(b'<?xml version="1.0" encoding="no-such-thing"?>' + data) == "café"


def test_undeclared_windows_1252_is_read_as_such() -> None:
    # not UTF-8, so cp1252 (curly quotes live at 0x93/0x94 there)
    assert title_of(b"<rss><title>\x93smart\x94 caf\xe9</title></rss>") == "“smart” café"
    assert title_of(b'<?xml version="1.0" encoding="utf-8"?><rss><title>\x93smart\x94</title></rss>') == "“smart”"


def test_a_utf8_bom_with_broken_bytes_after_it_stays_utf8() -> None:
    assert title_of(b"\xef\xbb\xbf<rss><title>caf\xc3\xa9 \xff</title></rss>") == "café \ufffd"


@pytest.mark.parametrize(("content_type", "charset"), [
    ('text/xml; charset="ISO-8859-1"', "iso-8859-1"), ("text/xml;Charset=UTF-8 ; q=1", "utf-8"),
    ("text/xml; charset='koi8-r'", "koi8-r"), ("text/xml", ""), ("", ""), ("charset=utf-8", ""),
    ("application/xml; type=feed; charset=windows-1251", "windows-1251"),
])
def test_declared_charset(content_type: str, charset: str) -> None:
    assert declared_charset(content_type) == charset


def test_repair_of_entities_and_references() -> None:
    fixed = repair(b"<t>&copy; &hellip; &nbsp; &amp; &lt; &AMP; &bogus; AT&T &#38; &#x26; &; &#;</t>")
    assert fixed == b"<t>&#169; &#8230; &#160; &amp; &lt; &amp;AMP; &amp;bogus; AT&amp;T &#38; &#x26; &amp;; &amp;#;</t>"
    # references to code points XML forbids are dropped; allowed ones kept; absurd ones become text
    assert repair(b"<t>&#0;&#x1;&#xD800;&#xFFFE;&#x110000;|&#9;&#x1F600;|&#12345678901;</t>") == (
        b"<t>|&#9;&#x1F600;|&amp;#12345678901;</t>")


def test_repair_drops_control_characters_and_the_doctype() -> None:
    assert repair(b"<t>\x00a\x07b\x0b\x0c\x1bc\td\ne\rf\x7f</t>") == b"<t>abc\td\ne\rf\x7f</t>"
    fixed = repair(b'<?xml version="1.0" encoding="iso-8859-1"?><!DOCTYPE rss PUBLIC "-//x" "http://x.example/rss.dtd">'
                   b"<rss>\xe9</rss>")
    assert fixed == "<rss>é</rss>".encode()


def test_clean_tells_repaired_from_recovered() -> None:
    assert parse_xml(b"<rss><title>fine</title></rss>")[1] is True
    assert parse_xml(b"<rss><title>caf&eacute;</title></rss>")[1] is True  # repaired into well-formed XML
    for damaged in (b"<rss><title>unclosed</rss>", b"<rss><title>x</title>",
                    b"<rss><title>t</title></rss><rss>a second root</rss>"):
        root, clean = parse_xml(damaged)
        assert clean is False and root.tag == "rss"


def test_comments_and_instructions_are_dropped_and_cdata_is_text() -> None:
    root, _ = parse_xml(b"<rss><!-- note --><?app x?><d><![CDATA[<b>bold</b> & co]]></d></rss>")
    assert etree.tostring(root) == b"<rss><d>&lt;b&gt;bold&lt;/b&gt; &amp; co</d></rss>"


def test_the_base_url_is_the_documents() -> None:
    root, _ = parse_xml(b"<rss><channel/></rss>", "https://feeds.example/a/rss.xml")
    assert root.base == "https://feeds.example/a/rss.xml"


def test_nothing_is_loaded_from_outside(tmp_path: Path) -> None:
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY secret "TOPSECRET">')
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    for data in (f'<!DOCTYPE rss SYSTEM "file://{dtd}"><rss><title>&secret;</title></rss>',  # external DTD
                 f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "file://{dtd}"> %p;]><rss><title>&secret;</title></rss>',
                 '<rss xmlns:xi="http://www.w3.org/2001/XInclude"><title>'
                 f'<xi:include href="file://{secret}" parse="text"/></title></rss>'):
        root, _ = parse_xml(data.encode())
        assert b"TOPSECRET" not in etree.tostring(root)
    # the parser handed out for repeated use has the same settings (and is the caller's own)
    parser = recovering_parser()
    assert parser is not recovering_parser()
    root = etree.fromstring(f'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]><r>&x;<broken></r>'.encode(), parser)
    assert b"TOPSECRET" not in etree.tostring(root)


def test_deep_nesting_is_cut_not_followed() -> None:
    deep = b"<rss>" + b"<x>" * 5000 + b"deep" + b"</x>" * 5000 + b"</rss>"
    root, clean = parse_xml(deep)
    assert clean is False and root.tag == "rss"
    assert sum(1 for _ in root.iter()) < 5000


@pytest.mark.parametrize("data", [b"", b"   \n ", b"not xml at all", b"<!DOCTYPE rss>", b'<?xml version="1.0"?>',
                                  b"\x00\x00\x00\x00", b"\xff\xfe"])
def test_no_document_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(FeedParseError):
        parse_xml(data)
