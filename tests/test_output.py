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
    assert [p.name for p in tmp_path.iterdir()] == ["build"]


@pytest.mark.parametrize("path", ["../escape.html", "/etc/passwd", "a/../../b", "a\\b", "nul\x00byte", ""],
                         ids=["dotdot", "absolute", "nested-dotdot", "backslash", "nul", "empty"])
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
    assert [p.name for p in tmp_path.iterdir()] == ["build"]


def test_two_files_on_one_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(BuildError, match="same output path"):
        write_site([OutputFile("a.html", b"1"), OutputFile("a.html", b"2")], tmp_path / "build")
