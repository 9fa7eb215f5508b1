"""The address guard: address classes at their edges, odd spellings of addresses, URL checks, and
redirects (served on loopback) to blocked addresses written in ways a naive check would miss."""

from __future__ import annotations

import ipaddress
from collections.abc import AsyncIterator
from urllib.parse import quote

import pytest
from aiohttp import web

from hashwire.config import Config
from hashwire.errors import FetchError
from hashwire.fetch import Fetcher
from hashwire.netguard import address_problem, check_address, check_url, literal_address


@pytest.mark.parametrize(("address", "problem"), [
    # IPv4 inside IPv6, spelled every way: never trusted, whatever IPv4 address is inside
    ("::ffff:7f00:1", "ipv4_mapped"), ("::ffff:169.254.169.254", "ipv4_mapped"),
    ("::127.0.0.1", "reserved"),  # IPv4-compatible (deprecated)
    ("::ffff:0:8.8.8.8", "reserved"),  # IPv4-translated
    ("2002:808:808::1", "6to4"),  # even around a public IPv4 address
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"),
    ("64:ff9b::8.8.8.8", "nat64"), ("64:ff9b:1::7f00:1", "reserved"),  # well-known and local-use NAT64
    # zone ids: an interface-scoped address, public or not
    ("fe80::1%eth0", "scoped"), ("2606:4700::1%eth0", "scoped"),
    ("fec0::1", "private"),  # IPv6 site-local (deprecated, still routed inside sites)
    # documentation and special ranges
    ("192.0.2.1", "private"), ("198.51.100.1", "private"), ("203.0.113.1", "private"), ("2001:db8::1", "private"),
    ("0.1.2.3", "private"), ("255.255.255.255", "reserved"), ("233.252.0.1", "multicast"),
    # the edges of the ranges
    ("100.63.255.255", ""), ("100.64.0.0", "cgnat"), ("100.127.255.255", "cgnat"), ("100.128.0.0", ""),
    ("198.17.255.255", ""), ("198.19.255.255", "reserved"), ("198.20.0.0", ""),
    ("172.15.255.255", ""), ("172.31.255.255", "private"), ("172.32.0.0", ""),
    ("127.255.255.255", "loopback"), ("169.254.0.1", "link_local"), ("1.1.1.1", ""),
])
def test_address_classes_at_their_edges(address: str, problem: str) -> None:
    assert address_problem(address) == problem


def test_address_objects_and_non_addresses() -> None:
    assert address_problem(ipaddress.ip_address("10.0.0.1")) == "private"
    assert address_problem(ipaddress.ip_address("2606:4700:4700::1111")) == ""
    for junk in ("example.com", "", "1.2.3.256", "::g", "127.0.0.1 "):
        assert address_problem(junk) == "not_an_address"
    with pytest.raises(FetchError) as info:
        check_address("example.com")
    assert info.value.kind == "dns" and "not an address" in str(info.value)


@pytest.mark.parametrize(("address", "problem"), [
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "teredo"), ("2002:7f00:1::", "6to4"), ("64:ff9b::a00:1", "nat64"),
    ("fe80::1%lo", "scoped"), ("240.0.0.1", "reserved"), ("fe80::1", "link_local"), ("ff05::2", "multicast"),
])
def test_allow_private_never_opens_odd_encodings_or_link_local(address: str, problem: str) -> None:
    with pytest.raises(FetchError) as info:
        check_address(address, allow_private=True)
    assert info.value.kind == "blocked_address"
    assert str(info.value) == f"{address} is not a public address ({problem})"


def test_allow_private_opens_site_local_and_unique_local_ipv6() -> None:
    for address in ("fec0::1", "fd12:3456::1", "172.20.0.1"):
        with pytest.raises(FetchError):
            check_address(address)
        check_address(address, allow_private=True)


@pytest.mark.parametrize(("url", "expected"), [
    ("HTTP://News.Example.COM./feed", ("http", "news.example.com", 80)),
    ("https://news.example/feed", ("https", "news.example", 443)),
    ("http://news.example:8080/feed", ("http", "news.example", 8080)),
    ("http://news.example:/feed", ("http", "news.example", 80)),
    ("https://[2606:4700::1]/feed", ("https", "2606:4700::1", 443)),
    ("http://[::1]:8443/x", ("http", "::1", 8443)),
])
def test_check_url_gives_scheme_host_and_port(url: str, expected: tuple[str, str, int]) -> None:
    assert check_url(url) == expected


