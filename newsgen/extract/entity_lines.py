"""What a line of an article says before any name in it is read: prose or heading, credit or story.

Also the words written in lower case anywhere in the article (a capitalised one at a sentence start that
is also written in lower case is not a name) and where a sentence starts.
"""

from __future__ import annotations

import re
from operator import itemgetter

from .substrings import contains_any

# A line with more all-capital words than this share of its words is shouted: only gazetteer names count.
SHOUTED_SHARE = 0.6
# A line with this many words or more, most of them capitalised, is a title-case heading.
HEADING_MIN_WORDS = 4
HEADING_CAPITAL_SHARE = 0.8
# Fewer words than this and a line is a label or menu item rather than prose.
PROSE_MIN_WORDS = 5
# Words longer than this, starting with a letter, are the words whose capitals tell a heading.
LONG_WORD_CHARS = 3
# A line ending with one of these ends like a sentence.
SENTENCE_STOPS = ".!?\"”’)"
WORD_EDGES = ".,;:!?\"'“”‘’()[]{}«»…"
# Before a mention at a sentence start: nothing, or the end of a sentence, clause or list marker.
SENTENCE_END = frozenset(".!?:;…—–-|•·*>")
# Quotes, brackets and spaces between a sentence's end and its first word.
OPENERS = "\"“”‘'([«„ \t"
# A name right after these words is a photo credit, not part of the story.
CREDIT_BEFORE = re.compile(r"(?:photo(?:graph)?|image|picture|illustration|credit)s?\s*(?:by|:)?\s*$", re.I)
CREDIT_WORDS = ("photo", "image", "picture", "illustration", "credit")
# Each Latin-1 character as its class, so most lines' prose test is settled by counting in bytes: white space
# (where str.split splits), a lower-case letter, an upper-case one, anything else.
SPACE, LOWER, UPPER, OTHER = b" ", b"l", b"U", b"o"
CHARACTER_CLASSES = bytes((SPACE if chr(c).isspace() else LOWER if chr(c).islower() else UPPER if chr(c).isupper()
                           else OTHER)[0] for c in range(256))
# A word after the first whose first LONG_WORD_CHARS + 1 characters are lower-case letters: long and alphabetic.
LONG_LOWER_START = SPACE + LOWER * (LONG_WORD_CHARS + 1)
# The same for a word starting with a capital, then lower-case letters; and any word starting with a capital.
LONG_CAPITAL_START = SPACE + UPPER + LOWER * LONG_WORD_CHARS
LOWER_START, CAPITAL_START = SPACE + LOWER, SPACE + UPPER
# Marks beyond Latin-1 that are neither letters nor spaces (typographic quotes and dashes): a line whose other
# characters are all Latin-1 is still counted in bytes, these standing for OTHER.
TYPOGRAPHIC_MARKS = "‘’“”–—…•€"


def is_prose(line: str) -> bool:
    """Sentence-case prose, where a capital letter means something (not a heading, menu or shout)."""
    counted = _prose_by_counts(line)
    return _prose_by_words(line) if counted is None else counted


def _prose_by_counts(line: str) -> bool | None:
    """The prose test from counts in bytes, or None when they do not settle it. The counts are bounds: a line
    has at least as many capital letters as words in capitals or starting with one, and at least as many long
    words as words starting with four letters (the first may be a capital)."""
    data = line.encode("latin-1", "replace")
    replaced = 0 if line.isascii() else data.count(b"?") - line.count("?")
    if replaced and replaced != sum(map(line.count, TYPOGRAPHIC_MARKS)):
        return None  # a letter or space beyond Latin-1
    marks = data.translate(CHARACTER_CLASSES)
    if marks[:1] == SPACE:
        return None  # a space before the first word
    capitals, long_lower = marks.count(UPPER), marks.count(LONG_LOWER_START)
    fewest_words = long_lower + 1
    if fewest_words < PROSE_MIN_WORDS:
        return None
    if capitals > SHOUTED_SHARE * fewest_words and _may_shout(marks):
        return None
    share = 1.0 if line.rstrip()[-1] in SENTENCE_STOPS else HEADING_CAPITAL_SHARE
    if capitals < share * long_lower:
        return True  # the common case, without counting word starts
    capital_words, long_words = marks.count(CAPITAL_START), long_lower + marks.count(LONG_CAPITAL_START)
    return True if capital_words < share * long_words else None


def _may_shout(marks: bytes) -> bool:
    """Whether more words than SHOUTED_SHARE may be in capitals: as many as do not start in lower case, of as
    many words as there are spaces and one."""
    most_words = marks.count(SPACE) + 1
    lower_words = marks.count(LOWER_START) + (marks[:1] == LOWER)
    return most_words - lower_words > SHOUTED_SHARE * most_words


def _prose_by_words(line: str) -> bool:
    """The prose test from the line's words."""
    words = line.split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    if sum(map(str.isupper, words)) > SHOUTED_SHARE * len(words):
        return False
    rest = words[1:]
    capitals = sum(map(str.isupper, map(itemgetter(0), rest)))
    # Headings rarely end like a sentence, name-dense sentences do: they need every word capitalised.
    share = 1.0 if line.rstrip()[-1] in SENTENCE_STOPS else HEADING_CAPITAL_SHARE
    fewest_long = sum(map(LONG_WORD_CHARS.__lt__, map(len, rest))) + sum(
        map(str.isalpha, map(itemgetter(0), rest))) - len(rest)
    if capitals < share * fewest_long:
        return True  # the common case, settled by counts alone: far more long words than capitals
    long_words = [w for w in rest if len(w) > LONG_WORD_CHARS and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) < HEADING_MIN_WORDS or capitalised < share * len(long_words)


def may_credit(line: str) -> bool:
    """Whether a line can hold a photo credit at all: a slash or a credit word."""
    if "/" in line:
        return True
    return contains_any(line.lower(), CREDIT_WORDS)


def written_words(text: str) -> set[str]:
    """The text's words without the punctuation around them: a capitalised word at a sentence start that the
    text also writes in lower case is not a name (ask only about words that start with a lower-case letter)."""
    return {word.strip(WORD_EDGES) for word in set(text.split())}


def sentence_start(line: str, pos: int) -> bool:
    """Whether a word at `pos` opens a sentence: only quotes and brackets after a sentence's end before it."""
    while pos and line[pos - 1] in OPENERS:
        pos -= 1
    return not pos or line[pos - 1] in SENTENCE_END


def in_credit(line: str, start: int, end: int) -> bool:
    """A photographer or agency in a credit: 'Photo by X/Agency', 'X/Getty Images'."""
    if line[end:end + 1] == "/" or line[start - 1:start] == "/":
        return True
    return CREDIT_BEFORE.search(line[max(0, start - 30):start]) is not None
