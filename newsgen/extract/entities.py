"""Named entities (people, places, organisations) found in an article's own text.

Precise rather than greedy: a capitalised span becomes an entity only when a
structural cue (a title before a name, an organisation or place word in it, an
apposition after it) or a general gazetteer says what it is; everything else is
dropped. Surnames and possessives fold into the full name, and the result is
ordered by how often each entity is mentioned, then by first mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..records import Article, Entities
from .entity_lines import in_credit, is_prose, may_credit, sentence_start, written_words
from .entity_plans import (CACHED_RUNS, CUED, INNER, JOINED, PARTICLES, SPLIT, VOTE, Piece, Plan, Unknown, acronym,
                           known_name, lookup_words, name_shaped, run_pieces, unnamed)
from .entity_votes import ORG, PERSON, PLACE, STRONG, WEAK, Tally, resolved
from .language import language_of
from .lexicon import Lexicon, lexicon

# How far after a name an apposition (", the ... Secretary of State") is read, in words.
APPOSITION_WORDS = 7


# Upper-case letters of the Latin, Greek and Cyrillic blocks (a few lower-case ones of Latin Extended
# slip in; a name must still start with `str.isupper`). A plain class first keeps the scan fast.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f"
# A name token: a capital letter first; inside a name also an Arabic article joined to one ("al-Assad").
_NAME = rf"[{_UP}][A-Za-z0-9\u00c0-\u024f\u0370-\u04ff'’&.\-]*"
_SEP = r"[ \u00a0]+"
_ARTICLE = r"(?:(?:al|el|ad|an|as|ash|at|az)-)?"
RUN = re.compile(rf"{_NAME}(?:{_SEP}(?:(?:{'|'.join(PARTICLES)}){_SEP})*{_ARTICLE}{_NAME})*")
# Prepositions that take places far more than companies ("from Google", "at NASA" are left out).
PLACE_PREPOSITIONS = frozenset("in near outside inside across throughout".split())
SPEECH_VERBS = frozenset("said says told added asked stated wrote tweeted declared according".split())
# Head nouns of an apposition or a following noun, and the kind of name they describe.
PLACE_NOUNS = frozenset("city town village crossing border region province state country capital suburb "
                        "neighborhood neighbourhood district island enclave municipality".split())
ORG_NOUNS = frozenset("group company firm organization organisation agency movement party militia network "
                      "charity startup bank outlet newspaper broadcaster union faction coalition".split())
PERSON_NOUNS = frozenset("administration".split())
FOLLOWING_WORD = re.compile(r"[\w'’-]+")
# The first two following words after a name, in one match.
NEXT_TWO_WORDS = re.compile(r"[^\w'’-]*([\w'’-]+)(?:[^\w'’-]*([\w'’-]+))?")
# How much of a line around a name its cues are read from.
BEFORE_CHARS, AFTER_CHARS = 40, 120
# An apposition starts with a determiner: "Hamas, the Palestinian militant group".
APPOSITION = re.compile(r", (?:the|a|an|its|his|her|their) ")
AND_BEFORE = re.compile(r"(?:^|[^\w\s-] ?|\b(?:[a-z][\w-]*|The) )([A-Z][\w-]+) and $")
# A name right after "Capitalised for/of/and" is the tail of a longer one ("Commissioner for Human Rights").
FRAGMENT_LINKS = ("for", "of", "on", "and", "&")
FRAGMENT_BEFORE = re.compile(rf"[A-Z][\w-]* (?:{'|'.join(map(re.escape, FRAGMENT_LINKS))}) $")
FRAGMENT_ENDS = tuple(f" {link} " for link in FRAGMENT_LINKS)  # a quick test before the pattern


def entities_of(article: Article, language: str = "") -> Entities:
    """People, places and organisations named in the title, summary, body and captions.

    The cues read around unknown names are English; `language` (else the article's, else detected)
    says whether they apply.
    """
    texts = [article.title, article.summary, *(b.text for b in article.body), *(i.caption for i in article.images)]
    full = "\n".join(t for t in texts if t)
    english = (language or article.language or language_of(full)) == "en"
    tallies: dict[str, Tally] = {}
    reader = Reader(lexicon(), written_words(full), english, tallies)
    for line in full.splitlines():
        reader.read_line(line)
    return resolved(tallies)


class Reader:
    """Turns each line's capitalised runs into votes on what every name is."""

    def __init__(self, lex: Lexicon, written: set[str], english: bool, tallies: dict[str, Tally]):
        self.lex, self.written, self.english, self.tallies = lex, written, english, tallies
        self.order = 0
        # A run's pieces depend only on its text and on whether it opens a sentence, within one article.
        self.known_pieces: dict[tuple[str, bool], tuple[Piece, ...]] = {}
        self.line = ""
        self.line_prose: bool | None = None  # read only when a vote needs it

    def read_line(self, line: str) -> None:
        self.line, self.line_prose = line, None
        credits = may_credit(line)
        known = self.known_pieces
        for match in RUN.finditer(line):
            text, at = match.group(), match.start()
            if unnamed(text) or not text[0].isupper() or line[at - 1:at].isalnum():
                continue
            key = (text, sentence_start(line, at))
            pieces = known.get(key)
            if pieces is None:
                pieces = known[key] = self._pieces(*key)
            for offset, end_offset, plan in pieces:
                start, end = at + offset, at + end_offset
                if not (credits and in_credit(line, start, end)):
                    self._run(plan, start, end)

    def _pieces(self, text: str, opens_sentence: bool) -> tuple[Piece, ...]:
        lowered = frozenset(filter(self.written.__contains__, lookup_words(text)))
        return run_pieces(text, opens_sentence, self.english, lowered)

    def _run(self, plan: Plan, start: int, end: int) -> None:
        """Vote on one span of the line (start and end -1 when the words before or after it do not count)."""
        for step in plan:
            if step[0] == CUED:
                self._cued_vote(step[1], start, end)
            elif step[0] == VOTE:
                self._vote(step[1], step[2], STRONG)
            elif step[0] == JOINED:
                self._vote(self._joined(self._before(start), step[1]), ORG, STRONG)
            elif step[0] == INNER:
                self._run(step[1], start, end)
            else:  # SPLIT
                self._run(step[1], start, -1)
                self._run(step[2], -1, end)

    def _before(self, start: int) -> str:
        return self.line[max(0, start - BEFORE_CHARS):start] if start >= 0 else ""

    def _cued_vote(self, name: Unknown, start: int, end: int) -> None:
        """A mention of an unknown name, and what the words around it say (not when it is an abbreviation
        defined in brackets after its full name: '(NSC)')."""
        line = self.line
        if start > 0 and end >= 0 and line[start - 1] == "(" and line[end:end + 1] == ")":
            return
        if not name.proper:
            self._vote(name.name, "", 0)
            return
        after = line[end:end + AFTER_CHARS] if end >= 0 else ""
        self._vote(name.name, *self._cued(name, self._before(start), after))

    def _joined(self, before: str, name: str) -> str:
        """The whole of a name split by "and": 'Securities and Exchange Commission', not 'SpaceX and ...'."""
        match = AND_BEFORE.search(before)
        word = match.group(1) if match else ""
        if not word or acronym(word) or known_name(self.lex, word) or not name_shaped(word):
            return name
        return f"{word} and {name}"

    def _cued(self, name: Unknown, before: str, after: str) -> tuple[str, int]:
        """What the words around an unknown name say it is (English cues)."""
        if APPOSITION.match(after):
            for word in FOLLOWING_WORD.findall(after)[1:APPOSITION_WORDS]:
                kind = noun_kind(word)
                if kind:
                    return kind, STRONG
        if before.endswith(FRAGMENT_ENDS) and FRAGMENT_BEFORE.search(before):
            return "", 0
        next_two = NEXT_TWO_WORDS.match(after)
        first, second = next_two.groups("") if next_two else ("", "")
        if after[:1] == " " and first.islower() and not name.acronym_last:
            role, kind = following_noun(first)
            if role:
                return ORG, WEAK  # "the Wikileaks founder", "a Hamas spokesman"
            if kind and (kind != PERSON or name.single):
                return kind, STRONG
        previous = (before.rsplit(None, 1) or [""])[-1]
        speech = previous == "said" or first in SPEECH_VERBS
        if speech and name.acronym_alone:
            return ORG, WEAK
        if speech and not name.single and not name.org_word_first:
            return PERSON, WEAK
        if not name.single and after.startswith(" of ") and second[:1].isupper():
            return PERSON, WEAK
        if previous in PLACE_PREPOSITIONS and not name.given_name_first and not name.has_acronym:
            return PLACE, WEAK
        return "", 0

    def _vote(self, name: str, kind: str, strength: int) -> None:
        """Count a mention; what it says counts only in prose, and a name must be mentioned in prose once."""
        tally = self.tallies.get(name)
        if tally is None:
            tally = self.tallies[name] = Tally(first=self.order)
        self.order += 1
        tally.mentions += 1
        if not kind and tally.prose:
            return
        if self.line_prose is None:
            self.line_prose = is_prose(self.line)
        if self.line_prose:
            tally.prose = True
            if kind:
                tally.votes[(kind, strength)] = tally.votes.get((kind, strength), 0) + 1


@lru_cache(maxsize=CACHED_RUNS)
def following_noun(word: str) -> tuple[bool, str]:
    """Whether the word after a name is a role ("founder", "spokesman"), and the kind of name its noun tells."""
    noun = word.rsplit("-", 1)[-1]
    return noun.capitalize() in lexicon().titles, noun_kind(noun)


@lru_cache(maxsize=CACHED_RUNS)
def noun_kind(word: str) -> str:
    """The kind of name a head noun describes: "the border town", "the militant group", "the minister"."""
    if word in PLACE_NOUNS:
        return PLACE
    if word in ORG_NOUNS:
        return ORG
    if word in PERSON_NOUNS or word.capitalize() in lexicon().person_titles:
        return PERSON
    return ""
