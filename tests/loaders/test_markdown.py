"""The Markdown loader: front matter with every key, a body in the shared block structure, links as citations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.loaders import load_bytes
from newsgen.records import Article
from newsgen.sources import SourceFile
from tests.loaders.test_golden import check_sample

MD_SAMPLES = Path(__file__).resolve().parent / "md_samples"


def load_md(text: str, name: str = "story.md") -> Article:
    return load_bytes(text.encode("utf-8"), SourceFile(Path(name), name, "digest"), SiteConfig())


@pytest.mark.parametrize("name", sorted(p.stem for p in MD_SAMPLES.glob("*.md")))
def test_markdown_sample_reads_as_expected(name: str) -> None:
    check_sample(MD_SAMPLES / f"{name}.md", MD_SAMPLES / f"{name}.json")


@pytest.mark.parametrize(("key", "value"), [
    ("published", "last tuesday"), ("authors", "{name: x}"), ("draft", "maybe"), ("url", "ftp://x.example/a"),
    ("images", "a.jpg"), ("title", "[1, 2]"), ("source", "{city: Oslo}"),
], ids=lambda v: str(v))
def test_a_wrong_type_is_an_error_naming_the_file_and_key(key: str, value: str) -> None:
    front = f"title: T\n{key}: {value}\n" if key != "title" else f"title: {value}\n"
    with pytest.raises(SourceError) as error:
        load_md(f"---\n{front}---\n\nText.\n", "bad.md")
    assert error.value.path == "bad.md" and f"'{key}'" in error.value.reason


def test_an_unknown_key_is_a_warning_naming_it() -> None:
    record = load_md("---\ntitle: T\nheadlin: typo\n---\n\nText.\n")
    assert "unknown front-matter key 'headlin' ignored" in record.warnings


def test_only_http_links_become_citations_and_raw_html_never_reaches_the_record() -> None:
    record = load_md("---\ntitle: T\n---\n\n<div onclick='x()'>Boxed <b>text</b></div>\n\n"
                     "See [a](javascript:alert(1)), [b](data:text/html,x) and [c](https://c.example/).\n")
    assert [c.url for c in record.citations] == ["https://c.example/"]
    assert "<" not in json.dumps(record.to_dict())
