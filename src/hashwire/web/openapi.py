"""The OpenAPI 3.1 document of /api/v1 (served at /api/v1/openapi.json, browsed at /api/docs)."""

from __future__ import annotations

from typing import Any

from .. import __version__

_S = "#/components/schemas/"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": _S + name}


def _q(name: str, description: str, *, kind: str = "string", required: bool = False,
       where: str = "query") -> dict[str, Any]:
    return {"name": name, "in": where, "required": required or where == "path", "description": description,
            "schema": {"type": kind}}


LANGUAGE = _q("language", "Only articles in this language (ISO 639-1, e.g. en, ar).")
BEFORE = _q("before", "Keyset cursor: the `next` value of the previous page.")
LIMIT = {**_q("limit", "Items per page (1-100, default 20).", kind="integer"),
         "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20}}
SEARCH_FILTERS = [_q("q", "Words to search for.", required=True), LANGUAGE,
                  _q("source", "Source slug."), _q("category", "Category name."), _q("hashtag", "Hashtag."),
                  _q("from", "First day, YYYY-MM-DD."), _q("to", "Last day, YYYY-MM-DD."),
                  {**_q("order", "relevance (default) or recent."),
                   "schema": {"type": "string", "enum": ["relevance", "recent"]}},
                  _q("page", "Page number from 1 (relevance order).", kind="integer"),
                  _q("before", "Keyset cursor for order=recent: the `next` value of the previous page."), LIMIT]

SCHEMAS: dict[str, Any] = {
    "SourceRef": {"type": "object", "properties": {"id": {"type": ["integer", "null"]}, "name": {"type": "string"},
                                                   "slug": {"type": "string"}}},
    "Card": {"type": "object", "description": "One article as the listings show it.", "properties": {
        "id": {"type": "string", "pattern": "^[0-9a-f]{32}$"}, "title": {"type": "string"},
        "url": {"type": "string", "description": "The original article."}, "source": _ref("SourceRef"),
        "published": {"type": ["string", "null"], "format": "date-time"},
        "updated": {"type": ["string", "null"], "format": "date-time"}, "language": {"type": "string"},
        "category": {"type": "string"}, "hashtags": {"type": "array", "items": {"type": "string"}},
        "excerpt": {"type": "string"},
        "body_html": {"type": "string", "description": "The full text as sanitized HTML."},
        "image": {"type": "string"}, "story_id": {"type": ["string", "null"]},
        "also_covered_by": {"type": "integer", "description": "Other outlets covering the same story."},
        "duplicate_of": {"type": ["string", "null"]},
        "snippet": {"type": "string", "description": "Search only: HTML with <mark> around matches."},
        "rank": {"type": "number", "description": "Search only: relevance score (0 for order=recent)."}}},
    "Listing": {"type": "object", "properties": {"items": {"type": "array", "items": _ref("Card")},
                                                 "next": {"type": ["string", "null"]}}},
    "Story": {"type": "object", "properties": {
        "id": {"type": "string"}, "title": {"type": "string"}, "first_seen": {"type": "string", "format": "date-time"},
        "last_seen": {"type": "string", "format": "date-time"}, "article_count": {"type": "integer"},
        "source_count": {"type": "integer"}, "category": {"type": "string"}, "language": {"type": "string"},
        "hashtags": {"type": "array", "items": {"type": "string"}}, "lead_article_id": {"type": "string"},
        "lead": {"oneOf": [_ref("Card"), {"type": "null"}]}}},
    "Tag": {"type": "object", "properties": {"tag": {"type": "string"}, "key": {"type": "string"},
                                             "articles": {"type": "integer"}, "stories": {"type": "integer"},
                                             "sources": {"type": "integer"}, "score": {"type": "number"}}},
    "Hashtag": {"allOf": [_ref("Listing"), {"type": "object", "properties": {
        "tag": {"type": "string"}, "key": {"type": "string"},
        "related_tags": {"type": "array", "items": _ref("Tag")}}}]},
    "ArticlePage": {"type": "object", "properties": {
        "article": {"allOf": [_ref("Card"), {"type": "object", "properties": {
            "authors": {"type": "array", "items": {"type": "string"}}, "html": {"type": "string"},
            "keywords": {"type": "array", "items": {"type": "string"}},
            "paragraphs": {"type": "array", "items": {"type": "string"}}, "partial": {"type": "boolean"}}}]},
        "also_published_by": {"type": "array", "description": "Other outlets that published this text.",
                              "items": {"allOf": [_ref("SourceRef"), {"type": "object", "properties": {
                                  "url": {"type": "string"},
                                  "article_id": {"type": ["string", "null"],
                                                 "description": "The folded copy, when it was a copy."}}}]}},
        "story": {"oneOf": [_ref("Story"), {"type": "null"}]},
        "coverage": {"type": "array", "items": _ref("Card")}, "related": {"type": "array", "items": _ref("Card")}}},
    "StoryPage": {"type": "object", "properties": {
        "story": _ref("Story"), "articles": {"type": "array", "items": _ref("Card")},
        "first": {"oneOf": [_ref("Card"), {"type": "null"}]}, "copies": {"type": "array", "items": _ref("Card")},
        "related_stories": {"type": "array", "items": _ref("Story")}}},
    "SearchResult": {"type": "object", "properties": {
        "query": {"type": "string"}, "filters": {"type": "object"}, "items": {"type": "array", "items": _ref("Card")},
        "page": {"type": "integer"}, "next_page": {"type": ["integer", "null"]},
        "next": {"type": ["string", "null"], "description": "Cursor of the next page (order=recent)."}}},
    "Source": {"type": "object", "properties": {
        "id": {"type": "integer"}, "name": {"type": "string"}, "slug": {"type": "string"},
        "site_url": {"type": "string"}, "feed_url": {"type": "string"}, "language": {"type": "string"},
        "kind": {"type": "string", "description": "feed, sitemap or page."}}},
    "Category": {"type": "object", "properties": {"name": {"type": "string"}, "articles": {"type": "integer"}}},
    "Language": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"},
                                                  "dir": {"type": "string", "enum": ["ltr", "rtl"]}}},
    "Error": {"type": "object", "properties": {"error": {"type": "object", "properties": {
        "status": {"type": "integer"}, "message": {"type": "string"},
        "retry_after": {"type": "integer", "description": "429 only: seconds to wait."}}}}},
}
for _name in ("Story", "Tag", "Source", "Category", "Language"):
    SCHEMAS[_name + "List"] = {"type": "object", "properties": {"items": {"type": "array", "items": _ref(_name)}}}


