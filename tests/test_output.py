from pathlib import Path

import pytest

from newsgen.errors import BuildError
from newsgen.output import write_site
from newsgen.render import OutputFile


def test_site_is_written_and_replaces_the_old_one(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_site([OutputFile("index.html", b"one"), OutputFile("old/index.html", b"x")], out)
    write_site([OutputFile("index.html", b"two")], out)
    assert (out / "index.html").read_bytes() == b"two"
    assert not (out / "old").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build.alt", "build"]
    assert (tmp_path / ".build.alt" / "index.html").read_bytes() == b"one"


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b", "a\\b", "nul\x00byte", "", "a//b", "./a"],
                         ids=["dotdot", "absolute", "nested-dotdot", "backslash", "nul", "empty", "empty-part", "dot"])
def test_paths_outside_the_output_folder_are_refused(tmp_path: Path, path: str) -> None:
    with pytest.raises(BuildError):
        write_site([OutputFile(path, b"x")], tmp_path / "build")


def test_a_failed_write_leaves_the_previous_site_intact(tmp_path: Path) -> None:
    out = tmp_path / "build"
    write_site([OutputFile("index.html", b"good")], out)

    def broken():
        yield OutputFile("index.html", b"half")
        raise RuntimeError("render failed")

    with pytest.raises(RuntimeError):
        write_site(broken(), out)
    assert (out / "index.html").read_bytes() == b"good"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".build.alt", "build"]


def test_two_files_on_one_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="same output path"):
        write_site([OutputFile("a.html", b"1"), OutputFile("a.html", b"2")], tmp_path / "build")


def test_the_site_before_last_is_the_next_staging_tree_and_no_file_is_shared_by_a_change(tmp_path: Path) -> None:
    out, alt = tmp_path / "build", tmp_path / ".build.alt"
    write_site([OutputFile("a/index.html", b"1"), OutputFile("b/index.html", b"same")], out)
    first_tree_folder = (out / "a").stat().st_ino
    write_site([OutputFile("a/index.html", b"2"), OutputFile("b/index.html", b"same")], out)
    assert (out / "b/index.html").stat().st_ino == (alt / "b/index.html").stat().st_ino
    write_site([OutputFile("a/index.html", b"3"), OutputFile("c/index.html", b"new")], out)
    assert (out / "a").stat().st_ino == first_tree_folder
    assert (out / "a/index.html").read_bytes() == b"3" and (alt / "a/index.html").read_bytes() == b"2"
    assert (alt / "b/index.html").read_bytes() == b"same" and not (out / "b").exists()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        ".newsgen/files.txt", "a/index.html", "c/index.html"]


def test_a_tree_left_unfinished_is_checked_whole_before_reuse(tmp_path: Path) -> None:
    out, alt = tmp_path / "build", tmp_path / ".build.alt"
    write_site([OutputFile("a/index.html", b"1")], out)
    write_site([OutputFile("a/index.html", b"2")], out)
    (alt / ".newsgen" / "files.txt").unlink()
    (alt / "junk").mkdir()
    (alt / "junk" / "left.html").write_bytes(b"half")
    (alt / "a" / "index.html").write_bytes(b"half")
    write_site([OutputFile("a/index.html", b"3")], out)
    assert (out / "a/index.html").read_bytes() == b"3" and not (out / "junk").exists()
