"""Date stamps on their own line ("Published 10:42 AM EDT, Tue May 1, 2024") and dates mentioned in prose."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date stamp line: what it says the date is for, the moment, and the line's text."""

    kind: str  # "published" | "updated" | "date"
    value: datetime
    text: str


# Month names and abbreviations in several languages → month number.
MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv januar jän enero ene gennaio gen janeiro januari januari",
        "february feb février févr fevrier februar febrero febbraio fevereiro februari",
        "march mar mars märz maerz marzo março maart maret",
        "april apr avril abril aprile",
        "may mai mayo maggio maio mei",
        "june jun juin juni junio giugno junho",
        "july jul juillet juli julio luglio julho",
        "august aug août aout agosto agustus augustus",
        "september sep sept septembre septiembre settembre setembro",
        "october oct octobre oktober octubre ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre dezember diciembre dicembre dezembro desember dic dez",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS.setdefault(_name, _number)

# Zone abbreviations news pages print, with their UTC offsets in hours.
ZONES: dict[str, float] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 1, "west": 1, "cet": 1, "cest": 2, "mez": 1, "mesz": 2,
    "eet": 2, "eest": 3, "msk": 3, "ist": 5.5, "pkt": 5, "jst": 9, "kst": 9, "hkt": 8, "sgt": 8,
    "aest": 10, "aedt": 11, "awst": 8, "nzst": 12, "nzdt": 13,
    "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
    "et": -5, "pt": -8, "ct": -6,
}
MONTH_WORD = r"(?P<month>[^\W\d_]{3,10})\.?"
YEAR = r"(?P<year>(?:19|20)\d{2})"
TIME = (
    r"(?P<hour>\d{1,2})(?:[:h.](?P<minute>\d{2}))(?::(?P<second>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*(?:uhr|h))?"
)
ZONE = r"(?P<zone>(?:GMT|UTC)\s*[+-−]\s*\d{1,2}(?::?\d{2})?|[+-]\d{2}:?\d{2}|Z\b|[A-Z]{2,5}\b)"
# Date shapes, numeric first (least ambiguous), then month-name orders.
DATE_SHAPES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{YEAR}-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})"),
    re.compile(rf"(?P<day>\d{{1,2}})\.\s?(?P<mon>\d{{1,2}})\.\s?{YEAR}"),
    re.compile(rf"{YEAR}年\s?(?P<mon>\d{{1,2}})月\s?(?P<day>\d{{1,2}})日"),
    re.compile(rf"(?P<day>\d{{1,2}})(?:er|st|nd|rd|th|\.|º)?\s+(?:de\s+)?{MONTH_WORD}\s+(?:de\s+)?,?\s*{YEAR}", re.I),
    re.compile(rf"{MONTH_WORD}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}", re.I),
    re.compile(rf"(?P<mon>\d{{1,2}})/(?P<day>\d{{1,2}})/{YEAR}"),
)
TIME_PATTERN = re.compile(rf"(?<![\d.:])(?:{TIME})(?:\s*{ZONE})?", re.I)
# Labels that say which date a stamp gives.
UPDATED_WORDS = re.compile(
    r"\b(?:updated?|last updated|modified|aktualisiert|mis à jour|actualizado|atualizado|aggiornato|bijgewerkt|更新)",
    re.I,
)
PUBLISHED_WORDS = re.compile(
    r"\b(?:published|posted|first published|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|publiceret|公開)",
    re.I,
)
WORD = re.compile(r"[^\W\d_]+")
# A stamp is short: beyond this many words besides the date it is a sentence.
MAX_STAMP_WORDS = 8
MAX_STAMP_CHARS = 120


def date_mention(line: str, tz: tzinfo) -> DateMention | None:
    """The date a stamp line gives, or None for prose and for impossible dates."""
    text = line.strip()
    if not text or len(text) > MAX_STAMP_CHARS:
        return None
    found = _first_date(text)
    if found is None:
        return None
    day, span = found
    rest = text[: span[0]] + " " + text[span[1] :]
    value, rest = _with_time(day, rest, tz)
    if len(WORD.findall(rest)) > MAX_STAMP_WORDS:
        return None
    kind = "updated" if UPDATED_WORDS.search(text) else "published" if PUBLISHED_WORDS.search(text) else "date"
    return DateMention(kind=kind, value=value, text=text)


def _first_date(text: str) -> tuple[datetime, tuple[int, int]] | None:
    """The first valid calendar date in the text and where it is."""
    for shape in DATE_SHAPES:
        for match in shape.finditer(text):
            day = _calendar_day(match)
            if day is not None:
                return day, match.span()
    return None


def _calendar_day(match: re.Match[str]) -> datetime | None:
    parts = match.groupdict()
    month = MONTHS.get(parts["month"].lower()) if parts.get("month") else int(parts["mon"])
    if month is None:
        return None
    try:
        return datetime(int(parts["year"]), month, int(parts["day"]))
    except ValueError:
        return None


def _with_time(day: datetime, rest: str, tz: tzinfo) -> tuple[datetime, str]:
    """The day with the time and zone found in the rest of the line; midnight in `tz` without one."""
    match = TIME_PATTERN.search(rest)
    if match is None:
        return day.replace(tzinfo=tz), rest
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    ampm = (match["ampm"] or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return day.replace(tzinfo=tz), rest
    zone = _zone(match["zone"]) if match["zone"] else None
    stamped = day.replace(hour=hour, minute=minute, second=int(match["second"] or 0), tzinfo=zone or tz)
    return stamped, rest[: match.start()] + " " + rest[match.end() :]


def _zone(text: str) -> tzinfo | None:
    """The fixed offset a zone abbreviation or "+02:00"/"GMT+2" stands for; None when unknown."""
    compact = text.replace(" ", "").replace("−", "-").lower()
    if compact in ZONES:
        return timezone(timedelta(hours=ZONES[compact]))
    offset = re.fullmatch(r"(?:gmt|utc)?([+-])(\d{1,2}):?(\d{2})?", compact)
    if offset is None:
        return None
    sign = -1 if offset.group(1) == "-" else 1
    hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def date_not_before(texts: Sequence[str], tz: tzinfo) -> datetime | None:
    """The latest full date mentioned in the prose: the article was written no earlier."""
    latest: datetime | None = None
    for text in texts:
        for shape in DATE_SHAPES:
            for match in shape.finditer(text):
                day = _calendar_day(match)
                if day is not None and (latest is None or day > latest):
                    latest = day
    return latest.replace(tzinfo=tz) if latest is not None else None
