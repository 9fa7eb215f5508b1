"""Web benchmark: wrk on loopback against the hashtag page, an API list, and a bare Starlette + orjson
endpoint serving the same JSON in the same run.

    .venv/bin/python bench/bench_web.py                 # 2,000 articles, 3 rounds of 5 s per target
    .venv/bin/python bench/bench_web.py --articles 20000 --seconds 10 --connections 32

Each server is its own uvicorn process (one worker, same HTTP implementation for all). Throughput is
reported per CPU-second of the server process (utime + stime from /proc), so other load on the machine
does not skew the comparison; latency percentiles come from wrk --latency. Needs Debian's `wrk`.
Goals: cached API list >= 0.8x the bare endpoint; >= 2,500 HTML pages per CPU-second.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
WORDS = tuple(["port", "strike", "talks", "union", "harbor", "minister", "budget", "election", "storm", "coast", "ferry", "museum", "market", "trade", "energy", "grid", "court", "ruling", "vaccine", "hospital", "league", "final", "bank", "rates", "drought", "river", "police"])
TAGS = ["PortStrike", "Shipping", "Election", "StormWarning", "EnergyGrid", "Drought", "CentralBank",
        "Football", "Vaccines", "CourtRuling"]


def seed(db: Path, articles: int) -> None:
    import random

    from hashwire.models import Article, Source, Story
    from hashwire.store import open_store

    rng = random.Random(7)
    store = open_store(f"sqlite:///{db}")
    sources = [store.add_source(Source(url=f"https://outlet{i}.example/feed", title=f"Outlet {i}", slug=f"outlet-{i}",
                                       language="en")) for i in range(20)]
    now = datetime.now(UTC)
    batch: list[Article] = []
    stories: dict[str, Story] = {}
    for n in range(articles):
        src = sources[n % len(sources)]
        sid = f"story-{n // 5}"
        when = now - timedelta(minutes=7 * n)
        text = "\n\n".join(" ".join(rng.choice(WORDS) for _ in range(60)).capitalize() + "." for _ in range(6))
        tags = rng.sample(TAGS, 3)
        art = Article(url=f"https://outlet{n % 20}.example/a/{n}", title=" ".join(rng.choice(WORDS) for _ in range(9)).capitalize(),
                      text=text, published=when, language="en", source_id=src.id, source_name=src.title, guid=str(n),
                      hashtags=tags, category="Business", story_id=sid, content_hash=f"h{n}")
        batch.append(art)
        story = stories.setdefault(sid, Story(id=sid, title=art.title, first_seen=when, last_seen=when,
                                              lead_article_id=art.id, category="Business", language="en"))
        story.first_seen = min(story.first_seen, when)
        story.article_count += 1
        story.source_count += 1
        story.hashtags = tags
        if len(batch) == 500:
            store.save_articles(batch, list(stories.values()))
            batch, stories = [], {}
    if batch:
        store.save_articles(batch, list(stories.values()))
    store.close()


def serve(kind: str, db: str, port: int, payload: str) -> None:
    """Runs one server (in a child process)."""
    import orjson
    import uvicorn
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    if kind == "bare":
        data = orjson.loads(Path(payload).read_bytes())

        async def bare(request: Request) -> Response:
            return Response(orjson.dumps(data), media_type="application/json")

        app = Starlette(routes=[Route("/bare", bare)])
    else:
        from hashwire.config import Config
        from hashwire.store import open_store
        from hashwire.web.app import create_app

        store = open_store(f"sqlite:///{db}")
        app = create_app(store, Config({"base_url": f"http://127.0.0.1:{port}"}, environ={}), rate_limit=None,
                         cache_seconds=0.0 if kind == "hashwire-nocache" else 60.0)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False, lifespan="off")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def start(kind: str, db: Path, payload: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, __file__, "--serve", kind, "--db", str(db), "--port", str(port),
                             "--payload", str(payload)])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit(f"{kind} server did not start")


def _ms(text: str) -> float:
    value, unit = float(re.match(r"[\d.]+", text).group(0)), re.sub(r"[\d.]+", "", text)  # type: ignore[union-attr]
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url: str, pid: int, seconds: int, connections: int) -> dict[str, float]:
    subprocess.run(["wrk", "-t1", f"-c{connections}", "-d1s", url], capture_output=True, check=True)  # warm up
    before = cpu_seconds(pid)
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    cpu = cpu_seconds(pid) - before
    requests = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests": requests, "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),  # type: ignore[union-attr]
            "per_cpu": requests / cpu if cpu else 0.0, "cpu": cpu,
            "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
            "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),  # type: ignore[union-attr]
            "non2xx": int(errors.group(1)) if errors else 0}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--serve"), parser.add_argument("--db"), parser.add_argument("--port", type=int)
    parser.add_argument("--payload")
    args = parser.parse_args()
    if args.serve:
        serve(args.serve, args.db, args.port, args.payload)
        return 0
    if shutil.which("wrk") is None:
        print("SKIP: wrk is not installed (apt-get install wrk)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db, payload = Path(tmp) / "bench.db", Path(tmp) / "payload.json"
        started = time.monotonic()
        seed(db, args.articles)
        print(f"seeded {args.articles} articles in {time.monotonic() - started:.1f}s; wrk -t1 -c{args.connections} "
              f"-d{args.seconds}s --latency; throughput per CPU-second of the server process")
        procs = []
        try:
            hw, hw_port = start("hashwire", db, payload)
            procs.append(hw)
            api_path = "/api/v1/articles?limit=20"
            with urllib.request.urlopen(f"http://127.0.0.1:{hw_port}{api_path}") as response:
                payload.write_bytes(response.read())
            nocache, nc_port = start("hashwire-nocache", db, payload)
            bare, bare_port = start("bare", db, payload)
            procs += [nocache, bare]
            targets = [
                ("bare Starlette + orjson (same JSON)", f"http://127.0.0.1:{bare_port}/bare", bare.pid),
                ("API list /api/v1/articles (cached)", f"http://127.0.0.1:{hw_port}{api_path}", hw.pid),
                ("hashtag page /en/hashtag/PortStrike (cached)", f"http://127.0.0.1:{hw_port}/en/hashtag/PortStrike", hw.pid),
                ("API list (cache off)", f"http://127.0.0.1:{nc_port}{api_path}", nocache.pid),
                ("hashtag page (cache off)", f"http://127.0.0.1:{nc_port}/en/hashtag/PortStrike", nocache.pid),
            ]
            runs: dict[str, list[dict[str, float]]] = {name: [] for name, _, _ in targets}
            for _ in range(args.rounds):  # interleaved, so a burst of load elsewhere hits every target alike
                for name, url, pid in targets:
                    runs[name].append(wrk(url, pid, args.seconds, args.connections))
            results = {name: {k: statistics.median(r[k] for r in rs) for k in rs[0]} for name, rs in runs.items()}
            print(f"median of {args.rounds} interleaved rounds")
            print(f"{'target':48} {'req/CPU-s':>10} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>8}")
            for name, _, _ in targets:
                r = results[name]
                print(f"{name:48} {r['per_cpu']:10.0f} {r['rps']:8.0f} {r['p50']:8.2f} {r['p99']:8.2f} "
                      f"{int(r['non2xx']):8d}", flush=True)
            bare_rate = results[targets[0][0]]["per_cpu"]
            api_ratio = results[targets[1][0]]["per_cpu"] / bare_rate
            html_rate = results[targets[2][0]]["per_cpu"]
            print(f"cached API list vs bare endpoint: {api_ratio:.2f}x (goal >= 0.8x)")
            print(f"cached hashtag page: {html_rate:.0f} pages per CPU-second (goal >= 2,500)")
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
