"""Author names from bylines: "By Jane Doe and John Roe | Staff" -> ["Jane Doe", "John Roe"]."""

from __future__ import annotations

import re

_BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|words|text|story|article|photos?|edited|reviewed)"
    r"(?:\s+and\s+\w+)?\s+)?(?:by|von|par|por|di|door|av|af|من|بقلم)\s*:?\s+",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:authors?|autor(?:in)?|auteur|autore|writer|redaktion|bylines?)\s*[:\-–]\s*", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|\be\b|&|\bwith\b|\bmit\b| و )\s*", re.I)
_NOT_NAME = re.compile(
    r"(?:https?:|www\.|@|\d{3,}|\bupdated\b|\bpublished\b|\bminutes?\b|\bread\b|\bshare\b|\bfollow\b|"
    r"\bcomments?\b|\bposted\b|\bphoto\b|\bimage\b|\bcredit\b|\bgetty\b|\bshutterstock\b|\bclick\b|"
    r"\bsubscribe\b|\bmin\b|\bago\b|\bview all\b|\bmore\b|\barticles?\b|\bprofile\b|\bcontributor\b|"
    r"\bemail\b|\btwitter\b|\bfacebook\b|\blinkedin\b|\bstaff writer\b|\bcontent\b|\bposts\b)",
    re.I,
)
_TRAILING_ROLE = re.compile(
    r"\s*(?:[,|–—-]\s*)?(?:\((?:[^)]*)\)|\b(?:staff|senior|contributing|associate|chief|editor|reporter|"
    r"correspondent|writer|columnist|journalist)\b.*)$",
    re.I,
)


def split_authors(text: str) -> list[str]:
    """Names in a byline string, in order; the "By" prefix and obvious labels removed."""
    text = " ".join(text.split())
    text = _LABEL.sub("", text)
    text = _BY_PREFIX.sub("", text)
    parts = [p.strip(" .:-–—·•") for p in _SPLIT.split(text)]
    return [p for p in parts if p]


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    if _NOT_NAME.search(name):
        return False
    return any(ch.isalpha() for ch in name)


def clean_authors(names: list[str]) -> list[str]:
    """Each name trimmed of prefixes and roles; things that are not names dropped; no repeats."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        name = _BY_PREFIX.sub("", " ".join(raw.split())).strip(" .,:;|-–—·•")
        role_free = _TRAILING_ROLE.sub("", name).strip(" ,|-–—")
        if role_free and len(role_free.split()) >= 2:
            name = role_free
        if not _looks_like_name(name):
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
