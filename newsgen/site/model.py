"""The site model: every page the archive has, built whole from the records each time.

Rebuilding the model whole is cheap and avoids the stale-page bugs of partial
updates; only rendering is incremental.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..config import SiteConfig
from ..records import Article
from .urls import slugify, unique_slugs

UNDATED_LAST = datetime.min.replace(tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class Page:
    """One output page: where it goes, which template draws it, and what it shows."""

    path: str
    template: str
    title: str
    article: Article | None = None
    articles: tuple[Article, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Site:
    config: SiteConfig
    articles: tuple[Article, ...]
    pages: tuple[Page, ...]

    def article_path(self, article: Article) -> str:
        return article_path(article)


def article_path(article: Article) -> str:
    return f"articles/{article.slug}/index.html"


def build_site(articles: list[Article], config: SiteConfig) -> Site:
    ordered = with_slugs(newest_first(articles))
    pages = [home_page(ordered, config), *(article_page(a) for a in ordered)]
    return Site(config, tuple(ordered), tuple(pages))


def newest_first(articles: list[Article]) -> list[Article]:
    """Newest first, undated last; ties broken by file path so the order is stable."""
    by_path = sorted(articles, key=lambda a: a.path)
    return sorted(by_path, key=lambda a: a.published or UNDATED_LAST, reverse=True)


def with_slugs(articles: list[Article]) -> list[Article]:
    """Each article with its final, unique slug (asked-for slug, else from the title)."""
    in_path_order = sorted(articles, key=lambda a: a.path)
    wanted = [slugify(a.slug or a.title or a.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]) for a in in_path_order]
    final = dict(zip((a.path for a in in_path_order), unique_slugs(wanted)))
    return [dataclasses.replace(a, slug=final[a.path]) if a.slug != final[a.path] else a for a in articles]


def home_page(articles: list[Article], config: SiteConfig) -> Page:
    return Page("index.html", "index.html", config.title, articles=tuple(articles))


def article_page(article: Article) -> Page:
    return Page(article_path(article), "article.html", article.title, article=article)
