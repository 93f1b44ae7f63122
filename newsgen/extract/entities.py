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
from typing import Any

from ..records import Article, Entities
from .entity_lines import in_credit, is_prose, lower_words, may_credit, sentence_start
from .entity_votes import ORG, PERSON, PLACE, STRONG, WEAK, Tally, resolved
from .language import language_of
from .lexicon import Lexicon, lexicon

# A person's name rarely has more tokens than this; longer capitalised runs are titles of works.
MAX_NAME_TOKENS = 4
# How far after a name an apposition (", the ... Secretary of State") is read, in words.
APPOSITION_WORDS = 7
# Acronyms of this many letters may be organisations ("CNN"); longer all-capital words are shouting.
ACRONYM_LETTERS = (2, 5)


# Upper-case letters of the Latin, Greek and Cyrillic blocks (a few lower-case ones of Latin Extended
# slip in; a name must still start with `str.isupper`). A plain class first keeps the scan fast.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u0391-\u03a9\u0400-\u042f"
_PARTICLES = ("of", "de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "la",
              "le", "du", "dos", "das", "do", "&")
# A name token: a capital letter first; inside a name also an Arabic article joined to one ("al-Assad").
_NAME = rf"[{_UP}][A-Za-z0-9\u00c0-\u024f\u0370-\u04ff'’&.\-]*"
_SEP = r"[ \u00a0]+"
_ARTICLE = r"(?:(?:al|el|ad|an|as|ash|at|az)-)?"
RUN = re.compile(rf"{_NAME}(?:{_SEP}(?:(?:{'|'.join(_PARTICLES)}){_SEP})*{_ARTICLE}{_NAME})*")
# Abbreviated titles whose full stop does not end the sentence ("Dr. Jane Doe", "Gen. John Doe").
TITLE_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Maj Capt Sgt Adm Rev St Mt Ft".split())
# Capitalised function words that open names mid-sentence ("Los Angeles", "El Salvador", "Le Monde").
NAME_OPENERS = frozenset("El La Le Les Los Las Al De Du Da Di Des Van Von San Santa".split())
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
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
# How much of a line around a name its cues are read from.
BEFORE_CHARS, AFTER_CHARS = 40, 120
# Characters after a name read first for its next words (all of its context only when they hold too few).
FOLLOWING_WINDOW = 40
# An apposition starts with a determiner: "Hamas, the Palestinian militant group".
APPOSITION = re.compile(r", (?:the|a|an|its|his|her|their) ")
AND_BEFORE = re.compile(r"(?:^|[^\w\s-] ?|\b(?:[a-z][\w-]*|The) )([A-Z][\w-]+) and $")
# A name right after "Capitalised for/of/and" is the tail of a longer one ("Commissioner for Human Rights").
FRAGMENT_BEFORE = re.compile(r"[A-Z][\w-]* (?:for|of|on|and|&) $")
# Adjectives of nationality or origin look like names but are not ("Glaswegian", "Chicago-based").
DEMONYM_ENDINGS = ("ian", "ians", "ese", "ish", "-based")
# A capital after four or more letters of a word is a brand's camel case ("AppleInsider"), not "McDonald".
CAMEL_CASE = re.compile(r"[A-Z][a-z]{3,}[A-Z]")


# A span's plan: the steps its own words decide, run against each mention's context. A step is a vote
# (VOTE, name, kind), an organisation that may be joined to the word before "and" (JOINED, name), the plan of
# the span without its first word (INNER, plan), a place or organisation then a person (SPLIT, plan, plan),
# or a name whose kind the words around it tell (CUED, tokens, name, proper).
VOTE, JOINED, INNER, SPLIT, CUED = range(5)
Step = tuple[Any, ...]
Plan = tuple[Step, ...]


def entities_of(article: Article, language: str = "") -> Entities:
    """People, places and organisations named in the title, summary, body and captions.

    The cues read around unknown names are English; `language` (else the article's, else detected)
    says whether they apply.
    """
    texts = [article.title, article.summary, *(b.text for b in article.body), *(i.caption for i in article.images)]
    full = "\n".join(t for t in texts if t)
    english = (language or article.language or language_of(full)) == "en"
    tallies: dict[str, Tally] = {}
    reader = Reader(lexicon(), lower_words(full), english, tallies)
    for line in full.splitlines():
        reader.read_line(line)
    return resolved(tallies)


