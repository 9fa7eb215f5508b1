"""The web application: routes, middleware and the one error handler.

    create_app(store, config) -> Starlette

Middleware, outermost first: security headers, request metrics, per-client rate limit (API), response
cache (pages, API and feeds; invalidated by the store's generation). Handlers that read the store are
plain functions, which Starlette runs in its thread pool, so a slow query (PostgreSQL over a network)
never stalls the event loop, and cache hits never reach them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from ..config import Config
from ..errors import HashwireError
from ..store.base import Store
from .api import Api, ORJSONResponse
from .cache import Generation, ResponseCacheMiddleware
from .i18n import languages
from .metrics import REGISTRY, Registry, RequestMetricsMiddleware
from .openapi import openapi_document
from .pages import Pages
from .ratelimit import RateLimitMiddleware
from .resources import Site
from .security import SECURITY_HEADERS, SecurityHeadersMiddleware
from .seo import Seo
from .syndication import Feeds

STATIC = Path(__file__).with_name("static")
DEFAULT_RATE_LIMIT = (20.0, 120)  # tokens per second, burst, per client address
FROM_CONFIG: Any = object()


def configured_rate_limit(config: Config) -> tuple[float, int] | None:
    """Settings `api_rate_limit` (requests per second per client, 0 = off) and `api_burst`, when the
    settings table has them; else DEFAULT_RATE_LIMIT."""
    rate = float(getattr(config, "api_rate_limit", DEFAULT_RATE_LIMIT[0]))
    burst = int(getattr(config, "api_burst", DEFAULT_RATE_LIMIT[1]))
    return (rate, burst) if rate > 0 else None


def create_app(store: Store, config: Config, *, rate_limit: tuple[float, int] | None = FROM_CONFIG,
               registry: Registry | None = None, cache_seconds: float = 60.0,
               generation_check_seconds: float = 1.0) -> Starlette:
    """The site, API and feeds over `store`. `rate_limit=None` turns the API limit off (benchmarks);
    `registry` collects the metrics served at /metrics (default: the process-wide REGISTRY)."""
    registry = registry or REGISTRY
    if rate_limit is FROM_CONFIG:
        rate_limit = configured_rate_limit(config)
    generation = Generation(store, check_interval=generation_check_seconds)
    site = Site(store, config, generation)
    pages, api, feeds, seo = Pages(site), Api(site), Feeds(site), Seo(site)
    openapi = orjson.dumps(openapi_document(config.base_url, config.site_name))

    async def openapi_json(request: Request) -> Response:
        return Response(openapi, media_type="application/json", headers={"cache-control": "public, max-age=3600"})

    async def api_docs(request: Request) -> Response:
        ctx = pages.context(request, languages()["en"])
        ctx.update(page_title="API", noindex=config.noindex)
        return pages.render("api_docs.html", ctx)

    def healthz(request: Request) -> Response:
        try:
            generation.invalidate()
            current = generation.current()
        except Exception as exc:  # the probe answers for the store rather than failing with it
            return ORJSONResponse({"status": "error", "error": str(exc)[:300]}, status_code=503,
                                  headers={"cache-control": "no-store"})
        return ORJSONResponse({"status": "ok", "generation": current}, headers={"cache-control": "no-store"})

    def metrics(request: Request) -> Response:
        return PlainTextResponse(registry.render(), media_type="text/plain; version=0.0.4",
                                 headers={"cache-control": "no-store"})

    def store_counts() -> dict[tuple[str, ...], float]:
        return {(kind,): float(n) for kind, n in store.counts().items()}

    registry.gauge_callback("hashwire_store_objects", "Objects in the store by kind.", store_counts, ("kind",))

    def source_states() -> dict[tuple[str, ...], float]:
        return {(state,): float(n) for state, n in store.source_states(datetime.now(UTC)).items()}

    registry.gauge_callback("hashwire_sources", "Sources by polling state (due, leased, waiting, disabled; failing overlaps them).",
                            source_states, ("state",))
    registry.gauge_callback("hashwire_store_bytes", "Bytes the store occupies.",
                            lambda: {(): float(store.size_bytes())}, ())

    def error_response(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/"):
            return ORJSONResponse({"error": {"status": status, "message": message}}, status_code=status,
                                  headers={"cache-control": "no-store"})
        return pages.error(request, status)

    async def known_error(request: Request, exc: Exception) -> Response:
        if isinstance(exc, HashwireError):
            return error_response(request, exc.status, str(exc) or "error")
        assert isinstance(exc, HTTPException)
        response = error_response(request, exc.status_code, exc.detail)
        for name, value in (exc.headers or {}).items():  # e.g. Allow on a 405
            response.headers[name] = value
        return response

    async def server_error(request: Request, exc: Exception) -> Response:
        response = error_response(request, 500, "internal error")
        for name, value in SECURITY_HEADERS:  # this answer leaves outside the header middleware
            response.headers[name.decode()] = value.decode()
        return response

    lang_routes = [
        Route("/{lang}/", pages.home),
        Route("/{lang}/hashtag/{tag}", pages.hashtag),
        Route("/{lang}/hashtag/{tag}/feed.{fmt}", feeds.hashtag),
        Route("/{lang}/article/{id}", pages.article),
        Route("/{lang}/story/{id}", pages.story),
        Route("/{lang}/story/{id}/feed.{fmt}", feeds.story),
        Route("/{lang}/source/{slug}", pages.source),
        Route("/{lang}/source/{slug}/feed.{fmt}", feeds.source),
        Route("/{lang}/category/{name}", pages.category),
        Route("/{lang}/category/{name}/feed.{fmt}", feeds.category),
        Route("/{lang}/search", pages.search),
        Route("/{lang}/search/feed.{fmt}", feeds.search),
    ]
    routes = [
        Route("/", pages.home),
        Route("/healthz", healthz),
        Route("/metrics", metrics),
        Route("/robots.txt", seo.robots),
        Route("/sitemap.xml", seo.sitemap),
        Route("/sitemap-news.xml", seo.news_sitemap),
        Route("/sitemap-pages.xml", seo.pages_sitemap),
        Route("/sitemap-{day}.xml", seo.day_sitemap),
        Route("/api/docs", api_docs),
        Route("/api/v1/openapi.json", openapi_json),
        Route("/api/v1/articles", api.articles),
        Route("/api/v1/articles/{id}", api.article),
        Route("/api/v1/stories", api.stories),
        Route("/api/v1/stories/{id}", api.story),
        Route("/api/v1/hashtags/{tag}", api.hashtag),
        Route("/api/v1/trending", api.trending),
        Route("/api/v1/sources", api.sources),
        Route("/api/v1/categories", api.categories),
        Route("/api/v1/languages", api.languages),
        Route("/api/v1/search", api.search),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
        *lang_routes,
    ]
    middleware = [
        Middleware(SecurityHeadersMiddleware, noindex=bool(config.noindex)),
        Middleware(RequestMetricsMiddleware, registry=registry),
    ]
    if rate_limit is not None:
        middleware.append(Middleware(RateLimitMiddleware, rate=rate_limit[0], burst=rate_limit[1]))
    if cache_seconds > 0:  # 0 turns the response cache off (every request renders; for measurements)
        lookups = registry.counter("hashwire_web_cache_total", "Response cache lookups by result.", ("result",))
        middleware.append(Middleware(ResponseCacheMiddleware, generation=generation, max_age=cache_seconds,
                                     counter=lookups))
    app = Starlette(routes=routes, middleware=middleware, exception_handlers={
        HashwireError: known_error, HTTPException: known_error, Exception: server_error})
    app.state.site = site
    app.state.generation = generation
    return app
