"""Fetcher against real loopback servers: one test per misbehaviour, and the SSRF guard per address class."""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.typedefs import Handler

from hashwire import __version__
from hashwire import fetch as fetch_module
from hashwire.config import Config
from hashwire.errors import FetchError
from hashwire.feeds import parse_feed
from hashwire.fetch import Fetcher, FetchResult, fetch_and_describe, parse_retry_after
from hashwire.netguard import address_problem, check_address, check_url, literal_address
from hashwire.newsroom.misbehave import BLOCKED_TARGETS, ETAG, LAST_MODIFIED, add_routes
from hashwire.robots import robots_url, rules_from_response


@dataclass
class Server:
    base: str
    hits: list[str] = field(default_factory=list)
    agents: list[str] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0


@pytest.fixture
async def server() -> AsyncIterator[Server]:
    state = Server(base="")

    @web.middleware
    async def record(request: web.Request, handler: Handler) -> web.StreamResponse:
        state.hits.append(request.path)
        state.agents.append(request.headers.get("User-Agent", ""))
        return await handler(request)

    async def slow(request: web.Request) -> web.Response:
        state.starts.append(time.monotonic())
        state.in_flight += 1
        state.peak = max(state.peak, state.in_flight)
        await asyncio.sleep(0.05)
        state.in_flight -= 1
        return web.Response(text="<rss><channel><title>s</title></channel></rss>", content_type="text/xml")

    async def robots(request: web.Request) -> web.Response:
        return web.Response(text="User-agent: *\nDisallow: /private\nCrawl-delay: 0.2\n", content_type="text/plain")

    async def page(request: web.Request) -> web.Response:
        state.starts.append(time.monotonic())
        return web.Response(text="<html><head><title>p</title></head><body>hi</body></html>", content_type="text/html")

    app = web.Application(middlewares=[record])
    add_routes(app)
    app.router.add_get("/slow", slow)
    app.router.add_get("/robots.txt", robots)
    app.router.add_get("/private/page", page)
    app.router.add_get("/public/page", page)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    state.base = f"http://127.0.0.1:{port}"
    yield state
    await runner.cleanup()


def config(**values: object) -> Config:
    base: dict[str, object] = {"allow_private_networks": True, "fetch_timeout": 5.0,
                               "max_body_bytes": 1024 * 1024, "per_host_concurrency": 4}
    base.update(values)
    return Config(base, environ={})


async def fetch(url: str, cfg: Config | None = None, **kwargs: str) -> FetchResult:
    async with Fetcher(cfg or config()) as fetcher:
        return await fetcher.fetch(url, **kwargs)


async def failure(url: str, cfg: Config | None = None, **kwargs: str) -> FetchError:
    with pytest.raises(FetchError) as info:
        await fetch(url, cfg, **kwargs)
    return info.value


# --- ordinary and polite behaviour ---------------------------------------------------------------

async def test_fetches_a_feed_with_an_honest_user_agent(server: Server) -> None:
    async with Fetcher(config(user_agent_contact="https://example.org/bot")) as fetcher:
        result = await fetcher.fetch(server.base + "/bad/feed.xml")
    assert result.status == 200 and not result.not_modified
    assert result.headers["content-type"].startswith("application/rss+xml")
    assert len(parse_feed(result.body, result.url).entries) == 5
    assert server.agents[-1] == f"hashwire/{__version__} (+https://example.org/bot)"


async def test_conditional_get_by_etag_and_last_modified(server: Server) -> None:
    url = server.base + "/bad/conditional"
    async with Fetcher(config()) as fetcher:
        first = await fetcher.fetch(url)
        assert first.headers["etag"] == ETAG and first.body
        by_etag = await fetcher.fetch(url, etag=first.headers["etag"])
        by_date = await fetcher.fetch(url, last_modified=LAST_MODIFIED)
        changed = await fetcher.fetch(url, etag='"other"')
    assert by_etag.not_modified and by_etag.status == 304 and by_etag.body == b""
    assert by_date.not_modified
    assert not changed.not_modified and changed.body


async def test_429_carries_retry_after(server: Server) -> None:
    error = await failure(server.base + "/bad/429?after=120")
    assert error.kind == "rate_limited" and error.retry_after == 120


async def test_503_carries_retry_after(server: Server) -> None:
    error = await failure(server.base + "/bad/503?after=300")
    assert error.kind == "unavailable" and error.retry_after == 300


