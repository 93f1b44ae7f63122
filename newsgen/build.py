"""The build, top to bottom: discover, load, model, render, write.

Each article is loaded on its own; one that fails is reported and left out,
and the rest of the site is still built and published.
"""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from .config import SiteConfig, load_config
from .errors import SourceError
from .loaders import load_file
from .output import write_site
from .records import Article
from .render import environment, render_site, static_files, theme_dir
from .site import article_path, build_site
from .sources import discover


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
    pages: int
    seconds: float
    output: Path
    warnings: tuple[str, ...] = field(default=())

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> bool:
        return self.count("failed") > 0


def build(site_dir: Path, output_dir: Path | None = None, config: SiteConfig | None = None) -> BuildReport:
    started = time.perf_counter()
    config = config or load_config(site_dir)
    output_dir = output_dir or site_dir / "build"
    articles_dir = site_dir / config.articles_dir
    paths, skipped = discover(articles_dir)
    loaded = [load_one(p, articles_dir, config) for p in paths]
    articles = [a for a, _ in loaded if a is not None and not a.draft]
    site = build_site(articles, config)
    files = chain(render_site(environment(site_dir / "templates"), site),
                  static_files(theme_dir() / "static", site_dir / "static"))
    pages = write_site(files, output_dir)
    urls = {a.path: article_path(a) for a in site.articles}
    outcomes = [*(with_url(o, urls) for _, o in loaded), *(Outcome(s.rel, "skipped", s.reason) for s in skipped)]
    return BuildReport(tuple(sorted(outcomes, key=lambda o: o.path)), pages, time.perf_counter() - started, output_dir)


def load_one(path: Path, articles_dir: Path, config: SiteConfig) -> tuple[Article | None, Outcome]:
    rel = path.relative_to(articles_dir).as_posix()
    try:
        article = load_file(path, articles_dir, config)
    except SourceError as exc:
        return None, Outcome(rel, "failed", exc.reason, exc.line)
    if article.draft:
        return article, Outcome(rel, "skipped", "draft", warnings=article.warnings)
    return article, Outcome(rel, "built", warnings=article.warnings)


def with_url(outcome: Outcome, urls: dict[str, str]) -> Outcome:
    return dataclasses.replace(outcome, url=urls.get(outcome.path, ""))
