"""Each line of a copied page, labelled with what it is.

The labels come from per-line recognisers (captions, bylines, dates, notes) and
the boilerplate signals; the story region and the record are chosen afterwards
from these labels (extract/body.py), so every decision about a line can be
traced to one label and one reason.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import tzinfo
from functools import lru_cache, partial
from typing import Any, Callable, NamedTuple

from ..records import Image
from . import boilerplate as bp
from .bylines import byline_authors, contributor_names
from .captions import caption_of, credit_only
from .dates import date_mention
from .notes import citation_parts, correction_text, note_text, source_line

# Labels of lines that are never story text but carry a part of the record.
PROSE, SHORT, HEADLINE, BULLET, CHROME, REPEAT = "prose", "short", "headline", "bullet", "chrome", "repeat"
BREAK = "break"
# A live-blog entry's clock stamp; a quote set apart from the text (a pull quote) and its attribution.
STAMP, QUOTE, ATTRIBUTION = "stamp", "quote", "attribution"
CAPTION, CREDIT, BYLINE, DATE, CONTRIBUTOR = "caption", "credit", "byline", "date", "contributor"
CORRECTION, NOTE, SOURCE, CITATION = "correction", "note", "source", "citation"
FURNITURE = frozenset({CAPTION, CREDIT, BYLINE, DATE, CONTRIBUTOR, CORRECTION, NOTE, SOURCE, CITATION})
# Reasons that go with a label: why the line is chrome or a repeat.
CHROME_BOX, PULL_QUOTE = "chrome box", "pull quote repeating the story"
TEMPLATE, AUTHOR_CARD = "line repeated across the page", "author card"
# An author's card is a sentence or two about them, at most a few lines (role, "Follow") under the name.
AUTHOR_CARD_WORDS, AUTHOR_CARD_REACH = 60, 4
# Lines of a chrome box that become chrome with it (furniture keeps its own label).
BOXED = frozenset({PROSE, SHORT, HEADLINE, CHROME, BREAK, BULLET})
# Bylines and date stamps are short; a long line that starts "By ..." is a sentence.
MAX_STAMP_WORDS = 16
# Labels of this many short lines are kept across pages (a site's menus and footers are a few hundred lines).
LABEL_CACHE_LINES = 4096
# A date stamp may carry a desk byline and an update time ("By Desk | May 1, 2024 at 2:26 PM - Updated May 1
# at 4:46 PM"); the date recogniser itself refuses lines that read as prose.
MAX_DATE_STAMP_WORDS = 24
# A line that is one quotation and nothing else: a pull quote or a quoted passage.
QUOTE_SHAPE = re.compile(r"^[\"“„«‘'](?P<inner>[^\"“”„«»]{8,})[\"”“»’']$")
# "— Name, role" under a pull quote.
ATTRIBUTION_SHAPE = re.compile(r"^[—–-]\s*\w")
ATTRIBUTION_WORDS = 10
# A numbered list item ("3) ...", "12. ..."); between two consecutive ones, up to this many lines
# (a link, a price) are part of the list.
NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+\S")
ITEM_GAP_LINES = 2
# Items of an unmarked list share an inner mark (a colon, a bracket, a dash, a digit) and have a few words;
# this many of them packed together make a list.
PARALLEL_MARKS = re.compile(r":|\(|\s[–—-]\s|\d")
PARALLEL_MIN_WORDS, PARALLEL_MIN_ITEMS = 3, 4
# A caption above a credit line is short; a long paragraph above one is story text.
CAPTION_WORDS = 60
# A byline without its "By" is a name alone: two or three words (given names and surnames).
BARE_NAME_WORDS = (2, 3)
# An agency or photographer credited by one upper-case word ("AFP", "REUTERS") has at least this many letters.
BARE_CREDIT_CHARS = 2


class Line(NamedTuple):
    """A non-empty line: its 1-based number, text, word count, label and what the label found.

    A named tuple rather than a frozen dataclass: one is built for every line of every page, and again for
    each relabelling, at a fraction of the cost.
    """

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
    for number, stripped, blank_before, blank_after in _spaced_lines(text, first_line):
        words = bp.words_in(stripped)
        key = stripped.casefold()
        if key in seen and words >= bp.REPEAT_MIN_WORDS:
            lines.append(Line(number, stripped, words, REPEAT, None, blank_before, blank_after))
        else:
            kind, found = short_line_label(stripped, words, tz) if words <= MAX_STAMP_WORDS else \
                labelled(stripped, words, tz)
            lines.append(Line(number, stripped, words, kind, found, blank_before, blank_after))
            seen.add(key)
    return with_author_cards(with_chrome_boxes(with_quotes(with_captions(with_lists(
        with_recurring_questions(with_templates(with_bare_bylines(lines))))))))


def _spaced_lines(text: str, first_line: int) -> list[tuple[int, str, bool, bool]]:
    """Each non-empty line's number and text with its spaces made single, and whether a blank line (or
    the page's edge) comes before and after it."""
    squeezed = [squeezed_line(line) if line else line for line in text.split("\n")]
    kept = [i for i, line in enumerate(squeezed) if line]
    last = len(kept) - 1
    return [(first_line + i, squeezed[i], k == 0 or kept[k - 1] != i - 1, k == last or kept[k + 1] != i + 1)
            for k, i in enumerate(kept)]


