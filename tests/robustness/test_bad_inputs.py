"""Bad input gets a clear one-line error for that file only, in bounded time and memory."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from bad_inputs import CASES, TEXT_PAGE, Case
from newsgen.build import BuildOptions, build
from newsgen.cli import main

# Peak memory allowed for a build holding the largest file newsgen reads: a safety bound.
MAX_RSS_MB = 1200


def site_with(tmp_path: Path, case: Case) -> Path:
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    (site / "articles/good.txt").write_text(TEXT_PAGE.replace("Ferry", "Good ferry"), encoding="utf-8")
    case.write(site / "articles" / case.name)
    return site


@pytest.mark.parametrize("case", [c for c in CASES if c.id != "19mb"], ids=lambda c: c.id)
def test_a_bad_file_is_reported_alone_and_the_site_still_built(tmp_path: Path, case: Case) -> None:
    site = site_with(tmp_path, case)
    started = time.process_time()  # CPU seconds: the bound holds however loaded the machine is
    report = build(site, BuildOptions(jobs=1))
    assert time.process_time() - started < case.budget
    outcome = next(o for o in report.outcomes if o.path == case.name)
    assert outcome.status == case.status, outcome
    assert case.reason in outcome.reason.lower() and "\n" not in outcome.reason
    assert outcome.line == case.line
    good = next(o for o in report.outcomes if o.path == "good.txt")
    assert good.status == "built" and (site / "build" / good.url).is_file()
    assert report.count("built") + report.count("skipped") + report.count("failed") == 2


@pytest.mark.parametrize("case", [c for c in CASES if c.id != "19mb"], ids=lambda c: c.id)
def test_the_command_names_the_file_and_prints_no_traceback(tmp_path: Path, case: Case) -> None:
    site = site_with(tmp_path, case)
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--jobs", "2"])
    assert result.exit_code == (1 if case.status == "failed" else 0), result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if case.status == "failed":
        where = f"{case.name}:{case.line}" if case.line else case.name
        printed = " ".join(result.output.split()).lower()  # the console wraps long lines at its width
        assert f"failed {where}: " in printed and case.reason in printed
    assert (site / "build/index.html").is_file()


MEASURE = """
import json, resource, sys, time
from pathlib import Path
from newsgen.build import BuildOptions, build
started = time.process_time()
report = build(Path(sys.argv[1]), BuildOptions(jobs=1))
print(json.dumps({"seconds": time.process_time() - started,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "statuses": {o.path: o.status for o in report.outcomes}}))
"""


def test_the_largest_readable_file_builds_in_bounded_time_and_memory(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.id == "19mb")
    site = site_with(tmp_path, case)
    next(c for c in CASES if c.id == "50mb").write(site / "articles/huge.txt")
    run = subprocess.run([sys.executable, "-c", MEASURE, str(site)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    measured = json.loads(run.stdout)
    assert measured["statuses"] == {"good.txt": "built", "large.txt": "built", "huge.txt": "failed"}
    assert measured["seconds"] < 5 * (19 + 50 / 50) + 2
    assert measured["rss_mb"] < MAX_RSS_MB
