"""Stream document frequencies in a fixed hashed table."""

from __future__ import annotations

from hashwire.term_stats import TermStats


def test_idf_falls_as_a_term_spreads() -> None:
    stats = TermStats()
    first = stats.add(["flood", "aleppo"])
    stats.add(["flood", "storm"])
    assert stats.df("flood") == 2 and stats.df("aleppo") == 1 and stats.docs == 2
    assert stats.idf("flood") < stats.idf("aleppo") < stats.idf("unseen")
    assert first.shape == (2,)


def test_count_adds_to_terms_without_a_document() -> None:
    stats = TermStats()
    stats.count(["\x01word", "\x01word", "\x02other"])
    assert stats.df("\x01word") == 1 and stats.df("\x02other") == 1
    assert stats.docs == 0
