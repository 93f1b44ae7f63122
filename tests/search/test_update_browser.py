"""Searching an index updated in place, in headless Chromium: replaced and removed pages are never found,
and a small part of edited articles merges into date order with the older parts it overlaps."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from searching import (Tab, article_file, build_searchable, edit_article, opened_tab, rebuild_and_update, served,
                       small_parts, title_of)

pytestmark = pytest.mark.browser
pytest.importorskip("pagefind.index", reason="pagefind is not installed: pip install -e '.[search]'")

# The ferry story, edited: its old word is gone, a new one and "harbour" come in, and its new date
# falls inside the range of the part holding the library and budget stories.
EDITED_BODY = "The harbour ferry will sail twice an hour from April, tied up at the new bollard."
EDITED_DATE = "2023-08-01"


@pytest.fixture(scope="module")
def updated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The archive indexed in parts of two, then updated after one edit and one removal; its base URL."""
    folder = tmp_path_factory.mktemp("updated")
    with small_parts(2, 0.5):
        output, warnings = build_searchable(folder)
        assert warnings == []
        site = folder / "site"
        edit_article(site, "ferry", body=EDITED_BODY, date=EDITED_DATE)
        article_file(site, "storm").unlink()
        assert rebuild_and_update(site, output, folder) == []
    with served(output) as root:
        yield root


@pytest.fixture
def tab(browser: Any, updated: str) -> Iterator[Tab]:
    yield from opened_tab(browser)


def status(tab: Tab) -> str:
    return tab.page.locator("#search-status").inner_text()


def test_the_edited_text_is_found(tab: Tab, updated: str) -> None:
    assert tab.search(f"{updated}search/index.html?q=bollard") == [title_of("ferry")]
    assert status(tab).startswith("1 article found")


@pytest.mark.parametrize("word", ["capstan", "zephyrine"], ids=["replaced-text", "removed-article"])
def test_replaced_and_removed_text_is_not_found(tab: Tab, updated: str, word: str) -> None:
    assert tab.search(f"{updated}search/index.html?q={word}") == []
    assert status(tab).startswith("No articles found")


@pytest.mark.parametrize("order", ["desc", "asc"])
def test_date_order_merges_the_new_part_into_the_part_it_overlaps(tab: Tab, updated: str, order: str) -> None:
    found = tab.search(f"{updated}search/index.html?q=harbour&sort={order}")
    newest_first = [title_of("market"), title_of("ferry"), title_of("budget")]
    assert found == (newest_first if order == "desc" else newest_first[::-1])
    assert status(tab).startswith("3 articles found")


def test_relevance_lists_each_live_article_once(tab: Tab, updated: str) -> None:
    found = tab.search(f"{updated}search/index.html?q=harbour")
    assert sorted(found) == sorted(title_of(name) for name in ("market", "ferry", "budget"))


def test_filter_counts_leave_out_dead_pages(tab: Tab, updated: str) -> None:
    tab.search(f"{updated}search/index.html?q=harbour")
    sources = tab.page.get_by_role("group", name="Source")
    assert sources.get_by_label("Harbour Herald").locator("xpath=..").inner_text().endswith("(2)")
    assert sources.get_by_text("Coast Weekly").count() == 0
