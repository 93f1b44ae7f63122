"""The search index written after the build, the search page, and the header search form on every page."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from helpers import html_pages, resolve, soup_of
from searching import ARTICLES, build_searchable, write_site

from newsgen import search
from newsgen.build import build
from newsgen.config import load_config
from newsgen.search import index_site
from newsgen.site.urls import slugify

pytest.importorskip("pagefind.index", reason="pagefind is not installed: pip install -e '.[search]'")


@pytest.fixture(scope="module")
def indexed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output, warnings = build_searchable(tmp_path_factory.mktemp("indexed"))
    assert warnings == []
    return output


def part_pages(indexed: Path, name: str) -> list[str]:
    """The article URLs one part of the index holds, read from its fragments."""
    urls = []
    for fragment in sorted((indexed / "pagefind" / name / "fragment").iterdir()):
        data = gzip.decompress(fragment.read_bytes())
        urls.append(json.loads(data[data.index(b"{"):])["url"])
    return urls


def part_names(indexed: Path) -> list[str]:
    return [part["name"] for part in json.loads((indexed / "pagefind" / "parts.json").read_text("utf-8"))["parts"]]


def test_index_holds_only_article_pages_in_parts_newest_first(indexed: Path) -> None:
    names = part_names(indexed)
    assert names == ["part-1", "part-2", "part-3"]
    held = [part_pages(indexed, name) for name in names]
    assert [len(urls) for urls in held] == [2, 2, 1]
    by_date = sorted(ARTICLES.values(), key=lambda fields: fields[2], reverse=True)
    newest = {f"/articles/{slugify(fields[3])}/index.html" for fields in by_date[:2]}
    assert set(held[0]) == newest
    assert (indexed / "pagefind" / "part-1" / "pagefind.js").is_file()


def test_one_part_when_the_archive_is_small(tmp_path: Path) -> None:
    output, warnings = build_searchable(tmp_path, part_size=search.PART_SIZE)
    assert warnings == []
    assert part_names(output) == ["part-1"]
    assert not list(output.parent.glob(".search-part-*")), "temporary part folders are removed"


def test_every_page_but_search_has_a_header_form_that_lands_on_the_search_page(indexed: Path) -> None:
    pages = [p for p in html_pages(indexed) if not p.startswith("pagefind/")]
    for page in pages:
        form = soup_of(indexed, page).select_one("header form[role=search]")
        if page == "search/index.html":
            assert form is None, "the search page has its own form"
            continue
        assert form is not None, page
        assert resolve(page, form["action"]) == "search/index.html"
        field = form.find("input", attrs={"name": "q"})
        assert form.find("label", attrs={"for": field["id"]}) is not None


def test_search_page_says_search_needs_javascript(indexed: Path) -> None:
    fallback = soup_of(indexed, "search/index.html").select_one("#search-fallback")
    assert "needs JavaScript" in fallback.get_text()
    assert resolve("search/index.html", fallback.find("a")["href"]) == "archive/index.html"


def test_article_page_marks_what_pagefind_reads(indexed: Path) -> None:
    soup = soup_of(indexed, "articles/ferry-timetable-changes-for-the-spring/index.html")
    body = soup.select_one("[data-pagefind-body]")
    assert body.find("h1")["data-pagefind-meta"] == "title"
    assert {e["data-pagefind-filter"].split(":")[0] for e in soup.select("[data-pagefind-filter]")} == \
        {"language", "year", "source", "tag"}
    assert soup.select_one("[data-pagefind-sort]")["data-pagefind-sort"].startswith("date:")
    assert soup.select_one(".provenance").has_attr("data-pagefind-ignore")


def unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pagefind.index", None)


def broken_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")


def incomplete_index(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "indexed_pages", lambda written: -1)


@pytest.mark.parametrize("breakage", [unavailable, broken_binary, incomplete_index],
                         ids=["not-installed", "binary-missing", "incomplete-index"])
def test_build_goes_on_with_one_warning_without_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        breakage) -> None:
    breakage(monkeypatch)
    site = write_site(tmp_path)
    report = build(site)
    warnings = index_site(report.output, load_config(site))
    assert not report.failed
    assert len(warnings) == 1 and warnings[0].startswith("search index not built: ")
    assert not (report.output / "pagefind").exists()
    page = BeautifulSoup((report.output / "search" / "index.html").read_bytes(), "lxml")
    assert "Search is unavailable" in page.select_one("#search-unavailable").get_text()
