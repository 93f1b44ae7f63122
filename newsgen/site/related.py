"""Related articles and previous/next links, in time roughly linear in the archive size.

Related articles share tags or named entities. Each term's articles are kept
in site order; an article only considers the nearest stories in that order
for each of its terms, so a term found in thousands of articles costs a fixed
window, not a scan of all of them.
"""

from __future__ import annotations

import hashlib
import heapq
from typing import Any, Iterable

from ..records import Article
from .taxonomies import Term

# How many stories to relate on each article page: enough to browse on, few enough to scan.
RELATED_COUNT = 5
# Neighbours looked at on each side within one term: nearby stories on a topic are the likeliest follow-ups.
TERM_WINDOW = 10
# Taxonomies whose shared terms make two stories related (sources and authors say little about the topic).
RELATING_KINDS = ("tags", "people", "places", "organizations")


def related_articles(articles: list[Article], terms: Iterable[Term],
                     memo: dict[str, Any] | None = None) -> dict[str, tuple[Article, ...]]:
    """For each article path, the articles sharing most terms; ties go to the nearest in site order.

    The answer depends only on the site order and on each relating term's
    members, so `memo` keeps it (as paths) under a digest of exactly those: a
    rebuild after an edit that moved no article between terms reuses it, and
    any other change computes it again. Each article's scores are counted,
    ranked and dropped in turn: holding them all at once took 400 MB at 50,000.
    """
    relating = [t for t in terms if t.kind in RELATING_KINDS and len(t.articles) > 1]
    key = inputs_digest(articles, relating)
    if memo is not None and memo.get("key") == key:
        by_path = {a.path: a for a in articles}
        return {path: tuple(by_path[p] for p in related) for path, related in memo["paths"].items()}
    position = {a.path: i for i, a in enumerate(articles)}
    placed: list[list[tuple[list[int], int]]] = [[] for _ in articles]
    for term in relating:
        members = [position[a.path] for a in term.articles]
        for k, here in enumerate(members):
            placed[here].append((members, k))
    found = {a.path: tuple(articles[j] for j in top_related(i, window_scores(placed[i])))
             for i, a in enumerate(articles)}
    if memo is not None:
        memo.update(key=key, paths={path: tuple(a.path for a in related) for path, related in found.items()})
    return found


def inputs_digest(articles: list[Article], relating: list[Term]) -> str:
    """Everything the related lists depend on: the articles in site order and each term's members."""
    digest = hashlib.sha256("\0".join(a.path for a in articles).encode())
    for term in relating:
        digest.update(f"\1{term.kind}\0".encode())
        digest.update("\0".join(a.path for a in term.articles).encode())
    return digest.hexdigest()


def window_scores(places: list[tuple[list[int], int]]) -> dict[int, int]:
    """One point for each term in whose order another article is within TERM_WINDOW of this one."""
    row: dict[int, int] = {}
    for members, k in places:
        for other in members[max(0, k - TERM_WINDOW): k] + members[k + 1: k + TERM_WINDOW + 1]:
            row[other] = row.get(other, 0) + 1
    return row


def top_related(here: int, row: dict[int, int]) -> list[int]:
    ranked = heapq.nsmallest(RELATED_COUNT, [(-count, abs(j - here), j) for j, count in row.items()])
    return [j for _, _, j in ranked]


def neighbours(articles: list[Article]) -> dict[str, tuple[Article | None, Article | None]]:
    """(older, newer) dated neighbour of each dated article; `articles` is newest first."""
    dated = [a for a in articles if a.published is not None]
    result: dict[str, tuple[Article | None, Article | None]] = {}
    for i, article in enumerate(dated):
        older = dated[i + 1] if i + 1 < len(dated) else None
        newer = dated[i - 1] if i > 0 else None
        result[article.path] = (older, newer)
    return result
