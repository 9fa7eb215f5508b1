"""robots.txt: rules as RFC 9309 reads them (groups, wildcards, Crawl-delay, odd files) and the per-host cache."""

from __future__ import annotations

import asyncio
import time

import pytest

from hashwire import robots
from hashwire.robots import (
    ROBOTS_ERROR_TTL,
    ROBOTS_MAX_BYTES,
    ROBOTS_TTL,
    RobotsCache,
    robots_url,
    rules_from_response,
)

AGENT = "hashwire"


def allowed(body: str | bytes, *paths: str) -> list[bool]:
    rules = rules_from_response(200, body.encode() if isinstance(body, str) else body, 0.0)
    return [rules.allows("https://site.example" + p, AGENT) for p in paths]


def delay(body: str) -> float | None:
    return rules_from_response(200, body.encode(), 0.0).crawl_delay(AGENT)


# --- rules ----------------------------------------------------------------------------------------

def test_a_byte_order_mark_does_not_hide_the_first_group() -> None:
    assert allowed(b"\xef\xbb\xbfUser-agent: *\nDisallow: /private\n", "/private/a", "/public") == [False, True]


def test_wildcards_and_end_anchors() -> None:
    body = "User-agent: *\nDisallow: /*.pdf$\nAllow: /docs/*.pdf$\nDisallow: /a*b\n"
    assert allowed(body, "/x/report.pdf", "/report.pdf?page=2", "/report.pdfx", "/docs/guide.pdf") == [
        False, True, True, True]
    assert allowed(body, "/axxb", "/ab/c", "/a") == [False, False, True]


def test_the_longest_match_wins_and_rules_are_prefixes() -> None:
    body = "User-agent: *\nDisallow: /private\nAllow: /private/open\n"
    assert allowed(body, "/private", "/privateer", "/private/open/1", "/private/x") == [False, False, True, False]
    assert allowed("User-agent: *\nDisallow: /\nAllow: /$\n", "/", "/a") == [True, False]


def test_query_strings_are_part_of_the_path() -> None:
    assert allowed("User-agent: *\nDisallow: /search?q=\n", "/search?q=port", "/search", "/search?page=2") == [
        False, True, True]


def test_percent_encoding_and_raw_unicode_match_each_other() -> None:
    assert allowed("User-agent: *\nDisallow: /café\n", "/caf%C3%A9/menu") == [False]
    assert allowed("User-agent: *\nDisallow: /caf%C3%A9\n", "/café/menu", "/caf%c3%a9/menu", "/cafe") == [
        False, False, True]


def test_our_own_group_replaces_the_star_group() -> None:
    body = "User-agent: *\nDisallow: /b\n\nUser-agent: HashWire\nDisallow: /a\n"
    assert allowed(body, "/a", "/b") == [False, True]
    # one group for several agents; a longer product token is someone else
    assert allowed("User-agent: other\nUser-agent: hashwire\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n",
                   "/a", "/b") == [False, True]
    assert allowed("User-agent: hashwire-bot\nDisallow: /a\n\nUser-agent: *\nDisallow: /b\n", "/a", "/b") == [
        True, False]


def test_crawl_delay() -> None:
    assert delay("User-agent: *\nCrawl-delay: 10\n\nUser-agent: hashwire\nCrawl-delay: 2.5\nDisallow: /a\n") == 2.5
    assert delay("User-agent: *\nCrawl-delay: 4\n") == 4.0
    assert delay("User-agent: *\nDisallow: /a\n") is None
    assert delay("User-agent: other\nCrawl-delay: 60\n") is None
    # an unreadable value is ignored, the rest of the group still counts
    assert delay("User-agent: *\nCrawl-delay: soon\nDisallow: /a\n") is None
    assert allowed("User-agent: *\nCrawl-delay: soon\nDisallow: /a\n", "/a") == [False]
    assert rules_from_response(404, b"", 0.0).crawl_delay(AGENT) is None


@pytest.mark.parametrize("body", [
    "user-agent: *\ndisallow: /a\n",  # directive names in any case
    "User-agent: *\r\nDisallow: /a\r\n",
    "User-agent: *\rDisallow: /a\r",
    "# house rules\nUser-agent: * # everyone\nDisallow: /a # not this\n",
    "User-agent: *\nSitemap: https://site.example/sitemap.xml\nDisallow: /a\n",
    "  User-agent:*\n\tDisallow:/a  \n",
])
def test_file_shapes_seen_in_the_wild(body: str) -> None:
    assert allowed(body, "/a", "/b") == [False, True]


def test_paths_are_case_sensitive_and_empty_disallow_allows_all() -> None:
    assert allowed("User-agent: *\nDisallow: /A\n", "/A", "/a") == [False, True]
    assert allowed("User-agent: *\nDisallow:\n", "/anything") == [True]
    assert allowed("Disallow: /a\n", "/a") == [True]  # a rule outside any group applies to no one


def test_junk_bodies_allow_everything() -> None:
    assert allowed("<html><body><h1>Welcome</h1></body></html>", "/a") == [True]
    assert allowed(b"\x00\xff\xfe garbage \x89PNG", "/a") == [True]
    assert allowed(b"", "/a") == [True]


def test_invalid_utf8_in_one_rule_leaves_the_others_working() -> None:
    assert allowed(b"User-agent: *\nDisallow: /\xff\xfe\nDisallow: /z\n", "/z", "/y") == [False, True]


