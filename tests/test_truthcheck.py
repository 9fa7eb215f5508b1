import pytest

from hashwire.truthcheck import failures, pairwise_f1


def test_pairwise_f1_perfect_and_split() -> None:
    truth = {"a": "s1", "b": "s1", "c": "s1", "d": "s2"}
    assert pairwise_f1(truth, dict(truth)) == (1.0, 1.0, 1.0)
    split = {"a": "x", "b": "x", "c": "y", "d": "z"}  # one of three true pairs found, no false pair
    p, r, f1 = pairwise_f1(truth, split)
    assert p == 1.0
    assert r == pytest.approx(1 / 3)
    assert f1 == pytest.approx(0.5)


def test_pairwise_f1_merged_everything() -> None:
    truth = {"a": "s1", "b": "s1", "c": "s2", "d": "s2"}
    merged = dict.fromkeys(truth, "one")
    p, r, _ = pairwise_f1(truth, merged)
    assert r == 1.0
    assert p == pytest.approx(2 / 6)


def test_failures_name_each_broken_tolerance() -> None:
    ok = {"missing": 0, "fold_recall": 1.0, "fold_precision": 1.0, "story_pairwise_f1": 0.9}
    assert failures(ok) == []
    bad = dict(ok, missing=3, story_pairwise_f1=0.5)
    msgs = failures(bad)
    assert any("3 articles missing" in m for m in msgs)
    assert any("story_pairwise_f1" in m for m in msgs)
