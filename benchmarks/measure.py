"""Measuring one command: wall time, CPU seconds and peak memory of it and its children.

Peak RSS comes from GNU `time -v` (the largest single process); the process
tree's proportional set size is sampled from /proc meanwhile, so forked workers
are added up with shared pages counted once. Linux-first; elsewhere the numbers
fall back to `resource` and the PSS column is empty.
"""

from __future__ import annotations

import os
import re
import resource
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

GNU_TIME = Path("/usr/bin/time")
SAMPLE_SECONDS = 0.2  # memory sampling period: a peak shorter than this can be missed
SAMPLE_MEMORY = Path("/proc/self/smaps_rollup").exists()


@dataclass(frozen=True, slots=True)
class Run:
    wall: float
    cpu: float
    rss_mb: float | None
    """Largest single process (what `time -v` reports: workers are not added up)."""
    pss_mb: float
    """Whole process tree, sampled every SAMPLE_SECONDS: workers added up, shared pages counted once."""
    error: str = ""


def max_rss_mb(report: str) -> float | None:
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report)
    return int(match.group(1)) / 1024 if match else None


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def children_max_rss_mb() -> float:
    """Without GNU time: the largest child this process ever had, not only this run's."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def newer_processes(root: int) -> dict[int, int]:
    """Parent pid of every running process started after `root` (pids grow; a wrap-around is ignored)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) < root:
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
    return parents


def tree_pss_mb(root: int) -> float:
    """Proportional set size of a process and all its descendants: shared pages counted once."""
    tree, total_kb = {root}, 0
    for pid, parent in sorted(newer_processes(root).items()):
        if parent in tree:
            tree.add(pid)
    for pid in tree:
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        match = re.search(r"^Pss:\s+(\d+) kB", rollup, re.M)
        total_kb += int(match.group(1)) if match else 0
    return total_kb / 1024


def run_sampled(command: list[str], cwd: Path, timeout: float) -> tuple[int | None, str, float]:
    """Run to the end, sampling the process tree's memory; exit code (None on timeout), its output, peak PSS."""
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen(command, cwd=cwd, stdout=errors, stderr=subprocess.STDOUT, text=True,
                                 start_new_session=True)
        try:
            peak = sample_until_exit(child, timeout)
        finally:
            stop_group(child)
        errors.seek(0)
        return child.returncode if peak is not None else None, errors.read(), peak or 0.0


def sample_until_exit(child: subprocess.Popen[str], timeout: float) -> float | None:
    """The highest tree PSS seen while the child ran; None when it outlived the timeout."""
    deadline, peak = time.monotonic() + timeout, 0.0
    while child.poll() is None:
        if time.monotonic() > deadline:
            return None
        peak = max(peak, tree_pss_mb(child.pid) if SAMPLE_MEMORY else 0.0)
        time.sleep(SAMPLE_SECONDS)
    return peak


def stop_group(child: subprocess.Popen[str]) -> None:
    """Kill whatever is left of the child's session (workers, or the tool under `time`) and reap it."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    child.wait()


def measure(command: list[str], cwd: Path, timeout: float) -> Run:
    """Wall time, CPU seconds (user+sys of the child and its children) and peak memory of one command."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        wrapped = [str(GNU_TIME), "-v", "-o", report.name, *command] if GNU_TIME.exists() else command
        cpu_before, started = children_cpu(), time.perf_counter()
        code, output, pss = run_sampled(wrapped, cwd, timeout)
        wall, cpu = time.perf_counter() - started, children_cpu() - cpu_before
        rss = max_rss_mb(report.read()) if GNU_TIME.exists() else children_max_rss_mb()
    if code is None:
        return Run(wall, cpu, rss, pss, f"timed out after {timeout:.0f} s")
    return Run(wall, cpu, rss, pss, "" if code == 0 else f"exit {code}: {last_line(output)}")


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else "no output"
