"""The word lists and gazetteers entity extraction reads, loaded once from `extract/data/`.

Each list is plain text, one entry a line, `#` for comments, so a reader can check and extend them
without touching code. Gazetteer lines give a canonical name and its other spellings: "A | B | C".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _entries(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _gazetteer(name: str) -> dict[str, str]:
    """Spelling -> canonical name; acronyms keep their case, other spellings are case-folded."""
    table: dict[str, str] = {}
    for entry in _entries(name):
        names = [n.strip() for n in entry.split("|")]
        for alias in names:
            table[alias if alias.isupper() else alias.casefold()] = names[0]
    return table


@dataclass(frozen=True)
class Lexicon:
    places: dict[str, str]
    orgs: dict[str, str]
    first_names: frozenset[str]
    titles: frozenset[str]
    title_modifiers: frozenset[str]
    person_titles: frozenset[str]  # titles that name a person's role, not modifiers such as "Deputy"
    demonyms: frozenset[str]
    calendar: frozenset[str]
    function_words: frozenset[str]
    org_words: frozenset[str]
    place_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    common_acronyms: frozenset[str]
    of_heads: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    titles = _entries("titles.txt")
    place_words = _entries("place_words.txt")
    org_words = frozenset(_entries("org_words.txt"))
    plain_titles = frozenset(t.lstrip("+") for t in titles)
    modifiers = frozenset(t[1:] for t in titles if t.startswith("+"))
    return Lexicon(
        places=_gazetteer("places.txt"),
        orgs=_gazetteer("organizations.txt"),
        first_names=frozenset(_entries("first_names.txt")),
        titles=plain_titles,
        title_modifiers=modifiers,
        person_titles=plain_titles - modifiers,
        demonyms=frozenset(_entries("demonyms.txt")),
        calendar=frozenset(_entries("calendar.txt")),
        function_words=frozenset(_entries("function_words.txt")),
        org_words=org_words,
        place_suffixes=frozenset(w for w in place_words if not w.startswith(">")),
        place_prefixes=frozenset(w[1:] for w in place_words if w.startswith(">")),
        common_acronyms=frozenset(_entries("common_acronyms.txt")),
        # "X of Y" stays one name only after these heads ("Secretary of State", "University of Oxford").
        of_heads=org_words | plain_titles | {"Republic", "Kingdom", "Emirates", "States", "Isle", "Gulf", "Bay",
                                             "Sea", "Strait", "Cape", "Sultanate", "Commonwealth"},
    )
