"""The seed article must read exactly right: the golden case of the text loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.config import SiteConfig
from newsgen.loaders import load_bytes
from newsgen.records import Article
from newsgen.sources import SourceFile

SEED = Path(__file__).resolve().parents[2] / "articles" / "000_3191eae7ec735b93.txt"
TITLE = "Blinken held talks with Netanyahu in Israel amidst a rising movement by the US to secure a truce agreement."


@pytest.fixture(scope="module")
def seed() -> Article:
    data = SEED.read_bytes()
    return load_bytes(data, SourceFile(SEED, SEED.name, "seed"), SiteConfig())


def test_title_is_the_headline(seed: Article) -> None:
    assert seed.title == TITLE


def test_summary_is_the_truncated_teaser(seed: Article) -> None:
    assert seed.summary.startswith("Antony Blinken, the United States Secretary of State, commenced")
    assert seed.summary.endswith("and address the...")


def test_body_is_the_twenty_paragraphs_and_one_heading(seed: Article) -> None:
    types = [block.type for block in seed.body]
    assert len(seed.body) == 21
    assert types.count("paragraph") == 20
    assert [block.text for block in seed.body if block.type == "heading"] == ["Emergency situation"]
    assert seed.body[0].text.startswith("The US diplomat, Blinken, visited Tel Aviv")
    assert seed.body[-1].text.startswith("Further, he stressed on Tuesday")


@pytest.mark.parametrize("chrome", ["Skip to content", "Read also:", "Comments", "Latest", TITLE])
def test_chrome_is_dropped_with_a_reason(seed: Article, chrome: str) -> None:
    dropped = [d for d in seed.dropped if d.text == chrome]
    assert dropped and all(d.reason and d.line for d in dropped)
    assert chrome not in seed.body_text().split("\n")


def test_one_image_with_full_caption_dateline_and_credit(seed: Article) -> None:
    assert len(seed.images) == 1
    image = seed.images[0]
    assert image.dateline == "TEL AVIV, ISRAEL - MARCH 23"
    assert image.credit == "Amir Levy/Getty Images"
    assert image.caption.startswith("Protesters hold signs")
    assert image.caption.endswith("attacked Israel on Oct. 7.")


def test_citation_attached_to_the_paragraph_before_it(seed: Article) -> None:
    assert [c.url for c in seed.citations] == ["https://www.jpost.com/middle-east/article-681313"]
    block = seed.body[seed.citations[0].block]
    assert block.text.startswith("Negotiators from Egypt, Qatar, the US, and Hamas have convened in Cairo")
    assert "jpost" not in seed.body_text()


def test_notes_corrections_contributors_and_source(seed: Article) -> None:
    assert seed.notes == ("This article has been updated with additional developments.",)
    assert len(seed.corrections) == 1 and "Michael Herzog" in seed.corrections[0]
    assert seed.contributors == ("Ibrahim Dahman",)
    assert seed.source.domain == "edition.cnn.com"


def test_no_invented_publish_date(seed: Article) -> None:
    assert seed.published is None
    assert seed.date_source is None
    assert any("undated" in w for w in seed.warnings)


def test_every_line_is_kept_or_dropped(seed: Article) -> None:
    kept = {seed.title, seed.summary, *seed.notes, *seed.corrections} | {b.text for b in seed.body}
    lines = {" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip()}
    dropped = {d.text for d in seed.dropped}
    unaccounted = lines - kept - dropped
    # What is left went into images, citations, contributors and source.
    assert all(line.startswith(("TEL AVIV", "(Source", "CNN's", "Source:")) for line in unaccounted)
