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
from .lines import (ATTRIBUTION, BREAK, BULLET, BYLINE, CHROME, CHROME_BOX, CITATION, CONTRIBUTOR, DATE, FURNITURE,
                    HEADLINE, PROSE, PULL_QUOTE, QUOTE, REPEAT, SHORT, STAMP, Line, blank_styled)
from .notes import citation_parts

SCORES = {SHORT: bp.SHORT_COST, HEADLINE: bp.HEADLINE_COST, BULLET: bp.BULLET_SCORE, CHROME: bp.CHROME_COST,
          BREAK: bp.BREAK_COST, REPEAT: bp.SHORT_COST, STAMP: bp.FURNITURE_COST, ATTRIBUTION: bp.FURNITURE_COST}
# Lines that are read as running text of the story.
TEXT = (PROSE, QUOTE)
# Furniture that never becomes a block (citations do: they are kept with the block they follow).
RECORD_ONLY = FURNITURE - {CITATION}
# What may sit between a headline and its dek (furniture, chrome, menu items), and what under a dek marks it
# as the page's header (furniture, or a repeated line that is not a pull quote).
ABOVE_DEK = FURNITURE | {CHROME, SHORT}
UNDER_DEK = FURNITURE | {REPEAT}
# How far above the story the headline may sit (bylines, dates, share bars come between).
TITLE_REACH = 15
# Title-shaped: a headline has a few words and is not a long paragraph.
TITLE_WORDS = (3, 25)
# Headline points: headline-shaped (5+ words, no full stop), a sentence (more often the dek: a penalty),
# set apart by blank lines, followed by the byline, date or story, packed against a menu item (a penalty
# for each side), and per line of distance from the story.
TITLE_HEADLINE, TITLE_PROSE, TITLE_ISOLATED, TITLE_LEADS, TITLE_IN_MENU, TITLE_DISTANCE = 2.0, -1.5, 1.0, 1.5, -1.0, -0.05
# This many short lines packed together are a site menu or a staff list, never inside a story.
LONG_MENU_LINES = 10
# A dek is a sentence or two; a longer paragraph under the headline is the story's first.
DEK_WORDS = 45
# A "Related"/"Read also" label with at most this many teaser lines before the story resumes is
# an inline link, not the end of the story: it costs like other chrome.
INLINE_BREAK_TEASERS = 2
# Prose after the contributors line ("X contributed reporting") shorter than this is a footer.
END_NOTE_WORDS = 12
# A closing line ("Happy baking!") after the last paragraph is kept up to this many words.
CLOSING_WORDS = 6


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
    """What a line adds to the story region: prose words, less the cost of chrome (a chrome box once)."""
    if line.kind in TEXT:
        share = bp.TIGHT_PROSE_SHARE if blank_style and not (line.blank_before or line.blank_after) else 1.0
        return min(line.words, bp.PROSE_CAP) * share
    if line.kind in FURNITURE:
        return bp.FURNITURE_COST
    if line.found == CHROME_BOX and not line.blank_before:
        return 0.0
    cost = SCORES[line.kind]
    return cost * bp.ISOLATED_SHARE if line.isolated and line.kind not in (CHROME, BREAK) else cost


def densest_run(lines: list[Line]) -> tuple[int, int]:
    """[start, end) of the run of lines whose scores add up to the most: the story."""
    best, best_span = 0.0, (0, 0)
    total, start = 0.0, 0
    blank_style = blank_styled(lines)
    walls = _long_menu_starts(lines)
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        total += bp.CHROME_COST if _inline_break(lines, i) else line_score(line, blank_style)
        total = float("-inf") if i in walls else total
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def _long_menu_starts(lines: list[Line]) -> set[int]:
    """Where a long packed run of short lines begins (a site menu, a staff list): the story never spans one."""
    starts: set[int] = set()
    run = 0
    for i, line in enumerate(lines):
        run = run + 1 if line.kind in (SHORT, CHROME) and (run == 0 or not line.blank_before) else 0
        if run == LONG_MENU_LINES:
            starts.add(i - run + 1)
    return starts


def _inline_break(lines: list[Line], i: int) -> bool:
    """A break label followed by a teaser or two and then the story again ("Read also: ...")."""
    if lines[i].kind != BREAK:
        return False
    j = i + 1
    while j < len(lines) and not lines[j].blank_before and lines[j].kind not in TEXT:
        j += 1
    return j - i - 1 <= INLINE_BREAK_TEASERS and j < len(lines) and lines[j].kind == PROSE


