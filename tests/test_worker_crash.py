"""SIGKILL the real `hashwire worker` at random moments while it ingests a live newsroom; check the store.

After every kill the store passes its integrity check and holds every acknowledged article; after the
last kill one complete `hashwire crawl` leaves exactly the newsroom's articles, each once, with copies
folded and stories grouped within the end-to-end tolerances (tests/worker_harness.py does the work).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hashwire import truthcheck
from store_fixtures import postgres_schema, postgres_unreachable
from worker_harness import HASHWIRE, CrashReport, run_crash


def _assert_sound(report: CrashReport, kills: int) -> None:
    summary = report.summary()
    print(summary)
    assert report.problems == [], summary
    assert report.kills == kills and report.exited_early == 0, summary
    assert report.truth_failures == [], summary
    score = report.score
    assert score["missing"] == 0 and score["articles_found"] == score["articles_expected"], summary
    # each article stored once: canonical rows plus folded copies make up the newsroom exactly
    assert score["rows"] + score["duplicates_folded"] == score["articles_expected"], summary
    assert score["fold_recall"] >= truthcheck.TOLERANCES["fold_recall"], summary
    assert score["fold_precision"] >= truthcheck.TOLERANCES["fold_precision"], summary
    assert score["story_pairwise_f1"] >= truthcheck.TOLERANCES["story_pairwise_f1"], summary


@pytest.mark.slow
@pytest.mark.timeout(900)  # about 2 minutes here; a loaded machine makes every process start-up slower
def test_sqlite_worker_survives_50_kills(tmp_path: Path) -> None:
    assert HASHWIRE.exists(), f"{HASHWIRE} is not installed (pip install -e .)"
    # process start-up (about 3 s of imports here) is most of a round, so half the kills land in it
    report = run_crash(f"sqlite:///{tmp_path / 'crash.db'}", 50, seed=11, startup_share=0.5)
    _assert_sound(report, 50)
    assert report.integrity == "ok"
    # the kills were spread from start-up to the middle of ingestion, and acknowledged work survived them
    assert report.kills_at_startup >= 5 and report.kills_mid_crawl >= 10, report.summary()
    assert report.kills_after_acks >= 10 and report.acknowledged >= 25, report.summary()


@pytest.mark.slow
@pytest.mark.postgres
@pytest.mark.timeout(600)
def test_postgres_worker_survives_10_kills() -> None:
    if reason := postgres_unreachable():
        pytest.skip(reason)
    with postgres_schema() as url:
        report = run_crash(url, 10, seed=5, startup_share=0.5)
    _assert_sound(report, 10)
    assert report.kills_after_acks >= 2, report.summary()
