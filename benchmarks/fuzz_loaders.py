"""A long, seeded mutation fuzzer for the loaders: any bytes in, a record or a SourceError out.

Usage: python benchmarks/fuzz_loaders.py [--inputs 100000] [--seed 1] [--jobs 2] [--out fuzz-out]

Inputs are the loader samples in tests/loaders/ (text, Markdown and HTML pages),
mutated: bytes flipped, inserted, deleted or repeated; tokens that steer the
parsers spliced in (front-matter fences, tags, bidi marks, dates, bylines); two
samples spliced; the text re-encoded. Each input goes through the loader for
its suffix (and now and then through another loader) and is checked for:

- crash: an exception other than SourceError;
- timeout: no answer within a time bound (a few seconds per megabyte);
- nondeterminism: the same bytes loaded twice give different records (the keys that differ are named);
- dropped-in-body: a body block whose text equals a line the record lists as dropped.

Every finding is written to OUT with the input that caused it, so it can be
replayed (`--replay FILE`). `violation()` is what the property tests also check.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import signal
import sys
import time
import traceback
from collections import Counter
from multiprocessing import Pool
from pathlib import Path
from typing import Any, Iterator

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.extract.html_tree import parse_page
from newsgen.loaders import load_bytes
from newsgen.loaders.decode import decode
from newsgen.records import Article
from newsgen.sources import SourceFile

REPO = Path(__file__).resolve().parent.parent
SAMPLE_DIRS = ("tests/loaders/samples", "tests/loaders/md_samples", "tests/loaders/html_samples")
SUFFIXES = (".txt", ".md", ".html")
# Seconds an input may take: a fixed allowance plus a few seconds per megabyte (house rule: no input
# makes a build take more than a few seconds per megabyte).
TIME_BASE = 5.0
TIME_PER_MB = 5.0
# Tokens that change how a loader reads what follows: structure, encodings, invisible marks, labels.
TOKENS = (b"---\n", b"\n---\n", b"...\n", b"title: ", b"published: 2024-02-31\n", b"date: [1, 2]\n", b": : :",
          b"<", b">", b"</div>", b"<div>", b"<p>", b"</p>", b"<script>alert(1)</script>", b"<!--", b"-->",
          b"<figure><img src=x><figcaption>", b"</figcaption></figure>", b"<br><br>", b"<![CDATA[", b"&#0;",
          b"&amp;", b'<script type="application/ld+json">{"@type":"NewsArticle","headline":', b"}</script>",
          b'<meta property="article:published_time" content="', b'">', b"\r", b"\r\n", b"\x00", b"\xef\xbb\xbf",
          b"\xff\xfe", b"\xe2\x80\xae", b"\xe2\x80\x8b", b"\xc3", b"\t", b"\n\n", b"By ", b"Updated ",
          b"Published 12 March 2024, 10:00 GMT\n", b"Photo: ", b"/Reuters", b"Correction: ", b"Read more:",
          b"Advertisement\n", b"* ", b"1. ", b"> ", b"# ", b"[link](javascript:alert(1))", b"http://", b"{{ 7*7 }}")
# What starts a list item: a bullet, or a number or letter with a full stop or bracket.
LIST_MARKER = re.compile(r"^\s*(?:[-*+•·▪◦–—]|\(?(?:\d{1,3}|[A-Za-z])[.)])\s+")
MUTATIONS = ("flip", "insert", "delete", "repeat", "token", "splice", "truncate", "encode", "lines")


def violation(data: bytes, suffix: str, config: SiteConfig | None = None) -> str | None:
    """What is wrong with loading these bytes as a file with this suffix, or None when nothing is."""
    config = config or SiteConfig()
    first = loaded(data, suffix, config)
    if isinstance(first, str):
        return first
    second = loaded(data, suffix, config)
    if isinstance(second, str):
        return second  # a crash (or the alarm) in the second load only is a crash, not a different record
    if isinstance(first, SourceError) or isinstance(second, SourceError):
        same = isinstance(second, SourceError) and isinstance(first, SourceError) and \
            first.message() == second.message()
    else:
        same = first.to_dict() == second.to_dict() if isinstance(second, Article) else False
    if not same:
        return f"nondeterminism: the same bytes gave different results ({difference(first, second)})"
    return dropped_in_body(first, data, suffix) if isinstance(first, Article) else None


def difference(first: Article | SourceError, second: Article | SourceError | str) -> str:
    """Which record keys differ between two loads, or the two errors: enough to tell a cause apart."""
    if not (isinstance(first, Article) and isinstance(second, Article)):
        return f"{first!s:.80} / {second!s:.80}"
    one, two = first.to_dict(), second.to_dict()
    keys = [key for key in one if one[key] != two.get(key)]
    return ", ".join(f"{key}: {json.dumps(one[key], default=str)[:120]} / {json.dumps(two.get(key), default=str)[:120]}"
                     for key in keys)


def loaded(data: bytes, suffix: str, config: SiteConfig) -> Article | SourceError | str:
    """The record or the SourceError; a string describing any other exception."""
    source = SourceFile(Path("fuzz" + suffix), "fuzz" + suffix, hashlib.sha256(data).hexdigest())
    try:
        return load_bytes(data, source, config)
    except SourceError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - any other exception is the finding
        where = traceback.extract_tb(exc.__traceback__)[-1]
        return f"crash: {type(exc).__name__}: {str(exc)[:200]} at {Path(where.filename).name}:{where.lineno}"


def dropped_in_body(article: Article, data: bytes, suffix: str) -> str | None:
    """A line both kept in the body and listed as dropped.

    Precisely: for each dropped text, the body blocks (or list items) with exactly that
    text plus the dropped entries with it must not outnumber the places the input holds
    it (lines of a text file; for a page, its occurrences in the page's text). A line
    repeated on the page may be kept once and dropped as a repeat; one line never both.
    """
    kept = Counter(text for b in article.body for text in (b.items or (b.text,)))
    dropped = Counter(d.text for d in article.dropped if d.text)
    for text, count in dropped.items():
        if text in kept and kept[text] + count > places(text, data, suffix):
            reason = next(d.reason for d in article.dropped if d.text == text)
            return f"dropped-in-body: {reason!r}: {text[:80]!r} kept {kept[text]}, dropped {count}"
    return None


def places(text: str, data: bytes, suffix: str) -> int:
    """How many times the input holds `text`: as a whole line (a list item's without its marker, "1. Share"),
    or within a page's visible text. Lines are split at newlines only, as the loaders split them (a vertical
    tab inside a line is a space to them, a line break to `str.splitlines`)."""
    decoded = decode(data, "fuzz" + suffix)
    lines = sum(1 for line in decoded.split("\n") if text in (" ".join(line.split()), unmarked(line)))
    if suffix != ".html":
        return lines
    page = " ".join(parse_page(decoded, "fuzz.html").text_content().split())
    return max(lines, page.count(text))


def unmarked(line: str) -> str:
    """A line without the bullet or number a list item starts with, its spaces made one."""
    return " ".join(LIST_MARKER.sub("", line, count=1).split())


def samples() -> list[tuple[str, bytes]]:
    """(suffix, bytes) of every loader sample, in a stable order."""
    found = []
    for folder in SAMPLE_DIRS:
        for path in sorted((REPO / folder).iterdir()):
            if path.suffix in (".txt", ".md", ".html", ".htm"):
                found.append((".html" if path.suffix == ".htm" else path.suffix, path.read_bytes()))
    return found


def mutated(data: bytes, other: bytes, rng: random.Random) -> bytes:
    """One to four mutations of `data`; `other` is another sample to splice from."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        out = bytearray(mutation(bytes(out), other, rng.choice(MUTATIONS), rng))
    return bytes(out)


def mutation(data: bytes, other: bytes, kind: str, rng: random.Random) -> bytes:
    at = rng.randint(0, len(data))
    if kind == "flip" and data:
        at = min(at, len(data) - 1)
        return data[:at] + bytes([data[at] ^ (1 << rng.randint(0, 7))]) + data[at + 1:]
    if kind == "insert":
        return data[:at] + bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 16))) + data[at:]
    if kind == "delete":
        return data[:at] + data[at + rng.randint(1, 200):]
    if kind == "repeat":
        chunk = data[at:at + rng.randint(1, 64)]
        return data[:at] + chunk * rng.choice((2, 10, 100, 1000)) + data[at:]
    if kind == "token":
        return data[:at] + rng.choice(TOKENS) + data[at:]
    if kind == "splice":
        cut = rng.randint(0, len(other))
        return data[:at] + other[cut:cut + rng.randint(1, 2000)] + data[at:]
    if kind == "truncate":
        return data[:at]
    if kind == "encode":
        text = data.decode("utf-8", "replace")
        return text.encode(rng.choice(("utf-16", "utf-16-be", "cp1252", "latin-1", "utf-8-sig")), "replace")
    if kind == "lines":
        lines = data.split(b"\n")
        rng.shuffle(lines)
        return rng.choice((b"\n", b"\r", b"\r\n")).join(lines)
    return data


