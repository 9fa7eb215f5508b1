"""Responses served from memory while fresh, with ETags and 304s.

Concurrent misses for one page wait for a single build (no stampede when the generation moves).
Freshness follows the store's *generation*: a number that changes whenever articles land. Pages and
API lists cached under one generation are dropped as soon as the store reports another, and in any case
after `max_age` seconds (relative times such as "an hour ago" must move on). The generation is read at
most once per `check_interval` seconds, so a cache hit costs no database work.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store.base import Store
from .metrics import Counter


class Generation:
    """The store's generation, re-read at most once per `check_interval` seconds.

    Uses `store.generation()` when the backend has it, else a sum over `store.counts()`
    (any saved article, appearance or story changes it)."""

    def __init__(self, store: Store, *, check_interval: float = 1.0) -> None:
        self.store = store
        self.check_interval = check_interval
        self._value = -1
        self._checked = float("-inf")
        self._interval = check_interval

    def read(self) -> int:
        probe = getattr(self.store, "generation", None)
        if callable(probe):
            return int(probe())
        counts = self.store.counts()
        return sum(int(v) * (i + 1) for i, (_, v) in enumerate(sorted(counts.items())))

    def current(self) -> int:
        now = time.monotonic()
        if now - self._checked >= self._interval:
            self._value = self.read()
            spent = time.monotonic() - now
            # a slow probe (counting a large store) is read less often: at most ~5% of one core
            # (an interval of 0 means every request reads it, for tests and single-user tools)
            self._interval = max(self.check_interval, 20 * spent) if self.check_interval > 0 else 0.0
            self._checked = now
        return self._value

    def invalidate(self) -> None:
        """Forget the remembered value: the next request reads the store again."""
        self._checked = float("-inf")


COMPRESSIBLE = (b"text/", b"application/json", b"application/xml", b"application/rss+xml",
                b"application/atom+xml", b"application/feed+json", b"application/javascript")


@dataclass(slots=True)
class Entry:
    generation: int
    expires: float
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes
    route: str
    compressible: bool = False
    gzipped: bytes | None = None  # made on the first request that accepts gzip, then kept


def etag_for(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'


def _header(scope: Scope, wanted: bytes) -> bytes | None:
    for name, value in scope["headers"]:
        if name == wanted:
            return bytes(value)
    return None


def _not_modified(scope: Scope, etag: bytes) -> bool:
    value = _header(scope, b"if-none-match")
    if value is None:
        return False
    tags = {t.strip().removeprefix(b"W/") for t in value.split(b",")}
    return etag in tags or b"*" in tags


async def _send_entry(scope: Scope, send: Send, entry: Entry) -> None:
    headers, body, etag = entry.headers, entry.body, entry.etag
    if entry.compressible and b"gzip" in (_header(scope, b"accept-encoding") or b""):
        if entry.gzipped is None:
            entry.gzipped = gzip.compress(entry.body, compresslevel=6, mtime=0)
        body, etag = entry.gzipped, entry.etag[:-1] + b'-gz"'
        headers = [(k, v) for k, v in headers if k not in (b"content-length", b"etag")]
        headers += [(b"content-encoding", b"gzip"), (b"content-length", str(len(body)).encode()), (b"etag", etag)]
    if entry.status == 200 and _not_modified(scope, etag):
        kept = [(k, v) for k, v in headers if k in (b"etag", b"cache-control", b"vary")]
        await send({"type": "http.response.start", "status": 304, "headers": kept})
        await send({"type": "http.response.body", "body": b""})
        return
    await send({"type": "http.response.start", "status": entry.status, "headers": headers})
    await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


class ResponseCacheMiddleware:
    """Caches successful GET responses by path and query string; adds ETag; answers 304."""

    def __init__(self, app: ASGIApp, generation: Generation, *, max_entries: int = 4096,
                 max_age: float = 60.0, skip_prefixes: tuple[str, ...] = ("/healthz", "/metrics"),
                 counter: Counter | None = None) -> None:
        self.app = app
        self.generation = generation
        self.max_entries = max_entries
        self.max_age = max_age
        self.skip_prefixes = skip_prefixes
        self.entries: OrderedDict[tuple[str, bytes], Entry] = OrderedDict()
        self.inflight: dict[tuple[str, bytes], asyncio.Future[Entry | None]] = {}
        self.counter = counter

    def clear(self) -> None:
        self.entries.clear()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") \
                or scope["path"].startswith(self.skip_prefixes):
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope["query_string"])
        generation = self.generation.current()
        entry = self.entries.get(key)
        if entry is not None and entry.generation == generation and entry.expires > time.monotonic():
            self._count("hit")
            self.entries.move_to_end(key)
            scope["hashwire.route"] = entry.route
            await _send_entry(scope, send, entry)
            return
        pending = self.inflight.get(key)
        if pending is not None and scope["method"] == "GET":
            # the same page is being built for another reader: wait for it rather than build it again
            shared = await asyncio.shield(pending)
            if shared is not None and shared.generation == generation:
                self._count("wait")
                scope["hashwire.route"] = shared.route
                await _send_entry(scope, send, shared)
                return
        self._count("miss")
        future: asyncio.Future[Entry | None] | None = None
        if scope["method"] == "GET" and pending is None:
            future = asyncio.get_running_loop().create_future()
            self.inflight[key] = future
        fresh: Entry | None = None
        try:
            fresh, cacheable = await self._build(scope, receive, generation)
        finally:
            if future is not None:
                future.set_result(fresh if fresh is not None and cacheable else None)
                self.inflight.pop(key, None)
        if cacheable:
            self.entries[key] = fresh
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)
        await _send_entry(scope, send, fresh)

    def _count(self, result: str) -> None:
        if self.counter is not None:
            self.counter.inc(result=result)

    async def _build(self, scope: Scope, receive: Receive, generation: int) -> tuple[Entry, bool]:
        """Runs the app, keeping its answer; returns it as an Entry and whether it may be cached."""
        started: Message = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, capture)
        status = int(started.get("status", 500))
        headers = list(started.get("headers", []))
        body = b"".join(chunks)
        names = {k.lower(): v for k, v in headers}
        etag = names.get(b"etag") or etag_for(body)
        if status == 200:
            if b"etag" not in names:
                headers.append((b"etag", etag))
            if b"cache-control" not in names:
                headers.append((b"cache-control", b"public, max-age=60"))
        compressible = (status == 200 and len(body) >= 1024 and b"content-encoding" not in names
                        and names.get(b"content-type", b"").startswith(COMPRESSIBLE))
        if compressible:
            headers.append((b"vary", b"accept-encoding"))
        route = getattr(scope.get("route"), "path", None) or "unmatched"
        entry = Entry(generation, time.monotonic() + self.max_age, status, headers, body, etag, route, compressible)
        control = names.get(b"cache-control", b"")
        cacheable = status == 200 and scope["method"] == "GET" and b"no-store" not in control \
            and b"private" not in control
        return entry, cacheable
