"""Sources, stories, tags and operations on SQLite and PostgreSQL: slugs, claims at the lease boundary and
by many workers at once, removing a source without losing provenance, the top-stories formula, tag
windows, and pruning past one transaction's worth."""

from __future__ import annotations

import threading
from datetime import timedelta

from hashwire.models import Source, Story
from hashwire.store import ArticleQuery, Store
from store_fixtures import NOW, make_article


def outlets(store: Store, n: int) -> list[Source]:
    return [store.add_source(Source(url=f"https://o{i}.example/feed", title=f"Outlet {i}")) for i in range(n)]


# ---- sources ------------------------------------------------------------------------------------------

def test_slugs_count_past_nine_and_ignore_longer_neighbours(store: Store) -> None:
    store.add_source(Source(url="https://x.example/a", title="News Extra"))
    slugs = [store.add_source(Source(url=f"https://x.example/{i}", title="News")).slug for i in range(12)]
    assert slugs == ["news"] + [f"news-{i}" for i in range(2, 13)]
    assert len({s.slug for s in store.list_sources()}) == 13


def test_sources_added_by_many_at_once(store: Store) -> None:
    """Operators importing OPML files on two machines: one row per URL, one slug per row, no error."""
    got: list[Source] = []
    errors: list[BaseException] = []

    def add(url: str) -> None:
        try:
            got.append(store.add_source(Source(url=url, title="Same Title")))
        except BaseException as exc:
            errors.append(exc)

    urls = ["https://same.example/feed"] * 6 + [f"https://other{i}.example/feed" for i in range(6)]
    threads = [threading.Thread(target=add, args=(url,)) for url in urls]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len({s.id for s in got if s.url == "https://same.example/feed"}) == 1
    stored = store.list_sources()
    assert len(stored) == 7 and len({s.slug for s in stored}) == 7


def test_claims_at_the_lease_boundary(store: Store) -> None:
    (src,) = outlets(store, 1)
    assert store.claim_due_sources("w1", NOW, 60, 0) == []  # a limit of 0 leases nothing
    assert [s.id for s in store.claim_due_sources("w1", NOW, 60, 5)] == [src.id]
    assert store.claim_due_sources("w2", NOW + timedelta(seconds=59, microseconds=999_999), 60, 5) == []
    assert [s.id for s in store.claim_due_sources("w2", NOW + timedelta(seconds=60), 60, 5)] == [src.id]
    assert store.source_states(NOW + timedelta(seconds=60))["leased"] == 1  # now w2's, until +120 s
    assert store.claim_due_sources("w3", NOW + timedelta(seconds=119), 60, 5) == []


def test_a_source_due_later_or_disabled_is_not_claimed_even_with_no_lease(store: Store) -> None:
    later, off, due = outlets(store, 3)
    later.next_fetch_at = NOW + timedelta(minutes=10)
    store.save_source_state(later)
    off.disabled = True
    store.save_source_state(off)
    assert [s.id for s in store.claim_due_sources("w", NOW, 60, 10)] == [due.id]
    # ten minutes on: the first claim's lease ran out (its worker never reported) and `later` is due
    assert [s.id for s in store.claim_due_sources("w", NOW + timedelta(minutes=10), 60, 10)] == [due.id, later.id]
    assert store.claim_due_sources("w", NOW + timedelta(days=365), 60, 10) != [] and all(
        s.id != off.id for s in store.claim_due_sources("w", NOW + timedelta(days=400), 60, 10))


def test_workers_claiming_at_once_never_share_a_source(store: Store) -> None:
    sources = outlets(store, 40)
    claimed: dict[str, list[int]] = {}
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            mine: list[int] = []
            while batch := store.claim_due_sources(name, NOW, 300, 3):
                mine += [s.id or 0 for s in batch]
            claimed[name] = mine
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(f"w{i}",)) for i in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    every = [sid for ids in claimed.values() for sid in ids]
    assert sorted(every) == sorted(s.id or 0 for s in sources)  # each once, none left out


def test_removing_a_source_keeps_its_articles_and_provenance(store: Store) -> None:
    keep, gone = outlets(store, 2)
    own = make_article(1, source_id=gone.id)
    carried = make_article(2, source_id=keep.id)
    store.save_articles([own, carried])
    again = make_article(2, source_id=gone.id, url=carried.url)  # the same URL in the removed source's feed
    store.save_articles([again])
    store.remove_source(gone.id or 0)
    stored = store.get_article(own.id)
    assert stored is not None and stored.source_id is None and stored.source_name == own.source_name
    assert [(p.source_id, p.guid) for p in store.appearances(own.id)] == [(None, "guid-1")]
    assert {(p.source_id, p.guid) for p in store.appearances(carried.id)} == {(keep.id, "guid-2"), (None, "guid-2")}
    assert store.known_guids(gone.id or 0) == set()
    # the outlet comes back, is seen carrying the same entries again, and goes again: no clash
    back = store.add_source(Source(url=gone.url, title=gone.title))
    assert back.slug == gone.slug  # the slug was freed
    own_again = make_article(1, source_id=back.id, url=own.url)
    store.save_articles([own_again])
    store.remove_source(back.id or 0)
    assert [(p.source_id, p.url) for p in store.appearances(own.id)] == [(None, own.url)]
    assert store.counts()["articles"] == 2


