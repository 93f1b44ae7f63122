"""The search index: Pagefind run over the rendered site, so search needs no server.

The index is written into the folder being built (before it is published), so
the site and its index go live together. Only article pages are read: listing
pages repeat their articles' headlines and would only add noise and memory.

Pagefind keeps every page it indexes in memory until it writes (about 340 KB a
page, measured at 10,000 articles: 3.5 GB in one index), so the articles are
indexed in parts of at most PART_SIZE pages, one Pagefind process after another,
each written to `pagefind/part-N/`; `pagefind/parts.json` lists them for the
search page, which asks every part and merges the answers. Parts hold date
ranges, newest first, so results sorted by date are the parts' lists joined.

Pagefind is optional; without it, or when it fails, the build goes on with one
warning and the search page tells readers search is unavailable.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .config import SiteConfig

INDEX_FOLDER = "pagefind"
MANIFEST = "parts.json"
# Only article pages carry data-pagefind-body; listing pages are never read at all.
ARTICLE_GLOB = "articles/*/index.html"
# Pages per Pagefind process: at ~340 KB a page this keeps the indexer near 1 GB at any archive size.
PART_SIZE = 3000
# The sort key article.html gives Pagefind: the publication time in seconds.
SORT_KEY = re.compile(rb'data-pagefind-sort="date:(-?\d+)"')
# Tries per part: an index once came out with an empty entry file under heavy load; writing again fixed it.
ATTEMPTS = 2
INSTALL_HINT = "install it with: pip install 'pagefind[bin]'"


def index_site(folder: Path, config: SiteConfig) -> list[str]:
    """Index the article pages under `folder` into `folder/pagefind/`; warnings, empty on success."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:
        return [f"search index not built: Pagefind is not installed; {INSTALL_HINT}"]
    output = folder / INDEX_FOLDER
    shutil.rmtree(output, ignore_errors=True)
    try:
        names = []
        for number, part in enumerate(parts(newest_first(folder), PART_SIZE), 1):
            name = f"part-{number}"
            settings = IndexConfig(force_language=config.language, keep_index_url=True, output_path=str(output / name))
            with linked_tree(folder, part) as tree:
                index_part(PagefindIndex, settings, tree, len(part))
            names.append(name)
        output.mkdir(exist_ok=True)
        (output / MANIFEST).write_text(json.dumps({"parts": names}), encoding="utf-8")
    except Exception as exc:  # noqa: BLE001 - any failure of the optional indexer becomes one warning
        shutil.rmtree(output, ignore_errors=True)
        return [f"search index not built: {failure_reason(exc)}"]
    return []


def newest_first(folder: Path) -> list[str]:
    """The article pages, newest first and undated last, as paths relative to `folder`."""
    dated = [(published(page), page.relative_to(folder).as_posix()) for page in folder.glob(ARTICLE_GLOB)]
    return [rel for _, rel in sorted(dated, key=lambda item: (item[0] is None, -(item[0] or 0), item[1]))]


def published(page: Path) -> int | None:
    found = SORT_KEY.search(page.read_bytes())
    return int(found.group(1)) if found else None


def parts(pages: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(pages), size):
        yield pages[start:start + size]


@contextmanager
def linked_tree(folder: Path, pages: list[str]) -> Iterator[Path]:
    """A temporary folder beside `folder` holding just `pages` (hard links, so no bytes are copied)."""
    tree = Path(tempfile.mkdtemp(prefix=".search-part-", dir=folder.parent))
    try:
        for rel in pages:
            target = tree / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(folder / rel, target)
            except OSError:
                shutil.copyfile(folder / rel, target)
        yield tree
    finally:
        shutil.rmtree(tree, ignore_errors=True)


def index_part(index_class: Any, settings: Any, tree: Path, pages: int) -> None:
    """Write one part, checking that its entry file counts every page; raises when it never does."""
    written = Path(settings["output_path"])
    for _ in range(ATTEMPTS):
        run_to_end(lambda: write_index(index_class, settings, tree))
        if indexed_pages(written) == pages:
            return
    raise RuntimeError(f"Pagefind wrote an incomplete index in {written.name} "
                       f"({indexed_pages(written)} of {pages} pages)")


def indexed_pages(written: Path) -> int:
    """The pages a written index says it holds; -1 when its entry file is missing or unreadable."""
    try:
        entry = json.loads((written / "pagefind-entry.json").read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError):
        return -1


def run_to_end(coroutine: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run Pagefind's async API to completion, also when the caller's thread already runs an event loop
    (a program embedding newsgen, or Playwright's sync API in tests): then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        asyncio.run(coroutine())
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(coroutine())).result()


async def write_index(index_class: Any, settings: Any, tree: Path) -> None:
    """Index every article page under `tree` and write the index (on leaving the context)."""
    async with index_class(config=settings) as index:
        await index.add_directory(str(tree.absolute()), glob=ARTICLE_GLOB)


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"the Pagefind binary was not found; {INSTALL_HINT}"
    return str(exc) or type(exc).__name__
