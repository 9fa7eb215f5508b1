"""How a hashtag is written and looked up.

- Display form: the words of a phrase joined without spaces, each word capitalised (CamelCase, so screen
  readers can read it) while a name's own inner capitals are kept: "military ties" -> "MilitaryTies",
  "Sergey Lavrov" -> "SergeyLavrov", "iPhone" -> "iPhone", "U.S." -> "US".
- Arabic phrases stay in Arabic script, words joined with underscores ("كوريا_الشمالية"): Arabic has no
  letter case, so underscores are what keeps the words readable, as on Arabic social media.
- Lookup key: case-folded letters and digits only ("militaryties"), Arabic letters normalised
  (diacritics and tatweel removed, alef/yeh/teh marbuta forms unified), so every spelling finds one page.
- Variant key: the identity under which candidate phrases merge: lower case, no possessive, no leading
  "the", last word singular ("the Taliban's" = "Taliban"; "military tie" = "military ties").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC = re.compile(r"[\u0600-\u06FF]")
_AR_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_AR_UNIFY = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
_PART_SPLIT = re.compile(r"[-'’.\u2010-\u2015/&]+")


def is_arabic(text: str) -> bool:
    return bool(_ARABIC.search(text))


def normalize_arabic(text: str) -> str:
    return _AR_DIACRITICS.sub("", text).translate(_AR_UNIFY)


def _camel_word(word: str) -> str:
    parts = [p for p in _PART_SPLIT.split(word) if p]
    out = []
    for part in parts:
        if part.islower():
            out.append(part[:1].upper() + part[1:])
        elif part.isupper() and len(part) > 1 and part.isalpha() and len(part) > 4:
            # shouted words ("BREAKING") are not acronyms past a few letters
            out.append(part[:1] + part[1:].lower())
        else:  # a name's own capitals: "iPhone", "McDonald", "NATO"
            out.append(part)
    return "".join(out)


def display_form(words: list[str] | str) -> str:
    """The display hashtag (without '#') for a phrase given as words or as one string."""
    if isinstance(words, str):
        words = words.split()
    words = [w for w in words if w]
    if not words:
        return ""
    if any(is_arabic(w) for w in words):
        return "_".join(_AR_DIACRITICS.sub("", w).strip("_") for w in words)
    return "".join(_camel_word(w) for w in words)


def tag_key(display: str) -> str:
    """The case-insensitive lookup key of a hashtag: "#MilitaryTies" and "militaryties" -> "militaryties"."""
    text = unicodedata.normalize("NFKC", display).casefold()
    text = normalize_arabic(text)
    return "".join(c for c in text if c.isalnum())


def singular(word: str) -> str:
    """A crude English singular for merging variants ("ties" -> "tie", "crises" -> "crisis")."""
    w = word
    if len(w) <= 3 or not w.isalpha() or not w.islower():
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zes")) or (w.endswith("oes") and len(w) > 5):
        return w[:-2]
    if w.endswith("ses"):  # "crises", "buses", "houses": leave alone rather than guess
        return w
    if w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "ics", "news")):
        return w[:-1]
    return w


def variant_key(words: list[str]) -> str:
    """The identity under which phrase variants merge (see the module docstring)."""
    return _variant_key(tuple(words))


@lru_cache(maxsize=100_000)
def _variant_key(words: tuple[str, ...]) -> str:
    ws = [w.lower().replace("’", "'") for w in words]
    ws = [w[:-2] if w.endswith("'s") else w.rstrip("'") for w in ws]
    while ws and ws[0] in ("the", "a", "an"):
        ws = ws[1:]
    if not ws:
        return ""
    if is_arabic(ws[-1]):
        ws = [normalize_arabic(w) for w in ws]
        if ws[0].startswith("ال") and len(ws) == 1 and len(ws[0]) > 4:
            ws[0] = ws[0][2:]
        return " ".join(ws)
    ws[-1] = singular(ws[-1])
    return " ".join(w.replace(".", "") for w in ws)
