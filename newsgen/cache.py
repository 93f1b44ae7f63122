"""The load cache: an unchanged article is never parsed twice.

Entries are keyed by the file's digest and suffix (which picks the loader), the
loader code's own digest and the options loading reads, so a changed file, a
newer newsgen or a new time zone each miss the cache without anyone having to
remember to clear it. The folder is safe to delete at any time.

Beside the records, one index file keeps what the last build read from every
path: the file's stat stamp, its digest and its record in listing form. A file
whose stamp is unchanged is neither read nor hashed again, and the records the
site model needs come from one file rather than one per article. A third file
keeps what the site model may reuse between builds (see `read_model_memo`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Callable

from .config import SiteConfig
from .errors import SourceError
from .records import Article
from .sources import SIDECAR_SUFFIXES

Stamp = tuple[int, ...]

CACHE_DIR = ".newsgen-cache"
# What reading a cache file can raise when it is missing, damaged or from another newsgen: a miss.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError)
# The modules whose code decides what a record holds.
LOADING_CODE = ("records.py", "loaders", "extract")


@cache
def loader_version() -> str:
    """A digest of the loading code itself, so any change to it invalidates cached records."""
    root = Path(__file__).parent
    digest = hashlib.sha256()
    for name in LOADING_CODE:
        target = root / name
        for path in sorted(target.rglob("*") if target.is_dir() else [target]):
            if path.is_file() and path.suffix in {".py", ".txt", ".json"}:
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Known:
    """What the last build read from one path: its stamp, its digest and its record in listing form."""

    stamp: Stamp
    digest: str
    value: Article | SourceError


def file_stamp(path: Path) -> Stamp | None:
    """Size, change times and inode of the file and of each sidecar it could have (0 when absent).

    The change time (ctime) moves on every write and cannot be set back by tools
    that restore modification times, so an equal stamp means equal bytes.
    """
    stamp: list[int] = []
    for candidate in (path, *(path.with_suffix(s) for s in SIDECAR_SUFFIXES)):
        try:
            info = os.stat(candidate)
        except FileNotFoundError:
            if candidate is path:
                return None
            stamp.append(0)
            continue
        except OSError:
            return None
        stamp += [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    return tuple(stamp)


class LoadCache:
    """Pickled records (or the SourceError a file gave) under `.newsgen-cache/records/`,
    and the index of what each path held at the last build."""

    def __init__(self, site_dir: Path, config: SiteConfig) -> None:
        self.root = site_dir / CACHE_DIR / "records"
        self.salt = loader_version() + config.fingerprint("timezone", "language", "entities")
        self.index_path = site_dir / CACHE_DIR / "index.pickle"

    def read_index(self) -> dict[str, Known]:
        """The last build's index, empty when it is missing, unreadable or from other loading code.

        The file is a header (salt, count) then one pickle per path: pickling the
        whole index at once kept a memo of every object in it, 450 MB at 50,000 articles.
        """
        try:
            with open(self.index_path, "rb") as handle:
                salt, count = pickle.load(handle)
                if salt != self.salt:
                    return {}
                return dict(pickle.load(handle) for _ in range(count))
        except UNREADABLE:
            return {}

    def write_index(self, paths: dict[str, Known]) -> None:
        def write(handle: BinaryIO) -> None:
            pickle.dump((self.salt, len(paths)), handle, protocol=pickle.HIGHEST_PROTOCOL)
            for item in paths.items():
                pickle.dump(item, handle, protocol=pickle.HIGHEST_PROTOCOL)

        atomic_write(self.index_path, write)

    def path(self, digest: str, rel: str) -> Path:
        """Where a file's entry lives: by its bytes' digest and its suffix, which picks the loader."""
        key = hashlib.sha256(f"{self.salt}{digest}{PurePosixPath(rel).suffix.lower()}".encode()).hexdigest()
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, digest: str, rel: str) -> Article | SourceError | None:
        """The entry for these bytes, as the file `rel` (two files may hold the same bytes)."""
        try:
            with open(self.path(digest, rel), "rb") as handle:
                value = pickle.load(handle)
        except UNREADABLE:
            return None
        if isinstance(value, SourceError):
            return SourceError(value.reason, rel, value.line)
        return dataclasses.replace(value, path=rel) if isinstance(value, Article) and value.path != rel else value

    def put(self, digest: str, rel: str, value: Article | SourceError) -> None:
        atomic_pickle(self.path(digest, rel), value)


def model_memo_path(site_dir: Path) -> Path:
    return site_dir / CACHE_DIR / "model.pickle"


def read_model_memo(site_dir: Path, key: str) -> dict[str, Any]:
    """What the site model kept from the last build, if that build ran the same code and configuration."""
    try:
        with open(model_memo_path(site_dir), "rb") as handle:
            saved = pickle.load(handle)
    except UNREADABLE:
        return {}
    return saved["memo"] if isinstance(saved, dict) and saved.get("key") == key else {}


def write_model_memo(site_dir: Path, key: str, memo: dict[str, Any]) -> None:
    atomic_pickle(model_memo_path(site_dir), {"key": key, "memo": memo})


def atomic_pickle(target: Path, value: Any) -> None:
    atomic_write(target, lambda handle: pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL))


def atomic_write(target: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write atomically: a reader never sees half a file, whatever process writes it. A cache that
    cannot be written (a read-only site folder) only costs time, so errors are ignored."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                write(handle)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        return
