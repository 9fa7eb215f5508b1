"""Item-by-item salvage of a damaged feed.

When a feed is not well-formed, libxml2's recovery can let one broken item (an unclosed <p> in a
description, say) swallow every item after it. Cutting the document at each item's opening tag
and reading the pieces one by one keeps the damage inside the item that has it. This runs at
lxml speed, so it also bounds the cost of hostile documents that would keep the tolerant
(feedparser) path busy for seconds.
"""

from __future__ import annotations

import re

from lxml import etree

from .feed_lxml import parse_tree, read_item
from .feed_xml import parse_xml, recovering_parser, repair
from .models import Feed

MAX_SALVAGED = 5000  # items read from one damaged document at most
_ITEM_START = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(?:item|entry)[\s>/]")
_NAMESPACES = re.compile(rb"""\sxmlns(?::[A-Za-z][\w.-]*)?\s*=\s*(?:"[^"<>]*"|'[^'<>]*')""")


def salvage_feed(data: bytes, url: str = "", content_type: str = "") -> Feed | None:
    """A Feed read piecewise from damaged bytes, or None when there are no items to cut out."""
    text = repair(data, content_type)
    starts = [m.start() for m in _ITEM_START.finditer(text)]
    if not starts:
        return None
    starts = starts[:MAX_SALVAGED]
    try:
        head_root, _ = parse_xml(text[: starts[0]] or b"<rss/>", url)
        feed = parse_tree(head_root) or Feed(format="rss20")
    except Exception:  # the head may be anything; the items are what matter here
        feed = Feed(format="rss20")
    feed.entries = []
    # the namespace declarations made before the first item, so prefixed elements keep their meaning
    by_prefix: dict[bytes, bytes] = {}
    for decl in _NAMESPACES.findall(text[: starts[0]]):
        by_prefix.setdefault(decl.split(b"=")[0].strip(), decl)
    declarations = b"".join(by_prefix.values())
    parser = recovering_parser()
    ends = [*starts[1:], len(text)]
    for start, end in zip(starts, ends, strict=True):
        piece = b"<salvage" + declarations + b">" + text[start:end] + b"</salvage>"
        try:
            wrapper = etree.fromstring(piece, parser, base_url=url or None)
        except etree.XMLSyntaxError:
            continue
        if wrapper is None:
            continue
        for el in wrapper:
            try:
                entry = read_item(el)
            except (UnicodeError, ValueError):
                continue
            if entry is not None and (entry.title or entry.link or entry.guid or entry.summary):
                feed.entries.append(entry)
                break
    return feed
