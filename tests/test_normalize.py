"""normalize: canonical URLs, clean text, UTC times, content hashes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from hashwire.normalize import canonical_url, clean_text, content_hash, detect_language, to_utc


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://WWW.Example.COM:443/a/b?utm_source=rss&b=2&a=1#frag", "https://www.example.com/a/b?a=1&b=2"),
        ("http://example.com:80", "http://example.com/"),
        ("http://example.com:8080/x", "http://example.com:8080/x"),
        ("https://example.com/p?fbclid=abc&gclid=1&id=7&mc_cid=x", "https://example.com/p?id=7"),
        ("https://example.com/a%7eb/c d", "https://example.com/a~b/c%20d"),
        ("https://example.com//double//slash", "https://example.com/double/slash"),
        ("//cdn.example.com/x", "https://cdn.example.com/x"),
        ("https://bücher.example/titel", "https://xn--bcher-kva.example/titel"),
        ("https://example.com/?q=a+b&empty=", "https://example.com/?empty=&q=a%20b"),
        ("mailto:someone@example.com", "mailto:someone@example.com"),
        ("", ""),
    ],
)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_canonical_url_is_idempotent() -> None:
    url = "https://Example.com/a/b/?z=1&utm_medium=x&a=%C3%A9"
    assert canonical_url(canonical_url(url)) == canonical_url(url)


def test_clean_text() -> None:
    raw = "  First\u00a0line  with   spaces \r\n\r\n\r\n\r\nSecond\u200b para\ufeff\x00.\n \n\n"
    assert clean_text(raw) == "First line with spaces\n\nSecond para."
    assert clean_text("") == ""
    assert clean_text("cafe\u0301") == "caf\u00e9"  # NFC
    assert clean_text("می\u200cخواهم") == "می\u200cخواهم"  # Persian zero-width non-joiner stays


def test_to_utc() -> None:
    assert to_utc(None) is None
    assert to_utc(datetime(2025, 1, 1, 12, 0)) == datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    cet = timezone(timedelta(hours=1))
    out = to_utc(datetime(2025, 1, 1, 12, 0, tzinfo=cet))
    assert out == datetime(2025, 1, 1, 11, 0, tzinfo=UTC) and out.tzinfo == UTC


def test_content_hash_ignores_case_spacing_and_punctuation() -> None:
    a = content_hash("The Bridge will be rebuilt.\n\nWork starts in spring!")
    b = content_hash("the bridge  will be REBUILT -- work starts in spring")
    assert a == b and len(a) == 32
    assert content_hash("The bridge will not be rebuilt") != a


def test_detect_language_is_exported() -> None:
    assert detect_language("The council said that the bridge was closed for the winter.") == "en"
