"""Searching the archive in headless Chromium, served over HTTP (Pagefind cannot run from file://).

Each test records every request; anything not aimed at the local server fails
the test, so search never reaches another site.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from helpers import REPO
from searching import ARTICLES, WAIT_MS, Tab, build_searchable, opened_tab, served, title_of

pytestmark = pytest.mark.browser
pytest.importorskip("pagefind.index", reason="pagefind is not installed: pip install -e '.[search]'")

SUB_PATH = "archive"
NO_INDEX = "no-index"
AXE_JS = Path(os.environ.get("AXE_CORE_JS", REPO / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The indexed archive served at a server's root and under /archive/ of another, and a copy
    without its index under /no-index/: each one's base URL by name."""
    folder = tmp_path_factory.mktemp("search")
    output, warnings = build_searchable(folder)
    assert warnings == []
    shutil.copytree(output, folder / "www" / SUB_PATH)
    shutil.copytree(output, folder / "www" / NO_INDEX, ignore=shutil.ignore_patterns("pagefind"))
    with served(output) as root, served(folder / "www") as other:
        yield {"root": root, "sub-path": f"{other}{SUB_PATH}/", NO_INDEX: f"{other}{NO_INDEX}/"}


@pytest.fixture
def tab(browser: Any, sites: dict[str, str]) -> Iterator[Tab]:
    yield from opened_tab(browser)


@pytest.mark.parametrize("where", ["root", "sub-path"])
@pytest.mark.parametrize("word, name", [("capstan", "ferry"), ("marmalade", "library"), ("kippers", "market"),
                                        ("zephyrine", "storm")])
def test_a_word_in_one_article_lists_that_article_first(tab: Tab, sites: dict[str, str], where: str, word: str,
                                                         name: str) -> None:
    found = tab.search(f"{sites[where]}search/index.html?q={word}")
    assert found and found[0] == title_of(name)
    result = tab.page.locator("#search-results li").first
    assert result.locator("mark").first.inner_text().lower() == word
    assert ARTICLES[name][0] in result.locator(".meta").inner_text()


def test_result_links_open_the_article_under_a_sub_path(tab: Tab, sites: dict[str, str]) -> None:
    tab.search(f"{sites['sub-path']}search/index.html?q=capstan")
    tab.page.locator("#search-results .item-title a").first.click()
    tab.page.wait_for_load_state()
    assert tab.page.url.startswith(f"{sites['sub-path']}articles/")
    assert tab.page.locator("h1").inner_text() == title_of("ferry")


@pytest.mark.parametrize("where", ["root", "sub-path"])
def test_header_form_on_an_article_lands_on_search_results(tab: Tab, sites: dict[str, str], where: str) -> None:
    tab.page.goto(f"{sites[where]}index.html")
    tab.page.get_by_label("Search the archive").fill("marmalade")
    tab.page.get_by_role("button", name="Search").click()
    assert tab.results()[0] == title_of("library")
    assert tab.page.url.startswith(f"{sites[where]}search/index.html?q=marmalade")


def test_a_source_filter_narrows_the_results(tab: Tab, sites: dict[str, str]) -> None:
    everywhere = tab.search(f"{sites['root']}search/index.html?q=harbour")
    tab.page.get_by_role("group", name="Source").get_by_label("Valley Courier").check()
    tab.page.wait_for_function("document.querySelector('#search-status').textContent.startsWith('1 ')",
                               timeout=WAIT_MS)
    narrowed = tab.results()
    assert len(everywhere) > len(narrowed) == 1
    assert narrowed == [title_of("market")]
    assert "source=Valley+Courier" in tab.page.url


def test_a_filter_given_in_the_address_is_applied(tab: Tab, sites: dict[str, str]) -> None:
    found = tab.search(f"{sites['root']}search/index.html?q=harbour&source={quote('Coast Weekly')}")
    assert found == [title_of("storm")]


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_date_order_holds_across_index_parts(tab: Tab, sites: dict[str, str], order: str) -> None:
    found = tab.search(f"{sites['root']}search/index.html?q=harbour&sort={order}")
    dated = sorted((ARTICLES[n][2], title_of(n)) for n in ARTICLES if title_of(n) in found)
    assert len(found) > 2
    assert found == [title for _, title in (reversed(dated) if order == "desc" else dated)]


def test_search_page_with_results_has_no_axe_violations(tab: Tab, sites: dict[str, str]) -> None:
    if not AXE_JS.is_file():
        pytest.skip(f"axe-core is missing at {AXE_JS}")
    tab.search(f"{sites['root']}search/index.html?q=harbour")
    tab.page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    result = tab.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert [f"{v['id']}: {v['help']} at {v['nodes'][0]['target']}" for v in result["violations"]] == []


def test_without_an_index_the_page_says_search_is_unavailable(tab: Tab, sites: dict[str, str]) -> None:
    tab.page.goto(f"{sites[NO_INDEX]}search/index.html?q=capstan")
    tab.page.wait_for_selector("body[data-search=unavailable]", timeout=WAIT_MS)
    assert tab.page.locator("#search-unavailable").is_visible()
    assert "Search is unavailable" in tab.page.locator("#search-unavailable").inner_text()
    assert not tab.page.locator("#search-form").is_visible()
    assert not tab.page.locator("#search-fallback").is_visible()
    tab.problems.remove("console: Failed to load resource: the server responded with a status of 404 (File not found)")