async def test_other_http_errors(server: Server) -> None:
    assert (await failure(server.base + "/bad/500")).kind == "http_5xx"
    assert (await failure(server.base + "/bad/410")).kind == "http_4xx"


def test_retry_after_as_http_date() -> None:
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412480 - 60) == 60
    assert parse_retry_after("soon") is None


async def test_redirect_chain_is_followed_and_recorded(server: Server) -> None:
    result = await fetch(server.base + "/bad/redirect-chain/3")
    assert result.url == server.base + "/bad/redirect-chain/0"
    assert len(result.redirects) == 3 and not result.permanent_redirect
    moved = await fetch(server.base + "/bad/moved")
    assert moved.permanent_redirect == server.base + "/bad/feed.xml"


async def test_redirect_cap(server: Server) -> None:
    error = await failure(server.base + "/bad/redirect-chain/9", config(max_redirects=5))
    assert error.kind == "too_many_redirects"
    assert len([h for h in server.hits if h.startswith("/bad/redirect-chain")]) == 6


async def test_redirect_loop(server: Server) -> None:
    assert (await failure(server.base + "/bad/redirect-loop/a")).kind == "redirect_loop"


@pytest.mark.parametrize("target", ["metadata", "ipv6-mapped"])
async def test_redirect_to_a_blocked_address_is_refused_even_with_private_allowed(server: Server, target: str) -> None:
    error = await failure(server.base + f"/bad/redirect-blocked/{target}")
    assert error.kind == "blocked_address"
    assert "link_local" in str(error) if target == "metadata" else "ipv4_mapped" in str(error)
    assert BLOCKED_TARGETS[target].startswith("http://")


async def test_redirect_to_another_scheme_is_refused(server: Server) -> None:
    assert (await failure(server.base + "/bad/redirect-blocked/scheme")).kind == "bad_scheme"


async def test_loopback_is_blocked_by_default_before_any_connection(server: Server) -> None:
    for url in (server.base + "/bad/feed.xml", server.base.replace("127.0.0.1", "localhost") + "/bad/feed.xml"):
        error = await failure(url, Config({}, environ={}))
        assert error.kind == "blocked_address"
    assert server.hits == []


async def test_redirect_from_private_to_loopback_needs_the_setting(server: Server) -> None:
    # the first hop is refused outright without allow_private_networks: nothing is requested
    error = await failure(server.base + "/bad/redirect-chain/1", Config({}, environ={}))
    assert error.kind == "blocked_address" and server.hits == []


# --- bounded size and time -------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/bad/gzip-bomb?mb=32", "/bad/brotli-bomb?mb=32"])
async def test_compression_bombs_are_capped_on_decoded_bytes(server: Server, path: str) -> None:
    started = time.monotonic()
    error = await failure(server.base + path)
    assert error.kind == "too_large" and "decoded" in str(error)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("declared", ["0", "1"])
async def test_huge_body_is_capped(server: Server, declared: str) -> None:
    error = await failure(server.base + f"/bad/huge?mb=64&declared={declared}")
    assert error.kind == "too_large"


async def test_slow_drip_hits_the_overall_deadline(server: Server) -> None:
    started = time.monotonic()
    error = await failure(server.base + "/bad/slow-drip?interval_ms=50&seconds=30", config(fetch_timeout=1.0))
    assert error.kind == "timeout"
    assert time.monotonic() - started < 3


async def test_stalled_server_times_out(server: Server) -> None:
    error = await failure(server.base + "/bad/stall?seconds=30", config(fetch_timeout=0.5))
    assert error.kind == "timeout"


async def test_gzip_in_several_members_with_trailing_junk(server: Server) -> None:
    result = await fetch(server.base + "/bad/gzip-members")
    assert len(parse_feed(result.body).entries) == 5


async def test_corrupt_gzip_is_a_decode_failure(server: Server) -> None:
    assert (await failure(server.base + "/bad/corrupt-gzip")).kind == "decode"


async def test_body_cut_short_is_a_transfer_failure(server: Server) -> None:
    assert (await failure(server.base + "/bad/short-body")).kind == "connect"


async def test_connection_refused(server: Server) -> None:
    assert (await failure("http://127.0.0.1:1/feed")).kind == "connect"


