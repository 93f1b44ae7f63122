"""Headless Chromium over the built fixture archive, opened from disk like a reader's download.

One browser and one build serve every browser test. Each visit records console
errors, uncaught exceptions, failed loads and any request that would leave the
disk, so a page that needs the network or breaks its own assets fails the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browsing import AXE_JS, CHROMIUM, CHROMIUM_ARGS, SCHEMES, VIEWPORTS, Visit, keep_on_disk
from helpers import BASE_URL, Built, build_fixture, require


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_fixture(tmp_path_factory.mktemp("browser"), BASE_URL)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    require(AXE_JS.is_file(), f"axe-core is missing at {AXE_JS} (.ci/run installs it from npm)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
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
