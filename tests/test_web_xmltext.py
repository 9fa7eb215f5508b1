"""Stored text as XML character data and attributes."""

from __future__ import annotations

from lxml import etree

from hashwire.web.xmltext import xml_attr, xml_text


def test_forbidden_characters_go_and_markup_is_escaped() -> None:
    hostile = 'a\x00b\x0cc\x1f <d> & "e" \ud800\ufffe'
    doc = f"<r k={xml_attr(hostile)}>{xml_text(hostile)}</r>"
    root = etree.fromstring(doc.encode("utf-8", "surrogatepass"))  # strict: raises on a forbidden character
    assert root.text == root.get("k") == 'abc <d> & "e" '


def test_ordinary_text_is_kept_whole() -> None:
    text = "Tabs\tand\nnewlines, العربية, emoji 🙂"
    assert etree.fromstring(f"<r>{xml_text(text)}</r>".encode()).text == text
