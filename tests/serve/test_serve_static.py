"""The preview answers like a static host: files, types, folders, redirects, 404, HEAD, limits."""

from __future__ import annotations

import socket
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from serving import SITE_FILES, Served, fetch, raw_request, served, start  # noqa: F401  (fixture)


@pytest.mark.parametrize(("path", "kind"), [
    ("/", "text/html; charset=utf-8"),
    ("/index.html", "text/html; charset=utf-8"),
    ("/static/style.css", "text/css; charset=utf-8"),
    ("/static/app.js", "text/javascript; charset=utf-8"),
    ("/static/feed.json", "application/json"),
    ("/static/site.webmanifest", "application/manifest+json"),
    ("/static/font.woff2", "font/woff2"),
    ("/static/logo.svg", "image/svg+xml"),
    ("/static/photo.png", "image/png"),
    ("/sitemap.xml", "application/xml"),
    ("/robots.txt", "text/plain; charset=utf-8"),
], ids=lambda v: v if v.startswith("/") else None)
def test_file_has_its_type_and_no_caching(served: Served, path: str, kind: str) -> None:
    response = fetch(served.port, path)
    assert response.status == 200
    assert response.headers["content-type"] == kind
    assert response.headers["cache-control"] == "no-store"
    assert int(response.headers["content-length"]) == len(response.body)


def test_folder_serves_its_index_and_article_page_names_the_story(served: Served) -> None:
    response = fetch(served.port, served.article_url())
    assert response.status == 200 and b"Harbour reopens after storm" in response.body


def test_folder_without_slash_redirects(served: Served) -> None:
    folder = served.article_url().rstrip("/").removesuffix("/index.html").removesuffix("/")
    response = fetch(served.port, folder + "?q=1")
    assert response.status == 301 and response.headers["location"] == folder + "/?q=1"


def test_missing_page_gets_the_site_404_page_with_status_404(served: Served) -> None:
    response = fetch(served.port, "/no/such/page.html")
    assert response.status == 404 and b"Page not found" in response.body


def test_head_has_the_headers_and_no_body(served: Served) -> None:
    get, head = fetch(served.port, "/static/style.css"), fetch(served.port, "/static/style.css", "HEAD")
    assert head.status == 200 and head.body == b""
    assert head.headers["content-length"] == get.headers["content-length"]


def test_reload_script_is_injected_into_html_only_and_never_written(served: Served) -> None:
    assert b"__newsgen__/events" in fetch(served.port, "/").body
    assert b"__newsgen__" not in fetch(served.port, "/static/app.js").body
    written = served.preview.output_dir / "index.html"
    assert b"__newsgen__" not in written.read_bytes()


def test_other_methods_are_refused(served: Served) -> None:
    assert fetch(served.port, "/", "POST").status == 405


def test_base_path_serves_below_it_and_redirects_to_it(make_site) -> None:
    running = start(make_site(SITE_FILES), base_path="/archive")
    try:
        assert fetch(running.port, "/archive/").status == 200
        assert fetch(running.port, "/archive/static/style.css").status == 200
        assert fetch(running.port, "/index.html").status == 404
        for path in ("/", "/archive"):
            response = fetch(running.port, path)
            assert response.status == 301 and response.headers["location"] == "/archive/"
    finally:
        running.preview.stop()


def test_request_line_over_the_limit_gets_414(served: Served) -> None:
    reply = raw_request(served.port, b"GET /" + b"a" * 20_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert reply.startswith(b"HTTP/1.1 414") or reply.startswith(b"HTTP/1.0 414")


@pytest.mark.parametrize("headers", [
    b"X-Big: " + b"a" * 40_000 + b"\r\n",
    b"".join(b"X-Many-%d: %s\r\n" % (i, b"b" * 500) for i in range(90)),
], ids=["one-long-header", "many-headers"])
def test_headers_over_the_limit_get_431(served: Served, headers: bytes) -> None:
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + b"Connection: close\r\n\r\n"
    reply = raw_request(served.port, request)
    assert b" 431 " in reply.split(b"\r\n", 1)[0]


def test_many_concurrent_clients_are_all_served(served: Served) -> None:
    with ThreadPoolExecutor(max_workers=100) as pool:
        statuses = list(pool.map(lambda i: fetch(served.port, "/" if i % 2 else "/static/style.css").status,
                                 range(400)))
    assert statuses == [200] * 400


def test_slow_clients_do_not_block_others(served: Served) -> None:
    idle = [socket.create_connection(("127.0.0.1", served.port)) for _ in range(200)]
    try:
        for sock in idle:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # headers never finished
        started = time.monotonic()
        assert fetch(served.port, "/").status == 200
        assert time.monotonic() - started < 2
    finally:
        for sock in idle:
            sock.close()


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1", 200), ("localhost:8000", 200), ("[::1]:8000", 200), ("app.localhost", 200),
    ("evil.example", 403), ("evil.example:8000", 403), ("127.0.0.1.evil.example", 403),
], ids=lambda v: str(v))
def test_only_loopback_host_names_are_answered(served: Served, host: str, status: int) -> None:
    """A page on another site that rebinds its name to 127.0.0.1 must not read the preview."""
    assert fetch(served.port, "/", headers={"Host": host}).status == status
