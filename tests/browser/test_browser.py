"""The built archive in headless Chromium, opened from disk: it renders cleanly, fits a phone and passes axe-core."""

from __future__ import annotations

from typing import Any

import pytest
from browsing import SCHEMES, VIEWPORTS, axe_violations, file_url, screenshot
from helpers import Built

pytestmark = pytest.mark.browser


def page_path(built: Built, name: str) -> str:
    """The built page each name stands for; the article is the one with tags and a correction."""
    article = next(o.url for o in built.report.outcomes if o.path == "bridge-inspection.md")
    return {"home": "index.html", "article": article}[name]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("name", ["home", "article"])
def test_page_renders_cleanly(built_site: Built, visit: Any, name: str, viewport: str, scheme: str) -> None:
    tab = visit(viewport, scheme)
    tab.page.goto(file_url(built_site, page_path(built_site, name)))
    screenshot(tab, f"{name}-{viewport}-{scheme}")
    assert tab.problems == []
    assert tab.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "scrolls sideways"


# Colours change with the scheme, so axe runs in both; the phone layout is covered by the checks above.
@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("name", ["home", "article"])
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
