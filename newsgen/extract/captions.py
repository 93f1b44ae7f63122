"""Photo captions and credits: recognised by their credit or caption dateline, never by length alone."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgen.records import Image

# "(Photo by X/Agency)", "(Reed Saxon / Associated Press)", "(AP Photo/Name)": a credit closing the caption.
PAREN_CREDIT = re.compile(
    r"\s*[(\[]\s*((?:(?:photo|photograph|image|picture|foto|credit|bild|illustration)s?"
    r"(?:\s+(?:by|credit|de|von|di|por))?\s*[:/]?\s*)?[^()\[\]]{2,80}?(?:/|\bvia\b)[^()\[\]]{2,80}?)\s*[)\]]\s*$",
    re.IGNORECASE,
)
# "Photo: X", "Credit: X", "Foto: X", "© X" at the end of a caption line.
LABEL_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"”’)])\s+)(?:(?:photo(?:graph)?|image|picture|credit|foto|fotografía|bild|crédit(?:o)?s?"
    r"(?: photo)?|illustration)\s*:\s*|©\s*)(?P<credit>[^.:]{2,80}?)\s*$",
    re.IGNORECASE,
)
# A whole line that names only the photographer and agency: "Amir Levy/Getty Images".
AGENCY_CREDIT = re.compile(r"^(?:[A-Z][\w.'’-]*\s?){1,5}\s?/\s?(?:[A-Z][\w.'’&-]*\s?){1,4}$")
# Words that begin a "by" credit inside the parenthesis and are not part of the name.
CREDIT_LEAD = re.compile(
    r"^(?:(?:photo(?:graph)?|image|picture|foto|credit|bild|illustration)s?(?:\s+(?:by|credit|de|von|di|por))?\s*[:/]?\s*)",
    re.IGNORECASE,
)
# "TEL AVIV, ISRAEL - MARCH 23:" — the agency caption dateline in capitals, ending in a colon.
CAPTION_DATELINE = re.compile(r"^(?P<dateline>[A-Z][A-Z .,'’-]{2,60}?\s[-–—]\s[A-Z]+\.?\s\d{1,2}(?:,\s\d{4})?)\s*:\s*")
# Ellipses that mark a truncated copy of a caption.
ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*$")
SPACES = re.compile(r"\s+")
# A credit longer than this is prose, not a name and an agency.
MAX_CREDIT_CHARS = 80


def caption_of(line: str) -> Image | None:
    """The image a caption line describes, or None when nothing marks the line as a caption."""
    text = line.strip()
    dateline = ""
    match = CAPTION_DATELINE.match(text)
    if match:
        dateline = match.group("dateline").strip()
        text = text[match.end() :]
    credit, text = _split_credit(text)
    if not credit and not dateline:
        return None
    return Image(caption=SPACES.sub(" ", text).strip(), credit=credit, dateline=dateline)


def _split_credit(text: str) -> tuple[str, str]:
    """(credit, text without it); credit is "" when the line ends without one."""
    match = PAREN_CREDIT.search(text)
    if match:
        return CREDIT_LEAD.sub("", match.group(1)).strip(), text[: match.start()]
    match = LABEL_CREDIT.search(text)
    if match:
        return match.group("credit").strip(), text[: match.start()]
    return "", text


def credit_only(line: str) -> str | None:
    """The credit when the whole line is one ("Photo: Jane Doe/Reuters"), else None."""
    text = line.strip()
    if len(text) > MAX_CREDIT_CHARS + 20:
        return None
    credit, rest = _split_credit(text)
    if credit and not rest.strip():
        return credit
    if AGENCY_CREDIT.match(text):
        return text
    return None


def _key(image: Image) -> str:
    return SPACES.sub(" ", ELLIPSIS.sub("", image.caption)).strip().casefold()


def same_image(a: Image, b: Image) -> bool:
    """True when one caption is the other, or a truncated ("...") copy of it."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return ka == kb and a.credit == b.credit
    return ka.startswith(kb) or kb.startswith(ka)


def merged_images(images: Sequence[Image]) -> tuple[Image, ...]:
    """One image per distinct caption, the fullest copy kept, in order of first appearance."""
    kept: list[Image] = []
    for image in images:
        for i, other in enumerate(kept):
            if same_image(image, other):
                kept[i] = _fuller(other, image)
                break
        else:
            kept.append(image)
    return tuple(kept)


def _fuller(a: Image, b: Image) -> Image:
    best = b if len(_key(b)) > len(_key(a)) else a
    other = a if best is b else b
    return Image(
        caption=best.caption,
        credit=best.credit or other.credit,
        dateline=best.dateline or other.dateline,
        src=best.src or other.src,
    )
