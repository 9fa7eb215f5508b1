"""Scale-out on PostgreSQL: 1, 2 and 4 `hashwire worker` processes ingest one newsroom concurrently.

    .venv/bin/python bench/bench_workers.py [--outlets 200 --per-day 4 --workers 1,2,4]
    .venv/bin/python bench/bench_workers.py --db-url postgresql://user@host/db

Each run starts from a fresh schema (dropped afterwards) and a fresh newsroom server holding the same
articles, adds every outlet's feed as a source, starts N workers together and stops them once every source
has been fetched once. Reported per run: wall time, articles stored per second, how the articles were shared
between the workers (acks each printed after commit), and the proof of no double work: the newsroom
server counts requests per path (a middleware on `hashwire.newsroom.build_app`), so every feed must have
been requested exactly once in the period, and the store must hold each canonical URL once.
All outlets share one loopback host, so the per-host politeness limit is raised to stand for many hosts.
Skips (exit 0) with a message when PostgreSQL is unreachable.
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

import store_fixtures  # noqa: E402
from hashwire.ingest import add_source_url  # noqa: E402
from hashwire.newsroom import Newsroom  # noqa: E402
from hashwire.normalize import canonical_url  # noqa: E402
from hashwire.store import open_store  # noqa: E402
from worker_harness import (  # noqa: E402
    CountingServer,
    all_articles,
    duplication_problems,
    worker_env,
    workers_running,
)


@dataclass
class Run:
    workers: int
    seconds: float  # from starting the processes until every source was fetched
    crawl_seconds: float  # from the first request the newsroom served until then
    articles: int  # rows, canonical and folded
    distinct_urls: int
    acks_per_worker: list[int]
    feeds: int
    feeds_fetched_once: int
    feeds_fetched_twice: int
    max_fetches_of_a_feed: int
    problems: list[str]


def one_run(n: int, args: argparse.Namespace) -> Run:
    room = Newsroom(seed=args.seed, outlets=args.outlets, days=1, per_day=args.per_day)
    env = worker_env(per_host_concurrency=args.per_host, concurrency=32)
    with (
        CountingServer(room) as server,
        store_fixtures.postgres_schema() as url,
        tempfile.TemporaryFile("w+") as log,
    ):
        store = open_store(url)
        try:
            for feed in server.feed_urls:
                add_source_url(store, feed)
            started = time.monotonic()
            with workers_running(url, n, env, log, idle=0.5) as procs:
                while True:
                    sources = store.list_sources()
                    if all(s.last_fetched_at is not None for s in sources):
                        break
                    if any(w.proc.poll() is not None for w in procs):
                        log.seek(0)
                        raise SystemExit(f"a worker exited: {log.read()[-2000:]}")
                    if time.monotonic() - started > args.timeout:
                        raise SystemExit(f"not done after {args.timeout}s")
                    time.sleep(0.1)
                done = time.monotonic()
                seconds, crawl_seconds = done - started, done - server.first_request
                time.sleep(args.linger)  # a double fetch within the period would show up now
            acks = [len(w.acks) for w in procs]
            rows = all_articles(store)
            problems = duplication_problems(store)
            feed_paths = [o.feed_path for o in room.outlets]
            fetches = [server.requests[p] for p in feed_paths]
        finally:
            store.close()
    return Run(
        workers=n,
        seconds=seconds,
        crawl_seconds=crawl_seconds,
        articles=len(rows),
        distinct_urls=len({canonical_url(a.url) for a in rows}),
        acks_per_worker=acks,
        feeds=len(feed_paths),
        feeds_fetched_once=sum(1 for c in fetches if c == 1),
        feeds_fetched_twice=sum(1 for c in fetches if c > 1),
        max_fetches_of_a_feed=max(fetches),
        problems=problems,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--outlets", type=int, default=200)
    parser.add_argument("--per-day", type=int, default=4)
    parser.add_argument("--workers", default="1,2,4")
    parser.add_argument(
        "--per-host", type=int, default=16, help="requests in flight to the newsroom per worker"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--linger", type=float, default=2.0, help="seconds the workers keep running after")
    parser.add_argument(
        "--db-url",
        default="",
        help="PostgreSQL server (default HASHWIRE_TEST_POSTGRES_URL "
        "or postgresql://postgres@127.0.0.1:5432/test)",
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the workers are killed on the way out
    if args.db_url:
        store_fixtures.PG_URL = args.db_url
    if reason := store_fixtures.postgres_unreachable():
        print(f"skipped: {reason}")
        return 0
    runs = []
    for n in (int(x) for x in args.workers.split(",")):
        run = one_run(n, args)
        runs.append(run)
        print(
            f"{n} worker(s): {run.seconds:.1f}s ({run.crawl_seconds:.1f}s crawling), "
            f"{run.articles} articles, acks per worker {run.acks_per_worker}",
            flush=True,
        )
    base = runs[0].articles / runs[0].crawl_seconds if runs and runs[0].crawl_seconds else 0.0
    print(
        f"\n{args.outlets} outlets, {runs[0].articles if runs else 0} articles, PostgreSQL, "
        f"per-host concurrency {args.per_host}"
    )
    print(
        "| workers | wall s (with start-up) | crawl s | articles/s (crawl) | vs 1 | articles | distinct URLs "
        "| acks per worker | feeds fetched once | twice or more | problems |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        rate = r.articles / r.crawl_seconds if r.crawl_seconds else 0.0
        print(
            f"| {r.workers} | {r.seconds:.1f} | {r.crawl_seconds:.1f} | {rate:.1f} "
            f"| {rate / base if base else 0:.2f}x | {r.articles} | {r.distinct_urls} "
            f"| {'/'.join(map(str, r.acks_per_worker))} | {r.feeds_fetched_once}/{r.feeds} "
            f"| {r.feeds_fetched_twice} | {len(r.problems)} |"
        )
    for r in runs:
        if r.workers > 1 and sorted(r.acks_per_worker)[-2] == 0:
            print(
                f"note: with {r.workers} workers one of them stored every article (it claimed every due "
                "source at once; the others found none left to claim)"
            )
    bad = [
        r
        for r in runs
        if r.problems
        or r.feeds_fetched_twice
        or r.distinct_urls != r.articles
        or r.feeds_fetched_once != r.feeds
    ]
    for r in bad:
        print(f"{r.workers} worker(s): {r.problems}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
