"""Articles on SQLite and PostgreSQL: one batch holding repeats and clashing entry identities, what a
re-save keeps and replaces, chains of story merges, batches and lookups past one IN-list, listings by
hashtag after corrections, and the pagers that walk the whole table."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from hashwire.models import Article, Source, Story
from hashwire.store import ArticleQuery, Store, cursor_of
from hashwire.store.sql_articles import CHUNK
from store_fixtures import NOW, make_article


def outlets(store: Store, n: int) -> list[Source]:
    return [store.add_source(Source(url=f"https://o{i}.example/feed", title=f"Outlet {i}")) for i in range(n)]


def story(sid: str, **fields: object) -> Story:
    return Story(id=sid, title=sid, first_seen=NOW, last_seen=NOW, **fields)  # type: ignore[arg-type]


# ---- one batch ----------------------------------------------------------------------------------------

def test_an_article_twice_in_one_batch_is_new_once_and_the_last_copy_wins(store: Store) -> None:
    (src,) = outlets(store, 1)
    first = make_article(1, source_id=src.id, title="First version")
    second = dataclasses.replace(first, title="Second version")
    assert store.save_articles([first, second]) == [True, False]
    assert (store.get_article(first.id) or first).title == "Second version"
    assert store.counts()["articles"] == 1 and store.counts()["appearances"] == 1


def test_one_entry_identity_for_two_new_articles_in_one_batch(store: Store) -> None:
    """A feed that gives two items one GUID: both are kept, the identity goes to the first."""
    (src,) = outlets(store, 1)
    a = make_article(1, source_id=src.id, guid="dup")
    b = make_article(2, source_id=src.id, guid="dup")
    assert store.save_articles([a, b]) == [True, True]
    stored = {x.id: x for x in store.get_articles([a.id, b.id])}
    assert stored[a.id].guid == "dup" and stored[b.id].guid == ""
    assert store.known_guids(src.id or 0) == {"dup"}
    assert store.save_articles([a, b]) == [False, False]  # and saving the pair again is harmless


def test_a_resave_keeps_the_first_sighting_and_replaces_the_content(store: Store) -> None:
    first_src, second_src = outlets(store, 2)
    original = make_article(1, source_id=first_src.id, hashtags=["Port", "Strike"], category="Business")
    store.save_articles([original])
    seen_elsewhere = dataclasses.replace(original, source_id=second_src.id, source_name="Outlet 1", guid="other",
                                         fetched_at=NOW + timedelta(hours=1), hashtags=["Port"],
                                         title="Corrected", category="World")
    assert store.save_articles([seen_elsewhere]) == [False]
    got = store.get_article(original.id)
    assert got is not None
    assert (got.source_id, got.source_name, got.guid, got.fetched_at) == (
        first_src.id, original.source_name, original.guid, original.fetched_at)
    assert (got.title, got.hashtags, got.category) == ("Corrected", ["Port"], "World")
    assert store.list_articles(ArticleQuery(hashtag="strike")) == []  # the dropped tag lists it no more
    assert [a.id for a in store.list_articles(ArticleQuery(hashtag="port"))] == [original.id]
    assert {(p.source_id, p.guid) for p in store.appearances(original.id)} == {
        (first_src.id, original.guid), (second_src.id, "other")}


def test_hashtag_listing_follows_a_corrected_publication_time(store: Store) -> None:
    (src,) = outlets(store, 1)
    a = make_article(1, source_id=src.id, hours_ago=1, hashtags=["Flood"])
    b = make_article(2, source_id=src.id, hours_ago=2, hashtags=["Flood"])
    store.save_articles([a, b])
    assert [x.id for x in store.list_articles(ArticleQuery(hashtag="flood"))] == [a.id, b.id]
    a.published = NOW - timedelta(hours=3)  # the outlet corrected its date
    store.save_articles([a])
    listed = store.list_articles(ArticleQuery(hashtag="flood"))
    assert [x.id for x in listed] == [b.id, a.id]
    assert [x.id for x in store.list_articles(ArticleQuery(hashtag="flood", before=cursor_of(listed[0])))] == [a.id]
    assert [x.id for x in store.list_articles(ArticleQuery(hashtag="flood", since=NOW - timedelta(hours=2.5)))] == [b.id]


def test_an_undated_article_sorts_by_when_it_was_fetched(store: Store) -> None:
    (src,) = outlets(store, 1)
    dated = make_article(1, source_id=src.id, hours_ago=5)
    undated = make_article(2, source_id=src.id, published=None, fetched_at=NOW - timedelta(hours=2))
    store.save_articles([dated, undated])
    listed = store.list_articles(ArticleQuery())
    assert [a.id for a in listed] == [undated.id, dated.id]
    assert [a.id for a in store.list_articles(ArticleQuery(before=cursor_of(listed[0])))] == [dated.id]
    assert store.list_articles(ArticleQuery(limit=0)) == [] and store.list_articles(ArticleQuery(limit=-3)) == []


# ---- stories ------------------------------------------------------------------------------------------

def test_a_chain_of_merges_in_one_batch_ends_in_the_surviving_story(store: Store) -> None:
    (src,) = outlets(store, 1)
    arts = [make_article(i, source_id=src.id, story_id=sid) for i, sid in enumerate("abc")]
    store.save_articles(arts, [story("a"), story("b"), story("c")])
    # one batch: b is absorbed by a, and c by b (listed in that order)
    store.save_articles([], [story("b", merged_into="a"), story("c", merged_into="b")])
    assert {a.story_id for a in store.get_articles([a.id for a in arts])} == {"a"}
    survivor = store.get_story("a")
    assert survivor is not None and survivor.article_count == 3
    assert [s.id for s in store.top_stories()] == ["a"]
    assert (store.get_story("c") or story("c")).merged_into == "a"  # one redirect, not two


def test_a_merge_into_an_already_merged_story_follows_it(store: Store) -> None:
    (src,) = outlets(store, 1)
    arts = [make_article(i, source_id=src.id, story_id=sid, hashtags=[f"Tag{sid}"]) for i, sid in enumerate("abc")]
    store.save_articles(arts, [story("a"), story("b"), story("c")])
    store.save_articles([], [story("b", merged_into="a")])
    store.save_articles([], [story("c", merged_into="b")])  # a worker that has not seen b's merge yet
    assert {a.story_id for a in store.get_articles([a.id for a in arts])} == {"a"}
    assert (store.get_story("a") or story("a")).article_count == 3
    assert {t.key for t in store.related_tags("taga")} == {"tagb", "tagc"}


def test_a_split_moves_articles_with_their_copies_counts_and_hashtags(store: Store) -> None:
    src, other = outlets(store, 2)
    arts = [make_article(i, source_id=(src if i < 3 else other).id, story_id="a",
                         hashtags=["Harbour" if i < 3 else "Cranes"]) for i in range(6)]
    copy = make_article(9, source_id=other.id, story_id="a", duplicate_of=arts[4].id, hashtags=["Cranes"])
    store.save_articles([*arts, copy], [story("a")])
    assert (store.get_story("a") or story("a")).article_count == 7
    assert {t.key for t in store.related_tags("harbour")} == {"cranes"}  # one story carries both
    # the story splits: the last three articles leave for b, in the batch that saves a new article of b
    late = make_article(10, source_id=other.id, story_id="b", hashtags=["Cranes"])
    store.save_articles([late], [story("a"), story("b")], [("b", [a.id for a in arts[3:]])])
    after = {a.id: a.story_id for a in store.get_articles([a.id for a in [*arts, copy, late]])}
    assert [after[a.id] for a in arts] == ["a"] * 3 + ["b"] * 3
    assert after[copy.id] == "b" and after[late.id] == "b"  # a folded copy follows the article it copies
    kept, left = store.get_story("a"), store.get_story("b")
    assert kept is not None and left is not None
    assert (kept.article_count, kept.source_count) == (3, 1) and (left.article_count, left.source_count) == (5, 1)
    # each story has the hashtags of its own articles again
    assert store.related_tags("harbour") == [] and store.related_tags("cranes") == []
    # a batch in which b, just split off, is merged into c: what moved to b ends in c
    moved = make_article(11, source_id=src.id, story_id="a", hashtags=["Harbour"])
    store.save_articles([moved], [story("c"), story("b", merged_into="c")], [("b", [moved.id])])
    assert (store.get_article(moved.id) or moved).story_id == "c"


# ---- many rows ----------------------------------------------------------------------------------------

def test_batches_and_lookups_past_one_in_list(store: Store) -> None:
    (src,) = outlets(store, 1)
    arts = [make_article(i, source_id=src.id, hours_ago=i / 60, text=f"Body {i}.") for i in range(CHUNK * 2 + 10)]
    assert store.save_articles(arts) == [True] * len(arts)
    assert store.save_articles(arts) == [False] * len(arts)  # every chunk of the re-save found its rows
    wanted = [a.id for a in arts[::-1]] + ["0" * 32] + [arts[3].id] * 3
    got = store.get_articles(wanted)
    assert [a.id for a in got] == [a.id for a in arts[::-1]]  # asked order, no repeats, missing skipped
    assert store.counts()["appearances"] == len(arts)


def test_walking_the_whole_table_with_equal_times(store: Store) -> None:
    (src,) = outlets(store, 1)
    same_time = NOW - timedelta(hours=1)
    arts = [make_article(i, source_id=src.id, published=same_time, text="x") for i in range(1_234)]
    late_fetch = make_article(5_000, source_id=src.id, hours_ago=24 * 30, fetched_at=NOW)
    store.save_articles([*arts, late_fetch])
    walked = [a.id for a in store.recent_articles(NOW - timedelta(hours=2))]
    assert len(walked) == len(set(walked)) == 1_235  # pages of 1,000 with a tie on time: none lost or repeated
    assert walked[0] == late_fetch.id  # published long ago, fetched now: oldest first, still included
    assert walked[1:] == sorted(a.id for a in arts)


def test_articles_after_a_mark(store: Store) -> None:
    (src,) = outlets(store, 1)
    mark = store.article_mark()
    assert store.articles_after(mark) == ([], mark)
    arts = [make_article(i, source_id=src.id) for i in range(3)]
    for a in arts:
        store.save_articles([a])
    got, new_mark = store.articles_after(mark, limit=0)  # a limit below 1 still moves on
    assert [a.id for a in got] == [arts[0].id] and new_mark > mark
    rest, last = store.articles_after(new_mark, limit=10)
    assert [a.id for a in rest] == [arts[1].id, arts[2].id] and last == store.article_mark()
    store.save_articles([arts[0]])  # a re-save is no new row
    assert store.articles_after(last) == ([], last)


def test_an_embedding_is_stored_and_kept_by_a_resave_without_one(store: Store) -> None:
    (src,) = outlets(store, 1)
    vector = bytes(range(256)) * 6  # 1,536 bytes: 384 float32 values
    embedded = make_article(1, source_id=src.id, embedding=vector)
    plain = make_article(2, source_id=src.id)
    store.save_articles([embedded, plain])
    got = {a.id: a for a in store.get_articles([embedded.id, plain.id])}
    assert got[embedded.id].embedding == vector and got[plain.id].embedding == b""
    assert {a.id: a.embedding for a in store.articles_after(0)[0]} == {embedded.id: vector, plain.id: b""}
    store.save_articles([dataclasses.replace(embedded, title="Corrected", embedding=b"")])
    again = store.get_article(embedded.id)
    assert again is not None and again.title == "Corrected" and again.embedding == vector
    assert [a.embedding for a in store.recent_articles(NOW - timedelta(days=1)) if a.id == embedded.id] == [vector]


# ---- lookups ------------------------------------------------------------------------------------------

def test_article_by_url_prefers_the_canonical_row(store: Store) -> None:
    s1, s2 = outlets(store, 2)
    shared = "https://wire.example/story?utm_source=feed"
    canon = Article(id="a" * 32, url=shared, title="Canon", text="t", source_id=s1.id, published=NOW)
    copy = Article(id="b" * 32, url=shared, title="Copy", text="t", source_id=s2.id, published=NOW,
                   duplicate_of=canon.id)
    store.save_articles([copy, canon])
    found = store.article_by_url(shared)
    assert found is not None and found.id == canon.id
    assert store.article_by_url("https://nowhere.example/") is None


def test_appearances_first_sighting_first(store: Store) -> None:
    s1, s2, s3 = outlets(store, 3)
    canon = make_article(1, source_id=s1.id, fetched_at=NOW - timedelta(hours=3))
    copy = make_article(2, source_id=s2.id, fetched_at=NOW - timedelta(hours=5), duplicate_of=canon.id)
    carried = dataclasses.replace(canon, source_id=s3.id, guid="s3", fetched_at=NOW - timedelta(hours=1))
    store.save_articles([canon, copy])
    store.save_articles([carried])
    assert [p.source_id for p in store.appearances(canon.id)] == [s2.id, s1.id, s3.id]
    assert [p.source_id for p in store.appearances(copy.id)] == [s2.id]


def test_related_articles_edge_cases(store: Store) -> None:
    (src,) = outlets(store, 1)
    loner = make_article(1, source_id=src.id)
    tagged = make_article(2, source_id=src.id, hashtags=["Rare"])
    folded = make_article(3, source_id=src.id, hashtags=["Rare"], duplicate_of=tagged.id)
    store.save_articles([loner, tagged, folded])
    assert store.related_articles(loner) == []
    assert store.related_articles(tagged) == []  # its only tag-mate is its own folded copy
    assert store.related_articles(make_article(4, source_id=src.id, hashtags=["rare"]), limit=0) == []
    assert [a.id for a in store.related_articles(make_article(4, source_id=src.id, hashtags=["rare"]))] == [tagged.id]
