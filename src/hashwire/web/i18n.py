"""UI languages: one JSON file per language in web/i18n/ (adding a language is adding a file).

A file holds the language's name, text direction, digits, plural rules and UI strings. Plural rules are
data, `[low, high, form]` or `[low, high, form, modulo]`, tried in order; "other" is the fallback form.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

I18N_DIR = Path(__file__).with_name("i18n")
DEFAULT_LANGUAGE = "en"


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    name: str
    dir: str
    digits: str
    date_format: str
    plural_rules: tuple[tuple[int, int, str, int], ...]
    strings: dict[str, str] = field(hash=False, compare=False)

    def plural_form(self, n: int) -> str:
        for low, high, form, mod in self.plural_rules:
            value = n % mod if mod else n
            if low <= value <= high:
                return form
        return "other"

    def number(self, n: int | str) -> str:
        """Digits as readers of this language expect them (Arabic-Indic for Arabic)."""
        text = str(n)
        if self.digits == "0123456789":
            return text
        return text.translate(str.maketrans("0123456789", self.digits))

    def t(self, key: str, n: int | None = None, **values: Any) -> str:
        """The UI string `key`; with `n`, the plural form for n ("key.one", "key.few"...)."""
        text = None
        if n is not None:
            text = self.strings.get(f"{key}.{self.plural_form(n)}") or self.strings.get(f"{key}.other")
            values["n"] = self.number(n)
        if text is None:
            text = self.strings.get(key)
        if text is None:
            fallback = languages().get(DEFAULT_LANGUAGE)
            if fallback is None or fallback is self:
                return key
            return fallback.t(key, n, **values)
        return text.format(**values) if values else text


def _load(path: Path) -> Language:
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = tuple(
        (int(r[0]), int(r[1]), str(r[2]), int(r[3]) if len(r) > 3 else 0)
        for r in data.get("plural", {}).get("rules", [])
    )
    return Language(
        code=path.stem,
        name=data.get("language_name", path.stem),
        dir=data.get("dir", "ltr"),
        digits=data.get("digits", "0123456789"),
        date_format=data.get("date_format", "{d}-{m}-{y}"),
        plural_rules=rules,
        strings=dict(data.get("strings", {})),
    )


@cache
def languages() -> dict[str, Language]:
    """Every language with a file in web/i18n/, keyed by its code; the default first."""
    found = {p.stem: _load(p) for p in sorted(I18N_DIR.glob("*.json"))}
    ordered = {DEFAULT_LANGUAGE: found.pop(DEFAULT_LANGUAGE)} if DEFAULT_LANGUAGE in found else {}
    ordered.update(found)
    return ordered


def language(code: str) -> Language | None:
    return languages().get(code)
