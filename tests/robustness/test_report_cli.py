"""Every input accounted for: the report's counts, its JSON forms, and the exit status (--strict too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgen.cli import main

PARAGRAPH = "The harbour board approved the new ferry timetable on Tuesday after a month of talks with residents."


def story(title: str, extra: str = "") -> str:
    return (f"---\ntitle: {title}\npublished: 2024-03-05T10:00:00+00:00\n{extra}---\n{PARAGRAPH}\n\n"
            f"{PARAGRAPH.replace('Tuesday', 'Wednesday')} The first crossing leaves at six.\n")


CLEAN = {"articles/one.txt": story("Ferry timetable approved"), "articles/two.md": story("Second ferry story")}
MIXED = {**CLEAN,
         "articles/draft.txt": story("Not yet", "draft: true\n"),
         "articles/broken.txt": b"\x00\x01\x02" * 100,
         "articles/notes.pdf": b"%PDF-1.4",
         "articles/.hidden.txt": story("Hidden"),
         "articles/story.txt~": story("Editor backup"),
         "articles/folder.txt/inner.txt": story("Inside a folder named like a file")}


def run(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--jobs", "1", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def test_every_file_in_articles_is_counted_once(make_site) -> None:
    site = make_site(MIXED)
    code, output = run(site)
    report = json.loads((site / "build/.newsgen/report.json").read_text(encoding="utf-8"))
    files = [p for p in (site / "articles").rglob("*") if p.is_file()]
    folders = [p for p in (site / "articles").rglob("*.txt") if p.is_dir()]
    assert sum(report["counts"].values()) == len(report["outcomes"]) == len(files) + len(folders)
    statuses = {o["path"]: o["status"] for o in report["outcomes"]}
    assert statuses["one.txt"] == statuses["two.md"] == statuses["folder.txt/inner.txt"] == "built"
    assert statuses["draft.txt"] == statuses["notes.pdf"] == "skipped" and statuses["broken.txt"] == "failed"
    assert statuses[".hidden.txt"] == statuses["story.txt~"] == "skipped"
    assert all(o["reason"] for o in report["outcomes"] if o["status"] != "built")
    assert code == 1 and "broken.txt" in output
    assert (site / "build" / next(o["url"] for o in report["outcomes"] if o["path"] == "one.txt")).is_file()


def test_report_file_holds_the_same_report(make_site, tmp_path: Path) -> None:
    site = make_site(MIXED)
    code, _ = run(site, "--report", str(tmp_path / "out/report.json"))
    saved = json.loads((tmp_path / "out/report.json").read_text(encoding="utf-8"))
    assert saved == json.loads((site / "build/.newsgen/report.json").read_text(encoding="utf-8"))
    failed = next(o for o in saved["outcomes"] if o["status"] == "failed")
    assert set(failed) == {"path", "status", "reason", "line", "url", "warnings"} and "binary" in failed["reason"]
    assert saved["counts"]["failed"] == 1 and code == 1


def test_an_unchanged_site_reports_the_same_again(make_site, tmp_path: Path) -> None:
    site = make_site(MIXED)
    run(site, "--report", str(tmp_path / "first.json"))
    code, _ = run(site, "--report", str(tmp_path / "second.json"))
    first, second = (json.loads((tmp_path / n).read_text(encoding="utf-8")) for n in ("first.json", "second.json"))
    assert first["outcomes"] == second["outcomes"] and code == 1


@pytest.mark.parametrize(("files", "strict", "code"), [
    (CLEAN, False, 0), (CLEAN, True, 0),
    ({**CLEAN, "articles/typo.txt": story("Typo", "titel: x\n")}, False, 0),
    ({**CLEAN, "articles/typo.txt": story("Typo", "titel: x\n")}, True, 1),
    ({**CLEAN, "articles/a.txt": story("Same"), "articles/b.txt": story("Same")}, True, 1),
], ids=["clean", "clean-strict", "warning", "warning-strict", "url-taken-strict"])
def test_strict_fails_on_warnings(make_site, files: dict, strict: bool, code: int) -> None:
    site = make_site(files, config="title: Ferries\nbase_url: https://news.example.org/\n")
    exit_code, output = run(site, *(["--strict"] if strict else []))
    assert exit_code == code, output
    if code:
        assert "--strict" in output