def title_index(lines: list[Line], start: int) -> int | None:
    """The headline: a line repeated on the page near the top, else the best headline-shaped line above."""
    repeated = {line.text.casefold() for line in lines if line.kind == REPEAT and line.found is None}
    for i, line in enumerate(lines[: start + 3]):
        if line.kind != REPEAT and line.text.casefold() in repeated and _title_shaped(line):
            return i
    candidates = [i for i in range(max(0, start - TITLE_REACH), start)
                  if lines[i].kind in (SHORT, HEADLINE, PROSE) and _title_shaped(lines[i])]
    if not candidates and _stamped_first_line(lines, start):
        return start
    return max(reversed(candidates), key=lambda i: _title_points(lines, i, start), default=None)


def _stamped_first_line(lines: list[Line], start: int) -> bool:
    """Whether the story's first line is the page's headline: title-shaped, under a byline or date stamp."""
    return (start + 1 < len(lines) and lines[start].kind in (SHORT, HEADLINE, PROSE)
            and _title_shaped(lines[start]) and lines[start + 1].kind in (BYLINE, DATE))


def _title_points(lines: list[Line], i: int, start: int) -> float:
    line = lines[i]
    points = TITLE_HEADLINE if line.kind == HEADLINE else TITLE_PROSE if line.kind == PROSE else 0.0
    points += TITLE_ISOLATED if line.isolated else 0.0
    following = lines[i + 1].kind if i + 1 < len(lines) else None
    points += TITLE_LEADS if following in (PROSE, BYLINE, DATE) else 0.0
    packed = [other for other, apart in ((lines[i - 1] if i else None, line.blank_before),
                                         (lines[i + 1] if i + 1 < len(lines) else None, line.blank_after))
              if other is not None and not apart]
    points += TITLE_IN_MENU * sum(other.kind in (SHORT, CHROME, BREAK) for other in packed)
    return points + TITLE_DISTANCE * (start - i)


def _title_shaped(line: Line) -> bool:
    return TITLE_WORDS[0] <= line.words <= TITLE_WORDS[1] and not bp.is_truncated(line.text)


def dek_index(lines: list[Line], title: int, start: int, end: int) -> int | None:
    """The teaser under the headline: prose right after the title that the story does not continue from."""
    for i in range(title + 1, min(len(lines), max(start, title + 1) + 1)):
        line = lines[i]
        if line.kind == PROSE:
            if not any(later.kind == PROSE for later in lines[i + 1: end]):
                return None
            following = lines[i + 1]
            if bp.is_truncated(line.text):
                return i
            header = (following.kind in UNDER_DEK and following.found != PULL_QUOTE
                      or _stamps_before_prose(lines, i + 1))
            return i if (i < start or header) and line.words <= DEK_WORDS else None
        if line.kind not in ABOVE_DEK:
            return None
    return None


def _stamps_before_prose(lines: list[Line], j: int) -> bool:
    """Whether a byline or date stamp comes before the next paragraph: the lines above it are the header."""
    while j < len(lines) and lines[j].kind not in TEXT:
        if lines[j].kind in (BYLINE, DATE):
            return True
        j += 1
    return False


def story_of(lines: list[Line]) -> Story:
    start, end = densest_run(lines)
    story = Story()
    story.title = title_index(lines, start)
    if story.title is not None:
        start = max(start, story.title + 1)
        story.summary = dek_index(lines, story.title, start, end)
        if story.summary is not None:
            start = max(start, story.summary + 1)
    end = _story_end(lines, start, end)
    while start < end and lines[start].kind in (SHORT, CHROME, REPEAT, STAMP):
        start += 1
    start = _with_first_heading(lines, start, max(story.title or 0, story.summary or 0))
    story.region = (start, end)
    _assemble(story, lines, start, end)
    return story


def _story_end(lines: list[Line], start: int, end: int) -> int:
    """The region's end moved back to its last text line or list item, before a footer after the
    contributors line, and on to a short closing line ("Happy baking!") set apart below it."""
    while end > start and lines[end - 1].kind not in (PROSE, BULLET, QUOTE, ATTRIBUTION):
        end -= 1
    for i in range(end - 1, start - 1, -1):
        if lines[i].kind == CONTRIBUTOR:
            if sum(line.words for line in lines[i + 1: end] if line.kind in TEXT) < END_NOTE_WORDS:
                return i
            break
    if end < len(lines) and _closing_line(lines[end]) and (
            end + 1 == len(lines) or lines[end + 1].kind in (CHROME, BREAK)):
        return end + 1
    return end


