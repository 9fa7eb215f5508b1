"""Extraction benchmark: hashwire vs trafilatura (default and fast) on ../shared/data/extraction-dev.

Runs the shared scorer (../shared/eval/extraction_eval.py) once per extractor in its own process and
prints its figures (bag-of-words F1 by page type, title/author/date exact match, pages per second), plus
CPU seconds per page measured from the child process's rusage, less a run of the do-nothing extractor
(loading and scoring the pages).

    .venv/bin/python bench/bench_extract.py [--limit N] [--types article,listing,collection]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "extraction_eval.py"
EXTRACTORS = ["hashwire.extract:extract_for_eval", "trafilatura", "trafilatura-fast", "nothing"]


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(extractor: str, limit: int, types: str) -> tuple[dict, float, str]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "summary.json"
        cmd = [sys.executable, str(EVAL), extractor, "--n-bootstrap", "0", "--json-out", str(out)]
        if limit:
            cmd += ["--limit", str(limit)]
        if types:
            cmd += ["--wcxb-types", types]
        before = _child_cpu()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
        cpu = _child_cpu() - before
        return json.loads(out.read_text("utf8"))[0], cpu, proc.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--types", default="", help="page types, e.g. article (default: all)")
    args = ap.parse_args()
    if not EVAL.is_file():
        print(f"skipped: {EVAL} absent")
        return
    results = {name: run(name, args.limit, args.types) for name in EXTRACTORS}
    _, base_cpu, _ = results.pop("nothing")
    print(f"extraction-dev ({args.types or 'all page types'}), scorer: {EVAL.name}")
    header = f"{'extractor':36} {'F1 art':>7} {'F1 list':>7} {'F1 coll':>7} {'title':>6} {'author':>6} {'date':>6}" \
             f" {'p/s':>6} {'CPU ms/p':>8}"
    print(header)
    traf_cpu = 0.0
    rows = []
    for name, (row, cpu, _stdout) in results.items():
        by_type = row.get("f1_by_type", {})
        meta = row.get("meta", {})

        def pct(field: str, meta: dict = meta) -> str:
            m = meta.get(field)
            return f"{100 * m['correct'] / m['total']:5.1f}%" if m and m["total"] else "     -"

        cpu_ms = 1000 * max(cpu - base_cpu, 0.0) / max(row["pages"], 1)
        if name == "trafilatura":
            traf_cpu = cpu_ms
        rows.append((name, cpu_ms))
        f1 = {k: f"{v[1]:.3f}" for k, v in by_type.items()}
        print(f"{name:36} {f1.get('article', '-'):>7} {f1.get('listing', '-'):>7} {f1.get('collection', '-'):>7}"
              f" {pct('title'):>6} {pct('author'):>6} {pct('date'):>6} {row['pages_per_s']:6.1f} {cpu_ms:8.1f}")
    if traf_cpu:
        for name, cpu_ms in rows:
            print(f"CPU per page vs trafilatura default: {name} {cpu_ms / traf_cpu:.2f}x")
    print("\nscorer output:")
    for _, (_, _, stdout) in results.items():
        print(stdout.rstrip())


if __name__ == "__main__":
    main()
