"""A corpus of the worst inputs a scraped archive holds, written on demand (nothing big is committed).

Each case writes itself into an `articles/` folder and says what the build must
report for it: the status, and words the one-line reason must contain.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

STORY = ("The harbour board approved the new ferry timetable on Tuesday after a month of talks "
         "with residents, who had asked for an earlier first crossing on weekdays.")
TEXT_PAGE = f"Ferry timetable approved\n\n{STORY}\n\n{STORY} It starts in May.\n"
HTML_PAGE = "<!doctype html><html><head><title>{title}</title></head><body>{body}</body></html>"


@dataclass(frozen=True, slots=True)
class Case:
    """One bad input: its file name, how to write it, and the outcome the build must report."""

    id: str
    name: str
    write: Callable[[Path], None]
    status: str
    reason: str = ""
    """A word or phrase the failure's reason contains (lower case), empty for built/skipped."""
    megabytes: float = 0.0
    line: int | None = None
    """The line the failure names, where the problem has one."""

    @property
    def budget(self) -> float:
        """CPU seconds the whole build may take with this file in it: a safety bound, not a benchmark."""
        return 5.0 * self.megabytes + 8.0


def data(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return data(content.encode(encoding))


def folder(path: Path) -> None:
    path.mkdir()


def fifo(path: Path) -> None:
    os.mkfifo(path)


def dangling_link(path: Path) -> None:
    path.symlink_to(path.parent / "no-such-target.txt")


def big_file(megabytes: int) -> Callable[[Path], None]:
    """Numbered paragraphs under a headline, written in chunks so the test itself stays light."""
    def write(path: Path) -> None:
        with path.open("wb") as handle:
            handle.write(b"A very long report\n\n")
            written, n = 0, 0
            while written < megabytes * 2**20:
                chunk = "".join(f"{STORY} Paragraph {i}.\n\n" for i in range(n, n + 1000)).encode()
                handle.write(chunk)
                written, n = written + len(chunk), n + 1000
    return write


def front(fields: str, body: str = TEXT_PAGE) -> str:
    return f"---\n{fields}\n---\n{body}"


def nested_html(depth: int) -> str:
    return HTML_PAGE.format(title="Deep", body="<div>" * depth + STORY + "</div>" * depth)


def html_bomb(elements: int) -> str:
    return HTML_PAGE.format(title="Bomb", body="<p>" + "<b>x</b>" * elements + "</p>" + f"<p>{STORY}</p>")


BOILERPLATE = "\n".join(["Home | World | Business | Sport", "Sign in", "Subscribe", "Advertisement",
                         "Share this article", "Cookie settings", "Privacy policy", "Terms of use",
                         "© 2024 Example Media"]) + "\n"

CASES = (
    Case("empty", "empty.txt", data(b""), "failed", "empty"),
    Case("whitespace", "blank.txt", text(" \n\t\n   \n"), "failed", "empty"),
    Case("binary", "binary.txt", data(bytes(range(256)) * 64), "failed", "binary"),
    Case("invalid-utf8", "invalid.txt", data(TEXT_PAGE.encode() + b"\xff\xfe\xc3\x28 caf\xe9\n"), "built"),
    Case("cp1252", "cp1252.txt", text(TEXT_PAGE.replace("talks", "“talks” — café"), "cp1252"), "built"),
    Case("latin-1", "latin1.txt", text(TEXT_PAGE.replace("talks", "Gespräche über Fähren"), "latin-1"), "built"),
    Case("utf16-bom", "utf16.txt", text("\ufeff" + TEXT_PAGE, "utf-16-le"), "built"),
    Case("cr-only", "cr.txt", text(TEXT_PAGE.replace("\n", "\r")), "built"),
    Case("mixed-endings", "mixed.txt", text(TEXT_PAGE.replace("\n\n", "\r\n\n", 1).replace("\n", "\r", 1)), "built"),
    Case("50mb", "huge.txt", big_file(50), "failed", "larger than", megabytes=50),
    Case("19mb", "large.txt", big_file(19), "built", megabytes=19),
    Case("1mb-line", "one-line.txt", text("Long line\n\n" + (STORY + " ") * (2**20 // len(STORY))), "built",
         megabytes=1),
    Case("100k-lines", "many-lines.txt", text("Many lines\n\n" + "word\n" * 100_000), "built", megabytes=0.5),
    Case("broken-yaml", "broken-yaml.txt", text(front("title: [unclosed\npublished: 2024-01-01")), "failed",
         "not valid yaml", line=3),
    Case("title-list", "title-list.txt", text(front("title: [a, b]")), "failed",
         "front-matter key 'title': must be text, got list", line=2),
    Case("feb-31", "feb31.txt", text(front("title: Bad date\npublished: 2024-02-31")), "failed",
         "front-matter key 'published': '2024-02-31' is not a valid date (day is out of range for month)", line=3),
    Case("naive-datetime", "naive.txt", text(front("title: Naive\npublished: 2024-03-01 10:00:00")), "built"),
    Case("no-title", "untitled.txt", text(f"{STORY}\n\n{STORY}\n"), "built"),
    Case("boilerplate-only", "chrome.txt", text(BOILERPLATE), "built"),
    Case("folder", "x.txt", folder, "skipped", "folder"),
    Case("fifo", "pipe.txt", fifo, "failed", "not a regular file"),
    Case("dangling-link", "gone.txt", dangling_link, "failed", "cannot read"),
    Case("deep-html", "deep.html", text(nested_html(10_000)), "failed", "nests"),
    Case("html-bomb", "bomb.html", text(html_bomb(300_000)), "built", megabytes=2.2),
)