def inputs(count: int, seed: int) -> Iterator[tuple[int, bytes, str]]:
    """(index, bytes, suffix): mostly a sample mutated under its own suffix, one in five under another."""
    rng = random.Random(seed)
    pool = samples()
    for index in range(count):
        suffix, data = rng.choice(pool)
        other = rng.choice(pool)[1]
        if rng.random() < 0.2:
            suffix = rng.choice(SUFFIXES)
        yield index, mutated(data, other, rng), suffix


class Timeout(BaseException):
    """The alarm. Not an Exception, so `loaded()` (or a loader) cannot catch it as a crash of one load: when it
    could, an alarm in the second load made a slow input look like two different records (the 'nondeterminism'
    of the first two 100,000-input runs)."""


def on_alarm(signum: int, frame: Any) -> None:
    raise Timeout


def checked(item: tuple[int, bytes, str]) -> tuple[int, str, float, str | None, bytes]:
    """Run one input under an alarm; (index, suffix, seconds, finding, bytes when there is a finding)."""
    index, data, suffix = item
    limit = TIME_BASE + TIME_PER_MB * len(data) / 2**20
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit * 2)  # twice: violation() loads the input twice
    started = time.perf_counter()
    try:
        finding = violation(data, suffix)
    except Timeout:
        finding = f"timeout: no answer in {limit * 2:.1f} s for {len(data)} bytes"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    seconds = time.perf_counter() - started
    if finding is None and seconds > limit * 2:
        finding = f"timeout: {seconds:.1f} s for {len(data)} bytes"
    return index, suffix, seconds, finding, data if finding else b""


