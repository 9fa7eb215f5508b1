"""JSON API /api/v1: the same resources the pages show, as orjson; its OpenAPI 3.1 document lives in
openapi.py and is browsable at /api/docs."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import orjson
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from ..errors import BadRequest, NotFound
from ..store.base import ArticleQuery
from .i18n import languages
from .pages import int_param
from .resources import Site, decode_cursor, search, tag_key

API_CACHE_CONTROL = "public, max-age=30"


class ORJSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)


def ok(content: Any) -> ORJSONResponse:
    return ORJSONResponse(content, headers={"cache-control": API_CACHE_CONTROL})


def _limit(request: Request, default: int = 20) -> int:
    limit = int_param(request, "limit", default)
    if not 1 <= limit <= 100:
        raise BadRequest("limit must be between 1 and 100")
    return limit


def _language(request: Request) -> str | None:
    value = request.query_params.get("language") or None
    if value is not None and (len(value) > 8 or not value.replace("-", "").isalpha()):
        raise BadRequest("language must be a language code such as en or ar")
    return value


class Api:
    def __init__(self, site: Site) -> None:
        self.site = site

    def articles(self, request: Request) -> Response:
        p = request.query_params
        source_id = None
        if p.get("source"):
            source = self.site.store.source_by_slug(p["source"])
            if source is None:
                raise NotFound("no such source")
            source_id = source.id
        query = ArticleQuery(hashtag=tag_key(p["hashtag"]) if p.get("hashtag") else None, source_id=source_id,
                             category=self.site.category_name(p["category"]) if p.get("category") else None,
                             language=_language(request), story_id=p.get("story") or None, before=decode_cursor(p.get("before")),
                             limit=_limit(request))
        return ok(self.site.listing(query))

    def article(self, request: Request) -> Response:
        article_id = request.path_params["id"].lower()
        article = self.site.store.get_article(article_id) if len(article_id) == 32 else None
        if article is None:
            raise NotFound("no such article")
        if article.duplicate_of:
            return RedirectResponse(f"/api/v1/articles/{article.duplicate_of}", status_code=301)
        return ok(self.site.article(article))

    def stories(self, request: Request) -> Response:
        category = request.query_params.get("category")
        return ok({"items": self.site.top_stories(_language(request),
                                                  category=self.site.category_name(category) if category else None,
                                                  limit=_limit(request))})

    def story(self, request: Request) -> Response:
        story = self.site.store.get_story(request.path_params["id"])
        if story is None:
            raise NotFound("no such story")
        if story.merged_into:
            return RedirectResponse(f"/api/v1/stories/{quote(story.merged_into)}", status_code=301)
        return ok(self.site.story_page(story))

    def hashtag(self, request: Request) -> Response:
        return ok(self.site.hashtag(request.path_params["tag"], language=_language(request),
                                    before=request.query_params.get("before"), limit=_limit(request)))

    def trending(self, request: Request) -> Response:
        return ok({"items": self.site.trending(_language(request), limit=_limit(request))})

    def sources(self, request: Request) -> Response:
        items = [{"id": s.id, "name": s.title or s.slug, "slug": s.slug, "site_url": s.site_url,
                  "feed_url": s.url, "language": s.language, "kind": s.kind}
                 for s in sorted(self.site.sources().values(), key=lambda s: s.slug)]
        return ok({"items": items})

    def categories(self, request: Request) -> Response:
        return ok({"items": self.site.categories(_language(request))})

    def search(self, request: Request) -> Response:
        p = request.query_params
        if not p.get("q", "").strip():
            raise BadRequest("q is required")
        return ok(search(self.site, p["q"], language=_language(request), source=p.get("source"),
                         category=self.site.category_name(p["category"]) if p.get("category") else None,
                         hashtag=p.get("hashtag"), since=p.get("from"),
                         until=p.get("to"), order=p.get("order", "relevance"), page=int_param(request, "page", 1),
                         per_page=_limit(request), before=p.get("before")))

    def languages(self, request: Request) -> Response:
        return ok({"items": [{"code": c, "name": lang.name, "dir": lang.dir} for c, lang in languages().items()]})
