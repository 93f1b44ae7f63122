"""Publishing the built site atomically, writing only the bytes that changed.

The new site is assembled in a staging folder beside the old one and swapped
in only when complete, so a build that fails or is killed leaves the published
folder exactly as it was. A file whose bytes did not change is hard-linked from
the old site instead of written again: it keeps its timestamp (so a sync to
the host skips it) and costs no write.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath
from typing import Iterable

from .errors import BuildError
from .render import OutputFile

# renameat2(2) flag that swaps two paths in one step (Linux 3.15+).
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def safe_relpath(rel: str) -> PurePosixPath:
    """The output path, refused if it could land outside the output folder."""
    path = PurePosixPath(rel)
    if path.is_absolute() or ".." in path.parts or "\\" in rel or "\x00" in rel or not path.parts:
        raise BuildError(f"refusing to write outside the output folder: {rel!r}")
    return path


class Staging:
    """A new site being assembled next to `out_dir`; `publish()` swaps it in.

    Safe to use from forked worker processes: each file is created exclusively,
    so two pages on one path are caught even when different workers write them.
    """

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir.absolute()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        self.root = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=self.out_dir.parent))
        self.folders: set[str] = set()

    def target(self, rel: str) -> Path:
        """The staging path of an output file, its folder made once (tens of thousands of files)."""
        safe = safe_relpath(rel)
        folder = str(safe.parent)
        if folder not in self.folders:
            (self.root / folder).mkdir(parents=True, exist_ok=True)
            self.folders.add(folder)
        return self.root / safe

    def write(self, file: OutputFile) -> bool:
        """Write the file, or link the old copy when its bytes are the same; True if bytes were written."""
        target = self.target(file.path)
        old = self.out_dir / file.path
        if same_bytes(old, file.data) and self.link(old, target, file.path):
            return False
        try:
            with open(target, "xb") as handle:
                handle.write(file.data)
        except FileExistsError:
            raise BuildError(f"two pages want the same output path {file.path}") from None
        return True

    def keep(self, rel: str) -> bool:
        """Carry the old site's file over unchanged; False when there is none to keep."""
        old = self.out_dir / rel
        return old.is_file() and self.link(old, self.target(rel), rel)

    def link(self, old: Path, target: Path, rel: str) -> bool:
        try:
            os.link(old, target)
        except FileExistsError:
            raise BuildError(f"two pages want the same output path {rel}") from None
        except OSError:
            return False
        return True

    def publish(self) -> None:
        os.chmod(self.root, 0o755)
        swap_in(self.root, self.out_dir)

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def remove_leftovers(out_dir: Path) -> None:
    """Staging and old folders of builds that were killed; called under the build lock, so none is in use."""
    out_dir = out_dir.absolute()
    for pattern in (f".{out_dir.name}.new-*", f".{out_dir.name}.old-*"):
        for folder in out_dir.parent.glob(pattern):
            shutil.rmtree(folder, ignore_errors=True)


def same_bytes(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size != len(data):
            return False
        return path.read_bytes() == data
    except OSError:
        return False


def write_site(files: Iterable[OutputFile], out_dir: Path) -> int:
    """Write every file and publish; returns how many files were written (not linked)."""
    staging = Staging(out_dir)
    try:
        written = sum(staging.write(file) for file in files)
        staging.publish()
    except BaseException:
        staging.discard()
        raise
    return written


def swap_in(staging: Path, out_dir: Path) -> None:
    """Put the staging folder where `out_dir` is, in one atomic step where the system allows."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    if exchange(staging, out_dir):
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    old.rmdir()
    out_dir.rename(old)
    staging.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


def exchange(a: Path, b: Path) -> bool:
    """Swap two folders atomically with renameat2(RENAME_EXCHANGE); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0
