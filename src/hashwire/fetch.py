"""The only module that speaks HTTP out: polite, bounded, SSRF-guarded fetches with aiohttp.

Every fetch: http/https only; the host name is resolved once, every address checked
(netguard), and the connection goes to a checked address; redirects are followed here, one
hop at a time, each hop checked again; the decoded body is capped; one deadline covers the
whole fetch, body included. Requests to one host share a concurrency slot count and a delay.
"""

from __future__ import annotations

import asyncio
import email.utils
import socket
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from typing import Any
from urllib.parse import urljoin, urlsplit

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from . import __version__
from .bounded_body import ACCEPT_ENCODING, BoundedBody
from .config import Config
from .errors import FeedParseError, FetchError
from .netguard import check_address, check_url, literal_address
from .robots import ROBOTS_MAX_BYTES, RobotsCache

ACCEPT = {
    "feed": "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
            "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5",
    "sitemap": "application/xml, text/xml, application/gzip;q=0.9, */*;q=0.5",
    "page": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    "robots": "text/plain, */*;q=0.5",
}
# media types that can never be a feed, a sitemap or an article page
# (a gzip file is allowed: sitemaps are often served as sitemap.xml.gz; parse_feed opens it)
_NEVER_TEXT = ("image/", "audio/", "video/", "font/", "application/pdf", "application/zip",
               "application/x-tar", "application/vnd.",
               "application/x-shockwave-flash", "application/wasm", "application/x-msdownload")
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 64 * 1024
# how long a checked DNS answer is reused; short, so that moved hosts are followed soon
DNS_TTL = 60.0
MAX_GATES = 20_000  # hosts whose slots and spacing are remembered at once
# robots.txt Crawl-delay is honoured up to this many seconds between page requests
MAX_CRAWL_DELAY = 30.0


def user_agent(config: Config) -> str:
    return f"hashwire/{__version__} (+{config.user_agent_contact})"


@dataclass(slots=True)
class FetchResult:
    url: str  # final URL, after redirects
    status: int
    body: bytes
    headers: dict[str, str]  # lower-case names
    not_modified: bool = False
    elapsed: float = 0.0
    redirects: list[str] = field(default_factory=list)  # URLs that answered with a redirect, in order
    permanent_redirect: str = ""  # where the source moved, when every hop was 301/308

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def parse_retry_after(value: str, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or an HTTP date)."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


class GuardedResolver(AbstractResolver):
    """Resolves each host once per fetch hop and hands aiohttp only addresses that passed the check."""

    def __init__(self, allow_private: bool, ttl: float = DNS_TTL) -> None:
        self._allow_private = allow_private
        self._ttl = ttl
        self._checked: dict[str, list[ResolveResult]] = {}
        self._expires: dict[str, float] = {}

    async def check(self, host: str, port: int) -> list[ResolveResult]:
        """Resolve `host` (or reuse a recent answer that passed the check) and check every address."""
        cached = self._checked.get(host)
        if cached is not None and self._expires.get(host, 0.0) > time.monotonic():
            return cached
        literal = literal_address(host)
        if literal is not None:
            check_address(str(literal), allow_private=self._allow_private)
            family = socket.AF_INET6 if literal.version == 6 else socket.AF_INET
            results = [ResolveResult(hostname=host, host=str(literal), port=port, family=family,
                                     proto=0, flags=socket.AI_NUMERICHOST)]
        else:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except (socket.gaierror, UnicodeError) as exc:
                raise FetchError("dns", f"cannot resolve {host}: {exc}") from exc
            results = []
            seen = set()
            for family, _, proto, _, sockaddr in infos:
                address = str(sockaddr[0])
                if address in seen:
                    continue
                seen.add(address)
                # every address must pass: a name that also resolves to 10.0.0.1 is refused outright
                check_address(address, allow_private=self._allow_private)
                results.append(ResolveResult(hostname=host, host=address, port=port, family=family,
                                             proto=proto, flags=socket.AI_NUMERICHOST))
            if not results:
                raise FetchError("dns", f"{host} has no address")
        self._checked[host] = results
        self._expires[host] = time.monotonic() + self._ttl
        return results

    async def resolve(self, host: str, port: int = 0,
                      family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        results = self._checked.get(host)
        if results is None:
            # only reached if a connection is opened without Fetcher.fetch having checked it
            try:
                results = await self.check(host, port)
            except FetchError as exc:
                raise OSError(str(exc)) from exc
        return [ResolveResult(hostname=r["hostname"], host=r["host"], port=port, family=r["family"],
                              proto=r["proto"], flags=r["flags"]) for r in results]

    async def close(self) -> None:
        self._checked.clear()
        self._expires.clear()


def guarded_connector(config: Config, resolver: GuardedResolver | None = None) -> aiohttp.TCPConnector:
    """A connector that resolves through the address guard and keeps no DNS cache of its own."""
    resolver = resolver or GuardedResolver(bool(config.allow_private_networks))
    return aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False, limit=int(config.concurrency),
                                limit_per_host=0, ttl_dns_cache=None)


