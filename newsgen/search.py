"""The search index: Pagefind run over the rendered site, so search needs no server.

The index is written into the folder being built (before it is published), so
the site and its index go live together. Only article pages are read: listing
pages repeat their articles' headlines and would only add noise and memory.

Pagefind keeps every page it indexes in memory until it writes (about 340 KB a
page, measured at 10,000 articles: 3.5 GB in one index), so the articles are
indexed in parts of at most PART_SIZE pages, one Pagefind process after another,
each written to `pagefind/part-N/`. A part is never changed once written: a
build that changed a few articles indexes just those into one new small part,
carries the old parts over (hard links) and lists in `pagefind/parts.json`
which pages of older parts are now dead, for the search page to drop (the plan,
and when parts are merged again, is in searchplan.py). `pagefind/pages.json` is
the build's own record of what each part holds.

Pagefind is optional; without it, or when it fails, the build goes on with one
warning and the search page tells readers search is unavailable.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Collection, Coroutine, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from .config import SiteConfig
from .searchplan import (IndexedPage, Part, Plan, browser_entry, part_from_json, part_to_json, plan_update,
                         searchable_digest, with_dead_filters)

INDEX_FOLDER = "pagefind"
# The search page's list of parts and their dead pages.
MANIFEST = "parts.json"
# The build's record of every part's pages and digests, read by the next build.
RECORD = "pages.json"
RECORD_VERSION = 1
# Per part, each page id's publication time, fetched by the search page to merge parts by date.
DATES = "dates.json"
# Only article pages carry data-pagefind-body; listing pages are never read at all.
ARTICLE_DIR, ARTICLE_FILE = "articles", "index.html"
ARTICLE_GLOB = f"{ARTICLE_DIR}/*/{ARTICLE_FILE}"
# Pages per Pagefind process: at ~340 KB a page this keeps the indexer near 1 GB at any archive size.
PART_SIZE = 3000
# The sort key article.html gives Pagefind: the publication time in seconds.
SORT_KEY = re.compile(rb'data-pagefind-sort="date:(-?\d+)"')
# Pagefind's entry file in each part: what the browser reads first, and the page count we check.
ENTRY = "pagefind-entry.json"
# Tries per part: an index once came out with an empty entry file under heavy load; writing again fixed it.
ATTEMPTS = 2
INSTALL_HINT = "install it with: pip install 'pagefind[bin]'"
PART_NAME = re.compile(r"part-(\d+)")


def index_site(folder: Path, config: SiteConfig) -> list[str]:
    """Index every article page under `folder` into `folder/pagefind/`; warnings, empty on success."""
    return update_index(folder, None, None, config)


def update_index(folder: Path, old_index: Path | None, rendered: Collection[str] | None,
                 config: SiteConfig) -> list[str]:
    """Write `folder/pagefind/`, indexing only what changed since `old_index`; warnings, empty on success.

    `folder` holds every article page; `old_index` is the published index (None
    for a cold build); `rendered` the pages (relative to `folder`) rendered again
    since it was written, every other page being byte-identical (None: index all).
    """
    try:
        from pagefind.index import IndexConfig, PagefindIndex
    except ImportError:
        return [f"search index not built: Pagefind is not installed; {INSTALL_HINT}"]
    output = folder / INDEX_FOLDER
    try:
        old = [] if rendered is None or old_index is None else recorded_parts(old_index, config)
        plan = plan_update(old, article_pages(folder), set(rendered or ()), lambda rel: read_page(folder / rel),
                           PART_SIZE)
        output.mkdir(parents=True, exist_ok=True)
        held = held_parts(output, old_index, {part.name for part in plan.kept})
        kept = [carried(old_index, output, part, plan, part.name in held) for part in plan.kept if old_index]
        written = []
        for name, group in zip(new_names(old), plan.groups):
            settings = IndexConfig(force_language=config.language, keep_index_url=True, output_path=str(output / name))
            with linked_tree(folder, list(group)) as tree:
                index_part(PagefindIndex, settings, tree, len(group))
            written.append(recorded(output / name, group, plan))
        write_manifests(output, [*kept, *written], config)
    except Exception as exc:  # noqa: BLE001 - any failure of the optional indexer becomes one warning
        shutil.rmtree(output, ignore_errors=True)
        return [f"search index not built: {failure_reason(exc)}"]
    return []


def article_pages(folder: Path) -> list[str]:
    """The article pages (ARTICLE_GLOB) relative to `folder`; plain strings, as pathlib costs ~0.5 s a
    glob of 10,000 pages."""
    try:
        entries = list(os.scandir(folder / ARTICLE_DIR))
    except FileNotFoundError:
        return []
    base = f"{folder}/"
    pages = (f"{ARTICLE_DIR}/{entry.name}/{ARTICLE_FILE}" for entry in entries if entry.is_dir())
    return [rel for rel in pages if os.path.isfile(base + rel)]


def read_page(page: Path) -> IndexedPage:
    """What a page gives the plan: the digest of what Pagefind reads and its publication time."""
    html = page.read_bytes()
    found = SORT_KEY.search(html)
    return IndexedPage(searchable_digest(html), "", int(found.group(1)) if found else None)


def recorded_parts(old_index: Path, config: SiteConfig) -> list[Part]:
    """The parts the old index holds; none (so everything is indexed) when its record is missing,
    of another version or language, or names a part that is not there."""
    try:
        record = json.loads((old_index / RECORD).read_text(encoding="utf-8"))
        if record["version"] != RECORD_VERSION or record["language"] != config.language:
            return []
        parts = [part_from_json(data) for data in record["parts"]]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    return parts if all((old_index / part.name / ENTRY).is_file() for part in parts) else []


def new_names(old: list[Part]) -> Iterator[str]:
    """Names never used before in this index, so a browser never pairs cached files of two parts."""
    used = [int(found.group(1)) for part in old if (found := PART_NAME.fullmatch(part.name))]
    number = max(used, default=0)
    while True:
        number += 1
        yield f"part-{number}"


def held_parts(output: Path, old_index: Path | None, kept: set[str]) -> set[str]:
    """The kept parts that `output` (a reused staging tree) already holds, the same files as in the
    old index; everything else in it is removed. A part's entry file is linked last and removed
    first, so a part left half linked or half removed by a killed build never passes for whole."""
    held = set()
    for entry in os.scandir(output):
        if entry.is_dir(follow_symlinks=False) and entry.name in kept and same_file(
                f"{entry.path}/{ENTRY}", f"{old_index}/{entry.name}/{ENTRY}"):
            held.add(entry.name)
        elif entry.is_dir(follow_symlinks=False):
            Path(entry.path, ENTRY).unlink(missing_ok=True)
            shutil.rmtree(entry.path)
        else:
            os.unlink(entry.path)
    return held


def same_file(a: str, b: str) -> bool:
    try:
        first, second = os.stat(a), os.stat(b)
    except OSError:
        return False
    return (first.st_ino, first.st_dev) == (second.st_ino, second.st_dev)


def carried(old_index: Path, output: Path, part: Part, plan: Plan, held: bool) -> Part:
    """The old part in the new index (its files linked unless `held` there already), with its newly
    dead pages' filters counted."""
    source = old_index / part.name
    if not held:
        for folder, _, files in os.walk(source):
            target = f"{output}/{os.path.relpath(folder, old_index)}"
            os.makedirs(target, exist_ok=True)
            for name in files:
                if folder != str(source) or name != ENTRY:
                    link_or_copy(f"{folder}/{name}", f"{target}/{name}")
        link_or_copy(f"{source}/{ENTRY}", f"{output}/{part.name}/{ENTRY}")
    dead = sorted(plan.newly_dead.get(part.name, ()))
    return with_dead_filters(part, [fragment(source, part.pages[rel].fragment)["filters"] for rel in dead])


