"""The design's rules, checked: pure stages do no I/O, SQL lives only in the store."""

import ast
import re
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "hashwire"
PURE = ["feeds", "extract", "sanitize", "normalize", "dedupe", "cluster", "tag", "schedule", "models"]
FORBIDDEN = {"aiohttp", "httpx", "sqlite3", "psycopg", "psycopg_pool", "socket", "urllib.request",
             "requests", "uvicorn", "starlette", "subprocess"}


def _module_file(name: str) -> Path | None:
    rel = name.split(".")
    for cand in (PKG.joinpath(*rel).with_suffix(".py"), PKG.joinpath(*rel, "__init__.py")):
        if cand.exists():
            return cand
    return None


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """(external modules, hashwire modules) imported at any level of the file."""
    external: set[str] = set()
    internal: set[str] = set()
    pkg_parts = path.relative_to(PKG).with_suffix("").parts[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                (internal if alias.name.startswith("hashwire.") else external).add(
                    alias.name.removeprefix("hashwire."))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(pkg_parts[: len(pkg_parts) - (node.level - 1)])
                mod = ".".join([*base, *(node.module.split(".") if node.module else [])])
                targets = [mod] if node.module else []
                targets += [f"{mod}.{a.name}".strip(".") for a in node.names]
                internal.update(t for t in targets if t and _module_file(t))
            elif node.module and node.module.startswith("hashwire"):
                internal.add(node.module.removeprefix("hashwire").lstrip("."))
            elif node.module:
                external.add(node.module)
    return external, internal


@pytest.mark.parametrize("stage", PURE)
def test_pure_stage_does_no_io(stage: str) -> None:
    assert _module_file(stage) is not None, f"the {stage} stage is missing"
    seen: set[str] = set()
    todo = [stage]
    while todo:
        name = todo.pop()
        if name in seen or not name:
            continue
        seen.add(name)
        path = _module_file(name)
        if path is None:
            continue
        external, internal = _imports(path)
        bad = {m for m in external if m in FORBIDDEN or m.split(".")[0] in FORBIDDEN}
        assert not bad, f"{stage} (via {name}) imports {sorted(bad)}"
        todo.extend(internal)


SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b",
                 re.IGNORECASE)


def test_sql_only_in_store() -> None:
    offenders = []
    for path in PKG.rglob("*.py"):
        if "store" in path.relative_to(PKG).parts:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line) and not line.lstrip().startswith("#"):
                offenders.append(f"{path.relative_to(PKG)}:{n}")
    assert not offenders, offenders


def test_module_sizes() -> None:
    big = {p.name: n for p in PKG.rglob("*.py") if (n := len(p.read_text(encoding="utf-8").splitlines())) > 700}
    assert not big, f"modules over 700 lines: {big}"
