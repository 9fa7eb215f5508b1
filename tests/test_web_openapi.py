"""The OpenAPI document: structurally valid 3.1, every path variable declared, and every answer the API
actually gives (lists, pages, errors) matches the documented schema, with no undocumented field."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest

from hashwire.config import Config
from hashwire.store import Store
from hashwire.web.app import create_app
from hashwire.web.openapi import openapi_document
from web_corpus import Client, open_seeded

JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,), "integer": (int,), "number": (int, float), "boolean": (bool,), "array": (list,),
    "object": (dict,), "null": (type(None),)}


class Checker:
    """Validates JSON values against the subset of JSON Schema the document uses, strictly: an object
    field the schema does not name is reported (clients generated from the document would drop it)."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec

    def resolve(self, ref: str) -> dict[str, Any]:
        assert ref.startswith("#/"), ref
        node: Any = self.spec
        for part in ref[2:].split("/"):
            assert part in node, f"unresolvable $ref {ref}"
            node = node[part]
        return dict(node)

    def properties(self, schema: dict[str, Any]) -> dict[str, Any] | None:
        """Every property an object may have (through $ref and allOf), or None when any is allowed."""
        if "$ref" in schema:
            return self.properties(self.resolve(schema["$ref"]))
        if "allOf" in schema:
            merged: dict[str, Any] = {}
            for part in schema["allOf"]:
                props = self.properties(part)
                if props is None:
                    return None
                merged.update(props)
            return merged
        return schema.get("properties")

    def problems(self, value: Any, schema: dict[str, Any], where: str = "$") -> list[str]:
        if "$ref" in schema:
            return self.problems(value, self.resolve(schema["$ref"]), where)
        if "oneOf" in schema:
            matching = [s for s in schema["oneOf"] if not self.problems(value, s, where)]
            return [] if len(matching) == 1 else [f"{where}: matches {len(matching)} of oneOf"]
        if "allOf" in schema:
            out = [p for s in schema["allOf"] for p in self.problems(value, s, where)
                   if "not documented" not in p]
            props = self.properties(schema)
            if props is not None and isinstance(value, dict):
                out += [f"{where}.{k}: not documented" for k in value if k not in props]
            return out
        types = schema.get("type")
        if types is not None:
            names = [types] if isinstance(types, str) else types
            if not any(isinstance(value, JSON_TYPES[t]) and not (t in ("integer", "number")
                                                                  and isinstance(value, bool))
                       for t in names):
                return [f"{where}: {type(value).__name__} is not {types}"]
        out: list[str] = []
        if "enum" in schema and value not in schema["enum"]:
            out.append(f"{where}: {value!r} not in {schema['enum']}")
        if isinstance(value, str):
            if "pattern" in schema and not re.search(schema["pattern"], value):
                out.append(f"{where}: {value!r} does not match {schema['pattern']}")
            if schema.get("format") == "date-time":
                try:
                    datetime.fromisoformat(value)
                except ValueError:
                    out.append(f"{where}: {value!r} is not a date-time")
        if isinstance(value, list) and "items" in schema:
            for i, item in enumerate(value[:50]):
                out += self.problems(item, schema["items"], f"{where}[{i}]")
        if isinstance(value, dict) and "properties" in schema:
            for key, item in value.items():
                if key not in schema["properties"]:
                    out.append(f"{where}.{key}: not documented")
                else:
                    out += self.problems(item, schema["properties"][key], f"{where}.{key}")
        return out


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    store, info = open_seeded(Path(tmp_path_factory.mktemp("openapi")) / "openapi.db")
    yield store, info
    store.close()


@pytest.fixture(scope="module")
def client(seeded: tuple[Store, dict[str, Any]]) -> Client:
    return Client(create_app(seeded[0], Config(environ={}), rate_limit=None))


@pytest.fixture(scope="module")
def spec(client: Client) -> dict[str, Any]:
    return dict(client.get("/api/v1/openapi.json").json())


