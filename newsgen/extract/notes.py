"""Corrections, editor's and update notes, inline citations, source lines and story datelines.

Each is recognised by how it opens ("Correction:", "Editor's note:", "Source:", an all-caps place and a
dash) rather than by what it says, so the word lists stay short and cover several languages.
"""

from __future__ import annotations

import re
from datetime import timezone

from newsgen.extract.dates import date_mention
from newsgen.records import Citation, Source

# Words that open a correction, in several languages (en de fr es it pt nl sv da no pl).
CORRECTION_WORDS = (
    r"corrections?|clarifications?|berichtigung|korrektur|richtigstellung|correctif|rectificatif|rectification|"
    r"erratum|errata|rectificaci[óo]n|fe\s+de\s+erratas?|fe\s+de\s+errores|aclaraci[óo]n|correzione|rettifica|"
    r"errata\s+corrige|corre[çc][ãa]o|errata|correctie|rectificatie|rättelse|rettelse|retting|sprostowanie"
)
# "Correction: ...", "CORRECTION (May 1): ...", "Correction added Nov. 18, 2019: ...": the word, then a colon
# or dash within a few words; or the word in capitals followed by the text.
CORRECTION = re.compile(
    rf"^[*_\s]*(?i:{CORRECTION_WORDS})\b[^:—–?!@\n]{{0,40}}?\s*[:—–.]\s*\S"
    rf"|^[*_\s]*(?:CORRECTIONS?|CLARIFICATION)\s+\S"
    r"|^[*_\s]*(?i:(?:an?|in\s+an?)\s+(?:earlier|previous|prior)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|post|piece)|this\s+(?:article|story|report|post|piece)\s+(?:has\s+been|was)\s+"
    r"(?:corrected|amended)|une\s+version\s+(?:précédente|antérieure)\s+de\s+cet|"
    r"in\s+einer\s+(?:früheren|vorherigen|älteren)\s+version\s+dieses|"
    r"una\s+versi[óo]n\s+anterior\s+de\s+(?:este|esta)|"
    r"in\s+una\s+(?:precedente|versione\s+precedente)|uma\s+vers[ãa]o\s+anterior\s+d(?:este|esta))"
)
# Update and editor's notes: a label and its text, or a sentence saying the story was or will be updated.
NOTE = re.compile(
    r"^[*_\s]*(?i:(?:editor['’]?s['’]?\s+note|editors['’]\s+note|note\s+from\s+the\s+editor|note\s+to\s+readers|"
    r"(?:update|updated|mise\s+à\s+jour|actualizaci[óo]n|aggiornamento|atualiza[çc][ãa]o|nachtrag|"
    r"aktualisierung|anmerkung\s+der\s+redaktion|hinweis\s+der\s+redaktion|note\s+de\s+la\s+r[ée]daction|"
    r"nota\s+(?:del\s+editor|de\s+la\s+redacci[óo]n|della\s+redazione|do\s+editor|da\s+reda[çc][ãa]o)|"
    r"n\.\s*d\.\s*r\.|ndlr)\b[^\n]{0,40}?(?<!\d)\s*[:—–]\s*(?!\d)\S)"
    r"|(?:this|the)\s+(?:article|story|post|report|piece|page)\s+(?:has\s+been|was|is\s+being|will\s+be|"
    r"may\s+be)\s+(?:updated|refreshed)"
    r"|this\s+is\s+a\s+(?:developing|breaking)\s+(?:news\s+)?(?:story|situation)"
    r"|(?:dieser|der)\s+(?:artikel|beitrag|text)\s+wurde\s+(?:aktualisiert|ergänzt)"
    r"|cet\s+article\s+(?:a\s+été|est)\s+(?:mis\s+à\s+jour|actualisé)"
    r"|(?:este|el)\s+(?:artículo|texto)\s+(?:ha\s+sido|fue|será)\s+actualizado"
    r"|questo\s+articolo\s+(?:è\s+stato|sarà)\s+aggiornato"
    r"|(?:este|o)\s+(?:artigo|texto)\s+(?:foi|será)\s+atualizado)"
)
# A note is a sentence or more; "Editor's Note" alone is a heading.
MIN_NOTE_WORDS = 4
# Notes and corrections are a paragraph at most; longer is story text.
MAX_NOTE_CHARS = 1200

