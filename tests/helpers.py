"""Helpers shared by the end-to-end, validator and browser tests.

The crawler reads a built site the way a static host or a browser opening it
from disk would: every reference is resolved against the page it is on, and a
reference to a folder means that folder's `index.html`.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from newsgen.build import BuildReport, build

REPO = Path(__file__).resolve().parent.parent
FIXTURE_SITE = REPO / "tests" / "fixtures" / "site"
BASE_URL = "https://news.example.org/archive"
BASE_URL_IDS = ["no-base-url", "base-url"]

# Attributes that point at another file, by tag; `srcset` is split separately.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src",
                   "iframe": "src", "audio": "src", "video": "src", "track": "src", "form": "action"}
# Schemes a static page may link to without it being a file of the site.
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto", "tel", "data"})
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


@dataclass(frozen=True, slots=True)
class Ref:
    """One reference found in a built file: where it is, which tag/attribute, and its value."""

    page: str
    tag: str
    attribute: str
    value: str
    rel: str = ""


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def launched_chromium() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright (never a downloaded browser), closed afterwards."""
    require(CHROMIUM.is_file(), f"{CHROMIUM} is missing (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        require(False, "playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def require(condition: bool, reason: str) -> None:
    """Skip when a tool is missing on a developer's machine; fail in CI, where .ci/run installs it."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this must run: see .ci/run)")
    pytest.skip(reason)


def copy_fixture(tmp_path: Path, base_url: str = "", name: str = "site") -> Path:
    """A private copy of the fixture site, with `base_url` appended to its config when given."""
    site = tmp_path / name
    shutil.copytree(FIXTURE_SITE, site)
    if base_url:
        with (site / "newsgen.yaml").open("a", encoding="utf-8") as config:
            config.write(f"base_url: {base_url}\n")
    return site


@dataclass(frozen=True)
class Built:
    """A fixture site built once: where it is, its output, its base_url and what the build said."""

    site: Path
    output: Path
    base_url: str
    report: BuildReport
    articles_before: dict[str, bytes]


def build_fixture(tmp_path: Path, base_url: str = "") -> Built:
    site = copy_fixture(tmp_path, base_url)
    before = snapshot(site / "articles")
    report = build(site)
    return Built(site, site / "build", base_url, report, before)


# Pagefind names its index files by hashes that differ from run to run, so "same bytes" stops there.
NONDETERMINISTIC = ("pagefind/",)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes by relative path, except the search index."""
    files = (p for p in sorted(folder.rglob("*")) if p.is_file())
    return {rel: p.read_bytes() for p in files
            if not (rel := p.relative_to(folder).as_posix()).startswith(NONDETERMINISTIC)}


def html_pages(build: Path) -> list[str]:
    return sorted(p.relative_to(build).as_posix() for p in build.rglob("*.html"))


def soup_of(build: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((build / page).read_bytes(), "lxml")


def refs_in_page(build: Path, page: str) -> list[Ref]:
    found = []
    for element in soup_of(build, page).find_all(list(LINK_ATTRIBUTES)):
        attribute = LINK_ATTRIBUTES.get(element.name, "")
        if attribute and element.get(attribute) is not None:
            found.append(Ref(page, element.name, attribute, element[attribute].strip(), " ".join(element.get("rel", []))))
        for candidate in srcset_urls(element.get("srcset", "")):
            found.append(Ref(page, element.name, "srcset", candidate))
    return found


def srcset_urls(srcset: str) -> list[str]:
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def refs_in_css(build: Path) -> list[Ref]:
    return [Ref(p.relative_to(build).as_posix(), "css", "url", value.strip())
            for p in sorted(build.rglob("*.css")) for value in CSS_URL.findall(p.read_text(encoding="utf-8"))]


def all_refs(build: Path) -> list[Ref]:
    return [r for page in html_pages(build) for r in refs_in_page(build, page)] + refs_in_css(build)


def is_internal(value: str) -> bool:
    parts = urlsplit(value)
    return not parts.scheme and not parts.netloc and bool(parts.path)


def is_root_absolute(value: str) -> bool:
    return value.startswith("/") and not value.startswith("//")


def resolve(page: str, value: str) -> str | None:
    """The build-relative file a relative reference on `page` leads to, or None if it leaves the site."""
    path = unquote(urlsplit(value).path)
    joined = PurePosixPath(page).parent / path
    parts: list[str] = []
    for part in joined.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in (".", ""):
            parts.append(part)
    target = "/".join(parts)
    return f"{target}/index.html".lstrip("/") if path.endswith("/") or not parts else target


def site_file(build: Path, base_url: str, page: str, value: str) -> str | None:
    """The file a reference means: relative ones against the page, absolute ones under `base_url`."""
    if base_url and value.startswith(base_url + "/"):
        return resolve("index.html", value[len(base_url) + 1:] or "./")
    if base_url and value == base_url:
        return "index.html"
    return resolve(page, value) if is_internal(value) else None


def existing(build: Path, target: str | None) -> bool:
    return target is not None and (build / target).is_file()


def links_from(build: Path, page: str) -> list[str]:
    """The site pages a reader can go to from a page (`<a href>`, `<form action>`), in document order."""
    targets = []
    for element in soup_of(build, page).find_all(["a", "form"]):
        href = element.get("href") or element.get("action")
        if href and is_internal(href):
            target = resolve(page, href)
            if target and target.endswith(".html") and target not in targets:
                targets.append(target)
    return targets


def reachable(build: Path, start: str = "index.html") -> set[str]:
    """Every HTML page reached by following links from `start`."""
    seen, queue = {start}, [start]
    while queue:
        for target in links_from(build, queue.pop()):
            if target not in seen and (build / target).is_file():
                seen.add(target)
                queue.append(target)
    return seen


def article_pages(build: Path) -> list[str]:
    return [p for p in html_pages(build) if re.fullmatch(r"articles/[^/]+/index\.html", p)]


def home_pages(build: Path) -> list[str]:
    """The home page and its numbered continuations, in reading order."""
    pages, n = ["index.html"], 2
    while (build / f"page/{n}/index.html").is_file():
        pages.append(f"page/{n}/index.html")
        n += 1
    return pages


def listed_articles(build: Path, page: str) -> list[str]:
    """Article pages linked from the main content of a listing page, in order, each once."""
    main = soup_of(build, page).find("main")
    assert main is not None, f"{page} has no <main>"
    order: list[str] = []
    for element in main.find_all("a", href=True):
        target = resolve(page, element["href"]) if is_internal(element["href"]) else None
        if target and re.fullmatch(r"articles/[^/]+/index\.html", target) and target not in order:
            order.append(target)
    return order
