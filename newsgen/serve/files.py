"""Which file answers a request path, the way a static host would decide.

Only files inside the output folder are ever answered. The path is decoded
once, and anything that could climb out of the folder or mean something
different to another layer (dot segments, backslashes, NUL and other control
characters, empty segments) is refused before the file system is touched;
the real path is then checked again, so a symlink leading outside is refused too.
"""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

# Types that mimetypes gets wrong, leaves out, or reads differently from each system's mime.types.
MIME_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".xml": "application/xml",
    ".atom": "application/atom+xml",
    ".rss": "application/rss+xml",
    ".xsl": "application/xslt+xml",
    ".webmanifest": "application/manifest+json",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".wasm": "application/wasm",
    ".pdf": "application/pdf",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".mp3": "audio/mpeg",
}
FALLBACK_TYPE = "application/octet-stream"
INDEX = "index.html"
NOT_FOUND_PAGE = "404.html"


@dataclass(frozen=True, slots=True)
class Answer:
    """What a request path leads to: a file to send, a redirect, or an error status."""

    status: int
    file: Path | None = None
    location: str = ""


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in MIME_TYPES:
        return MIME_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name, strict=False)
    return guessed or FALLBACK_TYPE


def normal_base_path(base_path: str) -> str:
    """`archive`, `/archive` and `/archive/` all mean `/archive/`; refuses what a URL path cannot be."""
    parts = [p for p in base_path.strip().split("/") if p]
    if any(p in (".", "..") or "\\" in p or "%" in p or "?" in p or "#" in p for p in parts):
        raise ValueError(f"not a usable base path: {base_path!r}")
    return "/" + "".join(f"{p}/" for p in parts)


def answer(root: Path, target: str, base_path: str = "/") -> Answer:
    """The answer for a request target (path and query, as sent) against the output folder."""
    raw_path, _, query = target.partition("?")
    raw_path = raw_path.partition("#")[0]
    if not raw_path.startswith("/") or "//" in raw_path:
        return Answer(404)
    try:
        path = unquote(raw_path, errors="strict")
    except UnicodeDecodeError:
        return Answer(400)
    if unsafe(path):
        return Answer(400)
    if path + "/" == base_path or (path == "/" and base_path != "/"):
        return Answer(301, location=base_path + (f"?{query}" if query else ""))
    if not path.startswith(base_path):
        return Answer(404)
    return file_answer(root, path[len(base_path):], raw_path, query)


def unsafe(path: str) -> bool:
    """Dot segments, backslashes and control characters have no place in a path a site links to."""
    if "\\" in path or any(ord(c) < 0x20 or ord(c) == 0x7F for c in path):
        return True
    return any(segment in (".", "..") for segment in path.split("/"))


def file_answer(root: Path, rel: str, raw_path: str, query: str) -> Answer:
    candidate = inside(root, rel)
    if candidate is None:
        return Answer(404)
    if candidate.is_dir():
        if not raw_path.endswith("/"):
            return Answer(301, location=raw_path + "/" + (f"?{query}" if query else ""))
        candidate = inside(root, f"{rel}/{INDEX}" if rel else INDEX)
    if candidate is None or not candidate.is_file():
        return Answer(404)
    return Answer(200, candidate)


def inside(root: Path, rel: str) -> Path | None:
    """The real path of `rel` below `root`, or None when it resolves (through symlinks) outside it."""
    real_root = os.path.realpath(root)
    real = os.path.realpath(os.path.join(real_root, *[p for p in rel.split("/") if p]))
    if real != real_root and not real.startswith(real_root + os.sep):
        return None
    return Path(real)


def not_found_page(root: Path) -> Path | None:
    """The site's own 404 page, when it has one inside the output folder."""
    page = inside(root, NOT_FOUND_PAGE)
    return page if page is not None and page.is_file() else None
