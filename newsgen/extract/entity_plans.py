"""What a capitalised run's own words say: where it splits into names, and the votes each name's words decide.

A run's pieces and plans depend on its text, on whether it opens a sentence, on whether the cues read around
unknown names apply (English) and on which of its words the article also writes in lower case, and on nothing
else of the article: so they are worked out once for all articles, and each article reads the mentions'
context itself.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, NamedTuple

from .entity_lines import sentence_start
from .entity_votes import ORG, PERSON, PLACE
from .lexicon import Lexicon, lexicon

# A person's name rarely has more tokens than this; longer capitalised runs are titles of works.
MAX_NAME_TOKENS = 4
# Acronyms of this many letters may be organisations ("CNN"); longer all-capital words are shouting.
ACRONYM_LETTERS = (2, 5)
# Runs and token lists whose pieces and plans are kept between articles (a few megabytes at most).
CACHED_RUNS = 50_000

PARTICLES = ("of", "de", "da", "di", "del", "della", "der", "den", "van", "von", "bin", "ibn", "al", "la",
             "le", "du", "dos", "das", "do", "&")
# Abbreviated titles whose full stop does not end the sentence ("Dr. Jane Doe", "Gen. John Doe").
TITLE_ABBREVIATIONS = frozenset("Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Maj Capt Sgt Adm Rev St Mt Ft".split())
# Capitalised function words that open names mid-sentence ("Los Angeles", "El Salvador", "Le Monde").
NAME_OPENERS = frozenset("El La Le Les Los Las Al De Du Da Di Des Van Von San Santa".split())
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
# Adjectives of nationality or origin look like names but are not ("Glaswegian", "Chicago-based").
DEMONYM_ENDINGS = ("ian", "ians", "ese", "ish", "-based")
# A capital after four or more letters of a word is a brand's camel case ("AppleInsider"), not "McDonald".
CAMEL_CASE = re.compile(r"[A-Z][a-z]{3,}[A-Z]")

# A span's plan: the steps its own words decide, run against each mention's context. A step is a vote
# (VOTE, name, kind), an organisation that may be joined to the word before "and" (JOINED, name), the plan of
# the span without its first word (INNER, plan), a place or organisation then a person (SPLIT, plan, plan),
# or a name whose kind the words around it tell (CUED, Unknown).
VOTE, JOINED, INNER, SPLIT, CUED = range(5)
Step = tuple[Any, ...]
Plan = tuple[Step, ...]
# A piece of a run: its start and end offsets in the run, and its plan.
Piece = tuple[int, int, Plan]


class Unknown(NamedTuple):
    """A name no gazetteer or word inside it explains, with what its tokens say for reading its context.

    A named tuple rather than a frozen dataclass: one is made for every new name a cold build plans.
    """

    name: str
    proper: bool  # never written in lower case in the article, and shaped like a name
    single: bool  # one token
    acronym_alone: bool  # one acronym ("NSC")
    acronym_last: bool
    has_acronym: bool
    org_word_first: bool  # "Ministry ...": an organisation word opens it
    given_name_first: bool


def unknown(tokens: tuple[str, ...], proper: bool) -> Unknown:
    lex = lexicon()
    acronyms = [acronym(t) for t in tokens]
    return Unknown(name=" ".join(tokens), proper=proper, single=len(tokens) == 1,
                   acronym_alone=len(tokens) == 1 and acronyms[0], acronym_last=acronyms[-1],
                   has_acronym=any(acronyms), org_word_first=tokens[0] in lex.org_words,
                   given_name_first=tokens[0] in lex.first_names)


@lru_cache(maxsize=CACHED_RUNS)
def unnamed(text: str) -> bool:
    """A run that is one function or calendar word ("The", "Monday"): never a name, wherever it stands."""
    lex = lexicon()
    lower = text.lower()
    plain = text.isalpha() and (len(text) == 1 or text[1:].islower())
    return plain and (text in ("A", "I") or lower in lex.calendar
                      or lower in lex.function_words and text not in NAME_OPENERS)


@lru_cache(maxsize=CACHED_RUNS)
def lookup_words(text: str) -> tuple[str, ...]:
    """Every lower-cased word reading a run may ask the article about (whether it is written in lower case)."""
    found: set[str] = set()
    for token in text.split():
        word = unpossessed(token)
        found.update((word.lower(), word.rstrip(".").lower()))
    return tuple(w for w in found if w[:1].islower())


@lru_cache(maxsize=CACHED_RUNS)
def run_pieces(text: str, opens_sentence: bool, english: bool, lowered: frozenset[str]) -> tuple[Piece, ...]:
    """A run's names and their plans; `lowered` holds the run's lookup words the article writes in lower case."""
    planner = Planner(lexicon(), english, lowered)
    return tuple((start, start + len(" ".join(tokens)), planner.plan(tokens))
                 for start, tokens in planner.pieces(text, opens_sentence))


class Planner:
    """Splits runs into names and plans their votes, for one answer to which words are written in lower case."""

    def __init__(self, lex: Lexicon, english: bool, lowered: frozenset[str]):
        self.lex, self.english, self.lowered = lex, english, lowered

    def pieces(self, text: str, opens_sentence: bool) -> list[tuple[int, list[str]]]:
        """Split a run at sentence ends, possessives, dates and stray "of", dropping function words."""
        pieces: list[tuple[int, list[str]]] = []
        current: list[str] = []
        start = pos = 0
        after_stop = False
        for token in text.split():
            pos = text.find(token, pos)
            word = unpossessed(token)
            ends = word != token or (word.endswith(".") and not _abbreviation(word))
            word = word.rstrip(".") if ends or word[:-1] in TITLE_ABBREVIATIONS else word
            stopped, after_stop = after_stop, token.endswith(".")
            if stopped and self._not_a_name(word, initial=True):  # "... in the U.S. The next day"
                _flush(pieces, start, current)
                current = []
                continue
            if word in PARTICLES:
                if word == "of" and (not current or current[-1] not in self.lex.of_heads):
                    _flush(pieces, start, current)
                    current = []
                elif current:
                    current.append(word)
                continue
            initial = not pieces and not current and (sentence_start(text, pos) if pos else opens_sentence)
            if word.lower() in self.lex.calendar or not current and self._not_a_name(word, initial):
                _flush(pieces, start, current)
                current = []
                continue
            if not current:
                start = pos
            current.append(word)
            if ends:
                _flush(pieces, start, current)
                current = []
        _flush(pieces, start, current)
        return pieces

    def _not_a_name(self, word: str, initial: bool) -> bool:
        lower = word.lower()
        if len(word) == 1 and word in "AI":
            return True
        if word.isupper() and len(word) > 1:
            return word in self.lex.common_acronyms
        if lower in self.lex.function_words:
            return initial or word not in NAME_OPENERS
        return initial and lower in self.lowered

    def plan(self, tokens: list[str]) -> Plan:
        return plan_of(tuple(tokens), self.english, self.lowered)

    def planned(self, tokens: tuple[str, ...]) -> Plan:
        """The votes a span's own words decide: gazetteers, then the words inside it; or what to read around it."""
        lex = self.lex
        name = " ".join(tokens)
        known = known_name(lex, name)
        if known:
            return ((VOTE, known[0], known[1]),)
        if all(map(str.isupper, tokens)) and not (len(tokens) == 1 and acronym(name)):
            return ()  # shouted words: only the gazetteers can tell a name among them
        if tokens[0].lower() in lex.function_words and len(tokens) > 1:
            return ((INNER, self.plan(tokens[1:])),)
        if len(tokens) > 1 and (tokens[-1] in lex.org_words or tokens[0] in lex.org_words and "of" in tokens):
            return ((JOINED, name),)
        if len(tokens) > 1 and (tokens[-1] in lex.place_suffixes or tokens[0] in lex.place_prefixes):
            return ((VOTE, name, PLACE),)
        if tokens[0] in lex.demonyms or tokens[0][:-1] in lex.demonyms:
            return ((INNER, self.plan(tokens[1:])),) if len(tokens) > 1 else ()
        if not lex.titles.isdisjoint(tokens):
            return self._titled(tokens)
        if tokens[0] in lex.first_names and 1 < len(tokens) <= MAX_NAME_TOKENS and self._surnames(tokens[1:]):
            return ((VOTE, name, PERSON),)
        split = self._split_before_given_name(tokens) if len(tokens) > 2 else ()
        if split:
            return split
        if len(tokens) <= MAX_NAME_TOKENS and self.english:
            return ((CUED, unknown(tokens, self._proper(tokens))),)
        return ()

    def _titled(self, tokens: tuple[str, ...]) -> Plan:
        """'French Foreign Minister Anne Dupont': a place before the title, a person after it."""
        lex = self.lex
        first = next(i for i, t in enumerate(tokens) if t in lex.titles)
        known = known_name(lex, " ".join(tokens[:first])) if first else None
        plan: list[Step] = [(VOTE, known[0], known[1])] if known else []
        rest = first
        while rest < len(tokens) and (tokens[rest] in lex.titles or tokens[rest] == "of"
                                      or tokens[rest].lower() in self.lowered):
            rest += 1
        name = tokens[rest:]
        titles = lex.person_titles.intersection(tokens[first:rest])
        if titles and 0 < len(name) <= MAX_NAME_TOKENS and len(name[-1]) > 1 and self._proper(name) \
                and not self._wordlike(name):
            plan.append((VOTE, " ".join(name), PERSON))
        return tuple(plan)

    def _split_before_given_name(self, tokens: tuple[str, ...]) -> Plan:
        """'the Ukraine Marie Yovanovitch': a known place or organisation, then a person."""
        for i in range(1, len(tokens) - 1):
            if tokens[i] in self.lex.first_names and known_name(self.lex, " ".join(tokens[:i])):
                return ((SPLIT, self.plan(list(tokens[:i])), self.plan(list(tokens[i:]))),)
        return ()

    def _wordlike(self, tokens: tuple[str, ...]) -> bool:
        lex = self.lex
        return any(t in lex.org_words or t in lex.place_suffixes or t in lex.demonyms for t in tokens)

    def _surnames(self, tokens: tuple[str, ...]) -> bool:
        return self._proper(tokens) and not any(t.isupper() and len(t) > 1 for t in tokens)

    def _proper(self, tokens: tuple[str, ...]) -> bool:
        """Tokens that can only be a name: never written in lower case here, no demonym or product shape."""
        return all(map(name_shaped, tokens)) and self.lowered.isdisjoint(map(str.lower, tokens))


