"""Plumbing for the browser tests: where Chromium and axe-core are, and what a visit records."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from helpers import REPO, Built

AXE_JS = Path(os.environ.get("AXE_CORE_JS", REPO / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"))
ARTIFACTS = REPO / "test-artifacts" / "browser"
VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
SCHEMES = ("light", "dark")


@dataclass
class Visit:
    """An open tab and everything that went wrong in it so far."""

    page: Any
    problems: list[str] = field(default_factory=list)


def keep_on_disk(route: Any, problems: list[str]) -> None:
    """Let file:// loads through; refuse and record anything that would reach the network."""
    if route.request.url.startswith(("file:", "data:", "about:")):
        route.continue_()
    else:
        problems.append(f"network request: {route.request.url}")
        route.abort()


def file_url(built: Built, page: str) -> str:
    return (built.output / page).as_uri()


def axe_violations(tab: Visit, axe: str) -> list[str]:
    """axe-core's violations on the current page, one line each with the first offending element."""
    tab.page.add_script_tag(content=axe)
    result = tab.page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes'][0]['target']}" for v in result["violations"]]


def screenshot(tab: Visit, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    tab.page.screenshot(path=str(path), full_page=True)
    return path
