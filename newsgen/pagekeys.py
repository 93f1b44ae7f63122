"""What each page's output depends on, as a digest: a page is rendered again only when it changes.

A page's key covers the site-wide inputs (templates, configuration) and the
page's own data. An article counts by its content digest and final slug. A
collection that the page only links to (a tag's articles, seen from an article
page) counts by its name and size, not its members, so editing one story does
not re-render every page that mentions one of its tags; the page's own listing
(`Page.articles`, a feed's entries) counts in full.
"""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

from .feeds import FeedSpec
from .records import Article, field_names
from .site import Page

Output = Page | FeedSpec

# Fields that hold a collection a page merely links to.
LINKED_COLLECTIONS = frozenset({"articles", "pages", "items", "terms", "children"})


def files_digest(folders: Iterable[Path]) -> str:
    """Digest of every file in the folders: any template (or newsgen code) edit re-renders every page."""
    digest = hashlib.sha256()
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and "__pycache__" not in path.parts:
                    digest.update(path.as_posix().encode())
                    digest.update(path.read_bytes())
    return digest.hexdigest()


def output_keys(items: Iterable[Output], site_key: str) -> dict[str, str]:
    """A key per page or feed, by its path."""
    memo: dict[int, str] = {}
    return {i.path: hashlib.sha256((site_key + output_signature(i, memo)).encode()).hexdigest() for i in items}


def output_signature(item: Output, memo: dict[int, str]) -> str:
    """Every field of a page or feed in full; collections that its fields merely link to, by size."""
    return "\x1f".join(f"{name}={signature(getattr(item, name), memo)}" for name in field_names(type(item)))


# Values whose repr is their signature.
PLAIN = frozenset({str, int, float, bool, type(None)})


def signature(value: Any, memo: dict[int, str]) -> str:
    kind = type(value)
    if kind in PLAIN:
        return repr(value)
    if kind is Article:
        return f"A{value.digest}:{value.slug}"
    if kind is datetime or kind is date:
        return value.isoformat()
    if callable(value) and not dataclasses.is_dataclass(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', kind.__name__)}"
    key = id(value)
    if key not in memo:
        memo[key] = short(composite_signature(value, memo))
    return memo[key]


def short(signature: str) -> str:
    """A composite's signature as a digest: the memo keeps one for every list a page shows, and the
    full texts of a large archive's lists took 150 MB at 50,000 articles."""
    return hashlib.blake2b(signature.encode(), digest_size=16).hexdigest()


def composite_signature(value: Any, memo: dict[int, str]) -> str:
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{signature(v, memo)}" for k, v in sorted(value.items())) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value
        return "[" + ",".join([signature(v, memo) for v in items]) + "]"
    if dataclasses.is_dataclass(value):
        return type(value).__name__ + "(" + ",".join(
            [field_signature(value, name, memo) for name in field_names(type(value))]) + ")"
    return repr(value)


def field_signature(value: Any, name: str, memo: dict[int, str]) -> str:
    inner = getattr(value, name)
    if name in LINKED_COLLECTIONS and isinstance(inner, (tuple, list)):
        return f"{name}#{len(inner)}"
    return f"{name}={signature(inner, memo)}"
