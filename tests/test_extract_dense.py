"""The densest run of paragraphs, read when the base extractor's rules removed the article."""

from __future__ import annotations

import lxml.html

from hashwire.extract_dense import densest_blocks
from test_extract import PARAGRAPHS

SIDEBAR = ("<aside><p>Our newsroom has covered the city, its harbour and both riverbanks since 1890 and "
           "answers to a board of readers elected every year at the spring meeting.</p></aside>")
TEASERS = "".join(f"<div class='card'><p><a href='/s/{i}'>Another story from the market square, number {i}, "
                  f"to read next</a></p></div>" for i in range(8))


def page(article: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body><header><p>Menu</p></header>{SIDEBAR}{TEASERS}"
                                f"<div class='wrap'><div class='post-body'>{article}</div></div></body></html>")


def test_the_article_container_wins_over_sidebars_and_teasers() -> None:
    share = "<div class='share-bar'><p>Share this story with your friends on every network you use</p></div>"
    article = "<h2>The vote</h2>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:3]) + share + \
        "".join(f"<p>{p}</p>" for p in PARAGRAPHS[3:])
    blocks = densest_blocks(page(article))
    assert [b.text for b in blocks] == ["The vote", *PARAGRAPHS]
    assert blocks[0].kind == "h"


def test_too_little_paragraph_text_gives_nothing() -> None:
    assert densest_blocks(page(f"<p>{PARAGRAPHS[0]}</p>")) == []


def test_an_article_of_many_small_boxes_is_found_as_a_whole() -> None:
    venues = "".join(
        f"<article class='venue'><div class='venue-main'><h3>Place {i}</h3><div class='venue-excerpt'>"
        f"<p>{PARAGRAPHS[i % len(PARAGRAPHS)]}</p></div></div></article>" for i in range(24))
    blocks = densest_blocks(page(f"<div class='venues'>{venues}</div>"))
    assert sum(b.text in PARAGRAPHS for b in blocks) == 24
    assert [b.text for b in blocks if b.kind == "h"] == [f"Place {i}" for i in range(24)]
