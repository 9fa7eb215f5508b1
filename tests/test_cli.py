"""The command line, run for real: a SQLite file, the newsroom on loopback, the installed entry point."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hashwire.cli import cli
from hashwire.newsroom import Newsroom, serve_in_thread


@pytest.fixture(scope="module")
def running() -> Iterator[object]:
    with serve_in_thread(Newsroom(seed=5, outlets=5, days=1, per_day=4)) as served:
        yield served


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_init_import_crawl_search_export(running: object, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    opml = tmp_path / "feeds.opml"
    opml.write_bytes(urllib.request.urlopen(running.opml_url).read())  # type: ignore[attr-defined]
    assert "store ready" in invoke("--db", db, "init")
    assert "imported 5 sources" in invoke("--db", db, "import-opml", str(opml))
    out = invoke("--db", db, "--allow-private", "crawl")
    assert "5 sources (0 failed" in out and "new articles" in out
    counts = json.loads(invoke("--db", db, "stats"))
    assert counts["articles"] > 0 and counts["sources"] == 5 and counts["size_bytes"] > 0
    assert counts["sources_by_state"] == {"due": 0, "leased": 0, "waiting": 5, "disabled": 0, "failing": 0}
    listing = invoke("--db", db, "sources")
    assert listing.count(" ok ") == 5
    title_word = Newsroom(seed=5, outlets=5, days=1, per_day=4).truth()["articles"][0]["title"].split()[0]
    assert "/en/article/" in invoke("--db", db, "search", title_word)
    exported = invoke("--db", db, "export-opml")
    assert exported.count("<outline") >= 5 and "xmlUrl" in exported


def test_add_discovers_the_feed_of_a_site(running: object, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'add.db'}"
    feed = running.feed_urls[0]  # type: ignore[attr-defined]
    site = feed.rsplit("/", 1)[0] + "/"
    out = invoke("--db", db, "--allow-private", "add", site)
    assert "added feed" in out and feed in out
    # the same URL again is one source, not two
    invoke("--db", db, "--allow-private", "add", feed)
    assert json.loads(invoke("--db", db, "stats"))["sources"] == 1


def test_private_addresses_are_refused_without_the_flag(running: object, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", f"sqlite:///{tmp_path / 'x.db'}", "fetch", "--json",
                                      running.feed_urls[0]])  # type: ignore[attr-defined]
    assert result.exit_code == 1
    assert "blocked_address" in result.output
    ok = invoke("--allow-private", "fetch", "--json", running.feed_urls[0])  # type: ignore[attr-defined]
    assert json.loads(ok)["ok"] is True


def test_offline_tools_cluster_and_tag(tmp_path: Path) -> None:
    room = Newsroom(seed=3, outlets=4, days=1, per_day=4)
    docs = tmp_path / "docs.jsonl"
    with docs.open("w", encoding="utf-8") as fh:
        for rec in room.truth()["articles"]:
            art = room.article(room.find(rec["url"]) or 0)
            fh.write(json.dumps({"id": rec["url"], "title": rec["title"], "text": "\n\n".join(art.paragraphs),
                                 "source": rec["outlet"], "published": rec["published"]}) + "\n")
    out_c, out_t = tmp_path / "stories.jsonl", tmp_path / "tags.jsonl"
    invoke("cluster", "--input", str(docs), "--output", str(out_c))
    invoke("tag", "--input", str(docs), "--output", str(out_t))
    ids = [json.loads(line)["id"] for line in docs.read_text().splitlines()]
    stories = [json.loads(line) for line in out_c.read_text().splitlines()]
    tags = [json.loads(line) for line in out_t.read_text().splitlines()]
    assert [s["id"] for s in stories] == ids and [t["id"] for t in tags] == ids
    assert len({s["story"] for s in stories}) < len(ids)  # coverage was grouped
    assert all(3 <= len(t["hashtags"]) <= 8 and t["category"] for t in tags)


def test_bad_jsonl_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "fine"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["tag", "--input", str(bad), "--output", str(tmp_path / "o.jsonl")])
    assert result.exit_code != 0 and "bad.jsonl:2: not JSON" in result.output


def test_extract_a_saved_page(running: object, tmp_path: Path) -> None:
    room = Newsroom(seed=5, outlets=5, days=1, per_day=4)
    rec = room.truth(running.base_url)["articles"][0]  # type: ignore[attr-defined]
    page = tmp_path / "page.html"
    page.write_bytes(urllib.request.urlopen(rec["url"]).read())
    data = json.loads(invoke("extract", str(page), "--url", rec["url"], "--json"))
    assert data["title"] == rec["title"]
    assert "Tweet" not in data["text"] and len(data["text"]) > 200


def test_demo_check_entry_point(tmp_path: Path) -> None:
    """`hashwire demo --check` through the installed console script: exits 0 and prints JSON last."""
    exe = Path(sys.executable).with_name("hashwire")
    proc = subprocess.run([str(exe), "demo", "--check", "--outlets", "6", "--days", "1",
                           "--db", str(tmp_path / "demo.db")], capture_output=True, text=True, timeout=240,
                          check=False)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["missing"] == 0 and summary["articles"] > 0
    assert set(summary) >= {"articles", "duplicates_folded", "stories", "story_pairwise_f1", "seconds"}
