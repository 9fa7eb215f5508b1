"""SIGKILL the real `hashwire worker` at random moments while it ingests a live newsroom, again and again.

Shared by tests/test_worker_crash.py (50 kills), bench/crash_worker.py (`make crash-test`, 1,000 kills)
and bench/bench_workers.py (the counting newsroom server).

The newsroom runs on loopback in this process with a clock the harness moves forward one step per round,
so every round has new articles to ingest. Each round starts `hashwire worker --print-acks` (acks are
printed only after their transaction committed) and kills it with SIGKILL either while it starts up or
after it began crawling. Between rounds the harness does what an expiring lease would do (releases the
dead worker's claims) and makes every source due again. After every kill: the store passes its integrity
check and holds every acknowledged article; at the end, one complete `hashwire crawl` must leave the store
matching the newsroom's truth, with no article and no appearance stored twice.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from aiohttp import web

from hashwire import truthcheck
from hashwire.ingest import add_source_url
from hashwire.models import Article
from hashwire.newsroom import Newsroom, serve_in_thread
from hashwire.normalize import canonical_url
from hashwire.store import ArticleQuery, Store, cursor_of, open_store

HASHWIRE = Path(sys.executable).with_name("hashwire")


class CountingServer:
    """A newsroom served on loopback from a thread, counting requests per path and what is in flight."""

    def __init__(self, room: Newsroom, host: str = "127.0.0.1") -> None:
        self.room = room
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[tuple[str, int]] = Counter()
        self.in_flight = 0
        self.first_request = 0.0  # time.monotonic() of the first request served
        self.last_done = 0.0
        self._lock = threading.Lock()
        self._running = serve_in_thread(room, host, 0, middlewares=[self._counting()])
        self.port = self._running.port
        self.base_url = self._running.base_url

    def _counting(self) -> Callable[..., Awaitable[web.StreamResponse]]:
        @web.middleware
        async def count(
            request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
        ) -> web.StreamResponse:
            with self._lock:
                self.requests[request.path] += 1
                self.in_flight += 1
                self.first_request = self.first_request or time.monotonic()
            status = 0
            try:
                response = await handler(request)
                status = response.status
                return response
            finally:
                with self._lock:
                    self.in_flight -= 1
                    self.last_done = time.monotonic()
                    self.statuses[(request.path, status)] += 1

        return count

    @property
    def feed_urls(self) -> list[str]:
        return [self.base_url + o.feed_path for o in self.room.outlets]

    def busy(self, within: float = 0.25) -> bool:
        """A request is being served, or one ended less than `within` seconds ago."""
        with self._lock:
            return self.in_flight > 0 or time.monotonic() - self.last_done < within

    def total(self) -> int:
        with self._lock:
            return sum(self.requests.values())

    def stop(self) -> None:
        self._running.stop()

    def __enter__(self) -> CountingServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class Worker:
    """One `hashwire worker --print-acks` process; its ack lines are read by a thread into a queue."""

    def __init__(self, db_url: str, env: dict[str, str], log: IO[str], *, idle: float = 0.2) -> None:
        cmd = [
            str(HASHWIRE),
            "--db",
            db_url,
            "--allow-private",
            "worker",
            "--print-acks",
            "--idle",
            str(idle),
        ]
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
        self.lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.acks: list[str] = []

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line)
        self.lines.put(None)

    def wait_ack(self, timeout: float) -> bool:
        """Wait up to `timeout` seconds for the next batch of ack lines; False on timeout or exit."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                self.lines.put(None)
                return False
            if line.startswith("ack "):
                self.acks.append(line.split()[1])
                time.sleep(0.005)  # the rest of the batch was written at once
                self._drain()
                return True
        return False

    def _drain(self) -> None:
        while True:
            try:
                line = self.lines.get_nowait()
            except queue.Empty:
                return
            if line is None:
                self.lines.put(None)
                return
            if line.startswith("ack "):
                self.acks.append(line.split()[1])

    def kill(self) -> int:
        """SIGKILL (if still running), then collect every ack it printed; returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait(30)
        self._reader.join(30)
        assert self.proc.stdout is not None
        self.proc.stdout.close()
        self._drain()
        return code


@contextmanager
def workers_running(
    db_url: str, n: int, env: dict[str, str], log: IO[str], *, idle: float = 0.2
) -> Iterator[list[Worker]]:
    """n workers; every one is killed on exit, whatever happened."""
    started: list[Worker] = []
    try:
        for _ in range(n):
            started.append(Worker(db_url, env, log, idle=idle))
        yield started
    finally:
        for w in started:
            w.kill()


def worker_env(**settings: object) -> dict[str, str]:
    env = {**os.environ, "HASHWIRE_LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"}
    env.pop("HASHWIRE_DB", None)
    env.update({f"HASHWIRE_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def all_articles(store: Store) -> list[Article]:
    """Every stored row, canonical and folded, by keyset pagination."""
    out: list[Article] = []
    query = ArticleQuery(include_duplicates=True, limit=500)
    while True:
        page = store.list_articles(query)
        out += page
        if len(page) < query.limit:
            return out
        query.before = cursor_of(page[-1])


def duplication_problems(store: Store) -> list[str]:
    """Rows sharing a canonical URL or an id, and appearances repeated per (source, entry identity)."""
    rows = all_articles(store)
    problems = []
    ids = Counter(a.id for a in rows)
    if doubled := [i for i, n in ids.items() if n > 1]:
        problems.append(f"{len(doubled)} ids listed twice, e.g. {doubled[:3]}")
    urls = Counter(canonical_url(a.url) for a in rows)
    if doubled := [u for u, n in urls.items() if n > 1]:
        problems.append(f"{len(doubled)} canonical URLs stored twice, e.g. {doubled[:3]}")
    seen: Counter[tuple[int | None, str]] = Counter()
    for a in rows:
        if a.duplicate_of is None:  # a canonical row lists its folded copies' appearances too
            for ap in store.appearances(a.id):
                seen[(ap.source_id, ap.guid)] += 1
    if doubled_ap := [k for k, n in seen.items() if n > 1]:
        problems.append(f"{len(doubled_ap)} (source, guid) appearances stored twice, e.g. {doubled_ap[:3]}")
    counts = store.counts()
    if counts.get("articles", 0) + counts.get("duplicates", 0) != len(rows):
        problems.append(f"counts {counts} disagree with {len(rows)} rows listed")
    if "appearances" in counts and counts["appearances"] != sum(seen.values()):
        problems.append(
            f"{counts['appearances']} appearances stored, {sum(seen.values())} reachable from articles"
        )
    return problems


def integrity(store: Store, *, full_text: bool) -> str:
    check = getattr(store, "integrity_check", None)
    return "n/a (no integrity_check on this backend)" if check is None else str(check(full_text=full_text))


def store_problems(store: Store, acknowledged: set[str], *, deep: bool) -> list[str]:
    problems = []
    result = integrity(store, full_text=deep)
    if result != "ok" and not result.startswith("n/a"):
        problems.append(f"integrity_check: {result[:300]}")
    found = {a.id for a in store.get_articles(sorted(acknowledged))}
    if missing := acknowledged - found:
        problems.append(f"{len(missing)} acknowledged articles missing, e.g. {sorted(missing)[:3]}")
    if deep:
        problems += duplication_problems(store)
    return problems


def round_done(store: Store) -> bool:
    now = datetime.now(UTC)
    return all(s.next_fetch_at is not None and s.next_fetch_at > now for s in store.list_sources())


def release_and_make_due(store: Store, when: datetime) -> None:
    """What lease expiry does for a dead worker's claims, and a poll time that has come for every source."""
    for source in store.list_sources():
        source.next_fetch_at = when
        store.save_source_state(source)


