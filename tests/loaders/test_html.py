"""The HTML loader: declared metadata first, the story's blocks, figures, safety and limits."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.loaders import load_bytes
from newsgen.records import Article
from newsgen.sources import SourceFile, file_digest
from tests.loaders.test_golden import check_sample

PARAGRAPH = "The council voted on Tuesday to rebuild the harbour wall before the winter storms arrive in force."


def load_html(page: str, name: str = "page.html", sidecar: dict[str, Any] | None = None) -> Article:
    data = page.encode("utf-8")
    return load_bytes(data, SourceFile(Path(name), name, file_digest(data)), SiteConfig(), sidecar)


def page(body: str, head: str = "", lang: str = "en") -> str:
    return f"<!doctype html><html lang='{lang}'><head><title>Harbour wall | Gazette</title>{head}</head>" \
           f"<body>{body}</body></html>"


def story(paragraphs: int = 4) -> str:
    return "".join(f"<p>{PARAGRAPH} Part {i}.</p>" for i in range(paragraphs))


HOSTILE = page(
    "<script>alert(1)</script><iframe src='https://evil.example/'></iframe>"
    "<article><h1 onclick='steal()'>Harbour wall</h1>"
    f"<p onmouseover='x()'>{PARAGRAPH} <a href='javascript:alert(2)'>click</a> "
    "<a href='data:text/html,<script>alert(3)</script>'>data</a> "
    "<a href='https://example.org/report'>the report</a></p>"
    f"<p>{PARAGRAPH}<img src=x onerror='alert(4)'><style>p{{color:red}}</style></p>"
    "<figure><img src='javascript:alert(5)' onerror='alert(6)'><figcaption>A <b>bold</b> harbour "
    "<script>alert(7)</script>view.</figcaption></figure>"
    f"<p>{PARAGRAPH}<object data='x.swf'></object><embed src='y.swf'></p></article>"
    "<form action='https://evil.example/'><input name=q><button>Go</button></form>",
    head="<meta property='og:image' content='javascript:alert(8)'><script>document.write('x')</script>")


def test_a_hostile_page_yields_a_clean_record() -> None:
    record = load_html(HOSTILE).to_dict()
    dumped = json.dumps({k: v for k, v in record.items() if k != "dropped"})
    for marker in ("<script", "alert(", "javascript:", "onerror", "onclick", "onmouseover", "<iframe", "data:",
                   "<b>", "<style", "color:red", "<img"):
        assert marker not in dumped, marker
    assert [c["url"] for c in record["citations"]] == ["https://example.org/report"]
    assert record["images"] == [{"caption": "A bold harbour view.", "credit": "", "dateline": "", "src": ""}]
    assert len(record["body"]) == 3
    described = re.compile(r"^<\w+>(?: \([\d,]+ characters\))?$")
    assert [d["text"] for d in record["dropped"] if "<" in d["text"] and not described.match(d["text"])] == []


def test_scripts_and_styles_are_described_in_the_audit_not_quoted() -> None:
    dropped = load_html(HOSTILE).dropped
    scripts = [d for d in dropped if d.reason == "script"]
    assert scripts and all(d.text.startswith("<script> (") and "alert" not in d.text for d in scripts)
    assert {"embedded frame", "form"} <= {d.reason for d in dropped}


def test_markup_nested_past_the_parser_limit_is_a_source_error_naming_the_file() -> None:
    deep = page("<div>" * 400 + story() + "</div>" * 400)
    with pytest.raises(SourceError) as error:
        load_html(deep, "deep.html")
    assert error.value.path == "deep.html"


def test_a_page_that_is_not_html_text_is_a_source_error() -> None:
    with pytest.raises(SourceError):
        load_bytes(b"\x00\x01\x02\x03", SourceFile(Path("bin.html"), "bin.html", "x"), SiteConfig())


JSON_LD_GRAPH = json.dumps({"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "Gazette"},
    {"@type": "NewsArticle", "headline": "Council backs harbour wall", "datePublished": "2024-03-05T08:00:00+01:00",
     "dateModified": "2024-03-06T10:30:00Z", "author": [{"@type": "Person", "name": "Ana Ruiz"}, "Tom Lee"],
     "publisher": {"@type": "Organization", "name": "The Gazette", "url": "https://gazette.example/"},
     "articleSection": "Local", "keywords": "harbour, council", "inLanguage": "en-GB"}]})


def test_json_ld_in_a_graph_wins_and_provenance_names_each_source() -> None:
    head = f"<script type='application/ld+json'>{JSON_LD_GRAPH}</script>" \
           "<meta property='og:title' content='OG title'><link rel='canonical' href='https://gazette.example/a/1'>"
    record = load_html(page(f"<article><h1>Visible</h1>{story()}</article>", head)).to_dict()
    assert record["title"] == "Council backs harbour wall"
    assert record["authors"] == ["Ana Ruiz", "Tom Lee"]
    assert record["published"] == "2024-03-05T08:00:00+01:00" and record["updated"] == "2024-03-06T10:30:00+00:00"
    assert record["date_source"] == "html"
    assert record["tags"] == ["Local", "harbour", "council"]
    assert record["language"] == "en"
    assert record["url"] == "https://gazette.example/a/1"
    assert record["source"] == {"name": "The Gazette", "domain": "gazette.example", "url": "https://gazette.example/"}
    assert record["provenance"]["title"] == "json-ld" and record["provenance"]["url"] == "canonical"
    assert record["provenance"]["body"] == "html"


def test_without_declarations_the_visible_page_is_read() -> None:
    body = "<article><h1>Harbour wall rebuilt</h1><p class='byline'>By Jane Doe</p>" \
           "<p>Published March 5, 2024</p>" + story() + "</article>"
    record = load_html(page(body).replace("<title>Harbour wall | Gazette</title>", "")).to_dict()
    assert record["title"] == "Harbour wall rebuilt"
    assert record["authors"] == ["Jane Doe"]
    assert record["published"].startswith("2024-03-05") and record["date_source"] == "text"
    assert record["provenance"]["title"] == "text"
    assert [b["text"] for b in record["body"]] == [f"{PARAGRAPH} Part {i}." for i in range(4)]


def test_figure_captions_keep_their_credit_and_a_resolved_src() -> None:
    body = "<article>" + story(2) + "<figure><img src='/img/wall.jpg'><figcaption>Workers on the wall." \
           "<span class='credit'>Photo: Jane Doe/Reuters</span></figcaption></figure>" + story(2) + "</article>"
    head = "<link rel='canonical' href='https://gazette.example/news/wall'>"
    image = load_html(page(body, head)).images[0]
    assert (image.caption, image.credit, image.src) == ("Workers on the wall.", "Jane Doe/Reuters",
                                                        "https://gazette.example/img/wall.jpg")


def test_a_sidecar_wins_over_the_page() -> None:
    record = load_html(page(f"<article>{story()}</article>"), sidecar={"title": "Corrected title"})
    assert record.title == "Corrected title" and dict(record.provenance)["title"] == "front_matter"


HTML_SAMPLES = Path(__file__).resolve().parent / "html_samples"


@pytest.mark.parametrize("name", sorted(p.stem for p in HTML_SAMPLES.glob("*.html")))
def test_html_sample_reads_as_expected(name: str) -> None:
    check_sample(HTML_SAMPLES / f"{name}.html", HTML_SAMPLES / f"{name}.json")


def test_there_are_enough_html_samples_each_with_its_record() -> None:
    pages = sorted(HTML_SAMPLES.glob("*.html"))
    assert len(pages) >= 8
    assert [p.name for p in pages if not p.with_suffix(".json").is_file()] == []
