"""Feed dates -> aware UTC: RFC 822 with odd zones and years, ISO 8601 as feeds bend it, junk and extremes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hashwire.feed_dates import parse_date
from hashwire.feeds import parse_feed


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


def check(text: str | None, expected: datetime | None) -> None:
    got = parse_date(text)
    assert got == expected
    if got is not None:
        assert got.tzinfo is UTC


@pytest.mark.parametrize(("text", "expected"), [
    ("Tue, 10 Nov 2026 09:30:00 +0530", utc(2026, 11, 10, 4)),
    ("Tue, 10 Nov 2026 09:30:00 -0930", utc(2026, 11, 10, 19)),
    ("Tue, 10 Nov 2026 09:30:00 +05:30", utc(2026, 11, 10, 4)),
    ("Tue, 10 Nov 2026 09:30:00 +1400", utc(2026, 11, 9, 19, 30)),
    ("Tue, 10 Nov 2026 09:30:00 -0000", utc(2026, 11, 10, 9, 30)),  # "zone unknown": read as UTC
    ("Tue, 10 Nov 2026 09:30:00 +0100 (CET)", utc(2026, 11, 10, 8, 30)),  # a comment after the zone
])
def test_rfc822_numeric_zones(text: str, expected: datetime) -> None:
    check(text, expected)


@pytest.mark.parametrize(("zone", "hours_east"), [
    ("GMT", 0), ("UT", 0), ("UTC", 0), ("Z", 0), ("gmt", 0),
    ("EST", -5), ("EDT", -4), ("CST", -6), ("PST", -8), ("PDT", -7),  # RFC 822's own
    ("CET", 1), ("CEST", 2), ("cest", 2), ("MEZ", 1), ("BST", 1), ("EET", 2), ("MSK", 3),
    ("JST", 9), ("AEST", 10), ("AEDT", 11), ("NZDT", 13), ("HST", -10), ("ACST", 9.5),
    ("A", 0), ("M", 0), ("XYZ", 0),  # military letters (RFC 2822) and unknown names: UTC
])
def test_rfc822_named_zones(zone: str, hours_east: float) -> None:
    check(f"Tue, 10 Nov 2026 12:00:00 {zone}", utc(2026, 11, 10, 12) - timedelta(hours=hours_east))


@pytest.mark.parametrize(("text", "expected"), [
    ("10 Nov 2026 09:30 GMT", utc(2026, 11, 10, 9, 30)),  # no weekday, no seconds
    ("Mon, 10 Nov 2026 09:30:00 GMT", utc(2026, 11, 10, 9, 30)),  # a wrong weekday is ignored
    ("Tue,10 Nov 2026 09:30:00 GMT", utc(2026, 11, 10, 9, 30)),
    ("Tue, 1 Sept 2026 9:05:00 GMT", utc(2026, 9, 1, 9, 5)),
    ("Tuesday, 10 November 2026 09:30:00 GMT", utc(2026, 11, 10, 9, 30)),
    ("tue, 10 nov 2026 09:30:00 gmt", utc(2026, 11, 10, 9, 30)),
    ("Tue, 10 Nov 26 09:30:00 GMT", utc(2026, 11, 10, 9, 30)),
    ("Tue, 10 Nov 49 09:30:00 GMT", utc(2049, 11, 10, 9, 30)),
    ("Wed, 10 Nov 99 09:30:00 GMT", utc(1999, 11, 10, 9, 30)),
    ("Tuesday, 10-Nov-26 09:30:00 GMT", utc(2026, 11, 10, 9, 30)),  # RFC 850
    ("Tue Nov 10 09:30:00 2026", utc(2026, 11, 10, 9, 30)),  # asctime
    ("Tue, 10 Nov 2026 09:30:00", utc(2026, 11, 10, 9, 30)),  # no zone at all: UTC
])
def test_rfc822_shapes(text: str, expected: datetime) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", [
    "Mon, 01 Jan 0001 00:00:00 GMT",  # a platform's "no date" value
    "Mon, 01 Jan 0001 00:00:00 +0100",  # ... which an offset would push before the year 1
    "Fri, 31 Dec 9999 23:59:59 -0100",  # ... or past the year 9999
    "Mon, 01 Jan 0001 00:00:00 CET",
    "Thu, 01 Jan 1970 00:00:00 GMT",  # the epoch placeholder
    "Tue, 31 Feb 2026 09:30:00 GMT", "Tue, 10 Nov 2026 23:59:60 GMT", "Tue, 10 Nov 2026 25:00:00 GMT",
    "10 Nov 0026 10:00 GMT",  # four digits are four digits: the year 26
])
def test_rfc822_dates_out_of_range_are_none(text: str) -> None:
    check(text, None)


def test_an_out_of_range_date_does_not_break_the_feed() -> None:
    feed = parse_feed(b"<rss><channel><title>t</title><item><title>x</title><link>http://a.example/1</link>"
                      b"<pubDate>Fri, 31 Dec 9999 23:59:59 -0100</pubDate></item></channel></rss>")
    assert [(e.title, e.published) for e in feed.entries] == [("x", None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-10T10:00:00Z", utc(2026, 11, 10, 10)),
    ("2026-11-10t10:00:00z", utc(2026, 11, 10, 10)),
    ("2026-11-10T10:00:00.123456789Z", utc(2026, 11, 10, 10, 0, 0, 123456)),
    ("2026-11-10T10:00:00,5+01:00", utc(2026, 11, 10, 9, 0, 0, 500000)),
    ("2026-11-10T10:00:00+0100", utc(2026, 11, 10, 9)),
    ("2026-11-10 10:00:00 +0100", utc(2026, 11, 10, 9)),
    ("2026-11-10T10:00:00 +01:00", utc(2026, 11, 10, 9)),
    ("2026-11-10 10:00:00 GMT", utc(2026, 11, 10, 10)),
    ("2026-11-10T10:00:00 UTC", utc(2026, 11, 10, 10)),
    ("2026-11-10T10:00:00-12:00", utc(2026, 11, 10, 22)),
    ("2026-11-10T10:00", utc(2026, 11, 10, 10)),
    ("2026-11-10T10:00:00", utc(2026, 11, 10, 10)),  # no zone: UTC
    ("2026-11-10", utc(2026, 11, 10)),
    ("20261110T100000Z", utc(2026, 11, 10, 10)),
    ("2026-W46-2", utc(2026, 11, 10)),
    ("2026-11", utc(2026, 11, 1)), ("2026", utc(2026, 1, 1)),  # W3C-DTF's coarser precisions
])
def test_iso8601(text: str, expected: datetime) -> None:
    check(text, expected)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026/11/10 10:00", utc(2026, 11, 10, 10)),
    ("2026/11/10", utc(2026, 11, 10)),
    ("2026/11/10 10:00:00 +0900", utc(2026, 11, 10, 1)),
    ("2026.11.10 10:00:00", utc(2026, 11, 10, 10)),
])
def test_iso_dates_with_slashes_or_dots(text: str, expected: datetime) -> None:
    check(text, expected)


@pytest.mark.parametrize("text", [
    "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026/13/10 10:00", "2026-11-10T25:00:00Z",
    "2026-11-10T10:60:00Z",  # a field out of range is not rolled over into another date
    "2026/11-10 10:00",  # mixed separators
    "1970-01-01T00:00:00Z", "1969-07-20T20:17:00Z",  # before the earliest plausible date
    "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00",  # out of range once in UTC
])
def test_iso_dates_out_of_range_are_none(text: str) -> None:
    check(text, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-10T10:00:00.000+01:00[Europe/Paris]", utc(2026, 11, 10, 9)),  # a zone id after the offset
    ("2026-11-10T10:00:00+01:00 (CET)", utc(2026, 11, 10, 9)),
    ("2026년 11월 10일 10:00:00", utc(2026, 11, 10, 1)),  # Korean blog platforms (KST)
    ("2026-11-10 오후 10:00:00", utc(2026, 11, 10, 13)),  # Korean "p.m." (KST)
    ("2026-július-13T9:15-05:00", utc(2026, 7, 13, 14, 15)),  # Hungarian month name
])
def test_regional_and_suffixed_forms_read_by_the_fallback(text: str, expected: datetime) -> None:
    # none of these may come out as "the 1st of the current month", whatever today is
    check(text, expected)


def test_the_earliest_date_kept() -> None:
    check("1970-01-02T00:00:00Z", utc(1970, 1, 2))


@pytest.mark.parametrize("text", [None, "", "   ", "yesterday", "soon", "10/11/2026", "1731230000", "n/a",
                                  "Tue, 10 Foo 2026 09:30:00 GMT", "x" * 10_000, "2026-" * 1000,
                                  "9" * 10_000, "1731230000000"])
def test_junk_is_none(text: str | None) -> None:
    check(text, None)
