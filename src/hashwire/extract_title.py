"""The headline: the visible <h1> when it agrees with the metadata, else a metadata title with the
site name cut off ("Headline | Outlet", "Outlet - Headline")."""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from hashwire.extract_dates import parse_text_date

_SEPARATORS = re.compile(r"\s+(?:[|–—·•»«:/~]|-{1,2}|::)\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _squash(text: str) -> str:
    return "".join(_WORD.findall(text.casefold()))


def _contains_name(sq: str, name: str) -> bool:
    """One squashed string holds the other, and the name makes up most of the part: "The Motley
    Fool" is the site "Motley Fool", so is a tagline ending in the name ("Latest news from Outlet");
    "Learn web development" is not the site "web.dev"."""
    if not name or len(sq) <= 3 or not (sq in name or name in sq):
        return False
    return min(len(sq), len(name)) >= 0.5 * max(len(sq), len(name)) or sq.endswith(name)


def _is_site(part: str, site_names: list[str], host: str) -> bool:
    sq = _squash(part)
    if not sq:
        return True
    for name in site_names:
        sn = _squash(name)
        if sn and (sq == sn or (_contains_name(sq, sn) and len(part.split()) <= 6)):
            return True
    host_core = _squash(host.removeprefix("www.").rsplit(".", 1)[0]) if host else ""
    return bool(host_core) and (sq == host_core or sq == _squash(host) or
                                (_contains_name(sq, host_core) and len(part.split()) <= 5))


def strip_site_name(title: str, site_names: list[str], url: str = "") -> str:
    """The title without a leading or trailing site-name segment."""
    title = " ".join(title.split())
    host = urlsplit(url).hostname or ""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    seps = _SEPARATORS.findall(title)
    changed = True
    while changed and len(parts) > 1:
        changed = False
        if _is_site(parts[-1], site_names, host):
            parts, seps, changed = parts[:-1], seps[:-1], True
        elif _is_site(parts[0], site_names, host):
            parts, seps, changed = parts[1:], seps[1:], True
    out = parts[0]
    for sep, part in zip(seps, parts[1:], strict=False):
        out += sep + part
    return out.strip()


_TRAILING = re.compile(r"\s+[-–—]\s+(?P<tail>[^-–—]+)$")


_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def tidy_title(title: str) -> str:
    """Entities decoded (some sites escape twice), straight quotes, single spaces."""
    if "&" in title:
        title = html.unescape(title)
    return " ".join(_INVISIBLE.sub("", title).translate(_APOSTROPHES).split())


def headline_part(title: str) -> str:
    """The headline of a composite title: "Headline | Section | Site" -> "Headline"; a short trailing
    tagline after a dash ("Headline - Tested") is cut too."""
    parts = [p.strip() for p in re.split(r"\s+\|\s+|\s+::\s+|\s+»\s+", title)]
    head = parts[0] if len(parts[0].split()) >= 2 or len(parts) == 1 else title
    m = _TRAILING.search(head)
    if m and len(m["tail"].split()) <= 5 and len(head[: m.start()].split()) >= 3:
        head = head[: m.start()]
    return head.strip()


def _text_with_breaks(el: HtmlElement) -> str:
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag == "br" else _text_with_breaks(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _overlap(a: str, b: str) -> float:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


_BYLINE_WORDS = frozenset({"posted", "published", "updated", "by", "on", "am", "von", "par"})
_ADDRESS_WORDS = frozenset({"com", "org", "net", "www", "co", "uk"})


def _inner_title(heading: str, raw_heading: str, titles: list[str]) -> str:
    """The metadata title that the heading starts or ends with, when the rest of the heading is a
    dateline or byline ("Headline Posted on May 1, 2025 by Jane", "Dec 18 2025 Headline"), a
    label ("Blog: Headline") or an address with a count ("Headline (example.com) 87")."""
    for title in titles:
        nt = _norm(title)
        if len(nt.split()) < 3 or nt == heading:
            continue
        if heading.startswith(nt + " "):
            rest = heading[len(nt) + 1:].split()
        elif heading.endswith(" " + nt):
            rest = heading[: -len(nt) - 1].split()
            if len(rest) <= 2 and raw_heading.split(":", 1)[0].strip().casefold() == " ".join(rest):
                return title  # a label before a colon
        else:
            continue
        address = any(w in _ADDRESS_WORDS for w in rest) and all(w.isdigit() or len(w) > 3 or w in _ADDRESS_WORDS
                                                               for w in rest) and len(rest) <= 4
        if rest[0] in _BYLINE_WORDS or parse_text_date(" ".join(rest)) or address:
            return title
    return ""


def _completed(title: str, titles: list[str]) -> str:
    """The title, or a longer one it is the cut-off start of (a headline truncated in one tag)."""
    nt = _norm(title)
    longer = [t for t in titles if len(_norm(t)) > len(nt) and _norm(t).startswith(nt)
              and not _SEPARATORS.search(t[len(title) - 1:])]  # not a headline plus a separate segment
    return max(longer, key=len) if nt and longer else title


def _beside(heading: str, raw_title: str, titles: list[str]) -> bool:
    """The heading and another metadata title both sit in the raw title, apart: "Blog Name: Headline"
    with the heading the blog's name."""
    return any((nt := _norm(t)) and nt in raw_title and heading not in nt and nt not in heading for t in titles)


def choose_title(tree: HtmlElement, meta_titles: list[str], html_title: str, site_names: list[str],
                 url: str) -> str:
    """The headline: the visible <h1> that agrees with the metadata titles, else the metadata title
    without site name or tagline."""
    host = urlsplit(url).hostname or ""
    headings = [_text_with_breaks(h) for h in tree.iter("h1")]
    raw = [tidy_title(t) for t in [*meta_titles, html_title] if t and t.strip()]
    cleaned = [headline_part(strip_site_name(t, site_names, url)) for t in raw]
    cleaned = [t for t in cleaned if t and not _is_site(t, site_names, host)]
    cleaned = [_completed(t, cleaned) for t in cleaned]
    reference = cleaned[0] if cleaned else ""
    h1s: list[str] = []
    for heading in headings:
        text = headline_part(tidy_title(heading))
        if text and len(text) < 300 and text not in h1s and not _is_site(text, site_names, host):
            h1s.append(text)
    if not h1s:
        return reference
    best, best_score = "", 0.0
    for h in h1s:
        nh = _norm(h)
        score = max((_overlap(h, t) for t in cleaned + raw), default=0.0)
        if nh and any(nh == _norm(t) for t in cleaned):
            score = 2.0
        elif nh and any(nh in (_norm(ends[0]), _norm(ends[-1])) for t in raw if len(ends := _SEPARATORS.split(t)) > 1):
            score = 2.0  # "Kayaks" under "Kayaks | Outlet": a one-word headline the site-name cut keeps whole
        elif (inner := _inner_title(nh, h, cleaned)):  # "Headline Posted on May 1 by Jane", "Blog: Headline"
            h, score = inner, 2.0
        elif nh and len(nh.split()) >= 2 and any(nh in _norm(t) and not _beside(nh, _norm(t), cleaned)
                                                 for t in raw):
            score = max(score, 1.5)
        if score > best_score:
            best, best_score = h, score
    if best and best_score >= 0.5:
        return best
    if not reference:
        return h1s[0]
    if len(h1s) == 1 and len(h1s[0].split()) >= 3 and best_score >= 0.2:
        return h1s[0]
    return reference
