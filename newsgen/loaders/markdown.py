"""Markdown articles (`.md`): front matter plus a body rendered into blocks."""

from __future__ import annotations

from typing import Any

import markdown as md
from bs4 import BeautifulSoup

from ..config import SiteConfig
from ..errors import SourceError
from ..records import Article, Block
from ..sources import SourceFile
from .frontmatter import overridden, read_front_matter

BLOCK_TAGS = {"p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
              "h5": "heading", "h6": "heading", "blockquote": "quote", "ul": "list", "ol": "list"}


def load(text: str, source: SourceFile, config: SiteConfig, sidecar: dict[str, Any]) -> Article:
    front = read_front_matter(text, source.rel, config.tzinfo(), sidecar)
    if "title" not in front.values:
        raise SourceError("a Markdown article needs a 'title' in its front matter", source.rel)
    fields = {"body": blocks_of(front.body)}
    return Article(path=source.rel, digest=source.digest, format="markdown", **overridden(fields, front))


def blocks_of(body: str) -> tuple[Block, ...]:
    html = md.markdown(body, extensions=["extra", "sane_lists"])
    soup = BeautifulSoup(html, "lxml")
    root = soup.body or soup
    return tuple(b for b in (block_of(el) for el in root.find_all(list(BLOCK_TAGS), recursive=False)) if b)


def block_of(element: Any) -> Block | None:
    kind = BLOCK_TAGS[element.name]
    if kind == "list":
        items = tuple(li.get_text(" ", strip=True) for li in element.find_all("li", recursive=False))
        return Block("list", "\n".join(items), items) if items else None
    text = element.get_text(" ", strip=True)
    return Block(kind, text) if text else None