class _HostGate:
    """Concurrency slots and a minimum spacing between request starts for one host."""

    def __init__(self, slots: int) -> None:
        self.slots = asyncio.Semaphore(max(1, slots))
        self.users = 0  # fetches holding or waiting for a slot
        self.lock = asyncio.Lock()
        self.next_start = 0.0

    def idle(self, now: float) -> bool:
        return self.users == 0 and self.next_start <= now

    async def wait_turn(self, delay: float) -> None:
        if delay <= 0:
            return
        async with self.lock:
            wait = self.next_start - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            self.next_start = time.monotonic() + delay


class Fetcher:
    """`async with Fetcher(config) as f: result = await f.fetch(url, etag=..., kind="feed")`.

    Without `session`, the Fetcher builds its own, whose connector only ever connects to addresses
    that passed the guard. A caller's `session` should be built with `guarded_connector(config)`
    (the addresses are still checked before each hop, but its own resolver would resolve again).
    """

    def __init__(self, config: Config, *, session: aiohttp.ClientSession | None = None) -> None:
        self.config = config
        self.user_agent = user_agent(config)
        self._own_session = session is None
        self._resolver = GuardedResolver(bool(config.allow_private_networks))
        self._session = session
        self._gates: dict[str, _HostGate] = {}
        self._robots = RobotsCache("hashwire", self._load_robots)
        self._global = asyncio.Semaphore(max(1, int(config.concurrency)))

    async def __aenter__(self) -> Fetcher:
        if self._session is None:
            connector = guarded_connector(self.config, self._resolver)
            self._session = aiohttp.ClientSession(
                connector=connector, auto_decompress=False, trust_env=False,
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=min(10.0, self.config.fetch_timeout)),
                headers={"User-Agent": self.user_agent}, cookie_jar=aiohttp.DummyCookieJar())
        return self

    async def __aexit__(self, et: type[BaseException] | None, exc: BaseException | None,
                        tb: TracebackType | None) -> None:
        await self.close()

    async def close(self) -> None:
        if self._own_session and self._session is not None:
            await self._session.close()
            self._session = None

    def _gate(self, host: str) -> _HostGate:
        gate = self._gates.get(host)
        if gate is None:
            if len(self._gates) >= MAX_GATES:  # a long crawl of many hosts: forget the idle ones
                now = time.monotonic()
                for name in [n for n, g in self._gates.items() if g.idle(now)]:
                    del self._gates[name]
            gate = self._gates[host] = _HostGate(int(self.config.per_host_concurrency))
        return gate

    async def fetch(self, url: str, *, etag: str = "", last_modified: str = "", kind: str = "feed") -> FetchResult:
        """GET `url` (conditionally when etag/last_modified are given). Raises FetchError(kind)."""
        check_url(url)  # refuse a bad URL before robots.txt is looked up
        delay = float(self.config.per_host_delay)
        if kind == "page":
            refusal = await self._robots.refusal(url)
            if refusal:
                raise FetchError("robots_disallowed", f"{url}: {refusal}")
            delay = max(delay, min(MAX_CRAWL_DELAY, await self._robots.crawl_delay(url) or 0.0))
        return await self._fetch(url, etag=etag, last_modified=last_modified, kind=kind,
                                 limit=int(self.config.max_body_bytes), delay=delay)

    async def _load_robots(self, robots: str) -> tuple[int, bytes]:
        try:
            result = await self._fetch(robots, etag="", last_modified="", kind="robots", limit=ROBOTS_MAX_BYTES,
                                       delay=float(self.config.per_host_delay))
        except FetchError as exc:
            if exc.kind == "http_4xx":
                return 404, b""
            if exc.kind in ("too_large",):
                return 200, b""
            return 0, b""
        return result.status, result.body

    async def _fetch(self, url: str, *, etag: str, last_modified: str, kind: str, limit: int,
                     delay: float) -> FetchResult:
        if self._session is None:
            raise RuntimeError("Fetcher used outside `async with`")
        started = time.monotonic()
        deadline = 0.0  # set when the first hop gets its turn: waiting for a slot is not the server's fault
        headers = {"Accept": ACCEPT.get(kind, "*/*"), "Accept-Encoding": ACCEPT_ENCODING}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        redirects: list[str] = []
        permanent = True
        seen = {url}
        current = url
        while True:
            _, host, port = check_url(current)
            gate = self._gate(host)
            gate.users += 1
            try:
                # the host's slot first, then a global one: a busy host must not hold global slots idle
                async with gate.slots, self._global:
                    await gate.wait_turn(delay)
                    if not deadline:
                        deadline = time.monotonic() + float(self.config.fetch_timeout)
                    async with asyncio.timeout(max(0.0, deadline - time.monotonic())):
                        await self._resolver.check(host, port)
                        status, resp_headers, body, location = await self._one_hop(current, headers, kind, limit)
            except TimeoutError as exc:
                raise FetchError("timeout", f"no complete answer from {host} within "
                                 f"{self.config.fetch_timeout:g} s") from exc
            finally:
                gate.users -= 1
            if location is None:
                break
            if len(redirects) >= int(self.config.max_redirects):
                raise FetchError("too_many_redirects", f"more than {self.config.max_redirects} redirects")
            target = urljoin(current, location)
            if target in seen:
                raise FetchError("redirect_loop", f"{current} redirects back to {target}")
            permanent = permanent and status in (301, 308)
            redirects.append(current)
            seen.add(target)
            current = target
        return FetchResult(url=current, status=status, body=body, headers=resp_headers,
                           not_modified=status == 304, elapsed=time.monotonic() - started,
                           redirects=redirects, permanent_redirect=current if redirects and permanent else "")

    async def _one_hop(self, url: str, headers: dict[str, str], kind: str,
                       limit: int) -> tuple[int, dict[str, str], bytes, str | None]:
        assert self._session is not None
        try:
            async with self._session.get(url, headers=headers, allow_redirects=False) as resp:
                status = resp.status
                resp_headers = {k.lower(): v for k, v in resp.headers.items()}
                if status in _REDIRECTS and "location" in resp_headers:
                    return status, resp_headers, b"", resp_headers["location"]
                _raise_for_status(status, resp_headers, url)
                if status == 304:
                    return status, resp_headers, b"", None
                _check_content_type(resp_headers.get("content-type", ""), kind, url)
                declared = resp_headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise FetchError("too_large", f"{url} declares {declared} bytes, over {limit}")
                body = BoundedBody(resp_headers.get("content-encoding", ""), limit)
                async for chunk in resp.content.iter_chunked(_CHUNK):
                    body.feed(chunk)
                return status, resp_headers, body.finish(), None
        except FetchError:
            raise
        except aiohttp.ClientConnectorDNSError as exc:
            raise FetchError("dns", f"cannot resolve {urlsplit(url).hostname}: {exc}") from exc
        except (aiohttp.ClientConnectorError, aiohttp.ServerDisconnectedError, aiohttp.ClientOSError) as exc:
            raise FetchError("connect", f"cannot connect to {urlsplit(url).netloc}: {exc}") from exc
        except aiohttp.ServerTimeoutError as exc:
            raise FetchError("timeout", f"{urlsplit(url).netloc} did not answer in time: {exc}") from exc
        except aiohttp.ClientPayloadError as exc:
            # Content-Length not met or chunked encoding broken: the transfer failed, not the decoding
            raise FetchError("connect", f"body from {url} cut short: {exc}") from exc
        except (aiohttp.ClientResponseError, aiohttp.InvalidURL, aiohttp.ClientError, ValueError) as exc:
            raise FetchError("connect", f"bad answer from {urlsplit(url).netloc}: {exc}") from exc


