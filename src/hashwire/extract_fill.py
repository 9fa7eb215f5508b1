"""Text the base extractor skipped inside the article: blocks of the page that sit between two blocks
it kept (a table, a list of key points, a section whose markup it did not trust) are put back.

The kept blocks are found again in the page, in order; what lies between two of them is article
text unless it looks like page furniture (mostly links, hidden, or inside an element named for ads,
sharing, newsletters or related stories). Text before the first kept block and after the last one is
not touched: that is where headers, teasers and comments are.
"""

from __future__ import annotations

import re
from html import escape
from itertools import pairwise

from lxml.html import HtmlElement

from hashwire.extract_body import Block
from hashwire.extract_clean import is_prompt, is_share_widget

_LEAF_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "tr", "blockquote", "div",
                        "section", "article", "ul", "ol", "dl", "table", "main", "center", "details",
                        "summary"})
# Elements that start a block of their own; a leaf is one of these with none of them inside.
_BLOCK_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "tr", "blockquote", "div",
                         "section", "article", "ul", "ol", "dl", "table", "tbody", "thead", "main", "header",
                         "center", "figure", "figcaption", "details", "summary", "form", "nav", "aside"})
_SKIP_INSIDE = frozenset({"figure", "figcaption", "form", "nav", "aside", "header", "button", "select", "template"})
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:ad|ads|advert\w*|banner|promo\w*|sponsor\w*|related|recommend\w*|share|sharing|social|"
    r"newsletter|subscri\w*|signup|cta|comment\w*|author|byline|bio|breadcrumbs?|sidebar|widget|popup|modal|"
    r"cookie\w*|consent|toc|table-of-contents|caption|credit|disclaimer|disclosure|meta|tags?|pagination|"
    r"skip|sr-only|visually-hidden|screen-reader\w*|hidden|teaser|more-stories|read-more|outbrain|taboola|"
    r"header|masthead|topbar|menu|navbar|nav|navigation|footer|dropdown|login|account|search|deals?)"
    r"(?:$|[\s_-])",
    re.I,
)
_WORDS = re.compile(r"\w+", re.UNICODE)
_KEY_WORDS = 8
_FIRST_WORDS = re.compile(rf"\w+(?:\W+\w+){{0,{_KEY_WORDS - 1}}}", re.UNICODE)
MAX_LINK_SHARE = 0.35
ANCHOR_MIN_WORDS = 5
MAX_GAP_SHARE = 3.0  # at most this many times the kept words put back in all


def _key(text: str) -> str:
    """The first words, case-folded: enough to find a block again, cheap on long text."""
    first = _FIRST_WORDS.search(text)
    return " ".join(_WORDS.findall(first.group())).casefold() if first else ""


def block_leaves(root: HtmlElement) -> list[HtmlElement]:
    """Block elements with no block inside them, in document order."""
    elements = list(root.iter(*_BLOCK_TAGS))  # filtered by lxml: the page's inline elements are never touched
    containers: set[HtmlElement] = set()
    for el in elements:
        node = el.getparent()
        while node is not None and node not in containers:
            containers.add(node)
            node = node.getparent()
    return [el for el in elements if el.tag in _LEAF_TAGS and el not in containers]


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


_INLINE = frozenset({"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
                     "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"})


def spaced_text(el: HtmlElement) -> str:
    """The element's words, with a break where a line break or a block-like child separates them
    ("Name<br>Price", "<div>Name</div><div>Price</div>")."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        parts.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                inline = child.tag in _INLINE
                if not inline:
                    parts.append(" ")
                walk(child)
                if not inline:
                    parts.append(" ")
            parts.append(child.tail or "")

    walk(el)
    return " ".join("".join(parts).split())


def _lines(block: Block) -> list[str]:
    """Keys of the block's lines: list items and table rows are leaves of their own."""
    lines = block.text.split("\n") if block.kind in ("list", "table") else [block.text]
    return [k for k in (_key(line.replace(" | ", " ")) for line in lines) if k]


def furniture(el: HtmlElement, stop: HtmlElement, seen: dict[HtmlElement, bool]) -> bool:
    """The element, or one of its ancestors below `stop`, is hidden or named for page furniture;
    `seen` keeps the answers for ancestors the gap's leaves share."""
    path: list[HtmlElement] = []
    node: HtmlElement | None = el
    verdict = False
    while node is not None and node is not stop:
        if node in seen:
            verdict = seen[node]
            break
        path.append(node)
        if _furniture_node(node):
            verdict = True
            break
        node = node.getparent()
    for visited in path:
        seen[visited] = verdict
    return verdict


