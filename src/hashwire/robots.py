"""robots.txt rules per host, parsed with protego and cached for a while (RFC 9309 semantics)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from protego import Protego

ROBOTS_MAX_BYTES = 500 * 1024  # RFC 9309 asks crawlers to read at least 500 KiB
ROBOTS_TTL = 24 * 3600.0
ROBOTS_ERROR_TTL = 600.0
MAX_HOSTS = 20_000  # past this many cached hosts, expired rules are dropped

# (status, body) of GET /robots.txt; status 0 when the host could not be reached
RobotsLoader = Callable[[str], Awaitable[tuple[int, bytes]]]


@dataclass(slots=True)
class _Rules:
    parser: Protego | None  # None with allow_all/deny_all
    allow_all: bool
    expires: float
    note: str = ""  # why everything is refused, when it is

    def allows(self, url: str, agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, agent))

    def crawl_delay(self, agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(agent)
        return float(delay) if delay is not None else None


def robots_url(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/robots.txt"


def rules_from_response(status: int, body: bytes, now: float) -> _Rules:
    """RFC 9309: 4xx means no rules; 5xx or unreachable means full disallow for now."""
    if 200 <= status < 300:
        text = body[:ROBOTS_MAX_BYTES].decode("utf-8-sig", "replace")  # (a BOM would hide line 1)
        return _Rules(Protego.parse(text), True, now + ROBOTS_TTL)
    if 400 <= status < 500:
        return _Rules(None, True, now + ROBOTS_TTL)
    why = f"answered {status}" if status else "could not be fetched"
    return _Rules(None, False, now + ROBOTS_ERROR_TTL, f"robots.txt {why}; pages wait until it can be read")


class RobotsCache:
    """Rules per scheme://host:port, loaded once even when many fetches ask at the same time."""

    def __init__(self, agent: str, load: RobotsLoader) -> None:
        self._agent = agent
        self._load = load
        self._rules: dict[str, _Rules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _rules_for(self, url: str) -> _Rules:
        key = robots_url(url)
        rules = self._rules.get(key)
        if rules is not None and rules.expires > time.monotonic():
            return rules
        lock = self._locks.setdefault(key, asyncio.Lock())
        async with lock:
            rules = self._rules.get(key)
            if rules is None or rules.expires <= time.monotonic():
                status, body = await self._load(key)
                rules = rules_from_response(status, body, time.monotonic())
                if len(self._rules) >= MAX_HOSTS:
                    self._forget_expired()
                self._rules[key] = rules
        return rules

    def _forget_expired(self) -> None:
        now = time.monotonic()
        for key in [k for k, r in self._rules.items() if r.expires <= now]:
            del self._rules[key]
            lock = self._locks.get(key)
            if lock is not None and not lock.locked():
                del self._locks[key]

    async def allowed(self, url: str) -> bool:
        return (await self._rules_for(url)).allows(url, self._agent)

    async def refusal(self, url: str) -> str:
        """"" when `url` may be fetched, else why not."""
        rules = await self._rules_for(url)
        if rules.allows(url, self._agent):
            return ""
        return rules.note or "robots.txt disallows it"

    async def crawl_delay(self, url: str) -> float | None:
        return (await self._rules_for(url)).crawl_delay(self._agent)
