"""Spreading a stage's work over processes, with the same results in the same order.

Workers are forked, so the large read-only inputs (the site model, the Jinja
environment, the staging folder) are inherited rather than pickled; only the
items and the small results cross between processes.
"""

from __future__ import annotations

import gc
import multiprocessing
from typing import Any, Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items a pool costs more than it saves.
MIN_PARALLEL_ITEMS = 8

_shared: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def parallel_map(fn: Callable[..., Result], items: Sequence[Item], jobs: int, shared: tuple[Any, ...],
                 progress: Callable[[str, int, int], None] | None = None, stage: str = "") -> Iterator[Result]:
    """`fn(item, *shared)` for every item, in order, over `jobs` processes (1: in this process)."""
    total = len(items)
    if jobs <= 1 or total < MIN_PARALLEL_ITEMS or "fork" not in multiprocessing.get_all_start_methods():
        results: Iterator[Result] = (fn(item, *shared) for item in items)
    else:
        results = forked_map(fn, items, min(jobs, total), shared)
    for done, result in enumerate(results, 1):
        if progress is not None:
            progress(stage, done, total)
        yield result


def forked_map(fn: Callable[..., Result], items: Sequence[Item], jobs: int, shared: tuple[Any, ...]) -> Iterator[Result]:
    """The workers are forked with the parent's objects frozen out of garbage collection, so a worker's
    collections never write to (and so copy) the pages of the model it inherited."""
    context = multiprocessing.get_context("fork")
    gc.freeze()
    try:
        with context.Pool(jobs, initializer=remember, initargs=(fn, shared)) as pool:
            yield from pool.imap(call, items, chunksize=max(1, min(64, len(items) // (jobs * 8))))
    finally:
        gc.unfreeze()


def remember(fn: Callable[..., Any], shared: tuple[Any, ...]) -> None:
    """Runs once in each forked worker: keeps what every call needs (a worker-local global)."""
    global _shared
    _shared = (fn, shared)


def call(item: Any) -> Any:
    assert _shared is not None
    fn, shared = _shared
    return fn(item, *shared)

