"""Finding the article files of a site, and what each one is."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
SIDECAR_SUFFIXES = (".yaml", ".yml")

# Editors write these beside the file being edited; they are never articles.
TEMP_NAME = re.compile(r"^(\.|#)|(~|\.swp|\.swx|\.swo|\.tmp|\.bak|\.part|\.crdownload)$|^4913$")


@dataclass(frozen=True, slots=True)
class SourceFile:
    """An input file: its path, its path relative to `articles/`, and its content digest."""

    path: Path
    rel: str
    digest: str


@dataclass(frozen=True, slots=True)
class Skipped:
    rel: str
    reason: str


def is_ignored_name(name: str) -> bool:
    return bool(TEMP_NAME.search(name))


def file_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def discover(articles_dir: Path) -> tuple[list[Path], list[Skipped]]:
    """Article files under `articles_dir` in a stable order, and what was passed over and why.

    Symlinks that lead outside the folder are not followed: an archive must not
    publish files it does not hold.
    """
    found: list[Path] = []
    skipped: list[Skipped] = []
    if not articles_dir.is_dir():
        return found, skipped
    root = articles_dir.resolve()
    for path in sorted(articles_dir.rglob("*")):
        rel = path.relative_to(articles_dir).as_posix()
        if any(is_ignored_name(part) for part in rel.split("/")):
            if path.is_file():
                skipped.append(Skipped(rel, "ignored: a hidden or editor temporary file"))
            continue
        if path.is_dir():
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                skipped.append(Skipped(rel, "a folder named like an article file"))
            continue
        reason = skip_reason(path, root)
        if reason:
            skipped.append(Skipped(rel, reason))
        else:
            found.append(path)
    return found, skipped


def skip_reason(path: Path, root: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in SIDECAR_SUFFIXES and any(path.with_suffix(s).exists() for s in ARTICLE_SUFFIXES):
        return "sidecar metadata"
    if suffix not in ARTICLE_SUFFIXES:
        return f"not an article file ({suffix or 'no suffix'})"
    if path.is_symlink() and not path.resolve().is_relative_to(root):
        return "symlink leading outside articles/"
    return ""


def sidecar_for(path: Path) -> Path | None:
    for suffix in SIDECAR_SUFFIXES:
        candidate = path.with_suffix(suffix)
        if candidate.is_file():
            return candidate
    return None
