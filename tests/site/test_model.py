"""The site model: ordering, pages, taxonomies, archives, pagination, related and neighbouring articles."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from site_factories import article, site_of

import newsgen.site.related as related
from newsgen.config import SiteConfig
from newsgen.records import Source
from newsgen.site import Page, Site, build_site
from newsgen.site.pagination import paginate
from newsgen.site.related import RELATED_COUNT


def paths(site: Site) -> list[str]:
    return [p.path for p in site.pages]


def page_at(site: Site, path: str) -> Page:
    return next(p for p in site.pages if p.path == path)


def test_articles_are_newest_first_with_undated_last() -> None:
    site = site_of(article("old", 1), article("undated"), article("new", 9))
    assert [a.path for a in site.articles] == ["new.md", "old.md", "undated.md"]


def test_every_page_path_is_unique() -> None:
    site = site_of(*(article(f"a{i}", i % 28 + 1, tags=("x",)) for i in range(30)), per_page=4)
    assert [p for p, n in Counter(paths(site)).items() if n > 1] == []


@pytest.mark.parametrize("path", ["index.html", "archive/index.html", "archive/undated/index.html",
                                  "tags/index.html", "sources/index.html", "authors/index.html",
                                  "people/index.html", "places/index.html", "organizations/index.html",
                                  "corrections/index.html", "about/index.html", "404.html"])
def test_fixed_pages_exist_even_for_an_empty_archive(path: str) -> None:
    assert path in paths(site_of())


def test_same_title_gets_distinct_article_slugs() -> None:
    site = site_of(article("a", 1, title="Same"), article("b", 2, title="Same"))
    assert sorted(a.slug for a in site.articles) == ["same", "same-2"]


def test_terms_merge_case_and_spacing_and_keep_slugs_unique() -> None:
    site = site_of(article("a", 1, tags=("Gaza", "C++")), article("b", 2, tags=("gaza ", "C")),
                   article("c", 3, tags=("Gaza",)))
    tags = {t.name: t for t in site.terms["tags"]}
    assert sorted(tags) == ["C", "C++", "Gaza"]
    assert [a.path for a in tags["Gaza"].articles] == ["c.md", "b.md", "a.md"]
    assert sorted(t.slug for t in tags.values()) == ["c", "c-2", "gaza"]


def test_sources_authors_and_entities_become_terms() -> None:
    site = site_of(article("a", 1, source=Source("Daily Planet", "planet.example"), authors=("Lois Lane",),
                           contributors=("Jimmy Olsen",),
                           entities={"people": ("Antony Blinken",), "places": ("Cairo",), "organizations": ("UN",)}))
    names = {kind: [t.name for t in terms] for kind, terms in site.terms.items()}
    assert names == {"tags": [], "sources": ["Daily Planet"], "authors": ["Jimmy Olsen", "Lois Lane"],
                     "people": ["Antony Blinken"], "places": ["Cairo"], "organizations": ["UN"]}
    assert site.term("authors", "lois  lane") is site.terms["authors"][1]


def test_archives_by_year_and_month_newest_first_with_undated_bucket() -> None:
    site = site_of(article("may", 2, 5), article("march", 2, 3), article("may2", 20, 5), article("nodate"))
    assert [(y.year, [(m.month, len(m.articles)) for m in y.months]) for y in site.years] == [(2024, [(5, 2), (3, 1)])]
    assert [a.path for a in site.undated] == ["nodate.md"]
    archived = [a.path for y in site.years for m in y.months for a in m.articles] + [a.path for a in site.undated]
    assert sorted(archived) == sorted(a.path for a in site.articles)
    assert {"archive/2024/index.html", "archive/2024/05/index.html", "archive/2024/03/index.html"} <= set(paths(site))


def test_month_follows_the_date_as_written() -> None:
    late = dataclasses.replace(article("late"), published=datetime(2024, 4, 30, 23, tzinfo=timezone(timedelta(hours=-5))))
    site = site_of(late, article("may", 1, 5))
    assert [(m.year, m.month) for m in site.years[0].months] == [(2024, 5), (2024, 4)]


@pytest.mark.parametrize(("count", "per_page", "pages"), [(0, 3, 1), (3, 3, 1), (4, 3, 2), (10, 3, 4)])
def test_paginate_covers_every_item_once(count: int, per_page: int, pages: int) -> None:
    result = paginate(list(range(count)), per_page, "tags/x")
    assert len(result) == pages
    assert [i for _, chunk, _ in result for i in chunk] == list(range(count))
    first, last = result[0][2], result[-1][2]
    assert first.previous is None and last.next is None
    if pages > 1:
        assert first.next == "tags/x/page/2/index.html" and last.previous == result[-2][0]


def test_home_and_term_pages_are_paginated() -> None:
    site = site_of(*(article(f"a{i}", i + 1, tags=("t",)) for i in range(5)), per_page=2)
    assert [p for p in paths(site) if p.endswith("index.html") and "page/" in p] == [
        "page/2/index.html", "page/3/index.html", "tags/t/page/2/index.html", "tags/t/page/3/index.html"]
    assert page_at(site, "page/3/index.html").articles == site.articles[4:]


def test_related_share_terms_and_are_deterministic() -> None:
    stories = [article("a", 1, tags=("x", "y")), article("b", 2, tags=("x", "y")), article("c", 3, tags=("x",)),
               article("d", 4, tags=("z",)), article("e", 5, entities={"places": ("Cairo",)})]
    site = site_of(*stories)
    related = page_at(site, "articles/a/index.html").extra["related"]
    assert [r.path for r in related] == ["b.md", "c.md"]
    assert page_at(site, "articles/d/index.html").extra["related"] == ()
    again = site_of(*reversed(stories))
    assert [r.path for r in page_at(again, "articles/a/index.html").extra["related"]] == ["b.md", "c.md"]


def test_related_is_capped() -> None:
    site = site_of(*(article(f"a{i}", i + 1, tags=("x",)) for i in range(12)))
    assert all(len(p.extra["related"]) == RELATED_COUNT for p in site.pages if p.article)


def test_older_and_newer_follow_dates() -> None:
    site = site_of(article("first", 1), article("second", 2), article("third", 3), article("nodate"))
    second = page_at(site, "articles/second/index.html").extra
    assert (second["older"].path, second["newer"].path) == ("first.md", "third.md")
    assert page_at(site, "articles/third/index.html").extra["newer"] is None
    assert page_at(site, "articles/nodate/index.html").extra["older"] is None


def test_corrections_are_collected_in_site_order() -> None:
    site = site_of(article("a", 1, corrections=("Fixed a name.",)), article("b", 2, corrections=("One.", "Two.")))
    assert [(c.article.path, c.text) for c in site.corrections] == [("b.md", "One."), ("b.md", "Two."),
                                                                    ("a.md", "Fixed a name.")]


def test_feeds_are_announced_only_with_base_url() -> None:
    stories = (article("a", 1, tags=("x",)), article("b", tags=("undated-only",)))
    assert all(p.feeds == () for p in site_of(*stories).pages)
    site = site_of(*stories, base_url="https://ex.org")
    assert page_at(site, "index.html").feeds == ("",)
    assert page_at(site, "tags/x/index.html").feeds == ("", "tags/x")
    assert page_at(site, "tags/undated-only/index.html").feeds == ("",)


def related_titles(site: Site) -> dict[str, list[str]]:
    return {p.path: [a.title for a in p.extra["related"]] for p in site.pages if p.article is not None}


def test_related_articles_are_reused_only_while_their_inputs_are_the_same(monkeypatch) -> None:
    stories = [article(f"s{n}", n, tags=("port", "ferry") if n % 2 else ("port",)) for n in range(1, 9)]
    memo: dict = {}
    first = build_site(stories, SiteConfig(), memo)
    monkeypatch.setattr(related, "window_scores", lambda places: pytest.fail("recomputed"))
    edited = [dataclasses.replace(stories[0], summary="An edit that moves the story between no terms.")]
    assert related_titles(build_site(edited + stories[1:], SiteConfig(), memo)) == related_titles(first)
    monkeypatch.undo()
    retagged = [dataclasses.replace(stories[1], tags=("ferry",))] + stories[:1] + stories[2:]
    assert related_titles(build_site(retagged, SiteConfig(), memo)) == related_titles(build_site(retagged,
                                                                                                 SiteConfig()))
    assert related_titles(build_site(retagged, SiteConfig())) != related_titles(first)
