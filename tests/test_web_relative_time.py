"""Relative times at the edges of each unit, in English and Arabic (Arabic-Indic digits, plural forms),
times from the future, naive and non-UTC datetimes, and the switch to a date after a week."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from hashwire.web.i18n import Language, language
from hashwire.web.relative_time import RELATIVE_FOR_SECONDS, format_date, relative_time

NOW = datetime(2026, 3, 1, 0, 30, tzinfo=UTC)  # just after midnight, the day after Feb 28


def lang(code: str) -> Language:
    found = language(code)
    assert found is not None
    return found


def ago(seconds: float) -> datetime:
    return NOW - timedelta(seconds=seconds)


@pytest.mark.parametrize(("seconds", "english", "arabic"), [
    (0, "just now", "الآن"),  # (the exact starts of each unit are in test_web_i18n)
    (59.999, "just now", "الآن"),
    (119.9, "a minute ago", "منذ دقيقة"),
    (120, "2 minutes ago", "منذ دقيقتين"),
    (600, "10 minutes ago", "منذ ١٠ دقائق"),
    (660, "11 minutes ago", "منذ ١١ دقيقة"),
    (3599.9, "59 minutes ago", "منذ ٥٩ دقيقة"),
    (3 * 3600, "3 hours ago", "منذ ٣ ساعات"),
    (86399, "23 hours ago", "منذ ٢٣ ساعة"),
    (2 * 86400 - 1, "a day ago", "منذ يوم"),
    (RELATIVE_FOR_SECONDS - 1, "6 days ago", "منذ ٦ أيام"),
])
def test_each_unit_holds_until_the_next_one_starts(seconds: float, english: str, arabic: str) -> None:
    assert relative_time(ago(seconds), lang("en"), NOW) == english
    assert relative_time(ago(seconds), lang("ar"), NOW) == arabic


def test_a_week_old_item_shows_its_utc_date_in_the_readers_digits() -> None:
    week = ago(RELATIVE_FOR_SECONDS)
    assert relative_time(week, lang("en"), NOW) == "22-02-2026"
    assert relative_time(week, lang("ar"), NOW) == "٢٢-٠٢-٢٠٢٦"
    assert relative_time(datetime(2019, 12, 31, 23, 59, tzinfo=UTC), lang("ar"), NOW) == "٣١-١٢-٢٠١٩"


def test_times_from_the_future_read_as_just_now() -> None:
    """Outlets' clocks run fast now and then: never "in 5 minutes" or a negative count."""
    assert relative_time(NOW + timedelta(minutes=5), lang("en"), NOW) == "just now"
    assert relative_time(NOW + timedelta(days=30), lang("ar"), NOW) == "الآن"


def test_naive_times_are_utc_and_other_zones_are_converted() -> None:
    naive = datetime(2026, 3, 1, 0, 0)  # 30 minutes before NOW when read as UTC
    assert relative_time(naive, lang("en"), NOW) == "30 minutes ago"
    tokyo = timezone(timedelta(hours=9))
    assert relative_time(datetime(2026, 3, 1, 7, 30, tzinfo=tokyo), lang("en"), NOW) == "2 hours ago"
    # the date is the UTC date, not the writer's local one: 1 March 05:00 in Tokyo is 28 February UTC
    assert format_date(datetime(2026, 3, 1, 5, 0, tzinfo=tokyo), lang("en")) == "28-02-2026"
    assert format_date(datetime(2026, 2, 28, 20, 0, tzinfo=timezone(timedelta(hours=-5))), lang("en")) == "01-03-2026"


def test_dates_are_zero_padded() -> None:
    assert format_date(datetime(987, 1, 5, tzinfo=UTC), lang("en")) == "05-01-0987"
    assert format_date(datetime(987, 1, 5, tzinfo=UTC), lang("ar")) == "٠٥-٠١-٠٩٨٧"


def test_missing_time_is_empty_and_now_defaults_to_the_clock() -> None:
    assert relative_time(None, lang("en"), NOW) == ""
    assert relative_time(datetime.now(UTC) - timedelta(minutes=3, seconds=10), lang("en")) == "3 minutes ago"


def test_a_language_with_its_own_date_order() -> None:
    en = lang("en")
    us = Language(code="xx", name="X", dir="ltr", digits="0123456789", date_format="{m}/{d}/{y}",
                  plural_rules=en.plural_rules, strings=dict(en.strings))
    assert relative_time(ago(30 * 86400), us, NOW) == "01/30/2026"
    assert relative_time(ago(2 * 3600), us, NOW) == "2 hours ago"