def run(count: int, seed: int, jobs: int, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    kinds: Counter[str] = Counter()
    distinct: dict[str, int] = {}
    slowest = (0.0, -1, "")
    per_suffix: Counter[str] = Counter()
    with Pool(jobs) as pool:
        for done, (index, suffix, seconds, finding, data) in enumerate(
                pool.imap_unordered(checked, inputs(count, seed), chunksize=32), 1):
            per_suffix[suffix] += 1
            slowest = max(slowest, (seconds, index, suffix))
            if finding:
                kinds[finding.split(":")[0]] += 1
                if finding not in distinct:
                    distinct[finding] = index
                    (out / f"{index:07d}{suffix}").write_bytes(data)
            if done % 5000 == 0:
                print(f"{done} inputs, {sum(kinds.values())} findings, {time.perf_counter() - started:.0f} s",
                      file=sys.stderr, flush=True)
    summary = {"inputs": count, "seed": seed, "seconds": round(time.perf_counter() - started, 1),
               "per_suffix": dict(per_suffix), "findings": dict(kinds),
               "distinct": [{"finding": f, "input": f"{i:07d}"} for f, i in distinct.items()],
               "slowest": {"seconds": round(slowest[0], 3), "input": slowest[1], "suffix": slowest[2]}}
    (out / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return summary


def replay(path: Path) -> None:
    """The finding for one saved input, with the time it takes: a timeout is found by its time alone."""
    data = path.read_bytes()
    started = time.process_time()
    finding = violation(data, path.suffix)
    seconds = time.process_time() - started
    limit = 2 * (TIME_BASE + TIME_PER_MB * len(data) / 2**20)
    print(finding or "no finding", f"({seconds:.2f} CPU s for two loads; the bound is {limit:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("fuzz-out"))
    parser.add_argument("--replay", type=Path, default=None, help="Check one saved input again.")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
        return
    print(json.dumps(run(args.inputs, args.seed, args.jobs, args.out), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
