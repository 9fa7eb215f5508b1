"""`hashwire demo`: the local newsroom, crawled into a fresh SQLite store, then the site."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from pathlib import Path

from rich.console import Console

from . import truthcheck
from .config import Config
from .ingest import Ingester
from .models import Source
from .store import open_store


def run_demo(*, check: bool, db_path: str, port: int, seed: int, outlets: int, days: int,
             keep: bool = False) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .newsroom import Newsroom, serve_in_thread

    console = Console(stderr=check)
    started = time.monotonic()
    if not keep:
        for suffix in ("", "-wal", "-shm"):
            Path(db_path + suffix).unlink(missing_ok=True)
    config = Config({"db": f"sqlite:///{db_path}", "allow_private_networks": True,
                     "per_host_concurrency": 8, "port": port})
    room = Newsroom(seed=seed, outlets=outlets, days=days)
    with serve_in_thread(room) as running:
        store = open_store(config.db)
        try:
            for url in running.feed_urls:
                store.add_source(Source(url=url))
            console.print(f"newsroom: {len(running.feed_urls)} outlets at {running.base_url}")
            ingester = Ingester(store, config)
            with Progress(TextColumn("[bold]crawling the newsroom"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=console) as bar:
                task = bar.add_task("crawl", total=None)
                report = asyncio.run(ingester.crawl(
                    force=True, progress=lambda _e, done, total: bar.update(task, completed=done, total=total)))
            score = truthcheck.score_store(store, room.truth(running.base_url))
            summary = {
                "articles": score["rows"],
                "duplicates_folded": score["duplicates_folded"],
                "stories": score["stories"],
                "story_pairwise_f1": round(score["story_pairwise_f1"], 4),
                "fold_recall": round(score["fold_recall"], 4),
                "fold_precision": round(score["fold_precision"], 4),
                "missing": score["missing"],
                "rejected": report.rejected,
                "sources_failed": report.sources_failed,
                "seconds": round(time.monotonic() - started, 2),
            }
            top = _top_hashtags(store)
            console.print(f"stored {summary['articles']} articles, folded {summary['duplicates_folded']} "
                          f"duplicates into their originals, grouped into {summary['stories']} stories "
                          f"(pairwise F1 {summary['story_pairwise_f1']:.3f} against the newsroom's truth)")
            console.print("top hashtags: " + " ".join(f"#{t}" for t in top))
            if check:
                problems = truthcheck.failures(score)
                for problem in problems:
                    console.print(f"[red]check failed:[/red] {problem}")
                print(json.dumps(summary), flush=True)
                return 1 if problems else 0
            console.print(f"\nserving http://127.0.0.1:{port}/  (Ctrl-C to stop)")
            from .webserver import serve_forever

            with contextlib.suppress(KeyboardInterrupt):
                serve_forever(store, config, host="127.0.0.1", port=port)
            return 0
        finally:
            store.close()


def _top_hashtags(store: object, limit: int = 10) -> list[str]:
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    stats = store.tag_activity(now - timedelta(days=30), now + timedelta(days=1), limit=limit)  # type: ignore[attr-defined]
    stats.sort(key=lambda t: (-t.stories, -t.sources, t.key))
    return [t.display for t in stats[:limit]]

