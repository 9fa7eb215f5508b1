"""SIGKILL a writer at random moments: nothing acknowledged is lost or doubled, the file stays sound."""

from __future__ import annotations

from pathlib import Path

import pytest

from hashwire.store.crashcheck import BATCH, run
from store_fixtures import postgres_schema, postgres_unreachable


def test_sqlite_survives_50_kills(tmp_path: Path) -> None:
    report = run(f"sqlite:///{tmp_path / 'crash.db'}", 50, seed=11, max_wait=0.2)
    assert report.problems == []
    assert report.kills == 50
    assert report.acknowledged >= 10 * BATCH  # the kills landed while batches were being written
    assert report.seconds < 90


@pytest.mark.postgres
def test_postgres_survives_kills() -> None:
    if reason := postgres_unreachable():
        pytest.skip(reason)
    with postgres_schema() as url:
        report = run(url, 5, seed=3)
    assert report.problems == [] and report.kills == 5
