"""UI languages from files, plural rules, Arabic-Indic digits, relative times, Arabic pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from hashwire.config import Config
from hashwire.store import Store
from hashwire.web.app import create_app
from hashwire.web.i18n import I18N_DIR, language, languages
from hashwire.web.relative_time import relative_time
from web_corpus import Client, open_seeded

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def ago(**delta: float) -> datetime:
    return NOW - timedelta(**delta)


def test_languages_come_from_files() -> None:
    assert list(languages()) == ["en", "ar"]
    en = json.loads((I18N_DIR / "en.json").read_text("utf-8"))
    for code, lang in languages().items():
        missing = {k for k in en["strings"] if k.split(".")[0] not in ("covered_by", "articles", "outlets", "rel")
                   and k not in lang.strings}
        assert not missing, f"{code} lacks {missing}"


@pytest.mark.parametrize(("delta", "english", "arabic"), [
    ({"seconds": 10}, "just now", "الآن"),
    ({"minutes": 1}, "a minute ago", "منذ دقيقة"),
    ({"minutes": 5}, "5 minutes ago", "منذ ٥ دقائق"),
    ({"hours": 1}, "an hour ago", "منذ ساعة"),
    ({"hours": 2}, "2 hours ago", "منذ ساعتين"),
    ({"hours": 11}, "11 hours ago", "منذ ١١ ساعة"),
    ({"days": 1}, "a day ago", "منذ يوم"),
    ({"days": 2}, "2 days ago", "منذ يومين"),
    ({"days": 3}, "3 days ago", "منذ ٣ أيام"),
    ({"days": 30}, "23-10-2026", "٢٣-١٠-٢٠٢٦"),
])
def test_relative_times(delta: dict[str, float], english: str, arabic: str) -> None:
    en, ar = language("en"), language("ar")
    assert en is not None and ar is not None
    assert relative_time(ago(**delta), en, NOW) == english
    assert relative_time(ago(**delta), ar, NOW) == arabic


def test_plural_forms_and_digits() -> None:
    ar = language("ar")
    assert ar is not None
    assert [ar.plural_form(n) for n in (0, 1, 2, 3, 10, 11, 99, 100, 103, 111)] == \
        ["zero", "one", "two", "few", "few", "many", "many", "other", "few", "many"]
    assert ar.number(2026) == "٢٠٢٦"
    assert ar.t("covered_by", 3) == "تناولته أيضًا ٣ وسائل إعلام"
    en = language("en")
    assert en is not None and en.t("covered_by", 1) == "also covered by 1 outlet"
    assert ar.t("no_such_key") == "no_such_key"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("i18n")) / "i18n.db")
    yield store, info
    store.close()


def test_arabic_pages_are_right_to_left_with_arabic_content(seeded: Any) -> None:
    client = Client(create_app(seeded[0], Config(environ={})))
    page = lxml_html.fromstring(client.get("/ar/").text)
    root = page.getroottree().getroot()
    assert (root.get("lang"), root.get("dir")) == ("ar", "rtl")
    assert page.cssselect("h2")[0].text_content() == "أهم الأخبار"
    titles = [a.text_content() for a in page.cssselect(".primary .card-title a")]
    assert titles == ["إضراب عمال الميناء الشمالي يدخل يومه الثاني"]
    assert page.cssselect(".card time")[0].text_content() == "منذ يوم"
    assert page.cssselect(".chip.cat")[0].text_content() == "اقتصاد"
    switch = page.cssselect("nav.langs a")[0]
    assert switch.get("href") == "/en/" and switch.text_content() == "English"
    tag = lxml_html.fromstring(client.get("/ar/hashtag/إضراب_الميناء").text)
    assert tag.cssselect("h1")[0].text_content() == "آخر الأخبار عن #إضراب_الميناء"
    assert "تناولته أيضًا وسيلة إعلام واحدة" in tag.text_content()
    english = lxml_html.fromstring(client.get("/en/hashtag/PortStrike").text)
    assert english.cssselect("nav.langs a")[0].get("href") == "/ar/hashtag/PortStrike"
    alternates = {link.get("hreflang") for link in english.cssselect('link[rel="alternate"][hreflang]')}
    assert alternates == {"en", "ar"}


def test_a_third_language_is_one_more_file(seeded: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from hashwire.web import i18n

    for code in ("en", "ar"):
        shutil.copy(I18N_DIR / f"{code}.json", tmp_path / f"{code}.json")
    (tmp_path / "fr.json").write_text(json.dumps({
        "language_name": "Français", "dir": "ltr", "plural": {"rules": [[0, 1, "one"]]},
        "strings": {"top_stories": "À la une", "rel.days.one": "il y a un jour", "rel.days.other": "il y a {n} jours"},
    }), encoding="utf-8")
    monkeypatch.setattr(i18n, "I18N_DIR", tmp_path)
    i18n.languages.cache_clear()
    try:
        client = Client(create_app(seeded[0], Config(environ={})))
        page = lxml_html.fromstring(client.get("/fr/").text)
        assert page.getroottree().getroot().get("lang") == "fr"
        assert page.cssselect("h2")[0].text_content() == "À la une"
        assert page.cssselect("h1")[0].text_content().endswith("À la une")
        assert "Trending hashtags" in page.text_content()  # untranslated strings fall back to English
        assert "Français" in lxml_html.fromstring(client.get("/en/").text).cssselect("nav.langs")[0].text_content()
    finally:
        i18n.languages.cache_clear()


def test_language_switch_keeps_the_path_encoded(seeded: Any) -> None:
    client = Client(create_app(seeded[0], Config(environ={})))
    page = lxml_html.fromstring(client.get("/ar/hashtag/%D8%A5%D8%B6%D8%B1%D8%A7%D8%A8_%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1").text)
    assert page.cssselect("nav.langs a")[0].get("href") == \
        "/en/hashtag/%D8%A5%D8%B6%D8%B1%D8%A7%D8%A8_%D8%A7%D9%84%D9%85%D9%8A%D9%86%D8%A7%D8%A1"
