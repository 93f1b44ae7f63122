"""Authors from bylines ("By Jane Doe, CNN") and contributors from reporting credits.

A byline is short, opens with a "by" word and is made of name-shaped pieces; what follows the names on
the same line (the outlet, a role, a date, an e-mail address, a comment counter) is cut off. A line that
opens with "By" but reads as a sentence ("By the end of the year, ...") has no name-shaped piece and is
not a byline.

Wire credits: "Reporting by X; Editing by Y" names X (and any "Additional reporting" or "Writing by"
people) as contributors; editors are not contributors of reporting and are left out.
"""

from __future__ import annotations

import re

from .substrings import contains_any

# The word that opens a byline, in several languages; labels such as "Texto:" and "Autor:" need their colon.
BYLINE_OPENER = re.compile(
    r"^\s*(?:(?:(?:written|posted|words|story|text|reported)\s+)?by|von|par|por|di|door|av|af|przez)(?:\s*:)?\s+"
    r"|^\s*(?:autor|autora|autores|auteur|auteurs|texto|text|текст|автор|redacción|redazione|skribent|"
    r"reporter|筆者|記者|글)\s*[:：|]\s*",
    re.IGNORECASE,
)
# Particles that may sit inside a name without a capital ("Abigail van Buren", "Luis de la Cruz").
PARTICLES = frozenset("de da del della dei des di du van von der den la le al el bin ibn dos das do y e".split())
# One word of a name: a capital first (Latin, Greek, Cyrillic), initials and hyphens allowed.
NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁΑ-Ω][\w.'’-]*$|^(?:Mc|Mac|O['’]|D['’])[A-Z][\w'’-]*$")
# CJK names are written without spaces: two to four characters.
CJK_NAME = re.compile(r"^[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]{2,4}$")
# A name has one to five words, the first and last capitalised.
MAX_NAME_WORDS = 5
# Separators between names in a list, in several languages.
NAME_SEPARATOR = re.compile(
    r"\s*(?:,|;|&|\+|·|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|\bi\b|\bja\b|\bи\b|\bve\b|\bdan\b|"
    r"\bwith\b|\bmit\b|\bavec\b|\bcon\b|\bcom\b)\s*",
    re.IGNORECASE,
)
# "(now)", "(earlier)", "(updates)": a short aside in lower case after a name, not part of it.
ASIDE = re.compile(r"\s*\([a-zà-ÿ][^()]{0,24}\)")
# The conjunction that closes a list of names, in several languages.
LIST_AND = re.compile(r"\s(?:and|und|et|y|e|en|og|och|i|ja|и|ve|dan|&)\s", re.IGNORECASE)
# Where the names stop: a bar or dash, a date, an e-mail, a digit, "on"/"at"/"for"/"|", "Updated".
NAMES_END = re.compile(
    r"\s+(?:[|–—•·]|-\s|/\s|\bon\b|\bat\b|\bfor\b|\bin\b|\bpublished\b|\bupdated\b|\bposted\b)"
    r"|\s*\b\S+@\S+|\s*[(\d]|\s*\b(?:mon|tues?|wed|thu|thurs|fri|sat|sun)[a-z]*\.?,\s",
    re.IGNORECASE,
)
# Job titles that follow a name, glued or not ("Meg JamesStaff Writer", "Jane Doe, Senior Editor").
ROLE = re.compile(
    r"(?:(?:(?:senior|chief|staff|special|contributing|political|foreign|national|science|sports|business|"
    r"white\s+house|deputy|associate|managing|executive)\s+)*"
    r"(?:writer|reporter|correspondent|editor|columnist|contributor|journalist|producer|analyst|"
    r"redakteur(?:in)?|korrespondent(?:in)?|journaliste|periodista|giornalista|redactor(?:a)?)s?)\b.*$",
    re.IGNORECASE,
)
# Bylines that name a desk, not a person ("By Staff Reports", "By HNN Staff"): not authors.
DESK_WORDS = frozenset("staff reports report desk team newsroom editors editorial wire wires agencies agency".split())
# Words that make a list piece an organisation, not a person ("Associated Press", "NJ Advance Media").
ORG_WORDS = frozenset(
    "press news times post media agency network journal herald tribune daily weekly magazine radio tv "
    "television online digital group reports wire service presse zeitung nachrichten agence agencia".split()
)
# An all-capital word this short is an outlet's initials ("CNN", "AP", "BBC"), not a name.
MAX_ACRONYM_CHARS = 6
# Leading organisation and role words before contributor names ("Associated Press writers Alan Fram...").
CREDIT_PREFIX = re.compile(
    r"^.{0,60}?\b(?:writers?|reporters?|correspondents?|journalists?|staff|photographers?)\s+(?=[A-Z])"
)
# "CNN's Ibrahim Dahman": an outlet's possessive before the name.
OUTLET_POSSESSIVE = re.compile(r"^(?:the\s+)?\S+(?:\s+\S+){0,2}?['’]s\s+(?=[A-ZÀ-ÖØ-Þ])", re.IGNORECASE)
# Contributor credits: "X and Y contributed reporting", "X assisted in this report", "X contributed to this story".
CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+(?:also\s+)?(?:contributed|assisted|helped|reported|contributes)\b"
    r"(?:\s+\w+){0,4}?\s+(?:report(?:ing)?|story|article|coverage|research)(?:\s+(?:from|in)\s+(?P<places>[^.]{1,60}))?\.?$"
    r"|^(?P<de>.+?)\s+(?:hat|haben)\s+(?:zu\s+diesem\s+(?:Bericht|Artikel)\s+)?beigetragen\.?$"
    r"|^(?P<fr>.+?)\s+(?:a|ont)\s+contribué\s+à\s+cet?\s+(?:article|reportage)\.?$",
    re.IGNORECASE,
)
# Sentences of a credit line: a full stop, then a capital.
SENTENCE_BREAK = re.compile(r"(?<=[a-zà-ÿ)][.!?])\s+(?=[A-ZÀ-Þ])")
# "..., and Tomasz Wilk from Warsaw": more people after the first one's place, each with their own place.
ALSO_FROM = re.compile(r"(?:,\s*|\s+)and\s+(?P<name>[A-ZÀ-Þ][^,]{1,40}?)\s+(?:from|in)\s+[A-ZÀ-Þ]")
# Where a contributor reported from, after the name: " in Helena", " from Kyiv".
PLACE_AFTER_NAME = re.compile(r"\s+(?:in|from)\s+[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*)*")
# A contributor credit ends with one of these words (lower-cased), within the last characters of the line
# (the word, "from" and a place of up to 60 characters): a cheap test before CONTRIBUTED.
CREDIT_ENDINGS = ("report", "story", "article", "coverage", "research", "beigetragen")
CREDIT_ENDING_CHARS = 90
CREDIT_VERBS = ("contribu", "assisted", "helped", "reported", "beigetragen")
# Wire credits: "Reporting by X; Editing by Y", "Additional reporting by X", "Mitarbeit: X".
REPORTING_BY = re.compile(
    r"(?:^|[;(]\s*)(?:additional\s+)?(?:reporting|writing|research|compiled|con\s+la\s+colaboración\s+de|"
    r"mitarbeit|colaboraram)(?:\s+(?:was|were)\s+(?:also\s+)?contributed)?\s*(?:by|:|de)?\s+(?P<names>[^;)]+)",
    re.IGNORECASE,
)
# A wire credit opens the line with one of these (lower-cased), when no ';' or '(' comes before it.
WIRE_OPENINGS = ("additional", "reporting", "writing", "research", "compiled", "con la colaboración", "mitarbeit",
                 "colaboraram")
