"""robots.txt, the sitemap index (site pages + one sitemap per day of articles, last 90 days) and the
news sitemap (articles of the last two days)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import quote
from xml.sax.saxutils import escape

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from ..errors import NotFound
from ..models import Article
from ..store.base import ArticleQuery
from .i18n import languages
from .resources import Site, when
from .xmltext import xml_text as _text

SITEMAP_ARTICLES = 45_000  # per day; a sitemap file holds at most 50,000 URLs
SITEMAP_DAYS = 90
URLSET = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
NEWS_SITEMAP_ARTICLES = 1000


class Seo:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.base = site.config.base_url.rstrip("/")

    def article_path(self, article: Article) -> str:
        lang = article.language if article.language in languages() else "en"
        return f"/{lang}/article/{article.id}"

    def robots(self, request: Request) -> Response:
        if self.site.config.noindex:
            text = "User-agent: *\nDisallow: /\n"
        else:
            text = (f"User-agent: *\nAllow: /\nDisallow: /api/\nDisallow: /*/search\n\n"
                    f"Sitemap: {self.base}/sitemap.xml\nSitemap: {self.base}/sitemap-news.xml\n")
        return PlainTextResponse(text, headers={"cache-control": "public, max-age=3600"})

    def sitemap(self, request: Request) -> Response:
        """A sitemap index: the site's own pages, then one sitemap per day of articles (each well under
        the 50,000-URL limit of a sitemap file, and cheap to build from a time-bounded query)."""
        def build() -> str:
            today = datetime.now(UTC).date()
            rows = ['<?xml version="1.0" encoding="UTF-8"?>',
                    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
                    f"<sitemap><loc>{escape(self.base)}/sitemap-pages.xml</loc></sitemap>"]
            store = self.site.store
            for back in range(SITEMAP_DAYS):
                day = today - timedelta(days=back)
                start = datetime(day.year, day.month, day.day, tzinfo=UTC)
                held = store.count_articles(ArticleQuery(since=start, until=start + timedelta(days=1)),
                                            SITEMAP_ARTICLES + 1)
                if not held:
                    continue
                # a day over the cap of one file is listed as one file per hour that has articles
                names = [day.isoformat()] if held <= SITEMAP_ARTICLES else [
                    f"{day.isoformat()}-{hour:02d}" for hour in range(24)
                    if store.count_articles(ArticleQuery(since=start + timedelta(hours=hour),
                                                         until=start + timedelta(hours=hour + 1)), 1)]
                rows.extend(f"<sitemap><loc>{escape(self.base)}/sitemap-{name}.xml</loc>"
                            f"<lastmod>{day.isoformat()}</lastmod></sitemap>" for name in names)
            rows.append("</sitemapindex>\n")
            return "\n".join(rows)
        return self._xml(self.site.memo("sitemap-index", build), 900)

    def pages_sitemap(self, request: Request) -> Response:
        def build() -> str:
            rows = [URLSET]
            for code in languages():
                rows.append(f"<url><loc>{escape(self.base)}/{code}/</loc><changefreq>hourly</changefreq></url>")
                for tag in self.site.trending(code, limit=50):
                    rows.append(f"<url><loc>{escape(self.base)}/{code}/hashtag/{escape(quote(tag['tag']))}</loc></url>")
                for story in self.site.top_stories(code, limit=50):
                    rows.append(f"<url><loc>{escape(self.base)}/{code}/story/{escape(quote(story['id']))}</loc>"
                                f"<lastmod>{story['last_seen'].astimezone(UTC).date().isoformat()}</lastmod></url>")
            rows.append("</urlset>\n")
            return "\n".join(rows)
        return self._xml(self.site.memo("sitemap-pages", build), 900)

    def day_sitemap(self, request: Request) -> Response:
        """/sitemap-YYYY-MM-DD.xml: a day's articles; /sitemap-YYYY-MM-DD-HH.xml: one hour's, for days
        with more articles than one file may hold."""
        name = request.path_params["day"]
        try:
            hourly = len(name) == 13
            day = datetime.strptime(name, "%Y-%m-%d-%H" if hourly else "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError as exc:
            raise NotFound("no such sitemap") from exc
        span = timedelta(hours=1) if hourly else timedelta(days=1)

        def build() -> str:
            rows = [URLSET]
            query = ArticleQuery(since=day, until=day + span, limit=SITEMAP_ARTICLES)
            for article in self.site.store.list_articles(query):
                rows.append(f"<url><loc>{escape(self.base + self.article_path(article))}</loc>"
                            f"<lastmod>{when(article).astimezone(UTC).isoformat()}</lastmod></url>")
            rows.append("</urlset>\n")
            return "\n".join(rows)
        return self._xml(self.site.memo(("sitemap-day", day, span), build), 900)

    def _xml(self, text: str, max_age: int) -> Response:
        return Response(text, media_type="application/xml", headers={"cache-control": f"public, max-age={max_age}"})

    def news_sitemap(self, request: Request) -> Response:
        def build() -> str:
            since = datetime.now(UTC) - timedelta(days=2)
            rows = ['<?xml version="1.0" encoding="UTF-8"?>',
                    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">']
            name = _text(self.site.config.site_name)
            for article in self.site.store.list_articles(ArticleQuery(since=since, limit=NEWS_SITEMAP_ARTICLES)):
                rows.append(
                    f"<url><loc>{escape(self.base + self.article_path(article))}</loc><news:news>"
                    f"<news:publication><news:name>{name}</news:name>"
                    f"<news:language>{_text(article.language or 'en')}</news:language></news:publication>"
                    f"<news:publication_date>{when(article).astimezone(UTC).isoformat()}</news:publication_date>"
                    f"<news:title>{_text(article.title)}</news:title></news:news></url>")
            rows.append("</urlset>\n")
            return "\n".join(rows)
        return Response(self.site.memo("news-sitemap", build), media_type="application/xml",
                        headers={"cache-control": "public, max-age=300"})
