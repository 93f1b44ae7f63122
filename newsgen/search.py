"""The search index: Pagefind run over the rendered site, so search needs no server.

The index is written into the folder being built (before it is published), so
the site and its index go live together. Only article pages are read: the
listing pages repeat their articles' headlines and would only add noise and
memory. Pagefind is optional; without it, or when it fails, the build goes on
with one warning and the search page tells readers search is unavailable.
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

from .config import SiteConfig

INDEX_FOLDER = "pagefind"
# Only article pages carry data-pagefind-body; listing pages are never read at all.
ARTICLE_GLOB = "articles/*/index.html"
INSTALL_HINT = "install it with: pip install 'newsgen[search]'"


def index_site(folder: Path, config: SiteConfig) -> list[str]:
    """Index the article pages under `folder` into `folder/pagefind/`; warnings, empty on success."""
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:
        return [f"search index not built: Pagefind is not installed; {INSTALL_HINT}"]
    output = folder / INDEX_FOLDER
    shutil.rmtree(output, ignore_errors=True)
    settings = IndexConfig(force_language=config.language, keep_index_url=True, output_path=str(output))
    try:
        asyncio.run(write_index(PagefindIndex, settings, folder))
    except Exception as exc:  # noqa: BLE001 - any failure of the optional indexer becomes one warning
        shutil.rmtree(output, ignore_errors=True)
        return [f"search index not built: {failure_reason(exc)}"]
    return []


async def write_index(index_class: Any, settings: Any, folder: Path) -> None:
    """Index the article pages and write the index (on leaving the context)."""
    async with index_class(config=settings) as index:
        await index.add_directory(str(folder.absolute()), glob=ARTICLE_GLOB)


def failure_reason(exc: BaseException) -> str:
    if isinstance(exc, FileNotFoundError):
        return f"the Pagefind binary was not found; {INSTALL_HINT}"
    return str(exc) or type(exc).__name__
