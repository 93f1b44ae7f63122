"""Publishing the built site atomically, writing only the bytes that changed.

The new site is assembled in a staging folder beside the old one and swapped
in only when complete, so a build that fails or is killed leaves the published
folder exactly as it was. A file whose bytes did not change is hard-linked from
the old site instead of written again: it keeps its timestamp (so a sync to
the host skips it) and costs no write.

The site before the last one is kept beside the published folder (`.NAME.alt`)
and becomes the next staging folder: it already has every folder of the site
(one per article) and most files, so an incremental build only brings the
files that changed since it up to date. Making and deleting ten thousand
folders per build would otherwise cost more than rendering the pages that
changed. A tree is never changed in place while published, and a file is never
written through a link (always replaced), so the two trees never share a change.
Each tree lists its files in MANIFEST; the list is removed while the tree is being
changed, so a tree left by a killed build is checked whole before reuse.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import BuildError
from .render import OutputFile

# Every file of a finished tree, one path a line (but for a folder the build manages whole, such as
# the search index); absent from a tree being changed.
MANIFEST = ".newsgen/files.txt"
# renameat2(2) flag that swaps two paths in one step (Linux 3.15+).
RENAME_EXCHANGE = 2
AT_FDCWD = -100


def safe_relpath(rel: str) -> str:
    """The output path, refused if it could land outside the output folder or is not in plain form
    (every part a name: no "..", ".", empty part or leading slash)."""
    if "\\" in rel or "\x00" in rel or any(part in ("", ".", "..") for part in rel.split("/")):
        raise BuildError(f"refusing to write outside the output folder: {rel!r}")
    return rel


def alt_dir(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.alt"


class Staging:
    """A new site being assembled next to `out_dir`; `publish()` swaps it in.

    Safe to use from forked worker processes: each path is written by one worker,
    and a file is created exclusively, so two pages on one path are caught.
    `files` is what the staging tree held when it was last finished (None when
    it is new or was left unfinished).
    """

    def __init__(self, out_dir: Path, reuse: bool = True) -> None:
        self.out_dir = out_dir.absolute()
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        alt = alt_dir(self.out_dir)
        self.files: set[str] | None = None
        # A new, empty tree holds only what this build writes, and without a published site there is
        # nothing to link from: each file then costs one create instead of three checks and a create.
        self.fresh = not (reuse and alt.is_dir() and not alt.is_symlink())
        self.has_old = self.out_dir.is_dir()
        if not self.fresh:
            self.root = alt
            self.files = manifest_of(alt)
            (alt / MANIFEST).unlink(missing_ok=True)
        else:
            shutil.rmtree(alt, ignore_errors=True)
            self.root = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=self.out_dir.parent))
        self.folders: set[str] = set()
        # Paths as strings: path objects were a third of carrying 10,000 unchanged pages over.
        self.new_base = f"{self.root}{os.sep}"
        self.old_base = f"{self.out_dir}{os.sep}"

    def target(self, rel: str) -> str:
        """The staging path of an output file, its folder made once (tens of thousands of files)."""
        folder = safe_relpath(rel).rpartition("/")[0]
        if folder not in self.folders:
            os.makedirs(self.new_base + folder, exist_ok=True)
            self.folders.add(folder)
        return self.new_base + rel

    def write(self, file: OutputFile) -> bool:
        """Write the file, or keep or link a copy with the same bytes; True if bytes were written."""
        target = self.target(file.path)
        if not self.fresh and same_bytes(target, file.data):
            return False
        old = self.old_base + file.path
        if self.has_old and same_bytes(old, file.data) and self.link(old, target, file.path):
            return False
        if not self.fresh:
            unlink_if_there(target)
        try:
            with open(target, "xb") as handle:
                handle.write(file.data)
        except FileExistsError:
            raise BuildError(f"two pages want the same output path {file.path}") from None
        return True

    def keep(self, rel: str, held: bool = False) -> bool:
        """Carry the published file over unchanged; False when there is none to keep.

        `held` says the staging tree already has this very version (its page key
        matches), so there is nothing to do.
        """
        if held and self.files is not None and rel in self.files:
            return True
        return self.has_old and self.link(self.old_base + rel, self.target(rel), rel)

    def link(self, old: str, target: str, rel: str) -> bool:
        try:
            if not self.fresh:
                unlink_if_there(target)
            os.link(old, target)
        except FileExistsError:
            raise BuildError(f"two pages want the same output path {rel}") from None
        except OSError:
            return False
        return True

    def prune(self, wanted: set[str], exempt: str = "") -> None:
        """Remove every file the new site does not have, except below the folder `exempt`."""
        if self.fresh:
            return
        held = self.files if self.files is not None else files_below(self.root)
        prefix = f"{exempt}/" if exempt else None
        for rel in sorted(held - wanted - {MANIFEST}, reverse=True):
            if prefix is None or not rel.startswith(prefix):
                remove_file(self.root, rel)

    def remove_folder(self, folder: str) -> None:
        shutil.rmtree(self.root / folder, ignore_errors=True)

    def publish(self, files: set[str]) -> None:
        """List the new site's files and swap it in; the old site becomes the next staging tree."""
        manifest = self.root / MANIFEST
        manifest.parent.mkdir(exist_ok=True)
        manifest.write_text("".join(f"{rel}\n" for rel in sorted(files | {MANIFEST})), encoding="utf-8")
        os.chmod(self.root, 0o755)
        swap_in(self.root, self.out_dir)
        if self.root.exists():
            self.keep_as_alt()

    def keep_as_alt(self) -> None:
        """The old site, now at the staging path, waits beside the new one to be the next staging tree."""
        alt = alt_dir(self.out_dir)
        if self.root != alt:
            shutil.rmtree(alt, ignore_errors=True)
            self.root.rename(alt)

    def discard(self) -> None:
        """An unfinished tree is kept (without a manifest) for the next build to check and reuse."""
        if self.root.exists():
            self.keep_as_alt()