@dataclass
class CrashReport:
    kills: int = 0
    kills_at_startup: int = 0  # before the worker sent its first request of the round
    kills_mid_crawl: int = 0  # a request in flight or ended < 0.25 s before the kill
    kills_after_acks: int = 0  # rounds in which the worker had acknowledged articles before dying
    acks: int = 0  # ack lines read
    acknowledged: int = 0  # distinct article ids acknowledged
    exited_early: int = 0  # workers that ended before their kill (should be 0)
    integrity: str = ""
    problems: list[str] = field(default_factory=list)
    score: dict[str, Any] = field(default_factory=dict)
    truth_failures: list[str] = field(default_factory=list)
    final_crawl: str = ""
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        keys = (
            "articles_expected",
            "articles_found",
            "missing",
            "rows",
            "duplicates_folded",
            "copies",
            "fold_recall",
            "fold_precision",
            "stories",
            "stories_expected",
            "story_pairwise_precision",
            "story_pairwise_recall",
            "story_pairwise_f1",
        )
        return {
            "kills": self.kills,
            "kills_at_startup": self.kills_at_startup,
            "kills_mid_crawl": self.kills_mid_crawl,
            "kills_after_acks": self.kills_after_acks,
            "acks": self.acks,
            "acknowledged": self.acknowledged,
            "exited_early": self.exited_early,
            "integrity": self.integrity,
            "problems": self.problems[:20],
            "score": {
                k: (round(v, 3) if isinstance(v, float) else v) for k, v in self.score.items() if k in keys
            },
            "truth_failures": self.truth_failures,
            "final_crawl": self.final_crawl,
            "seconds": round(self.seconds, 1),
        }


