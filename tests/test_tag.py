"""hashwire.tag: hashtags (forms, keys, variants, junk, Arabic) and the offline tagger."""

from __future__ import annotations

from hashwire.hashtag_form import tag_key
from hashwire.models import Article
from hashwire.tag import categorize, hashtags

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


def test_arabic_full_names_long_organisations_and_marks() -> None:
    article = Article(
        url="https://akhbar.example/a/2",
        title="بدء محاكمة الوزير السابق يونس الحداد في مسقط",
        text=(
            "مسقط - بدأت في مسقط محاكمة الوزير السابق يونس الحداد بتهم تتعلق بعقود شركة الريف للنقل البحري.\n\n"
            "وقال محامي الدفاع إن الحداد سيثبت براءته، فيما قال الادعاء إن الحداد تلقى عمولات كبيرة.\n\n"
            "وأكدت شركة الريف للنقل البحري أنها تتعاون مع المحكمة، وقالت مصادر في عُمان إن الجلسة المقبلة "
            "ستعقد الأسبوع المقبل. وقال شاهد إنه سلم مبالغ لـيونس الحداد عام 2019."
        ),
        language="ar",
    )
    tags = hashtags(article)
    assert tags[0] == "يونس_الحداد"  # a given name shaped like a verb (initial ي) still joins its family name
    assert "الحداد" not in tags  # the family name alone is the same person
    assert not any("ـ" in t or "ُ" in t for t in tags)  # tatweel and vowel marks never split or mark a tag
    merger = Article(url="https://akhbar.example/a/3", language="ar",
                     title="شركة الريف للنقل البحري تستحوذ على ميناء صغير في صلالة",
                     text="أعلنت شركة الريف للنقل البحري استحواذها على ميناء صغير في صلالة. وقالت شركة الريف "
                          "للنقل البحري إن الصفقة تمت بعد أشهر من المفاوضات.")
    assert "شركة_الريف_للنقل_البحري" in hashtags(merger)  # four-word organisation names are kept whole


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
