"""The data behind pages, API and feeds: the memo and when it is dropped, cursors, excerpts, bodies,
search arguments, outlets' coverage of an article, and story pages, on a real SQLite store."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hashwire.config import Config
from hashwire.errors import BadRequest, NotFound
from hashwire.models import Article, Source, Story
from hashwire.store import Store, open_store
from hashwire.web import resources
from hashwire.web.cache import Generation
from hashwire.web.resources import (
    Site,
    body_html,
    clean_snippet,
    decode_cursor,
    diversify,
    encode_cursor,
    excerpt,
    parse_day,
    search,
)

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'res.db'}")
    yield s
    s.close()


def site_of(store: Store) -> Site:
    return Site(store, Config(environ={}), Generation(store, check_interval=0.0))


def outlet(store: Store, n: int) -> Source:
    return store.add_source(Source(url=f"https://o{n}.example/feed", title=f"Outlet {n}", slug=f"o{n}"))


def art(src: Source | None, n: int, hours: float = 1.0, **fields: Any) -> Article:
    values: dict[str, Any] = {"url": f"https://o{src.id if src else 0}.example/{n}", "title": f"Title {n}",
                              "text": f"Harbour cranes story {n}.", "published": NOW - timedelta(hours=hours),
                              "fetched_at": NOW, "language": "en", "source_id": src.id if src else None,
                              "source_name": src.title if src else "", "guid": f"g{n}"}
    values.update(fields)
    return Article(**values)


# ---- the memo --------------------------------------------------------------------------------------

def test_memo_builds_once_per_generation_and_again_when_content_changes(store: Store) -> None:
    site = site_of(store)
    builds: list[int] = []

    def build() -> int:
        builds.append(1)
        return len(builds)

    assert site.memo("k", build) == 1 and site.memo("k", build) == 1
    src = outlet(store, 1)  # a new source is content: the generation moves
    assert site.memo("k", build) == 2
    src.next_fetch_at = NOW + timedelta(hours=1)
    store.claim_due_sources("w", NOW, 60, 10)
    store.save_source_state(src)  # polling state is not content: the memo stays
    assert site.memo("k", build) == 2
    store.save_articles([art(src, 1)])
    assert site.memo("k", build) == 3


def test_memoised_lookups_see_new_sources_and_stories(store: Store) -> None:
    site = site_of(store)
    assert site.sources() == {} and site.story("s1") is None
    src = outlet(store, 1)
    assert set(site.sources()) == {src.id}
    store.save_articles([art(src, 1, story_id="s1")], [Story(id="s1", title="S", first_seen=NOW, last_seen=NOW)])
    story = site.story("s1")
    assert story is not None and story.article_count == 1


def test_memo_is_emptied_when_it_grows_past_its_cap(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resources, "MEMO_ENTRIES", 3)
    site = site_of(store)
    builds: list[str] = []

    def build(key: str) -> str:
        builds.append(key)
        return key

    for key in "abcd":
        site.memo(key, lambda key=key: build(key))
    assert site.memo("a", lambda: build("a")) == "a" and builds == list("abcda")  # dropped with the rest
    assert len(site._memo) <= 4


def test_a_failing_build_memoises_nothing(store: Store) -> None:
    site = site_of(store)
    calls: list[int] = []

    def flaky() -> str:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("database hiccup")
        return "ok"

    with pytest.raises(RuntimeError):
        site.memo("k", flaky)
    assert site.memo("k", flaky) == "ok" and len(calls) == 2


# ---- cursors, excerpts, bodies -------------------------------------------------------------------------

def test_cursor_round_trip_and_fallback_times() -> None:
    a = Article(url="https://o.example/1", title="t", text="x", published=datetime(2026, 3, 1, 23, 59, 59, 999_999, tzinfo=UTC))
    assert decode_cursor(encode_cursor(a)) == (a.published, a.id)
    fetched = Article(url="https://o.example/2", title="t", text="x", fetched_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC))
    assert decode_cursor(encode_cursor(fetched)) == (fetched.fetched_at, fetched.id)
    undated = Article(url="https://o.example/3", title="t", text="x")
    assert decode_cursor(encode_cursor(undated)) == (datetime(1970, 1, 1, tzinfo=UTC), undated.id)
    assert decode_cursor(None) is None and decode_cursor("") is None


@pytest.mark.parametrize("bad", ["garbage", "20260301T000000Z_abc", "20260301T000000.000000Z_",
                                 "20260301T000000.000000Z_ABC", "20260301T000000.000000Z_" + "a" * 65,
                                 "20261301T000000.000000Z_abc", "20260230T000000.000000Z_abc",
                                 "20260301T250000.000000Z_abc"])
def test_bad_cursors_are_bad_requests(bad: str) -> None:
    """Impossible dates pass the cursor's pattern: they must still be a BadRequest (400), not a 500."""
    with pytest.raises(BadRequest):
        decode_cursor(bad)


