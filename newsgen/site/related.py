"""Related articles and previous/next links, in time roughly linear in the archive size.

Related articles share tags or named entities. Each term's articles are kept
in site order; an article only considers the nearest stories in that order
for each of its terms, so a term found in thousands of articles costs a fixed
window, not a scan of all of them.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable

from ..records import Article
from .taxonomies import Term

# How many stories to relate on each article page: enough to browse on, few enough to scan.
RELATED_COUNT = 5
# Neighbours looked at on each side within one term: nearby stories on a topic are the likeliest follow-ups.
TERM_WINDOW = 20
# Taxonomies whose shared terms make two stories related (sources and authors say little about the topic).
RELATING_KINDS = ("tags", "people", "places", "organizations")


def related_articles(articles: list[Article], terms: Iterable[Term]) -> dict[str, tuple[Article, ...]]:
    """For each article path, the articles sharing most terms; ties go to the nearest in site order."""
    position = {a.path: i for i, a in enumerate(articles)}
    scores: dict[str, Counter[str]] = {a.path: Counter() for a in articles}
    for term in terms:
        if term.kind in RELATING_KINDS:
            add_window_scores(term.articles, scores)
    return {path: top_related(path, counter, position, articles) for path, counter in scores.items()}


def add_window_scores(members: tuple[Article, ...], scores: dict[str, Counter[str]]) -> None:
    for i, article in enumerate(members):
        counter = scores[article.path]
        for other in members[max(0, i - TERM_WINDOW): i + TERM_WINDOW + 1]:
            if other.path != article.path:
                counter[other.path] += 1


def top_related(path: str, counter: Counter[str], position: dict[str, int],
                articles: list[Article]) -> tuple[Article, ...]:
    here = position[path]
    ranked = sorted(counter, key=lambda p: (-counter[p], abs(position[p] - here), position[p]))
    return tuple(articles[position[p]] for p in ranked[:RELATED_COUNT])


def neighbours(articles: list[Article]) -> dict[str, tuple[Article | None, Article | None]]:
    """(older, newer) dated neighbour of each dated article; `articles` is newest first."""
    dated = [a for a in articles if a.published is not None]
    result: dict[str, tuple[Article | None, Article | None]] = {}
    for i, article in enumerate(dated):
        older = dated[i + 1] if i + 1 < len(dated) else None
        newer = dated[i - 1] if i > 0 else None
        result[article.path] = (older, newer)
    return result
