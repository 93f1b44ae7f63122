"""The built archive in headless Chromium, opened from disk: a reader's path through it, clean rendering at
phone and desktop width in light and dark, and no axe-core violations."""

from __future__ import annotations

import re
from typing import Any

import pytest
from browsing import SCHEMES, VIEWPORTS, Visit, axe_violations, file_url, screenshot
from helpers import Built

pytestmark = pytest.mark.browser

PAGES = ["home", "article", "tag", "archive"]
MONTH_PAGE = re.compile(r"/archive/\d{4}/\d{2}/index\.html$")


def page_path(built: Built, name: str) -> str:
    """The built page each name stands for; the article is the one with tags and a correction."""
    article = next(o.url for o in built.report.outcomes if o.path == "bridge-inspection.md")
    return {"home": "index.html", "article": article, "tag": "tags/transport/index.html",
            "archive": "archive/2024/04/index.html"}[name]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", PAGES)
def test_page_renders_cleanly(built_site: Built, visit: Any, name: str, viewport: str, scheme: str) -> None:
    tab = visit(viewport, scheme)
    tab.page.goto(file_url(built_site, page_path(built_site, name)))
    screenshot(tab, f"{name}-{viewport}-{scheme}")
    assert tab.problems == []
    assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"


# Colours change with the scheme, so axe runs in both; the phone layout is covered by the checks above.
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(built_site: Built, visit: Any, axe_source: str, name: str, scheme: str) -> None:
    tab = visit("desktop", scheme)
    tab.page.goto(file_url(built_site, page_path(built_site, name)))
    assert axe_violations(tab, axe_source) == []


@pytest.mark.parametrize("name", ["home", "article"])
def test_page_reads_without_javascript(built_site: Built, browser: Any, name: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(file_url(built_site, page_path(built_site, name)))
    assert page.locator("main h1").is_visible()
    assert page.locator("main").inner_text().count("\n") > 2
    context.close()


def test_reader_follows_article_tag_month_archive_and_back(built_site: Built, visit: Any) -> None:
    tab = visit()
    tab.page.goto(file_url(built_site, "index.html"))
    article = next(o.url for o in built_site.report.outcomes if o.path == "bridge-inspection.md")
    visited = [tab.page.url]
    follow(tab, f'main a[href*="articles/{article.split("/")[1]}/"]', re.compile(re.escape(article) + "$"))
    visited.append(tab.page.url)
    follow(tab, 'main a[href*="tags/"]', re.compile(r"/tags/[^/]+/index\.html$"))
    visited.append(tab.page.url)
    if not month_links(tab):
        follow(tab, 'a[href$="archive/index.html"]', re.compile(r"/archive/index\.html$"))
        visited.append(tab.page.url)
    follow(tab, f'a[href="{month_links(tab)[0]}"]', MONTH_PAGE)
    for previous in reversed(visited):
        tab.page.go_back()
        assert tab.page.url == previous
    assert tab.problems == []


def follow(tab: Visit, selector: str, lands_on: re.Pattern[str]) -> None:
    """Click the first link matching `selector` and wait for the page it leads to."""
    tab.page.locator(selector).first.click()
    tab.page.wait_for_url(lands_on)
    tab.page.wait_for_load_state()


def month_links(tab: Visit) -> list[str]:
    """The raw hrefs of links on the page that lead to a month archive."""
    hrefs = tab.page.eval_on_selector_all("a[href]", "els => els.map(e => [e.getAttribute('href'), e.href])")
    return [raw for raw, absolute in hrefs if MONTH_PAGE.search(absolute)]
