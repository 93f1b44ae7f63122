"""`newsgen serve` on the command line: the URL, a taken port, Ctrl-C."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from newsgen.cli import main
from newsgen.serve import is_loopback
from serving import SITE_FILES, fetch


def test_taken_port_is_a_one_line_error_with_status_2(make_site) -> None:
    site = make_site(SITE_FILES)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--site", str(site), "--port", str(port)])
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "in use" in result.stderr
    assert not (site / "build").exists()


def test_unusable_base_path_is_refused(make_site) -> None:
    result = CliRunner().invoke(main, ["serve", "--site", str(make_site(SITE_FILES)), "--base-path", "/a/../b"])
    assert result.exit_code == 2 and "base path" in result.stderr


@pytest.mark.parametrize(("host", "loopback"), [("127.0.0.1", True), ("::1", True), ("localhost", True),
                                                ("0.0.0.0", False), ("192.168.1.5", False), ("::", False)])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_prints_the_url_serves_it_and_stops_cleanly_on_ctrl_c(make_site) -> None:
    site = make_site(SITE_FILES)
    command = [sys.executable, "-c", "from newsgen.cli import main; main()", "serve", "--site", str(site),
               "--port", "0", "--jobs", "1"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        url = next(line.split()[1] for line in process.stderr if line.startswith("serving "))
        port = int(url.rsplit(":", 1)[1].strip("/"))
        assert fetch(port, "/").status == 200
        started = time.monotonic()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 0
        assert time.monotonic() - started < 3
    finally:
        if process.poll() is None:
            process.kill()