class Reader:
    """Turns each line's capitalised runs into votes on what every name is."""

    def __init__(self, lex: Lexicon, lower_words: set[str], english: bool, tallies: dict[str, Tally]):
        self.lex, self.lower_words, self.english, self.tallies = lex, lower_words, english, tallies
        self.order = 0
        # A run's pieces depend only on its text and on whether it opens a sentence: read once per article.
        self.known_pieces: dict[tuple[str, bool], list[tuple[int, int, Plan]]] = {}
        self.plans: dict[tuple[str, ...], Plan] = {}
        self.known_unnamed: dict[str, bool] = {}

    def read_line(self, line: str) -> None:
        prose: bool | None = None  # read only when the line names someone
        credits = may_credit(line)
        known_pieces, known_unnamed = self.known_pieces, self.known_unnamed
        for match in RUN.finditer(line):
            text, at = match.group(), match.start()
            unnamed = known_unnamed.get(text)
            if unnamed is None:
                unnamed = known_unnamed[text] = self._unnamed(text)
            if unnamed or not text[0].isupper() or line[at - 1:at].isalnum():
                continue
            key = (text, sentence_start(line, at))
            pieces = known_pieces.get(key)
            if pieces is None:
                pieces = known_pieces[key] = [(start - at, start - at + len(" ".join(tokens)), self._plan(tokens))
                                              for start, tokens in self._pieces(line, text, at)]
            for offset, end_offset, plan in pieces:
                start, end = at + offset, at + end_offset
                if not (credits and in_credit(line, start, end)):
                    if prose is None:
                        prose = is_prose(line)
                    self._run(plan, line, start, end, prose)

    def _unnamed(self, text: str) -> bool:
        """A run that is one function or calendar word ("The", "Monday"): never a name, wherever it stands."""
        lower = text.lower()
        plain = text.isalpha() and (len(text) == 1 or text[1:].islower())
        return plain and (text in ("A", "I") or lower in self.lex.calendar
                          or lower in self.lex.function_words and text not in NAME_OPENERS)

    def _pieces(self, line: str, text: str, at: int) -> list[tuple[int, list[str]]]:
        """Split a run at sentence ends, possessives, dates and stray "of", dropping function words."""
        pieces: list[tuple[int, list[str]]] = []
        current: list[str] = []
        start = pos = at
        after_stop = False
        for token in text.split():
            pos = line.find(token, pos)
            word = _unpossessed(token)
            ends = word != token or (word.endswith(".") and not self._abbreviation(word))
            word = word.rstrip(".") if ends or word[:-1] in TITLE_ABBREVIATIONS else word
            stopped, after_stop = after_stop, token.endswith(".")
            if stopped and self._not_a_name(word, initial=True):  # "... in the U.S. The next day"
                self._flush(pieces, start, current)
                current = []
                continue
            if word in _PARTICLES:
                if word == "of" and (not current or current[-1] not in self.lex.of_heads):
                    self._flush(pieces, start, current)
                    current = []
                elif current:
                    current.append(word)
                continue
            initial = not pieces and not current and sentence_start(line, pos)
            if word.lower() in self.lex.calendar or not current and self._not_a_name(word, initial):
                self._flush(pieces, start, current)
                current = []
                continue
            if not current:
                start = pos
            current.append(word)
            if ends:
                self._flush(pieces, start, current)
                current = []
        self._flush(pieces, start, current)
        return pieces

    def _flush(self, pieces: list[tuple[int, list[str]]], start: int, tokens: list[str]) -> None:
        while tokens and tokens[-1] in _PARTICLES:
            tokens = tokens[:-1]
        if tokens:
            pieces.append((start, tokens))

    def _abbreviation(self, word: str) -> bool:
        stem = word.rstrip(".")
        return len(stem) == 1 or "." in stem or stem in TITLE_ABBREVIATIONS

    def _not_a_name(self, word: str, initial: bool) -> bool:
        lower = word.lower()
        if len(word) == 1 and word in "AI":
            return True
        if word.isupper() and len(word) > 1:
            return word in self.lex.common_acronyms
        if lower in self.lex.function_words:
            return initial or word not in NAME_OPENERS
        return initial and lower in self.lower_words

    def _run(self, plan: Plan, line: str, start: int, end: int, prose: bool) -> None:
        """Vote on one span of `line` (start and end -1 when the words before or after it do not count)."""
        for step in plan:
            if step[0] == VOTE:
                self._vote(step[1], step[2], STRONG, prose)
            elif step[0] == JOINED:
                self._vote(self._joined(_before(line, start), step[1]), ORG, STRONG, prose)
            elif step[0] == INNER:
                self._run(step[1], line, start, end, prose)
            elif step[0] == SPLIT:
                self._run(step[1], line, start, -1, prose)
                self._run(step[2], line, -1, end, prose)
            else:  # CUED
                before, after = _before(line, start), _after(line, end)
                if not _parenthesised(before, after):
                    tokens, name, proper = step[1], step[2], step[3]
                    kind, strength = self._cued(tokens, before, after) if proper else ("", 0)
                    self._vote(name, kind, strength, prose)

    def _plan(self, tokens: list[str]) -> Plan:
        key = tuple(tokens)
        plan = self.plans.get(key)
        if plan is None:
            plan = self.plans[key] = self._planned(tokens)
        return plan

    def _planned(self, tokens: list[str]) -> Plan:
        """The votes a span's own words decide: gazetteers, then the words inside it; or what to read around it."""
        lex = self.lex
        name = " ".join(tokens)
        known = _known(lex, name)
        if known:
            return ((VOTE, known[0], known[1]),)
        if all(map(str.isupper, tokens)) and not (len(tokens) == 1 and _acronym(name)):
            return ()  # shouted words: only the gazetteers can tell a name among them
        if tokens[0].lower() in lex.function_words and len(tokens) > 1:
            return ((INNER, self._plan(tokens[1:])),)
        if len(tokens) > 1 and (tokens[-1] in lex.org_words or tokens[0] in lex.org_words and "of" in tokens):
            return ((JOINED, name),)
        if len(tokens) > 1 and (tokens[-1] in lex.place_suffixes or tokens[0] in lex.place_prefixes):
            return ((VOTE, name, PLACE),)
        if tokens[0] in lex.demonyms or tokens[0][:-1] in lex.demonyms:
            return ((INNER, self._plan(tokens[1:])),) if len(tokens) > 1 else ()
        if not lex.titles.isdisjoint(tokens):
            return self._titled(tokens)
        if tokens[0] in lex.first_names and 1 < len(tokens) <= MAX_NAME_TOKENS and self._surnames(tokens[1:]):
            return ((VOTE, name, PERSON),)
        split = self._split_before_given_name(tokens) if len(tokens) > 2 else ()
        if split:
            return split
        if len(tokens) <= MAX_NAME_TOKENS and self.english:
            return ((CUED, tokens, name, self._proper(tokens)),)
        return ()

    def _titled(self, tokens: list[str]) -> Plan:
        """'Israeli Prime Minister Benjamin Netanyahu': a place before the title, a person after it."""
        lex = self.lex
        first = next(i for i, t in enumerate(tokens) if t in lex.titles)
        known = _known(lex, " ".join(tokens[:first])) if first else None
        plan: list[Step] = [(VOTE, known[0], known[1])] if known else []
        rest = first
        while rest < len(tokens) and (tokens[rest] in lex.titles or tokens[rest] == "of"
                                      or tokens[rest].lower() in self.lower_words):
            rest += 1
        name = tokens[rest:]
        titles = lex.person_titles.intersection(tokens[first:rest])
        if titles and 0 < len(name) <= MAX_NAME_TOKENS and len(name[-1]) > 1 and self._proper(name) \
                and not self._wordlike(name):
            plan.append((VOTE, " ".join(name), PERSON))
        return tuple(plan)

    def _joined(self, before: str, name: str) -> str:
        """The whole of a name split by "and": 'Securities and Exchange Commission', not 'SpaceX and ...'."""
        match = AND_BEFORE.search(before)
        word = match.group(1) if match else ""
        if not word or _acronym(word) or _known(self.lex, word) or not _name_shaped(word):
            return name
        return f"{word} and {name}"

    def _split_before_given_name(self, tokens: list[str]) -> Plan:
        """'the Ukraine Marie Yovanovitch': a known place or organisation, then a person."""
        for i in range(1, len(tokens) - 1):
            if tokens[i] in self.lex.first_names and _known(self.lex, " ".join(tokens[:i])):
                return ((SPLIT, self._plan(tokens[:i]), self._plan(tokens[i:])),)
        return ()

    def _wordlike(self, tokens: list[str]) -> bool:
        lex = self.lex
        return any(t in lex.org_words or t in lex.place_suffixes or t in lex.demonyms for t in tokens)

    def _surnames(self, tokens: list[str]) -> bool:
        return self._proper(tokens) and not any(t.isupper() and len(t) > 1 for t in tokens)

    def _proper(self, tokens: list[str]) -> bool:
        """Tokens that can only be a name: never written in lower case here, no demonym or product shape."""
        return not any(t.lower() in self.lower_words or not _name_shaped(t) for t in tokens)

    def _cued(self, tokens: list[str], before: str, after: str) -> tuple[str, int]:
        """What the words around an unknown name say it is (English cues)."""
        previous = before.rsplit(None, 1)[-1:]
        if APPOSITION.match(after):
            for word in _words_after(after, APPOSITION_WORDS)[1:]:
                kind = self._noun_kind(word)
                if kind:
                    return kind, STRONG
        if FRAGMENT_BEFORE.search(before):
            return "", 0
        following = _words_after(after, 2)
        if after[:1] == " " and following and following[0].islower() and not _acronym(tokens[-1]):
            noun = following[0].rsplit("-", 1)[-1]
            if noun.capitalize() in self.lex.titles:
                return ORG, WEAK  # "the Wikileaks founder", "a Hamas spokesman"
            kind = self._noun_kind(noun)
            if kind and (kind != PERSON or len(tokens) == 1):
                return kind, STRONG
        speech = previous == ["said"] or following[:1] and following[0] in SPEECH_VERBS
        if speech and _acronym(tokens[0]) and len(tokens) == 1:
            return ORG, WEAK
        if speech and len(tokens) > 1 and tokens[0] not in self.lex.org_words:
            return PERSON, WEAK
        if len(tokens) > 1 and after.startswith(" of ") and following[1:2] and following[1][:1].isupper():
            return PERSON, WEAK
        if previous and previous[0] in PLACE_PREPOSITIONS and tokens[0] not in self.lex.first_names and not any(
                _acronym(t) for t in tokens):
            return PLACE, WEAK
        return "", 0

    def _noun_kind(self, word: str) -> str:
        if word in PLACE_NOUNS:
            return PLACE
        if word in ORG_NOUNS:
            return ORG
        if word in PERSON_NOUNS or word.capitalize() in self.lex.person_titles:
            return PERSON
        return ""

    def _vote(self, name: str, kind: str, strength: int, prose: bool) -> None:
        tally = self.tallies.get(name)
        if tally is None:
            tally = self.tallies[name] = Tally(first=self.order)
        self.order += 1
        tally.mentions += 1
        tally.prose = tally.prose or prose
        if kind and prose:
            tally.votes[(kind, strength)] = tally.votes.get((kind, strength), 0) + 1


