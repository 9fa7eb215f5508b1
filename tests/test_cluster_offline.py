"""The archive tool's core: records in, one assignment per record out, in input order."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from hashwire.cluster_offline import cluster_records, record_article

QUAKE = ("A magnitude 6.4 earthquake struck off northern Chile on Tuesday, shaking buildings in Iquique and "
         "cutting power to thousands of homes. Mayor Lorena Vidal said two people were treated for minor "
         "injuries. The navy ruled out a tsunami, and the airport in Iquique reopened before noon after "
         "inspectors checked the runway for cracks.")
QUAKE_FOLLOW = ("Engineers in Iquique inspected schools on Wednesday after the magnitude 6.4 earthquake off "
                "northern Chile. Mayor Lorena Vidal said power was back in most of Iquique and that three "
                "schools would stay closed.")
BUDGET = ("Parliament approved a transport budget on Monday after negotiations between the coalition and two "
          "smaller parties. Regional trains and rural bus lines get more money, and fuel duties stay unchanged.")


def test_output_keeps_input_order_and_ids() -> None:
    records: list[dict[str, Any]] = [
        {"id": "b-2", "title": "Budget passes", "text": BUDGET, "published": "2026-03-02T08:00:00Z"},
        {"id": 17, "title": "Quake in Chile", "text": QUAKE, "published": "2026-03-02T09:00:00Z"},
        {"id": "copy", "title": "Earthquake shakes Iquique", "text": QUAKE + " Copyright Example News.",
         "published": "2026-03-02T10:00:00Z", "url": "https://example.com/copy?utm_source=x"},
        {"id": "follow", "title": "Iquique inspects schools", "text": QUAKE_FOLLOW,
         "published": "2026-03-03T09:00:00+00:00"},
    ]
    out = list(cluster_records(records))
    assert [r["id"] for r in out] == ["b-2", "17", "copy", "follow"]
    assert all(set(r) == {"id", "story", "duplicate_of"} for r in out)
    by_id = {r["id"]: r for r in out}
    assert by_id["copy"]["duplicate_of"] == "17"
    assert by_id["copy"]["story"] == by_id["17"]["story"]
    assert by_id["17"]["duplicate_of"] is None and by_id["follow"]["duplicate_of"] is None
    assert by_id["follow"]["story"] == by_id["17"]["story"]
    assert by_id["b-2"]["story"] != by_id["17"]["story"]


def test_same_input_same_output() -> None:
    records = [{"id": str(i), "text": t} for i, t in enumerate([QUAKE, BUDGET, QUAKE_FOLLOW, BUDGET])]
    assert list(cluster_records(records)) == list(cluster_records(iter(records)))


def test_only_id_and_text_are_needed() -> None:
    out = list(cluster_records([{"id": "x", "text": ""}, {"id": "y", "text": "Short note."}]))
    assert [r["id"] for r in out] == ["x", "y"]
    assert out[0]["duplicate_of"] is None


def test_record_article_reads_optional_fields() -> None:
    a = record_article({"id": "1", "text": "Quake hits Chile\nA strong earthquake struck on Tuesday.",
                        "published": "2026-03-02T09:00:00", "source": "Wire"})
    assert a.title == "Quake hits Chile"  # a short first line is the headline when no title is given
    assert a.text == "A strong earthquake struck on Tuesday."
    assert a.published == datetime(2026, 3, 2, 9, tzinfo=UTC)
    assert a.source_name == "Wire"
    b = record_article({"id": "2", "title": "T", "text": "x", "published": "not a date",
                        "url": "HTTPS://Example.com/a?utm_medium=feed#top"})
    assert b.published is None
    assert b.url == "https://example.com/a"
    assert record_article({"id": "2", "text": "x"}).id != record_article({"id": "3", "text": "x"}).id
    assert record_article({"id": "4", "text": "x", "language": " AR "}).language == "ar"  # its own word weights
    assert b.language == ""


def test_a_given_story_index_is_used() -> None:
    from hashwire.cluster import StoryIndex

    index = StoryIndex()
    out = list(cluster_records([{"id": "q", "text": QUAKE}, {"id": "b", "text": BUDGET}], stories=index))
    assert len(index) == 2 and all(index.get(r["story"]) is not None for r in out)
