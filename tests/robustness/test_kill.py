"""A build killed at any moment leaves the published site whole: the old one byte for byte, or the new
one complete once the swap has happened; never a mix, and the next build succeeds."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

TRACED_BUILD = Path(__file__).resolve().parent / "traced_build.py"
ARTICLES = 2000
KILLS = 20
SEED = 8
# The build's phases in order, as traced_build.py notes them.
PHASES = ("start", "prepare", "load", "model", "render", "index", "swap", "state", "done")
# Each kill is aimed at one phase, in turn: it waits for the phase to start, then a random moment up to that
# phase's length in the last whole build. Aimed by phase rather than by the clock, the 20 kills spread over the
# whole build on a loaded machine too: in runs at load 2-5 on two cores they landed 4 in prepare, 4 in load,
# 3 in model, 3 in render, 3 in index and 3 in swap (between the swap's start and the build's state record).
# Before "swap" the old site must be untouched; from "state" on, the new one complete.
AIMED = ("prepare", "load", "model", "render", "index", "swap")
# The random moment falls in the first part of the phase, so a phase a little shorter this time still holds it.
SHARE = 0.6
BEFORE_SWAP = frozenset(PHASES[:PHASES.index("swap")])
# Every kill build must reach its phase within this many seconds: one that waits on a lock or fails never does.
REACH_SECONDS = 120
# The report is written into the published folder after the swap (see the report), so it is compared apart.
REPORT_DIR = ".newsgen"
# The search index comes from an outside tool whose bytes differ between builds of the same inputs.
NOT_COMPARED = (REPORT_DIR, "pagefind")


# The articles are plain (front matter and a few paragraphs): the test is about publishing, and extraction
# has its own tests. They still name people and places and carry tags, so every kind of page is built.
PEOPLE = ("Ana Lima", "Tomas Berg", "Keiko Sato", "Omar Haddad", "Rosa Novak", "Idris Okafor")
PLACES = ("Northport", "Millbrook", "Redhill", "Stonebury", "Westmarsh")
SUBJECTS = ("harbour", "ferry timetable", "school budget", "tram line", "reservoir", "library", "wind farm",
            "market hall", "flood defence", "bus depot", "museum", "water board")


def write_articles(folder: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    for n in range(count):
        person, place = rng.choice(PEOPLE), rng.choice(PLACES)
        subject, other = rng.sample(SUBJECTS, 2)
        paragraphs = [f"Officials in {place} approved changes to the {subject} on Tuesday after months of talks "
                      f"with residents, who had asked for a decision on story {n} before the summer.",
                      f'"We listened to every objection," {person} said, adding that the {other} would be next.',
                      *(f"Paragraph {p} of the report on the {subject} in {place}: councillors debated the cost "
                        f"and the timetable, and residents asked questions about the {other}." for p in range(3))]
        year = 2020 + n % 5
        path = folder / str(year) / f"{place.lower()}-{subject.replace(' ', '-')}-{n:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        front = (f"title: {place} decides on the {subject} ({n})\n"
                 f"published: {year}-{1 + n % 12:02d}-{1 + n % 28:02d}T{n % 24:02d}:00:00+00:00\n"
                 f"tags: [{subject}, {other}]\nauthor: Reporter {n % 40}\n")
        path.write_text(f"---\n{front}---\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")


def digests(folder: Path) -> dict[str, str]:
    """Every file of a published site by path, with its sha256 (os.walk: a third of rglob's time)."""
    found = {}
    for top, folders, files in os.walk(folder):
        if top == str(folder):
            folders[:] = [f for f in folders if f not in NOT_COMPARED]
        for name in files:
            path = os.path.join(top, name)
            with open(path, "rb") as handle:
                found[os.path.relpath(path, folder)] = hashlib.sha256(handle.read()).hexdigest()
    return found


def differing(site: dict[str, str], expected: dict[str, str]) -> list[str]:
    return sorted(path for path in site.keys() | expected.keys() if site.get(path) != expected.get(path))[:5]


def build_command(site: Path, trace: Path) -> list[str]:
    return [sys.executable, str(TRACED_BUILD), str(trace), "build", "--site", str(site), "--jobs", "2"]


def notes(trace: Path) -> list[tuple[str, float]]:
    """The phases a traced build started, with the second each started at."""
    if not trace.is_file():
        return []
    return [(phase, float(at)) for phase, at in (line.split() for line in trace.read_text().splitlines())]


def full_build(site: Path, trace: Path) -> dict[str, float]:
    """Build to the end; how long each phase took."""
    trace.unlink(missing_ok=True)
    subprocess.run(build_command(site, trace), check=True, capture_output=True, timeout=600)
    started = notes(trace)
    return {phase: end - at for (phase, at), (_, end) in zip(started, started[1:])}


@dataclass
class Archive:
    """A 2,000-article site, the published bytes of its two versions of input, and its phases' lengths."""

    site: Path
    edited: list[Path]
    versions: dict[str, tuple[str, ...]]
    sites: dict[str, dict[str, str]] = field(default_factory=dict)
    lengths: dict[str, float] = field(default_factory=dict)
    published: str = "new"

    def use(self, version: str) -> None:
        for path, text in zip(self.edited, self.versions[version]):
            path.write_text(text, encoding="utf-8")

    @property
    def trace(self) -> Path:
        return self.site.parent / "trace"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    """The site built from the old inputs, then from the new: the load cache and the staging tree the kill
    builds reuse are the ones a real archive has, so each kill build is a real incremental build."""
    site = tmp_path_factory.mktemp("kill") / "site"
    write_articles(site / "articles", ARTICLES, SEED)
    edited = sorted((site / "articles").rglob("*.txt"))[::400]
    old = tuple(p.read_text(encoding="utf-8") for p in edited)
    new = tuple(t.replace(" the ", " THE ", 2) + "\nA paragraph added later, so the page changes.\n" for t in old)
    archive = Archive(site, edited, {"old": old, "new": new})
    full_build(site, archive.trace)
    archive.sites["old"] = digests(site / "build")
    archive.use("new")
    archive.lengths = full_build(site, archive.trace)
    archive.sites["new"] = digests(site / "build")
    assert archive.sites["old"] != archive.sites["new"]
    return archive


def killed_during(archive: Archive, phase: str, rng: random.Random) -> tuple[str, int]:
    """Start a build, SIGKILL it at a random moment of `phase`; the phase it was in and its exit status."""
    archive.trace.unlink(missing_ok=True)
    process = subprocess.Popen(build_command(archive.site, archive.trace), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + REACH_SECONDS
        while not any(p == phase for p, _ in notes(archive.trace)) and process.poll() is None:
            assert time.monotonic() < deadline, f"the build never reached {phase}: {notes(archive.trace)}"
            time.sleep(0.002)
        time.sleep(rng.uniform(0, archive.lengths.get(phase, 0.0) * SHARE))
    finally:
        process.kill()
        status = process.wait()
    return notes(archive.trace)[-1][0], status


def test_a_killed_build_leaves_a_whole_site(archive: Archive) -> None:
    """Each build after a kill is the next build: it must get past the leftovers of the one before and reach
    the phase it is aimed at (never fail), and once past the swap publish exactly its inputs."""
    rng = random.Random(SEED)
    landed: Counter[str] = Counter()
    for kill in range(KILLS):
        target = "new" if archive.published == "old" else "old"
        archive.use(target)
        phase, status = killed_during(archive, AIMED[kill % len(AIMED)], rng)
        assert status in (-signal.SIGKILL, 0), f"the build after a kill failed (status {status}) in {phase}"
        landed[phase] += 1
        now = digests(archive.site / "build")
        old, new = archive.sites[archive.published], archive.sites[target]
        if phase in BEFORE_SWAP:
            assert now == old, f"killed in {phase}: the old site changed at {differing(now, old)}"
        elif phase in ("state", "done"):
            assert now == new, f"killed in {phase}: the new site differs at {differing(now, new)}"
        else:
            assert now in (old, new), f"killed in {phase}: the published site is a mix"
        archive.published = archive.published if now == archive.sites[archive.published] else target
    assert set(AIMED) - {"swap"} <= set(landed), f"kills did not land in every phase: {dict(landed)}"
    assert landed.keys() - BEFORE_SWAP, f"no kill came at or after the swap: {dict(landed)}"


def test_the_next_build_after_the_kills_publishes_exactly_its_inputs(archive: Archive) -> None:
    final = "new" if archive.published == "old" else "old"
    archive.use(final)
    full_build(archive.site, archive.trace)
    assert digests(archive.site / "build") == archive.sites[final]
    assert (archive.site / "build" / REPORT_DIR / "report.json").is_file()


def test_a_build_after_one_killed_past_its_swap_renders_what_the_folder_lacks(make_site) -> None:
    """A build killed after its swap but before it recorded its state: the state describes the old folder."""
    from newsgen.build import BuildOptions, build
    from newsgen.state import state_path

    def page(n: int, word: str) -> str:
        body = "\n\n".join(f"Paragraph {i} of story {n}, about the {word} harbour and its ferries." for i in range(4))
        return f"---\ntitle: Story {n} about the {word} harbour\npublished: 2024-03-0{n}T10:00:00+00:00\n---\n{body}\n"

    site = make_site({f"articles/s{n}.txt": page(n, "north") for n in range(1, 6)})
    build(site, BuildOptions(jobs=1))
    old = digests(site / "build")
    state = state_path(site, (site / "build").absolute())
    recorded = state.read_bytes()
    (site / "articles/s3.txt").write_text(page(3, "south"), encoding="utf-8")
    build(site, BuildOptions(jobs=1))
    state.write_bytes(recorded)
    (site / "articles/s3.txt").write_text(page(3, "north"), encoding="utf-8")
    build(site, BuildOptions(jobs=1))
    assert digests(site / "build") == old
