"""Small records and sites for the site-model, render and feed tests."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from newsgen.config import SiteConfig
from newsgen.records import Article, Entities
from newsgen.site import Site, build_site


def article(name: str, day: int | None = None, month: int = 5, **fields: Any) -> Article:
    """An article from `name.md`, published on `day` of `month` 2024 (undated when `day` is None)."""
    published = datetime(2024, month, day, 9, 0, tzinfo=timezone.utc) if day else None
    entities = Entities(**fields.pop("entities", {}))
    values: dict[str, Any] = {"title": name.replace("-", " ").title(), **fields}
    return Article(path=f"{name}.md", digest="0" * 64, format="markdown", published=published,
                   entities=entities, **values)


def site_of(*articles: Article, **config: Any) -> Site:
    return build_site(list(articles), SiteConfig(**config))
