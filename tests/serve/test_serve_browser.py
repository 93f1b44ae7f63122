"""In a real browser: an open page follows edits by itself, and shows build errors over the page."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from helpers import launched_chromium
from serving import STORY, Served, fresh  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser

# The promise: the new text is on screen this soon after the file is saved.
RELOAD_MS = 2000


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def open_article(tab: Any, served: Served) -> None:
    """Open the page; an edit made before its event stream connects still reloads it (by generation)."""
    tab.goto(f"http://127.0.0.1:{served.port}{served.article_url()}")


def test_open_page_shows_an_edit_without_any_action(tab: Any, fresh: Served) -> None:
    open_article(tab, fresh)
    assert "Harbour reopens" in tab.inner_text("body")
    (fresh.site / "articles" / "harbour.txt").write_text(STORY.replace("sea wall", "storm-battered pier"),
                                                         encoding="utf-8")
    tab.wait_for_function("() => document.body.innerText.includes('storm-battered pier')", timeout=RELOAD_MS)


def test_template_error_overlays_the_page_as_text_and_fix_removes_it(tab: Any, fresh: Served) -> None:
    open_article(tab, fresh)
    templates = fresh.site / "templates"
    templates.mkdir()
    (templates / "article.html").write_text('{% extends "default/article.html" %}{% if %}', encoding="utf-8")
    overlay = tab.wait_for_selector("#newsgen-overlay", timeout=RELOAD_MS * 2)
    assert "article.html" in overlay.inner_text() and "Build failed" in overlay.inner_text()
    (templates / "article.html").write_text('{% extends "default/article.html" %}', encoding="utf-8")
    tab.wait_for_selector("#newsgen-overlay", state="detached", timeout=RELOAD_MS * 2)
    assert "Harbour reopens" in tab.inner_text("body")


def test_failed_article_named_like_markup_is_shown_as_text(tab: Any, fresh: Served) -> None:
    name = '<img src=x onerror="window.pwned=1">.txt'
    open_article(tab, fresh)
    (fresh.site / "articles" / name).write_text("", encoding="utf-8")
    overlay = tab.wait_for_selector("#newsgen-overlay", timeout=RELOAD_MS * 2)
    assert name in overlay.inner_text()
    assert tab.query_selector("#newsgen-overlay img") is None
    assert tab.evaluate("() => window.pwned") is None
