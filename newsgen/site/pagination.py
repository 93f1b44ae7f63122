"""Splitting a long listing into numbered pages that link to each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence, TypeVar

from .urls import listing_path

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pager:
    """Where one page sits in its listing: its number, the total, and its neighbours' paths."""

    number: int
    total: int
    previous: str | None
    next: str | None
    first: str


def paginate(items: Sequence[T], per_page: int, folder: str) -> list[tuple[str, tuple[T, ...], Pager]]:
    """(path, items, pager) for each page; an empty listing still gets its first page."""
    total = max(1, -(-len(items) // per_page))
    pages = []
    for number in range(1, total + 1):
        chunk = tuple(items[(number - 1) * per_page: number * per_page])
        pager = Pager(
            number,
            total,
            listing_path(folder, number - 1) if number > 1 else None,
            listing_path(folder, number + 1) if number < total else None,
            listing_path(folder),
        )
        pages.append((listing_path(folder, number), chunk, pager))
    return pages