def manifest_of(tree: Path) -> set[str] | None:
    try:
        return set((tree / MANIFEST).read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return None


def files_below(tree: Path) -> set[str]:
    base = len(str(tree)) + 1
    return {os.path.join(top, name)[base:] for top, _, names in os.walk(tree) for name in names}


def remove_file(tree: Path, rel: str) -> None:
    """Remove a file and the folders it leaves empty."""
    path = tree / rel
    try:
        path.unlink()
    except OSError:
        return
    for folder in path.parents:
        if folder == tree:
            break
        try:
            folder.rmdir()
        except OSError:
            break


def remove_leftovers(out_dir: Path) -> None:
    """Staging and old folders of builds that were killed; called under the build lock, so none is in use."""
    out_dir = out_dir.absolute()
    for pattern in (f".{out_dir.name}.new-*", f".{out_dir.name}.old-*"):
        for folder in out_dir.parent.glob(pattern):
            shutil.rmtree(folder, ignore_errors=True)


def same_bytes(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as handle:
            return handle.read() == data
    except OSError:
        return False


def unlink_if_there(path: str) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def write_site(files: Iterable[OutputFile], out_dir: Path) -> int:
    """Write every file and publish; returns how many files were written (not linked)."""
    staging = Staging(out_dir)
    try:
        paths: set[str] = set()
        written = 0
        for file in files:
            if file.path in paths:
                raise BuildError(f"two pages want the same output path {file.path}")
            written += staging.write(file)
            paths.add(file.path)
        staging.prune(paths)
        staging.publish(paths)
    except BaseException:
        staging.discard()
        raise
    return written


def swap_in(staging: Path, out_dir: Path) -> None:
    """Put the staging folder where `out_dir` is, in one atomic step where the system allows;
    the old site is left at the staging path."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    if exchange(staging, out_dir):
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    old.rmdir()
    out_dir.rename(old)
    staging.rename(out_dir)
    old.rename(staging)


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
