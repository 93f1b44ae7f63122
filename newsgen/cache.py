"""The load cache: an unchanged article is never parsed twice.

Entries are keyed by the file's digest, the loader code's own digest and the
options loading reads, so a changed file, a newer newsgen or a new time zone
each miss the cache without anyone having to remember to clear it. The folder
is safe to delete at any time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import cache
from pathlib import Path

from .config import SiteConfig
from .errors import SourceError
from .records import Article

CACHE_DIR = ".newsgen-cache"
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


class LoadCache:
    """Pickled records (or the SourceError a file gave) under `.newsgen-cache/records/`."""

    def __init__(self, site_dir: Path, config: SiteConfig) -> None:
        self.root = site_dir / CACHE_DIR / "records"
        self.salt = loader_version() + config.fingerprint("timezone", "language")

    def key(self, digest: str) -> str:
        return hashlib.sha256((self.salt + digest).encode()).hexdigest()

    def path(self, digest: str) -> Path:
        key = self.key(digest)
        return self.root / key[:2] / f"{key}.pickle"

    def get(self, digest: str) -> Article | SourceError | None:
        try:
            with open(self.path(digest), "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, digest: str, value: Article | SourceError) -> None:
        """Write atomically: a reader never sees half an entry, whatever process writes it."""
        target = self.path(digest)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, target)
        except OSError:
            return
