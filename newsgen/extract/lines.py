"""Each line of a copied page, labelled with what it is.

The labels come from per-line recognisers (captions, bylines, dates, notes) and
the boilerplate signals; the story region and the record are chosen afterwards
from these labels (extract/body.py), so every decision about a line can be
traced to one label and one reason.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import tzinfo
from typing import Any

from . import boilerplate as bp
from .bylines import byline_authors, contributor_names
from .captions import caption_of, credit_only
from .dates import date_mention
from .notes import citation_parts, correction_text, note_text, source_line

# Labels of lines that are never story text but carry a part of the record.
PROSE, SHORT, HEADLINE, BULLET, CHROME, REPEAT = "prose", "short", "headline", "bullet", "chrome", "repeat"
BREAK = "break"
CAPTION, CREDIT, BYLINE, DATE, CONTRIBUTOR = "caption", "credit", "byline", "date", "contributor"
CORRECTION, NOTE, SOURCE, CITATION = "correction", "note", "source", "citation"
FURNITURE = frozenset({CAPTION, CREDIT, BYLINE, DATE, CONTRIBUTOR, CORRECTION, NOTE, SOURCE, CITATION})
# Bylines and date stamps are short; a long line that starts "By ..." is a sentence.
MAX_STAMP_WORDS = 16


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line: its 1-based number, text, word count, label and what the label found."""

    number: int
    text: str
    words: int
    kind: str
    found: Any = None
    blank_before: bool = False
    blank_after: bool = False

    @property
    def isolated(self) -> bool:
        """Set apart by blank lines: a block of its own rather than an item of a menu."""
        return self.blank_before and self.blank_after


def page_lines(text: str, first_line: int, tz: tzinfo) -> list[Line]:
    """The page's non-empty lines, labelled; later copies of a line are labelled repeats."""
    lines: list[Line] = []
    seen: set[str] = set()
    blank = True
    for number, raw in enumerate(text.split("\n"), first_line):
        stripped = " ".join(raw.split())
        if not stripped:
            if lines and not blank:
                lines[-1] = replace(lines[-1], blank_after=True)
            blank = True
            continue
        words = bp.words_in(stripped)
        key = stripped.casefold()
        if key in seen and words >= bp.REPEAT_MIN_WORDS:
            lines.append(Line(number, stripped, words, REPEAT, blank_before=blank))
        else:
            kind, found = labelled(stripped, words, tz)
            lines.append(Line(number, stripped, words, kind, found, blank))
            seen.add(key)
        blank = False
    if lines:
        lines[-1] = replace(lines[-1], blank_after=True)
    return with_lists(lines)


def with_lists(lines: list[Line]) -> list[Line]:
    """Lines packed under a line ending in a colon are the items of the list it introduces."""
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        if not line.text.endswith(":") or line.kind not in (PROSE, HEADLINE, SHORT):
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind in (SHORT, HEADLINE, PROSE, BULLET, DATE) and (
                j == i + 1 or not lines[j].blank_before):
            out[j] = replace(lines[j], kind=BULLET)
            j += 1
    return out


def labelled(text: str, words: int, tz: tzinfo) -> tuple[str, Any]:
    """The label of one line and what its recogniser found."""
    for kind, recognise in RECOGNISERS:
        found = recognise(text, words, tz)
        if found:
            return kind, found
    if bp.is_break(text):
        return BREAK, None
    if bp.is_chrome(text, words):
        return CHROME, None
    if bp.is_prose(text, words):
        return PROSE, None
    if bp.is_bullet(text):
        return BULLET, None
    return (SHORT if words <= bp.MENU_WORDS else HEADLINE), None


def _stamp(recognise: Any) -> Any:
    """A recogniser applied only to short lines: stamps are never long sentences."""
    return lambda text, words, tz: recognise(text) if words <= MAX_STAMP_WORDS else None


def _citation(text: str, words: int, tz: tzinfo) -> Any:
    rest, citations = citation_parts(text)
    return citations if citations and not bp.WORD.search(rest) else None


RECOGNISERS = (
    (SOURCE, _stamp(source_line)),
    (CORRECTION, lambda text, words, tz: correction_text(text)),
    (NOTE, lambda text, words, tz: note_text(text)),
    (CONTRIBUTOR, lambda text, words, tz: contributor_names(text)),
    (BYLINE, _stamp(byline_authors)),
    (DATE, lambda text, words, tz: date_mention(text, tz) if words <= MAX_STAMP_WORDS else None),
    (CITATION, _citation),
    (CREDIT, _stamp(credit_only)),
    (CAPTION, lambda text, words, tz: caption_of(text)),
)
