"""Writing the built site: into a fresh folder beside the old one, swapped in only when complete.

A build that fails or is killed half-way leaves the published folder as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Iterable

from .errors import BuildError
from .render import OutputFile


def safe_relpath(rel: str) -> PurePosixPath:
    """The output path, refused if it could land outside the output folder."""
    path = PurePosixPath(rel)
    if path.is_absolute() or ".." in path.parts or "\\" in rel or "\x00" in rel or not path.parts:
        raise BuildError(f"refusing to write outside the output folder: {rel!r}")
    return path


def write_site(files: Iterable[OutputFile], out_dir: Path) -> int:
    """Write every file into a staging folder, then swap it for `out_dir`; returns the file count."""
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    try:
        count = write_files(files, staging)
        swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return count


def write_files(files: Iterable[OutputFile], root: Path) -> int:
    written: set[str] = set()
    for file in files:
        rel = safe_relpath(file.path)
        if str(rel) in written:
            raise BuildError(f"two pages want the same output path {rel}")
        target = root.joinpath(*rel.parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.data)
        written.add(str(rel))
    return len(written)


def swap_in(staging: Path, out_dir: Path) -> None:
    """Put the staging folder where `out_dir` is; the old one is removed only after."""
    os.chmod(staging, 0o755)
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    old.rmdir()
    out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)
