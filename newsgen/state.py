"""What the last build left behind, so the next one can skip what has not changed.

Kept in the site's cache folder, one file per output folder: the inputs'
fingerprint (paths, sizes and modification times — what make and Hugo trust
too) and the identity of the published folder. When neither the inputs nor the
published folder changed, there is nothing to build, and the report is the one
published in that folder. The pages' input keys live in the published folder
too (see build.published_keys).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .cache import CACHE_DIR


@dataclass(frozen=True, slots=True)
class BuildState:
    inputs: str
    output: list[int]


def state_path(site_dir: Path, out_dir: Path) -> Path:
    return site_dir / CACHE_DIR / "builds" / (hashlib.sha256(str(out_dir).encode()).hexdigest()[:16] + ".json")


def read_state(path: Path) -> BuildState | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return BuildState(data["inputs"], data["output"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_state(path: Path, state: BuildState) -> None:
    """Written only after a successful publish; a lost state file only costs a full render."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"inputs": state.inputs, "output": state.output}, sort_keys=True),
                       encoding="utf-8")
        tmp.replace(path)
    except OSError:
        return


def folder_identity(folder: Path) -> list[int]:
    """Device and inode of the published folder: a swap, a deletion or a copy changes them."""
    try:
        info = folder.stat()
    except OSError:
        return []
    return [info.st_dev, info.st_ino]


def inputs_fingerprint(roots: Iterable[Path], salt: str) -> str:
    """Paths, sizes and modification times of every file below the roots (a root may be a file)."""
    digest = hashlib.sha256(salt.encode())
    for root in roots:
        for path in sorted(files_below(root)):
            try:
                info = os.stat(path)
            except OSError:
                continue
            digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def files_below(root: Path) -> list[str]:
    if root.is_file():
        return [str(root)]
    return [os.path.join(top, name) for top, dirs, names in os.walk(root) if "__pycache__" not in top
            for name in names]
