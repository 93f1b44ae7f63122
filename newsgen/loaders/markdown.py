"""Markdown articles (`.md`): front matter plus a body rendered into blocks.

The body is rendered with `markdown` and read back as the same blocks every
loader gives (paragraph, heading, quote, list); links become citations of the
block they sit in. Only text and http(s) URLs leave the rendered HTML: raw HTML
a writer typed (a <script>, an <iframe>) never reaches the record as markup.
"""

from __future__ import annotations

import re
from typing import Any

import markdown as md
from bs4 import BeautifulSoup, Tag

from ..config import SiteConfig
from ..errors import SourceError
from ..extract.html_tree import safe_url
from ..records import Article, Block, Citation
from ..sources import SourceFile
from .frontmatter import overridden, read_front_matter

BLOCK_TAGS = {"p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
              "h5": "heading", "h6": "heading", "blockquote": "quote", "ul": "list", "ol": "list"}
# Raw HTML in a Markdown body that is never text.
UNSAFE_TAGS = ("script", "style", "iframe", "object", "embed", "template", "noscript", "form")
# The Markdown link parser scans from each '[' that does not open a plain link to the end of its paragraph: a
# paragraph with thousands of them takes minutes. Past this many such brackets times paragraph length
# (characters scanned), its brackets are read as plain text; a real paragraph scans a few thousand at most.
MAX_BRACKET_SCAN = 2_000_000
# A link the parser reads at once: text without brackets in [], then a URL without spaces or parentheses in ().
PLAIN_LINK = re.compile(r"\[[^\[\]]*\]\([^()\s]*\)")
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def load(text: str, source: SourceFile, config: SiteConfig, sidecar: dict[str, Any]) -> Article:
    front = read_front_matter(text, source.rel, config.tzinfo(), sidecar)
    if "title" not in front.values:
        raise SourceError("a Markdown article needs a 'title' in its front matter", source.rel)
    blocks, citations = blocks_of(front.body)
    fields = {"body": blocks, "citations": citations, "provenance": (("body", "markdown"),)}
    return Article(path=source.rel, digest=source.digest, format="markdown", **overridden(fields, front))


def blocks_of(body: str) -> tuple[tuple[Block, ...], tuple[Citation, ...]]:
    """The body's blocks in order, and its links as citations of the block each sits in."""
    soup = BeautifulSoup(md.markdown(bounded(body), extensions=["extra", "sane_lists"]), "lxml")
    for element in soup.find_all(UNSAFE_TAGS):
        element.decompose()
    root = soup.body or soup
    blocks: list[Block] = []
    citations: list[Citation] = []
    for element in root.find_all(list(BLOCK_TAGS), recursive=False):
        block = block_of(element)
        if block is None:
            continue
        citations.extend(Citation(url, text, len(blocks)) for url, text in links_of(element))
        blocks.append(block)
    return tuple(blocks), tuple(citations)


def bounded(body: str) -> str:
    """The body with the brackets of any paragraph too costly to search for links escaped."""
    if body.count("[") * len(body) <= MAX_BRACKET_SCAN:
        return body
    return "\n\n".join(_escaped(part) for part in PARAGRAPH_BREAK.split(body))


def _escaped(paragraph: str) -> str:
    """Counting only the '[' left after the plain links: unmatched ']' (as in "[a](b]") hide no scan."""
    costly = paragraph.count("[") - len(PLAIN_LINK.findall(paragraph))
    if costly * len(paragraph) <= MAX_BRACKET_SCAN:
        return paragraph
    return paragraph.replace("[", "\\[")


def block_of(element: Tag) -> Block | None:
    kind = BLOCK_TAGS[element.name]
    if kind == "list":
        items = tuple(t for t in (squeezed(li) for li in element.find_all("li", recursive=False)) if t)
        return Block("list", "\n".join(items), items) if items else None
    text = squeezed(element)
    return Block(kind, text) if text else None


def squeezed(element: Tag) -> str:
    """An element's text as a reader sees it: inline markup gone, whitespace collapsed."""
    return " ".join(element.get_text().split())


def links_of(element: Tag) -> list[tuple[str, str]]:
    """The http(s) links in a block with their text; other schemes (javascript:, data:) are dropped."""
    found = []
    for anchor in element.find_all("a", href=True):
        url = safe_url(str(anchor["href"]))
        if url:
            found.append((url, squeezed(anchor)))
    return found