def test_rules_past_the_size_cap_are_not_read() -> None:
    head = b"User-agent: *\nDisallow: /early\n"
    padding = b"# " + b"x" * 98 + b"\n"
    body = head + padding * (ROBOTS_MAX_BYTES // len(padding) + 1) + b"Disallow: /late\n"
    assert len(body) > ROBOTS_MAX_BYTES
    assert allowed(body, "/early", "/late") == [False, True]
    # the same rule inside the cap is read
    assert allowed(head + padding * 10 + b"Disallow: /late\n", "/late") == [False]


@pytest.mark.parametrize(("status", "allows", "ttl", "note"), [
    (200, True, ROBOTS_TTL, ""), (204, True, ROBOTS_TTL, ""),
    (401, True, ROBOTS_TTL, ""), (403, True, ROBOTS_TTL, ""), (404, True, ROBOTS_TTL, ""), (410, True, ROBOTS_TTL, ""),
    (500, False, ROBOTS_ERROR_TTL, "robots.txt answered 500; pages wait until it can be read"),
    (503, False, ROBOTS_ERROR_TTL, "robots.txt answered 503; pages wait until it can be read"),
    (0, False, ROBOTS_ERROR_TTL, "robots.txt could not be fetched; pages wait until it can be read"),
])
def test_status_classes(status: int, allows: bool, ttl: float, note: str) -> None:
    rules = rules_from_response(status, b"", 1000.0)
    assert rules.allows("https://site.example/a", AGENT) is allows
    assert rules.expires == 1000.0 + ttl and rules.note == note
    assert ROBOTS_ERROR_TTL < ROBOTS_TTL  # an outage is retried much sooner than good rules


@pytest.mark.parametrize(("url", "expected"), [
    ("http://[::1]:8080/a/b?c=d#e", "http://[::1]:8080/robots.txt"),
    ("https://site.example#top", "https://site.example/robots.txt"),
    ("https://site.example/deep/path/robots.txt?x", "https://site.example/robots.txt"),
])
def test_robots_url(url: str, expected: str) -> None:
    assert robots_url(url) == expected


# --- the cache ------------------------------------------------------------------------------------

class Loader:
    def __init__(self, answers: dict[str, tuple[int, bytes]] | None = None, gate: asyncio.Event | None = None):
        self.answers = answers or {}
        self.calls: list[str] = []
        self.gate = gate

    async def __call__(self, url: str) -> tuple[int, bytes]:
        self.calls.append(url)
        if self.gate is not None:
            await self.gate.wait()
        return self.answers.get(url, (200, b"User-agent: *\nDisallow: /private\nCrawl-delay: 3\n"))


async def test_concurrent_asks_load_the_file_once() -> None:
    gate = asyncio.Event()
    loader = Loader(gate=gate)
    cache = RobotsCache(AGENT, loader)
    asks = [asyncio.create_task(cache.allowed(f"https://site.example/p/{i}")) for i in range(20)]
    await asyncio.sleep(0)  # let every task reach the lock
    gate.set()
    assert await asyncio.gather(*asks) == [True] * 20
    assert loader.calls == ["https://site.example/robots.txt"]


async def test_one_entry_per_scheme_host_and_port() -> None:
    loader = Loader()
    cache = RobotsCache(AGENT, loader)
    for url in ("https://site.example/a", "https://site.example/b?q", "http://site.example/a",
                "https://site.example:8443/a", "https://other.example/a", "https://site.example/c"):
        await cache.allowed(url)
    assert loader.calls == ["https://site.example/robots.txt", "http://site.example/robots.txt",
                            "https://site.example:8443/robots.txt", "https://other.example/robots.txt"]


async def test_refusal_reasons_and_crawl_delay() -> None:
    loader = Loader({"https://down.example/robots.txt": (503, b"")})
    cache = RobotsCache(AGENT, loader)
    assert await cache.refusal("https://site.example/public") == ""
    assert await cache.refusal("https://site.example/private/1") == "robots.txt disallows it"
    assert await cache.refusal("https://down.example/a") == "robots.txt answered 503; pages wait until it can be read"
    assert await cache.crawl_delay("https://site.example/x") == 3.0
    assert await cache.crawl_delay("https://down.example/x") is None


async def test_expired_rules_are_loaded_again() -> None:
    loader = Loader()
    cache = RobotsCache(AGENT, loader)
    await cache.allowed("https://site.example/a")
    await cache.allowed("https://site.example/b")
    assert len(loader.calls) == 1
    cache._rules["https://site.example/robots.txt"].expires = time.monotonic() - 1
    loader.answers["https://site.example/robots.txt"] = (200, b"User-agent: *\nDisallow: /\n")
    assert await cache.allowed("https://site.example/a") is False
    assert len(loader.calls) == 2


async def test_a_failing_loader_poisons_nothing() -> None:
    calls = 0

    async def flaky(url: str) -> tuple[int, bytes]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("connection pool closed")
        return 200, b"User-agent: *\nDisallow: /x\n"

    cache = RobotsCache(AGENT, flaky)
    with pytest.raises(RuntimeError):
        await cache.allowed("https://site.example/x")
    assert await cache.allowed("https://site.example/x") is False
    assert calls == 2


async def test_past_the_host_bound_expired_rules_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(robots, "MAX_HOSTS", 2)
    cache = RobotsCache(AGENT, Loader())
    await cache.allowed("https://a.example/")
    await cache.allowed("https://b.example/")
    cache._rules["https://a.example/robots.txt"].expires = time.monotonic() - 1
    await cache.allowed("https://c.example/")
    assert sorted(cache._rules) == ["https://b.example/robots.txt", "https://c.example/robots.txt"]
    assert "https://a.example/robots.txt" not in cache._locks
