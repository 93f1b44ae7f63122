"""A build killed at any moment leaves the published site whole: the old one byte for byte, or the new
one complete once the swap has happened; never a mix, and the next build succeeds."""

from __future__ import annotations

import hashlib
import importlib.util
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTICLES = 2000
KILLS = 20
SEED = 8
# The report is written into the published folder after the swap (see the report), so it is compared apart.
REPORT_DIR = ".newsgen"
# The search index comes from an outside tool whose bytes differ between builds of the same inputs.
NOT_COMPARED = (REPORT_DIR, "pagefind")


def corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", REPO / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpus", module)
    spec.loader.exec_module(module)
    return module


def digests(folder: Path) -> dict[str, str]:
    """Every file of a published site by path, with its sha256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in folder.rglob("*") if p.is_file() and p.relative_to(folder).parts[0] not in NOT_COMPARED}


def build_command(site: Path) -> list[str]:
    return [sys.executable, "-m", "newsgen", "build", "--site", str(site), "--jobs", "2"]


def full_build(site: Path) -> float:
    started = time.perf_counter()
    subprocess.run(build_command(site), check=True, capture_output=True, timeout=600)
    return time.perf_counter() - started


@dataclass
class Archive:
    """A 2,000-article site, and the published bytes of its two versions of input."""

    site: Path
    edited: list[Path]
    versions: dict[str, tuple[str, ...]]
    sites: dict[str, dict[str, str]]
    seconds: float
    published: str = "old"

    def use(self, version: str) -> None:
        for path, text in zip(self.edited, self.versions[version]):
            path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Archive:
    root = tmp_path_factory.mktemp("kill")
    corpus_module().write_corpus(root, ARTICLES, 7, ("newsgen",))
    site = root / "newsgen"
    edited = sorted((site / "articles").rglob("*.txt"))[::400]
    old = tuple(p.read_text(encoding="utf-8") for p in edited)
    new = tuple(t.replace(" the ", " THE ", 2) + "\nA paragraph added later, so the page changes.\n" for t in old)
    archive = Archive(site, edited, {"old": old, "new": new}, {}, 0.0)
    full_build(site)
    archive.sites["old"] = digests(site / "build")
    archive.use("new")
    archive.seconds = full_build(site)
    archive.sites["new"] = digests(site / "build")
    archive.use("old")
    full_build(site)
    assert digests(site / "build") == archive.sites["old"] != archive.sites["new"]
    return archive


def test_a_killed_build_leaves_a_whole_site(archive: Archive) -> None:
    rng = random.Random(SEED)
    landed = []
    for _ in range(KILLS):
        target = "new" if archive.published == "old" else "old"
        archive.use(target)
        process = subprocess.Popen(build_command(archive.site), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.1, archive.seconds))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = digests(archive.site / "build")
        assert now in (archive.sites[archive.published], archive.sites[target]), "the published site is a mix"
        archive.published = archive.published if now == archive.sites[archive.published] else target
        landed.append(archive.published == target)
    assert not all(landed), "every kill came after the swap: the kills never hit a build in progress"


def test_the_next_build_after_the_kills_publishes_exactly_its_inputs(archive: Archive) -> None:
    final = "new" if archive.published == "old" else "old"
    archive.use(final)
    full_build(archive.site)
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
