"""Spreading work over processes: same results in the same order, whatever the number of jobs."""

import os

import pytest

from newsgen.workers import parallel_map


def square_and_pid(n: int, offset: int) -> tuple[int, int]:
    return n * n + offset, os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_back_in_order_whatever_the_jobs(jobs: int) -> None:
    results = list(parallel_map(square_and_pid, list(range(50)), jobs, (1,)))
    assert [r for r, _ in results] == [n * n + 1 for n in range(50)]
    assert ({pid for _, pid in results} == {os.getpid()}) == (jobs == 1)
