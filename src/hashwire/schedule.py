"""When to poll a source next. Pure: decided from the source's state, the answer's headers, the
parsed feed, or the failure. Polite by construction: the server's own hints (RSS <ttl>,
Cache-Control max-age, Expires, Retry-After) are floors, errors back off exponentially with jitter,
and a source that keeps failing is disabled with the reason kept for the operator.
"""

from __future__ import annotations

import email.utils
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from .config import Config
from .errors import FetchError
from .models import Feed, Source

DEFAULT_INTERVAL = 3600
# kinds that mean the URL itself can never be fetched: no point in retrying ten times
PERMANENT_KINDS = frozenset({"bad_scheme"})
# answers that ask to come back later; they disable a source only after BUSY_PATIENCE times as many
BUSY_KINDS = frozenset({"rate_limited", "unavailable"})
BUSY_PATIENCE = 3
# how many recent dated entries the frequency estimate looks at
RECENT_ENTRIES = 20


@dataclass(frozen=True, slots=True)
class Decision:
    next_fetch_at: datetime
    interval_seconds: int
    disable: bool = False
    reason: str = ""


def _clamp(seconds: float, config: Config) -> int:
    return int(min(max(seconds, float(config.min_interval)), float(config.max_interval)))


def jitter_factor(url: str, attempt: int, spread: float = 0.2) -> float:
    """A factor in [1 - spread/2, 1 + spread/2), stable for one (url, attempt) so tests and reruns agree."""
    digest = hashlib.blake2b(f"{url}\n{attempt}".encode(), digest_size=8).digest()
    unit = int.from_bytes(digest, "big") / 2**64
    return 1.0 - spread / 2 + spread * unit


def cache_lifetime(headers: Mapping[str, str], now: datetime) -> float | None:
    """Seconds the answer stays fresh by Cache-Control max-age/s-maxage, else Expires - Date."""
    lower = {k.lower(): v for k, v in headers.items()}
    control = lower.get("cache-control", "")
    best: float | None = None
    for part in control.split(","):
        name, _, value = part.strip().partition("=")
        if name.strip().lower() in ("max-age", "s-maxage") and value.strip().strip('"').isdigit():
            seconds = float(value.strip().strip('"'))
            best = seconds if best is None else max(best, seconds)
    if best is not None:
        return best
    expires = _http_date(lower.get("expires", ""))
    if expires is None:
        return None
    base = _http_date(lower.get("date", "")) or now
    return max(0.0, (expires - base).total_seconds())


def _http_date(value: str) -> datetime | None:
    if not value.strip():
        return None
    try:
        when = email.utils.parsedate_to_datetime(value.strip())
    except (TypeError, ValueError):
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def entry_gap(feed: Feed, now: datetime) -> tuple[float, int] | None:
    """(mean seconds between recent entries, how many were used); None with fewer than 2 dated entries."""
    times = sorted((t for e in feed.entries if (t := e.published or e.updated) is not None and t <= now + timedelta(hours=1)),
                   reverse=True)[:RECENT_ENTRIES]
    if len(times) < 2:
        return None
    span = (times[0] - times[-1]).total_seconds()
    # the time since the newest entry counts too: a feed silent for a week is not "every 5 minutes"
    span += max(0.0, (now - times[0]).total_seconds()) / 2
    return max(span / (len(times) - 1), 1.0), len(times)


def _on_error(source: Source, now: datetime, error: FetchError, config: Config) -> Decision:
    failures = max(1, source.error_count)
    limit = int(config.disable_after_failures)
    if error.kind in BUSY_KINDS:
        limit *= BUSY_PATIENCE  # "come back later" from a busy server is not a broken feed
    if error.kind in PERMANENT_KINDS or (limit > 0 and failures >= limit):
        why = "cannot be fetched" if error.kind in PERMANENT_KINDS else f"{failures} consecutive failures"
        interval = int(config.max_interval)
        return Decision(now + timedelta(seconds=interval), interval, True,
                        f"disabled: {why}; last error {error.kind}: {error}")
    if error.retry_after is not None and error.kind in ("rate_limited", "unavailable"):
        interval = _clamp(error.retry_after, config)
        if error.retry_after > interval:  # never earlier than asked, even past max_interval
            interval = int(error.retry_after)
        return Decision(now + timedelta(seconds=interval), interval, False,
                        f"{error.kind}: server asked to retry after {error.retry_after:g} s")
    # the stored interval is the last decision: the normal one at the first failure, then the last
    # backoff, so doubling it each time gives min(normal * 2^(n-1), max_interval)
    base = max(float(config.min_interval), float(source.interval_seconds or DEFAULT_INTERVAL))
    raw = base * (2 if failures > 1 else 1) * jitter_factor(source.url, failures)
    interval = _clamp(raw, config)
    return Decision(now + timedelta(seconds=interval), interval, False,
                    f"backoff after {failures} failure{'s' if failures > 1 else ''} ({error.kind})")


def next_fetch(source: Source, now: datetime, *, headers: Mapping[str, str] | None = None,
               feed: Feed | None = None, error: FetchError | None = None, config: Config) -> Decision:
    """Decide when `source` is polled next.

    The orchestrator updates the source first: `error_count` already counts this failure (0 after a
    success) and `interval_seconds` holds the previous decision.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    if error is not None:
        return _on_error(source, now, error, config)
    reasons: list[str] = []
    previous = float(source.interval_seconds or DEFAULT_INTERVAL)
    if feed is None:
        # 304 Not Modified (or nothing to learn from): stretch the interval gently
        target = previous * 1.25
        reasons.append("not modified")
    else:
        gap = entry_gap(feed, now)
        if gap is None:
            target = previous
            reasons.append("too few dated entries to estimate frequency")
        else:
            seconds, used = gap
            # poll about twice per average gap between entries
            target = seconds / 2
            reasons.append(f"{used} recent entries, one every {seconds / 60:.0f} min")
        if feed.ttl_minutes:
            ttl = feed.ttl_minutes * 60.0
            if ttl > target:
                target = ttl
                reasons.append(f"ttl {feed.ttl_minutes} min")
    if headers:
        lifetime = cache_lifetime(headers, now)
        if lifetime is not None and lifetime > target:
            target = lifetime
            reasons.append(f"fresh for {lifetime:g} s by cache headers")
    interval = _clamp(target, config)
    if interval != int(target):
        reasons.append(f"clamped to [{config.min_interval}, {config.max_interval}] s")
    return Decision(now + timedelta(seconds=interval), interval, False, "; ".join(reasons))
