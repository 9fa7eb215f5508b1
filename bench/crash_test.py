"""Crash-safety run for `make crash-test`: SIGKILL a store writer many times and check nothing was lost.

    .venv/bin/python bench/crash_test.py --kills 1000                 # SQLite, a fresh file
    .venv/bin/python bench/crash_test.py --kills 100 --url postgresql://postgres@127.0.0.1/test

Each kill is followed by PRAGMA integrity_check (SQLite) and a check that every acknowledged article is
stored exactly once; a final complete run must leave every generated article, story and tag in place.
"""

from __future__ import annotations

import sys

from hashwire.store.crashcheck import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if not any(a.startswith("--db") or a.startswith("--url") for a in args):
        args += ["--db", "/tmp/hashwire-crash-test.db"]
    raise SystemExit(main(args))
