"""docs_config: the settings table in docs/configuration.md is regenerated between its markers only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hashwire import docs_config
from hashwire.config import settings_markdown
from hashwire.docs_config import BEGIN, END, main

INTRO = "# Configuration\n\nSettings come from the environment.\n\n"
OUTRO = "\n\nThe table above is generated.\n"


def test_replaces_the_block_and_keeps_the_rest(tmp_path: Path) -> None:
    doc = tmp_path / "configuration.md"
    doc.write_text(f"{INTRO}{BEGIN}\n| stale | table |\n{END}{OUTRO}", encoding="utf-8")
    main(str(doc))
    text = doc.read_text(encoding="utf-8")
    assert text == f"{INTRO}{BEGIN}\n{settings_markdown()}{END}{OUTRO}"
    assert "stale" not in text
    main(str(doc))  # running again changes nothing
    assert doc.read_text(encoding="utf-8") == text


def test_replacement_text_is_taken_literally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Help texts with backslashes or regex group syntax are written as they are."""
    table = "| `path` | `C:\\data\\1` | `\\g<0>` | a \\1 b |\n"
    monkeypatch.setattr(docs_config, "settings_markdown", lambda: table)
    doc = tmp_path / "c.md"
    doc.write_text(f"{BEGIN}\nold\n{END}\n", encoding="utf-8")
    main(str(doc))
    assert doc.read_text(encoding="utf-8") == f"{BEGIN}\n{table}{END}\n"


def test_non_ascii_text_around_the_block_survives(tmp_path: Path) -> None:
    doc = tmp_path / "c.md"
    doc.write_text(f"الإعدادات — réglages\n{BEGIN}\nold\n{END}\nfin — نهاية\n", encoding="utf-8")
    main(str(doc))
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("الإعدادات — réglages\n") and text.endswith(f"{END}\nfin — نهاية\n")


def test_a_document_without_markers_is_an_error_not_a_silent_no_op(tmp_path: Path) -> None:
    """Running the generator on a file whose markers were lost must say so: otherwise the table
    silently stops being updated."""
    doc = tmp_path / "c.md"
    doc.write_text("# Configuration\n\nno table here\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="settings:begin"):
        main(str(doc))
    assert doc.read_text(encoding="utf-8") == "# Configuration\n\nno table here\n"


def test_runs_as_a_module(tmp_path: Path) -> None:
    doc = tmp_path / "c.md"
    doc.write_text(f"x\n{BEGIN}\n{END}\ny\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "hashwire.docs_config", str(doc)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert settings_markdown() in doc.read_text(encoding="utf-8")
