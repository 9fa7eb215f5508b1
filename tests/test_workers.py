"""The polling loop of `hashwire worker`: crawls due sources, stops when asked, outlives store outages."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hashwire.config import Config
from hashwire.ingest import Ingester
from hashwire.models import Source
from hashwire.newsroom import Newsroom, serve_in_thread
from hashwire.store import open_store
from hashwire.workers import run_worker


@pytest.fixture(scope="module")
def running() -> Iterator[Any]:
    with serve_in_thread(Newsroom(seed=8, outlets=3, days=1, per_day=3)) as room:
        yield room


def config(db: Path) -> Config:
    return Config({"db": f"sqlite:///{db}", "allow_private_networks": True}, environ={})


def test_one_pass_crawls_every_due_source(running: Any, tmp_path: Path) -> None:
    cfg = config(tmp_path / "w.db")
    store = open_store(cfg.db)
    try:
        for url in running.feed_urls:
            store.add_source(Source(url=url))
        asyncio.run(run_worker(Ingester(store, cfg), once=True))
        assert store.counts()["articles"] >= 9
        assert all(s.last_status == "ok" for s in store.list_sources())
        assert store.source_states(running.newsroom.now)["leased"] == 0  # leases released
    finally:
        store.close()


def test_idle_worker_polls_until_told_to_stop(running: Any, tmp_path: Path) -> None:
    cfg = config(tmp_path / "idle.db")
    store = open_store(cfg.db)
    checks = 0

    def stop() -> bool:
        nonlocal checks
        checks += 1
        return checks > 5

    try:
        asyncio.run(asyncio.wait_for(run_worker(Ingester(store, cfg), idle_seconds=60, should_stop=stop), 10))
        assert checks == 6  # no sources: it idles in short steps and notices the stop request
    finally:
        store.close()


def test_store_errors_are_logged_and_retried(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cfg = config(tmp_path / "gone.db")
    store = open_store(cfg.db)
    ingester = Ingester(store, cfg)
    store.close()  # every store call now fails with StoreError
    calls = 0

    def stop() -> bool:
        nonlocal calls
        calls += 1
        return calls > 2

    with caplog.at_level(logging.ERROR, logger="hashwire.worker"):
        asyncio.run(asyncio.wait_for(run_worker(ingester, should_stop=stop), 10))
    failures = [r.getMessage() for r in caplog.records if "store unavailable" in r.getMessage()]
    assert len(failures) == 2 and "retrying in 1s" in failures[0] and "retrying in 2s" in failures[1]
