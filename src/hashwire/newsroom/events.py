"""Kinds of news events: their category, the numbers they carry and the tags an editor would give them.

The wording of each kind lives in `events_en.py` and `events_ar.py`, keyed by the same names.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventKind:
    key: str
    category: str  # one of CATEGORIES
    # number slots: name -> (low, high, decimals); "<name>_more" is a later, larger figure of the same slot
    numbers: tuple[tuple[str, float, float, int], ...]
    # fact slots whose values become the story's tags, most important first (after the keyphrase)
    tag_slots: tuple[str, ...]


CATEGORIES = ("World", "Politics", "Business", "Technology", "Science", "Health", "Sports", "Entertainment")
SECTIONS = tuple(c.lower() for c in CATEGORIES)

KINDS: tuple[EventKind, ...] = (
    EventKind("earthquake", "World", (("mag", 5.2, 7.8, 1), ("n1", 4, 60, 0), ("n2", 80, 900, 0),
                                       ("depth", 8, 40, 0), ("n3", 120, 4000, 0)), ("city", "country", "agency")),
    EventKind("election", "Politics", (("pct", 38, 56, 1), ("pct2", 25, 40, 1), ("turnout", 48, 79, 1),
                                        ("n1", 3, 14, 0), ("n2", 120, 400, 0)), ("p1", "party1", "country", "p2")),
    EventKind("rehab", "Entertainment", (("n1", 2, 9, 0), ("n2", 30, 60, 0), ("n3", 4, 12, 0)), ("p1", "film")),
    EventKind("merger", "Business", (("money", 1.2, 48.0, 1), ("pct", 12, 45, 1), ("n1", 3000, 90000, 0),
                                      ("n2", 2, 18, 0)), ("co1", "co2", "p1")),
    EventKind("trial", "Politics", (("n1", 2, 40, 0), ("money", 3.0, 250.0, 1), ("n2", 3, 25, 0),
                                     ("n3", 10, 60, 0)), ("p1", "city", "country")),
    EventKind("match", "Sports", (("g1", 1, 5, 0), ("g2", 0, 3, 0), ("n1", 12000, 80000, 0), ("min", 52, 89, 0),
                                   ("n2", 2, 30, 0)), ("team1", "team2", "p1", "competition")),
    EventKind("launch", "Technology", (("price", 399, 1899, 0), ("n1", 2, 9, 0), ("n2", 12, 48, 0),
                                        ("n3", 20, 80, 0)), ("co1", "product", "p1")),
    EventKind("outbreak", "Health", (("n1", 40, 900, 0), ("n2", 2, 40, 0), ("n3", 5, 30, 0)),
              ("disease", "city", "country", "agency")),
    EventKind("mission", "Science", (("n1", 90, 900, 0), ("n2", 2, 14, 0), ("money", 0.2, 3.5, 1),
                                      ("n3", 3, 12, 0)), ("mission", "uni", "p1")),
    EventKind("flood", "World", (("n1", 2000, 90000, 0), ("n2", 3, 40, 0), ("n3", 80, 400, 0),
                                  ("n4", 12, 200, 0)), ("city", "country", "agency")),
    EventKind("breach", "Technology", (("n1", 2, 140, 0), ("n2", 3, 30, 0), ("money", 1.0, 60.0, 1)),
              ("co1", "agency", "p1")),
    EventKind("rates", "Business", (("rate", 1.5, 9.5, 2), ("bp", 25, 75, 0), ("infl", 2.1, 9.8, 1),
                                     ("n1", 5, 9, 0)), ("country", "p1")),
    EventKind("study", "Science", (("n1", 800, 40000, 0), ("pct", 12, 48, 1), ("n2", 3, 15, 0)),
              ("uni", "p1", "city")),
    EventKind("approval", "Health", (("n1", 600, 9000, 0), ("pct", 18, 62, 1), ("price", 200, 4000, 0),
                                      ("n2", 2, 10, 0)), ("drug", "co1", "condition")),
    EventKind("premiere", "Entertainment", (("n1", 3, 12, 0), ("n2", 2, 9, 0), ("money", 4.0, 120.0, 1)),
               ("film", "p1", "city")),
)
KIND_BY_KEY = {k.key: k for k in KINDS}
