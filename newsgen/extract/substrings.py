"""One check many signals share, kept apart so the loaders' decoding can use it without the rules."""

from __future__ import annotations

from collections.abc import Iterable


def contains_any(text: str, parts: Iterable[str]) -> bool:
    """Whether any of the parts occurs in the text: a few C-level substring tests decide most lines
    before any regular expression runs, and a loop stops sooner than `any()` over a generator."""
    for part in parts:
        if part in text:
            return True
    return False
