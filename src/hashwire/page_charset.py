"""Bytes of an HTML page -> text, in the encoding the page is actually written in.

The declared encoding is the byte order mark's, else the HTTP charset, else a `<meta charset>` or
`<meta http-equiv="Content-Type">` declaration near the top of the page. Many Arabic and older
European sites declare their legacy encoding (windows-1256, iso-8859-6, windows-1251...) only
inside the page; decoding those as UTF-8 garbles every letter. A legacy declaration that does not
fit the bytes (a page labelled iso-8859-1 or windows-1256 but written in UTF-8 is common) loses to
valid UTF-8, which legacy text almost never is by accident. Undeclared pages are UTF-8 unless their
bytes are mostly not, then windows-1252 (what browsers assume).
"""

from __future__ import annotations

import codecs
import re

from .feed_xml import BOMS, declared_charset

PRESCAN_BYTES = 4096  # how far into the page a <meta> declaration is looked for
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([a-zA-Z0-9._:-]+)""", re.IGNORECASE)
# labels browsers read as another encoding (the WHATWG Encoding Standard): latin-1 and ASCII pages
# are decoded as windows-1252, whose 0x80-0x9F range holds curly quotes and dashes
_ALIASES = {"iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874",
            "x-user-defined": "cp1252", "utf8": "utf-8", "unicode": "utf-16"}


def _codec(label: str) -> str:
    """The Python codec for a charset label, or "" when the label names none."""
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def declared_encoding(body: bytes, content_type: str = "") -> str:
    """The encoding the response declares: BOM, then HTTP header, then <meta> (codec name or "")."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return name
    header = _codec(declared_charset(content_type)) if content_type else ""
    if header:
        return header
    match = _META_CHARSET.search(body, 0, PRESCAN_BYTES)
    if match is None:
        return ""
    name = _codec(match.group(1).decode("ascii"))
    # a page whose <meta> could be read is ASCII-compatible, whatever it says
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def decode_page(body: bytes, content_type: str = "") -> str:
    """The page's text; never raises on bad bytes (they become U+FFFD)."""
    for bom, name in BOMS:
        if body.startswith(bom):
            return body[len(bom):].decode(name, errors="replace")
    declared = declared_encoding(body, content_type)
    if declared and declared != "utf-8":
        try:  # a legacy label on a page written in UTF-8: the bytes say which it is
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return body.decode(declared, errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        if declared == "utf-8" or _mostly_utf8(body, exc.start):
            return body.decode("utf-8", errors="replace")
        return body.decode("cp1252", errors="replace")


def _mostly_utf8(body: bytes, first_error: int) -> bool:
    """Whether a page with invalid UTF-8 is still a UTF-8 page with a few broken bytes: it has more
    valid multi-byte characters than invalid bytes (a legacy page has almost none of the first)."""
    if not body[:first_error].isascii():
        return True
    text = body.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - invalid
    return valid > invalid
