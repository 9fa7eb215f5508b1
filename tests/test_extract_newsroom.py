"""extract() on the newsroom's generated pages: every paragraph kept, none of its injected boilerplate."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from hashwire.errors import NotAnArticle
from hashwire.extract import extract
from hashwire.newsroom import Newsroom
from hashwire.newsroom.pages import COMMENTERS, READER_COMMENTS, UI, article_page, listing_page

BASE = "http://127.0.0.1:8088"


@pytest.fixture(scope="module")
def room() -> Newsroom:
    return Newsroom(seed=11, outlets=8, days=2, per_day=4, now=datetime(2026, 11, 20, 12, tzinfo=UTC))


def _boilerplate(lang: str) -> list[str]:
    ui = UI[lang]
    strings = [ui["cookie"], ui["share"], ui["copy"], ui["newsletter"], ui["related"], ui["most_read"],
               ui["advert"], ui["rights"], ui["accept"], ui["manage"], ui["signup"]]
    return [s for s in strings if isinstance(s, str) and s] + list(READER_COMMENTS[lang]) + list(COMMENTERS)


def test_article_pages_keep_text_and_drop_boilerplate(room: Newsroom) -> None:
    checked = 0
    for i in range(0, len(room), max(1, len(room) // 60)):
        a = room.article(i)
        html = article_page(room, a, BASE)
        art = extract(html, BASE + a.path)
        for p in a.paragraphs:
            assert " ".join(p.split()) in art.text, (a.path, p)
        lines = {line.strip() for line in art.text.split("\n")}
        for junk in _boilerplate(a.language):
            if len(junk.split()) <= 3:  # short labels may occur inside real sentences: not as a line
                assert junk not in lines and f"{junk} (" not in art.text, (a.path, junk)
            else:
                assert junk not in art.text, (a.path, junk)
        for junk in (a.caption, a.credit):
            if junk:
                assert junk not in art.text, (a.path, junk)
        others = {room.article(j).title for j in room.neighbours(i, 5)} - {a.title}
        for title in others:
            assert title not in art.text, (a.path, title)
        assert art.title == a.title
        assert art.language == a.language
        assert art.published == a.published.astimezone(UTC)
        checked += 1
    assert checked >= min(40, len(room))


def test_listing_pages_are_rejected() -> None:
    room = Newsroom(seed=11, outlets=6, days=3, per_day=10, now=datetime(2026, 11, 20, 12, tzinfo=UTC))
    for outlet in room.outlets:
        indices = room.outlet_articles(outlet.index)
        html = listing_page(room, outlet, indices, "Latest", BASE)
        with pytest.raises(NotAnArticle):
            extract(html, f"{BASE}/{outlet.slug}/")
        section = f"{BASE}/{outlet.slug}/world/"
        with pytest.raises(NotAnArticle):
            extract(listing_page(room, outlet, indices, "World", BASE), section)
