from hypothesis import given, strategies as st

from newsgen.extract.notes import citation_parts, correction_text, note_text, source_line, story_dateline
from newsgen.records import Citation, Source


def test_seed_lines() -> None:
    assert note_text("This article has been updated with additional developments.")
    assert correction_text("Correction: In a previous version, the caption was wrong.")
    assert source_line("Source: edition.cnn.com") == Source(name="edition.cnn.com", domain="edition.cnn.com")
    url = "https://www.jpost.com/middle-east/article-681313"
    assert citation_parts(f"(Source: {url})") == ("", (Citation(url=url, text="Source"),))
    assert story_dateline("GAZA CITY (AP) — Israeli strikes hit.") == "GAZA CITY (AP)"


@given(st.text())
def test_total(text: str) -> None:
    correction_text(text)
    note_text(text)
    citation_parts(text)
    source_line(text)
    story_dateline(text)