def _closing_line(line: Line) -> bool:
    return line.kind == SHORT and line.isolated and bp.is_sentence(line.text) and line.words <= CLOSING_WORDS


def _with_first_heading(lines: list[Line], start: int, header_end: int) -> int:
    """The start moved up to a subheading right above the first paragraph (a live-blog entry's headline,
    under its time stamp)."""
    above = start - 1
    if above <= header_end or start >= len(lines) or lines[start].kind != PROSE:
        return start
    line = lines[above]
    stamped = lines[above - 1].kind == STAMP
    if line.kind in (SHORT, HEADLINE) and _heading_shaped(line) and stamped:
        return above
    return start


def _heading_shaped(line: Line) -> bool:
    return line.words <= bp.HEADING_WORDS and not bp.is_sentence(line.text)


def _assemble(story: Story, lines: list[Line], start: int, end: int) -> None:
    menus = _menu_lines(lines, start, end)
    skip = {story.title, story.summary}
    items: list[str] = []
    for i, line in enumerate(lines):
        if i in skip or line.kind in RECORD_ONLY:
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
        if line.kind == ATTRIBUTION and story.blocks and story.blocks[-1].type == "quote":
            story.blocks[-1] = Block("quote", f"{story.blocks[-1].text}\n{line.text}")
            continue
        text, citations = citation_parts(line.text)
        story.blocks.append(Block(_block_type(lines, i, start, end), text))
        if citations:
            story.citations.extend(_at(c, len(story.blocks) - 1) for c in citations)
    _flush_list(story, items)


def _flush_list(story: Story, items: list[str]) -> None:
    """The list so far as one block: its text as written, its items without their bullets or numbers."""
    if items:
        story.blocks.append(Block("list", "\n".join(items), tuple(bp.without_marker(item) for item in items)))
        items.clear()


def _at(citation: Citation, block: int) -> Citation:
    return Citation(citation.url, citation.text, block if block >= 0 else None)


def _drop_reason(line: Line, i: int, start: int, end: int, menus: set[int]) -> str:
    if line.kind == REPEAT:
        return line.found or "repeated line"
    if line.kind in (CHROME, BREAK):
        return line.found or "page chrome"
    if line.kind == STAMP:
        return "time stamp"
    if not start <= i < end:
        return "outside the story"
    if i in menus:
        return "menu or link list inside the story"
    return ""


def _menu_lines(lines: list[Line], start: int, end: int) -> set[int]:
    """Runs of short lines inside the story, and link lists under a chrome label ("Related"); a live-blog
    entry's headline is not a menu item."""
    menus: set[int] = set()
    run: list[int] = []
    after_label = False
    for i in range(start, end + 1):
        kind = lines[i].kind if i < end else PROSE
        if kind in TEXT:
            if (len(run) >= bp.MENU_RUN and _packed(lines, run) and not _priced(lines, run)) or (after_label and run):
                menus.update(run)
            run, after_label = [], False
        elif kind in (CHROME, BREAK):
            after_label = not lines[i].blank_after
            run.append(i)
        elif kind in (SHORT, HEADLINE) and not _entry_headline(lines, i):
            run.append(i)
    return menus


def _entry_headline(lines: list[Line], i: int) -> bool:
    """A line packed under a live-blog entry's clock stamp and followed by text: the entry's headline."""
    return (i > 0 and lines[i - 1].kind == STAMP and bp.is_clock_stamp(lines[i - 1].text)
            and not lines[i].blank_before and i + 1 < len(lines) and lines[i + 1].kind in TEXT)


def _packed(lines: list[Line], run: list[int]) -> bool:
    """Whether most lines of a run follow the one above without a blank line: a menu is packed, a story's
    short blocks (questions and answers, scores, quoted posts) are set apart like its paragraphs."""
    return 2 * sum(not lines[i].blank_before for i in run) >= len(run)


def _priced(lines: list[Line], run: list[int]) -> bool:
    """Whether most lines of a run name a price: the offers of a deals story, not links to other stories."""
    return 2 * sum(bp.has_price(lines[i].text) for i in run) >= len(run)


def _block_type(lines: list[Line], i: int, start: int, end: int) -> str:
    line = lines[i]
    if line.kind in (PROSE, QUOTE):
        return "paragraph" if line.kind == PROSE else "quote"
    next_prose = i + 1 < end and lines[i + 1].kind == PROSE
    return "heading" if _heading_shaped(line) and next_prose else "paragraph"
