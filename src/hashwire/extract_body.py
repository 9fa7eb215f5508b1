"""The main-text tree (trafilatura's XML body) as blocks, each with plain text and HTML."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from lxml.etree import _Element

_INLINE = {"hi", "ref", "lb", "del", "code", "graphic", "span"}
_HI = {"#b": "strong", "#i": "em", "#u": "u", "#t": "code", "#sub": "sub", "#sup": "sup"}


@dataclass(slots=True, frozen=True)
class Block:
    kind: str  # p | h | list | quote | table | code | figure
    text: str
    html: str
    links_chars: int = 0  # characters of text inside links
    words: int = field(init=False, default=0)  # counted once: the cleaning rules ask many times

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", len(self.text.split()))


_RUN_IN = {"hi", "ref", "del", "code", "span", "a", "b", "i", "em", "strong", "u", "sub", "sup", "abbr", "q", "small"}


def _inline_text(el: _Element) -> str:
    """The element's text; nested blocks (a heading or cells inside a list item) on lines of their
    own, so their words do not run together."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in _RUN_IN:
            parts.append(_inline_text(child))
        elif child.tag != "graphic":
            parts.append(f"\n{_inline_text(child)}\n")
        parts.append(child.tail or "")
    return "".join(parts)


def _inline_html(el: _Element) -> str:
    parts: list[str] = [escape(el.text or "", quote=False)]
    for child in el:
        tag = child.tag
        if tag == "lb":
            parts.append("<br>")
        elif tag == "hi":
            name = _HI.get(child.get("rend", ""), "em")
            parts.append(f"<{name}>{_inline_html(child)}</{name}>")
        elif tag == "ref":
            href = child.get("target", "")
            inner = _inline_html(child)
            parts.append(f'<a href="{escape(href)}">{inner}</a>' if href else inner)
        elif tag == "graphic":
            src = child.get("src", "")
            if src:
                parts.append(f'<img src="{escape(src)}" alt="{escape(child.get("alt", ""))}">')
        elif tag == "code":
            parts.append(f"<code>{_inline_html(child)}</code>")
        else:
            parts.append(_inline_html(child))
        parts.append(escape(child.tail or "", quote=False))
    return "".join(parts)


def _link_chars(el: _Element) -> int:
    return sum(len(_inline_text(r)) for r in el.iter("ref"))


def _clean(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _list_block(el: _Element) -> Block:
    items = [it for it in el if it.tag == "item"]
    texts = [_clean(_inline_text(it)) for it in items]
    tag = "ol" if el.get("rend", "").startswith("ol") else "ul"
    html = "".join(f"<li>{_inline_html(it)}</li>" for it in items)
    return Block("list", "\n".join(t for t in texts if t), f"<{tag}>{html}</{tag}>", _link_chars(el))


def _table_block(el: _Element) -> Block:
    rows_text, rows_html = [], []
    for row in el.iter("row"):
        cells = [c for c in row if c.tag == "cell"]
        rows_text.append(" | ".join(_clean(_inline_text(c)).replace("\n", " ") for c in cells))
        rows_html.append("<tr>" + "".join(
            f"<{'th' if c.get('role') == 'head' else 'td'}>{_inline_html(c)}</{'th' if c.get('role') == 'head' else 'td'}>"
            for c in cells) + "</tr>")
    return Block("table", "\n".join(r for r in rows_text if r.strip(" |")),
                 "<table>" + "".join(rows_html) + "</table>", _link_chars(el))


def body_blocks(body: _Element) -> list[Block]:
    """Top-level blocks of the extracted body, in reading order."""
    blocks: list[Block] = []
    if body.text and body.text.strip():
        blocks.append(_loose_text(body.text))
    for el in body:
        _add_block(blocks, el)
        if el.tail and el.tail.strip():
            blocks.append(_loose_text(el.tail))  # text the extractor left between blocks
    return [b for b in blocks if b.text or b.kind == "figure"]


def _loose_text(text: str) -> Block:
    return Block("p", _clean(text), f"<p>{escape(text.strip(), quote=False)}</p>")


def _add_block(blocks: list[Block], el: _Element) -> None:
    tag = el.tag
    if tag == "list":
        blocks.append(_list_block(el))
    elif tag == "table":
        blocks.append(_table_block(el))
    elif tag == "head":
        rend = el.get("rend", "h2")
        level = rend if rend in ("h2", "h3", "h4", "h5", "h6") else "h2"
        blocks.append(Block("h", _clean(_inline_text(el)).replace("\n", " "),
                            f"<{level}>{_inline_html(el)}</{level}>", _link_chars(el)))
    elif tag == "quote":
        inner = body_blocks(el) if len(el) and all(c.tag not in _INLINE for c in el) else []
        if inner:
            blocks.append(Block("quote", "\n\n".join(b.text for b in inner),
                                "<blockquote>" + "".join(b.html for b in inner) + "</blockquote>",
                                sum(b.links_chars for b in inner)))
        else:
            blocks.append(Block("quote", _clean(_inline_text(el)),
                                f"<blockquote><p>{_inline_html(el)}</p></blockquote>", _link_chars(el)))
    elif tag == "code":
        blocks.append(Block("code", _inline_text(el).strip("\n"), f"<pre><code>{escape(_inline_text(el))}</code></pre>"))
    elif tag == "graphic":
        src = el.get("src", "")
        if src:
            blocks.append(Block("figure", "", f'<figure><img src="{escape(src)}" alt="{escape(el.get("alt", ""))}"></figure>'))
    else:
        text = _clean(_inline_text(el))
        blocks.append(Block("p", text, f"<p>{_inline_html(el)}</p>", _link_chars(el)))
