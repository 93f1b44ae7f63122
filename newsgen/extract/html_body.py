"""The story's container in a cleaned page, and its text as blocks with their links.

The container is found by where the paragraph text is: from <body> down, step
into the child holding nearly all of it, and stop where the text spreads over
several children (the story's paragraphs). Inside it every block element
(paragraph, heading, quote, list, table row) becomes a block in page order;
a block that is mostly link text is a link list, not story text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..records import Block, Citation, Dropped
from .html_tree import Element, prose_weights, safe_url, shortened, text_of

# Descend into a child when it holds this share of its parent's story-like text (the rest is leftovers).
DESCEND_SHARE = 0.8
# Tags that start a block of text of their own; inline text between them forms paragraphs.
BLOCK_TAGS = frozenset("p div section article main h1 h2 h3 h4 h5 h6 blockquote ul ol dl pre table tr li dd dt "
                       "figure figcaption address center details summary hgroup body tbody thead tfoot td th".split())
HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# A block whose link text is more than this share of its text is a link list or a teaser.
LINK_SHARE = 0.5
# ... unless it is long: a paragraph of 40+ words with many links is still a paragraph.
LINKED_PROSE_WORDS = 40
# A list whose items are mostly links is navigation or related stories.
LINK_ITEMS_SHARE = 0.6
SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class Body:
    """The story blocks, the links inside them, and the blocks set aside with why."""

    blocks: list[Block] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    lines: list[int | None] = field(default_factory=list)


def story_container(root: Element) -> Element:
    """The smallest element holding nearly all of the page's story-like text."""
    weights = prose_weights(root)
    node = root.find("body")
    node = node if node is not None else root
    while True:
        total = weights.get(node, 0)
        children = [c for c in node if isinstance(c.tag, str)]
        if not children or total == 0:
            return node
        best = max(children, key=lambda c: weights.get(c, 0))
        if weights.get(best, 0) < DESCEND_SHARE * total:
            return node
        node = best


def body_of(container: Element, base_url: str) -> Body:
    body = Body()
    _walk(container, body, base_url)
    return body


def _walk(element: Element, body: Body, base: str) -> None:
    """Blocks of an element's content in page order: its block children, and inline runs between them."""
    run: list[Element | str] = [element.text] if element.text else []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        if child.tag == "br" and run and _ends_in_break(run):
            _flush(run, body, base, element)
            run = []
        elif child.tag in BLOCK_TAGS and child.tag not in ("li", "dd", "dt"):
            _flush(run, body, base, element)
            _block(child, body, base)
            run = []
        else:
            run.append(child)
        if child.tail:
            run.append(child.tail)
    _flush(run, body, base, element)


def _ends_in_break(run: list[Element | str]) -> bool:
    """Two <br>s in a row (only spaces between) end a paragraph in pages set without <p>."""
    for part in reversed(run):
        if isinstance(part, str):
            if part.strip():
                return False
            continue
        return part.tag == "br"
    return False


def _block(element: Element, body: Body, base: str) -> None:
    tag = element.tag
    if tag in ("ul", "ol"):
        _list(element, body, base)
    elif tag in HEADINGS:
        _add(body, "heading", element, base)
    elif tag == "blockquote":
        _quote(element, body, base)
    elif tag in ("p", "pre", "address") or not _has_blocks(element):
        _add(body, "paragraph", element, base)
    else:
        _walk(element, body, base)


def _quote(element: Element, body: Body, base: str) -> None:
    """A quotation: one quote block, or one per paragraph inside it."""
    if not _has_blocks(element):
        _add(body, "quote", element, base)
        return
    start = len(body.blocks)
    _walk(element, body, base)
    body.blocks[start:] = [Block("quote", b.text) if b.type == "paragraph" else b for b in body.blocks[start:]]


def _has_blocks(element: Element) -> bool:
    return any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in element.iterdescendants())


def _flush(run: list[Element | str], body: Body, base: str, parent: Element) -> None:
    """An inline run (text and inline elements between blocks) as one paragraph."""
    if not run:
        return
    text = _squeeze("".join(p if isinstance(p, str) else _inline_text(p) for p in run))
    if not text:
        return
    links = [a for p in run if not isinstance(p, str) for a in _anchors(p)]
    _append(body, Block("paragraph", text), links, base, parent.sourceline)


def _inline_text(element: Element) -> str:
    return element.text_content()


def _add(body: Body, kind: str, element: Element, base: str) -> None:
    text = text_of(element)
    if text:
        _append(body, Block(kind, text), list(_anchors(element)), base, element.sourceline)


def _list(element: Element, body: Body, base: str) -> None:
    items = [li for li in element if isinstance(li.tag, str) and li.tag == "li"]
    texts = tuple(t for t in (text_of(li) for li in items) if t)
    if not texts:
        return
    linked = sum(1 for li in items if _link_share(li) > LINK_SHARE)
    if linked >= LINK_ITEMS_SHARE * len(items):
        body.dropped.append(Dropped(shortened(" · ".join(texts)), "link list", element.sourceline))
        return
    _append(body, Block("list", "\n".join(texts), texts), list(_anchors(element)), base, element.sourceline)


def _append(body: Body, block: Block, links: list[Element], base: str, line: int | None) -> None:
    """Keep a block unless its text is mostly links; its links become citations of that block."""
    link_chars = sum(len(_squeeze(a.text_content())) for a in links)
    words = len(block.text.split())
    if block.type != "list" and link_chars > LINK_SHARE * len(block.text) and words < LINKED_PROSE_WORDS:
        body.dropped.append(Dropped(shortened(block.text), "link list", line))
        return
    body.blocks.append(block)
    body.lines.append(line)
    index = len(body.blocks) - 1
    for anchor in links:
        url = safe_url(anchor.get("href"), base)
        if url:
            body.citations.append(Citation(url, _squeeze(anchor.text_content()), index))


def _anchors(element: Element) -> list[Element]:
    return [element] if element.tag == "a" else list(element.iter("a"))


def _link_share(element: Element) -> float:
    text = len(text_of(element))
    return sum(len(_squeeze(a.text_content())) for a in element.iter("a")) / text if text else 0.0


def _squeeze(text: str) -> str:
    return SPACES.sub(" ", text).strip()
