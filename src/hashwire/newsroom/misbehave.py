"""Misbehaving hosts for the newsroom: every way a feed server can be slow, rude, broken or hostile.

`add_routes(app)` registers them under /bad/...; GET /bad/ lists them. Each answers the same way
every time (except /bad/changing-guids, whose point is to change), so tests can assert outcomes.
"""

from __future__ import annotations

import asyncio
import gzip
import itertools
from email.utils import formatdate
from functools import cache

from aiohttp import web

FEED_TYPE = "application/rss+xml"
ETAG = '"bad-conditional-v1"'
LAST_MODIFIED = "Sun, 01 Nov 2026 12:00:00 GMT"
BLOCKED_TARGETS = {"metadata": "http://169.254.169.254/latest/meta-data/", "loopback": "http://127.0.0.1:1/",
                   "private": "http://10.0.0.1/feed.xml", "ipv6-mapped": "http://[::ffff:127.0.0.1]/",
                   "scheme": "file:///etc/passwd"}
_counter = itertools.count(1)


def feed_xml(base: str, items: int = 5, *, guid_salt: str = "", title: str = "Misbehaving outlet") -> bytes:
    """A small valid RSS 2.0 feed whose links point under `base`."""
    parts = []
    for i in range(items):
        link = f"{base}/bad/articles/{i}"
        guid = f"{link}#{guid_salt}" if guid_salt else link
        parts.append(f"<item><title>Item {i}</title><link>{link}</link><guid isPermaLink=\"false\">{guid}</guid>"
                     f"<pubDate>{formatdate(1793534400 - 3600 * i, usegmt=True)}</pubDate>"
                     f"<description>Body of item {i}.</description></item>")
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
            f"<link>{base}/bad/</link><ttl>30</ttl>{''.join(parts)}</channel></rss>").encode()


def _base(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}"


def _int(request: web.Request, name: str, default: int, low: int, high: int) -> int:
    try:
        return max(low, min(high, int(request.query.get(name, default))))
    except ValueError:
        return default


@cache
def _gzip_bomb(megabytes: int) -> bytes:
    return gzip.compress(b"\0" * (megabytes * 1024 * 1024), compresslevel=9)


@cache
def _brotli_bomb(megabytes: int) -> bytes:
    import brotli

    return bytes(brotli.compress(b"\0" * (megabytes * 1024 * 1024), quality=5))


# broken XML, each the way real feeds break
BROKEN: dict[str, bytes] = {
    "truncated": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Cut</title>'
                 b"<item><title>One</title><link>http://example.com/1</link></item>"
                 b"<item><title>Two</title><link>http://example.com/2</link></item>"
                 b"<item><title>Thr",
    "entities": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Caf&eacute; &amp; more&nbsp;news</title>'
                b"<item><title>Se&ntilde;or &mdash; &hellip; &bogus;</title><link>http://example.com/1</link></item>"
                b"<item><title>R&D</title><link>http://example.com/2?a=1&b=2</link></item></channel></rss>",
    "control-chars": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Ctl\x01\x02</title>'
                     b"<item><title>Bell\x07 inside</title><link>http://example.com/1</link></item>"
                     b"<item><title>Form\x0cfeed</title><link>http://example.com/2</link></item></channel></rss>",
    # declared UTF-8 but written in Latin-1
    "encoding": '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Déjà vu</title>'
                "<item><title>Crème brûlée</title><link>http://example.com/1</link></item>"
                "</channel></rss>".encode("latin-1"),
    "external-entity": b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/passwd">'
                       b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                       b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
                       b'<rss version="2.0"><channel><title>T &leak; &c;</title>'
                       b"<item><title>X</title><link>http://example.com/1</link></item></channel></rss>",
    "not-xml": b"<html><body><h1>Oops, this is a web page</h1></body></html>",
}


async def index(request: web.Request) -> web.Response:
    routes = sorted({r.resource.canonical for r in request.app.router.routes()
                     if r.resource is not None and r.resource.canonical.startswith("/bad/")})
    return web.json_response({"routes": routes, "broken": sorted(BROKEN), "blocked": sorted(BLOCKED_TARGETS)})


async def ok_feed(request: web.Request) -> web.Response:
    return web.Response(body=feed_xml(_base(request)), content_type=FEED_TYPE)


