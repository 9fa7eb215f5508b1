"""Crash-safety check: a writer process saving article batches is SIGKILLed at random moments, again and again.

After every kill the store must pass its integrity check and hold every article the writer
acknowledged (printed after save_articles returned), each exactly once; after a final complete run it must
hold every generated article with consistent stories, tags and appearances.

    python -m hashwire.store.crashcheck --kills 50 --db /tmp/crash.db      # the driver
    python -m hashwire.store.crashcheck writer --url sqlite:///x.db --first 0 --last -1   # one writer
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ..models import Article, Source, Story

BATCH = 20
SOURCES = 3
_ACK = re.compile(r"^ACK ([0-9a-f]{32})$")
_BASE = datetime(2026, 1, 1, tzinfo=UTC)
_WORDS = ["harbour", "crane", "strike", "port", "union", "wage", "talks", "minister", "ferry", "storm",
          "grain", "export", "court", "ruling", "election", "budget", "vaccine", "river", "flood", "bridge"]


def batch_articles(b: int, source_ids: list[int]) -> tuple[list[Article], list[Story]]:
    """Batch number `b`: the same articles every time it is generated (ids, text, tags, stories, copies)."""
    rng = random.Random(b)
    arts: list[Article] = []
    stories: dict[str, Story] = {}
    for i in range(BATCH):
        n = b * BATCH + i
        sid = source_ids[n % len(source_ids)]
        story = f"story-{n // 7}"
        words = " ".join(rng.choice(_WORDS) for _ in range(60))
        art = Article(url=f"https://crash.example/{sid}/{n}", title=f"Report {n} {rng.choice(_WORDS)}",
                      text=words, source_id=sid, source_name=f"Outlet {sid}", guid=f"g{n}",
                      published=_BASE + timedelta(minutes=n), fetched_at=_BASE + timedelta(minutes=n),
                      hashtags=[w.capitalize() for w in rng.sample(_WORDS, 3)], story_id=story, language="en")
        if i % 5 == 4:  # a syndicated copy of the batch's previous article, folded
            art.duplicate_of = arts[-1].id
        arts.append(art)
        when = _BASE + timedelta(minutes=n)
        stories[story] = Story(id=story, title=f"Story {n // 7}", first_seen=when, last_seen=when)
    return arts, list(stories.values())


def _sources(store: object) -> list[int]:
    from .base import Store

    assert isinstance(store, Store)
    return [store.add_source(Source(url=f"https://crash.example/{i}/feed", title=f"Outlet {i}")).id or 0
            for i in range(SOURCES)]


def writer(url: str, first: int, last: int) -> None:
    """Save batches first..last (last < 0: forever), printing each article id once its batch committed."""
    from . import open_store

    store = open_store(url)
    ids = _sources(store)
    sys.stdout.write("READY\n")
    sys.stdout.flush()
    b = first
    while last < 0 or b <= last:
        arts, stories = batch_articles(b, ids)
        store.save_articles(arts, stories)
        sys.stdout.write("".join(f"ACK {a.id}\n" for a in arts))
        sys.stdout.flush()
        b += 1
    store.close()


@dataclass
class Report:
    kills: int = 0
    acknowledged: int = 0
    batches: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)


def _spawn(url: str, first: int, last: int) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "hashwire.store.crashcheck", "writer", "--url", url,
           "--first", str(first), "--last", str(last)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _acks(out: str) -> list[str]:
    return [m[1] for line in out.splitlines() if (m := _ACK.match(line))]


def check(url: str, acknowledged: set[str], *, deep: bool = True) -> list[str]:
    """Problems found in the store: integrity (`deep`: the full-text index too), missing acknowledged
    articles, duplicated rows."""
    from . import open_store

    problems = []
    store = open_store(url)
    try:
        integrity = getattr(store, "integrity_check", None)
        if integrity is not None and (res := integrity(full_text=deep)) != "ok":
            problems.append(f"integrity_check: {res}")
        found = {a.id for a in store.get_articles(sorted(acknowledged))}
        if missing := acknowledged - found:
            problems.append(f"{len(missing)} acknowledged articles missing, e.g. {sorted(missing)[:3]}")
        counts = store.counts()
        if counts["appearances"] != counts["articles"] + counts["duplicates"]:
            problems.append(f"appearances {counts['appearances']} != articles + duplicates: {counts}")
    finally:
        store.close()
    return problems


def run(url: str, kills: int, *, seed: int = 7, max_wait: float = 0.3, early: float = 0.15,
        log: bool = False) -> Report:
    """Kill a writer `kills` times, checking after each kill; then finish the run and check completeness.

    A share `early` of the kills land while the writer starts (opening, migrating, adding sources);
    the others up to `max_wait` seconds after it reported READY, in the middle of its batches."""
    rng = random.Random(seed)
    report = Report()
    acknowledged: set[str] = set()
    started = time.monotonic()
    next_batch = 0
    for k in range(kills):
        # restart one batch back: the last acknowledged batch is saved again (idempotence)
        proc = _spawn(url, max(0, next_batch - 1), -1)
        if rng.random() < early:
            time.sleep(rng.uniform(0.0, 0.4))
        else:
            assert proc.stdout is not None
            proc.stdout.readline()  # READY
            time.sleep(rng.uniform(0.0, max_wait))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        acks = _acks(out)
        acknowledged.update(acks)
        report.kills += 1
        if proc.returncode != -signal.SIGKILL:
            report.problems.append(f"kill {k}: writer exited by itself ({proc.returncode}): {err[-500:]}")
        next_batch = max(next_batch, len(acknowledged) // BATCH)
        problems = check(url, acknowledged, deep=k % 10 == 9)
        report.problems += [f"after kill {k}: {p}" for p in problems]
        if log:
            print(f"kill {k + 1}/{kills}: {len(acks)} acks this run, {len(acknowledged)} total, "
                  f"{problems or 'ok'}", flush=True)
    last = _last_committed(url, max(next_batch, 1))
    proc = _spawn(url, 0, last)
    out, err = proc.communicate()
    if proc.returncode != 0:
        report.problems.append(f"final run failed ({proc.returncode}): {err[-500:]}")
    acknowledged.update(_acks(out))
    report.problems += [f"final: {p}" for p in check(url, acknowledged)]
    report.problems += _complete(url, last)
    report.acknowledged, report.batches = len(acknowledged), last + 1
    report.seconds = time.monotonic() - started
    return report


def _last_committed(url: str, last: int) -> int:
    """The highest batch in the store: a writer may commit a batch and be killed before it prints
    the acknowledgements, so the store can rightly hold batches past the last acknowledged one."""
    from . import open_store

    store = open_store(url)
    try:
        ids = _sources(store)
        while store.get_articles([a.id for a in batch_articles(last + 1, ids)[0]]):
            last += 1
        return last
    finally:
        store.close()


def _complete(url: str, last: int) -> list[str]:
    """After the final run: every generated article, tag and story is there, story counts match rows."""
    from . import open_store
    from .base import ArticleQuery

    store = open_store(url)
    try:
        ids = _sources(store)
        expected: list[Article] = []
        for b in range(last + 1):
            expected += batch_articles(b, ids)[0]
        got = {a.id: a for a in store.get_articles([a.id for a in expected])}
        problems = []
        if len(got) != len(expected):
            problems.append(f"{len(expected) - len(got)} generated articles missing after the final run")
        counts = store.counts()
        dups = sum(1 for a in expected if a.duplicate_of)
        if (counts["articles"], counts["duplicates"]) != (len(expected) - dups, dups):
            problems.append(f"counts {counts} do not match {len(expected)} articles ({dups} copies)")
        for a in expected[:: max(1, len(expected) // 50)]:
            stored = got.get(a.id)
            if stored is None or (stored.title, stored.hashtags, stored.duplicate_of) != (
                    a.title, a.hashtags, a.duplicate_of):
                problems.append(f"article {a.id} differs from what was saved")
            story = store.get_story(a.story_id or "")
            rows = store.list_articles(ArticleQuery(story_id=a.story_id, include_duplicates=True, limit=1000))
            if story is None or story.article_count != len(rows):
                problems.append(f"story {a.story_id}: count {story and story.article_count} != {len(rows)} rows")
        return problems
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", nargs="?", default="drive", choices=["drive", "writer"])
    parser.add_argument("--url", default="", help="store URL (default: a fresh SQLite file, see --db)")
    parser.add_argument("--db", default="crash-test.db", help="SQLite file for the driver (deleted first)")
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--last", type=int, default=-1)
    args = parser.parse_args(argv)
    if args.mode == "writer":
        writer(args.url, args.first, args.last)
        return 0
    url = args.url
    if not url:
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
        url = f"sqlite:///{os.path.abspath(args.db)}"
    report = run(url, args.kills, seed=args.seed, log=True)
    print(json.dumps({"kills": report.kills, "acknowledged": report.acknowledged, "batches": report.batches,
                      "seconds": round(report.seconds, 1), "problems": report.problems[:20]}, indent=2))
    return 1 if report.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
