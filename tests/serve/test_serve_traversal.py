"""Nothing outside the output folder is ever served, however the path is spelled."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from serving import SITE_FILES, Served, raw_request, start

SECRET = b"SECRET-7f3a-never-serve-me"
HEADERS = "Host: 127.0.0.1\r\nConnection: close\r\n\r\n"

# Each is sent byte for byte as the request target; the output folder is SITE/build,
# and a secret file sits both in SITE and beside it.
TRAVERSALS = [
    "/../secret.txt",
    "/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/%2E%2E/secret.txt",
    "/%252e%252e/secret.txt",
    "/%252e%252e/%252e%252e/secret.txt",
    "/..%2fsecret.txt",
    "/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/.%2e/secret.txt",
    "/%2e./%2e./secret.txt",
    "/./../secret.txt",
    "/static/../../secret.txt",
    "/static/%2e%2e/%2e%2e/secret.txt",
    "/static/..%252f..%252fsecret.txt",
    "//etc/passwd",
    "/%2fetc/passwd",
    "/%2Fetc%2Fpasswd",
    "/etc/passwd",
    "/%00",
    "/index.html%00.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/%u002e%u002e/secret.txt",
    "/..;/secret.txt",
    "http://evil.example/../secret.txt",
    "/leak.txt",
    "/leak-folder/secret.txt",
    "/leak-folder/site/secret.txt",
]


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("guarded")
    site = root / "site"
    for rel, content in SITE_FILES.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(content if isinstance(content, bytes) else content.encode())
    for folder in (root, site):
        (folder / "secret.txt").write_bytes(SECRET)
    running = start(site)
    os.symlink(root / "secret.txt", running.preview.output_dir / "leak.txt")
    os.symlink(root, running.preview.output_dir / "leak-folder")
    yield running
    running.preview.stop()


@pytest.mark.parametrize("target", TRAVERSALS)
def test_path_outside_the_output_folder_is_refused(guarded: Served, target: str) -> None:
    reply = raw_request(guarded.port, f"GET {target} HTTP/1.1\r\n{HEADERS}".encode())
    status = int(reply.split(b" ", 2)[1])
    assert status in (400, 404)
    assert SECRET not in reply and b"root:" not in reply


def test_a_file_inside_is_still_served(guarded: Served) -> None:
    reply = raw_request(guarded.port, f"GET /static/app.js HTTP/1.1\r\n{HEADERS}".encode())
    assert reply.startswith(b"HTTP/1.1 200") and b"console.log" in reply


def test_secret_really_is_beside_the_site(guarded: Served) -> None:
    """Guards the table above: the files it tries to reach exist."""
    assert (Path(guarded.site) / "secret.txt").read_bytes() == SECRET
    assert (guarded.preview.output_dir / "leak.txt").read_bytes() == SECRET
