"""Body-extraction quality and speed of the loaders on the shared evaluation pages.

Usage: python benchmarks/eval_extraction.py [--form text] [--form text-main] [--form html] [--json] [--per-page]

Runs the loader over `../shared/eval/dev/<form>/`, writes {"articleBody": ...} per
id into a temporary folder, and scores it with the benchmark's own metric
(`../shared/eval/score.py`, imported rather than copied, so the figures are the
benchmark's). Also times the loader on the seed article.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.loaders import load_bytes
from newsgen.sources import SourceFile, file_digest

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO.parent / "shared" / "eval"
SEED = REPO / "articles" / "000_3191eae7ec735b93.txt"
SUFFIXES = {"text": ".txt", "text-main": ".txt", "html": ".html"}
CONFIG = SiteConfig()


def scorer(eval_dir: Path = EVAL) -> ModuleType:
    """The benchmark's score.py as a module."""
    spec = importlib.util.spec_from_file_location("eval_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def body_of(data: bytes, rel: str) -> str:
    """The loaded article's body, one block a line; an unreadable page is an empty body."""
    try:
        return load_bytes(data, SourceFile(Path(rel), rel, file_digest(data)), CONFIG).body_text()
    except SourceError:
        return ""


def evaluate(form: str, eval_dir: Path = EVAL) -> dict[str, Any]:
    """Precision, recall, F1 and articles/second of the loader on one form of the dev pages, and the
    same figures per page (worst first) under "pages"."""
    score = scorer(eval_dir)
    ids = (eval_dir / "dev" / "ids.txt").read_text().split()
    pages = {i: (eval_dir / "dev" / form / f"{i}{SUFFIXES[form]}").read_bytes() for i in ids}
    start = time.perf_counter()
    bodies = {i: body_of(data, f"{i}{SUFFIXES[form]}") for i, data in pages.items()}
    elapsed = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        for i, text in bodies.items():
            (Path(tmp) / f"{i}.json").write_text(json.dumps({"articleBody": text}), encoding="utf-8")
        truth = eval_dir / "dev" / "truth"
        items = [score.compare(score.body(truth / f"{i}.json"), score.body(Path(tmp) / f"{i}.json")) for i in ids]
    pages_scored = sorted(((i, score.score([item])) for i, item in zip(ids, items)), key=lambda p: p[1]["f1"])
    return {**score.score(items), "articles_per_second": len(ids) / elapsed,
            "pages": {i: {k: round(v, 3) for k, v in figures.items() if k != "items"} for i, figures in pages_scored}}


def seed_speed(rounds: int = 300) -> float:
    """Seed-sized articles loaded per second on one core."""
    data = SEED.read_bytes()
    start = time.perf_counter()
    for _ in range(rounds):
        body_of(data, SEED.name)
    return rounds / (time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--form", action="append", choices=sorted(SUFFIXES), help="default: text and text-main")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--per-page", action="store_true", help="also print each page's figures, worst first")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"{EVAL} is not present", file=sys.stderr)
        return 2
    results = {form: evaluate(form) for form in args.form or ["text", "text-main"]}
    if not args.per_page:
        for r in results.values():
            del r["pages"]
    results["seed"] = {"articles_per_second": seed_speed()}
    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    for form, r in results.items():
        print(f"{form:10} {_figures(r)}{r['articles_per_second']:.0f} articles/s")
        for page, figures in r.get("pages", {}).items():
            print(f"  {page:24} {_figures(figures)}")
    return 0


def _figures(r: dict[str, Any]) -> str:
    return f"precision {r['precision']:.3f}  recall {r['recall']:.3f}  F1 {r['f1']:.3f}  " if "f1" in r else ""


if __name__ == "__main__":
    sys.exit(main())