def _known(lex: Lexicon, name: str) -> tuple[str, str] | None:
    """(canonical name, kind) from the gazetteers."""
    keys = (name, name.casefold()) if name.isupper() else (name.casefold(),)
    for key in keys:
        if key in lex.places:
            return lex.places[key], PLACE
        if key in lex.orgs:
            return lex.orgs[key], ORG
    return None


def _before(line: str, start: int) -> str:
    return line[max(0, start - BEFORE_CHARS):start] if start >= 0 else ""


def _after(line: str, end: int) -> str:
    return line[end:end + AFTER_CHARS] if end >= 0 else ""


def _words_after(after: str, count: int) -> list[str]:
    """The first `count` words after a name, read from a short window when it holds them all."""
    words = FOLLOWING_WORD.findall(after, 0, FOLLOWING_WINDOW)
    return words[:count] if len(words) > count else FOLLOWING_WORD.findall(after)[:count]


def _parenthesised(before: str, after: str) -> bool:
    """An abbreviation defined in brackets after its full name: '(NSC)'."""
    return before.endswith("(") and after.startswith(")")


@lru_cache(maxsize=8192)
def _name_shaped(token: str) -> bool:
    """Not a product code, web address, camel-case brand or nationality adjective."""
    core = token.replace("-", "").replace("'", "").replace("’", "")
    if not core.isalpha() or token.endswith(DEMONYM_ENDINGS):
        return False
    return not any(CAMEL_CASE.match(part) for part in token.split("-"))


def _acronym(word: str) -> bool:
    if not word.isupper():
        return False
    letters = sum(map(str.isalpha, word))
    return ACRONYM_LETTERS[0] <= letters <= ACRONYM_LETTERS[1] and letters >= len(word) - 1


def _unpossessed(token: str) -> str:
    if token[-1] not in "s'’":
        return token
    for ending in POSSESSIVE_ENDINGS:
        if token.endswith(ending):
            return token[: -len(ending)]
    return token