def link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def fragment(part: Path, page_id: str) -> dict[str, Any]:
    """One page's data as Pagefind stored it (gzip, a signature, then JSON)."""
    data = gzip.decompress((part / "fragment" / f"{page_id}.pf_fragment").read_bytes())
    return json.loads(data[data.index(b"{"):])


def recorded(written: Path, group: Collection[str], plan: Plan) -> Part:
    """The part just written, each page with the id Pagefind gave it; its dates file written beside it."""
    ids = {unquote(fragment(written, path.name.removesuffix(".pf_fragment"))["url"]).lstrip("/"):
           path.name.removesuffix(".pf_fragment") for path in (written / "fragment").iterdir()}
    missing = [rel for rel in group if rel not in ids]
    if missing:
        raise RuntimeError(f"Pagefind did not index {missing[0]} in {written.name}")
    pages = {rel: IndexedPage(plan.pages[rel].digest, ids[rel], plan.pages[rel].published) for rel in group}
    dates = {page.fragment: page.published for page in pages.values() if page.published is not None}
    (written / DATES).write_text(json.dumps(dates, sort_keys=True), encoding="utf-8")
    return Part(written.name, pages)


def write_manifests(output: Path, parts: list[Part], config: SiteConfig) -> None:
    record = {"version": RECORD_VERSION, "language": config.language, "parts": [part_to_json(p) for p in parts]}
    replace_file(output / RECORD, json.dumps(record, sort_keys=True))
    replace_file(output / MANIFEST, json.dumps({"parts": [browser_entry(p) for p in parts]}))


def replace_file(path: Path, text: str) -> None:
    """Write by replacing, never through the old file: in a reused tree it may be linked to a published one."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


@contextmanager
def linked_tree(folder: Path, pages: list[str]) -> Iterator[Path]:
    """A temporary folder beside `folder` holding just `pages` (hard links, so no bytes are copied)."""
    tree = Path(tempfile.mkdtemp(prefix=".search-part-", dir=folder.parent))
    try:
        for rel in pages:
            target = tree / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            link_or_copy(str(folder / rel), str(target))
        yield tree
    finally:
        shutil.rmtree(tree, ignore_errors=True)


def index_part(index_class: Any, settings: Any, tree: Path, pages: int) -> None:
    """Write one part, checking that its entry file counts every page; raises when it never does."""
    written = Path(settings["output_path"])
    for _ in range(ATTEMPTS):
        shutil.rmtree(written, ignore_errors=True)
        run_to_end(lambda: write_index(index_class, settings, tree))
        if indexed_pages(written) == pages:
            return
    raise RuntimeError(f"Pagefind wrote an incomplete index in {written.name} "
                       f"({indexed_pages(written)} of {pages} pages)")


def indexed_pages(written: Path) -> int:
    """The pages a written index says it holds; -1 when its entry file is missing or unreadable."""
    try:
        entry = json.loads((written / ENTRY).read_text(encoding="utf-8"))
        return sum(language["page_count"] for language in entry["languages"].values())
    except (OSError, ValueError, KeyError, TypeError):
        return -1


def run_to_end(coroutine: Callable[[], Coroutine[Any, Any, None]]) -> None:
    """Run Pagefind's async API to completion, also when the caller's thread already runs an event loop
    (a program embedding newsgen, or Playwright's sync API in tests): then in a thread of its own.
    asyncio is imported here: a build without a search index to write never pays its 40 ms."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

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
