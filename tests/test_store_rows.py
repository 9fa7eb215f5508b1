"""Pure helpers shared by both store backends: time codec, queries, slugs and search snippets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from hashwire.models import Source
from hashwire.store.rows import (
    _first_match,
    _terms_pattern,
    from_micros,
    fts5_query,
    make_snippet,
    micros,
    query_terms,
    slugify,
    source_slug_base,
)


def test_time_codec_round_trips_and_normalises_to_utc() -> None:
    cairo = timezone(timedelta(hours=2))
    dt = datetime(2025, 6, 11, 14, 30, 5, 123456, tzinfo=cairo)
    back = from_micros(micros(dt))
    assert back == dt and back is not None and back.tzinfo == UTC and back.hour == 12
    assert from_micros(micros(datetime(2025, 6, 11, 12, 0))) == datetime(2025, 6, 11, 12, 0, tzinfo=UTC)
    assert micros(None) is None and from_micros(None) is None


def test_query_terms_drop_operators_and_fts5_query_quotes_every_term() -> None:
    assert query_terms('Gaza OR "ceasefire" -talks NEAR(x)') == ["gaza", "or", "ceasefire", "talks", "near", "x"]
    assert fts5_query(["or", 'a"b']) == '"or" "a""b"'
    assert len(query_terms("w " * 40)) == 16


def test_source_slugs_are_ascii_and_fall_back_to_the_host() -> None:
    assert slugify("The Daily  Wire! Café") == "the-daily-wire-cafe"
    assert source_slug_base(Source(url="https://feeds.example.org/rss", title="Le Monde")) == "le-monde"
    arabic = Source(url="https://feeds.example.org/rss", title="الجزيرة نت", site_url="https://www.aljazeera.net/")
    assert source_slug_base(arabic) == "aljazeera-net"
    assert source_slug_base(Source(url="https://feeds.example.org/rss", title="؟")) == "feeds-example-org"


@pytest.mark.parametrize(
    ("text", "terms", "expected"),
    [
        ("The budget vote", ["budget"], 4),
        ("Budgetary rules; then BUDGET talks", ["budget"], 22),  # whole words only, any case
        ("prebudget budget_line budget", ["budget"], 22),  # "_" joins words, as in the regex's \w
        ("minister said budget", ["budget", "minister"], 0),  # the earliest of several terms
        ("nothing here", ["budget"], None),
        ("İstanbul budget", ["budget"], 9),  # lower-casing changes the length: regex path, same answer
        ("وزير المالية قال إن الموازنة", ["الموازنة"], 20),
    ],
)
def test_first_match_agrees_with_the_whole_word_regex(text: str, terms: list[str], expected: int | None) -> None:
    pattern = _terms_pattern(tuple(terms))
    regex = pattern.search(text)
    assert _first_match(text, terms, pattern) == expected
    assert (regex.start() if regex else None) == expected


def test_snippet_centres_on_the_first_match_and_marks_every_match() -> None:
    text = "Intro words. " * 40 + "The Minister presented the budget <today> & the budget passed. " + "Tail. " * 60
    snippet = make_snippet(text, "Title", ["budget", "minister"])
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "<mark>Minister</mark>" in snippet and snippet.count("<mark>budget</mark>") == 2
    assert "&lt;today&gt; &amp;" in snippet and "<today>" not in snippet
    assert len(snippet) < 320


def test_snippet_falls_back_to_the_title_then_to_the_start() -> None:
    assert make_snippet("Body without it.", "Budget day", ["budget"]) == "<mark>Budget</mark> day"
    assert make_snippet("Body without it.", "Title", ["budget"]) == "Body without it."
    assert make_snippet("a < b", "T", []) == "a &lt; b"
