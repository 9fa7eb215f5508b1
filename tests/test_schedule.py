"""The polling schedule: entry frequency, server hints, backoff with jitter, disabling."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hashwire.config import Config
from hashwire.errors import FetchError
from hashwire.models import Entry, Feed, Source
from hashwire.schedule import cache_lifetime, jitter_factor, next_fetch

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
CFG = Config({"min_interval": 300, "max_interval": 86400, "disable_after_failures": 5}, environ={})


def feed_every(minutes: float, n: int = 10, ttl: int | None = None) -> Feed:
    entries = [Entry(guid=str(i), link=f"https://x.example/{i}", published=NOW - timedelta(minutes=minutes * i))
               for i in range(n)]
    return Feed(title="f", entries=entries, ttl_minutes=ttl)


def test_busy_feed_is_polled_often_but_not_below_min_interval() -> None:
    decision = next_fetch(Source(url="https://x.example/f"), NOW, headers={}, feed=feed_every(20), error=None,
                          config=CFG)
    assert decision.interval_seconds == 600  # twice per 20-minute gap
    assert decision.next_fetch_at == NOW + timedelta(seconds=600) and not decision.disable
    fast = next_fetch(Source(url="https://x.example/f"), NOW, headers={}, feed=feed_every(1), error=None, config=CFG)
    assert fast.interval_seconds == 300 and "clamped" in fast.reason


def test_quiet_feed_is_polled_rarely_but_not_above_max_interval() -> None:
    daily = next_fetch(Source(url="u"), NOW, headers={}, feed=feed_every(24 * 60), error=None, config=CFG)
    assert daily.interval_seconds == 12 * 3600
    dead = next_fetch(Source(url="u"), NOW, headers={}, feed=feed_every(30 * 24 * 60), error=None, config=CFG)
    assert dead.interval_seconds == 86400


def test_silence_since_the_newest_entry_slows_polling() -> None:
    old = Feed(entries=[Entry(guid=str(i), link="", published=NOW - timedelta(days=30, minutes=5 * i))
                        for i in range(10)])
    decision = next_fetch(Source(url="u"), NOW, headers={}, feed=old, error=None, config=CFG)
    assert decision.interval_seconds > 3600


def test_rss_ttl_is_a_floor() -> None:
    decision = next_fetch(Source(url="u"), NOW, headers={}, feed=feed_every(10, ttl=60), error=None, config=CFG)
    assert decision.interval_seconds == 3600 and "ttl 60 min" in decision.reason


def test_cache_control_and_expires_are_floors() -> None:
    by_max_age = next_fetch(Source(url="u"), NOW, headers={"Cache-Control": "public, max-age=7200"},
                            feed=feed_every(10), error=None, config=CFG)
    assert by_max_age.interval_seconds == 7200
    expires = {"Date": "Sun, 22 Nov 2026 12:00:00 GMT", "Expires": "Sun, 22 Nov 2026 13:30:00 GMT"}
    assert next_fetch(Source(url="u"), NOW, headers=expires, feed=feed_every(10), error=None,
                      config=CFG).interval_seconds == 5400
    assert cache_lifetime({"cache-control": "no-cache"}, NOW) is None
    assert cache_lifetime({"Expires": "garbage"}, NOW) is None


def test_not_modified_stretches_the_interval_gently() -> None:
    decision = next_fetch(Source(url="u", interval_seconds=1000), NOW, headers={}, feed=None, error=None,
                          config=CFG)
    assert decision.interval_seconds == 1250


def test_retry_after_is_honoured_exactly_or_later() -> None:
    for kind in ("rate_limited", "unavailable"):
        error = FetchError(kind, "slow down", retry_after=1800)
        decision = next_fetch(Source(url="u"), NOW, headers=None, feed=None, error=error, config=CFG)
        assert decision.next_fetch_at == NOW + timedelta(seconds=1800) and not decision.disable
    short = next_fetch(Source(url="u"), NOW, headers=None, feed=None,
                       error=FetchError("rate_limited", retry_after=5), config=CFG)
    assert short.interval_seconds == 300  # never more often than min_interval
    long = next_fetch(Source(url="u"), NOW, headers=None, feed=None,
                      error=FetchError("unavailable", retry_after=3 * 86400), config=CFG)
    assert long.interval_seconds == 3 * 86400  # the server's wish beats max_interval


def test_errors_back_off_exponentially_with_stable_jitter() -> None:
    # as the orchestrator does it: count the failure, decide, keep the decided interval
    source = Source(url="https://x.example/feed", interval_seconds=600)
    intervals = []
    for failures in range(1, 5):
        source.error_count = failures
        decision = next_fetch(source, NOW, headers=None, feed=None, error=FetchError("timeout"), config=CFG)
        expected = source.interval_seconds * (2 if failures > 1 else 1) * jitter_factor(source.url, failures)
        assert abs(decision.interval_seconds - expected) <= 1
        assert not decision.disable and "timeout" in decision.reason
        intervals.append(decision.interval_seconds)
        source.interval_seconds = decision.interval_seconds
    assert intervals == sorted(intervals)
    assert 600 * 8 * 0.9**4 <= intervals[-1] <= 600 * 8 * 1.1**4
    # the same source and attempt always get the same jitter; other sources get other jitter
    assert jitter_factor("a", 1) == jitter_factor("a", 1)
    assert len({round(jitter_factor(f"s{i}", 1), 6) for i in range(20)}) == 20
    assert all(0.9 <= jitter_factor(f"s{i}", 1) < 1.1 for i in range(100))


def test_backoff_is_capped() -> None:
    source = Source(url="u", interval_seconds=3600, error_count=3)
    decision = next_fetch(source, NOW, headers=None, feed=None, error=FetchError("http_5xx"), config=CFG)
    assert decision.interval_seconds <= 86400


def test_disabled_after_repeated_failures_with_the_reason() -> None:
    source = Source(url="u", error_count=5)
    decision = next_fetch(source, NOW, headers=None, feed=None, error=FetchError("dns", "cannot resolve x"),
                          config=CFG)
    assert decision.disable
    assert "5 consecutive failures" in decision.reason and "dns" in decision.reason and "cannot resolve" in decision.reason


def test_a_busy_server_gets_more_patience_than_a_broken_one() -> None:
    busy = FetchError("rate_limited", retry_after=600)
    assert not next_fetch(Source(url="u", error_count=5), NOW, headers=None, feed=None, error=busy,
                          config=CFG).disable
    assert next_fetch(Source(url="u", error_count=15), NOW, headers=None, feed=None, error=busy,
                      config=CFG).disable


def test_a_url_that_can_never_work_is_disabled_at_once() -> None:
    decision = next_fetch(Source(url="ftp://x"), NOW, headers=None, feed=None, error=FetchError("bad_scheme"),
                          config=CFG)
    assert decision.disable


def test_feed_without_dates_keeps_its_interval() -> None:
    feed = Feed(entries=[Entry(guid="1", link="l")])
    decision = next_fetch(Source(url="u", interval_seconds=1800), NOW, headers={}, feed=feed, error=None,
                          config=CFG)
    assert decision.interval_seconds == 1800


def test_naive_now_is_taken_as_utc() -> None:
    decision = next_fetch(Source(url="u"), NOW.replace(tzinfo=None), headers={}, feed=feed_every(20), error=None,
                          config=CFG)
    assert decision.next_fetch_at.tzinfo is not None
