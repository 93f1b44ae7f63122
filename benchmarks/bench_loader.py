"""Speed of the article loader: articles per second on the seed, a generated corpus and the eval pages.

Usage: python benchmarks/bench_loader.py [--runs 7] [--corpus 300] [--no-results] [--profile CASE]

Each case loads its files' bytes into memory first, then times `load_bytes` (decode, front matter,
line labels, story, language, entities) over all of them, several times; the median run is reported,
as wall time (`time.perf_counter`) and as this process's CPU time (`time.process_time`), which stays
honest on a machine busy with other work. The table is printed and replaces the loader section of
benchmarks/RESULTS.md. The eval pages are read from `../shared/eval/dev/` and skipped when absent.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.extract.dates import date_not_before
from newsgen.extract.entities import entities_of
from newsgen.extract.language import language_of
from newsgen.loaders import load_bytes
from newsgen.records import Article
from newsgen.sources import SourceFile, file_digest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from corpus import write_corpus  # noqa: E402  (a sibling script, not a package)

SEED = REPO / "articles" / "000_3191eae7ec735b93.txt"
EVAL_DEV = REPO.parent / "shared" / "eval" / "dev"
RESULTS = HERE / "RESULTS.md"
SECTION_START, SECTION_END = "<!-- loader-benchmark:start -->", "<!-- loader-benchmark:end -->"
CONFIG = SiteConfig()
# The seed alone is timed over this many loads per run, so one run lasts long enough to measure.
SEED_REPEATS = 200


@dataclass(frozen=True, slots=True)
class Case:
    """Named files to load, as (name, bytes) pairs, each loaded once per run."""

    name: str
    files: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True, slots=True)
class Timing:
    """A case's median load time, and the CPU milliseconds per article of the enrichment stages within it."""

    case: str
    articles: int
    wall: float
    cpu: float
    stages: tuple[float, float, float] = (0.0, 0.0, 0.0)  # entities, language, date lower bound

    @property
    def per_second(self) -> float:
        return self.articles / self.cpu if self.cpu else 0.0

    @property
    def ms_per_article(self) -> float:
        return 1000 * self.cpu / self.articles if self.articles else 0.0


def cases(corpus_size: int, workdir: Path) -> list[Case]:
    """The seed, a generated corpus and, when present, the two text forms of the eval pages."""
    found = [Case("seed", ((SEED.name, SEED.read_bytes()),) * SEED_REPEATS)]
    write_corpus(workdir, corpus_size, 7, ("newsgen",))
    corpus = sorted((workdir / "newsgen" / "articles").rglob("*.txt"))
    found.append(Case(f"corpus ({corpus_size})", tuple((p.name, p.read_bytes()) for p in corpus)))
    for form in ("text", "text-main"):
        folder = EVAL_DEV / form
        if folder.is_dir():
            pages = sorted(folder.glob("*.txt"))
            found.append(Case(f"eval dev/{form} ({len(pages)})", tuple((p.name, p.read_bytes()) for p in pages)))
    return found


def load_all(case: Case) -> list[Article]:
    articles = []
    for name, data in case.files:
        try:
            articles.append(load_bytes(data, SourceFile(Path(name), name, file_digest(data)), CONFIG))
        except SourceError:
            pass
    return articles


def cpu_ms(work: Callable[[Article], object], articles: list[Article], runs: int) -> float:
    """The least CPU milliseconds per article one stage took over several runs (the least is the least noisy)."""
    best = float("inf")
    for _ in range(runs):
        start = time.process_time()
        for article in articles:
            work(article)
        best = min(best, time.process_time() - start)
    return 1000 * best / max(len(articles), 1)


def stage_times(articles: list[Article], runs: int) -> tuple[float, float, float]:
    """Entities, language and the date lower bound, timed alone on the loaded records."""
    tz = CONFIG.tzinfo()
    return (cpu_ms(lambda a: entities_of(a, a.language), articles, runs),
            cpu_ms(lambda a: language_of(a.title + "\n" + a.body_text()), articles, runs),
            cpu_ms(lambda a: date_not_before([b.text for b in a.body], tz), articles, runs))


def timed(case: Case, runs: int) -> Timing:
    """The median wall and CPU time of loading every file of a case, over several runs."""
    articles = load_all(case)  # warms the caches (word lists, compiled patterns) outside the timing
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        load_all(case)
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return Timing(case.name, len(case.files), statistics.median(walls), statistics.median(cpus),
                  stage_times(articles, runs))


def table(timings: list[Timing]) -> str:
    rows = ["| case | articles | wall s (median) | CPU s (median) | ms/article (CPU) | articles/s per core "
            "| of which entities / language / date bound, ms |",
            "|---|---|---|---|---|---|---|"]
    rows += [f"| {t.case} | {t.articles} | {t.wall:.3f} | {t.cpu:.3f} | {t.ms_per_article:.2f} | "
             f"{t.per_second:,.0f} | {' / '.join(f'{ms:.2f}' for ms in t.stages)} |" for t in timings]
    return "\n".join(rows)


def section(timings: list[Timing], runs: int) -> str:
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (f"## Loader speed\n\n`python benchmarks/bench_loader.py`, measured {when} at commit {commit()} on "
            f"{platform.python_implementation()} {platform.python_version()}, {platform.machine()}, "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}: median of {runs} runs in one process "
            f"(so per core); the seed row loads the seed {SEED_REPEATS} times per run. The last column times "
            f"the enrichment stages alone on the loaded records (least of {runs} runs); the rest of a load is "
            f"decoding, front matter, line labels and the story.\n\n{table(timings)}\n")


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def replace_section(document: str, text: str) -> str:
    block = f"{SECTION_START}\n{text}{SECTION_END}"
    pattern = re.compile(re.escape(SECTION_START) + r".*?" + re.escape(SECTION_END), re.S)
    if pattern.search(document):
        return pattern.sub(lambda _: block, document)
    return (document.rstrip() + "\n\n" if document.strip() else "# Benchmark results\n\n") + block + "\n"


def profiled(case: Case, top: int = 30) -> None:
    """A cProfile of loading a case once, by own time."""
    profile = cProfile.Profile()
    profile.runcall(load_all, case)
    pstats.Stats(profile).sort_stats("tottime").print_stats(top)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per case (the median is reported)")
    parser.add_argument("--corpus", type=int, default=300, help="articles in the generated corpus")
    parser.add_argument("--no-results", action="store_true", help="print the table without updating RESULTS.md")
    parser.add_argument("--profile", metavar="CASE", help="print a cProfile of the case whose name starts so")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        found = cases(args.corpus, Path(tmp))
    if args.profile:
        profiled(next(c for c in found if c.name.startswith(args.profile)))
        return
    timings = [timed(case, args.runs) for case in found]
    print(table(timings))
    if not args.no_results:
        document = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
        RESULTS.write_text(replace_section(document, section(timings, args.runs)), encoding="utf-8")
        print(f"updated {RESULTS.relative_to(REPO)}", file=sys.stderr)


if __name__ == "__main__":
    main()
