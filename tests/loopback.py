"""Small aiohttp sites on an ephemeral loopback port, for tests that need a server of their own."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@contextlib.asynccontextmanager
async def serve_routes(routes: dict[str, Handler]) -> AsyncIterator[str]:
    """Serve {path: handler} (anything else is a 404); yields the base URL, http://127.0.0.1:PORT."""
    app = web.Application()
    for path, handler in routes.items():
        app.router.add_get(path, handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@contextlib.asynccontextmanager
async def serve_route(path: str, handler: Handler) -> AsyncIterator[str]:
    """One route; yields its full URL."""
    async with serve_routes({path: handler}) as base:
        yield base + path


@contextlib.asynccontextmanager
async def serve_pages(pages: dict[str, tuple[str, str]]) -> AsyncIterator[str]:
    """Static pages {path: (content type, body)}; yields the base URL."""

    def page(content_type: str, body: str) -> Handler:
        async def handle(_request: web.Request) -> web.Response:
            return web.Response(text=body, content_type=content_type)
        return handle

    async with serve_routes({path: page(*spec) for path, spec in pages.items()}) as base:
        yield base