def squeezed_line(line: str) -> str:
    """The line with single spaces between words and none around them. Most lines already are: every white
    space but the plain space is unprintable, so one C-level scan tells."""
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


def with_bare_bylines(lines: list[Line]) -> list[Line]:
    """On a page without a byline, a line that is one person's name, opening a group packed right above
    a date stamp ("Jane Doe" / "Madrid - 3 Apr 2024 - 10:45"), is the byline without its "By"."""
    if any(line.kind == BYLINE for line in lines):
        return lines
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        stamp = lines[i + 1]
        if (line.kind == SHORT and line.blank_before and stamp.kind == DATE and not stamp.blank_before
                and BARE_NAME_WORDS[0] <= len(line.text.split()) <= BARE_NAME_WORDS[1]):
            names = byline_authors(f"By {line.text}")
            if names and len(names) == 1 and names[0].casefold() == line.text.casefold():
                out[i] = line._replace(kind=BYLINE, found=names)
    return out


def with_author_cards(lines: list[Line]) -> list[Line]:
    """A name line over a sentence that opens with the same name ("Jane Doe", "Staff Writer", "Jane Doe is
    a reporter for ...") is the author's card under the story, not its text; the short lines between go with it."""
    out = list(lines)
    for i, name in enumerate(lines):
        if name.kind not in (SHORT, BYLINE) or not 2 <= name.words <= bp.MENU_WORDS:
            continue
        for j in range(i + 1, min(len(lines), i + 1 + AUTHOR_CARD_REACH)):
            bio = lines[j]
            if bio.kind == PROSE and bio.words <= AUTHOR_CARD_WORDS and bio.text.startswith(name.text + " "):
                out[i: j + 1] = [line._replace(kind=CHROME, found=AUTHOR_CARD) if line.kind in BOXED else line
                                 for line in lines[i: j + 1]]
                break
            if bio.kind not in (SHORT, CHROME):
                break
    return out


def with_templates(lines: list[Line]) -> list[Line]:
    """A line the page repeats many times (the same caption under every photo, a widget's title) is a
    template, its first copy included: a story does not say the same line over and over. A line that
    opens with a template's text (the caption with a name added) is a copy of it."""
    copies = Counter(line.text.casefold() for line in lines if line.kind == REPEAT)
    if not copies or max(copies.values()) + 1 < bp.TEMPLATE_COPIES:
        return lines
    templates = {text for text, count in copies.items() if count + 1 >= bp.TEMPLATE_COPIES}
    openings = tuple(text + " " for text in templates)
    return [line._replace(kind=REPEAT, found=TEMPLATE)
            if line.kind != REPEAT and (key := line.text.casefold()) in templates or key.startswith(openings)
            else line for line in lines]


def with_recurring_questions(lines: list[Line]) -> list[Line]:
    """A repeated question set apart over a paragraph of its own is one the story asks again (the same
    interview questions put to each guest), not a copy: captions and teasers are not answered."""
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        answer = lines[i + 1]
        if (line.kind == REPEAT and line.found in (None, TEMPLATE) and line.blank_before
                and answer.kind == PROSE and bp.is_question(line.text)):
            out[i] = line._replace(kind=shape_of(line.text, line.words), found=None)
    return out


def blank_styled(lines: list[Line]) -> bool:
    """Whether the page sets its paragraphs apart with blank lines (most of its prose words are)."""
    total = apart = 0
    for line in lines:
        if line.kind == PROSE:
            words = line.words if line.words < bp.PROSE_CAP else bp.PROSE_CAP
            total += words
            apart += words if line.blank_before else 0
    return total > 0 and apart >= bp.BLANK_STYLE_SHARE * total


