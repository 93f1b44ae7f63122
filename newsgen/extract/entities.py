"""Named entities (people, places, organisations) found in an article's own text.

Precise rather than greedy: a capitalised span becomes an entity only when a
structural cue (a title before a name, an organisation or place word in it, an
apposition after it) or a general gazetteer says what it is; everything else is
dropped. Surnames and possessives fold into the full name, and the result is
ordered by how often each entity is mentioned, then by first mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from ..records import Article, Entities
from .language import language_of
from .lexicon import Lexicon, lexicon

PERSON, PLACE, ORG = "person", "place", "organization"

# Strength of one mention's evidence: a gazetteer or structural cue outweighs any number of weak ones.
STRONG, WEAK = 2, 1
# A line with more all-capital words than this share of its words is shouted: only gazetteer names count.
SHOUTED_SHARE = 0.6
# A line with this many words or more, most of them capitalised, is a title-case heading.
HEADING_MIN_WORDS = 4
HEADING_CAPITAL_SHARE = 0.8
# Fewer words than this and a line is a label or menu item rather than prose.
PROSE_MIN_WORDS = 5
# A person's name rarely has more tokens than this; longer capitalised runs are titles of works.
MAX_NAME_TOKENS = 4
# How far after a name an apposition (", the ... Secretary of State") is read, in words.
APPOSITION_WORDS = 7
# "in X" alone makes X a place only when said this often, and of this share of X's mentions.
WEAK_PLACE_VOTES = 2
WEAK_PLACE_SHARE = 0.5
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
WORD_EDGES = ".,;:!?\"'“”‘’()[]{}«»…"
POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
# Before a mention at a sentence start: nothing, or the end of a sentence, clause or list marker.
SENTENCE_END = frozenset(".!?:;…—–-|•·*>")
# Words longer than this, starting with a letter, are the words whose capitals tell a heading.
LONG_WORD_CHARS = 3
# A line ending with one of these ends like a sentence.
SENTENCE_STOPS = ".!?\"”’)"
OPENERS = "\"“”‘'([«„ \t"
# A name right after these words is a photo credit, not part of the story.
CREDIT_BEFORE = re.compile(r"(?:photo(?:graph)?|image|picture|illustration|credit)s?\s*(?:by|:)?\s*$", re.I)
CREDIT_WORDS = ("photo", "image", "picture", "illustration", "credit")
# Prepositions that take places far more than companies ("from Google", "at NASA" are left out).
PLACE_PREPOSITIONS = frozenset("in near outside inside across throughout".split())
SPEECH_VERBS = frozenset("said says told added asked stated wrote tweeted declared according".split())
# Head nouns of an apposition or a following noun, and the kind of name they describe.
PLACE_NOUNS = frozenset("city town village crossing border region province state country capital suburb "
                        "neighborhood neighbourhood district island enclave municipality".split())
ORG_NOUNS = frozenset("group company firm organization organisation agency movement party militia network "
                      "charity startup bank outlet newspaper broadcaster union faction coalition".split())
PERSON_NOUNS = frozenset("administration".split())
# An apposition starts with a determiner: "Hamas, the Palestinian militant group".
FOLLOWING_WORD = re.compile(r"[\w'’-]+")
APPOSITION = re.compile(r", (?:the|a|an|its|his|her|their) ")
AND_BEFORE = re.compile(r"(?:^|[^\w\s-] ?|\b(?:[a-z][\w-]*|The) )([A-Z][\w-]+) and $")
# A name right after "Capitalised for/of/and" is the tail of a longer one ("Commissioner for Human Rights").
FRAGMENT_BEFORE = re.compile(r"[A-Z][\w-]* (?:for|of|on|and|&) $")
# Adjectives of nationality or origin look like names but are not ("Glaswegian", "Chicago-based").
DEMONYM_ENDINGS = ("ian", "ians", "ese", "ish", "-based")
# A capital after four or more letters of a word is a brand's camel case ("AppleInsider"), not "McDonald".
CAMEL_CASE = re.compile(r"[A-Z][a-z]{3,}[A-Z]")


@dataclass(slots=True)
class Tally:
    """What all mentions of one name said about it."""

    mentions: int = 0
    first: int = 0
    prose: bool = False
    votes: Counter[tuple[str, int]] = field(default_factory=Counter)

    def kind(self) -> tuple[str, int]:
        """The kind most of the strongest evidence points to, and that strength."""
        best: dict[int, tuple[str, int]] = {}
        for (kind, strength), votes in self.votes.items():
            if strength not in best or votes > best[strength][1]:
                best[strength] = (kind, votes)  # ties go to the kind voted for first
        for strength in (STRONG, WEAK):
            if strength in best:
                kind, votes = best[strength]
                if strength == STRONG or kind != PLACE or votes >= max(WEAK_PLACE_VOTES,
                                                                       WEAK_PLACE_SHARE * self.mentions):
                    return kind, strength
        return "", 0


def entities_of(article: Article, language: str = "") -> Entities:
    """People, places and organisations named in the title, summary, body and captions.

    The cues read around unknown names are English; `language` (else the article's, else detected)
    says whether they apply.
    """
    texts = [article.title, article.summary, *(b.text for b in article.body), *(i.caption for i in article.images)]
    full = "\n".join(t for t in texts if t)
    english = (language or article.language or language_of(full)) == "en"
    tallies: dict[str, Tally] = {}
    reader = Reader(lexicon(), _lower_words(full), english, tallies)
    for line in full.splitlines():
        reader.read_line(line)
    return _resolved(tallies)


class Reader:
    """Turns each line's capitalised runs into votes on what every name is."""

    def __init__(self, lex: Lexicon, lower_words: set[str], english: bool, tallies: dict[str, Tally]):
        self.lex, self.lower_words, self.english, self.tallies = lex, lower_words, english, tallies
        self.order = 0
        # A run's pieces depend only on its text and on whether it opens a sentence: read once per article.
        self.known_pieces: dict[tuple[str, bool], list[tuple[int, list[str]]]] = {}

    def read_line(self, line: str) -> None:
        prose = _is_prose(line)
        credits = _may_credit(line)
        for match in RUN.finditer(line):
            text, at = match.group(), match.start()
            if not text[0].isupper() or line[at - 1:at].isalnum():
                continue
            key = (text, _sentence_start(line, at))
            pieces = self.known_pieces.get(key)
            if pieces is None:
                pieces = self.known_pieces[key] = [(start - at, tokens) for start, tokens in
                                                   self._pieces(line, text, at)]
            for offset, tokens in pieces:
                start = at + offset
                end = start + len(" ".join(tokens))
                if not (credits and _credit(line, start, end)):
                    self._classify(tokens, line[max(0, start - 40):start], line[end:end + 120], prose)

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
            initial = not pieces and not current and _sentence_start(line, pos)
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

    def _classify(self, tokens: list[str], before: str, after: str, prose: bool) -> None:
        """Vote on one span: gazetteers, then the words inside it, then the words around it."""
        lex = self.lex
        name = " ".join(tokens)
        known = _known(lex, name)
        if known:
            self._vote(known[0], known[1], STRONG, prose)
        elif all(map(str.isupper, tokens)) and not (len(tokens) == 1 and _acronym(name)):
            return  # shouted words: only the gazetteers can tell a name among them
        elif tokens[0].lower() in lex.function_words and len(tokens) > 1:
            self._classify(tokens[1:], before, after, prose)
        elif len(tokens) > 1 and (tokens[-1] in lex.org_words or tokens[0] in lex.org_words and "of" in tokens):
            self._vote(self._joined(before, name), ORG, STRONG, prose)
        elif len(tokens) > 1 and (tokens[-1] in lex.place_suffixes or tokens[0] in lex.place_prefixes):
            self._vote(name, PLACE, STRONG, prose)
        elif tokens[0] in lex.demonyms or tokens[0][:-1] in lex.demonyms:
            if len(tokens) > 1:
                self._classify(tokens[1:], before, after, prose)
        elif not lex.titles.isdisjoint(tokens):
            self._titled(tokens, prose)
        elif tokens[0] in lex.first_names and 1 < len(tokens) <= MAX_NAME_TOKENS and self._surnames(tokens[1:]):
            self._vote(name, PERSON, STRONG, prose)
        elif len(tokens) > 2 and self._split_before_given_name(tokens, before, after, prose):
            return
        elif len(tokens) <= MAX_NAME_TOKENS and self.english and not _parenthesised(before, after):
            kind, strength = self._cued(tokens, before, after) if self._proper(tokens) else ("", 0)
            self._vote(name, kind, strength, prose)

    def _titled(self, tokens: list[str], prose: bool) -> None:
        """'Israeli Prime Minister Benjamin Netanyahu': a place before the title, a person after it."""
        lex = self.lex
        first = next(i for i, t in enumerate(tokens) if t in lex.titles)
        known = _known(lex, " ".join(tokens[:first])) if first else None
        if known:
            self._vote(known[0], known[1], STRONG, prose)
        rest = first
        while rest < len(tokens) and (tokens[rest] in lex.titles or tokens[rest] == "of"
                                      or tokens[rest].lower() in self.lower_words):
            rest += 1
        name = tokens[rest:]
        titles = set(tokens[first:rest]) & lex.titles - lex.title_modifiers
        if titles and 0 < len(name) <= MAX_NAME_TOKENS and len(name[-1]) > 1 and self._proper(name) \
                and not self._wordlike(name):
            self._vote(" ".join(name), PERSON, STRONG, prose)

    def _joined(self, before: str, name: str) -> str:
        """The whole of a name split by "and": 'Securities and Exchange Commission', not 'SpaceX and ...'."""
        match = AND_BEFORE.search(before)
        word = match.group(1) if match else ""
        if not word or _acronym(word) or _known(self.lex, word) or not _name_shaped(word):
            return name
        return f"{word} and {name}"

    def _split_before_given_name(self, tokens: list[str], before: str, after: str, prose: bool) -> bool:
        """'the Ukraine Marie Yovanovitch': a known place or organisation, then a person."""
        for i in range(1, len(tokens) - 1):
            if tokens[i] in self.lex.first_names and _known(self.lex, " ".join(tokens[:i])):
                self._classify(tokens[:i], before, "", prose)
                self._classify(tokens[i:], "", after, prose)
                return True
        return False

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
        following = FOLLOWING_WORD.findall(after)
        if APPOSITION.match(after):
            for word in following[1:APPOSITION_WORDS]:
                kind = self._noun_kind(word)
                if kind:
                    return kind, STRONG
        if FRAGMENT_BEFORE.search(before):
            return "", 0
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
        if word in PERSON_NOUNS or word.capitalize() in self.lex.titles - self.lex.title_modifiers:
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
            tally.votes[(kind, strength)] += 1


def _known(lex: Lexicon, name: str) -> tuple[str, str] | None:
    """(canonical name, kind) from the gazetteers."""
    keys = (name, name.casefold()) if name.isupper() else (name.casefold(),)
    for key in keys:
        if key in lex.places:
            return lex.places[key], PLACE
        if key in lex.orgs:
            return lex.orgs[key], ORG
    return None


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


def _is_prose(line: str) -> bool:
    """Sentence-case prose, where a capital letter means something (not a heading, menu or shout)."""
    words = line.split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    if sum(map(str.isupper, words)) > SHOUTED_SHARE * len(words):
        return False
    # Headings rarely end like a sentence, name-dense sentences do: they need every word capitalised.
    share = 1.0 if line.rstrip()[-1] in SENTENCE_STOPS else HEADING_CAPITAL_SHARE
    rest = words[1:]
    capitals = sum(map(str.isupper, map(itemgetter(0), rest)))
    fewest_long = sum(map(LONG_WORD_CHARS.__lt__, map(len, rest))) + sum(
        map(str.isalpha, map(itemgetter(0), rest))) - len(rest)
    if capitals < share * fewest_long:
        return True  # the common case, settled by counts alone: far more long words than capitals
    long_words = [w for w in rest if len(w) > LONG_WORD_CHARS and w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in long_words)
    return len(long_words) < HEADING_MIN_WORDS or capitalised < share * len(long_words)


def _may_credit(line: str) -> bool:
    """Whether a line can hold a photo credit at all: a slash or a credit word."""
    if "/" in line:
        return True
    lowered = line.lower()
    return any(word in lowered for word in CREDIT_WORDS)


def _lower_words(text: str) -> set[str]:
    """Words written in lower case somewhere in the text: a capitalised one at a sentence start is not a name."""
    return {w for w in (word.strip(WORD_EDGES) for word in set(text.split())) if w[:1].islower()}


def _unpossessed(token: str) -> str:
    if token[-1] not in "s'’":
        return token
    for ending in POSSESSIVE_ENDINGS:
        if token.endswith(ending):
            return token[: -len(ending)]
    return token


def _sentence_start(line: str, pos: int) -> bool:
    while pos and line[pos - 1] in OPENERS:
        pos -= 1
    return not pos or line[pos - 1] in SENTENCE_END


def _credit(line: str, start: int, end: int) -> bool:
    """A photographer or agency in a credit: 'Photo by X/Agency', 'X/Getty Images'."""
    if line[end:end + 1] == "/" or line[start - 1:start] == "/":
        return True
    return CREDIT_BEFORE.search(line[max(0, start - 30):start]) is not None


def _resolved(tallies: dict[str, Tally]) -> Entities:
    """Decide each name's kind, fold surnames (or an unshared first name) into full names, and order by
    mentions, then first mention."""
    decided = {name: t.kind() for name, t in tallies.items() if t.prose}
    kinds = {name: kind for name, (kind, _) in decided.items()}
    people = [n for n, k in kinds.items() if k == PERSON and " " in n]
    by_surname: dict[str, str] = {}
    for person in sorted(people, key=lambda n: (-tallies[n].mentions, tallies[n].first)):
        by_surname.setdefault(person.split()[-1], person)
    given = Counter(person.split()[0] for person in people)
    for person in people:
        if given[person.split()[0]] == 1:  # a first name alone is that person only if no one else shares it
            by_surname.setdefault(person.split()[0], person)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for name, tally in tallies.items():
        kind, strength = decided.get(name, ("", 0))
        foldable = " " not in name and (kind == PERSON or strength < STRONG)
        target = by_surname.get(name) if foldable else None
        if target is None and not kind:
            continue
        target = target or name
        counts[target] += tally.mentions
        first[target] = min(first.get(target, tally.first), tally.first)
    for name in list(counts):
        kinds.setdefault(name, tallies[name].kind()[0])
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return Entities(
        people=tuple(n for n in ranked if kinds.get(n) == PERSON),
        places=tuple(n for n in ranked if kinds.get(n) == PLACE),
        organizations=tuple(n for n in ranked if kinds.get(n) == ORG),
    )
