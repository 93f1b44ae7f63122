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
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePosixPath
from typing import Any, BinaryIO, Callable, Collection

from .config import SiteConfig
from .errors import SourceError
from .records import Article, Record
from .sources import SIDECAR_SUFFIXES

Stamp = tuple[int, ...]

CACHE_DIR = ".newsgen-cache"
# What reading a cache file can raise when it is missing, damaged or from another newsgen: a miss.
UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError)
# The index file's layout, in its header: an index written in another is read as empty.
INDEX_LAYOUT = 3
# Each index entry's pickle is preceded by its length in this many bytes (little-endian).
ENTRY_SIZE_BYTES = 4
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
class Known(Record):
    """What the last build read from one path: its stamp, its digest and its record in listing form
    (pickled as a constructor call, as records are: the index holds one per article)."""

    stamp: Stamp
    digest: str
    value: Article | SourceError


@dataclass(frozen=True, slots=True)
class Index:
    """What the last build read from every path, and each entry's bytes as they were read."""

    entries: dict[str, Known] = dataclasses.field(default_factory=dict)
    pickled: dict[str, memoryview] = dataclasses.field(default_factory=dict)


def entry_bytes(rel: str, known: Known) -> bytes:
    """One index entry as the index file holds it."""
    return pickle.dumps((rel, known), protocol=pickle.HIGHEST_PROTOCOL)


def index_entry(blob: bytes) -> Known:
    """The entry that `entry_bytes` made."""
    _, known = pickle.loads(blob)
    return known  # type: ignore[no-any-return]


def file_stamp(name: str, sidecars: Collection[str]) -> Stamp | None:
    """Size, change times and inode of the file and of each sidecar it could have (0 when absent);
    None when one cannot be read, so the file is read again.

    The change time (ctime) moves on every write and cannot be set back by tools
    that restore modification times, so an equal stamp means equal bytes.
    `sidecars` are those its folder listed: most files have none, and a stat
    that fails costs more than one that succeeds.
    """
    stem = os.path.splitext(name)[0]
    stamp: Stamp = ()
    for path in (name, *(stem + suffix for suffix in SIDECAR_SUFFIXES)):
        if path is not name and path not in sidecars:
            stamp += (0,)
            continue
        try:
            info = os.stat(path)
        except OSError:
            return None
        stamp += (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
    return stamp


class LoadCache:
    """Pickled records (or the SourceError a file gave) under `.newsgen-cache/records/`,
    and the index of what each path held at the last build."""

    def __init__(self, site_dir: Path, config: SiteConfig) -> None:
        self.root = site_dir / CACHE_DIR / "records"
        self.salt = loader_version() + config.fingerprint("timezone", "language", "entities")
        self.index_path = site_dir / CACHE_DIR / "index.pickle"

    def read_index(self) -> Index:
        """The last build's index, empty when it is missing, unreadable or from other loading code.

        The file is a header (layout, salt, count) then one length-prefixed pickle per path:
        pickling the whole index at once kept a memo of every object in it (450 MB
        at 50,000 articles), and separate pickles let the next write copy the bytes
        of every entry that did not change instead of pickling it again.
        """
        entries: dict[str, Known] = {}
        pickled: dict[str, memoryview] = {}
        try:
            with open(self.index_path, "rb") as handle:
                layout, salt, count = pickle.load(handle)
                data = memoryview(handle.read())
            if (layout, salt) != (INDEX_LAYOUT, self.salt):
                return Index()
            at = 0
            for _ in range(count):
                size = int.from_bytes(data[at:at + ENTRY_SIZE_BYTES], "little")
                blob = data[at + ENTRY_SIZE_BYTES:at + ENTRY_SIZE_BYTES + size]
                rel, entries[rel] = pickle.loads(blob)
                pickled[rel] = blob
                at += ENTRY_SIZE_BYTES + size
        except UNREADABLE:
            return Index()
        return Index(entries, pickled)

    def write_index(self, entries: dict[str, Known], previous: Index, fresh: dict[str, bytes] | None = None) -> None:
        """Write the index; an entry that is the very one `previous` read is copied, not pickled, as is
        one whose bytes (`entry_bytes`) are in `fresh`; an index that is exactly the one read is left as it is."""
        if entries.keys() == previous.entries.keys() and all(previous.entries[r] is k for r, k in entries.items()):
            return
        made = fresh or {}

        def write(handle: BinaryIO) -> None:
            pickle.dump((INDEX_LAYOUT, self.salt, len(entries)), handle, protocol=pickle.HIGHEST_PROTOCOL)
            for rel, known in entries.items():
                blob = previous.pickled[rel] if previous.entries.get(rel) is known else \
                    made.get(rel) or entry_bytes(rel, known)
                handle.write(len(blob).to_bytes(ENTRY_SIZE_BYTES, "little"))
                handle.write(blob)

        atomic_write(self.index_path, write)

    def is_empty(self) -> bool:
        """No records at all (a first or cold build): nothing to look up, file by file."""
        return not self.root.is_dir()

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
    # Named by process rather than by mkstemp, whose random names cost more than the write itself:
    # only this process writes this name, and a killed one's leftover is simply written over.
    tmp = target.with_name(f".tmp-{os.getpid()}-{target.name}")
    try:
        try:
            handle = open(tmp, "wb")
        except FileNotFoundError:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = open(tmp, "wb")
        try:
            with handle:
                write(handle)
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
    except OSError:
        return
