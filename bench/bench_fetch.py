"""Fetching: client CPU per request against a loopback server, and a crawl of 1,000 feeds.

The server (the simulated newsroom with 1,000 outlets, or generated feeds without it) runs in a
separate process so that only the client's CPU is counted. Peers measured in the same run: a bare
aiohttp session (no guard, no caps) and httpx.AsyncClient. The crawl fetches and parses the 1,000
outlets' feeds (listed by the newsroom's OPML) through one Fetcher, as a crawl worker does.
"""

from __future__ import annotations

import asyncio
import resource
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable

import aiohttp
import httpx

from hashwire.config import Config
from hashwire.feeds import parse_feed, parse_opml
from hashwire.fetch import Fetcher

REQUESTS = 2000
CONCURRENCY = 16
FEEDS = 1000

SERVER = r"""
import sys
from aiohttp import web
from hashwire.newsroom.misbehave import feed_xml

BASE = "http://127.0.0.1"
small = feed_xml(BASE, items=5)
cache = {}

async def small_feed(request):
    return web.Response(body=small, content_type="application/rss+xml")

async def outlet_feed(request):
    n = int(request.match_info["n"])
    body = cache.get(n)
    if body is None:
        body = cache[n] = feed_xml(f"{BASE}/o{n}", items=40, title=f"Outlet {n}")
    return web.Response(body=body, content_type="application/rss+xml")

app = web.Application()
app.router.add_get("/small.xml", small_feed)
app.router.add_get("/outlet/{n}.xml", outlet_feed)

async def main():
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(site._server.sockets[0].getsockname()[1], flush=True)
    import asyncio
    await asyncio.Event().wait()

import asyncio
asyncio.run(main())
"""

# the simulated newsroom with 1,000 outlets, when it is available; misbehave's /bad/feed.xml is the small feed
NEWSROOM_SERVER = r"""
import asyncio
from aiohttp import web
from hashwire.newsroom.room import Newsroom
from hashwire.newsroom.server import build_app

async def main():
    runner = web.AppRunner(build_app(Newsroom(seed=7, outlets=1000, days=1)), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    print(site._server.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()

asyncio.run(main())
"""


async def run_many(fetch_one: Callable[[str], Awaitable[int]], url: str, n: int) -> tuple[float, float]:
    sem = asyncio.Semaphore(CONCURRENCY)

    async def one() -> int:
        async with sem:
            return await fetch_one(url)

    await asyncio.gather(*(one() for _ in range(50)))  # warm-up: connections, imports
    cpu, wall = time.process_time(), time.perf_counter()
    sizes = await asyncio.gather(*(one() for _ in range(n)))
    assert all(sizes)
    return time.process_time() - cpu, time.perf_counter() - wall


async def per_request(base: str, small: str) -> None:
    url = base + small
    cfg = Config({"allow_private_networks": True, "per_host_concurrency": CONCURRENCY,
                  "concurrency": CONCURRENCY}, environ={})
    rows = []
    async with Fetcher(cfg) as fetcher:
        async def ours(u: str) -> int:
            return len((await fetcher.fetch(u)).body)
        rows.append(("hashwire Fetcher", *await run_many(ours, url, REQUESTS)))
    async with aiohttp.ClientSession() as session:
        async def bare(u: str) -> int:
            async with session.get(u) as resp:
                return len(await resp.read())
        rows.append(("aiohttp session (bare)", *await run_many(bare, url, REQUESTS)))
    async with httpx.AsyncClient(limits=httpx.Limits(max_connections=CONCURRENCY)) as client:
        async def hx(u: str) -> int:
            return len((await client.get(u)).content)
        # fewer requests for httpx: it is slow enough that the same count would dominate the run
        rows.append(("httpx AsyncClient", *await run_many(hx, url, REQUESTS // 4)))
    print(f"\nclient CPU per request: GETs of a 5-item feed ({REQUESTS}; httpx {REQUESTS // 4}), "
          f"{CONCURRENCY} in flight, loopback")
    print(f"{'client':<24} {'CPU ms/req':>10} {'req/s wall':>11}")
    counts = (REQUESTS, REQUESTS, REQUESTS // 4)
    per_req = [cpu / n for (_, cpu, _), n in zip(rows, counts, strict=True)]
    for (name, _, wall), n, each in zip(rows, counts, per_req, strict=True):
        print(f"{name:<24} {1000 * each:>10.3f} {n / wall:>11.0f}")
    print(f"hashwire vs httpx CPU per request: {per_req[2] / per_req[0]:.1f}x less; overhead vs bare aiohttp: "
          f"{per_req[0] / per_req[1]:.2f}x")


async def crawl(urls: list[str], label: str) -> None:
    cfg = Config({"allow_private_networks": True, "per_host_concurrency": 32, "concurrency": 32}, environ={})
    items = 0
    failures = 0
    cpu, wall = time.process_time(), time.perf_counter()
    parse_cpu = 0.0
    async with Fetcher(cfg) as fetcher:
        async def one(url: str) -> int:
            nonlocal parse_cpu
            result = await fetcher.fetch(url)
            started = time.process_time()
            count = len(parse_feed(result.body, result.url, result.headers.get("content-type", "")).entries)
            parse_cpu += time.process_time() - started
            return count
        for outcome in await asyncio.gather(*(one(u) for u in urls), return_exceptions=True):
            if isinstance(outcome, BaseException):
                failures += 1
            else:
                items += outcome
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\ncrawl of {len(urls)} {label}: fetch + parse, 32 in flight (server in another process)")
    print(f"{'wall s':>7} {'CPU s':>7} {'parse CPU s':>11} {'feeds/s':>8} {'items':>7} {'failed':>6} {'peak RSS MB':>11}")
    print(f"{wall:>7.2f} {cpu:>7.2f} {parse_cpu:>11.2f} {len(urls) / wall:>8.0f} {items:>7} {failures:>6} "
          f"{peak_mb:>11.0f}")


async def newsroom_feed_urls(base: str) -> list[str]:
    cfg = Config({"allow_private_networks": True}, environ={})
    async with Fetcher(cfg) as fetcher:
        opml = await fetcher.fetch(base + "/opml.xml")
    return [s.url for s in parse_opml(opml.body)]


def serve(script: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    return proc, f"http://127.0.0.1:{int(proc.stdout.readline())}"


def main() -> int:
    try:
        import hashwire.newsroom.server  # noqa: F401
        script, small, label = NEWSROOM_SERVER, "/bad/feed.xml", "newsroom feeds"
    except ImportError:
        script, small, label = SERVER, "/small.xml", "generated feeds (40 items each)"
    proc, base = serve(script)
    try:
        asyncio.run(per_request(base, small))
        if script is NEWSROOM_SERVER:
            urls = asyncio.run(newsroom_feed_urls(base))
        else:
            urls = [f"{base}/outlet/{n}.xml" for n in range(FEEDS)]
        asyncio.run(crawl(urls[:FEEDS], label))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
