"""A small archive with words found in exactly one article each, and a local web server for it.

Pagefind's script fetches its index and WebAssembly, which browsers refuse from
file:// URLs, so the browser tests serve the built site over HTTP on 127.0.0.1.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsgen.build import build
from newsgen.config import load_config
from newsgen import search

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
