"""URLs of the site's pages: safe, unique, stable slugs."""

from __future__ import annotations

import re
import unicodedata

MAX_SLUG = 80
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                              *(f"lpt{i}" for i in range(1, 10))})


def slugify(text: str, fallback: str = "article") -> str:
    """A lowercase, hyphenated path segment that is safe on every file system and host."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    text = re.sub(r"-{2,}", "-", text)[:MAX_SLUG].strip("-_")
    if not text or text in WINDOWS_RESERVED:
        return fallback if not text else f"{text}-{fallback}"
    return text


def unique_slugs(wanted: list[str]) -> list[str]:
    """The wanted slugs, with -2, -3... added to every later one that clashes."""
    taken: set[str] = set()
    result = []
    for slug in wanted:
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        taken.add(candidate)
        result.append(candidate)
    return result
