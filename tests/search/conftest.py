"""The browser the search page tests share (one Chromium per module)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from helpers import launched_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    yield from launched_chromium()
