"""Authors from bylines and contributors from reporting credits."""

from __future__ import annotations

import re

# The word that opens a byline, in several languages.
BY_WORDS = r"(?:by|von|par|por|di|door|av|af|de|przez|от|автор:?|autor(?:a|es)?:|texto:|text:|written by|reporting by)"
BYLINE = re.compile(rf"^\s*{BY_WORDS}\s+(?P<names>.+?)\s*$", re.IGNORECASE)
# A person's name: two to five capitalised words, allowing particles and initials.
NAME = re.compile(
    r"^(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*|de|da|del|der|van|von|di|la|le|bin|al|el)"
    r"(?:\s(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*|de|da|del|der|van|von|di|la|le|bin|al|el|dos)){1,4}$"
)
# Separators between names in a byline.
NAME_SEPARATOR = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|\bi\b)\s*")
# Job titles glued or appended after the name ("Meg JamesStaff Writer").
ROLE = re.compile(
    r"(?:staff writer|staff reporter|senior [a-z]+ (?:writer|reporter|correspondent)|correspondent|reporter|"
    r"editor|contributor|columnist|writer)\b.*$",
    re.IGNORECASE,
)
# Contributor credits: "X and Y contributed reporting", "Additional reporting by X".
CONTRIBUTED = re.compile(
    r"^(?P<names>.+?)\s+(?:also\s+)?(?:contributed|assisted|helped)\b.{0,40}\b(?:report(?:ing)?|story|article)\.?$",
    re.IGNORECASE,
)
REPORTING_BY = re.compile(
    r"^(?:additional\s+)?reporting\s+by\s+(?P<names>[^;.]+?)(?:[;.].*)?$", re.IGNORECASE
)
# "CNN's Ibrahim Dahman": an outlet's possessive before the name.
OUTLET_POSSESSIVE = re.compile(r"^(?:The\s)?[\w.&-]+(?:\s[\w.&-]+){0,2}['’]s\s+")
# Words that end a byline name list: the outlet after the final comma.
MAX_BYLINE_CHARS = 160


def byline_authors(line: str) -> tuple[str, ...] | None:
    """The authors a byline names, or None when the line is not a byline."""
    text = line.strip()
    if len(text) > MAX_BYLINE_CHARS:
        return None
    match = BYLINE.match(text)
    if not match:
        return None
    names = _names(match.group("names"))
    return names or None


def contributor_names(line: str) -> tuple[str, ...] | None:
    """The people a reporting credit names, or None when the line is not one."""
    text = line.strip()
    if len(text) > MAX_BYLINE_CHARS * 2:
        return None
    match = CONTRIBUTED.match(text) or REPORTING_BY.match(text)
    if not match:
        return None
    names = _names(OUTLET_POSSESSIVE.sub("", match.group("names")))
    return names or None


def _names(text: str) -> tuple[str, ...]:
    """The names in a list, dropping roles and the outlet that follows them."""
    names: list[str] = []
    for part in NAME_SEPARATOR.split(text):
        part = _clean(part)
        if NAME.match(part):
            names.append(part)
    return tuple(names)


def _clean(part: str) -> str:
    part = ROLE.sub("", OUTLET_POSSESSIVE.sub("", part.strip())).strip(" .,:;|-–—")
    return part
