"""Per-client rate limits on the JSON API (/api/v1/): a token bucket per client address, answering 429
with Retry-After. Pages and feeds are served from the response cache and are not limited."""

from __future__ import annotations

import math
import time
from collections import OrderedDict

import orjson
from starlette.types import ASGIApp, Receive, Scope, Send


class TokenBuckets:
    """`rate` tokens per second up to `burst` (at least 1), one bucket per key; the least recently seen
    keys are forgotten beyond `max_keys` (a forgotten client starts again with a full bucket)."""

    def __init__(self, rate: float, burst: int, *, max_keys: int = 65536) -> None:
        self.rate, self.burst, self.max_keys = rate, float(max(1, burst)), max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def take(self, key: str, now: float | None = None) -> float:
        """Take one token; returns 0 when allowed, else the seconds until a token is available."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        wait = 0.0
        if tokens >= 1.0 - 1e-9:  # a client back after exactly the wait it was told is not short by a rounding
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return wait


class RateLimitMiddleware:
    """Limits requests under `prefixes` (by default the JSON API) per client address."""

    def __init__(self, app: ASGIApp, *, rate: float, burst: int,
                 prefixes: tuple[str, ...] = ("/api/v1/",)) -> None:
        self.app = app
        self.prefixes = prefixes
        self.buckets = TokenBuckets(rate, burst) if rate > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.buckets is None or scope["type"] != "http" or not scope["path"].startswith(self.prefixes):
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        wait = self.buckets.take(client[0] if client else "-")
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        retry = str(max(1, math.ceil(wait)))
        body = orjson.dumps({"error": {"status": 429, "message": "too many requests", "retry_after": int(retry)}})
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/json"), (b"retry-after", retry.encode()),
            (b"content-length", str(len(body)).encode()), (b"cache-control", b"no-store")]})
        await send({"type": "http.response.body", "body": body})
