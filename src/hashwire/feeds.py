"""Pure: feed bytes -> Feed. RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed, news sitemaps; autodiscovery; OPML.

The fast path reads an lxml tree built without external entities, entity expansion, network
or huge trees (feed_xml). feedparser, on the same bytes, is the tolerant fallback: it runs when
the fast path fails or the document was damaged, and its result wins when it recovered more items.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter

from .discovery import discover_feeds
from .errors import FeedParseError
from .feed_lxml import parse_tree, split_tag
from .feed_salvage import salvage_feed
from .feed_tolerant import tolerant_parse
from .feed_xml import parse_xml
from .jsonfeed import looks_like_json, parse_json_feed
from .models import Entry, Feed
from .normalize import canonical_url
from .opml import parse_opml, write_opml
from .sitemaps import is_sitemap, parse_sitemap

__all__ = ["Entry", "Feed", "FeedParseError", "discover_feeds", "entry_identity", "parse_feed",
           "parse_opml", "write_opml"]

# opening tags of items, counted on the raw bytes to notice a parse that silently lost some
# (bytes.count is far cheaper than a regular expression over a large document; the expression
# runs only for the rare feeds that put a prefix on their items)
_PREFIXED_ITEM = re.compile(rb"<[A-Za-z][\w.-]*:(?:item|entry)[\s>/]")
_HTML_ROOTS = frozenset({"html", "body", "head"})
# the sitemap protocol caps a sitemap at 50 MB uncompressed
MAX_GUNZIPPED = 50 * 1024 * 1024
# feedparser's cost grows with size and items (about 12 us a byte on junk, a millisecond an item):
# past these a damaged document is left to the salvage, so a hostile feed costs seconds at most
TOLERANT_MAX_BYTES = 256 * 1024
TOLERANT_MAX_ITEMS = 1000


def _expected_items(data: bytes) -> int:
    # "<items" is RSS 1.0's table of contents in the channel, not an item
    count = data.count(b"<item") - data.count(b"<items") + data.count(b"<entry")
    if b":item" in data or b":entry" in data:
        count += len(_PREFIXED_ITEM.findall(data))
    return count


def _fast(data: bytes, url: str, content_type: str) -> tuple[Feed, bool]:
    if looks_like_json(data, content_type):
        return parse_json_feed(data, url), True
    root, clean = parse_xml(data, url, content_type)
    try:
        feed = parse_tree(root)
    except (UnicodeError, ValueError) as exc:
        # libxml2's recovery can leave bytes that are not UTF-8 in a text node
        raise FeedParseError(f"unreadable text in the document: {exc}") from exc
    if feed is None and is_sitemap(root):
        feed = parse_sitemap(root, url)
    if feed is None:
        local = split_tag(root.tag)[1].lower()
        if local in _HTML_ROOTS:
            raise FeedParseError("an HTML page, not a feed (look for feeds with discover_feeds)")
        raise FeedParseError(f"XML, but not a feed: root element <{local}>")
    return feed, clean


def _more_items(current: Feed | None, other: Feed | None) -> Feed | None:
    """Whichever found more items; the winner keeps feed-level facts only the other one read."""
    if other is None or (current is not None and len(other.entries) <= len(current.entries)):
        return current
    if current is not None:
        other.title = other.title or current.title
        other.link = other.link or current.link
        other.language = other.language or current.language
        other.ttl_minutes = other.ttl_minutes or current.ttl_minutes
    return other


def _gunzip(data: bytes, limit: int = MAX_GUNZIPPED) -> bytes:
    """A gzip file as such (sitemap.xml.gz, a feed.xml.gz), opened with a cap on its decoded size."""
    parts: list[bytes] = []
    size = 0
    rest = data
    while rest[:2] == b"\x1f\x8b":  # a gzip file may hold several members, one after another
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out = inflater.decompress(rest, limit - size + 1)
        except zlib.error as exc:
            raise FeedParseError(f"corrupt gzip file: {exc}") from exc
        size += len(out)
        if size > limit:
            raise FeedParseError(f"gzip file expands beyond {limit} bytes")
        parts.append(out)
        rest = inflater.unused_data
    return b"".join(parts)


def parse_feed(data: bytes, url: str = "", content_type: str = "") -> Feed:
    """Parse feed bytes. Raises FeedParseError when nothing feed-like can be read from them."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data)
    if not data or data.isspace():
        raise FeedParseError("empty document")
    feed: Feed | None = None
    clean = False
    failure: FeedParseError | None = None
    try:
        feed, clean = _fast(data, url, content_type)
    except FeedParseError as exc:
        failure = exc
    is_json = feed is not None and feed.format == "jsonfeed"
    html_page = failure is not None and str(failure).startswith("an HTML page")
    if not is_json and not html_page:
        expected = _expected_items(data)
        if feed is None or not clean or len(feed.entries) < expected:
            feed = _more_items(feed, salvage_feed(data, url, content_type))
            # feedparser last, and only on documents small enough for its cost to stay bounded
            if ((feed is None or len(feed.entries) < expected) and len(data) <= TOLERANT_MAX_BYTES
                    and expected <= TOLERANT_MAX_ITEMS):
                feed = _more_items(feed, tolerant_parse(data, url, content_type))
    if feed is None:
        raise failure or FeedParseError("not a feed")
    assign_identities(feed.entries)
    return feed


def _digest(*parts: str) -> str:
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8", "replace"), digest_size=16).hexdigest()


def entry_identity(entry: Entry) -> str:
    """GUID, else the canonical link, else a hash of title and content."""
    if entry.guid:
        return entry.guid
    if entry.link:
        try:
            return canonical_url(entry.link)
        except ValueError:  # not a URL urllib can read (e.g. a broken IPv6 literal): keep it as given
            return entry.link
    return "sha:" + _digest(entry.title, entry.content_html or entry.summary)


def assign_identities(entries: list[Entry]) -> None:
    """Fill every entry's guid; when a feed gives one GUID to different items, those use their link."""
    for entry in entries:
        entry.guid = entry_identity(entry)
    if len({e.guid for e in entries}) == len(entries):
        return
    counts = Counter(e.guid for e in entries)
    for guid, n in counts.items():
        if n < 2:
            continue
        same = [e for e in entries if e.guid == guid]
        if len({(e.link, e.title) for e in same}) == 1:
            continue  # a true repeat of one item; the store keeps it once
        for e in same:
            e.guid = ""
            e.guid = entry_identity(e)
