"""hashwire.trending: bursts counted in distinct stories and outlets; related hashtags by co-occurrence."""

from __future__ import annotations

from hashwire.models import TagStat
from hashwire.tag import related, trending


def test_one_syndicated_wire_story_does_not_trend_alone() -> None:
    # twenty outlets ran the same wire story: many articles and sources, but one story
    wire = TagStat("harrowfinch", "HarrowFinch", articles=20, stories=1, sources=20)
    assert trending([wire], []) == []


def test_one_outlet_repeating_itself_does_not_trend() -> None:
    single = TagStat("localfair", "LocalFair", articles=6, stories=6, sources=1)
    assert trending([single], []) == []


def test_new_topic_across_outlets_trends_and_everyday_topic_does_not() -> None:
    burst = TagStat("earthquake", "Earthquake", articles=30, stories=6, sources=9)
    usual = TagStat("football", "Football", articles=40, stories=10, sources=8)
    baseline = [TagStat("football", "Football", articles=300, stories=70, sources=12)]
    out = trending([usual, burst], baseline, window_ratio=1 / 7)
    assert [t.key for t in out] == ["earthquake"]
    assert out[0].score > 0
    assert out[0].display == "Earthquake"


def test_ranking_prefers_bigger_and_broader_bursts() -> None:
    a = TagStat("a", "A", stories=3, sources=3)
    b = TagStat("b", "B", stories=8, sources=3)
    c = TagStat("c", "C", stories=8, sources=12)
    out = trending([a, b, c], [])
    assert [t.key for t in out] == ["c", "b", "a"]
    assert len(trending([a, b, c], [], limit=2)) == 2


def test_growth_over_baseline_is_what_counts() -> None:
    cur = TagStat("x", "X", stories=6, sources=4)
    quiet = trending([cur], [TagStat("x", "X", stories=7, sources=4)], window_ratio=1 / 7)
    loud = trending([cur], [TagStat("x", "X", stories=70, sources=10)], window_ratio=1 / 7)
    assert quiet and quiet[0].score > 0
    assert loud == []  # 6 stories in a day is below its usual 10


def test_related_hashtags_by_co_occurrence() -> None:
    stories = [
        {"northkorea", "kimjongun", "missile"},
        {"northkorea", "missile", "japan"},
        {"northkorea", "sergeylavrov"},
        {"football", "arsenal"},
        {"football", "japan"},
    ]
    out = related("northkorea", stories)
    keys = [k for k, _ in out]
    assert keys[0] == "missile"
    assert "football" not in keys and "arsenal" not in keys
    assert related("unknown", stories) == []


def test_aliases_learned_from_co_occurrence() -> None:
    from hashwire.trending import learn_aliases

    stories = [
        {"sergeylavrov", "lavrov", "northkorea"},
        {"sergeylavrov", "lavrov"},
        {"lavrov", "sergeylavrov", "moscow"},
        {"lavrov"},
        {"korea", "northkorea"},
        {"korea", "southkorea"},
        {"korea", "northkorea", "southkorea"},
    ]
    aliases = learn_aliases(stories)
    assert aliases == {"lavrov": "sergeylavrov"}  # "korea" goes with two longer tags: no alias
