"""The build report as data: what `build/.newsgen/report.json` and `--report FILE` hold.

One shape for people's scripts and CI: every input with its status, reason, line,
URL and warnings; the counts per status; and the site-wide warnings. No timings or
absolute paths, so the same inputs give the same bytes wherever the site is built.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .records import field_names

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
    """One input's entry (plain field reads: `dataclasses.asdict` took seconds at 10,000 inputs)."""
    data = {name: getattr(outcome, name) for name in field_names(type(outcome))}
    data["warnings"] = list(data["warnings"])
    return data


def report_json(report: BuildReport) -> str:
    """The report as JSON text, keys in a stable order, non-ASCII kept readable: indented, with one
    input a line so that tens of thousands of them stay quick to write and to read with grep."""
    data = report_data(report)
    encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode  # one encoder for every line
    inputs = ",\n".join(f"    {encode(o)}" for o in data.pop("outcomes"))
    head = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    listed = f"\n{inputs}\n  " if inputs else ""
    return f'{head[:-2]},\n  "outcomes": [{listed}]\n}}\n'


def has_warnings(report: BuildReport) -> bool:
    """True when any article or the site as a whole has a warning (what `--strict` fails on)."""
    return bool(report.warnings) or any(o.warnings for o in report.outcomes)
