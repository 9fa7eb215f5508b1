"""Author names from bylines: "By Jane Doe and John Roe | Staff" -> ["Jane Doe", "John Roe"]."""

from __future__ import annotations

import html
import re

_BY_PREFIX = re.compile(
    r"^\s*(?:(?:written|posted|published|reported|words|text|story|article|photos?)"
    r"(?:\s+and\s+\w+)?\s+)?(?:(?:by|von|par|por|di|door|av|af|من|بقلم)\s*:?\s+|(?:By|Von)(?=[A-Z]))",
    re.I,
)
# Where a byline stops naming people: dates, reading times, roles after a bar, "Updated ..."
_BYLINE_END = re.compile(
    r"(?:\s[|•·⋅]\s?|\s?[|•·⋅]\s|\s[-–—]\s(?=\S*\s?\d)|[|•·⋅]|(?-i:(?<=[a-z])(?=(?:Published|Updated|Posted|Last|Reviewed|"
    r"Edited|Fact|Mar|Jan|Feb|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b))|\b(?:published|updated|last updated|posted|"
    r"reviewed by|edited by|fact[- ]checked|medically reviewed|(?:on|at) \d|(?:on|at) (?:jan|feb|mar|apr|may|jun|jul|"
    r"aug|sep|oct|nov|dec)|\d+ min|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.? \d{1,2}\b|\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{4}\b))",
    re.I,
)
_LABEL_ONLY = re.compile(r"^(?:the )?(?:author|authors|by|admin|administrator|editor|staff|guest|anonymous|unknown|"
                         r"team|redaktion|autor|(?:[\w-]+ ){0,2}(?:by|from)|about the authors?|meet (?:the|your) "
                         r"\w+|(?:article|text|story|post) by|author info(?:rmation)?)$", re.I)
# A part of a byline that is a job title or affiliation, not a name: "Senior Analyst", "Head of Marketing"
_ROLE = re.compile(
    r"\b(?:senior|sr\.?|junior|jr\.|chief|head|director|editor|editors|analyst|expert|writer|manager|columnist|reporter|"
    r"correspondent|contributor|specialist|founder|co-founder|ceo|cto|cfo|officer|professor|lecturer|president|"
    r"vice|associate|assistant|consultant|strategist|coordinator|producer|journalist|researcher|scientist|"
    r"engineer|developer|designer|attorney|lawyer|partner|intern|fellow|marketing|operations|communications|"
    r"department|institute|university|college|school|inc\.?|llc|ltd)\b",
    re.I,
)
_LABEL = re.compile(r"^\s*(?:(?:the )?authors?|autor(?:in)?|auteur|autore|writer|bylines?)\s*[:\-–]?\s+", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||/|\band\b|\bund\b|\bet\b|\by\b|\be\b|&|\bwith\b|\bmit\b| و )\s*", re.I)
_NOT_NAME = re.compile(
    r"(?:https?:|www\.|@|\d{3,}|\bupdated\b|\bpublished\b|\bminutes?\b|\bread\b|\bshare\b|\bfollow\b|"
    r"\bcomments?\b|\bposted\b|\bphoto\b|\bimage\b|\bcredit\b|\bgetty\b|\bshutterstock\b|\bclick\b|"
    r"\bsubscribe\b|\bmin\b|\bago\b|\bview all\b|\bmore\b|\barticles?\b|\bprofile\b|\bcontributor\b|"
    r"\bemail\b|\btwitter\b|\bfacebook\b|\blinkedin\b|\bstaff writer\b|\bcontent\b|\bposts\b|\bbio\b|\bcite\b|"
    r"\bwebpage\b|\bprint\b|\bverified\b|\bsponsored\b|\btrending\b|\bguides\b|\bstrategy\b)",
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


_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_CONNECTOR = re.compile(r"^(?:and|und|et|y|&|,|;)\s", re.I)


def byline_chunks_names(chunks: list[str]) -> list[str]:
    """Names from the text pieces of a byline element: the first piece naming someone, joined with
    the pieces that continue it ("and John Roe"); roles and dates in later pieces are left out."""
    pieces = [" ".join(c.split()) for c in chunks]
    pieces = [p for p in pieces if p]
    for i, piece in enumerate(pieces):
        if _LABEL_ONLY.match(piece.strip(" :")) or not byline_names(piece):
            continue
        text = piece
        for nxt in pieces[i + 1:]:
            if _CONNECTOR.match(nxt + " ") or text.rstrip().endswith((",", "&", " and")):
                text += " " + nxt
            else:
                break
        return byline_names(text)
    return []


_LEAD_IN = re.compile(r"^.{0,40}?\b(?:was |is )?(?:written|posted|authored|reported) by\s+", re.I)


def byline_names(text: str) -> list[str]:
    """Names in visible byline text, which often runs on into dates, roles and reading times."""
    text = _LEAD_IN.sub("", " ".join(text.split()))
    text = _LABEL.sub("", text)
    text = _BY_PREFIX.sub("", text)
    head = _BYLINE_END.split(text, maxsplit=1)[0].strip(" ,.-–—:")
    if not head or _LABEL_ONLY.match(head):
        return []
    if "," in head:
        parts = [p.strip() for p in head.split(",")]
        if not all(len(p.split()) >= 2 for p in parts):
            return clean_authors([head])  # "Jane Doe, MD": a credential, not a second name
        kept = [parts[0]]
        for part in parts[1:]:
            if _ROLE.search(part):
                break  # "Jane Doe, Senior Analyst, Outlet": the role and what follows it are not names
            kept.append(part)
        head = ", ".join(kept)
    return clean_authors(split_authors(head))


def _looks_like_name(name: str) -> bool:
    words = name.split()
    if not 1 <= len(words) <= 8 or len(name) > 80 or len(name) < 2 or _LABEL_ONLY.match(name):
        return False
    if _NOT_NAME.search(name):
        return False
    return any(ch.isalpha() for ch in name)


def clean_authors(names: list[str]) -> list[str]:
    """Each name trimmed of prefixes and roles; things that are not names dropped; no repeats."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in names:
        raw = html.unescape(raw) if "&" in raw else raw
        raw = _PRIVATE_USE.sub("", raw)  # icon-font glyphs
        name = _BY_PREFIX.sub("", " ".join(raw.split())).strip(" .,:;|-–—·•")
        role_free = _TRAILING_ROLE.sub("", name).strip(" ,|-–—")
        if role_free and len(role_free.split()) >= 2:
            name = role_free
        elif not role_free:
            continue  # nothing but a role ("Senior Editor")
        if not _looks_like_name(name):
            continue
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
