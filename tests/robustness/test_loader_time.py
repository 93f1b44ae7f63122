"""No shape of text makes a loader slow: thousands of lines alike load in a fraction of a second.

Each case repeats one line 2,000 times (about 10-60 KB); the bound is far above what a
linear loader takes (under 0.1 s) and far below what one that compares every line with
every later one takes (seconds), so it holds on a loaded machine and still catches that.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.loaders import load_bytes
from newsgen.sources import SourceFile

LINES = 2000
# CPU seconds for one load of LINES alike lines: the house bound is a few seconds per megabyte.
BOUND = 1.0
SHAPES = {
    "colon": "Item:\n",
    "colon-blank": "Item:\n\n",
    "numbered": "{n}. Item\n",
    "bullet": "* Item\n",
    "menu": "Home\n",
    "parallel": "England (Group {n}): 10th\n",
    "byline": "By Jane Doe\n",
    "date": "March 3, 2024\n",
    "caption": "Photo: Jane Doe/Reuters\n",
    "heading": "A Headline Of Several Capitalised Words Here\n",
    "names": "John Smith said Mary Jones and Peter Brown met Anna Lee.\n",
}
CASES = [pytest.param(line, suffix, id=f"{suffix[1:]}-{shape}")
         for shape, line in SHAPES.items() for suffix in (".txt", ".md")]


@pytest.mark.parametrize("line, suffix", CASES)
def test_thousands_of_alike_lines_load_in_bounded_time(line: str, suffix: str) -> None:
    data = ("---\ntitle: Alike lines\n---\n" + "".join(line.format(n=n) for n in range(LINES))).encode()
    started = time.process_time()
    try:
        load_bytes(data, SourceFile(Path("alike" + suffix), "alike" + suffix, "digest"), SiteConfig())
    except SourceError:
        pass
    assert time.process_time() - started < BOUND


def test_a_paragraph_of_broken_links_with_extra_closing_brackets_loads_in_bounded_time() -> None:
    """Found by the third long fuzzing run: links broken by a ']' where the ')' should be."""
    data = ("---\ntitle: Broken links\n---\n" +
            "Readers can [renew books](javascript:alert(2)) or at the [front desk](books online]" * 600).encode()
    started = time.process_time()
    load_bytes(data, SourceFile(Path("links.md"), "links.md", "digest"), SiteConfig())
    assert time.process_time() - started < BOUND