# A full URL; after a label, a bare domain with an optional path ("jpost.com/article-1") is one too.
FULL_URL = r"(?:https?://|www\.)[^\s)\]>]+"
URL = rf"(?:{FULL_URL}|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{{2,12}}(?:/[^\s)\]>]*)?)"
# Words that label a bracketed reference, in several languages.
CITATION_LABELS = (
    r"sources?|via|quelle|quellen|fuente|fuentes|fonte|fontes|bron|källa|kilde|źródło|источник|出典|出处|"
    r"h/t|hat\s+tip|ht|ref|see|cf|link|read\s+more|more|original|archived?"
)
# "(Source: https://...)", "(via https://...)", "[Source: ...]", "(https://...)": a reference in brackets.
CITATION = re.compile(
    rf"(?:[(\[](?P<label>(?i:{CITATION_LABELS}))\s*:?\s*(?P<url>{URL})\s*[)\]]"
    r"|[(\[]\s*(?P<url2>https?://[^\s)\]>]+)\s*[)\]])",
    re.IGNORECASE,
)
# A citation with the spaces before it, removed from the text it follows (CITATION itself opens with its
# bracket, so the scan can skip to brackets).
SPACED_CITATION = re.compile(rf"\s*(?:{CITATION.pattern})", re.IGNORECASE)
# "Source: edition.cnn.com", "Quelle: dpa", "Originally published at https://...": the publisher's line.
SOURCE_LINE = re.compile(
    r"^[*_\s]*(?i:(?:source|quelle|fuente|fonte|bron|källa|kilde|źródło|источник|出典|来源|출처)\s*[:：]"
    r"|(?:this\s+(?:article|story|post|piece)\s+(?:was|is)\s+)?(?:originally|first)\s+(?:published|appeared|posted)"
    r"\s+(?:at|on|in|by)|(?:ursprünglich\s+)?erschienen\s+(?:bei|in|auf)|publicado\s+originalmente\s+(?:en|em|por)|"
    r"publié\s+initialement\s+(?:sur|par|dans))\s*(?P<name>\S.{0,100}?)[\s.]*$"
)
HOST = re.compile(
    r"^(?:https?://)?(?:www\d?\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,12})(?::\d+)?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)
# A named source is a name, not a sentence: a few words, a capital or digit first, no sentence end inside.
SOURCE_NAME = re.compile(r"^[A-ZÀ-ÖØ-ÞА-ЯЁ0-9\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af][^.!?]{0,60}$")
MAX_SOURCE_WORDS = 6

# Wire services and outlets named in a dateline's brackets are short: "(AP)", "(Reuters)", "(CNN Business)".
AGENCY = r"\((?P<agency>[A-Za-z][\w.&/ -]{0,24})\)"
PLACE_CAPS = r"[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž.'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][A-ZÀ-ÖØ-ÞĀ-Ž.'’-]*){0,3}"
PLACE_TITLE = r"[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-ÞĀ-Ž][\w.'’-]*){0,3}"
# ", S.C.", ", Calif.", ", Israel": the region after the place.
REGION = r"(?:,\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*){0,2})?"
# ", May 1" or ", 1 mai": the day after the place, in wire style.
DAY = r"(?:,\s+(?:[A-Z][a-zé]{2,8}\.?\s+\d{1,2}|\d{1,2}\.?\s+[a-zé]{3,9}\.?))?"
DASH = r"\s*(?:—|–|--|-|\.-|\.—)\s+"
# "GAZA CITY (AP) —", "LONDON —", "PARIS, May 1 (Reuters) -": a place in capitals, a date, an agency, a dash;
# "Tel Aviv (CNN) —": a place in title case needs the agency; "(CNN) —" alone names only the agency.
DATELINES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^(?P<dateline>{PLACE_CAPS}{REGION}{DAY}(?:\s+{AGENCY})?){DASH}(?P<rest>.+)$"),
    re.compile(rf"^(?P<dateline>{PLACE_TITLE}{REGION}{DAY}\s+{AGENCY}){DASH}(?P<rest>.+)$"),
    re.compile(rf"^(?P<dateline>{AGENCY}){DASH}(?P<rest>.+)$"),
)
# "TEL AVIV, ISRAEL - MARCH 23: ..." is a photo caption's dateline, not the story's.
CAPTION_DATE_AFTER = re.compile(r"^[A-ZÀ-ÖØ-Þ]{3,}\.?\s+\d{1,2}(?:,\s+\d{4})?\s*:")
# What follows a dateline is a sentence: several words, some in lower case (not a shouted headline).
MIN_DATELINE_SENTENCE_WORDS = 3
LOWER_WORD = re.compile(r"\b[a-zà-öø-ÿ]{2,}\b")
# A dateline place is a word or a few, never a whole sentence in capitals.
MAX_DATELINE_CHARS = 60
# "I — think so" is a sentence, not a place: a dateline has at least this many letters.
MIN_DATELINE_LETTERS = 2


