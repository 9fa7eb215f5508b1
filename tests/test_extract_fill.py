"""Putting back text the base extractor skipped between two blocks it kept."""

from __future__ import annotations

import lxml.html

from hashwire.extract_body import Block
from hashwire.extract_fill import fill_gaps

ONE = "The council approved the new budget for the city library on Thursday evening after a long debate."
TWO = "Work on the reading rooms starts in the spring and should be finished before the next school year."


def p(text: str) -> Block:
    return Block("p", text, f"<p>{text}</p>")


def page(middle: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f"<html><body><div class='nav-menu'><p>Latest headlines from the whole region today</p></div>"
        f"<article><p>{ONE}</p>{middle}<p>{TWO}</p></article>"
        f"<div><p>Another story you may like to read next week</p></div></body></html>")


def test_a_table_between_kept_paragraphs_is_put_back_in_place() -> None:
    tree = page("<table><tr><td>Reading rooms</td><td>$1.2 million</td></tr>"
                "<tr><td>Children's wing</td><td>$0.8 million</td></tr></table>")
    out = fill_gaps(tree, [p(ONE), p(TWO)])
    assert [b.text for b in out] == [ONE, "Reading rooms | $1.2 million", "Children's wing | $0.8 million", TWO]
    assert out[1].kind == "table"


def test_words_in_separate_elements_stay_apart() -> None:
    tree = page("<ul><li><strong>Opening</strong><br>Spring</li><li><div>Cost</div><div>$2 million</div></li></ul>")
    texts = [b.text for b in fill_gaps(tree, [p(ONE), p(TWO)])]
    assert "Opening Spring" in texts and "Cost" in texts and "$2 million" in texts


def test_furniture_and_text_outside_the_kept_blocks_stay_out() -> None:
    tree = page("<div class='newsletter-box'><p>Get our daily briefing</p></div>"
                "<section><h3>Stay informed</h3><p>Sign up for our newsletter today</p></section>"
                "<p><a href='/a'>Mayor resigns after a long dispute over the budget</a></p>"
                "<p style='display: none'>Hidden text that is not shown</p>")
    out = fill_gaps(tree, [p(ONE), p(TWO)])
    assert [b.text for b in out] == [ONE, TWO]


def test_nothing_changes_when_the_kept_blocks_are_not_found() -> None:
    tree = page("<p>Some text in between the two paragraphs.</p>")
    blocks = [p("A paragraph that is not on the page at all, written here."), p(TWO)]
    assert fill_gaps(tree, blocks) == blocks
