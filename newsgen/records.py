"""The article record every loader returns and every later stage reads.

Records are frozen and hold tuples, so a loaded article can be cached, shared
between processes and compared. What the source said (title, body blocks,
captions) is kept apart from what newsgen derived (entities, language) and from
what it threw away (`dropped`), so a reader can audit the loader.

The JSON form (`Article.to_dict`) is the public schema documented in
docs/record.md; its keys are stable.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

BLOCK_TYPES = ("paragraph", "heading", "quote", "list")


@cache
def field_names(kind: type) -> tuple[str, ...]:
    """A dataclass's field names, looked up once per class: `dataclasses.fields` on every one of tens of
    thousands of records and pages was a visible part of a rebuild."""
    return tuple(f.name for f in dataclasses.fields(kind))


class Record:
    """Base of the records: pickled as a constructor call, which loads about twice as fast as the
    field-by-field state dataclasses give slotted classes (the cache holds tens of thousands)."""

    __slots__ = ()

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), tuple(getattr(self, name) for name in self.__dataclass_fields__)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Block(Record):
    """One unit of the story body; `items` is filled only for lists."""

    type: str
    text: str
    items: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type, "text": self.text}
        if self.type == "list":
            data["items"] = list(self.items)
        return data


@dataclass(frozen=True, slots=True)
class Image(Record):
    caption: str = ""
    credit: str = ""
    dateline: str = ""
    src: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"caption": self.caption, "credit": self.credit, "dateline": self.dateline, "src": self.src}


@dataclass(frozen=True, slots=True)
class Citation(Record):
    """An inline reference; `block` is the index of the body block it belongs to."""

    url: str
    text: str = ""
    block: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"url": self.url, "text": self.text, "block": self.block}


@dataclass(frozen=True, slots=True)
class Source(Record):
    """The publisher the article was taken from."""

    name: str = ""
    domain: str = ""
    url: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "domain": self.domain, "url": self.url}


@dataclass(frozen=True, slots=True)
class Dropped(Record):
    """A line the loader removed, with the reason, so nothing disappears silently."""

    text: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "reason": self.reason, "line": self.line}


@dataclass(frozen=True, slots=True)
class Entities(Record):
    people: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, list[str]]:
        return {"people": list(self.people), "places": list(self.places), "organizations": list(self.organizations)}


@dataclass(frozen=True, slots=True)
class Article(Record):
    """One loaded article. Dates are timezone-aware or None: never a guess."""

    path: str
    digest: str
    format: str
    title: str
    summary: str = ""
    language: str = ""
    body: tuple[Block, ...] = ()
    images: tuple[Image, ...] = ()
    authors: tuple[str, ...] = ()
    contributors: tuple[str, ...] = ()
    published: datetime | None = None
    updated: datetime | None = None
    date_source: str | None = None
    date_not_before: datetime | None = None
    dateline: str = ""
    source: Source = field(default_factory=Source)
    url: str = ""
    citations: tuple[Citation, ...] = ()
    corrections: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    entities: Entities = field(default_factory=Entities)
    slug: str = ""
    draft: bool = False
    dropped: tuple[Dropped, ...] = ()
    warnings: tuple[str, ...] = ()
    provenance: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "digest": self.digest,
            "format": self.format,
            "title": self.title,
            "summary": self.summary,
            "language": self.language,
            "body": [b.to_dict() for b in self.body],
            "images": [i.to_dict() for i in self.images],
            "authors": list(self.authors),
            "contributors": list(self.contributors),
            "published": iso(self.published),
            "updated": iso(self.updated),
            "date_source": self.date_source,
            "date_not_before": iso(self.date_not_before),
            "dateline": self.dateline,
            "source": self.source.to_dict(),
            "url": self.url,
            "citations": [c.to_dict() for c in self.citations],
            "corrections": list(self.corrections),
            "notes": list(self.notes),
            "tags": list(self.tags),
            "entities": self.entities.to_dict(),
            "slug": self.slug,
            "draft": self.draft,
            "dropped": [d.to_dict() for d in self.dropped],
            "warnings": list(self.warnings),
            "provenance": dict(self.provenance),
        }

    def body_text(self) -> str:
        """The body as plain text, one block a line: what search and scoring read."""
        return "\n".join(b.text for b in self.body)


def listing_form(article: Article) -> Article:
    """The article without its story (body, images, citations, notes, provenance, dropped lines).

    What the site model keeps of every article: enough for listings, taxonomies,
    feeds of summaries and page keys, a tenth of the size. The page of the article
    itself reads the full record again.
    """
    return dataclasses.replace(article, body=(), images=(), citations=(), notes=(), provenance=(), dropped=())


def iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None
