"""`newsgen import`: a scraped page becomes an editable Markdown article that builds into the same page."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from newsgen.build import BuildOptions, build
from newsgen.cli import main
from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.importer import import_article
from newsgen.loaders import load_file
from tests.conftest import SiteFactory

SAMPLES = Path(__file__).resolve().parent / "loaders"
ORIGINALS = [SAMPLES / "html_samples" / "wire_jsonld_figure.html",
             SAMPLES / "html_samples" / "correction_update_contributor.html",
             SAMPLES / "samples" / "wire_copper_drought.txt"]


def front_matter_of(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


@pytest.mark.parametrize("original", ORIGINALS, ids=lambda p: p.name)
def test_import_writes_markdown_that_loads_into_the_same_record(original: Path, tmp_path: Path) -> None:
    before = original.read_bytes()
    written = import_article(str(original), before, tmp_path / "articles", SiteConfig())
    assert original.read_bytes() == before
    front = front_matter_of(written)
    assert front["original"] == str(original.resolve())
    assert front["original_digest"] == hashlib.sha256(before).hexdigest()
    source = load_file(original, original.parent, SiteConfig())
    copy = load_file(written, written.parent, SiteConfig())
    for key in ("title", "summary", "published", "updated", "authors", "contributors", "dateline", "url",
                "tags", "images", "notes", "corrections", "source"):
        assert getattr(copy, key) == getattr(source, key), key
    assert copy.body_text() == source.body_text()
    assert [(c.url, c.block) for c in copy.citations] == [(c.url, c.block) for c in source.citations]
    assert dict(copy.provenance)["original_digest"] == hashlib.sha256(before).hexdigest()


def test_import_never_overwrites_an_article(tmp_path: Path) -> None:
    original = ORIGINALS[0]
    import_article(str(original), original.read_bytes(), tmp_path, SiteConfig())
    edited = tmp_path / f"{original.stem}.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA person's correction.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="never overwritten"):
        import_article(str(original), original.read_bytes(), tmp_path, SiteConfig())
    assert "A person's correction." in edited.read_text(encoding="utf-8")


def test_markdown_characters_in_the_text_survive_the_round_trip(tmp_path: Path) -> None:
    page = ("<html><head><title>Stars * and _underscores_</title></head><body><article>"
            + "".join(f"<p>{t}</p>" for t in ("# not a heading, but a hash sign opening a paragraph of text",
                                              "1. not a list: AT&T paid <b>$5</b> [sic] for `code` and a_b_c *x* here",
                                              "- a dash opening a sentence that is long enough to be prose"))
            + "</article></body></html>").encode()
    written = import_article("odd.html", page, tmp_path, SiteConfig())
    blocks = load_file(written, tmp_path, SiteConfig()).body
    assert [b.text for b in blocks] == ["# not a heading, but a hash sign opening a paragraph of text",
                                        "1. not a list: AT&T paid $5 [sic] for `code` and a_b_c *x* here",
                                        "- a dash opening a sentence that is long enough to be prose"]
    assert {b.type for b in blocks} == {"paragraph"}


def test_cli_import_reads_standard_input_and_names_each_result(make_site: SiteFactory) -> None:
    site = make_site({})
    pasted = "Harbour wall rebuilt\n\nBy Jane Doe\n\n" + "The council voted to rebuild the harbour wall. " * 5
    result = CliRunner().invoke(main, ["import", "-", "--site", str(site)], input=pasted)
    assert result.exit_code == 0, result.output
    written = list((site / "articles").glob("*.md"))
    assert len(written) == 1 and front_matter_of(written[0])["original"] == "-"
    again = CliRunner().invoke(main, ["import", str(written[0]), "--site", str(site)])
    assert again.exit_code == 1 and "can be imported" in again.output


def article_page(site: Path) -> BeautifulSoup:
    build(site, BuildOptions(jobs=1))
    pages = [p for p in (site / "build").rglob("*.html")
             if BeautifulSoup(p.read_text(encoding="utf-8"), "lxml").select_one("article.story")]
    assert len(pages) == 1
    return BeautifulSoup(pages[0].read_text(encoding="utf-8"), "lxml")


def shown(page: BeautifulSoup) -> dict[str, object]:
    """What a reader sees of the story: title, date, body paragraphs and the captions."""
    def text(selector: str) -> list[str]:
        return [" ".join(e.get_text(" ", strip=True).split()) for e in page.select(selector)]
    return {"title": text("article.story h1"), "date": [t["datetime"] for t in page.select("article.story time")],
            "body": text(".story-body > *"), "captions": text("article.story figcaption")}


def test_import_then_build_shows_the_same_article_as_building_the_original(make_site: SiteFactory) -> None:
    original = ORIGINALS[0]
    from_original = make_site({f"articles/{original.name}": original.read_bytes()}, name="original")
    imported = make_site({}, name="imported")
    result = CliRunner().invoke(main, ["import", str(original), "--site", str(imported)])
    assert result.exit_code == 0, result.output
    expected, actual = shown(article_page(from_original)), shown(article_page(imported))
    assert actual == expected
    assert expected["captions"] and expected["date"] and len(expected["body"]) == 7
