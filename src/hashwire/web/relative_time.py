"""How long ago something was published, in the reader's language: "a day ago", "منذ ٣ أيام",
or a dd-mm-yyyy date once it is older than a week."""

from __future__ import annotations

from datetime import UTC, datetime

from .i18n import Language

RELATIVE_FOR_SECONDS = 7 * 86400  # older items show a date instead


def format_date(when: datetime, lang: Language) -> str:
    when = when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)
    text = lang.date_format.format(d=f"{when.day:02d}", m=f"{when.month:02d}", y=f"{when.year:04d}")
    return lang.number(text)


def relative_time(when: datetime | None, lang: Language, now: datetime | None = None) -> str:
    if when is None:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = now or datetime.now(UTC)
    seconds = (now - when).total_seconds()
    if seconds < 0:
        seconds = 0  # clocks of outlets run a little fast now and then
    if seconds >= RELATIVE_FOR_SECONDS:
        return format_date(when, lang)
    if seconds < 60:
        return lang.t("rel.now")
    if seconds < 3600:
        return lang.t("rel.minutes", int(seconds // 60))
    if seconds < 86400:
        return lang.t("rel.hours", int(seconds // 3600))
    return lang.t("rel.days", int(seconds // 86400))
