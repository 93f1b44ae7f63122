"""What the search index holds and what an update must index again: pure, no Pagefind.

The index is log-structured: parts are never changed once written. An update
indexes only the pages whose searchable content changed, into one new part,
and marks their old copies (and removed pages) dead in the parts that hold
them; the search page drops dead results. Parts are rewritten whole only when
dead pages pile up or small parts multiply (compaction), so the manifest and
the number of parts stay bounded however many updates come.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field, replace

# A part is rewritten once this share of its pages is dead: results dropped in the browser stay few.
DEAD_SHARE = 0.1
# Live-page bounds of the size tiers below full (half a part or more; full parts are never merged).
# A tier holding more than MAX_PER_TIER parts is merged into one part of a higher tier, so a
# stream of one-page updates costs a few pages of indexing each on average, and the parts a
# browser loads stay few: at most MAX_PER_TIER per tier besides the full ones.
TIER_BOUNDS = (32, 320)
MAX_PER_TIER = 3

# What marks the element Pagefind indexes (the theme puts it on the article), and any other attribute
# Pagefind reads (filters, meta and sort keys also count outside the body). Found with bytes.find:
# a regular expression tried at every tag of a page's head costs several times more.
BODY_MARK = b"data-pagefind-body"
PAGEFIND_MARK = b"data-pagefind-"
TAG_NAME = re.compile(rb"[a-zA-Z][\w-]*")
NAME_CHAR = re.compile(rb"[\w-]")


@dataclass(frozen=True, slots=True)
class IndexedPage:
    """One page as a part indexed it: what Pagefind read, its page id there, its sort date."""

    digest: str
    fragment: str = ""
    published: int | None = None


@dataclass(frozen=True, slots=True)
class Part:
    """One immutable Pagefind index and which of its pages later updates made dead."""

    name: str
    pages: Mapping[str, IndexedPage]
    dead: frozenset[str] = frozenset()
    dead_filters: Mapping[str, Mapping[str, int]] = field(default_factory=dict)

    @property
    def live(self) -> list[str]:
        return [rel for rel in self.pages if rel not in self.dead]


@dataclass(frozen=True, slots=True)
class Plan:
    """The old parts carried over (dead sets updated) and the pages to index as new parts, grouped."""

    kept: tuple[Part, ...]
    groups: tuple[tuple[str, ...], ...]
    pages: Mapping[str, IndexedPage]
    """What is known of each page to index, before Pagefind gives it an id."""
    newly_dead: Mapping[str, frozenset[str]]
    """Per kept part, the pages this update made dead (their filters come off the browser's counts)."""


def searchable_digest(html: bytes) -> str:
    """A digest of what Pagefind reads from a page: its body element and its pagefind attributes.

    Related-article lists and older/newer links sit outside the body, so a page
    re-rendered only for them keeps its digest and is not indexed again.
    """
    start, end = body_span(html)
    outside = pagefind_tags(html, 0, start) + pagefind_tags(html, end, len(html))
    return hashlib.sha256(b"\0".join([html[start:end], *outside])).hexdigest()


def body_span(html: bytes) -> tuple[int, int]:
    """Where the data-pagefind-body element starts and ends; the whole page when it has none."""
    start = html.rfind(b"<", 0, max(html.find(BODY_MARK), 0))
    name = TAG_NAME.match(html, start + 1) if start >= 0 else None
    if name is None:
        return 0, len(html)
    opening, closing = b"<" + name.group(), b"</" + name.group()
    depth, at = 0, start
    while (close := html.find(closing, at)) >= 0:
        found = html.find(opening, at, close)
        if found >= 0:
            at = found + len(opening)
            depth += 0 if NAME_CHAR.match(html, at) else 1
            continue
        at = close + len(closing)
        depth -= 0 if NAME_CHAR.match(html, at) else 1
        if depth == 0:
            return start, html.find(b">", at) + 1 or len(html)
    return start, len(html)


def pagefind_tags(html: bytes, low: int, high: int) -> list[bytes]:
    """Each tag between `low` and `high` with a pagefind attribute, with the text that follows it."""
    tags = []
    at = html.find(PAGEFIND_MARK, low, high)
    while at >= 0:
        end = html.find(b"<", at)
        end = len(html) if end < 0 else end
        tags.append(html[html.rfind(b"<", low, at):end])
        at = html.find(PAGEFIND_MARK, end, high)
    return tags


def plan_update(old: list[Part], current: Collection[str], rendered: Collection[str],
                read: Callable[[str], IndexedPage], part_size: int) -> Plan:
    """What to index again, given the old parts and the article pages now in the site.

    Pages outside `rendered` are byte-identical to the pages the old parts
    indexed, so only rendered and new pages are read (`read`) again.
    """
    live = {rel: part.pages[rel] for part in old for rel in part.live}
    fresh = {rel: read(rel) for rel in current if rel not in live or rel in rendered}
    changed = {rel: page for rel, page in fresh.items() if rel not in live or live[rel].digest != page.digest}
    gone = changed.keys() | (live.keys() - set(current))
    marked = [replace(part, dead=part.dead | (set(part.live) & gone)) for part in old]
    kept, pool = compacted(marked, set(changed), part_size)
    pages = {rel: changed.get(rel) or live[rel] for rel in pool}
    before = {part.name: part.dead for part in old}
    newly_dead = {part.name: frozenset(part.dead - before[part.name]) for part in kept}
    ordered = newest_first(pages, lambda rel: pages[rel].published)
    return Plan(tuple(kept), tuple(balanced(ordered, part_size)), pages, newly_dead)


def compacted(parts: list[Part], pool: set[str], part_size: int) -> tuple[list[Part], set[str]]:
    """The parts to keep, and the pages to index: `pool` plus the live pages of every part rewritten,
    because too many of its pages are dead or its tier holds too many parts."""
    kept = []
    for part in parts:
        if part.live and len(part.dead) <= DEAD_SHARE * len(part.pages):
            kept.append(part)
        else:
            pool |= set(part.live)
    while (crowded := crowded_tier([len(part.live) for part in kept], len(pool), part_size)) is not None:
        pool |= {rel for part in kept if tier(len(part.live), part_size) == crowded for rel in part.live}
        kept = [part for part in kept if tier(len(part.live), part_size) != crowded]
    return kept, pool


def tier(live: int, part_size: int) -> int:
    """0 for the smallest parts, up to len(TIER_BOUNDS) for full ones."""
    if live >= max(1, part_size // 2):
        return len(TIER_BOUNDS)
    return sum(1 for bound in TIER_BOUNDS if live >= bound)


def crowded_tier(sizes: list[int], pending: int, part_size: int) -> int | None:
    """The smallest non-full tier holding more than MAX_PER_TIER parts, counting the pages to be written."""
    tiers = [tier(size, part_size) for size in sizes + ([pending] if pending else [])]
    for level in range(len(TIER_BOUNDS)):
        if tiers.count(level) > MAX_PER_TIER:
            return level
    return None


def balanced(pages: list[str], size: int) -> list[tuple[str, ...]]:
    """`pages` cut into the fewest groups of at most `size`, as even as possible (larger ones first), in order."""
    if not pages:
        return []
    count = math.ceil(len(pages) / size)
    small, extra = divmod(len(pages), count)
    bounds = [number * small + min(number, extra) for number in range(count + 1)]
    return [tuple(pages[bounds[i]:bounds[i + 1]]) for i in range(count)]


def newest_first(pages: Collection[str], published: Callable[[str], int | None]) -> list[str]:
    """The pages, newest first and undated last (ties by path, so the order is deterministic)."""
    dated = [(published(rel), rel) for rel in pages]
    return [rel for _, rel in sorted(dated, key=lambda item: (item[0] is None, -(item[0] or 0), item[1]))]


def with_dead_filters(part: Part, filters: list[Mapping[str, list[str]]]) -> Part:
    """The part with the filter values of newly dead pages added to the counts the browser subtracts."""
    counts = {key: dict(values) for key, values in part.dead_filters.items()}
    for page_filters in filters:
        for key, values in page_filters.items():
            for value in values:
                counts.setdefault(key, {})[value] = counts.get(key, {}).get(value, 0) + 1
    return replace(part, dead_filters=counts)


def part_to_json(part: Part) -> dict:
    return {"name": part.name, "dead": sorted(part.dead), "dead_filters": part.dead_filters,
            "pages": {rel: [page.digest, page.fragment, page.published] for rel, page in part.pages.items()}}


def part_from_json(data: dict) -> Part:
    pages = {rel: IndexedPage(digest, fragment, published) for rel, (digest, fragment, published)
             in data["pages"].items()}
    return Part(data["name"], pages, frozenset(data["dead"]), data["dead_filters"])


def browser_entry(part: Part) -> dict:
    """What the search page needs of a part: dead page ids, their filter counts, its live date range."""
    dates = [part.pages[rel].published for rel in part.live if part.pages[rel].published is not None]
    return {"name": part.name, "newest": max(dates, default=None), "oldest": min(dates, default=None),
            "dead": sorted(part.pages[rel].fragment for rel in part.dead), "deadFilters": part.dead_filters}
