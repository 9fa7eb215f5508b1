"""hashwire.tag_offline: records in, tag records out."""

from __future__ import annotations

from hashwire.tag_offline import record_article, tag_records

TEXT = (
    "Russian Foreign Minister Sergey Lavrov arrived in Pyongyang for talks on military ties with North "
    "Korea.\n\nLavrov and North Korean leader Kim Jong Un discussed military ties and weapons supplies. "
    "North Korea said military ties would deepen."
)


def test_tag_records_offline_shape() -> None:
    rows = list(
        tag_records(
            [
                {
                    "id": "x1",
                    "title": "Lavrov in Pyongyang as North Korea deepens military ties",
                    "text": TEXT,
                    "url": "https://courier.example/world/x",
                    "source": "Daily Courier",
                }
            ]
        )
    )
    assert rows[0]["id"] == "x1"
    assert set(rows[0]) == {"id", "hashtags", "keyphrases", "category"}
    assert rows[0]["category"] == "World"
    assert "military ties" in rows[0]["keyphrases"]


def test_record_fields_map_onto_the_article() -> None:
    article = record_article(
        {
            "id": "7",
            "title": "T",
            "text": "X",
            "url": "https://p.example/sport/1",
            "source": "Paper",
            "categories": ["Sport"],
        }
    )
    assert article.id == "7" and article.source_name == "Paper" and article.keywords == ["Sport"]
    assert (
        next(
            tag_records(
                [
                    {
                        "id": "7",
                        "title": "Cup final",
                        "text": "The striker scored.",
                        "url": "https://p.example/sport/1",
                    }
                ]
            )
        )["category"]
        == "Sports"
    )