def _raise_for_status(status: int, headers: dict[str, str], url: str) -> None:
    if status < 400 and status != 305:
        if status in _REDIRECTS:
            raise FetchError("http_5xx" if status >= 500 else "http_4xx", f"{url}: redirect without Location")
        return
    retry_after = parse_retry_after(headers.get("retry-after", ""))
    wait = f", retry after {retry_after:g} s" if retry_after is not None else ""
    if status == 429:
        raise FetchError("rate_limited", f"{url}: 429 Too Many Requests{wait}", retry_after=retry_after)
    if status == 503:
        raise FetchError("unavailable", f"{url}: 503 Service Unavailable{wait}", retry_after=retry_after)
    if status >= 500:
        raise FetchError("http_5xx", f"{url}: HTTP {status}")
    raise FetchError("http_4xx", f"{url}: HTTP {status}")


def _check_content_type(value: str, kind: str, url: str) -> None:
    media = value.split(";")[0].strip().lower()
    if not media:
        return
    if media.startswith(_NEVER_TEXT) or (kind == "page" and not media.startswith(_PAGE_TYPES)):
        raise FetchError("bad_content_type", f"{url} is {media}, not a {kind}")


def describe_error(error: FetchError) -> dict[str, Any]:
    """A JSON-ready account of a failed fetch for the CLI and the operator."""
    out: dict[str, Any] = {"ok": False, "error": error.kind, "message": str(error)}
    if error.retry_after is not None:
        out["retry_after"] = error.retry_after
    return out


