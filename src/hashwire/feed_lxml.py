"""The fast path: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 read from an lxml tree."""

from __future__ import annotations

import base64
import binascii
import html
import re
from urllib.parse import urljoin

from lxml import etree

from .feed_dates import parse_date
from .models import Entry, Feed

ATOM10 = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
RSS10 = "http://purl.org/rss/1.0/"
RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
MEDIA = "http://search.yahoo.com/mrss/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_RDF_ABOUT = f"{{{RDF}}}about"
_ATOMS = ("", ATOM10, ATOM03)
_RSS_PLAIN = ("", RSS10, RSS090)
_TAG = re.compile(r"<[A-Za-z/!][^>]*>")
# markup whose content is not text: comments (closed or not), scripts, styles
_HIDDEN = re.compile(r"<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</\1\s*>|$)", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_XMLNS = re.compile(r"""\sxmlns(?::[\w.-]+)?=(?:"[^"]*"|'[^']*')(?=[^<>]*>)""")


_SPLIT: dict[str, tuple[str, str]] = {}


def split_tag(tag: object) -> tuple[str, str]:
    """(namespace, local name); ("", "") for comments, entities and processing instructions."""
    if not isinstance(tag, str):
        return "", ""
    parts = _SPLIT.get(tag)
    if parts is None:
        if tag[:1] == "{":
            ns, _, local = tag[1:].partition("}")
            parts = (ns, local)
        else:
            parts = ("", tag)
        if len(_SPLIT) > 4096:  # a hostile document can invent any number of names
            _SPLIT.clear()
        _SPLIT[tag] = parts
    return parts


_EMAIL_FIRST = re.compile(r"^\s*[^\s@()]+@[^\s@()]+\s*\((.+)\)\s*$")
_NAME_FIRST = re.compile(r"^\s*(.+?)\s*\(\s*[^\s@()]+@[^\s@()]+\s*\)\s*$")


def person(value: str) -> str:
    """A display name from RSS's "email (Name)" or "Name (email)" forms; other text as given."""
    text = plain(value)
    if "@" in text:
        match = _EMAIL_FIRST.match(text) or _NAME_FIRST.match(text)
        if match:
            return match.group(1).strip()
    return text


def _raw_text(el: etree._Element) -> str:
    if len(el):
        return "".join(el.itertext())
    return el.text or ""


def plain(value: str) -> str:
    """One line of plain text from text that may hold markup or entities."""
    if "<" in value:
        value = _HIDDEN.sub(" ", value)
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    return _SPACE.sub(" ", value).strip()


def _inner_xml(el: etree._Element) -> str:
    parts = [html.escape(el.text, quote=False)] if el.text else []
    for child in el:
        if isinstance(child.tag, str):
            parts.append(etree.tostring(child, encoding="unicode", with_tail=True))
        elif child.tail:
            parts.append(html.escape(child.tail, quote=False))
    # inline XHTML arrives namespaced, and every element copied out carries the declarations in scope
    # (the feed's dc:, media:...); plain HTML consumers want none of them
    return _XMLNS.sub("", "".join(parts))


def markup(el: etree._Element) -> str:
    """HTML from an RSS element (escaped HTML by convention) or an Atom text construct."""
    kind = (el.get("type") or "").lower()
    mode = (el.get("mode") or "").lower()
    if kind in ("xhtml", "application/xhtml+xml") or (len(el) and kind not in ("text", "text/plain")):
        children = [c for c in el if isinstance(c.tag, str)]
        if len(children) == 1 and split_tag(children[0].tag)[1] == "div" and not (el.text or "").strip():
            return _inner_xml(children[0]).strip()
        return _inner_xml(el).strip()
    # (a text construct holding stray markup keeps all of its text, not only what precedes the markup)
    text = "".join(el.itertext()) if len(el) else el.text or ""
    if mode == "base64":
        try:
            text = base64.b64decode(text.strip()).decode("utf-8", "replace")
        except (binascii.Error, ValueError):
            return ""
    if kind in ("text", "text/plain"):
        return html.escape(text.strip(), quote=False)
    return text.strip()


def join_url(base: str, href: str) -> str:
    """`href` resolved against `base`; as given when either is not a URL urllib can read."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _href(el: etree._Element, value: str) -> str:
    value = value.strip()
    if value and not _ABSOLUTE.match(value):
        base = el.base
        if base:
            return join_url(base, value)
    return value


def _is_image(el: etree._Element) -> bool:
    return el.get("medium") == "image" or (el.get("type") or "").startswith("image/")


def _media(entry: Entry, el: etree._Element, local: str) -> None:
    if entry.image:
        return
    if local == "thumbnail" or (local == "content" and _is_image(el)):
        entry.image = _href(el, el.get("url") or "")
    elif local == "group":
        for child in el:
            ns, name = split_tag(child.tag)
            if ns == MEDIA:
                _media(entry, child, name)


def _rss_item(item: etree._Element) -> Entry:
    entry = Entry(guid="", link="")
    permalink_guid = False
    for child in item:
        ns, local = split_tag(child.tag)
        if not local:
            continue
        if ns in _RSS_PLAIN:
            if local == "title":
                entry.title = plain(_raw_text(child))
            elif local == "link":
                if not entry.link:
                    entry.link = _href(child, _raw_text(child))
            elif local == "description":
                entry.summary = markup(child)
            elif local == "guid":
                entry.guid = _raw_text(child).strip()
                permalink_guid = (child.get("isPermaLink") or "true").lower() != "false"
            elif local == "pubDate":
                entry.published = parse_date(child.text)
            elif local == "author":
                if text := person(_raw_text(child)):
                    entry.authors.append(text)
            elif local == "category":
                if text := plain(_raw_text(child)):
                    entry.categories.append(text)
            elif local == "enclosure" and not entry.image and _is_image(child):
                entry.image = _href(child, child.get("url") or "")
        elif ns == CONTENT and local == "encoded":
            entry.content_html = (child.text or "").strip() or _inner_xml(child)
        elif ns == MEDIA:
            _media(entry, child, local)
        elif local in ("date", "issued", "created", "published") and entry.published is None:
            entry.published = parse_date(child.text)
        elif local in ("modified", "updated"):
            entry.updated = parse_date(child.text)
        elif local in ("creator", "author") and not len(child) and (text := person(_raw_text(child))):
            entry.authors.append(text)
        elif local == "subject" and (text := plain(_raw_text(child))):
            entry.categories.append(text)
        elif local == "category" and ns.lower() == ITUNES:
            entry.categories.extend(c.get("text", "").strip() for c in child.iter() if c.get("text", "").strip())
        elif local == "image" and ns.lower() == ITUNES and not entry.image:
            entry.image = _href(child, child.get("href") or child.get("url") or "")
        elif local == "link" and ns == ATOM10 and not entry.link and child.get("rel", "alternate") == "alternate":
            entry.link = _href(child, child.get("href") or "")
        elif local == "language":
            entry.language = (child.text or "").strip()
    about = item.get(_RDF_ABOUT) or ""
    if not entry.link:
        if permalink_guid and _ABSOLUTE.match(entry.guid) and entry.guid.startswith("http"):
            entry.link = entry.guid
        elif about.startswith("http"):
            entry.link = about
    if not entry.guid and about:
        entry.guid = about  # an RSS 1.0 item's rdf:about is its identifier
    if entry.published is None:
        entry.published = entry.updated
    entry.language = entry.language or item.get(XML_LANG) or ""
    return entry


def _atom_entry(item: etree._Element, feed_ns: str = ATOM10) -> Entry:
    entry = Entry(guid="", link="")
    for child in item:
        ns, local = split_tag(child.tag)
        if not local:
            continue
        if ns in _ATOMS or ns == feed_ns:
            if local == "id":
                entry.guid = (child.text or "").strip()
            elif local == "title":
                entry.title = plain(markup(child))
            elif local == "link":
                rel = child.get("rel") or "alternate"
                if rel == "alternate" and not entry.link:
                    entry.link = _href(child, child.get("href") or "")
                elif rel == "enclosure" and not entry.image and _is_image(child):
                    entry.image = _href(child, child.get("href") or "")
            elif local == "summary":
                entry.summary = markup(child)
            elif local == "content":
                if child.get("src") and not len(child) and not (child.text or "").strip():
                    continue
                entry.content_html = markup(child)
            elif local in ("published", "issued", "created"):
                entry.published = entry.published or parse_date(child.text)
            elif local in ("updated", "modified"):
                entry.updated = parse_date(child.text)
            elif local == "author":
                parts = {split_tag(c.tag)[1]: plain(_raw_text(c)) for c in child}
                if name := parts.get("name") or parts.get("email", ""):
                    entry.authors.append(name)
            elif local == "category":
                term = (child.get("label") or child.get("term") or plain(_raw_text(child))).strip()
                if term:
                    entry.categories.append(term)
        elif ns == MEDIA:
            _media(entry, child, local)
        elif local == "creator" and (text := plain(_raw_text(child))):
            entry.authors.append(text)
        elif local == "date" and entry.published is None:
            entry.published = parse_date(child.text)
    if entry.published is None:
        entry.published = entry.updated
    if not entry.link and entry.guid.startswith(("http://", "https://")):
        entry.link = entry.guid  # an Atom id that is a URL is, in practice, the permalink
    entry.language = item.get(XML_LANG) or ""
    return entry


def _channel_fields(feed: Feed, channel: etree._Element, atom: bool, feed_ns: str = "") -> None:
    fallback_title = ""
    for child in channel:
        ns, local = split_tag(child.tag)
        local = local.lower() if not atom else local
        if local == "title" and not feed.title:
            if ns in _RSS_PLAIN or ns in _ATOMS or ns == feed_ns:
                feed.title = plain(markup(child)) if atom else plain(_raw_text(child))
            elif ns == DC:
                fallback_title = plain(_raw_text(child))
        elif local == "link" and not feed.link:
            if atom or ns == ATOM10:
                if (child.get("rel") or "alternate") == "alternate":
                    feed.link = _href(child, child.get("href") or "")
            elif ns in _RSS_PLAIN:
                feed.link = _href(child, _raw_text(child))
        elif local == "language" and not feed.language:
            feed.language = (child.text or "").strip()
        elif local == "ttl" and (child.text or "").strip().isdigit():
            feed.ttl_minutes = int((child.text or "").strip())
    feed.title = feed.title or fallback_title


def _cdf_fields(el: etree._Element) -> dict[str, str]:
    return {split_tag(c.tag)[1].lower(): plain(_raw_text(c)) for c in el if split_tag(c.tag)[1]}


def _cdf(root: etree._Element) -> Feed:
    fields = _cdf_fields(root)
    feed = Feed(title=fields.get("title", ""), link=_href(root, root.get("HREF") or root.get("href") or ""),
                format="cdf")
    for item in root:
        if split_tag(item.tag)[1].lower() != "item":
            continue
        fields = _cdf_fields(item)
        when = parse_date(item.get("LASTMOD") or item.get("lastmod"))
        feed.entries.append(Entry(guid="", link=_href(item, item.get("HREF") or item.get("href") or ""),
                                  title=fields.get("title", ""), summary=fields.get("abstract", ""),
                                  published=when, updated=when))
    return feed


def parse_tree(root: etree._Element) -> Feed | None:
    """A Feed from an RSS/RDF/Atom root element, or None when the root is none of these."""
    ns, local = split_tag(root.tag)
    lower = local.lower()
    if lower == "rss":
        channel = next((c for c in root if split_tag(c.tag)[1] == "channel"), None)
        feed = Feed(format="rss20" if (root.get("version") or "2.0").startswith("2") else "rss09")
        holder = channel if channel is not None else root
        _channel_fields(feed, holder, atom=False)
        items = [c for c in holder if split_tag(c.tag)[1] == "item"]
        if channel is not None:  # some feeds close <channel> early and list items after it
            items += [c for c in root if split_tag(c.tag)[1] == "item"]
        feed.entries = [_rss_item(n) for n in items]
    elif lower == "rdf" or (ns == RDF and local == "RDF"):
        feed = Feed(format="rdf")
        channel = next((c for c in root if split_tag(c.tag)[1] == "channel"), None)
        if channel is not None:
            _channel_fields(feed, channel, atom=False)
        items = [c for c in root if split_tag(c.tag)[1] == "item"]
        if not items and channel is not None:
            items = [c for c in channel if split_tag(c.tag)[1] == "item"]
        feed.entries = [_rss_item(n) for n in items]
    elif local == "feed":  # Atom, or an Atom-shaped feed in a namespace of its own
        feed = Feed(format="atom03" if ns == ATOM03 or root.get("version") == "0.3" else "atom10")
        _channel_fields(feed, root, atom=True, feed_ns=ns)
        feed.language = feed.language or root.get(XML_LANG) or ""
        # (Atom 0.3 feeds in the wild sometimes call their entries <item>)
        feed.entries = [_atom_entry(c, ns) for c in root if split_tag(c.tag) in ((ns, "entry"), (ns, "item"))]
    elif lower == "channel" and not ns:  # CDF, Microsoft's 1997 channel format
        feed = _cdf(root)
    else:
        return None
    return feed


def read_item(el: etree._Element) -> Entry | None:
    """An Entry from a lone <item> (RSS/RDF) or <entry> (Atom) element; None for anything else."""
    ns, local = split_tag(el.tag)
    if local == "item":
        return _rss_item(el)
    if local == "entry":
        return _atom_entry(el, ns)
    return None
