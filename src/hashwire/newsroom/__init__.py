"""A deterministic simulated set of news outlets, served on loopback, with the truth about every article.

    room = Newsroom(seed=7, outlets=20, days=3, per_day=8)
    with serve_in_thread(room) as served:          # served.base_url, served.opml_url, served.feed_urls
        truth = room.truth(served.base_url)

What it serves (one host, every outlet under its own path prefix):
    /                          an index of the outlets        /opml.xml   every outlet's feed
    /robots.txt                allows all but /admin/ and /bad/private/
    /<slug>/                   home page                      /<slug>/<section>/   section front
    /<slug>/feed.xml | atom.xml | index.rdf | feed.json       RSS 2.0, Atom 1.0, RDF/RSS 1.0, JSON Feed 1.1
    /<slug>/sitemap-news.xml   news sitemap                   /<slug>/media/<n>.png  photos
    articles, in one of four address shapes per outlet:
    /<slug>/2026/11/20/<headline>-<n>.html   /<slug>/<section>/<headline>-<n>
    /<slug>/news/<n>/<headline>              /<slug>/story/<headline>--<n>  (Arabic headlines percent-encoded)
Every response has an ETag and most a Last-Modified; a matching conditional GET gets 304; text is gzipped
for clients that accept it. Routes from `misbehave.add_routes` (misbehaving hosts under /bad/) come first.

What makes it hard, on purpose: wire stories copied verbatim or lightly edited (a sentence cut, a word
changed, a new headline) to other outlets; exact re-posts under a second address on the same outlet;
developing stories (several outlets, several days, each write-up worded its own way); events of the same
kind at the same time in different places; corrections (same address, later `updated`, a "Correction:" line);
feed links with utm_* parameters whose canonical link is clean; English and right-to-left Arabic outlets;
page boilerplate (navigation, cookie banner, share tools, photo credits, related-story teasers, readers'
comments, newsletter prompts) that varies by outlet, with Open Graph and JSON-LD metadata on some only.

The truth (`truth()`, `write_truth()`, `articles()`, `stories()`): outlets with their feeds; per article its
url, outlet, story, copy_of (url of the original) and copy_kind (verbatim | edited | repost), category
(World, Politics, Business, Technology, Science, Health, Sports, Entertainment), the tags an editor would give
(CamelCase; Arabic words joined by "_"), language, published, updated, title; per story its articles.

Article i is computed from (seed, i) when asked for, so 100,000 articles need a few megabytes. With
`live=True` the newsroom keeps publishing by the clock.
"""

from __future__ import annotations

from .room import Newsroom
from .server import RunningNewsroom, build_app, run, run_server, serve_in_thread

__all__ = ["Newsroom", "RunningNewsroom", "build_app", "run", "run_server", "serve_in_thread"]
