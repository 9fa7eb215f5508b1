"""House style: how one outlet's own reporters write the same facts differently from another's.

Wire copy keeps the agency's wording (so copies stay copies); a staff write-up passes through its
outlet's house rules: "per cent" or "%", "said X" or "X said", "over" or "more than", "US$" or "$".
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]

_EN: tuple[Rule, ...] = (
    (re.compile(r"(\d)%"), r"\1 per cent"),
    (re.compile(r"”,? said ([A-Z][\w'-]+ [A-Z][\w'-]+)\."), r"” \1 said."),
    (re.compile(r"\bmore than\b"), "over"),
    (re.compile(r"\$(\d+(?:\.\d+)?) (billion|million)"), r"US$\1 \2"),
    (re.compile(r"\babout (\d)"), r"around \1"),
    (re.compile(r"\bsaid on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"), r"said \1"),
    (re.compile(r"\bkilometres\b"), "km"),
    (re.compile(r"\bofficials said\b"), "according to officials"),
    (re.compile(r"\bthe company said\b"), "the company said in a statement"),
    (re.compile(r"\bAt least (\d)"), r"No fewer than \1"),
    (re.compile(r"\bat least (\d)"), r"no fewer than \1"),
    (re.compile(r"\bexpected to\b"), "likely to"),
)
_AR: tuple[Rule, ...] = (
    (re.compile(r"(\d)%"), r"\1 في المئة"),
    (re.compile(r"\bأكثر من\b"), "ما يزيد على"),
    (re.compile(r"\bنحو\b"), "قرابة"),
    (re.compile(r"\bيوم (الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)\b"), r"\1"),
    (re.compile(r"\bبحسب\b"), "وفق"),
    (re.compile(r"\bعلى الأقل\b"), "في أقل تقدير"),
)
RULES = {"en": _EN, "ar": _AR}


def house_rules(outlet: int, lang: str) -> tuple[Rule, ...]:
    """About half of the language's rules, a different half for each outlet."""
    rules = RULES[lang]
    mask = (outlet * 2654435761 + 0x5BD1E995) & ((1 << len(rules)) - 1)
    return tuple(rule for k, rule in enumerate(rules) if (mask >> k) & 1)


def restyle(paragraphs: list[str], outlet: int, lang: str) -> list[str]:
    rules = house_rules(outlet, lang)
    out = []
    for p in paragraphs:
        for pattern, repl in rules:
            p = pattern.sub(repl, p)
        out.append(p)
    return out