def correction_text(line: str) -> str | None:
    """The correction a line announces, or None (a bare "Corrections" heading is not one)."""
    text = line.strip()
    if len(text) > MAX_NOTE_CHARS or not CORRECTION.match(text) or len(text.split()) < MIN_NOTE_WORDS:
        return None
    return text


def note_text(line: str) -> str | None:
    """The editor's or update note a line gives, or None; an "Updated: <date>" stamp is a date, not a note."""
    text = line.strip()
    if len(text) > MAX_NOTE_CHARS or not NOTE.match(text) or len(text.split()) < MIN_NOTE_WORDS:
        return None
    return None if date_mention(text, timezone.utc) is not None else text


def citation_parts(line: str) -> tuple[str, tuple[Citation, ...]]:
    """The line without its bracketed references, and the references it had, in order."""
    if "(" not in line and "[" not in line:
        return line, ()
    citations = tuple(_citation(m) for m in CITATION.finditer(line))
    if not citations:
        return line, ()
    return SPACED_CITATION.sub("", line).strip(), citations


def _citation(match: re.Match[str]) -> Citation:
    url = (match.group("url") or match.group("url2")).rstrip(".,;:")
    label = match.group("label") or ""
    return Citation(url=url, text=" ".join(label.split()))


def source_line(line: str) -> Source | None:
    """The publisher a "Source: ..." line names, or None."""
    match = SOURCE_LINE.match(line)
    if match is None or date_mention(line, timezone.utc) is not None:
        return None
    name = match.group("name").strip().rstrip(".")
    host = HOST.match(name)
    if host is not None:
        domain = host.group("host").lower()
        url = name if "/" in name and "://" in name else ""
        return Source(name=name if not url else domain, domain=domain, url=url)
    if (SOURCE_NAME.match(name) or name.isalnum()) and len(name.split()) <= MAX_SOURCE_WORDS:
        return Source(name=name)
    return None


def story_dateline(paragraph: str) -> str | None:
    """The dateline opening a story paragraph ("GAZA CITY (AP)", "LONDON"), or None."""
    head = paragraph.lstrip()
    for pattern in DATELINES:
        match = pattern.match(head)
        if match is not None and _is_dateline(match):
            return match.group("dateline")
    return None


def _is_dateline(match: re.Match[str]) -> bool:
    """A dateline is short and the text after its dash reads as a sentence."""
    rest = match.group("rest")
    letters = sum(c.isalpha() for c in match.group("dateline"))
    return (
        letters >= MIN_DATELINE_LETTERS
        and len(match.group("dateline")) <= MAX_DATELINE_CHARS
        and len(rest.split()) >= MIN_DATELINE_SENTENCE_WORDS
        and len(LOWER_WORD.findall(rest)) >= 2
        and CAPTION_DATE_AFTER.match(rest) is None
    )
