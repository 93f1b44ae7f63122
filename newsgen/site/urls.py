"""URLs of the site's pages: safe, unique, stable slugs."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MAX_SLUG = 80
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                              *(f"lpt{i}" for i in range(1, 10))})


@lru_cache(maxsize=1 << 17)
def slugify(text: str, fallback: str = "article") -> str:
    """A lowercase, hyphenated path segment that is safe on every file system and host."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    text = re.sub(r"-{2,}", "-", text)[:MAX_SLUG].strip("-_")
    if not text or text in WINDOWS_RESERVED:
        return fallback if not text else f"{text}-{fallback}"
    return text


def unique_slugs(wanted: list[str]) -> list[str]:
    """The wanted slugs, with -2, -3... added to every later one that clashes."""
    taken: set[str] = set()
    result = []
    for slug in wanted:
        candidate, n = slug, 2
        while candidate in taken:
            candidate, n = f"{slug}-{n}", n + 1
        taken.add(candidate)
        result.append(candidate)
    return result


def article_path(slug: str) -> str:
    return f"articles/{slug}/index.html"


def listing_path(folder: str, number: int = 1) -> str:
    """Page `number` of a listing whose first page is `folder/index.html` ('' is the home page)."""
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}index.html" if number == 1 else f"{prefix}page/{number}/index.html"


def term_folder(kind: str, slug: str) -> str:
    return f"{kind}/{slug}"


def year_path(year: int) -> str:
    return f"archive/{year:04d}/index.html"


def month_path(year: int, month: int) -> str:
    return f"archive/{year:04d}/{month:02d}/index.html"


UNDATED_PATH = "archive/undated/index.html"
ARCHIVE_PATH = "archive/index.html"
CORRECTIONS_PATH = "corrections/index.html"
ABOUT_PATH = "about/index.html"
NOT_FOUND_PATH = "404.html"


def relative_root(page_path: str) -> str:
    """The prefix that leads from a page back to the site root, e.g. '../../'."""
    return "../" * page_path.count("/")


def absolute_url(base_url: str, path: str) -> str:
    """The public URL of an output path: folder form for index pages (`/articles/x/`)."""
    if path == "index.html":
        path = ""
    elif path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{base_url.rstrip('/')}/{path}"


# Each feed format: file name, media type, and the label shown to readers.
FEED_FORMATS: tuple[tuple[str, str, str], ...] = (
    ("atom.xml", "application/atom+xml", "Atom"),
    ("rss.xml", "application/rss+xml", "RSS"),
    ("feed.json", "application/feed+json", "JSON Feed"),
)


def feed_path(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name