# ---- stories ------------------------------------------------------------------------------------------

def story_with(store: Store, sid: str, sources: list[Source], hours_ago: float, n: int = 0) -> None:
    when = NOW - timedelta(hours=hours_ago)
    arts = [make_article(1000 * (n + 1) + i, source_id=s.id, story_id=sid, hours_ago=hours_ago)
            for i, s in enumerate(sources)]
    store.save_articles(arts, [Story(id=sid, title=sid, first_seen=when, last_seen=when, language="en")])


def test_top_stories_formula_coverage_over_age(store: Store) -> None:
    src = outlets(store, 6)
    story_with(store, "six-12h", src, 12, 1)  # (6 + 0.6) / 2 = 3.3
    story_with(store, "one-now", src[:1], 0, 2)  # 1.1 / 1 = 1.1
    story_with(store, "two-13h", src[:2], 13, 3)  # 2.2 / (1 + 13/12) = 1.056
    story_with(store, "two-11h", src[:2], 11, 4)  # 2.2 / (1 + 11/12) = 1.148
    assert [s.id for s in store.top_stories()] == ["six-12h", "two-11h", "one-now", "two-13h"]
    assert [s.id for s in store.top_stories(since=NOW - timedelta(hours=12, minutes=1))] == [
        "six-12h", "two-11h", "one-now"]


def test_merged_stories_leave_every_listing(store: Store) -> None:
    src = outlets(store, 2)
    story_with(store, "a", src, 1, 1)
    story_with(store, "b", src[:1], 2, 2)
    gone = store.get_story("b")
    assert gone is not None
    gone.merged_into = "a"
    store.save_articles([], [gone])
    assert [s.id for s in store.top_stories()] == ["a"] and store.counts()["stories"] == 1
    assert (store.get_story("a") or gone).article_count == 3
    assert store.list_articles(ArticleQuery(story_id="b")) == []


# ---- tags ---------------------------------------------------------------------------------------------

def test_tag_activity_window_is_half_open_and_limited(store: Store) -> None:
    (src,) = outlets(store, 1)
    at_since = make_article(1, source_id=src.id, hours_ago=10, hashtags=["Edge"])
    at_until = make_article(2, source_id=src.id, hours_ago=2, hashtags=["Late"])
    inside = [make_article(10 + i, source_id=src.id, hours_ago=5, hashtags=["Busy", f"Tag{i}"]) for i in range(3)]
    store.save_articles([at_since, at_until, *inside])
    window = store.tag_activity(NOW - timedelta(hours=10), NOW - timedelta(hours=2))
    keys = [t.key for t in window]
    assert "edge" in keys and "late" not in keys
    assert keys[0] == "busy" and window[0].articles == 3
    assert keys[1:] == sorted(keys[1:])  # ties by key
    assert [t.key for t in store.tag_activity(NOW - timedelta(hours=10), NOW, limit=2)] == ["busy", "edge"]


def test_related_tags_count_shared_stories(store: Store) -> None:
    src = outlets(store, 2)
    arts = [make_article(1, source_id=src[0].id, story_id="s1", hashtags=["Port", "Strike"]),
            make_article(2, source_id=src[1].id, story_id="s2", hashtags=["Port", "Strike", "Wages"]),
            make_article(3, source_id=src[1].id, story_id="s3", hashtags=["Port", "Ferry"]),
            make_article(4, source_id=src[1].id, story_id="s4", hashtags=["Strike"])]
    store.save_articles(arts)
    assert [(t.key, t.stories) for t in store.related_tags("PORT")] == [("strike", 2), ("ferry", 1), ("wages", 1)]
    assert [t.display for t in store.related_tags("port", limit=1)] == ["Strike"]
    assert store.related_tags("nothing") == []


# ---- pruning ------------------------------------------------------------------------------------------

def test_prune_goes_past_one_transaction_and_stops_at_the_cutoff(store: Store) -> None:
    (src,) = outlets(store, 1)
    cutoff = NOW - timedelta(days=30)
    old = [make_article(i, source_id=src.id, hours_ago=24 * 31 + i / 100, text=f"old {i}") for i in range(2_050)]
    at_cutoff = make_article(5_000, source_id=src.id, text="kept", published=cutoff)
    html_only = make_article(5_001, source_id=src.id, hours_ago=24 * 40, text="", html="<p>x</p>")
    store.save_articles([*old, at_cutoff, html_only])
    before = store.counts()
    assert store.prune_bodies(cutoff) == 2_051
    assert (store.get_article(at_cutoff.id) or at_cutoff).text == "kept"
    assert (store.get_article(html_only.id) or html_only).html == ""
    assert all(a.text == "" for a in store.get_articles([a.id for a in old[::97]]))
    assert store.counts() == before