async def test_tls_certificates_are_still_verified(tmp_path: Path) -> None:
    # connecting to the checked address must not switch off certificate checks for the name
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                    "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"], check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    app = web.Application()
    add_routes(app)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        error = await failure(f"https://localhost:{port}/bad/feed.xml")
        assert error.kind == "connect" and "certificate" in str(error).lower()
    finally:
        await runner.cleanup()


async def test_unknown_host_is_a_dns_failure() -> None:
    assert (await failure("http://nonexistent.invalid/feed")).kind == "dns"


# --- content --------------------------------------------------------------------------------------

async def test_wrong_content_type(server: Server) -> None:
    assert (await failure(server.base + "/bad/wrong-type/image")).kind == "bad_content_type"
    # a feed served as text/html is common and still a feed
    result = await fetch(server.base + "/bad/wrong-type/html")
    assert len(parse_feed(result.body, result.url, result.headers["content-type"]).entries) == 5


@pytest.mark.parametrize(("how", "titles"), [
    ("truncated", ["One", "Two"]),
    ("entities", ["Señor — … &bogus;", "R&D"]),
    ("control-chars", ["Bell inside", "Formfeed"]),
    ("encoding", ["Crème brûlée"]),
    ("external-entity", ["X"]),
])
async def test_broken_xml_still_yields_its_items(server: Server, how: str, titles: list[str]) -> None:
    result = await fetch(server.base + f"/bad/broken/{how}")
    feed = parse_feed(result.body, result.url, result.headers["content-type"])
    assert [e.title for e in feed.entries][: len(titles)] == titles
    assert "root:" not in feed.title and len(feed.title) < 200  # no file read, no entity expansion


async def test_feed_whose_guids_change_on_every_fetch(server: Server) -> None:
    async with Fetcher(config()) as fetcher:
        first = parse_feed((await fetcher.fetch(server.base + "/bad/changing-guids")).body)
        second = parse_feed((await fetcher.fetch(server.base + "/bad/changing-guids")).body)
    assert {e.guid for e in first.entries}.isdisjoint(e.guid for e in second.entries)
    # the links stay put, so the canonical-URL check of the store still sees the same articles
    assert [e.link for e in first.entries] == [e.link for e in second.entries]


async def test_one_guid_for_many_items_falls_back_to_links(server: Server) -> None:
    feed = parse_feed((await fetch(server.base + "/bad/repeated-guid")).body)
    assert len({e.guid for e in feed.entries}) == 4


# --- per-host politeness and robots.txt ----------------------------------------------------------

async def test_per_host_concurrency_is_shared(server: Server) -> None:
    async with Fetcher(config(per_host_concurrency=2)) as fetcher:
        await asyncio.gather(*(fetcher.fetch(server.base + "/slow") for _ in range(8)))
    assert server.peak == 2


def assert_spaced(starts: list[float], began: float, delay: float) -> None:
    # the k-th request cannot reach the server before k delays have passed (arrival may be later
    # than sending when the machine is busy, so only lower bounds are robust)
    assert len(starts) == 3
    for k, start in enumerate(sorted(starts)):
        assert start - began >= k * delay - 0.01, (k, start - began)


async def test_per_host_delay_spaces_requests(server: Server) -> None:
    async with Fetcher(config(per_host_delay=0.15)) as fetcher:
        began = time.monotonic()
        await asyncio.gather(*(fetcher.fetch(server.base + "/slow") for _ in range(3)))
    assert_spaced(server.starts, began, 0.15)


async def test_idle_host_state_is_forgotten_past_a_bound(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "MAX_GATES", 1)
    async with Fetcher(config()) as fetcher:
        await fetcher.fetch(server.base + "/bad/feed.xml")
        await fetcher.fetch(server.base.replace("127.0.0.1", "localhost") + "/bad/feed.xml")
        assert list(fetcher._gates) == ["localhost"]


async def test_robots_txt_is_honoured_for_pages_only(server: Server) -> None:
    async with Fetcher(config()) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(server.base + "/private/page", kind="page")
        assert info.value.kind == "robots_disallowed"
        assert (await fetcher.fetch(server.base + "/public/page", kind="page")).status == 200
        assert (await fetcher.fetch(server.base + "/private/page", kind="feed")).status == 200
    assert server.hits.count("/robots.txt") == 1  # cached per host


