"""Spreading work over processes: same results, same order, and the collector left as it was."""

import gc
import os

import pytest

from newsgen.workers import collection_paused, parallel_map


def square_and_pid(n: int, offset: int) -> tuple[int, int]:
    return n * n + offset, os.getpid()


@pytest.mark.parametrize("jobs", [1, 2])
def test_results_come_back_in_order_whatever_the_jobs(jobs: int) -> None:
    results = list(parallel_map(square_and_pid, list(range(50)), jobs, (1,)))
    assert [r for r, _ in results] == [n * n + 1 for n in range(50)]
    assert ({pid for _, pid in results} == {os.getpid()}) == (jobs == 1)


@pytest.mark.parametrize("enabled", [True, False])
def test_collection_paused_restores_the_collector_even_on_error(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ValueError), collection_paused():
            assert not gc.isenabled()
            raise ValueError
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()