async def article(request: web.Request) -> web.Response:
    n = request.match_info["n"]
    return web.Response(text=f"<html><head><title>Item {n}</title></head><body><article><h1>Item {n}</h1>"
                        f"<p>Body of item {n}.</p></article></body></html>", content_type="text/html")


async def slow_drip(request: web.Request) -> web.StreamResponse:
    """Sends headers at once, then one byte every `interval` ms for up to `seconds`."""
    interval = _int(request, "interval_ms", 200, 10, 5000) / 1000
    seconds = _int(request, "seconds", 60, 1, 600)
    resp = web.StreamResponse(headers={"Content-Type": FEED_TYPE})
    await resp.prepare(request)
    body = feed_xml(_base(request), items=50)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    try:
        for byte in body:
            if loop.time() > deadline:
                break
            await resp.write(bytes([byte]))
            await asyncio.sleep(interval)
    except (ConnectionError, asyncio.CancelledError):  # the client gave up: that is the point
        return resp
    return resp


async def stall(request: web.Request) -> web.Response:
    """Accepts the request and says nothing for `seconds`."""
    await asyncio.sleep(_int(request, "seconds", 60, 1, 600))
    return await ok_feed(request)


async def too_many(request: web.Request) -> web.Response:
    after = request.query.get("after", "120")
    return web.Response(status=429, text="slow down", headers={"Retry-After": after})


async def unavailable(request: web.Request) -> web.Response:
    after = request.query.get("after", "300")
    return web.Response(status=503, text="down for maintenance", headers={"Retry-After": after})


async def server_error(request: web.Request) -> web.Response:
    return web.Response(status=500, text="internal error")


async def gone(request: web.Request) -> web.Response:
    return web.Response(status=410, text="gone")


async def conditional(request: web.Request) -> web.Response:
    """Answers 304 to a matching If-None-Match or an If-Modified-Since at or after its Last-Modified."""
    headers = {"ETag": ETAG, "Last-Modified": LAST_MODIFIED, "Cache-Control": "max-age=1800"}
    if_none = request.headers.get("If-None-Match", "")
    since = request.if_modified_since
    if (if_none and ETAG in [t.strip() for t in if_none.split(",")]) or (
            not if_none and since is not None and since.timestamp() >= 1793534400):
        return web.Response(status=304, headers=headers)
    return web.Response(body=feed_xml(_base(request)), content_type=FEED_TYPE, headers=headers)


async def redirect_chain(request: web.Request) -> web.Response:
    n = int(request.match_info["n"])
    if n <= 0:
        return await ok_feed(request)
    raise web.HTTPFound(f"/bad/redirect-chain/{n - 1}")


async def redirect_loop(request: web.Request) -> web.Response:
    other = "b" if request.match_info["side"] == "a" else "a"
    raise web.HTTPFound(f"/bad/redirect-loop/{other}")


async def redirect_moved(request: web.Request) -> web.Response:
    raise web.HTTPMovedPermanently("/bad/feed.xml")


async def redirect_blocked(request: web.Request) -> web.Response:
    target = BLOCKED_TARGETS.get(request.match_info.get("target", "metadata"))
    if target is None:
        raise web.HTTPNotFound()
    raise web.HTTPFound(target)


async def gzip_bomb(request: web.Request) -> web.Response:
    body = _gzip_bomb(_int(request, "mb", 32, 1, 1024))
    return web.Response(body=body, headers={"Content-Type": FEED_TYPE, "Content-Encoding": "gzip"})


async def brotli_bomb(request: web.Request) -> web.Response:
    body = _brotli_bomb(_int(request, "mb", 32, 1, 1024))
    return web.Response(body=body, headers={"Content-Type": FEED_TYPE, "Content-Encoding": "br"})


async def huge(request: web.Request) -> web.StreamResponse:
    """`mb` megabytes of a feed that never ends; `declared=1` also sends the Content-Length."""
    size = _int(request, "mb", 64, 1, 4096) * 1024 * 1024
    headers = {"Content-Type": FEED_TYPE}
    if request.query.get("declared") == "1":
        headers["Content-Length"] = str(size)
    resp = web.StreamResponse(headers=headers)
    await resp.prepare(request)
    chunk = b"<item><title>filler</title></item>" * 2000
    sent = 0
    try:
        while sent < size:
            part = chunk[: size - sent]
            await resp.write(part)
            sent += len(part)
    except (ConnectionError, asyncio.CancelledError):  # the client gave up: that is the point
        return resp
    return resp


