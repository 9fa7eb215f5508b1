"""Stored text as XML: escaped, and without the characters XML 1.0 cannot hold at all (a form feed or
a lone surrogate in one stored title must not make a whole feed or sitemap unreadable)."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """Character data for an element."""
    return escape(_NOT_XML.sub("", value))


def xml_attr(value: str) -> str:
    """A quoted attribute value."""
    return quoteattr(_NOT_XML.sub("", value))
