"""The build report as data: what `build/.newsgen/report.json` and `--report FILE` hold.

One shape for people's scripts and CI: every input with its status, reason, line,
URL and warnings; the counts per status; and the site-wide warnings. No timings or
absolute paths, so the same inputs give the same bytes wherever the site is built.
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import BuildReport

STATUSES = ("built", "skipped", "failed")


def report_data(report: BuildReport) -> dict[str, Any]:
    """The report as plain JSON-ready data; the keys stay stable for scripts that read them."""
    return {
        "outcomes": [outcome_data(o) for o in report.outcomes],
        "counts": {status: report.count(status) for status in STATUSES},
        "warnings": list(report.warnings),
        "files": report.files,
        "pages": report.rendered + report.unchanged,
    }


def outcome_data(outcome: Any) -> dict[str, Any]:
    data = dataclasses.asdict(outcome)
    data["warnings"] = list(data["warnings"])
    return data


def report_json(report: BuildReport) -> str:
    """The report as indented JSON text, keys in a stable order, non-ASCII kept readable."""
    return json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n"


def has_warnings(report: BuildReport) -> bool:
    """True when any article or the site as a whole has a warning (what `--strict` fails on)."""
    return bool(report.warnings) or any(o.warnings for o in report.outcomes)