@lru_cache(maxsize=CACHED_RUNS)
def plan_of(tokens: tuple[str, ...], english: bool, lowered: frozenset[str]) -> Plan:
    return Planner(lexicon(), english, lowered).planned(tokens)


def _flush(pieces: list[tuple[int, list[str]]], start: int, tokens: list[str]) -> None:
    while tokens and tokens[-1] in PARTICLES:
        tokens = tokens[:-1]
    if tokens:
        pieces.append((start, tokens))


def _abbreviation(word: str) -> bool:
    stem = word.rstrip(".")
    return len(stem) == 1 or "." in stem or stem in TITLE_ABBREVIATIONS


def known_name(lex: Lexicon, name: str) -> tuple[str, str] | None:
    """(canonical name, kind) from the gazetteers."""
    keys = (name, name.casefold()) if name.isupper() else (name.casefold(),)
    for key in keys:
        if key in lex.places:
            return lex.places[key], PLACE
        if key in lex.orgs:
            return lex.orgs[key], ORG
    return None


@lru_cache(maxsize=CACHED_RUNS)
def name_shaped(token: str) -> bool:
    """Not a product code, web address, camel-case brand or nationality adjective."""
    core = token.replace("-", "").replace("'", "").replace("’", "")
    if not core.isalpha() or token.endswith(DEMONYM_ENDINGS):
        return False
    return not any(CAMEL_CASE.match(part) for part in token.split("-"))


def acronym(word: str) -> bool:
    if not word.isupper():
        return False
    letters = sum(map(str.isalpha, word))
    return ACRONYM_LETTERS[0] <= letters <= ACRONYM_LETTERS[1] and letters >= len(word) - 1


def unpossessed(token: str) -> str:
    if token[-1] not in "s'’":
        return token
    for ending in POSSESSIVE_ENDINGS:
        if token.endswith(ending):
            return token[: -len(ending)]
    return token