def run_crash(
    db_url: str,
    kills: int,
    *,
    seed: int = 7,
    outlets: int = 8,
    days: int = 1,
    per_day: int = 5,
    startup_share: float = 0.45,
    max_wait: float = 0.3,
    startup_window: float = 2.5,
    deep_every: int = 10,
    acks_first: bool = True,
    log: Callable[[str], None] | None = None,
) -> CrashReport:
    """Kill `kills` workers, checking the store after each; then crawl once completely and score the store.

    The newsroom publishes for `2 * days` days; its clock moves so that each round sees about
    `len(room) / kills` more articles than the last: every round has new pages to fetch and articles to save.
    A share `startup_share` of the kills land in the first `startup_window` seconds (imports, migrations,
    warming the indexes, claiming); the rest up to `max_wait` seconds after the worker's first request, most
    of them after letting a batch commit (`acks_first`) so that every round makes progress."""
    rng = random.Random(seed)
    report = CrashReport()
    started = time.monotonic()
    real_now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    start = real_now - timedelta(days=days)
    clock = [start]
    room = Newsroom(
        seed=seed, outlets=outlets, days=days, per_day=per_day, now=start, live=True, clock=lambda: clock[0]
    )
    env = worker_env(per_host_concurrency=1, concurrency=2)
    acknowledged: set[str] = set()
    with (
        CountingServer(room) as server,
        tempfile.TemporaryFile("w+") as errors,
        closing(open_store(db_url)) as observer,
    ):  # reads the sources' state while a worker runs
        for url in server.feed_urls:
            add_source_url(observer, url)
        # the k-th round sees the first (k + 1) / kills of the articles: new ones to ingest in every round
        times = sorted(datetime.fromisoformat(r["published"]) for r in room.articles(as_of=real_now))
        for k in range(kills):
            clock[0] = times[max(0, min(len(times), (k + 1) * len(times) // kills) - 1)]
            worker = Worker(db_url, env, errors)
            try:
                before = server.total()
                if rng.random() < startup_share:
                    time.sleep(rng.uniform(0.0, startup_window))
                else:
                    deadline = time.monotonic() + 20
                    while (
                        server.total() == before
                        and worker.proc.poll() is None
                        and time.monotonic() < deadline
                    ):
                        time.sleep(0.01)
                    # 2 rounds in 3 let a batch commit first (progress), unless the worker has done every
                    # source of the round (each saved state has its next poll time in the future)
                    for _ in range(rng.choice((0, 1, 1)) if acks_first else 0):
                        while (
                            not worker.wait_ack(0.05)
                            and worker.proc.poll() is None
                            and time.monotonic() < deadline
                            and not round_done(observer)
                        ):
                            pass
                    time.sleep(rng.uniform(0.0, max_wait))
                first_request = server.total() > before
                mid_crawl = server.busy()
            finally:
                code = worker.kill()
            report.kills += 1
            report.kills_at_startup += not first_request
            report.kills_mid_crawl += mid_crawl
            report.kills_after_acks += bool(worker.acks)
            if code != -signal.SIGKILL:
                report.exited_early += 1
                report.problems.append(f"kill {k}: worker exited by itself with {code}")
            report.acks += len(worker.acks)
            acknowledged.update(worker.acks)
            store = open_store(db_url)
            try:
                deep = (k + 1) % deep_every == 0
                problems = store_problems(store, acknowledged, deep=deep)
                report.problems += [f"after kill {k + 1}: {p}" for p in problems]
                release_and_make_due(store, datetime.now(UTC) - timedelta(minutes=1))
            finally:
                store.close()
            if log:
                log(
                    f"kill {k + 1}/{kills}: {len(worker.acks)} acks ({len(acknowledged)} total), "
                    f"{'mid-crawl' if mid_crawl else 'start-up' if not first_request else 'between requests'}"
                    f"{', ' + '; '.join(problems) if problems else ''}"
                )
        clock[0] = datetime.now(UTC)
        crawl_started = time.monotonic()
        final = subprocess.run(
            [str(HASHWIRE), "--db", db_url, "--allow-private", "crawl"],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        summary = [line for line in final.stdout.splitlines() if "sources" in line and "new articles" in line]
        report.final_crawl = f"exit {final.returncode} in {time.monotonic() - crawl_started:.1f}s: " + (
            summary[-1].strip() if summary else final.stderr[-300:]
        )
        if final.returncode != 0:
            report.problems.append(f"final crawl failed: {final.stderr[-500:]}")
        store = open_store(db_url)
        try:
            report.integrity = integrity(store, full_text=True)
            report.problems += [f"final: {p}" for p in store_problems(store, acknowledged, deep=True)]
            report.score = truthcheck.score_store(store, room.truth(server.base_url))
            report.truth_failures = truthcheck.failures(report.score)
        finally:
            store.close()
    report.acknowledged = len(acknowledged)
    report.seconds = time.monotonic() - started
    return report


if __name__ == "__main__":  # a quick look: python tests/worker_harness.py [kills]
    with tempfile.TemporaryDirectory() as tmp:
        result = run_crash(
            f"sqlite:///{tmp}/crash.db", int(sys.argv[1]) if len(sys.argv) > 1 else 5, log=print
        )
    print(result.summary())
