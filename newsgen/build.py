"""The build, top to bottom: discover, load, model, render, publish.

Each article is loaded on its own, from the cache when its bytes are unchanged;
one that fails is reported and left out, and the rest of the site is still
built and published. The model is rebuilt whole every time; a page is rendered
only when what it depends on changed, and written only when its bytes did.
"""

from __future__ import annotations

import dataclasses
import gc
import json
import os
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

import jinja2

from .cache import (CACHE_DIR, Index, Known, LoadCache, Stamp, entry_bytes, file_stamp, index_entry,
                    read_model_memo, write_model_memo)
from .config import CONFIG_NAME, SiteConfig, load_config
from .errors import SourceError
from .feeds import FeedSpec, crawler_files, feed_files, feed_specs, site_warnings
from .loaders import load_file, load_source, loader_for, read_source
from .lock import exclusive
from .output import Staging, remove_leftovers
from .pagekeys import Output, files_digest, output_keys
from .records import Article, listing_form
from .report import report_json
from .search import INDEX_FOLDER, update_index
from .render import OutputFile, environment, render_page, static_files, theme_dir
from .site import Site, article_path, build_site, wanted_slug
from .site.urls import article_path as slug_path
from .sources import Found, discover
from .state import BuildState, folder_identity, inputs_fingerprint, read_state, state_path, write_state
from .workers import parallel_map

