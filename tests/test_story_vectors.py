"""Article vectors: Arabic names checked against how the stream writes each word."""

from __future__ import annotations

from hashwire.models import Article
from hashwire.story_vectors import vectorize
from hashwire.term_stats import TermStats


def _article(text: str) -> Article:
    return Article(url="http://example.test/a", title="", text=text, language="ar")


def test_a_cued_common_noun_the_stream_writes_both_ways_is_no_name() -> None:
    stats = TermStats()
    for _ in range(3):
        vectorize(_article("نشر الخبراء تقريرا عن المياه في حمص"), stats)
    doc = vectorize(_article("وقال خبراء إن المياه انحسرت. وقال وليد الزين إن حمص بخير"), stats)
    assert "خبراء" not in doc.names  # written "الخبراء" in most articles, here after a verb of saying
    assert "وليد" in doc.names and "زين" in doc.names  # "وليد" never takes ال, "الزين" always does


def test_a_fresh_stream_keeps_the_cued_names() -> None:
    doc = vectorize(_article("وقال خبراء إن المياه انحسرت"), TermStats())
    assert "خبراء" in doc.names


def test_a_place_after_fi_is_a_name_when_the_stream_writes_it_one_way() -> None:
    stats = TermStats()
    for _ in range(3):
        vectorize(_article("نشر تقرير عن المدينة ومدينة حمص"), stats)
    doc = vectorize(_article("الفيضانات في حمص وفي المدينة"), stats)
    assert "حمص" in doc.names  # always written without ال
    assert "مدين" not in doc.names  # written both ways


def _english(n: int, text: str) -> Article:
    return Article(url=f"http://example.test/{n}", title="", text=text, language="en")


def test_a_name_in_most_of_the_stream_leaves_the_names_vector_but_not_the_terms() -> None:
    stats = TermStats()
    for n in range(250):  # a wire whose every article says where it was filed
        vectorize(_english(n, f"Reporting from Geneva, item {n} covers Ministry Number{n} talks."), stats)
    doc = vectorize(_english(999, "Reporting from Geneva, Mayor Ilse Vandenberg opened the Harbour Bridge."), stats)
    assert "geneva" in doc.terms and "geneva" not in doc.names
    assert "vandenberg" in doc.names
    # before the stream has shown enough articles, nothing is judged common
    fresh = TermStats()
    for n in range(5):
        vectorize(_english(n, "Reporting from Geneva, the talks went on."), fresh)
    assert "geneva" in vectorize(_english(9, "Reporting from Geneva, Mayor Ilse Vandenberg spoke."), fresh).names