def _iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


async def fetch_and_describe(url: str, config: Config) -> dict[str, Any]:
    """Fetch one URL and say what it holds: a feed (with its entries), a page (with the feeds it
    declares), or why it was refused. Never raises for a fetch or parse failure."""
    from . import feeds  # the parser is only needed here, not by every fetch

    try:
        async with Fetcher(config) as fetcher:
            result = await fetcher.fetch(url, kind="feed")
    except FetchError as exc:
        return {"url": url, **describe_error(exc)}
    info: dict[str, Any] = {"ok": True, "url": url, "final_url": result.url, "status": result.status,
                            "content_type": result.content_type, "bytes": len(result.body),
                            "elapsed_ms": round(result.elapsed * 1000, 1)}
    if result.redirects:
        info["redirects"] = result.redirects
    try:
        feed = feeds.parse_feed(result.body, result.url, result.headers.get("content-type", ""))
    except FeedParseError as exc:
        text = result.body.decode("utf-8", "replace")
        info.update(kind="page", parse_note=str(exc), feeds_found=feeds.discover_feeds(text, result.url)[:12])
        return info
    info.update(kind="sitemap" if feed.format.startswith("sitemap") else "feed", format=feed.format,
                title=feed.title, link=feed.link, language=feed.language, ttl_minutes=feed.ttl_minutes,
                entries=len(feed.entries))
    if feed.sitemaps:
        info["sitemaps"] = feed.sitemaps
    info["items"] = [{"guid": e.guid, "title": e.title, "link": e.link, "published": _iso(e.published)}
                     for e in feed.entries[:10]]
    return info
