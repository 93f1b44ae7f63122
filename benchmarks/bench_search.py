"""Search index benchmark: Pagefind's time, memory and index size beside the site build, and what a
browser downloads to answer one query.

Usage: python benchmarks/bench_search.py [--sizes 1000 10000] [--parts 3000 0] [--workdir DIR] [--write]

For each size the seeded corpus (benchmarks/corpus.py) is built cold with
`newsgen build`, then indexed by `newsgen.search.index_site` in a child process
(so `time -v` reports the Pagefind process's own peak memory) once per part
size (0 means one index for every article, Pagefind's own way). Then the site
is served on 127.0.0.1 and headless Chromium opens the search page and types a
query; every response after the keystrokes is summed from the network log.
`--write` replaces the "## Search" section of benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import write_corpus  # noqa: E402
from measure import Run, measure  # noqa: E402

RESULTS = Path(__file__).parent / "RESULTS.md"
CHROMIUM = "/usr/bin/chromium"
QUERY = "harbour"  # a corpus noun found in many articles: a heavy query, not a lucky one
TIMEOUT = 3600.0
INDEX_SCRIPT = ("import sys; from pathlib import Path; from newsgen import search; from newsgen.config import "
                "load_config; search.PART_SIZE = int(sys.argv[2]) or 10**9; site = Path(sys.argv[1]); "
                "w = search.index_site(site / 'build', load_config(site)); print(w); sys.exit(1 if w else 0)")


@dataclass(frozen=True, slots=True)
class Row:
    n: int
    part_size: int
    build: Run
    index: Run
    index_mb: float
    index_files: int
    parts: int
    load_kb: float
    query_kb: float
    query_requests: int


def corpus_site(workdir: Path, n: int) -> Path:
    root = workdir / f"corpus-{n}"
    if not (root / "newsgen" / "articles").is_dir():
        write_corpus(root, n, formats=("newsgen",))
    return root / "newsgen"


def folder_size(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 1e6, len(files)


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No log lines from the benchmark's server."""


def browser_bytes(build: Path) -> tuple[float, float, int]:
    """KB downloaded to open the search page, KB and requests to answer QUERY typed into it."""
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(build)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: list[int] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox"])
            page = browser.new_page()
            page.on("requestfinished", lambda request: sizes.append(request.sizes()["responseBodySize"]))
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/search/index.html")
            page.wait_for_selector("body[data-search=ready]", timeout=60_000)
            loaded = sum(sizes)
            sizes.clear()
            page.get_by_label("Words to find").press_sequentially(QUERY, delay=50)
            page.wait_for_selector("#search-status:not([hidden])", timeout=60_000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return loaded / 1024, sum(sizes) / 1024, len(sizes)


def measure_size(n: int, part_sizes: list[int], workdir: Path) -> list[Row]:
    site = corpus_site(workdir, n)
    built = measure(["newsgen", "build", "--site", str(site), "--clean"], site, TIMEOUT)
    rows = []
    for part_size in part_sizes:
        index = measure([sys.executable, "-c", INDEX_SCRIPT, str(site), str(part_size)], site, TIMEOUT)
        output = site / "build" / "pagefind"
        megabytes, files = folder_size(output)
        parts = len(list(output.glob("part-*")))
        load_kb, query_kb, requests = browser_bytes(site / "build") if not index.error else (0.0, 0.0, 0)
        rows.append(Row(n, part_size, built, index, megabytes, files, parts, load_kb, query_kb, requests))
        print(table_line(rows[-1]), flush=True)
    return rows


def table_line(row: Row) -> str:
    part = f"{row.part_size:,}" if row.part_size else "all (one index)"
    ratio = row.index.wall / row.build.wall
    return (f"| {row.n:,} | {part} | {row.parts} | {row.build.wall:.1f} | {row.index.wall:.1f} | {ratio:.2f} | "
            f"{row.index.rss_mb or 0:,.0f} | {row.index_mb:.1f} | {row.index_files:,} | {row.load_kb:,.0f} | "
            f"{row.query_kb:,.0f} ({row.query_requests}) |{' ' + row.index.error if row.index.error else ''}")


def section(rows: list[Row], args: argparse.Namespace) -> str:
    import pagefind_bin  # noqa: F401 - present when the index was built
    from importlib.metadata import version

    head = [
        "## Search",
        "",
        f"- Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; Pagefind {version('pagefind')}; "
        f"command: `python benchmarks/bench_search.py --sizes {' '.join(map(str, args.sizes))} "
        f"--parts {' '.join(map(str, args.parts))}`",
        "- Build: `newsgen build --clean` of the seeded corpus; index: `newsgen.search.index_site` over the built "
        "site in a child process (peak RSS is the largest process, the Pagefind binary, from `time -v`).",
        f"- Browser: headless Chromium opens `search/index.html` from a local server (load), then the query "
        f"'{QUERY}' is typed; query KB is every response body after the first keystroke (requests in brackets).",
        "",
        "| N | part size | parts | build s | index s | index/build | index peak RSS MB | index MB | index files "
        "| page load KB | query KB (requests) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    return "\n".join(head + [table_line(row) for row in rows]) + "\n"


def write_section(text: str) -> None:
    document = RESULTS.read_text(encoding="utf-8")
    if "\n## Search\n" in document:
        start = document.index("\n## Search\n") + 1
        end = document.find("\n## ", start + 1)
        document = document[:start] + text + (document[end:] if end >= 0 else "")
    else:
        document = document.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(document, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--parts", type=int, nargs="+", default=[3000, 0],
                        help="pages per Pagefind process; 0 = one index for all")
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--write", action="store_true", help="write the section into benchmarks/RESULTS.md")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-search-"))
    rows = [row for n in args.sizes for row in measure_size(n, args.parts, workdir)]
    text = section(rows, args)
    print(text)
    if args.write:
        write_section(text)


if __name__ == "__main__":
    main()
