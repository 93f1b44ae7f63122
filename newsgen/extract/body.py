"""The story inside a labelled page: its region, title, dek and body blocks.

The region is the run of lines with the most prose in it once chrome has been
charged for (a maximum-sum run over per-line scores, see boilerplate.py); the
title and dek are looked for just above it; inside it, short lines become
headings, list items or are dropped as menus. Every line ends up kept somewhere
or in `dropped` with a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Block, Citation, Dropped
from . import boilerplate as bp
from .lines import BREAK, BULLET, CHROME, CITATION, FURNITURE, HEADLINE, PROSE, REPEAT, SHORT, Line
from .notes import citation_parts

SCORES = {SHORT: bp.SHORT_COST, HEADLINE: bp.HEADLINE_COST, BULLET: bp.BULLET_SCORE,
          CHROME: bp.CHROME_COST, BREAK: bp.BREAK_COST, REPEAT: bp.SHORT_COST}
# How far above the story the headline may sit (bylines, dates, share bars come between).
TITLE_REACH = 15
# Title-shaped: a headline has a few words and is not a long paragraph.
TITLE_WORDS = (3, 25)


@dataclass
class Story:
    """What the body assembly found: title and dek lines, blocks, citations, what was dropped."""

    title: int | None = None
    summary: int | None = None
    blocks: list[Block] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    region: tuple[int, int] = (0, 0)


def line_score(line: Line, blank_style: bool) -> float:
    if line.kind == PROSE:
        share = bp.TIGHT_PROSE_SHARE if blank_style and not (line.blank_before or line.blank_after) else 1.0
        return min(line.words, bp.PROSE_CAP) * share
    if line.kind in FURNITURE:
        return bp.FURNITURE_COST
    cost = SCORES[line.kind]
    return cost * bp.ISOLATED_SHARE if line.isolated and line.kind not in (CHROME, BREAK) else cost


def blank_styled(lines: list[Line]) -> bool:
    """Whether the page sets its paragraphs apart with blank lines."""
    prose = [line for line in lines if line.kind == PROSE]
    return bool(prose) and sum(line.blank_before for line in prose) >= bp.BLANK_STYLE_SHARE * len(prose)


def densest_run(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the run of lines whose scores add up to the most: the story."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    blank_style = blank_styled(lines)
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += line_score(line, blank_style)
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def title_index(lines: list[Line], start: int) -> int | None:
    """The headline: a line repeated on the page near the top, else the nearest headline-shaped line above."""
    repeated = {line.text.casefold() for line in lines if line.kind == REPEAT}
    for i, line in enumerate(lines[: start + 3]):
        if line.text.casefold() in repeated and _title_shaped(line):
            return i
    candidates = [i for i in range(max(0, start - TITLE_REACH), start)
                  if lines[i].kind in (SHORT, HEADLINE, PROSE) and _title_shaped(lines[i])]
    if not candidates:
        return None
    last = candidates[-1]
    before = [i for i in candidates[:-1] if lines[i].kind == HEADLINE]
    return before[-1] if lines[last].kind == PROSE and before and before[-1] >= last - 2 else last


def _title_shaped(line: Line) -> bool:
    return TITLE_WORDS[0] <= line.words <= TITLE_WORDS[1] and not bp.is_truncated(line.text)


def dek_index(lines: list[Line], title: int, start: int) -> int | None:
    """The teaser under the headline: prose right after the title that the story does not continue from."""
    for i in range(title + 1, min(len(lines), max(start, title + 1) + 1)):
        line = lines[i]
        if line.kind == PROSE:
            if not any(later.kind == PROSE for later in lines[i + 1:]):
                return None
            following = lines[i + 1].kind
            return i if i < start or following in FURNITURE | {REPEAT, CHROME} or bp.is_truncated(line.text) else None
        if line.kind not in FURNITURE | {CHROME, SHORT}:
            return None
    return None


def story_of(lines: list[Line]) -> Story:
    start, end = densest_run(lines)
    story = Story()
    story.title = title_index(lines, start)
    if story.title is not None:
        start = max(start, story.title + 1)
        story.summary = dek_index(lines, story.title, start)
        if story.summary is not None:
            start = max(start, story.summary + 1)
    while end > start and lines[end - 1].kind not in (PROSE, BULLET):
        end -= 1
    while start < end and lines[start].kind in (SHORT, CHROME, REPEAT):
        start += 1
    story.region = (start, end)
    _assemble(story, lines, start, end)
    return story


def _assemble(story: Story, lines: list[Line], start: int, end: int) -> None:
    menus = _menu_lines(lines, start, end)
    skip = {story.title, story.summary}
    items: list[str] = []
    for i, line in enumerate(lines):
        if i in skip or line.kind in FURNITURE - {CITATION}:
            continue
        if line.kind == CITATION:
            story.citations.extend(_at(c, len(story.blocks) - 1) for c in line.found)
            continue
        reason = _drop_reason(line, i, start, end, menus)
        if reason:
            story.dropped.append(Dropped(line.text, reason, line.number))
            continue
        if line.kind == BULLET:
            items.append(line.text)
            continue
        _flush_list(story, items)
        text, citations = citation_parts(line.text)
        story.blocks.append(Block(_block_type(lines, i, start, end), text))
        story.citations.extend(_at(c, len(story.blocks) - 1) for c in citations)
    _flush_list(story, items)


def _flush_list(story: Story, items: list[str]) -> None:
    if items:
        story.blocks.append(Block("list", "\n".join(items), tuple(items)))
        items.clear()


def _at(citation: Citation, block: int) -> Citation:
    return Citation(citation.url, citation.text, block if block >= 0 else None)


def _drop_reason(line: Line, i: int, start: int, end: int, menus: set[int]) -> str:
    if line.kind == REPEAT:
        return "repeated line"
    if line.kind in (CHROME, BREAK):
        return "page chrome"
    if not start <= i < end:
        return "outside the story"
    if i in menus:
        return "menu or link list inside the story"
    return ""


def _menu_lines(lines: list[Line], start: int, end: int) -> set[int]:
    """Runs of short lines inside the story, and link lists under a chrome label ("Related")."""
    menus: set[int] = set()
    run: list[int] = []
    after_label = False
    for i in range(start, end + 1):
        kind = lines[i].kind if i < end else PROSE
        if kind == PROSE:
            if len(run) >= bp.MENU_RUN or (after_label and run):
                menus.update(run)
            run, after_label = [], False
        elif kind in (CHROME, BREAK):
            after_label = True
            run.append(i)
        elif kind in (SHORT, HEADLINE):
            run.append(i)
    return menus


def _block_type(lines: list[Line], i: int, start: int, end: int) -> str:
    line = lines[i]
    if line.kind == PROSE:
        return "paragraph"
    next_prose = i + 1 < end and lines[i + 1].kind == PROSE
    if line.words <= bp.HEADING_WORDS and not bp.is_sentence(line.text) and next_prose:
        return "heading"
    return "paragraph"
