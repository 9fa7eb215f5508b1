"""Feed dates (RFC 822, ISO 8601/W3C-DTF and the odd forms real feeds use) -> aware UTC datetimes."""

from __future__ import annotations

import calendar
import email.utils
import re
from datetime import UTC, datetime, timedelta

_RFC822 = re.compile(
    r"^(?:[A-Za-z]{3},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d\d)(?::(\d\d))?"
    r"\s*(?:([+-])(\d\d):?(\d\d)|(GMT|UTC?|Z|UT))?\s*$")
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), 1)}
_ISO_Z = re.compile(r"^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?)\s*([Zz]|[+-]\d\d:?\d\d)?$")
_EARLIEST = datetime(1970, 1, 2, tzinfo=UTC)


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
            zone = match.group(3) or ""
            if zone in ("Z", "z"):
                zone = "+00:00"
            elif zone and ":" not in zone:
                zone = zone[:3] + ":" + zone[3:]
            candidate = f"{match.group(1)}T{match.group(2).replace(',', '.')}{zone}"
        try:
            dt = datetime.fromisoformat(candidate)
        except ValueError:
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
    if year_n < 100:
        year_n += 2000 if year_n < 50 else 1900
    try:
        dt = datetime(year_n, month, int(day), int(hour), int(minute), int(second or 0), tzinfo=UTC)
    except ValueError:
        return None
    if sign:
        offset = timedelta(hours=int(tz_h), minutes=int(tz_m))
        dt = dt - offset if sign == "+" else dt + offset
    elif not zone:
        return None  # no zone at all: leave the odd cases to the general parsers
    return dt


def _tolerant(text: str) -> datetime | None:
    # feedparser knows many regional and broken formats; used only when the common ones fail
    try:
        from feedparser.datetimes import _parse_date
    except ImportError:
        return None
    try:
        parsed = _parse_date(text)
    except Exception:  # its handlers raise assorted errors on junk
        return None
    if parsed is None:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None