async def test_robots_crawl_delay_spaces_page_requests(server: Server) -> None:
    async with Fetcher(config()) as fetcher:
        began = time.monotonic()
        await asyncio.gather(*(fetcher.fetch(server.base + "/public/page", kind="page") for _ in range(3)))
    assert_spaced(server.starts, began, 0.2)


def test_robots_rules_follow_rfc_9309() -> None:
    parsed = rules_from_response(200, b"User-agent: hashwire\nDisallow: /x\n\nUser-agent: *\nDisallow: /", 0.0)
    assert parsed.allows("http://h/y", "hashwire") and not parsed.allows("http://h/x/1", "hashwire")
    assert rules_from_response(404, b"", 0.0).allows("http://h/anything", "hashwire")  # no rules
    unreachable = rules_from_response(503, b"", 0.0)
    assert not unreachable.allows("http://h/", "hashwire") and "503" in unreachable.note
    assert robots_url("https://h.example:8443/a/b?c") == "https://h.example:8443/robots.txt"


async def test_page_kind_refuses_non_html(server: Server) -> None:
    assert (await failure(server.base + "/bad/wrong-type/image", kind="page")).kind == "bad_content_type"


async def test_fetch_and_describe(server: Server) -> None:
    info = await fetch_and_describe(server.base + "/bad/feed.xml", config())
    assert info["ok"] and info["kind"] == "feed" and info["entries"] == 5
    refused = await fetch_and_describe(server.base + "/bad/feed.xml", Config({}, environ={}))
    assert refused["ok"] is False and refused["error"] == "blocked_address"


# --- the address guard, class by class ------------------------------------------------------------

@pytest.mark.parametrize(("address", "problem"), [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("10.1.2.3", "private"), ("172.16.5.4", "private"),
    ("192.168.1.1", "private"), ("fd00::1", "private"), ("169.254.169.254", "link_local"),
    ("fe80::1", "link_local"), ("100.64.0.1", "cgnat"), ("100.127.255.254", "cgnat"),
    ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("240.0.0.1", "reserved"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("::ffff:127.0.0.1", "ipv4_mapped"),
    ("::ffff:8.8.8.8", "ipv4_mapped"), ("2002:7f00:1::", "6to4"), ("64:ff9b::a00:1", "nat64"),
    ("198.18.0.1", "reserved"), ("8.8.8.8", ""), ("2606:4700:4700::1111", ""), ("93.184.216.34", ""),
])
def test_address_classes(address: str, problem: str) -> None:
    assert address_problem(address) == problem
    if problem:
        with pytest.raises(FetchError) as info:
            check_address(address)
        assert info.value.kind == "blocked_address"
    else:
        check_address(address)


def test_allow_private_opens_only_local_networks() -> None:
    for address in ("127.0.0.1", "10.0.0.1", "100.64.0.1", "::1"):
        check_address(address, allow_private=True)
    for address in ("169.254.169.254", "0.0.0.0", "224.0.0.1", "::ffff:127.0.0.1"):
        with pytest.raises(FetchError):
            check_address(address, allow_private=True)


def test_odd_spellings_of_ip_literals() -> None:
    assert str(literal_address("2130706433")) == "127.0.0.1"
    assert str(literal_address("0x7f.1")) == "127.0.0.1"
    assert str(literal_address("017700000001")) == "127.0.0.1"
    assert literal_address("example.com") is None


@pytest.mark.parametrize("url", ["ftp://example.com/", "file:///etc/passwd", "gopher://x/", "/relative",
                                 "http://user:pw@example.com/", "javascript:alert(1)"])
def test_only_plain_http_urls(url: str) -> None:
    with pytest.raises(FetchError) as info:
        check_url(url)
    assert info.value.kind == "bad_scheme"


async def test_ipv6_loopback_literal() -> None:
    app = web.Application()
    add_routes(app)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "::1", 0)
        await site.start()
    except OSError:
        await runner.cleanup()
        pytest.skip("no IPv6 loopback here")
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        assert (await failure(f"http://[::1]:{port}/bad/feed.xml", Config({}, environ={}))).kind == "blocked_address"
        result = await fetch(f"http://[::1]:{port}/bad/feed.xml")
        assert result.status == 200
    finally:
        await runner.cleanup()


async def test_decimal_ip_literal_is_checked_too() -> None:
    error = await failure("http://2130706433/feed", Config({}, environ={}))
    assert error.kind == "blocked_address"
