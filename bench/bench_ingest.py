"""End-to-end ingest: crawl a newsroom (served by a separate process) into a fresh SQLite store.

Reports wall time, CPU of the ingesting process, articles per CPU-second, peak memory, the split of CPU
between the stages, and the quality against the newsroom's truth. The peer line is trafilatura's
`extract` alone on the same pages: the cost of the extraction step most aggregators stop at.

    python bench/bench_ingest.py [--outlets 20 --days 3 --per-day 8] [--outlets 100 ...]
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import defaultdict
from pathlib import Path
from typing import Any

from hashwire import ingest, truthcheck
from hashwire.config import Config
from hashwire.models import Source
from hashwire.newsroom import Newsroom
from hashwire.store import open_store


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class StageClock:
    """Accumulates CPU seconds spent inside chosen functions."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.process_time() - started

        setattr(owner, name, timed)


def run(outlets: int, days: int, per_day: int) -> dict[str, Any]:
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("hashwire")), "newsroom", "--port", str(port),
                               "--outlets", str(outlets), "--days", str(days), "--per-day", str(per_day)],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        assert server.stdout is not None
        server.stdout.readline()  # the banner: it is listening
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/opml.xml", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        room = Newsroom(seed=7, outlets=outlets, days=days, per_day=per_day)
        truth = room.truth(base)
        with tempfile.TemporaryDirectory() as tmp:
            config = Config({"db": f"sqlite:///{tmp}/bench.db", "allow_private_networks": True,
                             "per_host_concurrency": 8}, environ={})
            store = open_store(config.db)
            for outlet in truth["outlets"]:
                store.add_source(Source(url=outlet["feed_url"]))
            clock = StageClock()
            clock.wrap(ingest, "article_from_entry", "extract")
            clock.wrap(ingest.Pipeline, "process", "dedupe+cluster+tag")
            clock.wrap(store, "save_articles", "store")
            clock.wrap(ingest.feeds, "parse_feed", "feeds")
            c0, t0 = cpu(), time.perf_counter()
            report = asyncio.run(ingest.Ingester(store, config).crawl(force=True))
            wall, used = time.perf_counter() - t0, cpu() - c0
            score = truthcheck.score_store(store, truth)
            store.close()
        # the peer: trafilatura alone on the same pages, fetched beforehand so only its CPU counts
        import trafilatura

        pages = [urllib.request.urlopen(r["url"], timeout=10).read().decode("utf-8", "replace")
                 for r in truth["articles"][:300]]
        c1 = cpu()
        for html in pages:
            trafilatura.extract(html)
        peer = (cpu() - c1) / len(pages)
    finally:
        server.terminate()
        server.wait(timeout=10)
    n = report.articles_new
    return {
        "outlets": outlets, "articles": n, "wall_s": wall, "cpu_s": used, "articles_per_cpu_s": n / used,
        "cpu_ms_per_article": 1000 * used / n, "peer_trafilatura_ms": 1000 * peer,
        "stages_ms": {k: 1000 * v / n for k, v in clock.seconds.items()},
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "missing": score["missing"], "fold_recall": score["fold_recall"], "fold_precision": score["fold_precision"],
        "story_f1": score["story_pairwise_f1"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="20x3x8,100x3x8", help="outlets x days x per-day, comma-separated")
    args = parser.parse_args()
    print(f"{'outlets':>7} {'articles':>8} {'wall s':>7} {'cpu s':>6} {'art/cpu-s':>9} {'ms/art':>7} "
          f"{'trafilatura ms':>14} {'peak MB':>8} {'missing':>7} {'fold R':>6} {'fold P':>6} {'story F1':>8}")
    for size in args.sizes.split(","):
        outlets, days, per_day = (int(x) for x in size.split("x"))
        r = run(outlets, days, per_day)
        print(f"{r['outlets']:>7} {r['articles']:>8} {r['wall_s']:>7.1f} {r['cpu_s']:>6.1f} "
              f"{r['articles_per_cpu_s']:>9.1f} {r['cpu_ms_per_article']:>7.1f} {r['peer_trafilatura_ms']:>14.1f} "
              f"{r['peak_rss_mb']:>8.0f} {r['missing']:>7} {r['fold_recall']:>6.3f} {r['fold_precision']:>6.3f} "
              f"{r['story_f1']:>8.3f}")
        print("    CPU ms per article by stage: " + ", ".join(f"{k} {v:.1f}" for k, v in sorted(r["stages_ms"].items())),
              flush=True)


if __name__ == "__main__":
    main()
