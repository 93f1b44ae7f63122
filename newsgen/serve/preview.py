"""The preview: build once, serve the output folder, rebuild on every change.

Builds run on one thread, one at a time, while holding the site lock for
writing; requests hold it for reading. So a request that arrives during a
rebuild waits and gets the new page, and no request ever sees a folder in the
middle of being swapped. A failed build publishes nothing (the build is
atomic), so the last good site keeps being served while the open pages show
what went wrong.
"""

from __future__ import annotations

import functools
import queue
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ..build import BuildOptions, BuildReport, build
from ..config import load_config
from ..errors import NewsgenError
from .files import normal_base_path
from .handler import PreviewServer
from .live import Hub, Problem
from .watch import Changes, Watcher, WatchSpec, coalesce

# How long stop() lets a build in progress finish, so it does not leave a staging folder behind.
STOP_GRACE_SECONDS = 30.0
# How often the server loop looks for shutdown: the delay Ctrl-C (and each test) waits for.
SHUTDOWN_POLL_SECONDS = 0.05


class ServeError(NewsgenError):
    """The preview server cannot start (the address is taken, the base path is unusable)."""


@dataclass(frozen=True, slots=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    """0 picks a free port."""
    base_path: str = "/"
    """Serve the site below this path, to check a sub-path deployment."""
    output_dir: Path | None = None
    jobs: int = 0


@dataclass(frozen=True, slots=True)
class Rebuilt:
    """A build finished and was published; `changes` is empty for the first build."""

    report: BuildReport
    changes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RebuildFailed:
    """A build failed; the previous site is still served."""

    error: NewsgenError
    changes: tuple[str, ...]


ServeEvent = Rebuilt | RebuildFailed
OnEvent = Callable[[ServeEvent], None]


class SiteLock:
    """Many readers or one writer; a waiting writer goes first so a build is never starved."""

    def __init__(self) -> None:
        self._condition = threading.Condition()
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._condition:
            self._condition.wait_for(lambda: not self._writing and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._condition:
                self._readers -= 1
                self._condition.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._condition:
            self._writers_waiting += 1
            self._condition.wait_for(lambda: not self._writing and not self._readers)
            self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._condition:
                self._writing = False
                self._condition.notify_all()


class Preview:
    """A running preview of one site. `start()` builds and begins serving; `stop()` ends it all."""

    def __init__(self, site_dir: Path, options: ServeOptions | None = None, on_event: OnEvent | None = None) -> None:
        self.site_dir = site_dir.absolute()
        self.options = options or ServeOptions()
        self.on_event = on_event or (lambda event: None)
        self.output_dir = (self.options.output_dir or self.site_dir / "build").absolute()
        try:
            self.base_path = normal_base_path(self.options.base_path)
        except ValueError as exc:
            raise ServeError(str(exc)) from None
        self.lock = SiteLock()
        self.hub = Hub()
        self.changes: queue.Queue[Changes] = queue.Queue()
        self.stopped = threading.Event()
        self.server: PreviewServer | None = None
        self.watcher: Watcher | None = None
        self.threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        assert self.server is not None, "start() first"
        host, port = self.server.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}{self.base_path}"

    def start(self) -> None:
        """Bind first (so a taken port fails fast), then build, then serve and watch."""
        self.server = self.bind()
        self.rebuild(())
        self.watcher = Watcher(self.watch_spec(), self.changes)
        self.watcher.start()
        serve = functools.partial(self.server.serve_forever, poll_interval=SHUTDOWN_POLL_SECONDS)
        self.threads = [threading.Thread(target=serve, name="newsgen-serve", daemon=True),
                        threading.Thread(target=self.rebuild_loop, name="newsgen-rebuild", daemon=True)]
        for thread in self.threads:
            thread.start()

    def bind(self) -> PreviewServer:
        address = (self.options.host, self.options.port)
        try:
            return PreviewServer(address, self)
        except OSError as exc:
            raise ServeError(f"cannot listen on {self.options.host}:{self.options.port}: {exc.strerror or exc}"
                             + (" (try --port 0)" if self.options.port else "")) from None

    def watch_spec(self) -> WatchSpec:
        try:
            articles_dir = load_config(self.site_dir).articles_dir
        except NewsgenError:
            articles_dir = "articles"
        return WatchSpec(self.site_dir, articles_dir, self.output_dir)

    def rebuild_loop(self) -> None:
        while not self.stopped.is_set():
            changed = coalesce(self.changes, self.changes.get())
            if not self.stopped.is_set():
                self.rebuild(tuple(sorted(changed)))

    def rebuild(self, changes: tuple[str, ...]) -> None:
        """Build under the write lock; tell open pages and the caller how it went."""
        try:
            with self.lock.writing():
                report = build(self.site_dir, BuildOptions(output_dir=self.output_dir, jobs=self.options.jobs))
                # Still under the lock: every page served from the new site carries the new generation.
                self.hub.published(failed_articles(report))
        except NewsgenError as exc:
            self.failed(exc, changes)
            return
        except Exception as exc:  # a bug in a build stage must not end the preview
            self.failed(NewsgenError(f"{type(exc).__name__}: {exc}"), changes)
            return
        self.on_event(Rebuilt(report, changes))

    def failed(self, error: NewsgenError, changes: tuple[str, ...]) -> None:
        self.hub.failed((Problem(error.path or "", error.line, error.reason),))
        self.on_event(RebuildFailed(error, changes))

    def wait(self) -> None:
        """Block until stop(); Ctrl-C interrupts the wait in the main thread."""
        self.stopped.wait()

    def stop(self) -> None:
        self.stopped.set()
        self.changes.put(set())
        if self.watcher is not None:
            self.watcher.stop()
        self.hub.close()
        if self.server is not None and self.threads:
            self.server.shutdown()
        if self.server is not None:
            self.server.server_close()
        for thread in self.threads:
            thread.join(STOP_GRACE_SECONDS)


def failed_articles(report: BuildReport) -> tuple[Problem, ...]:
    """Articles the build left out, to show beside the page as well as in the terminal."""
    return tuple(Problem(o.path, o.line, o.reason) for o in report.outcomes if o.status == "failed")