Progress = Callable[[str, int, int], None]
# Where the build leaves its machine-readable report inside the output folder.
REPORT_DIR = ".newsgen"
# The published pages' input keys, inside the output folder so they swap in with the pages.
PAGE_KEYS = f"{REPORT_DIR}/pages.json"
REPORT_FILE = f"{REPORT_DIR}/report.json"
# Article pages live under this folder; only their changes call for a new search index.
ARTICLES = "articles/"


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input file: built, skipped or failed, and why."""

    path: str
    status: str
    reason: str = ""
    line: int | None = None
    url: str = ""
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BuildReport:
    outcomes: tuple[Outcome, ...]
    output: Path
    seconds: float
    cached: int = 0
    rendered: int = 0
    unchanged: int = 0
    removed: int = 0
    files: int = 0
    warnings: tuple[str, ...] = field(default=())

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


@dataclass(frozen=True, slots=True)
class BuildOptions:
    output_dir: Path | None = None
    jobs: int = 0
    """Worker processes; 0 means one per core, 1 builds in this process."""
    clean: bool = False
    """Ignore the load cache and the previous site: render and write everything."""


def build(site_dir: Path, options: BuildOptions | None = None, config: SiteConfig | None = None,
          progress: Progress | None = None) -> BuildReport:
    options = options or BuildOptions()
    config = config or load_config(site_dir)
    out_dir = (options.output_dir or site_dir / "build").absolute()
    state_file = state_path(site_dir, out_dir)
    with exclusive(state_file.with_suffix(".lock"), out_dir):
        return build_locked(site_dir, options, config, out_dir, state_file, progress)


def build_locked(site_dir: Path, options: BuildOptions, config: SiteConfig, out_dir: Path, state_file: Path,
                 progress: Progress | None) -> BuildReport:
    started = time.perf_counter()
    jobs = options.jobs or available_cores()
    articles_dir = site_dir / config.articles_dir
    remove_leftovers(out_dir)
    previous = None if options.clean else read_state(state_file)
    fingerprint = inputs_fingerprint(input_roots(site_dir, articles_dir), config.fingerprint())
    if previous is not None and previous.inputs == fingerprint and previous.output == folder_identity(out_dir):
        unchanged = unchanged_report(out_dir, time.perf_counter() - started)
        if unchanged is not None:
            return unchanged
    found, skipped = discover(articles_dir)
    cache = LoadCache(site_dir, config)
    loaded, cached = load_all(found, articles_dir, cache, config, jobs, options.clean, progress)
    site_key = files_digest([site_dir / "templates", theme_dir(), Path(__file__).parent]) + config.fingerprint()
    memo = read_model_memo(site_dir, site_key)
    remembered = dict(memo)
    with collection_paused():
        site = build_site([a for a, _ in loaded if a is not None and not a.draft], config, memo)
    env = environment(site_dir / "templates", site_dir / CACHE_DIR / "templates")
    urls = {a.path: article_path(a) for a in site.articles}
    outcomes = tuple(sorted([*(published_at(o, a, urls) for a, o in loaded),
                             *(Outcome(s.rel, "skipped", s.reason) for s in skipped)], key=lambda o: o.path))

    def report_of(stats: dict[str, int], indexing: list[str]) -> BuildReport:
        return BuildReport(outcomes, out_dir, time.perf_counter() - started, cached=cached,
                           warnings=tuple(site_warnings(site) + indexing), **stats)

    stories = Stories(cache, articles_dir, config)
    report = publish(site, env, stories, site_dir, out_dir, site_key, jobs,
                     {} if options.clean else published_keys(out_dir), report_of, progress)
    write_state(state_file, BuildState(fingerprint, folder_identity(out_dir)))
    if memo != remembered:
        write_model_memo(site_dir, site_key, memo)
    return dataclasses.replace(report, seconds=time.perf_counter() - started)


def published_keys(out_dir: Path) -> dict[str, str]:
    """The input keys of the pages in the published folder, swapped in with them.

    Kept inside the folder rather than in the cache, so that a build killed after
    its swap can never pair one site's pages with another build's keys.
    """
    try:
        keys = json.loads((out_dir / PAGE_KEYS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return keys if isinstance(keys, dict) else {}


def published_at(outcome: Outcome, article: Article | None, urls: dict[str, str]) -> Outcome:
    """The outcome with the article's URL, and a warning when the URL it wanted was taken (made anew
    rather than with dataclasses.replace, which costs a tenth of a second at 10,000 articles)."""
    url = urls.get(outcome.path, "")
    if article is None or not url:
        return outcome
    wanted = slug_path(wanted_slug(article))
    clash = () if url == wanted else (f"its URL {wanted} was taken by another article; published at {url}",)
    return Outcome(outcome.path, outcome.status, outcome.reason, outcome.line, url, outcome.warnings + clash)


def input_roots(site_dir: Path, articles_dir: Path) -> list[Path]:
    """Everything a build reads: articles, templates, assets, configuration and newsgen itself."""
    return [articles_dir, site_dir / "templates", site_dir / "static", site_dir / CONFIG_NAME, theme_dir(),
            Path(__file__).parent]


def unchanged_report(out_dir: Path, seconds: float) -> BuildReport | None:
    """The last build's report, for a build whose inputs and output are exactly as it left them: the one
    published with the site (None when it is missing or damaged, and the build goes on as usual)."""
    try:
        data = json.loads((out_dir / REPORT_FILE).read_text(encoding="utf-8"))
        outcomes = tuple(Outcome(**{**o, "warnings": tuple(o["warnings"])}) for o in data["outcomes"])
        built = sum(1 for o in outcomes if o.status == "built")
        return BuildReport(outcomes, out_dir, seconds, cached=built, unchanged=data["pages"], files=data["files"],
                           warnings=tuple(data["warnings"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while the build makes a large structure without cycles (the index, the
    model, the page keys): every collection walks all of it again, seconds at 50,000 articles."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def load_all(found: list[Found], articles_dir: Path, cache: LoadCache, config: SiteConfig, jobs: int,
             clean: bool, progress: Progress | None) -> tuple[list[tuple[Article | None, Outcome]], int]:
    """Every file's record (in listing form) or error, in path order; and how many came from the cache.

    A file whose stamp matches the index is not read at all. The others are read,
    hashed and (unless their bytes are in the cache) loaded in workers, so the
    build never holds the bytes of more than a few files at once.
    """
    with collection_paused():
        index = Index() if clean else cache.read_index()
    known: dict[str, Known] = {}
    todo: list[tuple[Path, str, Stamp | None]] = []
    for path, rel, sidecars in found:
        stamp = file_stamp(path, sidecars)
        last = index.entries.get(rel)
        if last is not None and stamp is not None and last.stamp == stamp:
            known[rel] = last
        else:
            todo.append((Path(path), rel, stamp))
    cached = len(known)
    for suffix in {path.suffix for path, _, _ in todo}:
        loader_for(suffix)  # imported once here, not again in every forked worker
    errors: dict[str, SourceError] = {}
    fresh: dict[str, bytes] = {}
    look_up = not clean and not cache.is_empty()
    for rel, entry, hit in parallel_map(read_and_load, todo, jobs, (articles_dir, cache, config, look_up), progress,
                                        "load"):
        if isinstance(entry, bytes):
            known[rel] = index_entry(entry)
            fresh[rel] = entry
            cached += hit
        else:
            errors[rel] = entry
    cache.write_index({rel: entry for rel, entry in known.items() if entry.stamp}, index, fresh)
    results = {**{rel: entry.value for rel, entry in known.items()}, **errors}
    return [outcome_of(rel, results[rel]) for rel in sorted(results)], cached


def read_and_load(item: tuple[Path, str, Stamp | None], articles_dir: Path, cache: LoadCache, config: SiteConfig,
                  look_up: bool) -> tuple[str, bytes | SourceError, bool]:
    """One file, in a worker: its cache index entry, pickled (the listing form, from the cache when `look_up`
    or loaded, with the full record going to the cache), or the error reading it gave; and whether it came
    from the cache. The entry crosses to the build as the very bytes the index keeps of it, so the index
    is written without pickling it again."""
    path, rel, stamp = item
    try:
        raw = read_source(path, articles_dir)
    except SourceError as exc:
        return rel, exc, False
    hit = cache.get(raw.source.digest, rel) if look_up else None
    if hit is not None:
        return rel, entry_bytes(rel, Known(stamp or (), raw.source.digest, listing(hit))), True
    try:
        value: Article | SourceError = load_source(raw, config)
    except SourceError as exc:
        value = exc
    cache.put(raw.source.digest, rel, value)
    return rel, entry_bytes(rel, Known(stamp or (), raw.source.digest, listing(value))), False


def listing(value: Article | SourceError) -> Article | SourceError:
    return listing_form(value) if isinstance(value, Article) else value


def outcome_of(rel: str, value: Article | SourceError) -> tuple[Article | None, Outcome]:
    if isinstance(value, SourceError):
        return None, Outcome(rel, "failed", value.reason, value.line)
    if value.draft:
        return value, Outcome(rel, "skipped", "draft", warnings=value.warnings)
    return value, Outcome(rel, "built", warnings=value.warnings)


@dataclass(frozen=True, slots=True)
class Stories:
    """The full record of an article the model holds in listing form, read where its page is rendered."""

    cache: LoadCache
    articles_dir: Path
    config: SiteConfig

    def __call__(self, article: Article) -> Article:
        full = self.cache.get(article.digest, article.path)
        if not isinstance(full, Article):
            full = load_file(self.articles_dir / article.path, self.articles_dir, self.config)
        return dataclasses.replace(full, slug=article.slug, dropped=())


def publish(site: Site, env: jinja2.Environment, stories: Stories, site_dir: Path, out_dir: Path, site_key: str,
            jobs: int,
            previous: dict[str, str], report_of: Callable[[dict[str, int], list[str]], BuildReport],
            progress: Progress | None) -> BuildReport:
    """Render what changed into a staging folder, carry the rest over, index, swap it in.

    The page keys and the report (`build/.newsgen/`) are staged with the pages, so
    they always describe the site they are published with.
    """
    outputs: list[Output] = [*site.pages, *feed_specs(site)]
    staging = Staging(out_dir, reuse=bool(previous))
    try:
        staged_keys = published_keys(staging.root) if staging.files is not None else {}
        # Without a previous site every output is rendered, and the keys are needed only once it is written.
        with collection_paused():
            known_keys = output_keys(outputs, site_key) if previous else None
        stale = outputs if known_keys is None else [
            o for o in outputs if previous.get(o.path) != known_keys[o.path]
            or not keep_all(staging, o, staged_keys.get(o.path) == known_keys[o.path])]
        rendering = parallel_map(render_into, spans(len(stale)), jobs, (stale, env, site, stories, staging),
                                 progress, "render")
        next(rendering, None)  # the workers have started: what needs no rendering is made beside them
        with collection_paused():
            keys = known_keys or output_keys(outputs, site_key)
        extras = list(extra_files(site, site_dir))
        for file in extras:
            staging.write(file)
        for _ in rendering:
            pass
        site_files = {*(p for o in outputs for p in paths_of(o)), *(f.path for f in extras)}
        wanted = site_files | {PAGE_KEYS, REPORT_FILE}
        staging.prune(wanted, INDEX_FOLDER)
        if not site.config.search:
            staging.remove_folder(INDEX_FOLDER)
        rendered = [o.path for o in stale if o.path.startswith(ARTICLES)] if previous else None
        indexing = search_index(staging, site, rendered)
        report = report_of({"rendered": len(stale), "unchanged": len(outputs) - len(stale),
                            "files": len(site_files), "removed": len(previous.keys() - keys.keys())}, indexing)
        staging.write(OutputFile(PAGE_KEYS, json.dumps(keys, sort_keys=True).encode()))
        staging.write(OutputFile(REPORT_FILE, report_json(report).encode()))
        staging.publish(wanted)
    except BaseException:
        staging.discard()
        raise
    return report


def search_index(staging: Staging, site: Site, rendered: list[str] | None) -> list[str]:
    """Index the article pages that changed since the published index (all of them without one)."""
    if not site.config.search:
        return []
    old_index = staging.out_dir / INDEX_FOLDER
    return update_index(staging.root, old_index if old_index.is_dir() else None, rendered, site.config)


def paths_of(output: Output) -> tuple[str, ...]:
    return output.paths if isinstance(output, FeedSpec) else (output.path,)


def keep_all(staging: Staging, output: Output, held: bool) -> bool:
    """Carry an unchanged page, or every format of an unchanged feed, over from the old site."""
    return all([staging.keep(path, held) for path in paths_of(output)])


def render_into(span: tuple[int, int], outputs: list[Output], env: jinja2.Environment, site: Site,
                stories: Stories, staging: Staging) -> None:
    """Render outputs[start:end] into the staging folder (in a worker).

    Workers get index spans, not pages, so no article is pickled between processes;
    a page that shows a whole story reads it here, one at a time.
    """
    made: dict[tuple[str, bool, str], Any] = {}
    for output in outputs[span[0]:span[1]]:
        if isinstance(output, FeedSpec):
            for file in feed_files(site, output, made, stories):
                staging.write(file)
        elif output.article is not None:
            staging.write(render_page(env, dataclasses.replace(output, article=stories(output.article)), site))
        else:
            staging.write(render_page(env, output, site))


def spans(total: int, size: int = 32) -> list[tuple[int, int]]:
    return [(start, min(start + size, total)) for start in range(0, total, size)]


def extra_files(site: Site, site_dir: Path) -> Iterator[OutputFile]:
    """Files that are not pages: made again each build, written only when their bytes change."""
    yield from static_files(theme_dir() / "static", site_dir / "static")
    yield from crawler_files(site)
