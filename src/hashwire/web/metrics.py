"""Request metrics for the web app; the registry itself is hashwire.metrics (shared with ingest)."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..metrics import REGISTRY, Counter, Registry

__all__ = ["REGISTRY", "Counter", "Registry", "RequestMetricsMiddleware"]


class RequestMetricsMiddleware:
    """Counts requests and their latency by route template (not by raw path, to keep series few)."""

    def __init__(self, app: ASGIApp, registry: Registry) -> None:
        self.app = app
        self.requests = registry.counter("hashwire_http_requests_total", "HTTP requests served.",
                                         ("route", "method", "status"))
        self.latency = registry.histogram("hashwire_http_request_duration_seconds",
                                          "Time to answer an HTTP request.", ("route",))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_and_note(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        finally:
            route = scope.get("hashwire.route") or getattr(scope.get("route"), "path", None) or "unmatched"
            self.requests.inc(route=route, method=scope["method"], status=str(status))
            self.latency.observe(time.perf_counter() - started, route=route)
