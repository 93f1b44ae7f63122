"""A page's story blocks read with the text loader's line recognisers.

The markup finds the story's container; what a block *is* (a byline, a date
stamp, a caption, a correction, a contributor line, "Advertisement") is read
from its text the same way as in a `.txt`, so both kinds give the same record.
Blocks that are furniture leave the body for their own fields; citations are
renumbered to the blocks that stay.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

from ..records import Block, Citation, Dropped, Image
from . import boilerplate as bp
from .bylines import byline_authors
from .captions import merged_images
from .dates import date_not_before
from .html_body import Body
from .html_tree import Element, name_tokens, shortened, text_of
from .lines import (BREAK, BYLINE, CAPTION, CHROME, CITATION, CONTRIBUTOR, CORRECTION, CREDIT, DATE, NOTE, SOURCE,
                    labelled)
from .notes import citation_parts

# Blocks longer than this are story text whatever a recogniser says: labels, stamps and captions are short.
MAX_FURNITURE_WORDS = 80
# Reasons for blocks that leave the body without a field of their own.
DROP_REASONS = {CHROME: "page chrome", BREAK: "page chrome", SOURCE: "source line", BYLINE: "byline",
                DATE: "date stamp"}
# Class/id tokens of visible bylines, read only when the page declares no author.
BYLINE_TOKENS = frozenset("byline author authors writer".split())


@dataclass(slots=True)
class Story:
    blocks: list[Block] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    images: tuple[Image, ...] = ()
    authors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    corrections: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    not_before: datetime | None = None


def story_of(body: Body, title: str, images: tuple[Image, ...], tz: tzinfo) -> Story:
    """The body's story blocks, and the record fields its furniture blocks give."""
    story = Story(dropped=list(body.dropped))
    found: dict[str, list[Any]] = {}
    kept: dict[int, int] = {}
    captions = list(images)
    for index, (block, line) in enumerate(zip(body.blocks, body.lines)):
        kind, value = _kind_of(block, title, tz)
        if kind is None:
            kept[index] = len(story.blocks)
            story.blocks.append(_without_citations(block, story, tz))
            continue
        found.setdefault(kind, []).append(value)
        if kind == CAPTION:
            captions.append(value)
        elif kind == CREDIT and captions and not captions[-1].credit:
            captions[-1] = Image(captions[-1].caption, value, captions[-1].dateline, captions[-1].src)
        elif kind == CITATION and story.blocks:
            story.citations.extend(Citation(c.url, c.text, len(story.blocks) - 1) for c in value)
            continue
        story.dropped.append(Dropped(shortened(block.text), DROP_REASONS.get(kind, kind), line))
    story.citations[:0] = [Citation(c.url, c.text, kept[c.block]) for c in body.citations if c.block in kept]
    story.citations.sort(key=lambda c: c.block if c.block is not None else -1)
    _fill(story, found, captions, tz)
    return story


def _kind_of(block: Block, title: str, tz: tzinfo) -> tuple[str | None, Any]:
    """What a block is when it is not story text (a label and what its recogniser found), else (None, None)."""
    if block.type == "list":
        return None, None
    if block.type == "heading" and _same(block.text, title):
        return "headline", None
    words = bp.words_in(block.text)
    if words > MAX_FURNITURE_WORDS:
        return None, None
    kind, value = labelled(block.text, words, tz)
    if kind in (BREAK, CHROME, SOURCE, BYLINE, DATE, CAPTION, CREDIT, CONTRIBUTOR, CORRECTION, NOTE, CITATION):
        return kind, value
    return None, None


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _without_citations(block: Block, story: Story, tz: tzinfo) -> Block:
    """A paragraph without its bracketed references ("(Source: https://...)"), which become citations."""
    if block.type != "paragraph":
        return block
    text, citations = citation_parts(block.text)
    if not citations:
        return block
    story.citations.extend(Citation(c.url, c.text, len(story.blocks)) for c in citations)
    return Block(block.type, text, block.items)


def _fill(story: Story, found: dict[str, list[Any]], captions: list[Image], tz: tzinfo) -> None:
    story.images = merged_images(captions)
    story.authors = tuple(dict.fromkeys(n for names in found.get(BYLINE, ()) for n in names))
    story.contributors = tuple(dict.fromkeys(n for names in found.get(CONTRIBUTOR, ()) for n in names))
    story.corrections = tuple(dict.fromkeys(found.get(CORRECTION, ())))
    story.notes = tuple(dict.fromkeys(found.get(NOTE, ())))
    stamps = found.get(DATE, [])
    story.published = next((m.value for m in stamps if m.kind in ("published", "date")), None)
    story.updated = next((m.value for m in stamps if m.kind == "updated"), None)
    story.not_before = date_not_before([b.text for b in story.blocks], tz)


def visible_title(root: Element) -> str:
    """The page's first <h1>, when it declares no headline."""
    heading = next(root.iter("h1"), None)
    return text_of(heading) if heading is not None else ""


def visible_authors(root: Element) -> tuple[str, ...]:
    """Names in the page's byline elements (rel=author, itemprop=author, class "byline"), when none are declared."""
    names: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        marked = element.get("rel") == "author" or element.get("itemprop") == "author" or \
            bool(set(name_tokens(element.get("class", ""))) & BYLINE_TOKENS)
        if marked:
            text = text_of(element)
            names.extend(byline_authors(text) or byline_authors("By " + text) or ())
        if names:
            break
    return tuple(dict.fromkeys(names))