WIRE_OPENING_CHARS = 30
WIRE_MARK = re.compile(r"[;(]")
# A byline is a line of its own; longer than this it is a sentence.
MAX_BYLINE_CHARS = 160
# A credit line may list many names; longer than this it is prose.
MAX_CREDIT_CHARS = 400


def byline_authors(line: str) -> tuple[str, ...] | None:
    """The authors a byline names, or None when the line is not a byline."""
    text = line.strip()
    if len(text) > MAX_BYLINE_CHARS:
        return None
    opener = BYLINE_OPENER.match(text)
    if opener is None:
        return None
    listed = _before_outlet(_until_names_end(ASIDE.sub("", text[opener.end() :])))
    names = _names(listed, outlet_last=True)
    return names or None


def contributor_names(line: str) -> tuple[str, ...] | None:
    """The people a reporting credit names, or None when the line is not one.

    A line of several sentences ("X contributed reporting from A. Research was contributed by Y.") is a
    credit only when every sentence is one.
    """
    text = line.strip().strip("()[]*_ ")
    if len(text) > MAX_CREDIT_CHARS or not (contains_any(text.lower(), CREDIT_VERBS)
                                             or _opens_like_wire_credit(text)):
        return None  # the first sentence can be no credit
    found: list[str] = []
    for sentence in SENTENCE_BREAK.split(text):
        names = _credited(sentence)
        if not names:
            return None
        found.extend(names)
    return tuple(dict.fromkeys(found)) or None


