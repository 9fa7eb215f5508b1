"""Feed dates (RFC 822, ISO 8601/W3C-DTF and the odd forms real feeds use) -> aware UTC datetimes."""

from __future__ import annotations

import calendar
import email.utils
import re
from datetime import UTC, datetime

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