def test_excerpt_cuts_at_a_word_and_prefers_the_description() -> None:
    text = "First paragraph " + "word " * 100 + "\n\nSecond paragraph never shown."
    cut = excerpt(Article(url="https://o.example/1", title="t", text=text), limit=40)
    assert cut == "First paragraph word word word word…" and len(cut) <= 41
    assert excerpt(Article(url="https://o.example/1", title="t", text="Short one.\n\nSecond.")) == "Short one."
    described = Article(url="https://o.example/1", title="t", text="Body.", description="Line one\n\nline  two")
    assert excerpt(described) == "Line one line two"
    assert excerpt(Article(url="https://o.example/1", title="t", text="Ends, badly; here - x", ), limit=20) == \
        "Ends, badly; here…"  # no comma, semicolon or dash left hanging before the ellipsis
    exact = "a" * 10
    assert excerpt(Article(url="https://o.example/1", title="t", text=exact), limit=10) == exact
    assert excerpt(Article(url="https://o.example/1", title="t", text="x" * 30), limit=10) == "x" * 10 + "…"


def test_body_html_escapes_plain_text_and_keeps_sanitized_html() -> None:
    plain = Article(url="https://o.example/1", title="t", text="<script>alert(1)</script> &\n\nTwo")
    assert body_html(plain) == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;</p><p>Two</p>"
    stored = Article(url="https://o.example/1", title="t", text="x", html="<p>Kept <b>as</b> is</p>")
    assert body_html(stored) == "<p>Kept <b>as</b> is</p>"


def test_snippets_keep_only_mark() -> None:
    assert clean_snippet('<mark>port</mark> <img src=x onerror=alert(1)><b>x</b>') == "<mark>port</mark> x"


def test_parse_day() -> None:
    assert parse_day("2026-02-28") == datetime(2026, 2, 28, tzinfo=UTC)
    assert parse_day("2026-02-28", end=True) == datetime(2026, 2, 28, 23, 59, 59, 999_999, tzinfo=UTC)
    assert parse_day(None) is None and parse_day("") is None
    for bad in ("2026-02-30", "28-02-2026", "yesterday"):
        with pytest.raises(BadRequest):
            parse_day(bad)


def test_diversify_puts_other_outlets_first_and_at_most_two_of_its_own() -> None:
    me = Article(url="https://a.example/0", title="t", text="x", source_id=1)
    own = [Article(url=f"https://a.example/{i}", title="t", text="x", source_id=1) for i in range(1, 5)]
    others = [Article(url=f"https://b.example/{i}", title="t", text="x", source_id=2) for i in range(3)]
    mixed = [own[0], others[0], own[1], own[2], others[1], own[3], others[2]]
    assert diversify(mixed, me, 10) == [*others, own[0], own[1]]
    assert diversify(mixed, me, 2) == others[:2]
    by_name = Article(url="https://c.example/0", title="t", text="x", source_name="Wire")
    same_name = Article(url="https://c.example/1", title="t", text="x", source_name="Wire")
    assert diversify([same_name] * 3, by_name, 5) == [same_name] * 2


# ---- search arguments -------------------------------------------------------------------------------