def _credited(text: str) -> tuple[str, ...]:
    """The people one sentence of a reporting credit names; () when it is not one."""
    if _ends_like_credit(text):
        match = CONTRIBUTED.match(text)
        if match is not None:
            listed = match.group("names") or match.group("de") or match.group("fr")
            names = _names(_without_places(CREDIT_PREFIX.sub("", OUTLET_POSSESSIVE.sub("", listed))))
            more = [n for m in ALSO_FROM.finditer(match.group("places") or "") for n in _names(m.group("name"))]
            return (*names, *more) if names else ()
    if not _opens_like_wire_credit(text):
        return ()
    found = [_names(_until_names_end(_without_places(m.group("names")))) for m in REPORTING_BY.finditer(text)]
    return tuple(n for group in found for n in group)


def _without_places(text: str) -> str:
    """Names without where each reported from ("Jane Doe in Paris and John Roe in Rome")."""
    return PLACE_AFTER_NAME.sub("", text)


def _ends_like_credit(text: str) -> bool:
    """The cheap test before CONTRIBUTED: its closing word sits in the line's last characters, its verb before."""
    return contains_any(text[-CREDIT_ENDING_CHARS:].lower(), CREDIT_ENDINGS) and contains_any(
        text.lower(), CREDIT_VERBS)


def _opens_like_wire_credit(text: str) -> bool:
    """The cheap test before REPORTING_BY: it opens the line or follows a ';' or '('."""
    if text[:WIRE_OPENING_CHARS].lower().startswith(WIRE_OPENINGS):
        return True
    if ";" not in text and "(" not in text:
        return False
    for mark in WIRE_MARK.finditer(text):
        if text[mark.end() : mark.end() + WIRE_OPENING_CHARS].lstrip().lower().startswith(WIRE_OPENINGS):
            return True
    return False


def _before_outlet(text: str) -> str:
    """The names of "Jane Doe and John Roe, Harrowgate Ledger": a comma after the list's closing "and" starts
    the outlet or role."""
    closing = None
    for closing in LIST_AND.finditer(text):
        pass
    comma = text.find(",", closing.end()) if closing else -1
    return text[:comma] if comma >= 0 else text


def _until_names_end(text: str) -> str:
    """The text up to where the names stop (a date, a bar, "on", an e-mail address...)."""
    end = NAMES_END.search(text)
    return text[: end.start()] if end else text


def _names(text: str, outlet_last: bool = False) -> tuple[str, ...]:
    """The person names in a list; none when more than one piece is not a name (then it is prose).

    `outlet_last`: a byline's last one-word piece after full names is the outlet ("..., Reuters").
    """
    pieces = [_clean(p) for p in NAME_SEPARATOR.split(text)]
    pieces = [p for p in pieces if p]
    if outlet_last and len(pieces) > 1 and " " not in pieces[-1] and " " in pieces[-2]:
        pieces.pop()
    names = [_as_written(p) for p in pieces if _is_name(p)]
    if len(names) < len(pieces) - 1:
        return ()
    return tuple(dict.fromkeys(names))


def _clean(piece: str) -> str:
    """A list piece without the outlet possessive, a trailing role, or surrounding punctuation."""
    piece = ROLE.sub("", OUTLET_POSSESSIVE.sub("", piece.strip()))
    return piece.strip(" .,:;|-–—*_\"'“”")


def _is_name(piece: str) -> bool:
    """Whether a piece is shaped like a person's name rather than words of a sentence or a desk."""
    if CJK_NAME.match(piece):
        return True
    words = piece.split()
    lowered = {w.lower() for w in words}
    if not 1 <= len(words) <= MAX_NAME_WORDS or lowered & DESK_WORDS or lowered & ORG_WORDS:
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) <= MAX_ACRONYM_CHARS:
        return False
    if not (NAME_WORD.match(words[0]) and NAME_WORD.match(words[-1])):
        return False
    return all(NAME_WORD.match(w) or w.lower() in PARTICLES for w in words)


def _as_written(name: str) -> str:
    """The name in title case when the byline shouted it in capitals ("LISA MASCARO" → "Lisa Mascaro")."""
    if not name.isupper():
        return name
    return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in name.split())
