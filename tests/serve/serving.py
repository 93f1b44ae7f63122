"""Starting a preview of a throwaway site and talking to it as a client would."""

from __future__ import annotations

import http.client
import json
import queue
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import pytest

from newsgen.serve import Preview, RebuildFailed, Rebuilt, ServeEvent, ServeOptions

T = TypeVar("T")

STORY = """Harbour reopens after storm

By Ana Lopes

The harbour reopened on Monday after a week of repairs to the sea wall, officials said in a statement.

Fishing boats were the first to leave, followed by the morning ferry to the islands, which had been cancelled.
"""
SITE_FILES = {"articles/harbour.txt": STORY, "static/app.js": "console.log(1);\n",
              "static/feed.json": "{}\n", "static/site.webmanifest": "{}\n", "static/font.woff2": b"wOF2",
              "static/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>\n", "static/photo.png": b"\x89PNG"}


@dataclass
class Served:
    """A running preview, the site it serves, and every build event it reported."""

    preview: Preview
    site: Path
    events: list[ServeEvent] = field(default_factory=list)

    @property
    def port(self) -> int:
        return self.preview.server.server_address[1]  # type: ignore[union-attr]

    def rebuilds(self) -> list[Rebuilt]:
        return [e for e in self.events if isinstance(e, Rebuilt) and e.changes]

    def failures(self) -> list[RebuildFailed]:
        return [e for e in self.events if isinstance(e, RebuildFailed)]

    def article_url(self, name: str = "harbour.txt") -> str:
        first = next(e for e in self.events if isinstance(e, Rebuilt))
        url = next(o.url for o in first.report.outcomes if o.path == name)
        return self.preview.base_path + url


def start(site: Path, **options: object) -> Served:
    events: list[ServeEvent] = []
    preview = Preview(site, ServeOptions(port=0, jobs=1, **options), on_event=events.append)  # type: ignore[arg-type]
    preview.start()
    return Served(preview, site, events)


CONFIG = "title: Harbour news\nbase_url: https://news.example.org\n"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One preview shared by a module's read-only tests (a fresh one costs about half a second)."""
    site = tmp_path_factory.mktemp("served") / "site"
    for rel, content in {**SITE_FILES, "newsgen.yaml": CONFIG}.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(content if isinstance(content, bytes) else content.encode())
    running = start(site)
    yield running
    running.preview.stop()


@pytest.fixture
def fresh(make_site: Callable[..., Path]) -> Iterator[Served]:
    """A preview of its own, for a test that changes the site."""
    running = start(make_site(SITE_FILES, CONFIG))
    yield running
    running.preview.stop()


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


def fetch(port: int, path: str, method: str = "GET", headers: dict[str, str] | None = None) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        reply = connection.getresponse()
        return Response(reply.status, {k.lower(): v for k, v in reply.getheaders()}, reply.read())
    finally:
        connection.close()


def raw_request(port: int, data: bytes) -> bytes:
    """Send bytes exactly as given (no client-side cleaning of the path) and read the whole reply."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def wait_for(check: Callable[[], T | None], timeout: float = 10.0, every: float = 0.02) -> T:
    """Poll until `check` returns something truthy; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"nothing after {timeout} s")


class EventStream:
    """Reads the live-reload stream on a thread and queues (event name, data) pairs."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=30)
        self.sock.sendall(b"GET /__newsgen__/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.events: queue.Queue[tuple[str, dict]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        name = ""
        try:
            for line in self.sock.makefile("rb"):
                text = line.decode().rstrip("\r\n")
                if text.startswith("event: "):
                    name = text[7:]
                elif text.startswith("data: "):
                    self.events.put((name, json.loads(text[6:])))
        except OSError:
            return

    def next(self, name: str, timeout: float = 10.0) -> dict:
        """The data of the next event called `name`, skipping others."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                got, data = self.events.get(timeout=left)
            except queue.Empty:
                break
            if got == name:
                return data
        raise AssertionError(f"no {name!r} event within {timeout} s")

    def close(self) -> None:
        self.sock.close()
