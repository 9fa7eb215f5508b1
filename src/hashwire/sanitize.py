"""Third-party HTML -> safe HTML, with an explicit allow-list (nh3, the ammonia sanitizer).

Modelled on the strictest feed readers: no script, style, forms, frames (except embeds from a few
video hosts, sandboxed), objects, event handlers or style attributes; URLs only http(s), mailto
and tel, plus data:image in <img src>; relative URLs resolved against the page; every link opens
with rel="noopener noreferrer".
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "address", "article", "aside", "b", "bdi", "bdo", "big", "blockquote", "br",
        "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl",
        "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i",
        "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "rp", "rt", "ruby", "s",
        "samp", "section", "small", "source", "span", "strike", "strong", "sub", "summary", "sup", "table",
        "tbody", "td", "tfoot", "th", "thead", "time", "tr", "tt", "u", "ul", "var", "wbr", "audio", "video",
    }
)
# Tags removed together with everything inside them.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "noscript", "template", "object", "embed", "applet", "form", "textarea", "select",
     "button", "title", "head", "svg", "math", "frameset", "frame", "noembed", "noframes", "xmp", "plaintext"}
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "abbr": {"title"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "audio": {"src", "controls"},
    "video": {"src", "poster", "controls", "width", "height"},
    "iframe": {"src", "width", "height", "allowfullscreen"},
    "td": {"colspan", "rowspan", "headers"},
    "th": {"colspan", "rowspan", "headers", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
}
# Only these hosts may be embedded, and only inside a sandbox.
IFRAME_HOSTS = frozenset(
    {"www.youtube.com", "youtube.com", "www.youtube-nocookie.com", "youtube-nocookie.com", "player.vimeo.com",
     "www.dailymotion.com", "geo.dailymotion.com", "w.soundcloud.com", "open.spotify.com"}
)
IFRAME_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"
_URL_ATTRS = frozenset({"href", "src", "cite", "poster"})
_SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
_DATA_IMAGE = re.compile(r"data:image/(?:png|gif|jpe?g|webp|avif|bmp);base64,[A-Za-z0-9+/=\s]+\Z", re.I)
_CTRL = re.compile(r"[\x00-\x20\x7f]+")


def _safe_url(tag: str, attr: str, value: str, base_url: str) -> str | None:
    value = value.strip()
    if not value:
        return None
    if value.lower().startswith("data:"):
        return value if tag == "img" and attr == "src" and _DATA_IMAGE.match(value) else None
    resolved = urljoin(base_url, value) if base_url else value
    scheme = urlsplit(_CTRL.sub("", resolved)).scheme.lower()
    if scheme and scheme not in _SAFE_SCHEMES:
        return None
    if tag == "iframe":
        parts = urlsplit(resolved)
        if parts.scheme != "https" or (parts.hostname or "") not in IFRAME_HOSTS:
            return None
    return resolved


def _safe_srcset(value: str, base_url: str) -> str | None:
    out = []
    for candidate in value.split(","):
        bits = candidate.split()
        if not bits:
            continue
        url = _safe_url("img", "srcset", bits[0], base_url)
        if url is None or url.lower().startswith("data:"):
            continue
        out.append(" ".join([url, *bits[1:2]]))
    return ", ".join(out) or None


def sanitize_html(html: str, base_url: str = "") -> str:
    """Safe HTML for embedding in hashwire's pages: only allow-listed tags, attributes and URLs."""
    if not html:
        return ""

    def attribute_filter(tag: str, attr: str, value: str) -> str | None:
        if attr in _URL_ATTRS:
            return _safe_url(tag, attr, value, base_url)
        if attr == "srcset":
            return _safe_srcset(value, base_url)
        return value

    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
        url_schemes={"http", "https", "mailto", "tel", "data"},
        set_tag_attribute_values={
            "iframe": {"sandbox": IFRAME_SANDBOX, "loading": "lazy", "referrerpolicy": "no-referrer"},
            "img": {"loading": "lazy", "referrerpolicy": "no-referrer"},
        },
    )
