"""A small archive with words found in exactly one article each, and a local web server for it.

Pagefind's script fetches its index and WebAssembly, which browsers refuse from
file:// URLs, so the browser tests serve the built site over HTTP on 127.0.0.1.
"""

from __future__ import annotations

import functools
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen import search, searchplan

CONFIG = "title: Search Test Archive\nlanguage: en\nper_page: 20\n"

# name: (source, tags, date, title, body). Each body has one word no other article uses.
ARTICLES = {
    "ferry": ("Harbour Herald", "transport", "2024-03-04", "Ferry timetable changes for the spring",
              "The island ferry will sail twice an hour from April. Crews said the quayside "
              "capstan needs repair before the busiest weeks."),
    "library": ("Valley Courier", "culture", "2023-11-20", "Library opens a reading room for children",
                "The central library has opened a bright reading room. Volunteers painted a "
                "marmalade coloured mural across one wall."),
    "budget": ("Harbour Herald", "politics", "2023-06-12", "Council agrees the harbour budget",
               "Councillors agreed the harbour budget after a long debate about dredging and the "
               "cost of new lighting on the pier."),
    "market": ("Valley Courier", "transport", "2024-01-08", "Market traders return to the square",
               "Traders returned to the square after the works. The harbour fishmonger sold out of "
               "smoked kippers before noon."),
    "storm": ("Coast Weekly", "weather", "2022-12-02", "Storm brings down trees along the coast road",
              "Gales brought down trees along the coast road overnight and the harbour wall was "
              "closed while engineers checked the zephyrine gauge."),
}


def article_text(source: str, tags: str, date: str, title: str, body: str) -> str:
    return f"---\ntitle: {title}\ndate: {date}\nsource: {source}\ntags: [{tags}]\n---\n{body}\n"


def write_site(folder: Path) -> Path:
    """The test archive's site folder (articles and config), written under `folder`."""
    site = folder / "site"
    (site / "articles").mkdir(parents=True)
    (site / "newsgen.yaml").write_text(CONFIG, encoding="utf-8")
    for name, fields in ARTICLES.items():
        (site / "articles" / f"{name}.md").write_text(article_text(*fields), encoding="utf-8")
    return site


WAIT_MS = 15_000

# Index parts this small spread the five articles over three parts, so merging them is tested too.
SMALL_PARTS = 2


def build_searchable(folder: Path, part_size: int = SMALL_PARTS) -> tuple[Path, list[str]]:
    """Build the test archive and index it in parts; the output folder and the indexer's warnings."""
    site = write_site(folder)
    report = build(site)
    assert not report.failed, report.outcomes
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PART_SIZE", part_size)
        return report.output, search.index_site(report.output, load_config(site))


def article_file(site: Path, name: str) -> Path:
    return site / "articles" / f"{name}.md"


def edit_article(site: Path, name: str, **changes: str) -> None:
    """Write article `name` again with some of its fields (source, tags, date, title, body) changed."""
    fields = dict(zip(("source", "tags", "date", "title", "body"), ARTICLES[name]))
    article_file(site, name).write_text(article_text(**{**fields, **changes}), encoding="utf-8")


def changed_pages(old: Path, new: Path) -> list[str]:
    """The article pages of `new` that are not byte-identical in `old`: what a build rendered again."""
    return [rel for rel in search.article_pages(new)
            if not (old / rel).is_file() or (old / rel).read_bytes() != (new / rel).read_bytes()]


def rebuild_and_update(site: Path, output: Path, snapshots: Path) -> list[str]:
    """Build the site again and update its index from the previous build's (kept as a copy under
    `snapshots`); the indexer's warnings."""
    old = shutil.copytree(output, snapshots / f"build-{len(list(snapshots.glob('build-*')))}")
    assert not build(site).failed
    return search.update_index(output, old / search.INDEX_FOLDER, changed_pages(old, output), load_config(site))


@contextmanager
def small_parts(part_size: int, dead_share: float) -> Iterator[None]:
    """Index parts small enough to spread the five test articles, tolerating this share of dead pages."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PART_SIZE", part_size)
        patch.setattr(searchplan, "DEAD_SHARE", dead_share)
        yield


class Tab:
    """A browser tab that refuses and records requests to anything but the local server."""

    def __init__(self, browser: Any, host: str) -> None:
        self.page = browser.new_page()
        self.problems: list[str] = []
        self.page.route("**/*", self.only_local(host))
        self.page.on("pageerror", lambda exc: self.problems.append(f"exception: {exc}"))
        self.page.on("console", lambda msg: msg.type == "error" and self.problems.append(f"console: {msg.text}"))

    def only_local(self, host: str) -> Any:
        def route(route: Any) -> None:
            if route.request.url.startswith(host):
                route.continue_()
            else:
                self.problems.append(f"request left the site: {route.request.url}")
                route.abort()
        return route

    def search(self, url: str) -> list[str]:
        """Open a search page URL and return the headlines listed, best first."""
        self.page.goto(url)
        return self.results()

    def results(self) -> list[str]:
        self.page.wait_for_selector("#search-status:not([hidden])", timeout=WAIT_MS)
        return self.page.locator("#search-results .item-title").all_inner_texts()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free port of 127.0.0.1 in a thread; yields the server's base URL."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def title_of(name: str) -> str:
    return ARTICLES[name][3]


def opened_tab(browser: Any) -> Iterator[Tab]:
    """A fresh tab; the test fails if the page logged an error or a request failed."""
    opened = Tab(browser, "http://127.0.0.1:")
    yield opened
    opened.page.close()
    assert opened.problems == []
