"""Runs the web app under uvicorn, optionally with the ingest loop in the same process."""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn

from .config import Config
from .ingest import Ingester
from .workers import run_worker


def server_config(app: Any, config: Config, *, host: str | None = None, port: int | None = None) -> uvicorn.Config:
    """uvicorn's settings: forwarded headers are believed from `trusted_proxies` only, so behind a load
    balancer each reader keeps their own address (and rate-limit bucket) and nobody else can claim one."""
    return uvicorn.Config(app, host=host or config.host, port=port or config.port, log_level="warning",
                          access_log=False, lifespan="on", proxy_headers=True,
                          forwarded_allow_ips=str(config.trusted_proxies))


def serve_forever(store: Any, config: Config, *, host: str | None = None, port: int | None = None,
                  ingester: Ingester | None = None) -> None:
    from .web.app import create_app

    app = create_app(store, config)
    server = uvicorn.Server(server_config(app, config, host=host, port=port))

    async def main() -> None:
        jobs = [server.serve()]
        if ingester is not None:
            jobs.append(run_worker(ingester, should_stop=lambda: server.should_exit))
        await asyncio.gather(*jobs)

    asyncio.run(main())
