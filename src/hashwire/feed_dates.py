"""Feed dates (RFC 822, ISO 8601/W3C-DTF and the odd forms real feeds use) -> aware UTC datetimes."""

from __future__ import annotations

import calendar
import email.utils
import re
from datetime import UTC, datetime, timedelta

_RFC822 = re.compile(
    r"^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?"
    r"\s*(?:([+-])(\d\d):?(\d\d)|([A-Za-z]{1,5}))?\s*$")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), 1)}
# ISO 8601 as feeds bend it: "/" or "." between the date's parts, a space before the zone, zone names
_ISO_Z = re.compile(r"^(\d{4})([-/.])(\d\d)\2(\d\d)(?:[Tt ](\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?))?"
                    r"\s*([Zz]|GMT|UTC?|[+-]\d\d:?\d\d)?$")
# zone names in minutes east of UTC: RFC 822's own, and the common ones feeds use that it lacks
# (ambiguous names such as IST are left out; military letters are read as UTC, as RFC 2822 advises)
_ZONES = {"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
          "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "AKST": -540, "AKDT": -480, "HST": -600,
          "WET": 0, "WEST": 60, "BST": 60, "CET": 60, "CEST": 120, "MET": 60, "MEST": 120, "MEZ": 60,
          "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "HKT": 480, "JST": 540, "KST": 540,
          "AWST": 480, "ACST": 570, "AEST": 600, "AEDT": 660, "NZST": 720, "NZDT": 780}
_EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)
_WHOLE_DATE = re.compile(r"^\d{4}-?(?:0[1-9]|1[0-2])-?(?:0[1-9]|[12]\d|3[01])")
_OUT_OF_RANGE = datetime.min.replace(tzinfo=UTC)  # (before _EARLIEST, so refused)


def _aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def parse_date(value: str | None) -> datetime | None:
    """An aware UTC datetime, or None when the text is not a date we can read."""
    if not value:
        return None
    text = value.strip()
    if not text:
        return None
    dt: datetime | None = None
    if text[:4].isdigit():
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            dt = None
    if dt is None and text[:4].isdigit():
        match = _ISO_Z.match(text)
        candidate = text
        if match:
            year, _, month, day, clock, zone = match.groups()
            zone = zone or ""
            if zone in ("Z", "z", "GMT", "UTC", "UT"):
                zone = "+00:00"
            elif zone and ":" not in zone:
                zone = zone[:3] + ":" + zone[3:]
            candidate = f"{year}-{month}-{day}" + (f"T{clock.replace(',', '.')}{zone}" if clock else "")
        try:
            dt = datetime.fromisoformat(candidate)
        except ValueError:
            if match:
                return None  # a date's shape with a field out of range (month 13, 30 February): not another date
            dt = None
    if dt is None:
        dt = _rfc822(text)
    if dt is None:
        try:
            dt = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = None
    if dt is None:
        dt = _tolerant(text)
    if dt is None:
        return None
    try:
        dt = _aware(dt)
    except (OverflowError, ValueError):
        return None
    return dt if dt >= _EARLIEST else None


def _rfc822(text: str) -> datetime | None:
    """The common RFC 822 shapes ("Tue, 10 Nov 2026 09:30:00 +0100", "... GMT") without email.utils."""
    match = _RFC822.match(text)
    if match is None:
        return None
    day, month_name, year, hour, minute, second, sign, tz_h, tz_m, zone = match.groups()
    month = _MONTHS.get(month_name.lower())
    if month is None:
        return None
    year_n = int(year)
    if len(year) == 2:  # (a four-digit "0026" is the year 26, not 2026)
        year_n += 2000 if year_n < 50 else 1900
    if sign:
        offset = timedelta(hours=int(tz_h), minutes=int(tz_m)) * (1 if sign == "+" else -1)
    elif zone and zone.upper() in _ZONES:
        offset = timedelta(minutes=_ZONES[zone.upper()])
    else:
        return None  # no zone, or one we do not know: leave the odd cases to the general parsers
    try:
        when = datetime(year_n, month, int(day), int(hour), int(minute), int(second or 0), tzinfo=UTC)
    except ValueError:
        return None
    try:
        return when - offset
    except OverflowError:  # year 1 or 9999 carried out of range: refused, not read again another way
        return _OUT_OF_RANGE


def _tolerant(text: str) -> datetime | None:
    # feedparser knows many regional and broken formats; used only when the common ones fail
    try:
        from feedparser import datetimes
    except ImportError:
        return None
    # its ISO 8601 reader fills what it cannot read from today's date ("2026년 11월 10일" became the 1st
    # of the current month, "99999" a day of this month in 9999): it goes last, and only on a whole date
    iso = datetimes._parse_date_iso8601
    handlers = [h for h in datetimes._date_handlers if h is not iso]
    if _WHOLE_DATE.match(text):
        handlers.append(iso)
    for handler in handlers:
        try:
            parsed = handler(text)
        except Exception:  # its handlers raise assorted errors on junk
            continue
        if parsed and len(parsed) == 9:
            try:
                return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
            except (OverflowError, ValueError, OSError):
                return None
    return None
