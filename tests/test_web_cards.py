"""Article cards rendered in Python: every value escaped, links quoted, only trusted HTML passed through."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from lxml import html as lxml_html

from hashwire.web.cards import Cards
from hashwire.web.i18n import language

WHEN = datetime(2025, 6, 11, 9, 30, tzinfo=UTC)


def card(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": "0123456789abcdef0123456789abcdef", "title": "Port strike ends", "published": WHEN,
        "source": {"id": 1, "name": "Harbour Times", "slug": "harbour-times"}, "category": "Business",
        "excerpt": "Workers return.", "hashtags": ["PortStrike", "DockWorkers"], "story_id": "s1",
        "also_covered_by": 3,
    }
    return {**base, **over}


def render(c: dict[str, Any], code: str = "en", **kw: Any) -> Any:
    lang = language(code)
    assert lang is not None
    cards = Cards(lang, lambda when: "a day ago", lambda name: name.upper())
    return str(cards(c, **kw)), lxml_html.fragment_fromstring(str(cards(c, **kw)))


def test_card_links_title_source_category_story_and_tags() -> None:
    text, node = render(card())
    assert node.cssselect("h3.card-title a")[0].get("href") == "/en/article/0123456789abcdef0123456789abcdef"
    assert node.cssselect(".chip.source")[0].get("href") == "/en/source/harbour-times"
    assert node.cssselect(".chip.cat")[0].text == "BUSINESS"  # the category's name in the page's language
    assert node.cssselect("time")[0].get("datetime") == "2025-06-11T09:30:00+00:00"
    assert [a.get("href") for a in node.cssselect(".tags a")] == ["/en/hashtag/PortStrike", "/en/hashtag/DockWorkers"]
    assert node.cssselect(".more a")[1].get("href") == "/en/story/s1"
    assert "<details" not in text  # the full text only when asked for


def test_hostile_values_are_escaped_and_quoted() -> None:
    evil = card(title='<script>alert(1)</script>', excerpt='<img src=x onerror=alert(1)>',
                source={"id": 2, "name": '"><b>Outlet</b>', "slug": 'a"b/c'}, category="News/<i>",
                hashtags=['Tag"><script>'])
    text, node = render(evil)
    assert "<script>" not in text and "<img" not in text and "<b>" not in text and "<i>" not in text
    assert node.cssselect("h3 a")[0].text == "<script>alert(1)</script>"  # shown as text
    assert node.cssselect(".chip.source")[0].get("href") == "/en/source/a%22b%2Fc"
    assert node.cssselect(".chip.cat")[0].get("href") == "/en/category/News%2F%3Ci%3E"
    assert node.cssselect(".tags a")[0].get("href") == "/en/hashtag/Tag%22%3E%3Cscript%3E"


def test_snippets_and_sanitized_bodies_pass_as_html() -> None:
    _, node = render(card(snippet="the <mark>strike</mark> ends", body_html="<p>Body <em>kept</em></p>"), full=True)
    assert node.cssselect(".excerpt mark")[0].text == "strike"
    assert node.cssselect("details.fulltext .body em")[0].text == "kept"


def test_arabic_cards_use_arabic_paths_and_isolate_tags() -> None:
    _, node = render(card(hashtags=["إضراب_الميناء"], source={"id": 1, "name": "الميناء", "slug": ""}), "ar")
    assert node.cssselect("h3 a")[0].get("href").startswith("/ar/article/")
    assert node.cssselect(".tags bdi")[0].text == "#إضراب_الميناء"
    assert node.cssselect("span.chip.source")[0].text == "الميناء"  # no slug: a name without a link
