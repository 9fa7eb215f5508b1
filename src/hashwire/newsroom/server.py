"""The newsroom's HTTP server (aiohttp): every outlet under /<slug>/ on one loopback host.

Responses are rendered once and kept in an LRU; each carries an ETag and Last-Modified and a conditional
GET that matches gets 304.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import hashlib
import importlib
import logging
import struct
import threading
import zlib
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from aiohttp import web

from . import feeds_out, pages
from .events import KIND_BY_KEY, SECTIONS
from .room import Newsroom

log = logging.getLogger(__name__)

HTML = "text/html; charset=utf-8"
ROBOTS = "User-agent: *\nDisallow: /admin/\nDisallow: /bad/private/\n"
CSS = "body{font-family:sans-serif;max-width:60em;margin:auto}.cookie-consent{position:fixed;bottom:0}\n"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00" + b"\x90\x90\x90" * 4
    pixels = zlib.compress(raw * 3)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 3, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", pixels) + chunk(b"IEND", b""))


PNG = _png()


@dataclass(slots=True)
class Rendered:
    body: bytes
    content_type: str
    modified: datetime | None
    etag: str = field(init=False)
    _gzipped: bytes | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.etag = '"' + hashlib.blake2b(self.body, digest_size=10).hexdigest() + '"'

    def gzipped(self) -> bytes:
        """The body gzip-compressed, once (mtime 0 keeps the bytes the same from run to run)."""
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.body, compresslevel=6, mtime=0)
        return self._gzipped


class Site:
    """Routes a path to the page, feed or file it names, rendering each once."""

    def __init__(self, room: Newsroom, cache_size: int = 1024) -> None:
        self.room = room
        self.cache: OrderedDict[tuple[str, str, tuple[int, int]], Rendered | None] = OrderedDict()
        self.cache_size = cache_size

    def get(self, path: str, base: str) -> Rendered | None:
        key = (path, base, self._stamp(path))
        hit = self.cache.get(key, False)
        if hit is not False:
            self.cache.move_to_end(key)
            return hit  # type: ignore[return-value]
        result = self.render(path, base)
        self.cache[key] = result
        if len(self.cache) > self.cache_size:
            self.cache.popitem(last=False)
        return result

    def _stamp(self, path: str) -> tuple[int, int]:
        """What a live newsroom shows under an outlet changes as it publishes: part of the cache key."""
        if not self.room.live:
            return (0, 0)
        outlet = self.room.outlet(path.split("/", 2)[1]) if path.count("/") >= 2 else None
        return self.room.stamp(outlet.index) if outlet is not None else (0, 0)

    def render(self, path: str, base: str) -> Rendered | None:
        room = self.room
        if path == "/":
            return Rendered(pages.index_page(room, base).encode(), HTML, room.now)
        if path == "/opml.xml":
            return Rendered(feeds_out.opml(room, base).encode(), "text/x-opml; charset=utf-8", room.now)
        if path == "/robots.txt":
            return Rendered(ROBOTS.encode(), "text/plain; charset=utf-8", None)
        parts = path.split("/")
        outlet = room.outlet(parts[1]) if len(parts) > 2 else None
        if outlet is None:
            return None
        rest = path[len(outlet.slug) + 2:]
        if path == outlet.feed_path:
            body = feeds_out.feed(room, outlet, base)
            latest = room.outlet_articles(outlet.index)[: room.feed_size]
            modified = max((room.modified_of(room.article(i)) for i in latest), default=room.now)
            return Rendered(body.encode(), feeds_out.CONTENT_TYPES[outlet.feed_format], modified)
        if rest == "":
            items = room.outlet_articles(outlet.index)
            return self._listing(outlet.index, items, outlet.name, base)
        if rest == "sitemap-news.xml":
            return Rendered(feeds_out.news_sitemap(room, outlet, base).encode(), "application/xml; charset=utf-8",
                            room.now)
        if rest.endswith("/") and rest[:-1] in SECTIONS:
            section = rest[:-1]
            items = [i for i in room.outlet_articles(outlet.index) if self._section_of(i) == section]
            label = pages.UI[outlet.language]["sections"]
            assert isinstance(label, dict)
            return self._listing(outlet.index, items, str(label[section.title()]), base)
        if rest.startswith("media/") and rest.endswith(".png"):
            return Rendered(PNG, "image/png", None)
        if rest == "static/site.css":
            return Rendered(CSS.encode(), "text/css; charset=utf-8", None)
        if rest == "static/logo.png":
            return Rendered(PNG, "image/png", None)
        i = room.find(path)
        if i is None or room.world.spec(i).outlet != outlet.index or not room.visible(i):
            return None
        article = room.article(i)
        return Rendered(pages.article_page(room, article, base).encode(), HTML, room.modified_of(article))

    def _section_of(self, i: int) -> str:
        return KIND_BY_KEY[self.room.world.plan(self.room.world.story_of(i)).kind].category.lower()

    def _listing(self, outlet: int, items: list[int], heading: str, base: str) -> Rendered:
        room = self.room
        html = pages.listing_page(room, room.outlets[outlet], items, heading, base)
        modified = room.modified_of(room.article(items[0])) if items else room.now
        return Rendered(html.encode(), HTML, modified)


def _not_modified(request: web.Request, page: Rendered) -> bool:
    inm = request.headers.get("If-None-Match")
    if inm is not None:
        return page.etag in {t.strip() for t in inm.split(",")} or inm.strip() == "*"
    ims = request.headers.get("If-Modified-Since")
    if ims and page.modified is not None:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return page.modified.replace(microsecond=0) <= since
    return False


def build_app(room: Newsroom) -> web.Application:
    """The aiohttp application; routes from `misbehave.add_routes` (if that module exists) come first."""
    app = web.Application()
    try:
        misbehave = importlib.import_module(f"{__package__}.misbehave")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.misbehave":
            raise
    else:
        add_routes: Callable[[web.Application], Any] | None = getattr(misbehave, "add_routes", None)
        if add_routes is not None:
            add_routes(app)
    site = Site(room)

    async def handle(request: web.Request) -> web.StreamResponse:
        base = f"{request.scheme}://{request.host}"
        page = site.get(request.path, base)
        if page is None:
            return web.Response(status=404, text="<!DOCTYPE html><title>Not found</title><h1>Page not found</h1>",
                                content_type="text/html", charset="utf-8")
        headers = {"ETag": page.etag, "Cache-Control": "max-age=300"}
        if page.modified is not None:
            headers["Last-Modified"] = format_datetime(page.modified, usegmt=True)
        if _not_modified(request, page):
            return web.Response(status=304, headers=headers)
        headers["Content-Type"] = page.content_type
        if page.content_type.startswith(("image/",)):
            return web.Response(body=page.body, headers=headers)
        headers["Vary"] = "Accept-Encoding"
        if len(page.body) > 1024 and "gzip" in request.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
            return web.Response(body=page.gzipped(), headers=headers)
        return web.Response(body=page.body, headers=headers)

    app.router.add_get("/{tail:.*}", handle)
    return app


class RunningNewsroom:
    """A newsroom served on a loopback port from a background thread (for tests); a context manager."""

    def __init__(self, newsroom: Newsroom, host: str, port: int, *, middlewares: Sequence[Any] = ()) -> None:
        self.newsroom = newsroom
        self._middlewares = list(middlewares)  # extra aiohttp middlewares (tests count requests with them)
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._host = host
        self._thread = threading.Thread(target=self._serve, args=(host, port), name="newsroom", daemon=True)
        self._thread.start()
        self._ready.wait(30)
        if self._error is not None:
            raise self._error
        host_part = f"[{host}]" if ":" in host else host
        self.base_url = f"http://{host_part}:{self.port}"

    def _serve(self, host: str, port: int) -> None:
        loop = self._loop
        asyncio.set_event_loop(loop)
        try:
            app = build_app(self.newsroom)
            app.middlewares.extend(self._middlewares)
            runner = web.AppRunner(app, access_log=None)
            loop.run_until_complete(runner.setup())
            site = web.TCPSite(runner, host, port)
            loop.run_until_complete(site.start())
            self.port = int(runner.addresses[0][1])
            self._runner = runner
        except BaseException as exc:  # handed to the caller's thread
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        loop.run_forever()
        loop.run_until_complete(runner.cleanup())
        loop.close()

    @property
    def opml_url(self) -> str:
        return self.base_url + "/opml.xml"

    @property
    def feed_urls(self) -> list[str]:
        return [self.base_url + o.feed_path for o in self.newsroom.outlets]

    def truth(self) -> dict[str, Any]:
        return self.newsroom.truth(self.base_url)

    def stop(self) -> None:
        if self._thread.is_alive():
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(30)

    def __enter__(self) -> RunningNewsroom:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def serve_in_thread(newsroom: Newsroom, host: str = "127.0.0.1", port: int = 0, *,
                    middlewares: Sequence[Any] = ()) -> RunningNewsroom:
    return RunningNewsroom(newsroom, host, port, middlewares=middlewares)


async def run_server(newsroom: Newsroom, host: str, port: int) -> None:
    """Serve until cancelled."""
    runner = web.AppRunner(build_app(newsroom), access_log=None)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


def run(host: str = "127.0.0.1", port: int = 8080, seed: int = 7, outlets: int = 20, days: int = 3,
        truth_path: str | Path | None = None, per_day: int = 8, live: bool = False) -> None:
    """The `hashwire newsroom` command: write the truth file if asked, then serve until interrupted.

    With `live`, outlets keep publishing by the clock for `days` more days (the truth file written at
    start holds what was published by then)."""
    room = Newsroom(seed=seed, outlets=outlets, days=days, per_day=per_day, live=live)
    base = f"http://{host}:{port}"
    if truth_path:
        room.write_truth(truth_path, base)
    print(f"newsroom: {len(room)} articles from {len(room.outlets)} outlets at {base}/ (OPML: {base}/opml.xml)",
          flush=True)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_server(room, host, port))
