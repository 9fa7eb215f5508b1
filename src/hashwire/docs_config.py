"""Regenerates the settings table in docs/configuration.md: python -m hashwire.docs_config."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from .config import settings_markdown

BEGIN, END = "<!-- settings:begin -->", "<!-- settings:end -->"


def main(path: str = "docs/configuration.md") -> None:
    doc = Path(path)
    text = doc.read_text(encoding="utf-8")
    block = f"{BEGIN}\n{settings_markdown()}{END}"
    new, found = re.subn(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _m: block, text, flags=re.S)
    if not found:
        raise SystemExit(f"{path}: no {BEGIN} ... {END} block to replace")
    doc.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
