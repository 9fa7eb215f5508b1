"""Token buckets at their boundaries, the 429 answer, and which client a request is counted against
(address not port, IPv6, behind a reverse proxy on loopback)."""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest
import uvicorn

from hashwire.web import ratelimit
from hashwire.web.ratelimit import RateLimitMiddleware, TokenBuckets


def drain(buckets: TokenBuckets, key: str, now: float) -> float:
    """Take tokens until refused; returns the wait of the refusal."""
    for _ in range(10_000):
        wait = buckets.take(key, now)
        if wait > 0:
            return wait
    raise AssertionError("never refused")


def test_a_full_bucket_allows_exactly_burst_requests_at_once() -> None:
    buckets = TokenBuckets(rate=5.0, burst=7)
    assert [buckets.take("a", 100.0) for _ in range(7)] == [0.0] * 7
    assert buckets.take("a", 100.0) == pytest.approx(0.2)


def test_refused_requests_do_not_use_up_tokens() -> None:
    buckets = TokenBuckets(rate=1.0, burst=1)
    assert buckets.take("a", 0.0) == 0
    for step in range(9):  # hammering while empty does not push the next token further away
        assert buckets.take("a", step * 0.1) == pytest.approx(1.0 - step * 0.1)
    assert buckets.take("a", 1.0) == 0


def test_idle_time_refills_only_up_to_the_burst() -> None:
    buckets = TokenBuckets(rate=10.0, burst=3)
    drain(buckets, "a", 0.0)
    allowed = 0
    while buckets.take("a", 3600.0) == 0:  # an hour idle is still just 3 tokens
        allowed += 1
    assert allowed == 3


def test_slow_rates_give_waits_longer_than_a_second() -> None:
    buckets = TokenBuckets(rate=0.25, burst=1)
    assert buckets.take("a", 10.0) == 0
    assert buckets.take("a", 10.0) == pytest.approx(4.0)
    assert buckets.take("a", 13.9) == pytest.approx(0.1)
    assert buckets.take("a", 14.0) == 0


def test_a_client_that_waits_its_retry_after_is_served() -> None:
    """Retry-After is whole seconds, rounded up: honouring it always finds a token, whatever the
    rate and however large the monotonic clock (no float rounding lets it fall just short)."""
    rng = random.Random(5)
    for _ in range(3000):
        rate, burst = rng.choice([0.1, 0.5, 1.0, 1 / 3, 3.0, 20.0]), rng.choice([1, 2, 120])
        buckets = TokenBuckets(rate, burst)
        now = rng.uniform(0.0, 1e7)
        wait = drain(buckets, "k", now)
        retry_after = max(1, math.ceil(wait))
        assert buckets.take("k", now + wait * 0.98) > 0  # a little early is still refused
        assert buckets.take("k", now + retry_after) == 0, (rate, burst, now, wait)


def test_a_burst_of_zero_still_lets_the_rate_through() -> None:
    """api_burst=0 must not shut the API for everyone: a bucket holds at least one token."""
    buckets = TokenBuckets(rate=2.0, burst=0)
    assert buckets.take("a", 0.0) == 0
    assert buckets.take("a", 0.0) > 0
    assert buckets.take("a", 0.5) == 0


def test_least_recently_seen_clients_are_forgotten_first() -> None:
    buckets = TokenBuckets(rate=1.0, burst=1, max_keys=3)
    assert [buckets.take(k, 0.0) for k in "abc"] == [0, 0, 0]
    assert buckets.take("a", 0.1) > 0  # "a" seen again: "b" is now the oldest
    assert buckets.take("d", 0.2) == 0  # a fourth client pushes out "b"
    assert buckets.take("a", 0.3) > 0  # "a" was kept: still empty, not a fresh bucket
    assert buckets.take("b", 0.4) == 0  # "b" was forgotten: it starts again with a full bucket
    assert buckets.take("c", 0.5) == 0  # ...which pushed out "c", the oldest by then


# ---- the middleware ---------------------------------------------------------------------------------

async def ok_app(scope: Any, receive: Any, send: Any) -> None:
    client = scope.get("client")
    body = (client[0] if client else "-").encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": body})


def call(app: Any, path: str = "/api/v1/articles", client: tuple[str, int] | None = ("10.0.0.1", 5000),
         kind: str = "http") -> tuple[int, dict[bytes, bytes], bytes]:
    scope: dict[str, Any] = {"type": kind, "path": path, "method": "GET", "headers": []}
    if client is not None:
        scope["client"] = client
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    start = sent[0]
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    now = [1000.0]
    monkeypatch.setattr(ratelimit.time, "monotonic", lambda: now[0])
    return now


