"""parse_html: the tree the extractor works on, for well-formed and awkward inputs."""

from __future__ import annotations

import pytest
from lxml.html import HtmlElement

from hashwire.errors import NotAnArticle
from hashwire.extract_parse import parse_html

PAGE = "<html><head><title>T</title></head><body><form><input name=q></form><p>Hello <b>world</b></p></body></html>"


def test_every_element_is_an_html_element() -> None:
    tree = parse_html(PAGE)
    assert all(isinstance(el, HtmlElement) for el in tree.iter() if isinstance(el.tag, str))
    assert tree.find(".//p").text_content() == "Hello world"  # type: ignore[union-attr]


def test_xml_declaration_and_control_characters() -> None:
    tree = parse_html('<?xml version="1.0" encoding="utf-8"?>' + PAGE.replace("Hello", "Hel\x0blo\x00"))
    text = tree.find(".//p").text_content()  # type: ignore[union-attr]
    assert text.startswith("Hel") and text.endswith("world")


def test_broken_doctype_and_self_closed_html_tag() -> None:
    tree = parse_html('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN" "http://x/y.dtd"/>\n' + PAGE)
    assert tree.findtext(".//title") == "T"
    tree = parse_html('<html lang="en"/>\n<head><title>T</title></head><body><p>x</p><p>y</p></body>')
    assert [p.text for p in tree.iter("p")] == ["x", "y"]


@pytest.mark.parametrize("html", ["", "   ", "just some words, no markup"])
def test_no_html_is_not_an_article(html: str) -> None:
    with pytest.raises(NotAnArticle):
        parse_html(html)


def test_content_after_an_early_end_of_page_is_kept() -> None:
    # a header template that closes the page before the article, as browsers tolerate
    html = ("<html><head><title>T</title></head><body><nav><a href='/'>Home</a></nav></body></html>\n"
            "<div class='post'><h1>Headline</h1><p>First paragraph.</p><p>Second paragraph.</p></div>"
            "<footer>Contact</footer></body></html>")
    tree = parse_html(html)
    assert [p.text for p in tree.iter("p")] == ["First paragraph.", "Second paragraph."]
    assert tree.findtext(".//h1") == "Headline" and tree.findtext(".//nav/a") == "Home"


def test_a_closed_page_followed_only_by_a_comment_is_left_as_it_is() -> None:
    html = PAGE + "\n<!-- cached at 04:28 -->\n"
    assert [p.text_content() for p in parse_html(html).iter("p")] == ["Hello world"]
