"""The misbehaving hosts answer as documented (their effect on fetching is tested in test_fetch.py)."""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web

from hashwire.newsroom.misbehave import BROKEN, ETAG, add_routes


@pytest.fixture
async def base() -> AsyncIterator[str]:
    app = web.Application()
    add_routes(app)
    runner = web.AppRunner(app, shutdown_timeout=0.1)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"  # type: ignore[union-attr]
    await runner.cleanup()


async def test_index_lists_every_misbehaviour(base: str) -> None:
    async with aiohttp.ClientSession() as session, session.get(base + "/bad/") as resp:
        listing = await resp.json()
    for path in ("/bad/slow-drip", "/bad/429", "/bad/503", "/bad/conditional", "/bad/gzip-bomb",
                 "/bad/brotli-bomb", "/bad/huge", "/bad/changing-guids", "/bad/broken/{how}"):
        assert path in listing["routes"]
    assert set(listing["broken"]) == set(BROKEN)


async def test_bombs_are_small_on_the_wire(base: str) -> None:
    async with aiohttp.ClientSession(auto_decompress=False) as session:
        async with session.get(base + "/bad/gzip-bomb?mb=8") as resp:
            wire = await resp.read()
            assert resp.headers["Content-Encoding"] == "gzip"
        async with session.get(base + "/bad/brotli-bomb?mb=8") as resp:
            assert len(await resp.read()) < 2048 and resp.headers["Content-Encoding"] == "br"
    assert len(wire) < 64 * 1024 and len(gzip.decompress(wire)) == 8 * 1024 * 1024


async def test_conditional_and_status_routes(base: str) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(base + "/bad/conditional", headers={"If-None-Match": ETAG}) as resp:
            assert resp.status == 304
        async with session.get(base + "/bad/429?after=7") as resp:
            assert resp.status == 429 and resp.headers["Retry-After"] == "7"
        async with session.get(base + "/bad/redirect-loop/a", allow_redirects=False) as resp:
            assert resp.status == 302 and resp.headers["Location"] == "/bad/redirect-loop/b"
        async with session.get(base + "/bad/changing-guids") as one, session.get(base + "/bad/changing-guids") as two:
            assert await one.read() != await two.read()
