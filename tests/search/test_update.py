"""Updating the search index after a build: only changed pages are indexed again, old parts are carried over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from searching import (ARTICLES, article_file, changed_pages, edit_article, rebuild_and_update, small_parts,
                       write_site)

from newsgen import search
from newsgen.build import build
from newsgen.config import load_config
from newsgen.site.urls import slugify

pytest.importorskip("pagefind.index", reason="pagefind is not installed: pip install -e '.[search]'")


def record(output: Path) -> dict:
    return json.loads((output / "pagefind" / search.RECORD).read_text(encoding="utf-8"))


def manifest(output: Path) -> list[dict]:
    return json.loads((output / "pagefind" / search.MANIFEST).read_text(encoding="utf-8"))["parts"]


def page_of(name: str) -> str:
    return f"articles/{slugify(ARTICLES[name][3])}/index.html"


@pytest.fixture
def indexed(tmp_path: Path) -> tuple[Path, Path]:
    """The test archive built and indexed in parts of two (part-1: ferry and market, the newest)."""
    site = write_site(tmp_path)
    output = build(site).output
    with small_parts(2, 0.5):
        assert search.index_site(output, load_config(site)) == []
    return site, output


def update(site: Path, output: Path, tmp_path: Path) -> list[str]:
    with small_parts(2, 0.5):
        return rebuild_and_update(site, output, tmp_path)


def test_one_edited_article_is_indexed_alone_into_a_new_part(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, output = indexed
    edit_article(site, "ferry", body="The island ferry now carries bicycles.")
    assert update(site, output, tmp_path) == []
    parts = manifest(output)
    assert [p["name"] for p in parts] == ["part-1", "part-2", "part-3", "part-4"]
    assert search.indexed_pages(output / "pagefind" / "part-4") == 1
    assert list(record(output)["parts"][3]["pages"]) == [page_of("ferry")]
    assert record(output)["parts"][0]["dead"] == [page_of("ferry")]
    assert len(parts[0]["dead"]) == 1 and parts[0]["deadFilters"]["source"] == {"Harbour Herald": 1}
    for name in ("part-1", "part-2", "part-3"):
        old, new = (folder / "pagefind" / name / "pagefind.js" for folder in (tmp_path / "build-0", output))
        assert old.stat().st_ino == new.stat().st_ino, "old parts are hard links to the previous index's files"


def test_nothing_searchable_changed_writes_no_part(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, output = indexed
    names = [p["name"] for p in manifest(output)]
    (site / "newsgen.yaml").write_text("title: Another Title\nlanguage: en\nper_page: 20\n", encoding="utf-8")
    assert update(site, output, tmp_path) == []
    assert [p["name"] for p in manifest(output)] == names
    assert all(not p["dead"] for p in manifest(output))


def test_a_removed_article_is_marked_dead_and_its_empty_part_dropped(indexed: tuple[Path, Path],
                                                                      tmp_path: Path) -> None:
    site, output = indexed
    article_file(site, "storm").unlink()
    assert update(site, output, tmp_path) == []
    assert [p["name"] for p in manifest(output)] == ["part-1", "part-2"]
    assert not (output / "pagefind" / "part-3").exists()
    held = [rel for part in record(output)["parts"] for rel in part["pages"] if rel not in part["dead"]]
    assert sorted(held) == sorted(page_of(name) for name in ARTICLES if name != "storm")


def test_repeated_edits_compact_and_keep_every_article_once(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, output = indexed
    for round_number in range(3):
        for name in ("ferry", "library", "budget"):
            edit_article(site, name, body=f"Edition {round_number} of the {name} story.")
            assert update(site, output, tmp_path) == []
            parts = record(output)["parts"]
            live = [rel for part in parts for rel in part["pages"] if rel not in part["dead"]]
            assert sorted(live) == sorted(page_of(n) for n in ARTICLES)
            assert all(len(part["dead"]) <= 0.5 * len(part["pages"]) for part in parts)
            assert len(parts) <= 5
    on_disk = sorted(path.name for path in (output / "pagefind").iterdir() if path.is_dir())
    assert on_disk == sorted(part["name"] for part in parts), "only the listed parts are published"


@pytest.mark.parametrize("spoil", ["missing-record", "other-language"])
def test_an_unusable_old_record_means_indexing_everything(indexed: tuple[Path, Path], tmp_path: Path,
                                                          spoil: str) -> None:
    site, output = indexed
    if spoil == "missing-record":
        (output / "pagefind" / search.RECORD).unlink()
    else:
        data = record(output)
        (output / "pagefind" / search.RECORD).write_text(json.dumps({**data, "language": "de"}), encoding="utf-8")
    edit_article(site, "ferry", body="The island ferry now carries bicycles.")
    assert update(site, output, tmp_path) == []
    assert [p["name"] for p in manifest(output)] == ["part-1", "part-2", "part-3"]
    assert sum(search.indexed_pages(output / "pagefind" / p["name"]) for p in manifest(output)) == len(ARTICLES)


def test_a_reused_tree_keeps_the_parts_it_holds_and_redoes_the_rest(indexed: tuple[Path, Path],
                                                                    tmp_path: Path) -> None:
    site, output = indexed
    edit_article(site, "ferry", body="The island ferry now carries bicycles.")
    assert update(site, output, tmp_path) == []
    old = tmp_path / "build-0"
    index = output / "pagefind"
    (index / "part-2" / search.ENTRY).unlink()
    (index / "part-9").mkdir()
    kept = (index / "part-1" / "pagefind.js").stat().st_ino
    with small_parts(2, 0.5):
        warnings = search.update_index(output, old / "pagefind", changed_pages(old, output), load_config(site))
    assert warnings == []
    assert (index / "part-1" / "pagefind.js").stat().st_ino == kept, "a part the tree holds is left as it is"
    assert (index / "part-2" / search.ENTRY).stat().st_ino == (old / "pagefind" / "part-2" / search.ENTRY).stat().st_ino
    assert [p["name"] for p in manifest(output)] == ["part-1", "part-2", "part-3", "part-4"]
    assert not (index / "part-9").exists()
    assert search.indexed_pages(index / "part-4") == 1