def test_the_429_answer(clock: list[float]) -> None:
    app = RateLimitMiddleware(ok_app, rate=0.5, burst=1)
    assert call(app)[0] == 200
    clock[0] += 0.5
    status, headers, body = call(app)
    assert status == 429
    assert headers[b"retry-after"] == b"2" and headers[b"cache-control"] == b"no-store"
    assert headers[b"content-type"] == b"application/json" and int(headers[b"content-length"]) == len(body)
    assert orjson.loads(body) == {"error": {"status": 429, "message": "too many requests", "retry_after": 2}}
    clock[0] += 1.49
    assert call(app)[0] == 429
    clock[0] += 0.01
    assert call(app)[0] == 200


def test_a_client_is_its_address_not_its_connection(clock: list[float]) -> None:
    app = RateLimitMiddleware(ok_app, rate=1.0, burst=2)
    assert call(app, client=("10.0.0.1", 40001))[0] == 200
    assert call(app, client=("10.0.0.1", 40002))[0] == 200
    assert call(app, client=("10.0.0.1", 40003))[0] == 429  # a new connection is no new bucket
    assert call(app, client=("2001:db8::1", 1))[0] == 200
    assert call(app, client=("2001:db8::2", 1))[0] == 200
    assert call(app, client=None)[0] == 200  # no address known: one shared bucket
    assert call(app, client=None)[0] == 200
    assert call(app, client=None)[0] == 429


def test_only_the_api_is_limited(clock: list[float]) -> None:
    app = RateLimitMiddleware(ok_app, rate=1.0, burst=1)
    assert call(app, "/api/v1/sources")[0] == 200 and call(app, "/api/v1/sources")[0] == 429
    for path in ("/", "/en/hashtag/X", "/api/docs", "/api/v1", "/sitemap.xml", "/static/site.js"):
        assert call(app, path)[0] == 200, path
    custom = RateLimitMiddleware(ok_app, rate=1.0, burst=1, prefixes=("/feeds/",))
    assert [call(custom, "/feeds/x")[0] for _ in range(2)] == [200, 429]
    assert call(custom, "/api/v1/sources")[0] == 200


def test_rate_zero_turns_the_limit_off(clock: list[float]) -> None:
    app = RateLimitMiddleware(ok_app, rate=0.0, burst=1)
    assert {call(app)[0] for _ in range(50)} == {200}


# ---- behind a reverse proxy ---------------------------------------------------------------------------

@contextlib.contextmanager
def serve(trusted_proxies: str | None = None) -> Iterator[str]:
    """The middleware under uvicorn with the settings webserver.py gives it, on loopback."""
    from hashwire.config import Config
    from hashwire.webserver import server_config

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = RateLimitMiddleware(ok_app, rate=0.001, burst=2)
    values = {"trusted_proxies": trusted_proxies} if trusted_proxies is not None else {}
    config = server_config(app, Config(values, environ={}), host="127.0.0.1", port=port)
    config.lifespan = "off"
    server = uvicorn.Server(config)
    thread = threading.Thread(target=lambda: asyncio.run(server.serve(sockets=[sock])), daemon=True)
    thread.start()
    for _ in range(500):
        if server.started:
            break
        threading.Event().wait(0.01)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture
def served() -> Iterator[str]:
    with serve() as url:
        yield url


def test_forwarded_addresses_from_an_untrusted_peer_are_ignored() -> None:
    with serve(trusted_proxies="10.9.9.9") as url, httpx.Client(base_url=url, timeout=5) as http:
        codes = [http.get("/api/v1/articles", headers={"x-forwarded-for": f"203.0.113.{i}"}) for i in range(3)]
        assert [r.status_code for r in codes] == [200, 200, 429]  # one bucket: the peer's own address
        assert codes[0].text == "127.0.0.1"


def test_behind_a_proxy_on_loopback_each_forwarded_client_has_its_own_bucket(served: str) -> None:
    with httpx.Client(base_url=served, timeout=5) as http:
        def get(forwarded: str | None) -> httpx.Response:
            headers = {"x-forwarded-for": forwarded} if forwarded else {}
            return http.get("/api/v1/articles", headers=headers)

        first = [get("203.0.113.5") for _ in range(3)]
        assert [r.status_code for r in first] == [200, 200, 429]
        assert first[0].text == "203.0.113.5"
        assert get("203.0.113.6").status_code == 200  # another reader behind the same proxy
        # the proxy appends the address it saw; what the reader wrote in front does not pick a bucket
        spoofed = get("198.51.100.1, 203.0.113.5")
        assert spoofed.status_code == 429  # counted against 203.0.113.5, whose bucket is empty
        assert [get(None).status_code for _ in range(3)] == [200, 200, 429]  # the proxy's own requests
