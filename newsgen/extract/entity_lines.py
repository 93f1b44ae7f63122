"""What a line of an article says before any name in it is read: prose or heading, credit or story.

Also the words written in lower case anywhere in the article (a capitalised one at a sentence start that
is also written in lower case is not a name) and where a sentence starts.
"""

from __future__ import annotations

import re
from operator import itemgetter, methodcaller

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


def is_prose(line: str) -> bool:
    """Sentence-case prose, where a capital letter means something (not a heading, menu or shout)."""
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
    lowered = line.lower()
    return any(word in lowered for word in CREDIT_WORDS)


def written_words(text: str) -> set[str]:
    """The text's words without the punctuation around them: a capitalised word at a sentence start that the
    text also writes in lower case is not a name (ask only about words that start with a lower-case letter)."""
    return set(map(methodcaller("strip", WORD_EDGES), set(text.split())))


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