def with_chrome_boxes(lines: list[Line]) -> list[Line]:
    """On a page of blank-separated paragraphs, a packed group of lines that is mostly chrome (a
    newsletter box, a cookie banner), or a blurb closed by a sign-up button, is chrome as a whole."""
    if not blank_styled(lines):
        return lines
    out = list(lines)
    start = 0
    for i, line in enumerate(lines):
        if line.blank_after:
            if i > start and _is_chrome_box(lines[start: i + 1]):
                out[start: i + 1] = [m._replace(kind=CHROME, found=CHROME_BOX) if m.kind in BOXED else m
                                     for m in lines[start: i + 1]]
            start = i + 1
    return out


def _is_chrome_box(group: list[Line]) -> bool:
    """Whether a packed group of two or more lines is a chrome box: short lines, at least half of them chrome,
    with two chrome lines or closed by a call to action."""
    chrome = sum(member.kind in (CHROME, BREAK) for member in group)
    boxed = chrome >= bp.BOX_CHROME_LINES or bp.is_call_to_action(group[-1].text, group[-1].words)
    return boxed and 2 * chrome >= len(group) and all(member.words < bp.PROSE_WORDS for member in group)


def with_captions(lines: list[Line]) -> list[Line]:
    """A short line packed right above a credit line is that photo's caption; a truncated copy
    ("...") of a caption elsewhere on the page is a repeat."""
    out = [line._replace(kind=CREDIT, found=line.text) if _bare_credit(lines, i) else line
           for i, line in enumerate(lines)]
    lines = list(out)
    for i, line in enumerate(lines):
        above = lines[i - 1] if i else None
        if (line.kind == CREDIT and above is not None and not line.blank_before
                and above.kind in (PROSE, SHORT, HEADLINE) and above.words <= CAPTION_WORDS):
            out[i - 1] = above._replace(kind=CAPTION, found=Image(above.text, "", ""))
    captions = [line.found.caption.casefold() for line in out if line.kind == CAPTION]
    for i, line in enumerate(out):
        if line.kind in (PROSE, HEADLINE, SHORT) and bp.is_truncated(line.text):
            stem = bp.without_ellipsis(line.text).rstrip().casefold()
            if any(caption.startswith(stem) and caption != stem for caption in captions):
                out[i] = line._replace(kind=REPEAT, found="truncated copy of a caption")
    return out


def _bare_credit(lines: list[Line], i: int) -> bool:
    """A lone upper-case name closing a two-line group ("A stock image of ...", "AGENCY") is the credit
    under a caption: a heading would lead the text below it, not close the line above."""
    line = lines[i]
    return (line.kind == SHORT and line.words == 1 and len(line.text) >= BARE_CREDIT_CHARS
            and line.text.isalpha() and line.text.isupper()
            and i > 0 and not line.blank_before and line.blank_after and lines[i - 1].blank_before
            and lines[i - 1].kind in (PROSE, SHORT, HEADLINE) and lines[i - 1].words <= CAPTION_WORDS)


def with_quotes(lines: list[Line]) -> list[Line]:
    """Lines that are one quotation: a copy of a sentence of the story (a pull quote) is a repeat; one
    that repeats nothing but has a "— Name" line under it is a quote block. The attribution goes with it."""
    out = list(lines)
    prose: list[str] | None = None
    for i, line in enumerate(lines):
        match = QUOTE_SHAPE.match(line.text) if line.kind in (PROSE, SHORT, HEADLINE) else None
        if match is None:
            continue
        if prose is None:
            prose = [other.text.casefold() for other in lines if other.kind == PROSE]
        inner = match.group("inner").strip(" .,;:!?…").casefold()
        repeated = sum(inner in text for text in prose) > (line.kind == PROSE)
        below = lines[i + 1] if i + 1 < len(lines) else None
        attributed = (below is not None and not below.blank_before and below.words <= ATTRIBUTION_WORDS
                      and ATTRIBUTION_SHAPE.match(below.text) is not None)
        if repeated:
            out[i] = line._replace(kind=REPEAT, found=PULL_QUOTE)
        elif attributed:
            out[i] = line._replace(kind=QUOTE)
        if attributed and below is not None:
            out[i + 1] = below._replace(kind=REPEAT if repeated else ATTRIBUTION,
                                        found=PULL_QUOTE if repeated else None)
    return out


def with_numbered_items(lines: list[Line]) -> list[Line]:
    """Lines between consecutive numbered items ("3) ...", a link, "4) ...") belong to the list, and so
    does the same kind of line packed under its last item."""
    out = list(lines)
    numbered = [(i, int(match.group(1))) for i, line in enumerate(lines)
                if line.kind == BULLET and (match := NUMBERED.match(line.text))]
    filled = 0
    for (i, n), (j, m) in zip(numbered, numbered[1:] + [(len(lines), 0)]):
        if m == n + 1 and 1 < j - i <= 1 + ITEM_GAP_LINES:
            out[i + 1: j] = [line._replace(kind=BULLET) if line.kind in (SHORT, HEADLINE) else line
                             for line in lines[i + 1: j]]
            filled += 1
        elif filled and i + 1 < len(lines) and not lines[i + 1].blank_before and lines[i + 1].kind == SHORT:
            out[i + 1] = lines[i + 1]._replace(kind=BULLET)
            filled = 0
        else:
            filled = 0
    return out


