"""The page's densest run of paragraphs, for pages whose article the base extractor's rules remove.

Some pages name the element that holds their article after a table of contents, a share bar or a
header, and the base extractor's class-name rules delete it with everything inside. When what it
keeps covers a small part of the page's paragraph text, the element that holds most paragraph words
is read instead, leaving out what looks like furniture inside it. A paragraph's words count for its
parent, half for its grandparent, a third and a quarter further up: a single long paragraph does not
win over the body of an article, and an article of many short sections (a guide of forty venues, each
in a box of its own) is found as a whole.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from hashwire.extract_body import Block
from hashwire.extract_fill import MAX_LINK_SHARE, as_block, block_leaves, furniture, link_share, spaced_text

MIN_PARAGRAPH_WORDS = 8  # shorter paragraphs (captions, labels, buttons) do not count
MIN_WORDS = 150  # a container holding fewer paragraph words is not taken
LEVELS = 4  # a paragraph's words count for its parent, half for its grandparent, a third above that...


def densest_blocks(tree: HtmlElement) -> list[Block]:
    """The blocks of the element holding most paragraph text, or [] when no element holds enough."""
    body = tree.find(".//body")
    root = body if body is not None else tree
    score: dict[HtmlElement, float] = {}
    for p in root.iter("p"):
        text = " ".join(p.text_content().split())
        words = text.count(" ") + 1 if text else 0
        if words < MIN_PARAGRAPH_WORDS or link_share(p, text) > MAX_LINK_SHARE:
            continue
        node = p.getparent()
        for level in range(1, LEVELS + 1):
            if node is None or node is root.getparent():
                break
            score[node] = score.get(node, 0.0) + words / level
            node = node.getparent()
    if not score:
        return []
    best = max(score, key=score.__getitem__)
    if score[best] < MIN_WORDS:
        return []
    seen: dict[HtmlElement, bool] = {}
    blocks = []
    for el in block_leaves(best):
        text = spaced_text(el)
        if not text or link_share(el, text) > MAX_LINK_SHARE or furniture(el, best, seen):
            continue
        blocks.append(as_block(el, text))
    return blocks
