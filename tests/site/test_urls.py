"""URL helpers: slugs, listing paths, the way back to the root, absolute URLs."""

from __future__ import annotations

import pytest

from newsgen.site import urls


@pytest.mark.parametrize(("text", "slug"), [
    ("Blinken meets Netanyahu", "blinken-meets-netanyahu"),
    ("  Crise à Gaza : l'ONU ", "crise-à-gaza-l-onu"),
    ("!!!", "article"),
    ("CON", "con-article"),
    ("a" * 200, "a" * urls.MAX_SLUG),
], ids=["words", "accents", "empty", "windows-reserved", "long"])
def test_slugify(text: str, slug: str) -> None:
    assert urls.slugify(text) == slug


def test_unique_slugs_number_later_clashes() -> None:
    assert urls.unique_slugs(["a", "a", "b", "a", "a-2"]) == ["a", "a-2", "b", "a-3", "a-2-2"]


@pytest.mark.parametrize(("folder", "number", "path"), [
    ("", 1, "index.html"), ("", 3, "page/3/index.html"),
    ("tags/gaza", 1, "tags/gaza/index.html"), ("tags/gaza", 2, "tags/gaza/page/2/index.html"),
])
def test_listing_path(folder: str, number: int, path: str) -> None:
    assert urls.listing_path(folder, number) == path


@pytest.mark.parametrize(("page", "root"), [
    ("index.html", ""), ("404.html", ""), ("tags/index.html", "../"), ("tags/x/page/2/index.html", "../../../../"),
])
def test_relative_root(page: str, root: str) -> None:
    assert urls.relative_root(page) == root


@pytest.mark.parametrize(("path", "url"), [
    ("index.html", "https://ex.org/news/"),
    ("articles/a/index.html", "https://ex.org/news/articles/a/"),
    ("atom.xml", "https://ex.org/news/atom.xml"),
])
def test_absolute_url_uses_folder_form(path: str, url: str) -> None:
    assert urls.absolute_url("https://ex.org/news/", path) == url
    assert urls.absolute_url("https://ex.org/news", path) == url


def test_archive_paths() -> None:
    assert urls.year_path(2024) == "archive/2024/index.html"
    assert urls.month_path(2024, 3) == "archive/2024/03/index.html"
