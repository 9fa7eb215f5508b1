"""Extraction benchmark: hashwire vs trafilatura (default and fast) on ../shared/data/extraction-dev.

Quality: the shared scorer (../shared/eval/extraction_eval.py) runs once per extractor in its own
process; its figures are printed (bag-of-words F1 by page type, title/author/date exact match, pages
per second), with CPU per page from the child's rusage less a run of the do-nothing extractor.

CPU: those per-run figures move with whatever else the machine runs between one extractor's run and
the next, so the comparison that counts is interleaved: one child process loads the pages, then for
each page calls every extractor in turn and adds up process CPU time per extractor. Both see the same
load; the ratio to trafilatura default is the figure to quote.

    .venv/bin/python bench/bench_extract.py [--limit N] [--types article,listing,collection] [--passes N]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

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


def _scorer() -> Any:
    spec = importlib.util.spec_from_file_location("extraction_eval", EVAL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_eval"] = module
    spec.loader.exec_module(module)
    return module


def interleaved_cpu(limit: int, types: str, passes: int) -> dict[str, float]:
    """CPU ms per page of each extractor, called in turn on every page in this process."""
    ev = _scorer()
    wanted = {t.strip() for t in types.split(",") if t.strip()} or None
    docs = ev.load_wcxb(ev.WCXB_DIR, ["dev"], wanted)
    docs = docs[:limit] if limit else docs
    names = [name for name in EXTRACTORS if name != "nothing"]
    fns = {name: ev.resolve_extractor(name)[2] for name in names}
    for name in names:  # warm-up: imports, lazy tables
        fns[name](docs[0].html, docs[0].url)
    spent = dict.fromkeys(names, 0.0)
    for _ in range(passes):
        for doc in docs:
            for name in names:
                t0 = time.process_time()
                with contextlib.suppress(Exception):  # a crash costs what it cost, as in the scorer
                    fns[name](doc.html, doc.url)
                spent[name] += time.process_time() - t0
    return {name: 1000 * spent[name] / (len(docs) * passes) for name in names}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--types", default="", help="page types, e.g. article (default: all)")
    ap.add_argument("--passes", type=int, default=1, help="passes over the pages for the interleaved CPU figure")
    ap.add_argument("--cpu-child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not EVAL.is_file():
        print(f"skipped: {EVAL} absent")
        return
    if args.cpu_child:
        print(json.dumps(interleaved_cpu(args.limit, args.types, args.passes)))
        return
    results = {name: run(name, args.limit, args.types) for name in EXTRACTORS}
    _, base_cpu, _ = results.pop("nothing")
    cmd = [sys.executable, __file__, "--cpu-child", "--passes", str(args.passes)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if args.types:
        cmd += ["--types", args.types]
    child = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True)
    interleaved: dict[str, float] = json.loads(child.stdout.strip().splitlines()[-1])

    print(f"extraction-dev ({args.types or 'all page types'}), scorer: {EVAL.name}")
    print(f"{'extractor':36} {'F1 art':>7} {'F1 list':>7} {'F1 coll':>7} {'title':>6} {'author':>6} {'date':>6}"
          f" {'p/s':>6} {'CPU ms/p':>8} {'interleaved':>11}")
    traf = interleaved.get("trafilatura", 0.0)
    for name, (row, cpu, _stdout) in results.items():
        by_type = row.get("f1_by_type", {})
        meta = row.get("meta", {})

        def pct(field: str, meta: dict = meta) -> str:
            m = meta.get(field)
            return f"{100 * m['correct'] / m['total']:5.1f}%" if m and m["total"] else "     -"

        cpu_ms = 1000 * max(cpu - base_cpu, 0.0) / max(row["pages"], 1)
        f1 = {k: f"{v[1]:.3f}" for k, v in by_type.items()}
        print(f"{name:36} {f1.get('article', '-'):>7} {f1.get('listing', '-'):>7} {f1.get('collection', '-'):>7}"
              f" {pct('title'):>6} {pct('author'):>6} {pct('date'):>6} {row['pages_per_s']:6.1f} {cpu_ms:8.1f}"
              f" {interleaved.get(name, 0.0):11.1f}")
    if traf:
        for name, ms in interleaved.items():
            print(f"interleaved CPU per page vs trafilatura default: {name} {ms / traf:.3f}x")
    print("\nscorer output:")
    for _, (_, _, stdout) in results.items():
        print(stdout.rstrip())


if __name__ == "__main__":
    main()