@pytest.mark.parametrize(("url", "why"), [
    ("http://news.example:99999/", "not a valid URL"), ("http://[::1/", "not a valid URL"),
    ("http:///feed", "no host"), ("http://editor@news.example/", "credentials"),
    ("//news.example/feed", "a relative URL"), ("feed://news.example/rss", "'feed'"),
    ("data:text/xml,<rss/>", "'data'"),
])
def test_check_url_refusals(url: str, why: str) -> None:
    with pytest.raises(FetchError) as info:
        check_url(url)
    assert info.value.kind == "bad_scheme" and why in str(info.value)


def test_a_zone_id_in_a_url_is_a_scoped_address() -> None:
    _, host, _ = check_url("http://[fe80::1%25eth0]/feed")
    literal = literal_address(host)
    assert literal is not None and address_problem(literal) == "scoped"


@pytest.mark.parametrize(("host", "address"), [
    ("0x7f000001", "127.0.0.1"), ("127.1", "127.0.0.1"), ("10.1.257", "10.1.1.1"),
    ("0x7f.0x0.0x0.0x1", "127.0.0.1"), ("00000177.1", "127.0.0.1"), ("0177.0.0.01", "127.0.0.1"),
    ("4294967295", "255.255.255.255"), ("0", "0.0.0.0"), ("[::1]", "::1"), ("[::ffff:7f00:1]", "::ffff:7f00:1"),
    ("256.1.1.1", None), ("1.2.3.4.5", None), ("08.1.1.1", None), ("4294967296", None), ("0x100.0.0.1", None),
    ("1.2.3.", None), (".1.2.3", None), ("-1", None), ("", None), ("1e2", None), ("news.example", None),
    ("0x", None), ("127.0.0.1.example", None),
])
def test_literal_spellings(host: str, address: str | None) -> None:
    found = literal_address(host)
    assert (str(found) if found is not None else None) == address


@pytest.mark.parametrize("host", ["2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.254.43518",
                                  "0xa9.0xfe.0xa9.0xfe", "169.0xfe.0251.254"])
def test_every_spelling_of_the_metadata_address_is_refused(host: str) -> None:
    literal = literal_address(host)
    assert str(literal) == "169.254.169.254"
    with pytest.raises(FetchError) as info:
        check_address(str(literal), allow_private=True)
    assert info.value.kind == "blocked_address" and "link_local" in str(info.value)


# --- redirects to blocked addresses, served on loopback -------------------------------------------

@pytest.fixture
async def redirector() -> AsyncIterator[tuple[str, list[str]]]:
    hits: list[str] = []

    async def hop(request: web.Request) -> web.Response:
        hits.append(request.path)
        raise web.HTTPFound(request.query["to"].replace("{port}", str(request.url.port)))

    async def target(request: web.Request) -> web.Response:
        hits.append(request.path)
        return web.Response(text="<rss><channel><title>reached</title></channel></rss>", content_type="text/xml")

    app = web.Application()
    app.router.add_get("/hop", hop)
    app.router.add_get("/reached", target)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}", hits
    await runner.cleanup()


def _allow_private() -> Config:
    return Config({"allow_private_networks": True, "fetch_timeout": 5.0}, environ={})


@pytest.mark.parametrize(("location", "problem"), [
    ("http://2852039166/latest/meta-data/", "link_local"),
    ("http://0xa9fea9fe/latest/meta-data/", "link_local"),
    ("//169.254.169.254/latest/meta-data/", "link_local"),  # scheme-relative
    ("http://[::ffff:a9fe:a9fe]/", "ipv4_mapped"),
    ("http://[fe80::1%25lo]/", "scoped"),
    ("http://[64:ff9b::7f00:1]:{port}/reached", "nat64"),
    # these two would reach this very server if they were let through
    ("http://0.0.0.0:{port}/reached", "unspecified"),
    ("http://[::ffff:127.0.0.1]:{port}/reached", "ipv4_mapped"),
])
async def test_redirects_to_blocked_addresses_in_any_spelling(
        redirector: tuple[str, list[str]], location: str, problem: str) -> None:
    base, hits = redirector
    async with Fetcher(_allow_private()) as fetcher:
        with pytest.raises(FetchError) as info:
            await fetcher.fetch(f"{base}/hop?to={quote(location, safe='')}")
    assert info.value.kind == "blocked_address" and f"({problem})" in str(info.value)
    assert hits == ["/hop"]


async def test_a_redirect_within_loopback_is_followed_when_private_networks_are_allowed(
        redirector: tuple[str, list[str]]) -> None:
    base, hits = redirector
    async with Fetcher(_allow_private()) as fetcher:
        result = await fetcher.fetch(f"{base}/hop?to={quote('http://0x7f000001:{port}/reached', safe='')}")
    assert result.url.endswith("/reached") and b"reached" in result.body
    assert hits == ["/hop", "/reached"]
