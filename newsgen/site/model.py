"""The site model: every page the archive has, built whole from the records each time.

Rebuilding the model whole is cheap and avoids the stale-page bugs of partial
updates; only rendering is incremental. The model decides what pages exist and
what each shows; it knows nothing of HTML.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Iterator

from ..config import SiteConfig
from ..records import Article
from . import urls
from .archives import Year, archive_years, undated
from .pagination import Pager, paginate
from .related import neighbours, related_articles
from .taxonomies import KINDS, Term, name_key, term_index, terms_of

UNDATED_LAST = datetime.min.replace(tzinfo=timezone.utc)
# The search page: the index beside it (pagefind/) is written by newsgen.search after rendering.
SEARCH_PATH = "search/index.html"


@dataclass(frozen=True, slots=True)
class Page:
    """One output page: where it goes, which template draws it, and what it shows.

    `section` names the header navigation entry the page belongs to; `feeds` the
    folders whose feeds the page announces; `extra` holds what only one kind of
    page needs (archive years, a list of terms...), passed to its template by name.
    """

    path: str
    template: str
    title: str
    section: str = ""
    article: Article | None = None
    articles: tuple[Article, ...] = ()
    pager: Pager | None = None
    term: Term | None = None
    feeds: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Correction:
    article: Article
    text: str


@dataclass(frozen=True, slots=True)
class Site:
    config: SiteConfig
    articles: tuple[Article, ...]
    pages: tuple[Page, ...]
    terms: dict[str, tuple[Term, ...]]
    years: tuple[Year, ...]
    undated: tuple[Article, ...]
    corrections: tuple[Correction, ...]
    terms_by_key: dict[tuple[str, str], Term] = field(repr=False, default_factory=dict)
    """The terms that have pages, by kind and name key."""

    @property
    def has_feeds(self) -> bool:
        return bool(self.config.base_url)

    def article_path(self, article: Article) -> str:
        return article_path(article)

    def term(self, kind: str, name: str) -> Term | None:
        """The term page a name shown on a page links to, if it has one."""
        return self.terms_by_key.get((kind, name_key(name)))


def article_path(article: Article) -> str:
    return urls.article_path(article.slug)


def term_path(term: Term, number: int = 1) -> str:
    return urls.listing_path(urls.term_folder(term.kind, term.slug), number)


def feed_terms(site: Site) -> list[Term]:
    """The terms that get feeds (by default tags and sources): with a base URL, those with a dated
    article to announce, of taxonomies that have pages."""
    if not site.has_feeds:
        return []
    kinds = [k for k in site.config.topic_feeds if k in site.config.taxonomies]
    return [t for k in kinds for t in site.terms[k] if has_dated(t)]


def has_dated(term: Term) -> bool:
    return any(a.published is not None for a in term.articles)


def build_site(articles: list[Article], config: SiteConfig, memo: dict[str, Any] | None = None) -> Site:
    """The whole model; `memo` (kept by the caller between builds) saves recomputing related articles."""
    ordered = with_slugs(newest_first(articles))
    terms = {kind.name: terms_of(kind, ordered) for kind in KINDS}
    years = archive_years(ordered)
    with_pages = {kind: terms[kind] for kind in config.taxonomies}
    site = Site(config, tuple(ordered), (), terms, years, undated(ordered), corrections_of(ordered),
                term_index(with_pages))
    return dataclasses.replace(site, pages=tuple(all_pages(site, memo)))


def newest_first(articles: list[Article]) -> list[Article]:
    """Newest first, undated last; ties broken by file path so the order is stable."""
    by_path = sorted(articles, key=lambda a: a.path)
    return sorted(by_path, key=lambda a: a.published or UNDATED_LAST, reverse=True)


def with_slugs(articles: list[Article]) -> list[Article]:
    """Each article with its final, unique slug (asked-for slug, else from the title)."""
    in_path_order = sorted(articles, key=lambda a: a.path)
    wanted = [wanted_slug(a) for a in in_path_order]
    final = dict(zip((a.path for a in in_path_order), urls.unique_slugs(wanted)))
    return [dataclasses.replace(a, slug=final[a.path]) if a.slug != final[a.path] else a for a in articles]


def wanted_slug(article: Article) -> str:
    """The slug an article asks for: its own, else from its title, else from its file name."""
    return urls.slugify(article.slug or article.title or article.path.rsplit("/", 1)[-1].rsplit(".", 1)[0])


def corrections_of(articles: list[Article]) -> tuple[Correction, ...]:
    return tuple(Correction(a, text) for a in articles for text in a.corrections)


def all_pages(site: Site, memo: dict[str, Any] | None = None) -> Iterator[Page]:
    yield from home_pages(site)
    yield from article_pages(site, memo)
    yield from archive_pages(site)
    yield from taxonomy_pages(site)
    yield from single_pages(site)


def feeds_of(site: Site, *own: str) -> tuple[str, ...]:
    """The feed folders a page announces: the site's own, then any of its own term's."""
    return ("", *own) if site.has_feeds else ()


def home_pages(site: Site) -> Iterator[Page]:
    feeds = feeds_of(site)
    for path, chunk, pager in paginate(site.articles, site.config.per_page, ""):
        title = site.config.title if pager.number == 1 else f"{site.config.title}, page {pager.number}"
        yield Page(path, "index.html", title, "home", articles=chunk, pager=pager, feeds=feeds)


def article_pages(site: Site, memo: dict[str, Any] | None = None) -> Iterator[Page]:
    related = related_articles(list(site.articles), (t for kind in site.terms.values() for t in kind), memo)
    around = neighbours(list(site.articles))
    feeds = feeds_of(site)
    for article in site.articles:
        older, newer = around.get(article.path, (None, None))
        extra = {"related": related[article.path], "older": older, "newer": newer}
        yield Page(article_path(article), "article.html", article.title, article=article, feeds=feeds, extra=extra)


def archive_pages(site: Site) -> Iterator[Page]:
    feeds = feeds_of(site)
    counts = {"total": len(site.articles), "undated_count": len(site.undated)}
    yield Page(urls.ARCHIVE_PATH, "archive.html", "Archive", "archive", feeds=feeds,
               extra={"years": site.years, **counts})
    for year in site.years:
        yield Page(urls.year_path(year.year), "year.html", str(year.year), "archive", feeds=feeds,
                   extra={"year": year})
        for month in year.months:
            title = datetime(month.year, month.month, 1).strftime("%B %Y")
            yield Page(urls.month_path(month.year, month.month), "listing.html", title, "archive",
                       articles=month.articles, feeds=feeds, extra={"year": year})
    yield Page(urls.UNDATED_PATH, "listing.html", "Undated articles", "archive", articles=site.undated,
               feeds=feeds, extra={"year": None})


def taxonomy_pages(site: Site) -> Iterator[Page]:
    for kind in (k for k in KINDS if k.name in site.config.taxonomies):
        yield Page(urls.listing_path(kind.name), "terms.html", kind.plural, kind.name, feeds=feeds_of(site),
                   extra={"kind": kind, "terms": site.terms[kind.name]})
        for term in site.terms[kind.name]:
            yield from term_pages(site, term)


def term_pages(site: Site, term: Term) -> Iterator[Page]:
    folder = urls.term_folder(term.kind, term.slug)
    feeds = feeds_of(site, *((folder,) if term.kind in site.config.topic_feeds and has_dated(term) else ()))
    for path, chunk, pager in paginate(term.articles, site.config.per_page, folder):
        title = term.name if pager.number == 1 else f"{term.name}, page {pager.number}"
        yield Page(path, "term.html", title, term.kind, articles=chunk, pager=pager, term=term, feeds=feeds)


def single_pages(site: Site) -> Iterator[Page]:
    feeds = feeds_of(site)
    yield Page(urls.CORRECTIONS_PATH, "corrections.html", "Corrections", "corrections", feeds=feeds,
               extra={"corrections": site.corrections})
    counts = {"total": len(site.articles), "sources": len(site.terms["sources"])}
    yield Page(urls.ABOUT_PATH, "about.html", f"About {site.config.title}", "about", feeds=feeds, extra=counts)
    yield Page(urls.NOT_FOUND_PATH, "404.html", "Page not found", feeds=feeds)
    if site.config.search:
        yield Page(SEARCH_PATH, "search.html", "Search", "search", feeds=feeds)
