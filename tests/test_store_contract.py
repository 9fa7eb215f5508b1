"""One suite, both backends: every Store method behaves the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

from hashwire.models import Source, Story
from hashwire.store import ArticleQuery, Store
from hashwire.store.base import cursor_of
from store_fixtures import NOW, make_article


def sources(store: Store, n: int = 3) -> list[Source]:
    return [store.add_source(Source(url=f"https://outlet{i}.example/feed", title=f"Outlet {i}"))
            for i in range(1, n + 1)]


def test_migrate_is_idempotent(store: Store) -> None:
    store.migrate()
    store.migrate()
    assert store.counts() == {"articles": 0, "duplicates": 0, "stories": 0, "sources": 0, "tags": 0,
                              "appearances": 0}
    assert store.size_bytes() > 0
    store.ping()


def test_sources_add_is_idempotent_and_slugged(store: Store) -> None:
    a = store.add_source(Source(url="https://a.example/rss", title="Le Monde — International"))
    again = store.add_source(Source(url="https://a.example/rss", title="Other"))
    twin = store.add_source(Source(url="https://b.example/rss", title="Le Monde International"))
    untitled = store.add_source(Source(url="https://www.c-news.example/feed.xml"))
    assert a.id == again.id and a.slug == "le-monde-international"
    assert twin.slug == "le-monde-international-2"
    assert untitled.slug == "c-news-example"
    assert store.source_by_slug(twin.slug) == twin
    assert store.get_source(a.id or 0) == a
    assert [s.url for s in store.list_sources()] == ["https://a.example/rss", "https://b.example/rss",
                                                      "https://www.c-news.example/feed.xml"]
    store.remove_source(untitled.id or 0)
    assert store.get_source(untitled.id or 0) is None and len(store.list_sources()) == 2


def test_claim_due_sources_leases_and_expiry(store: Store) -> None:
    s1, s2, s3 = sources(store)
    s3.disabled = True
    store.save_source_state(s3)
    first = store.claim_due_sources("w1", NOW, 60, 10)
    assert {s.id for s in first} == {s1.id, s2.id}
    assert store.claim_due_sources("w2", NOW, 60, 10) == []  # leased
    # the lease of a dead worker runs out
    late = store.claim_due_sources("w2", NOW + timedelta(seconds=61), 60, 1)
    assert len(late) == 1
    s1.next_fetch_at = NOW + timedelta(minutes=15)
    s1.etag, s1.last_status, s1.error_count = '"v2"', "ok", 0
    store.save_source_state(s1)  # releases the lease
    got = store.get_source(s1.id or 0)
    assert got is not None and got.etag == '"v2"' and got.next_fetch_at == s1.next_fetch_at
    assert store.claim_due_sources("w3", NOW + timedelta(seconds=200), 60, 10) == [
        s for s in store.list_sources() if s.id == s2.id]
    # never-fetched sources come first, then the longest overdue
    assert [s.id for s in store.claim_due_sources("w3", NOW + timedelta(minutes=16), 60, 10)] == [s2.id, s1.id]


def test_source_states_count_due_leased_waiting_disabled(store: Store) -> None:
    assert store.source_states(NOW) == {"due": 0, "leased": 0, "waiting": 0, "disabled": 0, "failing": 0}
    _, _, s3, s4 = sources(store, 4)
    s3.disabled, s3.error_count = True, 5
    store.save_source_state(s3)
    s4.next_fetch_at, s4.error_count = NOW + timedelta(minutes=5), 2
    store.save_source_state(s4)
    assert store.source_states(NOW) == {"due": 2, "leased": 0, "waiting": 1, "disabled": 1, "failing": 1}
    store.claim_due_sources("w1", NOW, 60, 1)
    assert store.source_states(NOW) == {"due": 1, "leased": 1, "waiting": 1, "disabled": 1, "failing": 1}
    # a dead worker's lease runs out: the source counts as due again
    later = store.source_states(NOW + timedelta(seconds=61))
    assert later == {"due": 2, "leased": 0, "waiting": 1, "disabled": 1, "failing": 1}
    assert store.source_states(NOW + timedelta(minutes=6))["due"] == 3


def test_save_roundtrip_idempotent_and_acknowledged(store: Store) -> None:
    (src, *_) = sources(store, 1)
    art = make_article(1, source_id=src.id, authors=["A. Writer", "B. Writer"], keywords=["port"],
                       hashtags=["HarbourCranes", "Rotterdam"], category="business", image="https://i/1.jpg",
                       updated=NOW, description="Cranes.", partial=True, html="<p>Body</p>", content_hash="ab",
                       story_id="st1", section="economy", site_name="Outlet One")
    story = Story(id="st1", title="Cranes", first_seen=NOW, last_seen=NOW, hashtags=["HarbourCranes"])
    assert store.save_articles([art, make_article(2, source_id=src.id)], [story]) == [True, True]
    assert store.save_articles([art]) == [False]
    assert store.get_article(art.id) == art
    assert store.counts()["articles"] == 2 and store.counts()["appearances"] == 2
    assert store.known_guids(src.id or 0) == {"guid-1", "guid-2"}
    art.title = "Corrected title"
    store.save_articles([art])
    assert (store.get_article(art.id) or art).title == "Corrected title"
    assert store.get_articles(["missing", make_article(2, source_id=src.id).id, art.id])[1].id == art.id
    assert store.article_by_url(art.url) == store.get_article(art.id)
    assert store.save_articles([]) == []


def test_entry_identity_is_unique_but_provenance_kept(store: Store) -> None:
    (src, *_) = sources(store, 1)
    a = make_article(1, source_id=src.id, guid="same")
    b = make_article(2, source_id=src.id, guid="same")  # the feed reused a GUID for a new URL
    assert store.save_articles([a]) == [True]
    assert store.save_articles([b]) == [True]
    assert store.get_article(b.id) is not None
    assert [(p.guid, p.url) for p in store.appearances(b.id)] == [("same", b.url)]
    assert store.known_guids(src.id or 0) == {"same"}


def test_listing_filters_and_keyset_pagination(store: Store) -> None:
    s1, s2, _ = sources(store)
    arts = [make_article(i, source_id=s1.id if i % 2 else s2.id, hours_ago=i, language="ar" if i == 3 else "en",
                         category="sport" if i < 5 else "world", hashtags=["Rotterdam"] if i < 4 else [],
                         story_id="st" if i in (1, 2) else None) for i in range(25)]
    store.save_articles(arts)
    seen, before = [], None
    while True:
        page = store.list_articles(ArticleQuery(limit=10, before=before))
        if not page:
            break
        seen += [a.id for a in page]
        before = cursor_of(page[-1])
    assert seen == [a.id for a in arts]  # newest first, no gaps, no repeats
    assert {a.id for a in store.list_articles(ArticleQuery(source_id=s1.id, limit=50))} == {
        a.id for a in arts if a.source_id == s1.id}
    assert [a.id for a in store.list_articles(ArticleQuery(language="ar"))] == [arts[3].id]
    assert len(store.list_articles(ArticleQuery(category="sport"))) == 5
    assert [a.id for a in store.list_articles(ArticleQuery(story_id="st"))] == [arts[1].id, arts[2].id]
    tagged = store.list_articles(ArticleQuery(hashtag="ROTTERDAM", limit=2))
    assert [a.id for a in tagged] == [arts[0].id, arts[1].id]
    more = store.list_articles(ArticleQuery(hashtag="rotterdam", before=cursor_of(tagged[-1])))
    assert [a.id for a in more] == [arts[2].id, arts[3].id]
    window = store.list_articles(ArticleQuery(since=NOW - timedelta(hours=5.5), until=NOW - timedelta(hours=1.5),
                                              limit=50))
    assert [a.id for a in window] == [a.id for a in arts[2:6]]


def test_duplicates_are_folded_with_provenance(store: Store) -> None:
    s1, s2, s3 = sources(store)
    canon = make_article(1, source_id=s1.id, hours_ago=2)
    copies = [make_article(10 + i, source_id=s.id, duplicate_of=canon.id) for i, s in enumerate((s2, s3))]
    store.save_articles([canon, *copies])
    assert [a.id for a in store.list_articles(ArticleQuery())] == [canon.id]
    assert len(store.list_articles(ArticleQuery(include_duplicates=True))) == 3
    assert {a.id for a in store.duplicates_of(canon.id)} == {c.id for c in copies}
    assert {p.source_id for p in store.appearances(canon.id)} == {s1.id, s2.id, s3.id}
    assert store.counts()["duplicates"] == 2 and store.counts()["articles"] == 1
    recent = list(store.recent_articles(NOW - timedelta(hours=3)))
    assert recent[0].id == canon.id and len(recent) == 3


def test_related_articles_prefer_story_then_tags_then_other_outlets(store: Store) -> None:
    s1, s2, s3 = sources(store)
    me = make_article(1, source_id=s1.id, story_id="st", hashtags=["Cranes", "Port"])
    same_outlet_story = make_article(2, source_id=s1.id, story_id="st", hours_ago=1)
    other_outlet_story = make_article(3, source_id=s2.id, story_id="st", hours_ago=3)
    tag_two = make_article(4, source_id=s3.id, hashtags=["Cranes", "Port"], hours_ago=5)
    tag_one = make_article(5, source_id=s3.id, hashtags=["Port"], hours_ago=4)
    folded = make_article(6, source_id=s2.id, story_id="st", duplicate_of=other_outlet_story.id)
    store.save_articles([me, same_outlet_story, other_outlet_story, tag_two, tag_one, folded])
    got = [a.id for a in store.related_articles(me, limit=10)]
    assert got == [other_outlet_story.id, tag_two.id, tag_one.id, same_outlet_story.id]
    assert len(store.related_articles(me, limit=2)) == 2


def test_search_relevance_recency_snippets_and_filters(store: Store) -> None:
    s1, s2, _ = sources(store)
    arts = [
        make_article(1, source_id=s1.id, title="Volcano erupts near Reykjavik", hours_ago=30,
                     text="The volcano <script>alert(1)</script> sent ash over the town. Volcano alerts rose."),
        make_article(2, source_id=s2.id, title="Markets calm", text="A volcano was mentioned once.", hours_ago=1,
                     hashtags=["Markets"]),
        make_article(3, source_id=s2.id, title="Harbour news", text="Nothing about mountains.", hours_ago=2),
        make_article(4, source_id=s1.id, title="Volcano copy", text="volcano volcano", duplicate_of="x"),
    ]
    store.save_articles(arts)
    hits = store.search("volcano", ArticleQuery())
    assert [h.article.id for h in hits] == [arts[0].id, arts[1].id]  # title match outranks a newer mention
    assert "<mark>" in hits[0].snippet.lower() and "<script>" not in hits[0].snippet
    assert all(h.rank > 0 for h in hits)
    recent = store.search("Volcano!", ArticleQuery(), order="recent")
    assert [h.article.id for h in recent] == [arts[1].id, arts[0].id]
    assert [h.article.id for h in store.search("volcano", ArticleQuery(source_id=s2.id))] == [arts[1].id]
    assert [h.article.id for h in store.search("volcano", ArticleQuery(hashtag="markets"))] == [arts[1].id]
    assert [h.article.id for h in store.search("volcano ash", ArticleQuery())] == [arts[0].id]
    assert len(store.search("volcano", ArticleQuery(include_duplicates=True))) == 3
    assert store.search("volcano", ArticleQuery(limit=1), offset=1)[0].article.id == arts[1].id
    assert store.search("   ", ArticleQuery()) == [] and store.search("zzzqqq", ArticleQuery()) == []
    assert store.search('"AND OR NOT (', ArticleQuery()) == []


def test_stories_rank_by_outlets_and_merge(store: Store) -> None:
    s1, s2, s3 = sources(store)
    wide = Story(id="wide", title="Wide", first_seen=NOW - timedelta(hours=6), last_seen=NOW - timedelta(hours=6),
                 language="en", category="world")
    narrow = Story(id="narrow", title="Narrow", first_seen=NOW, last_seen=NOW, language="en", category="world")
    store.save_articles([make_article(i, source_id=s.id, story_id="wide") for i, s in enumerate((s1, s2, s3))]
                        + [make_article(9, source_id=s1.id, story_id="narrow")], [wide, narrow])
    top = store.top_stories()
    assert [s.id for s in top] == ["wide", "narrow"]
    assert (top[0].source_count, top[0].article_count) == (3, 3)  # counted from the stored rows
    assert store.top_stories(language="ar") == [] and len(store.top_stories(category="world")) == 2
    assert [s.id for s in store.top_stories(limit=1, offset=1)] == ["narrow"]
    narrow.merged_into = "wide"
    store.save_articles([], [narrow])
    assert [s.id for s in store.top_stories()] == ["wide"]
    assert (store.get_story("wide") or wide).article_count == 4
    assert len(store.list_articles(ArticleQuery(story_id="wide"))) == 4
    assert store.get_story("nope") is None
    moved = make_article(0, source_id=s1.id, story_id="other")  # re-assigned: "wide" loses it
    store.save_articles([moved], [Story(id="other", title="Other", first_seen=NOW, last_seen=NOW)])
    assert (store.get_story("wide") or wide).article_count == 3


def test_tags_activity_and_related(store: Store) -> None:
    s1, s2, _ = sources(store)
    a = make_article(1, source_id=s1.id, story_id="st1", hashtags=["NorthKorea", "Missiles"])
    b = make_article(2, source_id=s2.id, story_id="st1", hashtags=["NorthKorea"], duplicate_of=a.id)
    c = make_article(3, source_id=s2.id, story_id="st2", hashtags=["NorthKorea", "Seoul"])
    old = make_article(4, source_id=s2.id, story_id="st3", hashtags=["Seoul"], hours_ago=100)
    store.save_articles([a, b, c, old])
    assert store.tag_display("northkorea") == "NorthKorea" and store.tag_display("nothing") is None
    stats = {t.key: t for t in store.tag_activity(NOW - timedelta(days=1), NOW + timedelta(hours=1))}
    nk = stats["northkorea"]
    assert (nk.display, nk.articles, nk.stories, nk.sources) == ("NorthKorea", 2, 2, 2)
    assert stats["seoul"].articles == 1  # the old article is outside the window
    assert store.tag_activity(NOW - timedelta(days=1), NOW + timedelta(hours=1), language="ar") == []
    related = store.related_tags("NorthKorea")
    assert [(t.key, t.stories) for t in related] == [("missiles", 1), ("seoul", 1)]


def test_prune_bodies_keeps_rows_and_counts(store: Store) -> None:
    (src, *_) = sources(store, 1)
    old = make_article(1, source_id=src.id, hours_ago=24 * 40, hashtags=["Old"], story_id="s", html="<p>x</p>")
    new = make_article(2, source_id=src.id, hashtags=["New"], story_id="s")
    store.save_articles([old, new], [Story(id="s", title="S", first_seen=NOW, last_seen=NOW)])
    before = store.counts()
    assert store.prune_bodies(NOW - timedelta(days=30)) == 1
    assert store.prune_bodies(NOW - timedelta(days=30)) == 0
    pruned = store.get_article(old.id)
    assert pruned is not None and pruned.text == "" and pruned.html == "" and pruned.title == old.title
    assert (store.get_article(new.id) or new).text == new.text
    assert store.counts() == before
    assert (store.get_story("s") or Story("s", "", NOW, NOW)).article_count == 2
    assert store.search("harbour", ArticleQuery())[0].article.id == new.id


def test_catch_up_under_the_story_lock(store: Store) -> None:
    (src, *_) = sources(store, 1)
    store.save_articles([make_article(1, source_id=src.id)])
    mark = store.article_mark()
    later = [make_article(i, source_id=src.id, hours_ago=i) for i in (2, 3, 4)]
    with store.story_lock():
        store.save_articles(later)
    got, new_mark = store.articles_after(mark, limit=2)
    assert len(got) == 2 and new_mark > mark
    rest, last = store.articles_after(new_mark)
    assert {a.id for a in got + rest} == {a.id for a in later} and store.articles_after(last) == ([], last)


def test_generation_moves_with_content_only(store: Store) -> None:
    g0 = store.generation()
    (src, *_) = sources(store, 1)
    g1 = store.generation()
    assert g1 > g0
    store.claim_due_sources("w", NOW, 60, 10)
    store.save_source_state(src)  # polling state is not content
    assert store.generation() == g1
    store.save_articles([make_article(1, source_id=src.id, hours_ago=24 * 40)])
    g2 = store.generation()
    assert g2 > g1
    store.prune_bodies(NOW - timedelta(days=30))
    assert store.generation() > g2


def test_count_articles_follows_the_listing_and_stops_at_its_cap(store: Store) -> None:
    (src, *_) = sources(store, 1)
    arts = [make_article(i, source_id=src.id, hours_ago=i, hashtags=["Cranes"] if i % 2 else []) for i in range(9)]
    copy = make_article(50, source_id=src.id, hours_ago=0.5, duplicate_of=arts[0].id)
    store.save_articles([*arts, copy])
    assert store.count_articles(ArticleQuery(), 100) == 9  # folded copies are not listed
    assert store.count_articles(ArticleQuery(include_duplicates=True), 100) == 10
    assert store.count_articles(ArticleQuery(), 4) == 4
    assert store.count_articles(ArticleQuery(hashtag="cranes"), 100) == 4
    window = ArticleQuery(since=NOW - timedelta(hours=5.5), until=NOW - timedelta(hours=1.5))
    assert store.count_articles(window, 100) == len(store.list_articles(window)) == 4
    assert store.count_articles(ArticleQuery(), 0) == 0
