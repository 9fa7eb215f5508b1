"""Dates as pages write them: ISO 8601, RFC 2822, and day-month-year text in several languages."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_MONTHS: dict[str, int] = {}
for _num, _names in enumerate(
    [
        "january jan januar janv janvier enero ene gennaio genn janeiro januari jänner",
        "february feb februar fevr février febrero febbraio fevereiro februari",
        "march mar märz maerz mars marzo março maart",
        "april apr avril abril aprile",
        "may mai mayo maggio maio mei",
        "june jun juni juin junio giugno junho",
        "july jul juli juillet julio luglio julho",
        "august aug aout août agosto augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct okt oktober octobre octubre ottobre outubro",
        "november nov novembre noviembre novembro",
        "december dec dez dezember décembre decembre diciembre dicembre dezembro",
    ],
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _num

_ISO = re.compile(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>\d\d?)-(?P<d>\d\d?)"
    r"(?:[T ](?P<H>\d\d?):(?P<M>\d\d)(?::(?P<S>\d\d)(?:[.,]\d+)?)?\s*(?P<tz>Z|[+-]\d\d:?\d\d|[+-]\d\d|UTC|GMT)?)?"
)
_COMPACT = re.compile(r"\b(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:T(?P<H>\d\d)(?P<M>\d\d))?")
_MONTH_NAME = r"(?P<mon>[A-Za-zÀ-ÿ]{3,10})\.?"
_DAY_MONTH_YEAR = re.compile(r"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\.?\s+(?:of\s+|de\s+)?" + _MONTH_NAME
                             + r",?\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)\b", re.I)
_MONTH_DAY_YEAR = re.compile(r"\b" + _MONTH_NAME + r"\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b",
                             re.I)
_NUMERIC_DMY = re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")
_NUMERIC_SLASH = re.compile(r"\b(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?:/|-|\b)")
_URL_YEAR_MONTH = re.compile(r"/((?:19|20)\d\d)/([01]\d)/")


def _tz(text: str | None) -> timezone:
    if not text or text in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 14 or minutes > 59:
        return UTC
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _make(y: int, m: int, d: int, hh: int = 0, mm: int = 0, ss: int = 0, tz: timezone = UTC) -> datetime | None:
    try:
        dt = datetime(y, m, d, hh, mm, ss, tzinfo=tz)
    except ValueError:
        return None
    return dt if 1995 <= y <= 2100 else None


def parse_date(value: str) -> datetime | None:
    """A timezone-aware datetime in the offset the page stated (UTC when none), or None."""
    text = value.strip()
    if not text:
        return None
    m = _ISO.search(text)
    if m:
        return _make(int(m["y"]), int(m["m"]), int(m["d"]), int(m["H"] or 0), int(m["M"] or 0),
                     int(m["S"] or 0), _tz(m["tz"]))
    if re.match(r"^[A-Za-z]{3},?\s+\d", text):
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is not None:
            return dt if dt.tzinfo else dt.replace(tzinfo=UTC)
    return parse_text_date(text)


def parse_text_date(text: str) -> datetime | None:
    """The first day-month-year date written out in running text ("4 September 2025", "Sep 4, 2025",
    "04.09.2025", "9/4/2025")."""
    found: list[tuple[int, datetime]] = []
    for rx in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for m in rx.finditer(text):
            month = _MONTHS.get(m["mon"].lower().rstrip("."))
            if month:
                dt = _make(int(m["y"]), month, int(m["d"]))
                if dt:
                    found.append((m.start(), dt))
                    break
    m2 = _NUMERIC_DMY.search(text)
    if m2:
        dt = _make(int(m2["y"]), int(m2["m"]), int(m2["d"]))
        if dt:
            found.append((m2.start(), dt))
    m3 = _NUMERIC_SLASH.search(text)
    if m3:
        a, b = int(m3["a"]), int(m3["b"])
        dt = _make(int(m3["y"]), a, b) if a <= 12 else _make(int(m3["y"]), b, a)
        if dt:
            found.append((m3.start(), dt))
    m4 = _ISO.search(text) or _COMPACT.search(text)
    if m4:
        dt = _make(int(m4["y"]), int(m4["m"]), int(m4["d"]))
        if dt:
            found.append((m4.start(), dt))
    return min(found, key=lambda x: x[0])[1] if found else None


def url_date(url: str) -> datetime | None:
    """A date written into the URL path (/2025/09/04/), when there is one."""
    m = _URL_DATE.search(url)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]))
    return None
