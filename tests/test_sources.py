from pathlib import Path

import pytest

from newsgen.sources import discover, is_ignored_name


@pytest.mark.parametrize("name", [".hidden.txt", "story.txt~", ".story.txt.swp", "4913", "#story.txt#", "x.tmp"])
def test_editor_temp_files_are_ignored(name: str) -> None:
    assert is_ignored_name(name)


@pytest.mark.parametrize("name", ["story.txt", "2024-05-01-story.md", "page.html"])
def test_article_names_are_not_ignored(name: str) -> None:
    assert not is_ignored_name(name)


def test_discover_finds_articles_in_order_and_says_what_it_skipped(tmp_path: Path) -> None:
    for rel in ["b.txt", "a.md", "sub/c.html", "notes.pdf", "a.yaml", ".draft.txt"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "folder.txt").mkdir()
    found, skipped = discover(tmp_path)
    assert [f.rel for f in found] == ["a.md", "b.txt", "sub/c.html"]
    reasons = {s.rel: s.reason for s in skipped}
    assert reasons["a.yaml"] == "sidecar metadata"
    assert "not an article" in reasons["notes.pdf"]
    assert "folder" in reasons["folder.txt"]
    assert reasons[".draft.txt"] == "ignored: a hidden or editor temporary file"


def test_symlinks_leaving_the_folder_are_not_followed(tmp_path: Path) -> None:
    articles, outside = tmp_path / "articles", tmp_path / "secret.txt"
    articles.mkdir()
    outside.write_text("private")
    (articles / "leak.txt").symlink_to(outside)
    found, skipped = discover(articles)
    assert found == []
    assert skipped[0].reason == "symlink leading outside articles/"


def test_hidden_folders_are_ignored_and_symlinked_folders_not_entered(tmp_path: Path) -> None:
    for rel in [".git/objects/story.txt", "real/story.txt", "real/story.yml", "real/notes.yaml"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / "again").symlink_to(tmp_path / "real", target_is_directory=True)
    found, skipped = discover(tmp_path)
    assert [f.rel for f in found] == ["real/story.txt"]
    reasons = {s.rel: s.reason for s in skipped}
    assert reasons == {".git/objects/story.txt": "ignored: a hidden or editor temporary file",
                       "real/notes.yaml": "not an article file (.yaml)", "real/story.yml": "sidecar metadata"}