def with_parallel_items(lines: list[Line]) -> list[Line]:
    """A packed run of short lines built alike ("England (Group A): 10th appearance") is a list: menu
    items are bare labels, list items carry the same inner punctuation, words and digits."""
    out = list(lines)
    run: list[int] = []
    for i, line in enumerate(lines + [Line(0, "", 0, PROSE, blank_before=True)]):
        if line.kind in (SHORT, HEADLINE) and line.words >= PARALLEL_MIN_WORDS and (not run or not line.blank_before):
            run.append(i)
            continue
        if len(run) >= PARALLEL_MIN_ITEMS:
            marks = [set(PARALLEL_MARKS.findall(lines[j].text)) for j in run]
            if set.intersection(*marks):
                out[run[0]: run[-1] + 1] = [lines[j]._replace(kind=BULLET) for j in run]
        run = [i] if line.kind in (SHORT, HEADLINE) and line.words >= PARALLEL_MIN_WORDS else []
    return out


def with_lists(lines: list[Line]) -> list[Line]:
    """Lines packed under a line ending in a colon are the items of the list it introduces."""
    lines = with_parallel_items(with_numbered_items(lines))
    out = list(lines)
    end = 0  # lines before this are items already; a colon line among them would mark the same run again
    for i, line in enumerate(lines[:-1]):
        if i + 1 < end or not line.text.endswith(":") or line.kind not in (PROSE, HEADLINE, SHORT):
            continue
        j = i + 1
        while j < len(lines) and lines[j].kind in (SHORT, HEADLINE, PROSE, BULLET, DATE) and (
                j == i + 1 or not lines[j].blank_before):
            out[j] = lines[j]._replace(kind=BULLET)
            j += 1
        end = j
    return out


@lru_cache(maxsize=LABEL_CACHE_LINES)
def short_line_label(text: str, words: int, tz: tzinfo) -> tuple[str, Any]:
    """A short line's label, kept across pages: menus, share bars and footers come back on every page of a
    site (and "Share" many times on one); what a label finds is immutable, so a kept one is as good as new."""
    return labelled(text, words, tz)


def labelled(text: str, words: int, tz: tzinfo) -> tuple[str, Any]:
    """The label of one line and what its recogniser found."""
    if bp.is_time_stamp(text):
        return STAMP, None
    for kind, recognise, max_words in recognisers(tz):
        found = recognise(text) if words <= max_words else None
        if found:
            if kind == BYLINE and bp.has_chrome_phrase(text):
                return CHROME, None
            return kind, found
    caption = bp.labelled_caption(text)
    if caption:
        return CAPTION, Image(caption, "", "")
    if bp.is_break(text):
        return BREAK, None
    if bp.is_chrome(text, words):
        return CHROME, None
    return shape_of(text, words), None


def shape_of(text: str, words: int) -> str:
    """The label a line has from its shape alone: prose, a list item, a short line or a headline."""
    if bp.is_prose(text, words):
        return PROSE
    if bp.is_bullet(text):
        return BULLET
    return SHORT if words <= bp.MENU_WORDS else HEADLINE


def _citation(text: str) -> Any:
    rest, citations = citation_parts(text)
    return citations if citations and not bp.WORD.search(rest) else None


# The most words of a line any recogniser judges, for those that judge lines of any length.
ANY_LENGTH = 1 << 30


@lru_cache(maxsize=16)
def recognisers(tz: tzinfo) -> tuple[tuple[str, Callable[[str], Any], int], ...]:
    """Each recogniser in the order it is tried, reading the line alone (dates in the zone `tz`), with the
    most words a line it recognises has: stamps are never long sentences, so long lines skip them."""
    return (
        (SOURCE, source_line, MAX_STAMP_WORDS),
        (CORRECTION, correction_text, ANY_LENGTH),
        (NOTE, note_text, ANY_LENGTH),
        (CONTRIBUTOR, contributor_names, ANY_LENGTH),
        (BYLINE, byline_authors, MAX_STAMP_WORDS),
        (DATE, partial(date_mention, tz=tz), MAX_DATE_STAMP_WORDS),
        (CITATION, _citation, ANY_LENGTH),
        (CREDIT, credit_only, MAX_STAMP_WORDS),
        (CAPTION, caption_of, ANY_LENGTH),
    )