def _get(summary: str, schema: str, params: list[dict[str, Any]], op: str) -> dict[str, Any]:
    return {"get": {"operationId": op, "summary": summary, "parameters": params, "responses": {
        "200": {"description": "OK", "headers": {"ETag": {"schema": {"type": "string"}}},
                "content": {"application/json": {"schema": _ref(schema)}}},
        "304": {"description": "Not modified (If-None-Match matched the ETag)."},
        "400": {"description": "Bad parameter", "content": {"application/json": {"schema": _ref("Error")}}},
        "404": {"description": "Not found", "content": {"application/json": {"schema": _ref("Error")}}},
        "429": {"description": "Too many requests; see Retry-After.",
                "headers": {"Retry-After": {"schema": {"type": "integer"}}},
                "content": {"application/json": {"schema": _ref("Error")}}}}}}


def openapi_document(base_url: str, site_name: str) -> dict[str, Any]:
    article_id = _q("id", "32-hex article id.", where="path")
    return {
        "openapi": "3.1.0",
        "info": {"title": f"{site_name} API", "version": "1",
                 "description": "News from many outlets, folded into stories. Every list paginates by keyset "
                                "(`before`); responses carry an ETag and answer 304 to If-None-Match. Requests "
                                "are rate-limited per client (429 with Retry-After). "
                                f"Served by hashwire {__version__}."},
        "servers": [{"url": base_url.rstrip("/")}],
        "paths": {
            "/api/v1/articles": _get("Latest articles, filtered", "Listing", [
                _q("hashtag", "Hashtag (any case)."), _q("source", "Source slug."), _q("category", "Category."),
                LANGUAGE, _q("story", "Story id."), BEFORE, LIMIT], "listArticles"),
            "/api/v1/articles/{id}": _get("One article with its coverage and related articles", "ArticlePage",
                                          [article_id], "getArticle"),
            "/api/v1/stories": _get("Top stories by coverage and recency", "StoryList",
                                    [LANGUAGE, _q("category", "Category."), LIMIT], "listStories"),
            "/api/v1/stories/{id}": _get("Full coverage of one story", "StoryPage",
                                         [_q("id", "Story id.", where="path")], "getStory"),
            "/api/v1/hashtags/{tag}": _get("Latest articles with a hashtag", "Hashtag",
                                           [_q("tag", "Hashtag, any case.", where="path"), LANGUAGE, BEFORE, LIMIT],
                                           "getHashtag"),
            "/api/v1/trending": _get("Trending hashtags", "TagList", [LANGUAGE, LIMIT], "listTrending"),
            "/api/v1/sources": _get("Sources", "SourceList", [], "listSources"),
            "/api/v1/categories": _get("Categories with article counts", "CategoryList", [LANGUAGE], "listCategories"),
            "/api/v1/languages": _get("Languages of the site", "LanguageList", [], "listLanguages"),
            "/api/v1/search": _get("Full-text search", "SearchResult", SEARCH_FILTERS, "search"),
        },
        "components": {"schemas": SCHEMAS},
    }
