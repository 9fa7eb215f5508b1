"""hashwire.hashtag_form: display forms, lookup keys and variant keys."""

from __future__ import annotations

from hashwire.hashtag_form import display_form, singular, tag_key, variant_key


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


def test_arabic_display_joins_with_underscores() -> None:
    assert display_form("كوريا الشمالية") == "كوريا_الشمالية"
    assert display_form(["مجلس", "الأمن", "الدولي"]) == "مجلس_الأمن_الدولي"


def test_singular_is_conservative() -> None:
    assert singular("ties") == "tie"
    assert singular("crises") == "crises"
    assert singular("news") == "news"
    assert singular("NATO") == "NATO"
