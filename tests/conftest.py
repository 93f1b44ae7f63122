"""Shared fixtures: a factory for throwaway sites, and where the shared evaluation data is."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
SEED = SHARED / "seeds" / "000_3191eae7ec735b93.txt"

SiteFactory = Callable[..., Path]


@pytest.fixture
def make_site(tmp_path: Path) -> SiteFactory:
    """Write a site folder from {relative path: text or bytes} and return its path."""

    def make(files: dict[str, str | bytes], config: str | None = None, name: str = "site") -> Path:
        site = tmp_path / name
        (site / "articles").mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            path = site / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        if config is not None:
            (site / "newsgen.yaml").write_text(config, encoding="utf-8")
        return site

    return make


def needs_eval() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is not present")