def _furniture_node(node: HtmlElement) -> bool:
    if node.tag in _SKIP_INSIDE or node.get("hidden") is not None or node.get("aria-hidden") == "true":
        return True
    style = node.get("style")
    if style and "display:none" in style.replace(" ", ""):
        return True
    names = f"{node.get('class') or ''} {node.get('id') or ''}"
    return bool(names.strip()) and bool(_FURNITURE.search(names))


def link_share(el: HtmlElement, text: str) -> float:
    linked = sum(len(" ".join(a.text_content().split())) for a in el.iter("a"))
    return linked / max(len(text), 1)


def _common_ancestor(a: HtmlElement, b: HtmlElement) -> HtmlElement | None:
    ancestors = {id(x) for x in a.iterancestors()} | {id(a)}
    node: HtmlElement | None = b
    while node is not None:
        if id(node) in ancestors:
            return node
        node = node.getparent()
    return None


def _child_toward(ancestor: HtmlElement, el: HtmlElement) -> HtmlElement:
    """The child of `ancestor` that holds `el` (or `el` itself)."""
    node = el
    parent = node.getparent()
    while parent is not None and parent is not ancestor:
        node, parent = parent, parent.getparent()
    return node


def as_block(el: HtmlElement, text: str) -> Block:
    tag = el.tag
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        level = tag if tag != "h1" else "h2"
        return Block("h", text, f"<{level}>{escape(text, quote=False)}</{level}>")
    if tag == "li":
        return Block("list", text, f"<ul><li>{escape(text, quote=False)}</li></ul>")
    if tag == "tr":
        cells = [" ".join(c.text_content().split()) for c in el if c.tag in ("td", "th")]
        row = " | ".join(c for c in cells if c) or text
        return Block("table", row, "<table><tr>" + "".join(f"<td>{escape(c, quote=False)}</td>" for c in cells)
                     + "</tr></table>")
    return Block("p", text, f"<p>{escape(text, quote=False)}</p>")


def fill_gaps(tree: HtmlElement, blocks: list[Block]) -> list[Block]:
    """The kept blocks with the page's blocks between them that the extractor skipped."""
    block_keys = [_lines(b) for b in blocks]
    if sum(len(k) for k in block_keys) < 2:
        return blocks
    body = tree.find(".//body")
    leaves = block_leaves(body if body is not None else tree)
    leaf_keys = [_key(el.text_content()) for el in leaves]
    by_key: dict[str, list[int]] = {}
    for i, k in enumerate(leaf_keys):
        if k:
            by_key.setdefault(k, []).append(i)
    # kept lines found again in order, each at the first unused leaf after the previous one;
    # a block is placed at its first line found
    starts: list[int | None] = []
    matched: list[int] = []
    last = -1
    for line_keys in block_keys:
        first: int | None = None
        for k in line_keys:
            for i in by_key.get(k, ()):
                if i > last:
                    matched.append(i)
                    last = i
                    first = i if first is None else first
                    break
        starts.append(first)
    # gaps are taken between kept lines long enough to be found in one place only
    anchors = [i for i in matched if leaf_keys[i].count(" ") + 1 >= ANCHOR_MIN_WORDS]
    if len(anchors) < 2:
        return blocks
    found = set(matched)
    added: dict[int, Block] = {}
    budget = MAX_GAP_SHARE * sum(b.words for b in blocks)
    for a, b in pairwise(anchors):
        if b - a < 2:
            continue
        stop = _common_ancestor(leaves[a], leaves[b])
        if stop is None:
            continue
        groups: dict[int, list[int]] = {}  # the gap's leaves by the part of the common ancestor they are in
        seen: dict[HtmlElement, bool] = {}
        for i in range(a + 1, b):
            if i in found or not leaf_keys[i]:
                continue
            el = leaves[i]
            if link_share(el, _text(el)) > MAX_LINK_SHARE or furniture(el, stop, seen):
                continue
            groups.setdefault(id(_child_toward(stop, el)), []).append(i)
        for members in groups.values():
            candidates = {i: as_block(leaves[i], spaced_text(leaves[i])) for i in members}
            # a box that asks for a sign-up or a share is furniture as a whole (its title, its thanks)
            if any(is_prompt(c) or (c.words <= 25 and is_share_widget(c.text)) for c in candidates.values()):
                continue
            budget -= sum(c.words for c in candidates.values())
            if budget < 0:
                return blocks
            added.update(candidates)
    if not added:
        return blocks
    order = sorted(added)
    out: list[Block] = []
    j = 0
    for block, start in zip(blocks, starts, strict=True):
        while start is not None and j < len(order) and order[j] < start:
            out.append(added[order[j]])
            j += 1
        out.append(block)
    out.extend(added[i] for i in order[j:])
    return out
