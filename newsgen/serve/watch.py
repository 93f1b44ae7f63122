"""Watching a site's inputs, and telling a build worth of changes from editor noise.

Two watchers run side by side: one recursive over the input folders that exist
(articles, templates, static), one flat over the site folder itself, which sees
`newsgen.yaml` saved (however the editor saves it) and an input folder being
created or removed; then the recursive one restarts over the new set of
folders. The site folder is never watched recursively, because the output
folder and its staging copies live in it and would churn on every build.
"""

from __future__ import annotations

import os
import queue
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import watchfiles

from ..cache import CACHE_DIR
from ..config import CONFIG_NAME
from ..sources import is_ignored_name

# watchfiles groups changes until none arrived for STEP_MS (at most DEBOUNCE_MS): a
# `git checkout` of hundreds of files lands within one step and makes one batch.
STEP_MS = 100
DEBOUNCE_MS = 2000
# Each watcher has debounced already; this only merges the two watchers' batches of one burst.
MERGE_SECONDS = 0.05
# How often a watcher looks at its stop signal (and, once, shows it is running).
POLL_MS = 100
# start() waits at most this long for the watchers to be running.
READY_SECONDS = 5.0
INPUT_FOLDERS = ("templates", "static")

Changes = set[str]


@dataclass(frozen=True, slots=True)
class WatchSpec:
    """What to watch: the site folder, its inputs, and the output folder to ignore."""

    site_dir: Path
    articles_dir: str
    output_dir: Path

    def roots(self) -> list[Path]:
        """Input folders that exist right now."""
        names = (self.articles_dir, *INPUT_FOLDERS)
        return [p for p in (self.site_dir / n for n in names) if p.is_dir()]

    def top_names(self) -> set[str]:
        """Names in the site folder whose change matters: the config and the input folders."""
        return {CONFIG_NAME, Path(self.articles_dir).parts[0], *INPUT_FOLDERS}

    def wanted(self, path: str) -> bool:
        """A change below an input folder, not editor temp files, the cache or the output."""
        absolute = Path(os.path.abspath(path))
        for skipped in (self.output_dir.absolute(), (self.site_dir / CACHE_DIR).absolute()):
            if absolute == skipped or skipped in absolute.parents:
                return False
        try:
            rel = absolute.relative_to(self.site_dir.absolute())
        except ValueError:
            return False
        return not any(is_ignored_name(part) for part in rel.parts)


class Watcher:
    """Puts each batch of relevant changed paths on a queue until stopped."""

    def __init__(self, spec: WatchSpec, changes: "queue.Queue[Changes]") -> None:
        self.spec = spec
        self.changes = changes
        self.stopping = threading.Event()
        self.restart = threading.Event()
        self.ready = [threading.Event(), threading.Event()]
        self.threads = [threading.Thread(target=self._watch_inputs, name="newsgen-watch-inputs", daemon=True),
                        threading.Thread(target=self._watch_top, name="newsgen-watch-site", daemon=True)]

    def start(self, timeout: float = READY_SECONDS) -> None:
        """Start both watchers and wait until they run, so no change right after start() is missed."""
        for thread in self.threads:
            thread.start()
        for ready in self.ready:
            ready.wait(timeout)

    def stop(self) -> None:
        self.stopping.set()
        self.restart.set()

    def _watch_inputs(self) -> None:
        """Recursive watch over the input folders, begun again whenever that set changes."""
        while not self.stopping.is_set():
            self.restart.clear()
            roots = self.spec.roots()
            if not roots:
                self.ready[0].set()
                self.restart.wait()
                continue
            self._pump(watchfiles.watch(*roots, watch_filter=self._input_filter, **self._timing(),
                                        stop_event=self.restart), self.ready[0])

    def _watch_top(self) -> None:
        self._pump(watchfiles.watch(self.spec.site_dir, watch_filter=self._top_filter, recursive=False,
                                    **self._timing(), stop_event=self.stopping), self.ready[1])

    def _pump(self, batches: Iterator[set[tuple[watchfiles.Change, str]]], ready: threading.Event) -> None:
        """Queue each non-empty batch; the first (possibly empty) one proves the watch is live."""
        try:
            for count, batch in enumerate(batches):
                if count == 0:
                    ready.set()
                if batch:
                    self._queue({path for _, path in batch})
        except (OSError, RuntimeError):
            # A root vanished under the watch: wait a moment, and the caller watches what is left.
            ready.set()
            self.restart.wait(POLL_MS / 1000)

    def _queue(self, paths: Changes) -> None:
        """Hand a batch to the builder; when an input folder came or went, first re-arm the recursive
        watch over the new folders, so an edit made right after the rebuild is not missed."""
        if any(self._moves_a_root(path) for path in paths):
            self.ready[0].clear()
            self.restart.set()
            self.ready[0].wait(READY_SECONDS)
        self.changes.put(paths)

    def _moves_a_root(self, path: str) -> bool:
        """An input folder itself appeared or went away, so the recursive watch needs new roots."""
        changed = Path(path)
        return changed.parent == self.spec.site_dir.absolute() and changed.name != CONFIG_NAME

    @staticmethod
    def _timing() -> dict[str, object]:
        return {"step": STEP_MS, "debounce": DEBOUNCE_MS, "rust_timeout": POLL_MS, "raise_interrupt": False,
                "yield_on_timeout": True}

    def _input_filter(self, _change: watchfiles.Change, path: str) -> bool:
        """An input folder itself coming or going is the site watcher's news, never this one's."""
        return self.spec.wanted(path) and not self._moves_a_root(path)

    def _top_filter(self, _change: watchfiles.Change, path: str) -> bool:
        return Path(path).name in self.spec.top_names()


def coalesce(changes: "queue.Queue[Changes]", first: Changes, quiet_seconds: float = MERGE_SECONDS) -> Changes:
    """The first batch plus any that follow within a quiet period: one rebuild for one burst."""
    merged = set(first)
    while True:
        try:
            merged |= changes.get(timeout=quiet_seconds)
        except queue.Empty:
            return merged
