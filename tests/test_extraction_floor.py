"""The extraction quality gate: body F1 on the dev pages never drops below the recorded floor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import EVAL, REPO, needs_eval

FLOOR = json.loads((REPO / "benchmarks" / "extraction_floor.json").read_text(encoding="utf-8"))["floor"]


def benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_extraction", REPO / "benchmarks" / "eval_extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_eval()
@pytest.mark.parametrize("form", sorted(FLOOR))
def test_body_f1_stays_above_the_floor(form: str) -> None:
    result = benchmark().evaluate(form, Path(EVAL))
    assert result["f1"] >= FLOOR[form], f"{form}: F1 {result['f1']:.3f} fell below the floor {FLOOR[form]}"
