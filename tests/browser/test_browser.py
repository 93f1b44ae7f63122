"""The built archive in headless Chromium, opened from disk: a reader's path through it, clean rendering at
phone and desktop width in light and dark, and no axe-core violations.

One browser, one build and one context per viewport and colour scheme serve the
whole module. Each visit records console errors, uncaught exceptions, failed
loads and any request that would leave the disk, so a page that needs the
network or breaks its own assets fails.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from browsing import (AXE_JS, SCHEMES, VIEWPORTS, Visit, axe_violations, file_url,
                      keep_on_disk, screenshot)
from helpers import BASE_URL, Built, build_fixture, launched_chromium, require

pytestmark = pytest.mark.browser

PAGES = ["home", "article", "tag", "archive"]
MONTH_PAGE = re.compile(r"/archive/\d{4}/\d{2}/index\.html$")


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_fixture(tmp_path_factory.mktemp("browser"), BASE_URL)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.fixture(scope="module")
def axe_source() -> str:
    require(AXE_JS.is_file(), f"axe-core is missing at {AXE_JS} (.ci/run installs it from npm)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def contexts(browser: Any) -> Iterator[dict[tuple[str, str], Any]]:
    """One browser context per viewport and colour scheme, shared by every test that asks for it."""
    opened = {(viewport, scheme): browser.new_context(viewport=size, color_scheme=scheme,
                                                      is_mobile=viewport == "phone", has_touch=viewport == "phone")
              for viewport, size in VIEWPORTS.items() for scheme in SCHEMES}
    yield opened
    for context in opened.values():
        context.close()


@pytest.fixture
def visit(contexts: dict[tuple[str, str], Any]) -> Iterator[Any]:
    """Open tabs at a viewport and colour scheme; the tabs are closed after the test."""
    tabs: list[Visit] = []

    def open_tab(viewport: str = "desktop", scheme: str = "light") -> Visit:
        tab = Visit(contexts[viewport, scheme].new_page())
        tabs.append(tab)
        tab.page.route("**/*", lambda route: keep_on_disk(route, tab.problems))
        tab.page.on("console", lambda msg: msg.type == "error" and tab.problems.append(f"console: {msg.text}"))
        tab.page.on("pageerror", lambda exc: tab.problems.append(f"exception: {exc}"))
        tab.page.on("requestfailed", lambda req: tab.problems.append(f"failed: {req.url} {req.failure}"))
        return tab

    yield open_tab
    for tab in tabs:
        tab.page.close()


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
