"""hashwire.entities: names from capitalisation, variants and aliases merged."""

from __future__ import annotations

from hashwire.entities import find_entities


def test_names_with_connectors_and_titles() -> None:
    found = find_entities(
        "Bank of England holds rates",
        "Governor Andrew Bailey said the Bank of England would wait. Harrow & Finch shares rose. "
        "Bailey added that President Joe Biden had called.",
    )
    names = {" ".join(e.words): e.count for e in found}
    assert names["Bank of England"] == 2
    assert names["Andrew Bailey"] == 2  # the surname alone folds into the full name
    assert "Harrow & Finch" in names
    assert "Joe Biden" in names and "President Joe Biden" not in names


def test_sentence_initial_and_headline_capitals_are_not_names() -> None:
    found = find_entities(
        "Workers Try To Unload Tanker In Alaska",
        "Shares of the company fell. Officials in Alaska said the tanker leaked. Alaska's governor spoke.",
    )
    names = {" ".join(e.words) for e in found}
    assert "Shares" not in names and "Officials" not in names
    assert "Try To Unload Tanker" not in names and "Workers" not in names
    alaska = next(e for e in found if e.words == ["Alaska"])
    assert alaska.in_title and alaska.count == 2


def test_dateline_capitals_take_the_text_case() -> None:
    found = find_entities("Rates rise", "PUNE — The bank in Pune raised rates, officials in Pune said.")
    assert ["Pune"] in [e.words for e in found]
    assert ["PUNE"] not in [e.words for e in found]


def test_demonyms_fold_into_the_place() -> None:
    found = find_entities("Talks", "North Korean officials met in North Korea. North Korea said more.")
    names = {" ".join(e.words): e.count for e in found}
    assert names == {"North Korea": 3}


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
