"""Crash safety of the real ingest worker: SIGKILL `hashwire worker` many times while it ingests a newsroom.

    .venv/bin/python bench/crash_worker.py --kills 1000                       # SQLite, a fresh file
    .venv/bin/python bench/crash_worker.py --kills 100 --db-url postgresql://postgres@127.0.0.1/test

With a PostgreSQL URL the run happens in a fresh schema that is dropped afterwards. After every kill the
store must pass its integrity check (SQLite) and hold every acknowledged article; after the last kill one
complete `hashwire crawl` must leave the store matching the newsroom's truth with nothing stored twice.
The harness itself is tests/worker_harness.py (the test suite runs it with 50 kills).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1] / "tests"
sys.path.insert(0, str(TESTS))

from store_fixtures import postgres_schema, postgres_unreachable  # noqa: E402
from worker_harness import run_crash  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument(
        "--db-url",
        default="",
        help="postgresql://... (a fresh schema) or sqlite:///file.db; "
        "default a fresh SQLite file in a temporary directory",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--outlets", type=int, default=8)
    parser.add_argument(
        "--per-day",
        type=int,
        default=0,
        help="articles per outlet a day (default: about one new article per kill, at least 5)",
    )
    parser.add_argument("--quiet", action="store_true", help="no line per kill")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the workers are killed on the way out
    with ExitStack() as stack:
        url = args.db_url
        if url.startswith(("postgresql://", "postgres://")):
            import store_fixtures

            store_fixtures.PG_URL = url
            if reason := postgres_unreachable():
                print(f"skipped: {reason}")
                return 0
            url = stack.enter_context(postgres_schema())
        elif not url:
            url = f"sqlite:///{stack.enter_context(tempfile.TemporaryDirectory())}/crash.db"
        print(f"store: {url}", flush=True)
        report = run_crash(
            url,
            args.kills,
            seed=args.seed,
            outlets=args.outlets,
            per_day=args.per_day or max(5, args.kills // (2 * args.outlets)),
            log=None if args.quiet else (lambda line: print(line, flush=True)),
        )
    print(json.dumps(report.summary(), indent=2))
    print(
        f"kills {report.kills} (start-up {report.kills_at_startup}, mid-crawl {report.kills_mid_crawl}, "
        f"after acks {report.kills_after_acks}), acks {report.acks} ({report.acknowledged} distinct), "
        f"integrity {report.integrity}, missing {report.score.get('missing')}, "
        f"fold recall {report.score.get('fold_recall', 0):.3f}, "
        f"story F1 {report.score.get('story_pairwise_f1', 0):.3f}, problems {len(report.problems)}, "
        f"{report.seconds:.0f}s"
    )
    return 1 if report.problems or report.truth_failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
