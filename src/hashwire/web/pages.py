"""Server-rendered pages (Jinja2, autoescaped). Each handler gathers a resource from `Site` and renders it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from ..errors import BadRequest, NotFound
from .cards import Cards
from .i18n import Language, language, languages
from .relative_time import relative_time
from .resources import Site, search
from .security import local_path, web_url

TEMPLATES = Path(__file__).with_name("templates")
FEED_KINDS = (("application/rss+xml", "feed.xml"), ("application/atom+xml", "feed.atom"),
              ("application/feed+json", "feed.json"))
PAGE_CACHE_CONTROL = "public, max-age=60"


def make_environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    env.filters["web_url"] = web_url
    return env


def lang_of(request: Request) -> Language:
    found = language(request.path_params.get("lang", "en"))
    if found is None:
        raise NotFound("no such language")
    return found


def int_param(request: Request, name: str, default: int) -> int:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise BadRequest(f"{name} must be a number") from exc


class Pages:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.env = make_environment()
        self.base = site.config.base_url.rstrip("/")
        self.site_name = site.config.site_name
        self.noindex = bool(site.config.noindex)

    # rendering -------------------------------------------------------------------------------------
    def context(self, request: Request, lang: Language, *, canonical_path: str | None = None,
                feeds_path: str | None = None, query: str = "") -> dict[str, Any]:
        # the path as it came, still percent-encoded, so it can be put back into links unchanged
        path = bytes(request.scope.get("raw_path") or request.url.path.encode()).decode("latin-1").split("?")[0]
        now = datetime.now(UTC)
        localized = path == "/" or (path.count("/") >= 2 and path.split("/")[1] in languages())
        suffix = path.split("/", 2)[2] if path.count("/") >= 2 and localized else ""
        query_string = f"?{request.url.query}" if request.url.query and path.endswith("/search") else ""
        every = [(code, other.name, f"/{code}/{suffix}{query_string}") for code, other in languages().items()]
        switch = [entry for entry in every if entry[0] != lang.code]
        feeds = [(kind, f"{feeds_path}/{name}" + (f"?{query}" if query else "")) for kind, name in FEED_KINDS] \
            if feeds_path else []

        def cat_name(name: str) -> str:
            return lang.strings.get("cat." + name) or name.replace("-", " ").title()

        def ago(moment: datetime | None) -> str:
            return relative_time(moment, lang, now)

        return {
            "lang": lang, "t": lang.t, "ago": ago, "num": lang.number, "cards": Cards(lang, ago, cat_name),
            "cat_name": cat_name, "site_name": self.site_name, "noindex": self.noindex,
            "canonical": self.base + (canonical_path or path), "switch": switch, "switch_all": every,
            "alternates": [(code, self.base + f"/{code}/{suffix}") for code, _, _ in every] if localized else [],
            "feeds": feeds, "page_title": "", "description": "", "og_image": "", "og_type": "website",
        }

    def render(self, template: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
        html = self.env.get_template(template).render(ctx)
        return HTMLResponse(html, status_code=status, headers={"cache-control": PAGE_CACHE_CONTROL})

    def listing_page(self, request: Request, lang: Language, data: dict[str, Any], *, heading: str,
                     canonical_path: str, feeds_path: str, description: str = "") -> Response:
        ctx = self.context(request, lang, canonical_path=canonical_path, feeds_path=feeds_path)
        next_href = f"{canonical_path}?{urlencode({'before': data['next']})}" if data.get("next") else ""
        first_href = canonical_path if request.query_params.get("before") else ""
        ctx.update(data=data, heading=heading, page_title=heading, next_href=next_href, first_href=first_href,
                   description=description or heading)
        return self.render("listing.html", ctx)

    # handlers --------------------------------------------------------------------------------------
    def home(self, request: Request) -> Response:
        lang = lang_of(request)
        ctx = self.context(request, lang, canonical_path=f"/{lang.code}/")
        ctx.update(data=self.site.home(lang.code), description=lang.t("tagline"))
        return self.render("home.html", ctx)

    def hashtag(self, request: Request) -> Response:
        lang = lang_of(request)
        data = self.site.hashtag(request.path_params["tag"], language=lang.code,
                                 before=request.query_params.get("before"))
        path = f"/{lang.code}/hashtag/{quote(data['tag'])}"
        return self.listing_page(request, lang, data, heading=lang.t("latest_with", tag=data["tag"]),
                                 canonical_path=path, feeds_path=path)

    def source(self, request: Request) -> Response:
        lang = lang_of(request)
        source = self.site.store.source_by_slug(request.path_params["slug"])
        if source is None:
            raise NotFound("no such source")
        data = self.site.source_listing(source, before=request.query_params.get("before"))
        path = f"/{lang.code}/source/{quote(source.slug)}"
        return self.listing_page(request, lang, data, heading=lang.t("latest_from", source=data["source"]["name"]),
                                 canonical_path=path, feeds_path=path)

    def category(self, request: Request) -> Response:
        lang = lang_of(request)
        name = self.site.category_name(request.path_params["name"])
        data = self.site.category_listing(name, language=lang.code, before=request.query_params.get("before"))
        path = f"/{lang.code}/category/{quote(name)}"
        label = lang.strings.get("cat." + name) or name.replace("-", " ").title()
        return self.listing_page(request, lang, data, heading=lang.t("latest_in", category=label),
                                 canonical_path=path, feeds_path=path)

    def article(self, request: Request) -> Response:
        lang = lang_of(request)
        article_id = request.path_params["id"].lower()
        article = self.site.store.get_article(article_id) if len(article_id) == 32 else None
        if article is None:
            raise NotFound("no such article")
        if article.duplicate_of:
            return RedirectResponse(local_path(f"/{lang.code}/article/{quote(article.duplicate_of)}"),
                                    status_code=301)
        data = self.site.article(article)
        ctx = self.context(request, lang, canonical_path=f"/{lang.code}/article/{article.id}")
        ctx.update(data=data, page_title=article.title, description=data["article"]["excerpt"],
                   og_image=article.image if article.image.startswith("https://") else "", og_type="article")
        return self.render("article.html", ctx)

    def story(self, request: Request) -> Response:
        lang = lang_of(request)
        story = self.site.store.get_story(request.path_params["id"])
        if story is None:
            raise NotFound("no such story")
        if story.merged_into:
            return RedirectResponse(local_path(f"/{lang.code}/story/{quote(story.merged_into)}"), status_code=301)
        data = self.site.story_page(story)
        path = f"/{lang.code}/story/{quote(story.id)}"
        ctx = self.context(request, lang, canonical_path=path, feeds_path=path)
        ctx.update(data=data, page_title=story.title, description=lang.t("full_coverage") + ": " + story.title)
        return self.render("story.html", ctx)

    def search(self, request: Request) -> Response:
        lang = lang_of(request)
        params = request.query_params
        page = int_param(request, "page", 1)
        data = search(self.site, params.get("q", ""), language=params.get("language", lang.code),
                      source=params.get("source"), category=params.get("category"),
                      hashtag=params.get("hashtag"), since=params.get("from"), until=params.get("to"),
                      order=params.get("order", "relevance"), page=page, before=params.get("before"))
        kept = [(k, v) for k, v in params.multi_items() if k not in ("page", "before") and v]
        query = urlencode(kept)
        ctx = self.context(request, lang, canonical_path=f"/{lang.code}/search",
                           feeds_path=f"/{lang.code}/search" if data["query"] else None, query=query)
        base = f"/{lang.code}/search?{query}"
        ctx.update(data=data, query=data["query"], page_title=lang.t("search"),
                   sources=sorted(self.site.sources().values(), key=lambda s: s.title or s.slug),
                   categories=self.site.categories(None),
                   next_href=(f"{base}&page={data['next_page']}" if data["next_page"]
                              else f"{base}&before={data['next']}" if data["next"] else ""),
                   prev_href=f"{base}&page={data['page'] - 1}" if data["page"] > 1 else "")
        ctx["data"]["filters"]["language"] = params.get("language", lang.code)
        ctx["noindex"] = True  # result pages are for readers, not for search engines
        return self.render("search.html", ctx)

    def error(self, request: Request, status: int) -> HTMLResponse:
        first = request.url.path.split("/")[1] if request.url.path.count("/") >= 1 else ""
        lang = language(first) or languages()["en"]
        ctx = self.context(request, lang)
        key = {400: "bad_request", 404: "not_found", 405: "not_found"}.get(status, "error")
        ctx.update(title=lang.t(f"{key}_title"), text=lang.t(f"{key}_text"), page_title=lang.t(f"{key}_title"),
                   noindex=True)
        html = self.env.get_template("error.html").render(ctx)
        return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})
