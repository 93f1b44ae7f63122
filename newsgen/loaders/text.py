"""Scraped page text (`.txt`): the story separated from the page around it."""

from __future__ import annotations

from typing import Any

from ..config import SiteConfig
from ..records import Article, Block, Dropped
from ..sources import SourceFile
from .frontmatter import overridden, read_front_matter

MIN_PARAGRAPH_WORDS = 8


def load(text: str, source: SourceFile, config: SiteConfig, sidecar: dict[str, Any]) -> Article:
    front = read_front_matter(text, source.rel, config.tzinfo(), sidecar)
    fields = extracted_fields(front.body, front.body_line)
    return Article(path=source.rel, digest=source.digest, format="text", **overridden(fields, front))


def extracted_fields(text: str, first_line: int) -> dict[str, Any]:
    lines = [(n, line.strip()) for n, line in enumerate(text.split("\n"), first_line) if line.strip()]
    title = lines[0][1] if lines else ""
    body: list[Block] = []
    dropped: list[Dropped] = []
    seen: set[str] = {title}
    for number, line in lines[1:]:
        if line in seen:
            dropped.append(Dropped(line, "repeated", number))
        elif len(line.split()) >= MIN_PARAGRAPH_WORDS:
            body.append(Block("paragraph", line))
        else:
            dropped.append(Dropped(line, "short line outside the story", number))
        seen.add(line)
    return {"title": title, "body": tuple(body), "dropped": tuple(dropped),
            "provenance": (("title", "text"),)}
