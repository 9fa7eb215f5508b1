"""Turning untrusted feed bytes into an lxml tree safely: no external entities, no entity
expansion, no network, no huge trees; with repairs for what real feeds get wrong (HTML named
entities, control characters, a wrong or missing encoding declaration).
"""

from __future__ import annotations

import codecs
import html.entities
import re

from lxml import etree

from .errors import FeedParseError

XML_BUILTIN = frozenset({"amp", "lt", "gt", "quot", "apos"})
_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{0,31});")
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CHAR_REF = re.compile(rb"&#([0-9]{1,10}|[xX][0-9A-Fa-f]{1,8});")
_BARE_AMP = re.compile(rb"&(?!(?:[A-Za-z][A-Za-z0-9]{0,31}|#[0-9]{1,8}|#x[0-9A-Fa-f]{1,8});)")
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*?\?>")
_DECL_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_DOCTYPE = re.compile(rb"<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>", re.IGNORECASE)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))  # UTF-32 first: its LE mark starts like UTF-16's


def _char_ref(match: re.Match[bytes]) -> bytes:
    """Character references to code points XML forbids (NUL, C0 controls, surrogates) are dropped."""
    body = match.group(1)
    try:
        code = int(body[1:], 16) if body[:1] in (b"x", b"X") else int(body)
    except ValueError:
        return b""
    if code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return match.group(0)
    return b""


def _numeric_entity(match: re.Match[bytes]) -> bytes:
    name = match.group(1).decode("ascii")
    if name in XML_BUILTIN:
        return match.group(0)
    code = html.entities.name2codepoint.get(name)
    if code is None:
        return b"&amp;" + match.group(1) + b";"  # an unknown name becomes visible text, not a hole
    return b"&#%d;" % code


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                           recover=recover, remove_comments=True, remove_pis=True, strip_cdata=True,
                           collect_ids=False)


_STRICT = _parser(False)
_RECOVER = _parser(True)


def recovering_parser() -> etree.XMLParser:
    """The safe settings with libxml2's recovery on (a parser for repeated use by one caller)."""
    return _parser(True)


def declared_charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return ""


def _wide_encoding(data: bytes) -> str:
    """utf-16/32 by BOM or by the zero-byte pattern of '<?' (these cannot be cleaned bytewise)."""
    if data[:1] not in (b"\xef", b"\xfe", b"\xff", b"\x00") and data[1:2] != b"\x00":
        return ""  # the common case: an ASCII-compatible encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return name if name != "utf-8" else ""
    head = data[:4]
    if head in (b"<\0\0\0", b"\0\0\0<"):
        return "utf-32-le" if head[0] else "utf-32-be"
    # UTF-16 without a byte order mark: every other byte zero ("<\0?\0", "<\0r\0", " \0<\0"...)
    if len(head) == 4 and head[1] == head[3] == 0 and head[0] and head[2]:
        return "utf-16-le"
    if len(head) == 4 and head[0] == head[2] == 0 and head[1] and head[3]:
        return "utf-16-be"
    return ""


def _to_utf8(data: bytes, content_type: str) -> bytes:
    """Decode by BOM, then HTTP charset, then the XML declaration, then UTF-8, then cp1252;
    returns UTF-8 with the declaration removed so lxml does not second-guess it."""
    wide = _wide_encoding(data)
    candidates = [wide] if wide else []
    if data.startswith(codecs.BOM_UTF8):
        candidates.append("utf-8-sig")
    http = declared_charset(content_type)
    if http:
        candidates.append(http)
    match = _DECL_ENCODING.match(data)
    if match:
        candidates.append(match.group(1).decode("ascii").lower())
    candidates += ["utf-8", "cp1252", "latin-1"]
    for name in candidates:
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            if name == "utf-8-sig":
                # a UTF-8 byte order mark with some invalid bytes after it: still UTF-8, mostly
                text = data[3:].decode("utf-8", "replace")
            else:
                continue
        text = text.lstrip("\ufeff")
        return _XML_DECL.sub(b"", text.encode("utf-8"), count=1)
    raise FeedParseError("undecodable bytes")  # unreachable: latin-1 decodes anything


def repair(data: bytes, content_type: str = "") -> bytes:
    """UTF-8 bytes lxml can read: named HTML entities made numeric, control characters and
    internal DTD subsets dropped, bare ampersands escaped."""
    data = _to_utf8(data, content_type)
    if _CONTROL.search(data):
        data = _CONTROL.sub(b"", data)
    data = _DOCTYPE.sub(b"", data, count=1)
    if b"&" in data:
        data = _CHAR_REF.sub(_char_ref, data)
        data = _ENTITY.sub(_numeric_entity, data)
        data = _BARE_AMP.sub(b"&amp;", data)
    return data


def parse_xml(data: bytes, url: str = "", content_type: str = "") -> tuple[etree._Element, bool]:
    """(root, clean). `clean` is False when the document needed repair or recovery, a sign that
    a tolerant parser may find more in it."""
    base = url or None
    if not _wide_encoding(data) and b"<!ENTITY" not in data and not declared_charset(content_type):
        try:
            return etree.fromstring(data, _STRICT, base_url=base), True
        except etree.XMLSyntaxError:
            pass
    fixed = repair(data, content_type)
    try:
        root = etree.fromstring(fixed, _RECOVER, base_url=base)
    except etree.XMLSyntaxError as exc:
        raise FeedParseError(f"not XML: {exc}") from exc
    if root is None:
        raise FeedParseError("empty or unreadable XML document")
    # repaired into well-formed XML: as trustworthy as a clean parse; otherwise lxml had to recover
    return root, not any(e.level_name in ("ERROR", "FATAL") for e in _RECOVER.error_log)