def test_search_arguments_are_bounded(store: Store) -> None:
    src = outlet(store, 1)
    store.save_articles([art(src, i, hours=i) for i in range(3)])
    site = site_of(store)
    assert search(site, "   ")["items"] == []
    assert search(site, "harbour", source="nowhere")["items"] == []
    deep = search(site, "harbour", page=10_000)
    assert deep["page"] == 50 and deep["items"] == []
    odd = search(site, "harbour", order="sideways")
    assert odd["filters"]["order"] == "relevance" and len(odd["items"]) == 3
    long_query = search(site, "harbour " + "x" * 500)
    assert len(long_query["query"]) == 200
    recent = search(site, "harbour", order="recent", page=7, per_page=2)
    assert recent["page"] == 1 and recent["next"] and recent["next_page"] is None
    rest = search(site, "harbour", order="recent", per_page=2, before=recent["next"])
    assert [c["id"] for c in recent["items"] + rest["items"]] == [art(src, i, hours=i).id for i in range(3)]
    assert search(site, "harbour", order="relevance", per_page=2)["next_page"] == 2


# ---- hashtags, categories ---------------------------------------------------------------------------

def test_hashtag_lookups(store: Store) -> None:
    src = outlet(store, 1)
    store.save_articles([art(src, 1, hashtags=["NorthSea"])])
    site = site_of(store)
    assert site.hashtag("NORTH_SEA", language=None, before=None)["tag"] == "NorthSea"
    with pytest.raises(BadRequest):
        site.hashtag("#_ ", language=None, before=None)
    with pytest.raises(NotFound):
        site.hashtag("Nowhere", language=None, before=None)
    assert site.hashtag("NorthSea", language="ar", before=None)["items"] == []  # known tag, no Arabic articles


def test_unknown_category_is_not_found_but_paging_past_the_end_is_not(store: Store) -> None:
    src = outlet(store, 1)
    store.save_articles([art(src, 1, category="Harbours", story_id="h")],
                        [Story(id="h", title="H", first_seen=NOW, last_seen=NOW, category="Harbours")])
    site = site_of(store)
    assert site.category_name("harbours") == "Harbours"
    with pytest.raises(NotFound):
        site.category_listing("NoSuchThing", language=None, before=None)
    past = site.category_listing("NoSuchThing", language=None, before="19700101T000000.000000Z_ab")
    assert past["items"] == []


# ---- articles and stories ---------------------------------------------------------------------------

def test_also_published_by_lists_each_outlet_once_with_copies_and_shared_urls(store: Store) -> None:
    s1, s2, s3 = outlet(store, 1), outlet(store, 2), outlet(store, 3)
    canon = art(s1, 1)
    copy = art(s2, 2, duplicate_of=canon.id)
    copy_again = art(s2, 3, duplicate_of=canon.id)  # the same outlet twice: listed once
    carried = dataclasses.replace(canon, source_id=s3.id, source_name=s3.title, guid="other-feed")
    store.save_articles([canon, copy, copy_again])
    store.save_articles([carried])  # the same URL seen in a third outlet's feed
    page = site_of(store).article(canon)
    also = [(a["name"], a["article_id"]) for a in page["also_published_by"]]
    assert len(also) == 2 and ("Outlet 3", None) in also
    assert also[[n for n, _ in also].index("Outlet 2")][1] in (copy.id, copy_again.id)
    assert "Outlet 1" not in [n for n, _ in also]


def test_story_page_orders_by_time_and_separates_copies(store: Store) -> None:
    s1, s2 = outlet(store, 1), outlet(store, 2)
    first = art(s1, 1, hours=5, story_id="st")
    copy_earliest = art(s2, 2, hours=6, story_id="st", duplicate_of=first.id)
    later = art(s2, 3, hours=1, story_id="st")
    story = Story(id="st", title="S", first_seen=NOW, last_seen=NOW, lead_article_id=later.id)
    store.save_articles([later, first, copy_earliest], [story])
    page = site_of(store).story_page(store.get_story("st") or story)
    assert [c["id"] for c in page["articles"]] == [first.id, later.id]
    assert [c["id"] for c in page["copies"]] == [copy_earliest.id]
    assert page["first"]["id"] == copy_earliest.id  # the first to publish, copy or not


def test_top_stories_fall_back_to_older_news_on_a_quiet_site(store: Store) -> None:
    src = outlet(store, 1)
    old = art(src, 1, hours=24 * 10, story_id="old")
    when = NOW - timedelta(days=10)
    store.save_articles([old], [Story(id="old", title="Old", first_seen=when, last_seen=when, language="en",
                                      lead_article_id=old.id)])
    top = site_of(store).top_stories("en")
    assert [s["id"] for s in top] == ["old"] and top[0]["lead"]["id"] == old.id
