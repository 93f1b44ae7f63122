"""One build at a time per output folder: a second one refuses rather than interleave its output."""

from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import BuildError


@contextmanager
def exclusive(lock_file: Path, what: Path) -> Iterator[None]:
    """Hold an advisory lock for the duration; the system drops it if the process dies."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another newsgen build is writing {what}; run this one when it has finished") from None
        yield
    finally:
        os.close(fd)
