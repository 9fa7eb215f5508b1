"""Pure normalisation: canonical URLs, clean text, UTC times, language, content hashes."""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from hashwire.language import detect_language

__all__ = ["canonical_url", "clean_text", "content_hash", "detect_language", "to_utc"]

# Query parameters that only track the click, never select the content.
_TRACKING_EXACT = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "igshid",
        "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id",
        "vero_id", "wickedid", "ref_src", "ref_url", "s_cid", "cmpid", "ncid", "sr_share", "spm",
        "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4", "ocid",
        "ito", "xtor", "guccounter", "guce_referrer", "guce_referrer_sig", "share", "smid", "rss",
    }
)
_TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "__hs", "at_")
_DEFAULT_PORTS = {"http": "80", "https": "443"}
_SAFE_PATH = "/:@!$&'()*+,;=-._~%"


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in _TRACKING_EXACT or k.startswith(_TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """One spelling per resource: lower-case scheme and host, no default port, fragment or
    tracking parameters, remaining query sorted, percent-encoding made uniform."""
    url = url.strip()
    if not url:
        return ""
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return urlunsplit((scheme, parts.netloc, parts.path, parts.query, ""))
    host = (parts.hostname or "").rstrip(".")
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            host = host.encode("idna").decode("ascii")
    host = host.lower()
    port = parts.port if _port_ok(parts) else None
    netloc = host if not port or str(port) == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    path = quote(unquote(parts.path), safe=_SAFE_PATH) or "/"
    path = re.sub(r"/{2,}", "/", path)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query.sort()
    return urlunsplit((scheme, netloc, path, urlencode(query, quote_via=quote, safe="/:@!$'()*+,;-._~"), ""))


def _port_ok(parts: object) -> bool:
    try:
        _ = parts.port  # type: ignore[attr-defined]
    except ValueError:
        return False
    return True


_SPACE_CHARS = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]+")
# zero-width (non-)joiners stay: they matter in Persian words and emoji sequences
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_INLINE_SPACE = re.compile(r" {2,}")
_MANY_NEWLINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """Unicode NFC, no invisible or control characters, single spaces, lines trimmed, and at most
    one blank line between paragraphs."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACE_CHARS.sub(" ", text)
    text = "\n".join(_INLINE_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def to_utc(dt: datetime | None) -> datetime | None:
    """A timezone-aware UTC datetime; naive values are taken to be UTC already."""
    if dt is None:
        return None
    if dt.tzinfo is None or dt.tzinfo.utcoffset(dt) is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


_WORD = re.compile(r"\w+", re.UNICODE)


def normalized_words(text: str) -> list[str]:
    """Case-folded NFKC words, the unit content hashes and near-duplicate checks work on."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def content_hash(text: str) -> str:
    """A 32-hex digest of the text's normalised words: equal for copies differing only in
    whitespace, punctuation, case or Unicode form."""
    words = normalized_words(text)
    return hashlib.blake2b(" ".join(words).encode("utf-8"), digest_size=16).hexdigest()
