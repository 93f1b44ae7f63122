"""Corrections, notes, citations, source lines and story datelines: recognised by how they open."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgen.extract.notes import citation_parts, correction_text, note_text, source_line, story_dateline
from newsgen.records import Citation, Source

CORRECTIONS = [
    "Correction: In a previous version, the caption of an image was misidentified.",
    "Correction added Nov. 18, 2019: The caption below the photograph made an unconfirmed claim.",
    "CORRECTION An earlier story misstated the date.",
    "An earlier version of this article misstated the date of the vote.",
    "This story has been corrected to show the vote was on Tuesday.",
    "Clarification: The report has been amended to reflect the full quote.",
    "Berichtigung: In einer früheren Version hieß es, dass die Wahl im Mai war.",
    "Rectificatif : une version précédente de cet article indiquait une autre date.",
    "Fe de errores: En una versión anterior se dijo que la votación era el lunes.",
    "Correzione: in una versione precedente si diceva che il voto era lunedì.",
]
NOT_CORRECTIONS = [
    "Corrections",
    "Corrections policy",
    "REQUEST REPRINT & LICENSING, SUBMIT CORRECTION OR VIEW EDITORIAL GUIDELINES",
    "Correction or comment? Let us know at desk@example.com.",
    "Correctional officers said the inmate escaped on Monday night.",
    "",
]
NOTES = [
    "This article has been updated with additional developments.",
    "This story has been updated.",
    "Editor's note: This story was updated at 5:45 p.m. ET to include details from the briefing.",
    "Update: The company responded after publication.",
    "UPDATE (May 2, 10:00): Police confirmed the arrest.",
    "This is a developing story and will be updated.",
    "Anmerkung der Redaktion: Der Artikel wurde ergänzt.",
    "Note de la rédaction : cet article a été mis à jour.",
    "Dieser Artikel wurde aktualisiert.",
    "Este artículo ha sido actualizado con nueva información.",
]
NOT_NOTES = [
    "Editor's Note",
    "Updated: 18 Nov 2019 9:38 pm",
    "Updated Nov 19, 9:41 AM;Posted Nov 18, 8:19 PM",
    "Update your preferences »",
    "This story has been shared 19,590 times.",
    "Updates to the plan were announced on Monday by the council.",
    "",
]
URL = "https://www.example.com/middle-east/article-681313"
CITATIONS = [
    (f"(Source: {URL})", "", (Citation(URL, "Source"),)),
    ("The talks went on (via https://x.example/a/b). More text.", "The talks went on. More text.", (Citation("https://x.example/a/b", "via"),)),
    ("[Source: example.org/world]", "", (Citation("example.org/world", "Source"),)),
    ("See the report (https://example.org/r).", "See the report.", (Citation("https://example.org/r", ""),)),
    (f"Officials met (Quelle: {URL}) and (via https://b.example/x)", "Officials met and", (Citation(URL, "Quelle"), Citation("https://b.example/x", "via"))),
]
PLAIN = [
    "He said (in a statement) it was fine.",
    "Prices rose (St.Louis) fast",
    "Visit example.com for more",
    "© 2000 - 2019 Example News (www.example.com)",
    "",
]
SOURCES = [
    ("Source: edition.example.com", Source("edition.example.com", "edition.example.com", "")),
    ("Source: https://www.example.com/a", Source("example.com", "example.com", "https://www.example.com/a")),
    ("Originally published at https://news.example.org/abc-123", Source("news.example.org", "news.example.org", "https://news.example.org/abc-123")),
    ("This article was originally published on The Conversation.", Source("The Conversation")),
    ("Quelle: dpa", Source("dpa")),
    ("Fuente: EFE", Source("EFE")),
]
NOT_SOURCES = [
    "Source of the leak remains unknown to investigators.",
    "Source: The company said it would appeal the ruling.",
    "(Source: NASA)",
    "Sources",
    "First Published on Nov 20, 2019 01:38 pm",
    "",
]
DATELINES = [
    ("GAZA CITY (AP) — Israeli strikes hit the city overnight.", "GAZA CITY (AP)"),
    ("WASHINGTON (Reuters) - Scientists on Monday unveiled a map.", "WASHINGTON (Reuters)"),
    ("LONDON — Britain's ruling party was accused Wednesday of misleading voters.", "LONDON"),
    ("PARIS, May 1 (Reuters) - French unions marched on Wednesday.", "PARIS, May 1 (Reuters)"),
    ("COLUMBIA, S.C. (AP) — About a dozen owners gathered.", "COLUMBIA, S.C. (AP)"),
    ("SIOUX FALLS, S.D. – People across the state are talking about it.", "SIOUX FALLS, S.D."),
    ("DUBAI, United Arab Emirates — The carrier finalized a deal.", "DUBAI, United Arab Emirates"),
    ("Tel Aviv (CNN) — Israeli officials said on Tuesday that talks resumed.", "Tel Aviv (CNN)"),
    ("(CNN) — The talks resumed on Tuesday in Cairo.", "(CNN)"),
    ("BERLIN (dpa) - Die Regierung hat am Dienstag beschlossen.", "BERLIN (dpa)"),
    ("MADRID, 1 may (EFE).- El Gobierno aprobó hoy la reforma.", "MADRID, 1 may (EFE)"),
]
NOT_DATELINES = [
    "THE POINT -- NOW ON YOUTUBE!",
    "The US diplomat visited Tel Aviv on Tuesday.",
    "I — think this is fine and good.",
    "NASA announced Nov. 18 that it was adding five companies.",
    "TEL AVIV, ISRAEL - MARCH 23: Protesters hold signs during a demonstration.",
    "",
]


@pytest.mark.parametrize("line", CORRECTIONS, ids=[c[:40] for c in CORRECTIONS])
def test_correction_text(line: str) -> None:
    assert correction_text(line) == line


@pytest.mark.parametrize("line", NOT_CORRECTIONS, ids=[n[:40] or "empty" for n in NOT_CORRECTIONS])
def test_not_a_correction(line: str) -> None:
    assert correction_text(line) is None


@pytest.mark.parametrize("line", NOTES, ids=[n[:40] for n in NOTES])
def test_note_text(line: str) -> None:
    assert note_text(line) == line


@pytest.mark.parametrize("line", NOT_NOTES, ids=[n[:40] or "empty" for n in NOT_NOTES])
def test_not_a_note(line: str) -> None:
    assert note_text(line) is None


@pytest.mark.parametrize(("line", "rest", "found"), CITATIONS, ids=[c[0][:40] for c in CITATIONS])
def test_citation_parts(line: str, rest: str, found: tuple[Citation, ...]) -> None:
    assert citation_parts(line) == (rest, found)


@pytest.mark.parametrize("line", PLAIN, ids=[p[:40] or "empty" for p in PLAIN])
def test_plain_prose_has_no_citation(line: str) -> None:
    assert citation_parts(line) == (line, ())


@pytest.mark.parametrize(("line", "source"), SOURCES, ids=[s[0][:40] for s in SOURCES])
def test_source_line(line: str, source: Source) -> None:
    assert source_line(line) == source


@pytest.mark.parametrize("line", NOT_SOURCES, ids=[n[:40] or "empty" for n in NOT_SOURCES])
def test_not_a_source_line(line: str) -> None:
    assert source_line(line) is None


@pytest.mark.parametrize(("paragraph", "dateline"), DATELINES, ids=[d[1] for d in DATELINES])
def test_story_dateline(paragraph: str, dateline: str) -> None:
    assert story_dateline(paragraph) == dateline


@pytest.mark.parametrize("paragraph", NOT_DATELINES, ids=[n[:40] or "empty" for n in NOT_DATELINES])
def test_not_a_dateline(paragraph: str) -> None:
    assert story_dateline(paragraph) is None


@given(st.text())
def test_total(text: str) -> None:
    correction_text(text)
    note_text(text)
    rest, found = citation_parts(text)
    assert all(c.url for c in found) and (found or rest == text)
    source_line(text)
    story_dateline(text)
