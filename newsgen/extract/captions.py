"""Photo captions and credits.

A line is a caption only when something structural says so: a photo credit at its end (or start), or
an agency caption dateline ("TEL AVIV, ISRAEL - MARCH 23:") at its start. Length and wording alone never
make a caption, so story paragraphs that merely contain parentheses stay prose.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsgen.records import Image

# Words that name a credit, in several languages: "Photo", "Foto", "Bild", "Crédit photo", "写真".
LABEL_WORDS = (
    r"(?:(?:ap|afp|epa|file|staff|submitted)\s+)?(?:photo(?:graph)?s?|images?|pictures?|fotos?|fotograf[íi]as?|"
    r"bild(?:er)?|illustrations?|graphics?|cr[ée]dits?(?:\s+photo)?|crédito|фото|снимок|写真|사진)(?:\s+credits?)?"
)
# What joins the label to the name: a colon, a slash, "by", "via", "courtesy of", or a copyright sign.
CREDIT_LABEL = (
    rf"(?i:{LABEL_WORDS}(?:\s*[:：/]|\s+(?:by|via|courtesy(?:\s+of)?|de|von|di|por|par|af|av)\b:?)\s*"
    r"|courtesy(?:\s+of)?\s+|©\s*|\(c\)\s+)"
)
# Photo agencies and the words that mark an organisation as one: a credit with no label ends in one of these.
AGENCY_WORDS = (
    r"(?:AP|AFP|Reuters|REUTERS|EPA|EFE|ANSA|dpa|DPA|Xinhua|TASS|Getty(?:\s+Images)?|GETTY|Shutterstock|Alamy|"
    r"Bloomberg|Pool|POOL|Imago|IMAGO|picture[\s-]alliance|Associated\s+Press|Sipa|SIPA|Anadolu|NurPhoto|"
    r"[A-Z]\w*\s+(?:Images|Photos?|Pictures|Press|Agency))"
)
# A name or organisation inside a credit: a capitalised word first, then initials, particles, "via", "for".
# Agencies that write their names in lower case.
LOWER_AGENCIES = r"(?:dpa|epa|ddp|afp|kna|apa|ots)"
CAPITAL_WORD = rf"(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ0-9\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af][\w.'’&-]*|{LOWER_AGENCIES}\b)"
CREDIT_NAME = rf"{CAPITAL_WORD}(?:\s+(?:{CAPITAL_WORD}|de|da|del|della|di|van|von|der|la|le|al|el|bin|the|via|for|and|of)){{0,6}}"
CREDITS = rf"{CREDIT_NAME}(?:\s*[/|,]\s*{CREDIT_NAME})*"
# "(Photo by X/Agency)", "(Reed Saxon / Associated Press)", "(NASA/JPL)": a closing credit in brackets.
PAREN_CREDIT = re.compile(rf"\s*[(\[]\s*(?P<label>{CREDIT_LABEL})?(?P<credit>{CREDITS})\s*[)\]]?\s*$")
# "... demonstration. Photo: Jane Doe/Reuters" or "... spacecraft. Credit: SpaceX": a labelled closing credit.
LABEL_CREDIT = re.compile(rf"(?:^|\s+)(?P<label>{CREDIT_LABEL})(?P<credit>{CREDITS})\s*$")
# "... 2019. Jaafar ASHTIYEH / AFP" or "...2019.J. Scott Applewhite / AP file": a name, a slash or bar, an agency.
AGENCY_CREDIT = re.compile(
    rf"(?:^|(?<=[.!?\"”’)])\s*)(?P<credit>{CREDITS}\s*[/|]\s*{AGENCY_WORDS}(?:\s+(?:file|handout))?)\s*$"
)
# Any credit label contains one of these (lower-cased): a cheap substring test before the label pattern.
LABEL_HINTS = (
    "photo", "image", "picture", "foto", "bild", "illustr", "graphic", "credit", "crédit", "courtesy", "фото",
    "снимок", "©", "(c)", "写真", "사진",
)
# Where a label may start: the line start, a sentence end, a bracket or CJK text; headlines say "Car Show Photos:".
LABEL_START = re.compile(r"(?:^|[.!?\"”’()\[\]:。」）\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]\s*)$")
# "© John Brecher Needle poking skin...": a leading credit of two capitalised words before the caption.
LEADING_CREDIT = re.compile(r"^©\s*(?P<credit>[A-ZÀ-ÖØ-Þ][\w.'’-]+\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)\s+(?=[A-ZÀ-ÖØ-Þ])")
# A copyright footer is page chrome, not a photo credit: a year or a company form after "©".
COPYRIGHT_FOOTER = re.compile(
    r"©.*(?:\b(?:19|20)\d{2}$|\b(?:Inc|LLC|Ltd|Limited|GmbH|Corp|Corporation|S\.A|AG|Pty)\b)"
    r"|©\s*(?:19|20)\d{2}|all\s+rights\s+reserved|copyright",
    re.IGNORECASE,
)
# "TEL AVIV, ISRAEL - MARCH 23:" — the agency caption dateline: capitals, a dash, a month and day, a colon.
CAPTION_DATELINE = re.compile(
    r"^(?P<dateline>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ .,'’()-]{1,60}?\s+[-–—]\s+[A-ZÀ-ÖØ-Þ]{3,9}\.?\s+\d{1,2}(?:,\s+\d{4})?)\s*:\s*"
)
# "1of4", "2 / 10": the position of an image in a gallery, glued before the caption text.
GALLERY_COUNTER = re.compile(r"^\d{1,3}\s*(?:of|/)\s*\d{1,3}(?=\D)\s*")
# Toggle buttons that stick to the end of a caption when copied ("... (AP Photo/Gene J. Puskar) less").
TRAILING_TOGGLE = re.compile(r"(?<=[)\]])\s+(?:less|more|show\s+(?:less|more)|expand|close)\s*$", re.IGNORECASE)
# An unlabelled credit in brackets must end in an agency: "(Manu Fernandez/AP)" but not "(Tuesday)".
AGENCY_AT_END = re.compile(rf"\b{AGENCY_WORDS}$")
# A money amount, a URL or a lowercase unit after a slash ("$4.99/mo") is not a credit.
NOT_A_CREDIT = re.compile(rf"[$€£%]|https?:|www\.|/\s*(?!{LOWER_AGENCIES}\b)[a-z]")
# A credit's last word: a capitalised word, a lower-case agency, "alliance" or the "file"/"handout" after an
# agency; searched in the line's last word (a credit word may end "Doe/Reuters" or "写真：ロイター").
CREDIT_LAST_WORD = re.compile(rf"(?:{CAPITAL_WORD}|file|handout|(?:picture-)?alliance)$")
# What may come before a credit's last word: a word ending in a separator or label mark, or one of these
# words (particles inside names, the words joining a label to a name, lower-case agencies); or a capital.
CREDIT_JOINING_MARKS = frozenset("/|,:：([©")
CREDIT_JOINING_WORDS = frozenset(
    "de da del della di van von der la le al el bin the via for and of by courtesy por par af av picture (c) "
    "dpa epa ddp afp kna apa ots".split()
)
CAPITAL_START = re.compile(CAPITAL_WORD)
CREDIT_MARKS = ("(", "[", "/", "|", "©", ":", "：")
LABEL_JOINER = re.compile(r"(?i:\b(?:by|via|courtesy|de|von|di|por|par|af|av)\b)")
# What a caption may open with when it has no closing credit: a gallery counter, a leading credit or a
# caption dateline (its capitals, then a dash between spaces).
CAPTION_START = re.compile(r"\s*(?:\d{1,3}\s*(?:of|/)\s*\d|©|[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ\s.,'’()-]{1,60}?\s+[-–—]\s)")
# How a trailing toggle ends: a cheap test before TRAILING_TOGGLE.
TOGGLE_ENDINGS = ("less", "more", "expand", "close")
# "Mireille Sandoval/Harrowgate Ledger": a line of its own naming a person (two or three capitalised words,
# not shouted), a slash and an outlet of two words or more; breadcrumbs ("World/Middle East", "Method/Rule")
# have one word on a side.
PERSON_WORD = r"[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ][\w'’-]*"
BARE_CREDIT = re.compile(
    rf"{PERSON_WORD}(?:\s+(?:[A-Z]\.\s+)?{PERSON_WORD}){{1,2}}\s*/\s*{CAPITAL_WORD}(?:\s+{CAPITAL_WORD}){{1,3}}"
)
# Ellipses that mark a truncated copy of a caption.
ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)\s*$")
ELLIPSES = ("...", "…")
# A credit is a name or two and an agency; longer than this and it is prose.
MAX_CREDIT_CHARS = 90
# A closing credit and its label fit in this many last characters of a line.
CREDIT_TAIL_CHARS = MAX_CREDIT_CHARS + 40
# A credit-only line has little besides the credit; this bounds the whole line.
MAX_CREDIT_LINE_CHARS = 120
# Caption lines longer than this are not captions but whole articles glued to one line.
MAX_CAPTION_CHARS = 1500


def caption_of(line: str) -> Image | None:
    """The image a caption line describes, or None when nothing marks the line as a caption."""
    if not (_may_end_in_credit(line) or CAPTION_START.match(line) or _ends_in_toggle(line)) \
            or not _has_credit_mark(line):
        return None
    squeezed = _squeezed(line, MAX_CAPTION_CHARS)
    text = _without_counter(_without_toggle(squeezed))
    if not text or _is_copyright(squeezed):
        return None
    dateline, text = _split_dateline(text)
    credit, text = _split_credit(text)
    caption = text.strip()
    if not (credit or dateline) or not caption:
        return None
    return Image(caption=caption, credit=credit, dateline=dateline)


def credit_only(line: str) -> str | None:
    """The credit when the whole line is one ("Photo: Jane Doe/Reuters", "Alex Wong | Getty Images"), else None."""
    if not (_may_end_in_credit(line) or _ends_in_toggle(line)) or not _has_credit_mark(line):
        return None
    squeezed = _squeezed(line, MAX_CREDIT_LINE_CHARS)
    text = _without_toggle(squeezed)
    if not text or _is_copyright(squeezed):
        return None
    credit, rest = _split_credit(text, alone=True)
    if credit and not rest.strip(" .,:;-–—"):
        return credit
    bare = BARE_CREDIT.fullmatch(text)
    return bare.group() if bare else None


def _squeezed(line: str, limit: int) -> str:
    """The line with single spaces, or "" when it is longer than `limit`; labelled lines come squeezed already."""
    if not line.isprintable() or "  " in line or line[:1] == " " or line[-1:] == " ":
        line = " ".join(line.split())
    return line if len(line) <= limit else ""


def _ends_in_toggle(text: str) -> bool:
    return text.rstrip()[-6:].lower().endswith(TOGGLE_ENDINGS)


def _without_toggle(text: str) -> str:
    return TRAILING_TOGGLE.sub("", text) if _ends_in_toggle(text) else text


def _without_counter(text: str) -> str:
    return GALLERY_COUNTER.sub("", text) if text[:1].isdigit() else text


def _may_end_in_credit(text: str) -> bool:
    """The cheap test before the credit patterns: a leading "©", or a line ending in a credit-shaped word.

    Every credit pattern ends with a name (at most one bracket after it), joined to what comes before by a
    separator, a label word, a particle or another capitalised word; "... on Tuesday." carries none.
    """
    text = text.strip()
    if text[:1] == "©":
        return True
    if text[-1:] in ")]":
        text = text[:-1].rstrip()
    space = text.rfind(" ")
    last = CREDIT_LAST_WORD.search(text, space + 1)
    if last is None:
        return False
    if space < 0 or last.start() > space + 1:  # one word, or "Doe/Reuters": a separator inside the last word
        return True
    before = text[text.rfind(" ", 0, space) + 1 : space]
    return (before[-1:] in CREDIT_JOINING_MARKS or before.lower().rstrip(":") in CREDIT_JOINING_WORDS
            or CAPITAL_START.match(before.lstrip("([")) is not None)


def _has_credit_mark(text: str) -> bool:
    """What every credit and caption dateline has: a bracket, slash, bar, "©" or colon, or a label's joining
    word ("Photo by", "Foto von") among the last characters."""
    for mark in CREDIT_MARKS:
        if mark in text:
            return True
    return LABEL_JOINER.search(text, max(len(text) - CREDIT_TAIL_CHARS, 0)) is not None


def _is_copyright(text: str) -> bool:
    return ("©" in text or "ight" in text or "IGHT" in text) and COPYRIGHT_FOOTER.search(text) is not None


def _split_dateline(text: str) -> tuple[str, str]:
    """(caption dateline, the rest); the dateline is "" when the caption has none."""
    match = CAPTION_DATELINE.match(text)
    if match is None:
        return "", text
    return match.group("dateline").strip(), text[match.end() :]


def _split_credit(text: str, alone: bool = False) -> tuple[str, str]:
    """(credit, text without it); "" when the text carries none. `alone`: the line is nothing but the credit."""
    for pattern, start in _credit_candidates(text):
        match = pattern.search(text, start)
        if match is not None and _is_credit(match, text, alone):
            credit = match.group("credit").strip(" .,;:")
            return credit, text[: match.start()].rstrip()
    match = LEADING_CREDIT.match(text)
    if match is not None:
        return match.group("credit"), text[match.end() :]
    return "", text


def _credit_candidates(text: str) -> list[tuple[re.Pattern[str], int]]:
    """The credit patterns worth trying, each with where to start: a closing credit sits in the tail."""
    tail_start = max(len(text) - CREDIT_TAIL_CHARS, 0)
    tail = text[tail_start:]
    candidates = []
    bracket = max(tail.rfind("("), tail.rfind("["))
    if bracket >= 0:
        candidates.append((PAREN_CREDIT, tail_start + bracket))
    if _has_label_hint(tail.lower()):
        candidates.append((LABEL_CREDIT, tail_start))
    if "/" in tail or "|" in tail:
        candidates.append((AGENCY_CREDIT, tail_start))
    return candidates


def _has_label_hint(lowered: str) -> bool:
    for hint in LABEL_HINTS:
        if hint in lowered:
            return True
    return False


def _is_credit(match: re.Match[str], text: str, alone: bool) -> bool:
    """Whether a credit-shaped match really names a photographer or an agency."""
    credit = match.group("credit")
    if len(credit) > MAX_CREDIT_CHARS or NOT_A_CREDIT.search(credit):
        return False
    label = (match.groupdict().get("label") or "").strip()
    if match.re is AGENCY_CREDIT:
        return True
    if not label:
        return "/" in credit or "|" in credit or (alone and AGENCY_AT_END.search(credit) is not None)
    return label.startswith(("©", "(c")) or LABEL_START.search(text[: match.start("label")]) is not None


def _key(image: Image) -> str:
    """The caption as compared: no ellipsis, single spaces, case folded."""
    caption = image.caption
    if caption.rstrip().endswith(ELLIPSES):  # the pattern scan only where it can remove something
        caption = ELLIPSIS.sub("", caption)
    return " ".join(caption.split()).casefold()


def same_image(a: Image, b: Image) -> bool:
    """True when one caption is the other, or a truncated ("...") copy of it."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return ka == kb and a.credit == b.credit and a.src == b.src
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
    """The copy with the longer caption, its missing parts filled from the other."""
    best, other = (b, a) if len(_key(b)) > len(_key(a)) else (a, b)
    return Image(
        caption=best.caption,
        credit=best.credit or other.credit,
        dateline=best.dateline or other.dateline,
        src=best.src or other.src,
    )
