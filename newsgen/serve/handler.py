"""The HTTP side of the preview: static files as a host serves them, plus the live-reload stream.

Each connection gets its own daemon thread, so slow clients and open event
streams never hold up other requests. A file is opened while the site lock is
held for reading and sent after it is released: the open handle keeps the
published bytes even if the next build swaps a new folder in meanwhile, and a
slow download never delays a build.
"""

from __future__ import annotations

import http.client
import ipaddress
import shutil
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .. import __version__
from .files import Answer, answer, content_type, not_found_page
from .live import EVENTS_PATH, KEEPALIVE, KEEPALIVE_SECONDS, change_events, opening_events, with_live_script

if TYPE_CHECKING:
    from .preview import Preview

# Far above any link the site makes, far below what would tie up memory.
MAX_REQUEST_LINE = 8 * 1024
MAX_HEADER_BYTES = 32 * 1024
# Seconds a connection may sit idle mid-request before its thread gives up on it.
SOCKET_TIMEOUT = 30
# Pending connections the kernel queues while threads are being started.
LISTEN_BACKLOG = 512
NOT_FOUND_HTML = b"<!doctype html><title>Not found</title><h1>Not found</h1>\n"


class HeaderBudget:
    """Reads header lines for `http.client.parse_headers`, failing once they pass a total size.

    The standard library only bounds each line and the number of lines; its
    parse error becomes a 431 in `parse_request`.
    """

    def __init__(self, stream: BinaryIO, budget: int) -> None:
        self.stream = stream
        self.budget = budget

    def readline(self, limit: int = -1) -> bytes:
        line = self.stream.readline(limit)
        self.budget -= len(line)
        if self.budget < 0:
            raise http.client.HTTPException("headers too large")
        return line


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], preview: "Preview") -> None:
        self.address_family = address_family(address[0])
        self.preview = preview
        super().__init__(address, PreviewHandler)


def address_family(host: str) -> socket.AddressFamily:
    infos = socket.getaddrinfo(host or None, 0, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    return infos[0][0] if infos else socket.AF_INET


def is_loopback(host: str) -> bool:
    """True for addresses only this machine can reach; a name other than localhost counts as not."""
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header, without its port: `[::1]:8000` gives `[::1]`."""
    if header.startswith("["):
        return header.partition("]")[0] + "]"
    return header.rpartition(":")[0] if header.count(":") == 1 else header


def open_or_none(path: Path | None) -> BinaryIO | None:
    """The file opened for reading; None when there is none, or it cannot be read (answered as 404)."""
    if path is None:
        return None
    try:
        return open(path, "rb")
    except OSError:
        return None


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = f"newsgen-preview/{__version__}"
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT

    def handle_one_request(self) -> None:
        """The standard loop step, with a tighter request-line limit and a total header budget."""
        try:
            self.raw_requestline = self.rfile.readline(MAX_REQUEST_LINE + 1)
        except (TimeoutError, ConnectionError):
            self.close_connection = True
            return
        if not self.raw_requestline:
            self.close_connection = True
            return
        if len(self.raw_requestline) > MAX_REQUEST_LINE:
            self.requestline, self.request_version, self.command = "", "", ""
            self.send_error(HTTPStatus.REQUEST_URI_TOO_LONG)
            return
        stream, self.rfile = self.rfile, HeaderBudget(self.rfile, MAX_HEADER_BYTES)  # type: ignore[assignment]
        try:
            parsed = self.parse_request()
        except (TimeoutError, ConnectionError):
            self.close_connection = True
            return
        finally:
            self.rfile = stream
        if parsed:
            self.dispatch()

    def dispatch(self) -> None:
        if self.command not in ("GET", "HEAD"):
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)
            return
        if not self.host_allowed():
            self.send_error(HTTPStatus.FORBIDDEN, "Host header is not a loopback name")
            return
        try:
            if self.path.partition("?")[0] == EVENTS_PATH:
                self.stream_events()
            else:
                self.send_site_file()
            self.wfile.flush()
        except (TimeoutError, ConnectionError):
            self.close_connection = True

    def host_allowed(self) -> bool:
        """Against DNS rebinding: a server bound to loopback answers only requests addressed to loopback."""
        if not is_loopback(self.server.preview.options.host):
            return True
        host = self.headers.get("Host")
        return host is None or is_loopback(host_name(host.strip().lower()))

    def send_site_file(self) -> None:
        preview = self.server.preview
        with preview.lock.reading():
            result = answer(preview.output_dir, self.path, preview.base_path)
            if result.status == 404:
                result = Answer(404, not_found_page(preview.output_dir))
            handle = open_or_none(result.file)
            generation = preview.hub.state().generation
        if handle is None:
            self.send_empty(result if result.file is None else Answer(404))
            return
        with handle:
            self.send_file(result, handle, generation)

    def send_empty(self, result: Answer) -> None:
        if result.status == 404:
            self.send_body(404, "text/html; charset=utf-8", with_live_script(NOT_FOUND_HTML, self.generation()))
            return
        self.send_response(result.status)
        if result.location:
            self.send_header("Location", result.location)
        self.send_common_headers(0)
        self.end_headers()

    def generation(self) -> str:
        return self.server.preview.hub.state().generation

    def send_file(self, result: Answer, handle: BinaryIO, generation: str) -> None:
        assert result.file is not None
        kind = content_type(result.file)
        if kind.startswith("text/html"):
            self.send_body(result.status, kind, with_live_script(handle.read(), generation))
            return
        size = handle.seek(0, 2)
        handle.seek(0)
        self.send_response(result.status)
        self.send_header("Content-Type", kind)
        self.send_common_headers(size)
        self.end_headers()
        if self.command != "HEAD":
            shutil.copyfileobj(handle, self.wfile)

    def send_body(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_common_headers(len(body))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_common_headers(self, length: int) -> None:
        """No caching of any kind: a preview must never show an earlier build."""
        self.send_header("Content-Length", str(length))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")

    def stream_events(self) -> None:
        """Server-Sent Events until the client goes away or the server stops."""
        hub = self.server.preview.hub
        state = hub.state()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command == "HEAD":
            return
        self.write_events(opening_events(state))
        while not state.closed:
            new = hub.next_state(state.serial, KEEPALIVE_SECONDS)
            if new is None:
                self.write_events([KEEPALIVE])
                continue
            self.write_events(change_events(state, new))
            state = new

    def write_events(self, events: list[bytes]) -> None:
        for event in events:
            self.wfile.write(event)
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:
        """Requests are not logged: the terminal is for build news."""