async def short_body(request: web.Request) -> web.StreamResponse:
    """Promises 10,000 bytes, sends 200, and hangs up."""
    resp = web.StreamResponse(headers={"Content-Type": FEED_TYPE})
    resp.content_length = 10_000
    await resp.prepare(request)
    await resp.write(feed_xml(_base(request))[:200])
    if request.transport is not None:
        request.transport.close()
    return resp


async def gzip_members(request: web.Request) -> web.Response:
    """A gzip body in two members with junk after them (legal, and once a way to hang a decoder)."""
    body = feed_xml(_base(request))
    wire = gzip.compress(body[:100]) + gzip.compress(body[100:]) + b"\0junk after the stream" * 50
    return web.Response(body=wire, headers={"Content-Type": FEED_TYPE, "Content-Encoding": "gzip"})


async def corrupt_gzip(request: web.Request) -> web.Response:
    body = gzip.compress(feed_xml(_base(request)))
    return web.Response(body=body[:20] + b"\xff" * 40 + body[60:],
                        headers={"Content-Type": FEED_TYPE, "Content-Encoding": "gzip"})


async def wrong_type(request: web.Request) -> web.Response:
    kind = request.match_info.get("kind", "image")
    if kind == "html":  # a feed served as text/html: common, and still a feed
        return web.Response(body=feed_xml(_base(request)), content_type="text/html")
    return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 64, content_type="image/png")


async def broken(request: web.Request) -> web.Response:
    body = BROKEN.get(request.match_info["how"])
    if body is None:
        raise web.HTTPNotFound()
    return web.Response(body=body, content_type=FEED_TYPE)


async def changing_guids(request: web.Request) -> web.Response:
    """The same items every time, with GUIDs that change on every fetch."""
    return web.Response(body=feed_xml(_base(request), guid_salt=f"fetch-{next(_counter)}"), content_type=FEED_TYPE)


async def repeated_guid(request: web.Request) -> web.Response:
    """Different items that all carry one GUID."""
    items = [f"<item><title>Item {i}</title><link>{_base(request)}/bad/articles/{i}</link><guid>same</guid></item>"
             for i in range(4)]
    body = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>One GUID</title>{"".join(items)}'
            f"</channel></rss>").encode()
    return web.Response(body=body, content_type=FEED_TYPE)


def add_routes(app: web.Application) -> None:
    """Register the misbehaving hosts under /bad/ on the newsroom's (or a test's) application."""
    r = app.router
    r.add_get("/bad/", index)
    r.add_get("/bad/feed.xml", ok_feed)
    r.add_get("/bad/articles/{n}", article)
    r.add_get("/bad/slow-drip", slow_drip)
    r.add_get("/bad/stall", stall)
    r.add_get("/bad/429", too_many)
    r.add_get("/bad/503", unavailable)
    r.add_get("/bad/500", server_error)
    r.add_get("/bad/410", gone)
    r.add_get("/bad/conditional", conditional)
    r.add_get("/bad/redirect-chain/{n:\\d+}", redirect_chain)
    r.add_get("/bad/redirect-loop/{side:[ab]}", redirect_loop)
    r.add_get("/bad/moved", redirect_moved)
    r.add_get("/bad/redirect-blocked/{target}", redirect_blocked)
    r.add_get("/bad/gzip-bomb", gzip_bomb)
    r.add_get("/bad/brotli-bomb", brotli_bomb)
    r.add_get("/bad/huge", huge)
    r.add_get("/bad/corrupt-gzip", corrupt_gzip)
    r.add_get("/bad/gzip-members", gzip_members)
    r.add_get("/bad/short-body", short_body)
    r.add_get("/bad/wrong-type/{kind}", wrong_type)
    r.add_get("/bad/broken/{how}", broken)
    r.add_get("/bad/changing-guids", changing_guids)
    r.add_get("/bad/repeated-guid", repeated_guid)
