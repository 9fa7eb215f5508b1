"""The polling loop shared by `hashwire worker` and `hashwire run`."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from .errors import StoreError
from .ingest import Ingester

log = logging.getLogger("hashwire.worker")


async def run_worker(ingester: Ingester, *, once: bool = False, idle_seconds: float = 5.0,
                     should_stop: Callable[[], bool] = lambda: False) -> None:
    """Claim due sources and crawl them until stopped; a store error is logged and retried."""
    backoff = 1.0
    while not should_stop():
        try:
            report = await ingester.crawl(force=False)
        except StoreError as exc:
            log.error("store unavailable, retrying in %.0fs: %s", backoff, exc)
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 60.0)
            continue
        backoff = 1.0
        if report.sources:
            log.info("crawled %d sources: %d new articles, %d duplicates folded, %d failed",
                     report.sources, report.articles_new, report.duplicates_folded, report.sources_failed)
        if once:
            return
        if not report.sources:
            for _ in range(max(1, int(idle_seconds * 10))):
                if should_stop():
                    return
                await asyncio.sleep(0.1)