def operations(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in spec["paths"].items():
        for method, op in item.items():
            yield path, method, op


def test_structure_of_an_openapi_31_document(spec: dict[str, Any]) -> None:
    assert re.fullmatch(r"3\.1\.\d+", spec["openapi"])
    assert spec["info"]["title"] and spec["info"]["version"]
    ids = []
    for path, method, op in operations(spec):
        assert path.startswith("/") and method in ("get", "put", "post", "delete", "patch", "head", "options")
        ids.append(op["operationId"])
        seen = set()
        for param in op["parameters"]:
            assert param["in"] in ("query", "path", "header", "cookie") and "schema" in param, param
            assert (param["name"], param["in"]) not in seen, f"{path}: {param['name']} declared twice"
            seen.add((param["name"], param["in"]))
        declared = {p["name"] for p in op["parameters"] if p["in"] == "path"}
        assert declared == set(re.findall(r"\{(\w+)\}", path)), path  # every variable, and only those
        assert all(p["required"] for p in op["parameters"] if p["in"] == "path")
        for status, response in op["responses"].items():
            assert re.fullmatch(r"[1-5]\d\d", status) and response["description"], (path, status)
    assert len(ids) == len(set(ids)), "operationIds must be unique"


def test_the_document_names_the_site_and_its_address() -> None:
    doc = openapi_document("https://news.example/", "Harbour <News>")
    assert doc["servers"] == [{"url": "https://news.example"}]
    assert doc["info"]["title"] == "Harbour <News> API"
    assert orjson.loads(orjson.dumps(doc)) == doc  # plain JSON all the way down


def answers(info: dict[str, Any]) -> list[tuple[str, str, int]]:
    """(request, documented path, expected status) for every operation, including its errors."""
    wire, arabic = info["port"][2], info["arabic"][0]
    return [
        ("/api/v1/articles?limit=3", "/api/v1/articles", 200),
        ("/api/v1/articles?hashtag=portstrike&language=en", "/api/v1/articles", 200),
        ("/api/v1/articles?source=nowhere", "/api/v1/articles", 404),
        ("/api/v1/articles?limit=0", "/api/v1/articles", 400),
        (f"/api/v1/articles/{wire.id}", "/api/v1/articles/{id}", 200),
        (f"/api/v1/articles/{arabic.id}", "/api/v1/articles/{id}", 200),
        ("/api/v1/articles/" + "0" * 32, "/api/v1/articles/{id}", 404),
        ("/api/v1/stories?language=en", "/api/v1/stories", 200),
        ("/api/v1/stories/s-port", "/api/v1/stories/{id}", 200),
        ("/api/v1/stories/none", "/api/v1/stories/{id}", 404),
        ("/api/v1/hashtags/PortStrike", "/api/v1/hashtags/{tag}", 200),
        ("/api/v1/hashtags/NoSuchTag", "/api/v1/hashtags/{tag}", 404),
        ("/api/v1/trending", "/api/v1/trending", 200),
        ("/api/v1/trending?language=ar", "/api/v1/trending", 200),
        ("/api/v1/sources", "/api/v1/sources", 200),
        ("/api/v1/categories?language=en", "/api/v1/categories", 200),
        ("/api/v1/languages", "/api/v1/languages", 200),
        ("/api/v1/search?q=strike", "/api/v1/search", 200),
        ("/api/v1/search?q=strike&order=recent&limit=1", "/api/v1/search", 200),
        ("/api/v1/search", "/api/v1/search", 400),
        ("/api/v1/search?q=x&from=yesterday", "/api/v1/search", 400),
    ]


def test_every_answer_matches_its_documented_schema(client: Client, spec: dict[str, Any], seeded: Any) -> None:
    checker = Checker(spec)
    problems: list[str] = []
    covered = set()
    for url, path, status in answers(seeded[1]):
        response = client.get(url)
        assert response.status_code == status, url
        documented = spec["paths"][path]["get"]["responses"][str(status)]
        schema = documented["content"]["application/json"]["schema"]
        body = response.json()
        if status == 200:
            covered.add(path)
            assert body, url
        problems += [f"{url} {p}" for p in checker.problems(body, schema)]
    assert covered == set(spec["paths"])  # every operation's success answer was checked
    assert not problems, "\n".join(problems[:30])


def test_list_items_are_documented_not_just_objects(spec: dict[str, Any]) -> None:
    """A list of `object` tells a client nothing: each list says what its items are."""
    checker = Checker(spec)
    loose = []
    for path, _, op in operations(spec):
        schema = op["responses"]["200"]["content"]["application/json"]["schema"]
        items = (checker.properties(schema) or {}).get("items")
        if items is not None and checker.properties(items.get("items", {})) is None:
            loose.append(path)
    assert loose == []


def test_documented_limits_are_the_enforced_ones(client: Client, spec: dict[str, Any]) -> None:
    for path, _, op in operations(spec):
        for param in op["parameters"]:
            if param["name"] != "limit" or "{" in path:
                continue
            schema = param["schema"]
            url = path + ("?q=strike&" if path.endswith("/search") else "?")
            assert client.get(f"{url}limit={schema['minimum']}").status_code == 200, path
            assert client.get(f"{url}limit={schema['maximum']}").status_code == 200, path
            assert client.get(f"{url}limit={schema['minimum'] - 1}").status_code == 400, path
            assert client.get(f"{url}limit={schema['maximum'] + 1}").status_code == 400, path


def test_a_rate_limited_answer_matches_what_the_document_promises(seeded: Any) -> None:
    client = Client(create_app(seeded[0], Config(environ={}), rate_limit=(0.001, 1)))
    spec = client.get("/api/v1/openapi.json").json()
    limited = client.get("/api/v1/languages")
    assert limited.status_code == 429
    promised = spec["paths"]["/api/v1/languages"]["get"]["responses"]["429"]
    assert int(limited.headers["retry-after"]) >= 1 and "Retry-After" in promised["headers"]
    schema = promised["content"]["application/json"]["schema"]
    assert Checker(spec).problems(limited.json(), schema) == []
