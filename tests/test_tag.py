"""hashwire.tag: hashtags (forms, keys, variants, junk, Arabic) and the offline tagger."""

from __future__ import annotations

from hashwire.hashtag_form import display_form, tag_key, variant_key
from hashwire.models import Article
from hashwire.tag import categorize, hashtags
from hashwire.tag_offline import tag_records

RUSSIA_TEXT = (
    "Russian Foreign Minister Sergey Lavrov arrived in Pyongyang on Tuesday for talks on military ties "
    "with North Korea, the Kremlin said.\n\n"
    "Lavrov met North Korean leader Kim Jong Un and discussed military ties, weapons supplies and the war "
    "in Ukraine. Share this story on Facebook. Sign up for our Newsletter.\n\n"
    "North Korea's foreign ministry said the military ties between the two countries would deepen. "
    "Lavrov said Moscow valued the relationship. Photo: Getty Images.\n\n"
    "Analysts said Pyongyang's military ties with Moscow worry Seoul and Washington. Kim Jong Un is "
    "expected to visit Russia next year. The Daily Courier contributed to this report on 12 March 2025."
)


def _article(**kw: object) -> Article:
    base: dict = {
        "url": "https://courier.example/world/2025/lavrov-pyongyang",
        "title": "Lavrov in Pyongyang as North Korea deepens military ties with Russia",
        "text": RUSSIA_TEXT,
        "site_name": "The Daily Courier",
        "source_name": "Daily Courier",
    }
    base.update(kw)
    return Article(**base)


def test_display_forms_are_camel_case_and_keep_own_capitals() -> None:
    assert display_form("military ties") == "MilitaryTies"
    assert display_form(["Sergey", "Lavrov"]) == "SergeyLavrov"
    assert display_form("North Korea") == "NorthKorea"
    assert display_form("iPhone") == "iPhone"
    assert display_form("U.S.") == "US"


def test_key_is_case_insensitive() -> None:
    assert tag_key("MilitaryTies") == tag_key("militaryties") == tag_key("#militaryTIES") == "militaryties"
    assert tag_key("كوريا_الشمالية") == tag_key("كوريا الشماليّة")


def test_variant_key_merges_possessives_plurals_and_the() -> None:
    assert variant_key(["The", "Taliban's"]) == variant_key(["Taliban"])
    assert variant_key(["military", "ties"]) == variant_key(["military", "tie"])
    assert variant_key(["tornadoes"]) == variant_key(["tornado"])


def test_hashtags_rank_names_and_phrases() -> None:
    tags = hashtags(_article())
    assert 3 <= len(tags) <= 8
    assert "NorthKorea" in tags[:4]
    assert "SergeyLavrov" in tags
    assert "MilitaryTies" in tags
    keys = [tag_key(t) for t in tags]
    assert len(keys) == len(set(keys))


def test_hashtags_merge_surname_alias_and_possessive() -> None:
    tags = hashtags(_article())
    assert "Lavrov" not in tags  # folded into SergeyLavrov
    assert "KimJongUn" in tags
    assert "NorthKoreas" not in tags and "NorthKorean" not in tags


def test_hashtags_filter_junk() -> None:
    tags = {tag_key(t) for t in hashtags(_article())}
    for junk in (
        "facebook",
        "newsletter",
        "photo",
        "gettyimages",
        "dailycourier",
        "thedailycourier",
        "tuesday",
        "march",
        "12",
        "2025",
        "the",
    ):
        assert junk not in tags


def test_limit_is_respected() -> None:
    assert len(hashtags(_article(), limit=3)) == 3


def test_arabic_hashtags_stay_in_arabic_script() -> None:
    article = Article(
        url="https://akhbar.example/a/1",
        title="كوريا الشمالية تطلق صاروخا باليستيا جديدا",
        text=(
            "أطلقت كوريا الشمالية صاروخا باليستيا جديدا باتجاه بحر اليابان، وفق ما أعلنت هيئة الأركان "
            "المشتركة في كوريا الجنوبية. وقالت اليابان إن الصاروخ سقط خارج منطقتها الاقتصادية.\n\n"
            "ويأتي الإطلاق بعد أيام من مناورات عسكرية مشتركة بين الولايات المتحدة وكوريا الجنوبية. "
            "وقالت كوريا الجنوبية إن الصاروخ الباليستي حلق مسافة طويلة."
        ),
        language="ar",
    )
    tags = hashtags(article)
    assert 3 <= len(tags) <= 8
    assert tags[0] == "كوريا_الشمالية"
    assert "كوريا_الجنوبية" in tags
    for tag in tags:
        assert " " not in tag and not any("a" <= c.lower() <= "z" for c in tag)
        assert tag not in ("في", "من", "على")


def test_tag_records_offline_shape() -> None:
    rows = list(
        tag_records(
            [
                {
                    "id": "x1",
                    "title": _article().title,
                    "text": RUSSIA_TEXT,
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


def test_newsroom_truth_tags_and_categories() -> None:
    """Against the newsroom's editor tags and categories (the generator knows the truth)."""
    from datetime import UTC, datetime

    from hashwire.categories import classify_text
    from hashwire.newsroom.room import Newsroom

    room = Newsroom(seed=3, outlets=8, days=2, per_day=6, now=datetime(2026, 11, 20, tzinfo=UTC))
    precision = recall = 0.0
    right = text_right = n = 0
    for i in range(len(room)):
        item = room.article(i)
        article = Article(
            url="https://newsroom.example" + item.path,
            title=item.title,
            text="\n\n".join(item.paragraphs),
            site_name=item.outlet.name,
            keywords=list(item.keywords),
            section=item.section,
            language=item.language,
        )
        predicted = {tag_key(t) for t in hashtags(article)}
        truth = {tag_key(t) for t in item.tags}
        assert 1 <= len(predicted) <= 8
        precision += len(predicted & truth) / len(predicted)
        recall += len(predicted & truth) / len(truth)
        right += categorize(article) == item.category
        text_right += classify_text(article.title, article.text) == item.category
        n += 1
    assert n >= 50
    assert precision / n >= 0.35 and recall / n >= 0.35, (precision / n, recall / n)
    assert right == n  # feed keywords and sections name the category
    assert text_right / n >= 0.75


def test_acronyms_and_known_aliases_fold_into_the_full_name() -> None:
    from hashwire.entities import find_entities

    found = find_entities(
        "Floods hit Manila",
        "The Civil Protection Authority said the CPA would send boats. The U.S. embassy and the United "
        "States Agency for International Development offered aid, and U.S. officials said the United "
        "States would help.",
    )
    names = {" ".join(e.words): e.count for e in found}
    assert names["Civil Protection Authority"] == 2
    assert "CPA" not in names and "U.S." not in names
    assert names["United States"] >= 3
