"""Property tests for every loader: any bytes give a record or a SourceError, the same way every time,
and no line is both kept in the body and listed as dropped (see benchmarks/fuzz_loaders.py)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
SPEC = importlib.util.spec_from_file_location("fuzz_loaders", REPO / "benchmarks" / "fuzz_loaders.py")
fuzz = importlib.util.module_from_spec(SPEC)
SPEC.loader.exec_module(fuzz)

SUFFIXES = st.sampled_from([".txt", ".md", ".html"])
SAMPLES = fuzz.samples()
# Pieces a page is made of, so generated inputs reach past the decoder into every stage.
PIECES = st.sampled_from([t.decode("utf-8", "replace") for t in fuzz.TOKENS] + [
    "Harbour board approves ferry timetable", "By Ana Lima", "12 March 2024", "Updated 13 March 2024 10:00",
    "The board voted on Tuesday to add an earlier crossing, officials said.", "Share", "Advertisement",
    "<article><h1>Ferry</h1><p>", "</p></article>", "<nav><a href='/'>Home</a></nav>", "\n", "\n\n"])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=40)), max_size=40).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"])
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_sound(data: bytes, suffix: str) -> None:
    assert fuzz.violation(data, suffix) is None


@PROPERTY
@given(st.binary(max_size=4096), SUFFIXES)
def test_any_bytes_give_a_record_or_a_source_error(data: bytes, suffix: str) -> None:
    assert_sound(data, suffix)


@PROPERTY
@given(TEXTS, ENCODINGS, SUFFIXES)
def test_page_like_text_in_any_encoding_loads_soundly(text: str, encoding: str, suffix: str) -> None:
    assert_sound(text.encode(encoding, "replace"), suffix)


@PROPERTY
@given(st.sampled_from(SAMPLES), st.sampled_from(SAMPLES), st.randoms(use_true_random=False))
def test_mutated_samples_load_soundly(sample: tuple[str, bytes], other: tuple[str, bytes], rng) -> None:
    suffix, data = sample
    assert_sound(fuzz.mutated(data, other[1], rng), suffix)


def test_a_line_both_kept_and_dropped_is_caught() -> None:
    """The dropped-in-body check itself: it must fire on a record that keeps what it drops."""
    from newsgen.records import Article, Block, Dropped

    article = Article(path="a.txt", digest="d", format="text", title="Title", body=(Block("paragraph", "Share"),),
                      dropped=(Dropped("Share", "menu", 3),))
    assert fuzz.dropped_in_body(article, b"Title\n\nShare\n", ".txt")
    assert fuzz.dropped_in_body(article, b"Title\n\nShare\nShare\n", ".txt") is None


STORY_LINES = b"The harbour board approved the new ferry timetable on Tuesday after a month of talks.\n" * 3


@pytest.mark.parametrize("page", [b"Title\n\n1. Share\n\nShare\n", b"Title\n\nA\x0bShare\nA\x0bShare\n" + STORY_LINES],
                         ids=["list-item", "vertical-tab"])
def test_the_checker_counts_a_line_as_the_loader_reads_it(page: bytes) -> None:
    """Found in the third long run, both the checker's: a list item's text is its line without the marker, and
    a vertical tab is a space inside a line, not a line break (str.splitlines breaks there)."""
    from newsgen.records import Article, Block, Dropped

    text = "Share" if b"1." in page else "A Share"
    article = Article(path="a.txt", digest="d", format="text", title="Title", body=(Block("paragraph", text),),
                      dropped=(Dropped(text, "repeated line", 4),))
    assert fuzz.dropped_in_body(article, page, ".txt") is None


# Inputs the long fuzzing session found crashing the HTML loader, cut down to what triggers each.
FOUND = {
    "control-char-beside-furniture": b"<html><body><p>Story text about the harbour.</p><nav>Home</nav>\x01tail"
                                     b"<p>More story text about ferries.</p></body></html>",
    "caption-that-is-its-own-credit": b'<html><body><main><p>Story text about the harbour and its ferries today.</p>'
                                      b'<section class="caption credit">Photo: Ana Lima</section></main></body></html>',
}


@pytest.mark.parametrize("data", FOUND.values(), ids=FOUND.keys())
def test_inputs_the_fuzzer_found_load_soundly(data: bytes) -> None:
    assert_sound(data, ".html")


def test_a_paragraph_of_unclosed_link_brackets_loads_in_bounded_time() -> None:
    """Found by the fuzzer: the Markdown link parser scanned to the paragraph's end from each '[' (12 s for 56 KB)."""
    data = b"---\ntitle: Brackets\n---\n" + b"[a press release about the night trains\n" * 2000
    started = time.process_time()
    assert_sound(data, ".md")
    assert time.process_time() - started < 5


@pytest.mark.parametrize("second", ["crash: ValueError: x at text.py:1", fuzz.Timeout()], ids=["crash", "alarm"])
def test_a_crash_or_alarm_in_the_second_load_is_not_called_nondeterminism(monkeypatch: pytest.MonkeyPatch,
                                                                          second: str | BaseException) -> None:
    """The 'nondeterminism' of the first two long runs: a slow input's alarm fired during its second load, was
    caught as that load's crash, and the crash compared unequal to the first load's record."""
    from newsgen.records import Article

    answers = iter([Article(path="a.txt", digest="d", format="text", title="Title"), second])

    def load(data: bytes, suffix: str, config: object) -> object:
        answer = next(answers)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    monkeypatch.setattr(fuzz, "loaded", load)
    if isinstance(second, str):
        assert fuzz.violation(b"Title\n", ".txt") == second
    else:
        with pytest.raises(fuzz.Timeout):
            fuzz.violation(b"Title\n", ".txt")


# Loads the loader samples and some fuzzer inputs in the order given, and prints each record's digest.
DIGESTS = """
import hashlib, importlib.util, json, sys
spec = importlib.util.spec_from_file_location("fuzz_loaders", sys.argv[1])
fuzz = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fuzz)
from newsgen.config import SiteConfig
items = [(f"sample {n}", data, suffix) for n, (suffix, data) in enumerate(fuzz.samples())]
items += [(f"input {n}", data, suffix) for n, data, suffix in fuzz.inputs(int(sys.argv[2]), 3)]
out = {}
for key, data, suffix in (items if sys.argv[3] == "forward" else items[::-1]):
    value = fuzz.loaded(data, suffix, SiteConfig())
    value = value.to_dict() if hasattr(value, "to_dict") else getattr(value, "reason", value)
    out[key] = hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()
print(json.dumps(out))
"""


def test_records_depend_neither_on_the_hash_seed_nor_on_what_was_loaded_before() -> None:
    """Build workers are separate processes, each with its own string hashes and its own history of loads (and
    caches): a record built by iterating a set, or read from a cache keyed too loosely, would differ by worker."""
    runs = []
    for seed, order in (("1", "forward"), ("2", "reverse")):
        run = subprocess.run([sys.executable, "-c", DIGESTS, str(REPO / "benchmarks/fuzz_loaders.py"), "300", order],
                             capture_output=True, text=True, timeout=600, env={**os.environ, "PYTHONHASHSEED": seed})
        assert run.returncode == 0, run.stderr
        runs.append(json.loads(run.stdout))
    assert len(runs[0]) > 300
    assert [key for key in runs[0] if runs[0][key] != runs[1][key]] == []
