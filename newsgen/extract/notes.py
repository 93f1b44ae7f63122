"""Corrections, editor's and update notes, inline citations, source lines and story datelines."""

from __future__ import annotations

import re

from newsgen.records import Citation, Source

# A correction announces itself in its first words, in several languages.
CORRECTION = re.compile(
    r"^\s*(?:\*\s*)?(?:correction|clarification|berichtigung|korrektur|richtigstellung|correctif|rectificatif|"
    r"erratum|rectificación|fe de errores|correzione|rettifica|correção|correctie|rättelse|rettelse)s?\b"
    r"|^\s*(?:an|a)\s+(?:earlier|previous)\s+version\s+of\s+this\s+(?:article|story|report|post)",
    re.IGNORECASE,
)
# Update and editor's notes, in several languages.
NOTE = re.compile(
    r"^\s*(?:\*\s*)?(?:editor['’]?s\s+note|note\s+from\s+the\s+editor|update[ds]?\s*(?:\d|:|[-–—])|"
    r"this\s+(?:article|story|post|report|piece)\s+(?:has\s+been|was|is\s+being)\s+updated|"
    r"this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?story|"
    r"anmerkung\s+der\s+redaktion|hinweis\s+der\s+redaktion|note\s+de\s+la\s+rédaction|"
    r"nota\s+(?:del\s+editor|de\s+la\s+redacción|della\s+redazione|do\s+editor)|"
    r"(?:dieser\s+artikel|der\s+artikel)\s+wurde\s+aktualisiert|cet\s+article\s+a\s+été\s+mis\s+à\s+jour|"
    r"este\s+artículo\s+(?:ha\s+sido|fue)\s+actualizado|mise\s+à\s+jour\s*:|actualización\s*:)",
    re.IGNORECASE,
)
URL = r"https?://[^\s)\]]+"
# "(Source: https://...)", "(via https://...)", "[Source: ...]": a labelled reference in brackets.
CITATION = re.compile(
    rf"\s*[(\[]\s*(?P<label>source|sources|via|quelle|fuente|source\s+link|read\s+more|see|ref)\s*:?\s*"
    rf"(?P<url>{URL})\s*[)\]]",
    re.IGNORECASE,
)
# "Source: edition.cnn.com", "Originally published at https://..."
SOURCE_LINE = re.compile(
    r"^\s*(?:source|quelle|fuente|fonte|bron|źródło|originally\s+published\s+(?:at|on|by|in)|"
    r"first\s+published\s+(?:at|on|by|in))\s*:?\s+(?P<name>[^\s()].{0,100}?)\s*\.?$",
    re.IGNORECASE,
)
HOST = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?P<path>/\S*)?$", re.IGNORECASE)
# "GAZA CITY (AP) —", "PARIS, May 1 (Reuters) -", "LONDON —": capitals, optional date and agency, a dash.
DATELINE = re.compile(
    r"^(?P<dateline>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’ -]{1,40}?(?:,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)?"
    r"(?:,\s[A-Z][a-z]{2,8}\.?\s\d{1,2})?(?:\s\([^()]{1,30}\))?)\s*(?:—|–|-|--)\s+\S"
)


def correction_text(line: str) -> str | None:
    """The correction a line announces, or None."""
    text = line.strip()
    return text if CORRECTION.match(text) else None


def note_text(line: str) -> str | None:
    """The editor's or update note a line gives, or None."""
    text = line.strip()
    return text if NOTE.match(text) else None


def citation_parts(line: str) -> tuple[str, tuple[Citation, ...]]:
    """The line without its bracketed references, and the references it had."""
    if "http" not in line:
        return line, ()
    citations = tuple(
        Citation(url=m.group("url").rstrip(".,;"), text=m.group("label").strip().capitalize())
        for m in CITATION.finditer(line)
    )
    if not citations:
        return line, ()
    return CITATION.sub("", line).strip(), citations


def source_line(line: str) -> Source | None:
    """The publisher a "Source: ..." line names, or None."""
    match = SOURCE_LINE.match(line)
    if match is None:
        return None
    name = match.group("name").strip()
    host = HOST.match(name)
    if host is None:
        return Source(name=name) if len(name.split()) <= 5 else None
    domain = host.group("host").lower()
    url = name if name.lower().startswith("http") else ""
    return Source(name=domain if url else name, domain=domain, url=url)


def story_dateline(paragraph: str) -> str | None:
    """The dateline opening a story paragraph ("GAZA CITY (AP)"), or None."""
    match = DATELINE.match(paragraph)
    if match is None:
        return None
    dateline = match.group("dateline").strip()
    letters = [c for c in dateline.split("(")[0].split(",")[0] if c.isalpha()]
    return dateline if letters and all(c.isupper() for c in letters) and len(letters) >= 2 else None
