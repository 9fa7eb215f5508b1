"""`make bench`: runs every bench/bench_*.py in turn, prints their figures and keeps them in bench/results/.

Each benchmark measures hashwire against a peer in the same run and prints a table; the figures that
BENCHMARKS.md records come from these outputs. Pass names to run a subset: python bench/run_all.py feeds web
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(p for p in HERE.glob("bench_*.py") if not wanted or p.stem.removeprefix("bench_") in wanted)
    out_dir = HERE / "results"
    out_dir.mkdir(exist_ok=True)
    failed = []
    for script in scripts:
        print(f"\n=== {script.name}", flush=True)
        started = time.monotonic()
        proc = subprocess.run([sys.executable, str(script)], cwd=HERE.parent, capture_output=True, text=True,
                              env={**os.environ, "PYTHONUNBUFFERED": "1"}, check=False)
        text = proc.stdout + (f"\n[stderr]\n{proc.stderr[-4000:]}" if proc.returncode else "")
        (out_dir / f"{script.stem}.txt").write_text(text, encoding="utf-8")
        print(text, end="")
        print(f"--- {script.name}: exit {proc.returncode} in {time.monotonic() - started:.0f}s", flush=True)
        if proc.returncode:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
