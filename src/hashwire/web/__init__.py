"""The site, the JSON API and the feeds out: `create_app(store, config)` returns the Starlette app.

Modules: app.py (routes, middleware, error handler), resources.py (the data every page, API answer and
feed is built from), pages.py + cards.py + templates/ (HTML), api.py + openapi.py (JSON), syndication.py
(RSS/Atom/JSON Feed), seo.py (robots.txt, sitemaps), i18n.py + i18n/*.json + relative_time.py
(languages), cache.py (response cache), security.py (headers, CSP), ratelimit.py, metrics.py.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
