"""docs/api.md keeps up with the API: every /api/v1/ path of the OpenAPI document is described there,
and every endpoint the guide describes still exists."""

from __future__ import annotations

import re
from pathlib import Path

from hashwire.web.openapi import openapi_document

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def api_paths() -> list[str]:
    document = openapi_document("http://127.0.0.1:8000", "hashwire")
    return sorted(path for path in document["paths"] if path.startswith("/api/v1/"))


def test_openapi_lists_api_paths() -> None:
    paths = api_paths()
    assert "/api/v1/articles" in paths
    assert "/api/v1/articles/{id}" in paths


def test_every_openapi_path_is_in_the_guide() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [path for path in api_paths() if f"`GET {path}`" not in text]
    assert not missing, f"docs/api.md has no section for {missing}"


def test_every_endpoint_in_the_guide_exists() -> None:
    described = set(re.findall(r"`GET (/api/v1/[^`\s]+)`", DOC.read_text(encoding="utf-8")))
    gone = described - set(api_paths())
    assert not gone, f"docs/api.md describes endpoints the OpenAPI document does not list: {sorted(gone)}"
