"""Taxonomies: the tags, sources, authors and named entities that group articles.

Names that differ only in case or spacing are one term (the most used spelling
is shown), and every term gets a slug unique within its kind, so two terms can
never write the same page.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable

from ..records import Article
from .urls import slugify, unique_slugs

NameGetter = Callable[[Article], Iterable[str]]


@dataclass(frozen=True, slots=True)
class Term:
    """One tag, source, author or entity, with its articles newest first."""

    kind: str
    name: str
    slug: str
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Kind:
    """A taxonomy: its folder name, its labels and where an article's names for it come from."""

    name: str
    singular: str
    plural: str
    names: NameGetter


def source_names(article: Article) -> tuple[str, ...]:
    name = article.source.name or article.source.domain
    return (name,) if name else ()


KINDS: tuple[Kind, ...] = (
    Kind("tags", "Tag", "Tags", lambda a: a.tags),
    Kind("sources", "Source", "Sources", source_names),
    Kind("authors", "Author", "Authors", lambda a: a.authors + a.contributors),
    Kind("people", "Person", "People", lambda a: a.entities.people),
    Kind("places", "Place", "Places", lambda a: a.entities.places),
    Kind("organizations", "Organization", "Organizations", lambda a: a.entities.organizations),
)
KIND_BY_NAME = {k.name: k for k in KINDS}


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """What makes two spellings the same term: case and runs of spaces do not count."""
    return re.sub(r"\s+", " ", name).strip().casefold()


def terms_of(kind: Kind, articles: Iterable[Article]) -> tuple[Term, ...]:
    """The kind's terms sorted by name; `articles` must already be in site order (newest first)."""
    members: dict[str, list[Article]] = defaultdict(list)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        names = kind.names(article)
        if not names:  # the entity kinds of every article when entities are off
            continue
        for key, spelling in dict((name_key(n), n.strip()) for n in names if n.strip()).items():
            members[key].append(article)
            spellings[key][spelling] += 1
    keys = sorted(members, key=lambda k: (k, display_name(spellings[k])))
    names = [display_name(spellings[k]) for k in keys]
    slugs = unique_slugs([slugify(n, fallback=kind.name) for n in names])
    return tuple(Term(kind.name, n, s, tuple(members[k])) for k, n, s in zip(keys, names, slugs))


def display_name(spellings: Counter[str]) -> str:
    """The most used spelling; ties go to the alphabetically first, so the choice is stable."""
    return min(spellings, key=lambda s: (-spellings[s], s))


def term_index(terms: dict[str, tuple[Term, ...]]) -> dict[tuple[str, str], Term]:
    """Every term by (kind, name key), so a page can link a name it shows to its term page."""
    return {(t.kind, name_key(t.name)): t for kind_terms in terms.values() for t in kind_terms}
