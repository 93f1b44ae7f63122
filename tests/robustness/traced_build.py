"""`newsgen build` that notes each phase as it starts, so a test can say where a kill landed.

Usage: python traced_build.py TRACE_FILE <newsgen build arguments>

Each note is one line, "phase seconds", written with one unbuffered write, so it is
on disk before the next instruction and survives a SIGKILL. Phases: start (Python
imports newsgen), prepare (lock, leftovers, fingerprint, discovery), load, model,
render, index, swap, state (the build's record written after the swap), done.
Only the build's own module-level steps are wrapped; what they do is unchanged.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from typing import Any, Callable

STARTED = time.perf_counter()
# The build's steps in order, by the name build.py calls them under, and the phase each starts.
PHASES = (("load_all", "load"), ("build_site", "model"), ("publish", "render"), ("search_index", "index"),
          ("write_state", "state"))


def noter(trace: str) -> Callable[[str], None]:
    handle = os.open(trace, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def note(phase: str) -> None:
        os.write(handle, f"{phase} {time.perf_counter() - STARTED:.3f}\n".encode())
    return note


def traced(function: Callable[..., Any], phase: str, note: Callable[[str], None]) -> Callable[..., Any]:
    @functools.wraps(function)
    def run(*args: Any, **kwargs: Any) -> Any:
        note(phase)
        return function(*args, **kwargs)
    return run


def main() -> None:
    note = noter(sys.argv[1])
    note("start")
    from newsgen import build, output
    from newsgen.cli import main as cli

    for name, phase in PHASES:
        if hasattr(build, name):  # a renamed step is simply not noted: the test says which phase it never saw
            setattr(build, name, traced(getattr(build, name), phase, note))
    output.Staging.publish = traced(output.Staging.publish, "swap", note)
    note("prepare")
    try:
        cli.main(sys.argv[2:], prog_name="newsgen", standalone_mode=True)
    finally:
        note("done")


if __name__ == "__main__":
    main()
