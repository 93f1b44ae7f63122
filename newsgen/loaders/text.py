"""Scraped page text (`.txt`): the story separated from the page around it.

A pipeline over the lines: label each one (extract/lines.py), choose the story
region and its blocks (extract/body.py), then gather the rest of the record
from the labelled lines: images, authors, dates, notes, source. Front matter
always wins over what was extracted.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from ..config import SiteConfig
from ..extract.body import Story, story_of
from ..extract.captions import merged_images
from ..extract.dates import date_mentions, date_not_before
from ..extract.lines import (BYLINE, CAPTION, CONTRIBUTOR, CORRECTION, CREDIT, DATE, NOTE, SOURCE, Line,
                             page_lines)
from ..extract.notes import story_dateline
from ..records import Article, Image
from ..sources import SourceFile
from .frontmatter import overridden, read_front_matter


def load(text: str, source: SourceFile, config: SiteConfig, sidecar: dict[str, Any]) -> Article:
    front = read_front_matter(text, source.rel, config.tzinfo(), sidecar)
    fields = extracted_fields(front.body, front.body_line, config.tzinfo())
    return Article(path=source.rel, digest=source.digest, format="text", **overridden(fields, front))


def extracted_fields(text: str, first_line: int, tz: tzinfo) -> dict[str, Any]:
    lines = page_lines(text, first_line, tz)
    story = story_of(lines)
    header = lines[: story.region[1]]
    authors = _unique(name for line in header if line.kind == BYLINE for name in line.found)
    fields: dict[str, Any] = {
        "title": _text_at(lines, story.title),
        "summary": _text_at(lines, story.summary),
        "body": tuple(story.blocks),
        "images": images_of(lines),
        "authors": authors,
        "contributors": _unique(name for line in lines if line.kind == CONTRIBUTOR for name in line.found
                                if name not in authors),
        "citations": tuple(story.citations),
        "corrections": _found(lines, CORRECTION),
        "notes": _found(lines, NOTE),
        "dateline": (story_dateline(story.blocks[0].text) or "") if story.blocks else "",
        "dropped": tuple(story.dropped),
        "warnings": warnings_of(story),
        "provenance": (("body", "text"), ("title", "text")),
    }
    fields.update(dates_of(header, story, tz))
    sources = [line.found for line in lines if line.kind == SOURCE]
    if sources:
        fields["source"] = sources[0]
    return fields


def _text_at(lines: list[Line], index: int | None) -> str:
    return lines[index].text if index is not None else ""


def _found(lines: list[Line], kind: str) -> tuple[str, ...]:
    return _unique(line.found for line in lines if line.kind == kind)


def _unique(values: Any) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))


def images_of(lines: list[Line]) -> tuple[Image, ...]:
    """Captions in page order, each with the credit line beside it when the caption has none."""
    images: list[Image] = []
    credit = ""
    for line in lines:
        if line.kind == CREDIT:
            if images and not images[-1].credit:
                images[-1] = Image(images[-1].caption, line.found, images[-1].dateline)
            else:
                credit = line.found
        elif line.kind == CAPTION:
            image: Image = line.found
            images.append(image if image.credit or not credit else Image(image.caption, credit, image.dateline))
            credit = ""
    return merged_images(images)


def dates_of(header: list[Line], story: Story, tz: tzinfo) -> dict[str, Any]:
    """Published and updated from date stamps above the story's end (every moment a stamp line gives:
    "Published ... · Updated ..."); a lower bound from its prose."""
    mentions = [mention for line in header if line.kind == DATE for mention in date_mentions(line.text, tz)]
    published = next((m.value for m in mentions if m.kind == "published"), None)
    published = published or next((m.value for m in mentions if m.kind == "date"), None)
    updated = next((m.value for m in mentions if m.kind == "updated"), None)
    prose = [block.text for block in story.blocks]
    fields: dict[str, Any] = {"published": published, "updated": updated,
                              "date_not_before": None if published else date_not_before(prose, tz)}
    if published or updated:
        fields["date_source"] = "text"
    return fields


def warnings_of(story: Story) -> tuple[str, ...]:
    warnings = []
    if not story.blocks:
        warnings.append("no story text was found: every line looked like page chrome")
    if story.title is None:
        warnings.append("no headline was found")
    return tuple(warnings)

