"""Date stamps ("Published 10:42 AM EDT, Tue May 1, 2024") and the dates mentioned in prose.

A stamp is a short line that is mostly a date: after the date, the time, the zone and the label words
are taken away, only a few words may remain. A sentence that mentions a date is prose, not a stamp;
its dates only bound from below when the article can have been written (`date_not_before`).
Zone abbreviations become real offsets; a time without a zone is in the caller's `tz`, a date without
a time is midnight in `tz`. Impossible dates (31 February) are no dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .substrings import contains_any


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date stamp line: what it dates, the moment (timezone-aware) and the line's text."""

    kind: str  # "published" | "updated" | "date"
    value: datetime
    text: str


def _month_table(rows: Sequence[str]) -> dict[str, int]:
    return {name: number for number, row in enumerate(rows, start=1) for name in row.split()}


# Month names, abbreviations and genitive forms (en de fr es it pt nl sv/da/no pl ru uk tr id) → number.
MONTHS: dict[str, int] = _month_table(
    (
        "january jan januar jänner jän janvier janv enero ene gennaio gen janeiro januari januar stycznia "
        "styczeń января январь січня ocak ocak",
        "february feb febr februar février fevrier févr fev fevr febrero febbraio fevereiro februari lutego "
        "luty февраля февраль лютого şubat subat pebruari",
        "march mar märz maerz mrz mars marzo março marco maart maret marca marzec марта март березня mart",
        "april apr avril avr abril aprile abr kwietnia kwiecień апреля апрель квітня nisan",
        "may mai mayo maggio mag maio mei maj maja май мая травня mayıs",
        "june jun juni juin junio giugno giu junho czerwca czerwiec июня июнь червня haziran",
        "july jul juli juillet juil julio luglio lug julho lipca lipiec июля июль липня temmuz",
        "august aug aug. août aout agosto ago agustus augustus augusti sierpnia sierpień августа август "
        "серпня ağustos",
        "september sep sept septembre septiembre settembre set setembro september wrzesnia września "
        "wrzesień сентября сентябрь вересня eylül",
        "october oct okt octobre octubre ottobre ott outubro out oktober października październik "
        "октября октябрь жовтня ekim",
        "november nov novembre noviembre novembro november listopada listopad ноября ноябрь листопада kasım",
        "december dec dez dezember décembre decembre déc diciembre dic dicembre dezembro desember grudnia "
        "grudzień декабря декабрь грудня aralık",
    )
)
# Fixed zone abbreviations news pages print, with their UTC offsets in minutes.
ZONE_OFFSETS: dict[str, int] = {
    "UTC": 0, "GMT": 0, "Z": 0, "WET": 0, "BST": 60, "IST": 330, "WEST": 60, "CET": 60, "CEST": 120,
    "MEZ": 60, "MESZ": 120, "EET": 120, "EEST": 180, "MSK": 180, "AST": -240, "ADT": -180, "PKT": 300,
    "HKT": 480, "SGT": 480, "JST": 540, "KST": 540, "AWST": 480, "ACST": 570, "AEST": 600, "AEDT": 660,
    "NZST": 720, "NZDT": 780, "HST": -600, "AKST": -540, "AKDT": -480, "EST": -300, "EDT": -240,
    "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420, "WIB": 420, "AMT": 240,
}
# Zones named without saying whether summer time applies: the offset depends on the date.
ZONE_REGIONS: dict[str, str] = {
    "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
}
ZONE_NAMES = "|".join(sorted((*ZONE_OFFSETS, *ZONE_REGIONS), key=len, reverse=True))
# A year; digits may follow only when they are a glued clock time ("NOV 20 20194:29 AM").
YEAR = r"(?P<year>(?:19|20)\d{2})(?:(?!\d)|(?=\d{1,2}:\d{2}))"
# A month name or abbreviation: a whole run of letters (taken at once: a shorter part of it is never followed
# by the space or full stop the shapes need, so backtracking into it only costs time).
MONTH_WORD = r"(?P<month>[^\W\d_]{3,12}+)\.?"
DAY = r"(?P<day>[0-3]?\d)"
# Date shapes, most specific first: ISO, CJK, numeric with dots or slashes, then month names both ways.
DATE_SHAPES: tuple[re.Pattern[str], ...] = (
    re.compile(rf"(?<!\d){YEAR}-(?P<mon>[01]?\d)-{DAY}(?!\d)"),
    re.compile(rf"{YEAR}\s?[年년]\s?(?P<mon>[01]?\d)\s?[月월]\s?{DAY}\s?[日일]"),
    re.compile(rf"(?<![\d.]){YEAR}[./](?P<mon>[01]?\d)[./]{DAY}(?![\d.]\d)"),
    re.compile(rf"(?<![\d.]){DAY}\.\s?(?P<mon>[01]?\d)\.\s?{YEAR}"),
    re.compile(rf"(?<![\d/]){DAY}/(?P<mon>[01]?\d)/(?P<year>(?:19|20)?\d{{2}})(?![\d/])"),
    re.compile(
        rf"(?<!\d){DAY}(?:er|st|nd|rd|th|\.|º|°)?\s*(?:de\s+|-)?{MONTH_WORD}(?:\s+de|\s*-|,)?\s+{YEAR}", re.IGNORECASE
    ),
    re.compile(rf"(?<![^\W\d_]){MONTH_WORD}\s+{DAY}(?:st|nd|rd|th)?(?:,\s*|\s+)(?:de\s+)?{YEAR}", re.IGNORECASE),
)
# A character (or pair) each shape cannot match without, in DATE_SHAPES order: cheap tests before the scans.
SHAPE_MARKS: tuple[tuple[str, ...], ...] = (("-",), ("年", "년"), (".", "/"), (".",), ("/",), (), ())
# Every date shape has a four-digit year or a slashed two-digit one: a cheap test before the shapes.
YEAR_HINT = re.compile(r"(?:19|20)\d\d|\d/\d\d(?!\d)")
# ... and YEAR_HINT cannot match without one of these, found far faster by substring search.
YEAR_MARKS = ("19", "20", "/")
# The slashed shape: which of day and month comes first is settled per line (see `_slashed`).
SLASHED = DATE_SHAPES[4]
# A clock time, a 12-hour marker, and a zone: "10:42 AM EDT", "14h30", "1909 GMT", "12時34分".
TIME_PATTERN = re.compile(
    r"(?<![\d.:/])(?:(?P<hour>[0-2]?\d)\s?(?:[:h.]|時)\s?(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?:\.\d+)?分?"
    r"|(?P<hhmm>[0-2]\d[0-5]\d)(?=\s*(?:GMT|UTC|ET|[A-Z]{2,4}T)\b))"
    r"(?:\s*(?P<ampm>[aApP]\.?\s?[mM]\.?))?(?:\s*(?:Uhr|uhr|h|hrs|Hrs|น\.))?"
    rf"(?:\s*\(?(?P<zone>(?:GMT|UTC)\s?[+\-−]\s?\d{{1,2}}(?::?\d{{2}})?|[+\-−]\d{{2}}:?\d{{2}}|(?:{ZONE_NAMES})(?![a-z])))?"
)
# Labels that say which date a stamp gives, in several languages; the last label before a date wins.
LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "updated",
        re.compile(
            r"(?i:(?<![^\W\d_])(?:(?:last\s+)?(?:updated?|modified|edited|revised)|aktualisiert|geändert|stand:|"
            r"modifié|modifiée|modificad[oa]|modificat[oa]|gewijzigd|"
            r"mis\s+à\s+jour|màj|actualizad[oa]|actualización|atualizad[oa]|aggiornat[oa]|aggiornamento|"
            r"bijgewerkt|uppdaterad|opdateret|oppdatert|zaktualizowano|обновлено|обновлен|оновлено|güncelleme|"
            r"diperbarui))|更新|수정"
        ),
    ),
    (
        "published",
        re.compile(
            r"(?i:(?<![^\W\d_])(?:(?:first\s+)?(?:published|posted|released|issued)|veröffentlicht|publié|"
            r"publiée|publicado|publicada|pubblicato|gepubliceerd|publicerad|publiceret|publisert|opublikowano|"
            r"опубликовано|опубліковано|yayınlanma|yayınlandı|diterbitkan|dipublikasikan))|公開|配信|발행|입력|登録"
        ),
    ),
)
# An "@handle" in brackets marks a quoted post's signature ("— Jane (@jane) May 1, 2024"), not the article's.
SOCIAL_SIGNATURE = re.compile(r"\(@\w+\)")
# Sentence ends: a date stamp line rarely ends in a full stop after several words.
SENTENCE_END = re.compile(r"[.!?。]\s*$")
WORD = re.compile(r"[^\W\d_]{2,}")
DIGIT = re.compile(r"\d")
# Words that are part of a stamp and say nothing against it: weekdays, "at", "on", "by", "de", "à", "le"...
STAMP_WORDS = frozenset(
    "at on by the of de del el la le à a um am pm uhr et um den der am on at um and y e "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi vendredi samedi "
    "dimanche lunes martes miércoles jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì "
    "sabato domenica segunda terça quarta quinta sexta feira hrs time ago".split()
)
# Beyond this many other words a line is more than a stamp.
MAX_OTHER_WORDS = 6
# Beyond this many other words, a line ending like a sentence is prose.
MAX_SENTENCE_WORDS = 2
# A stamp line is short; longer lines are paragraphs.
MAX_STAMP_CHARS = 160
# Dates outside this span are page furniture (copyright years) or typos, not article dates.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2100
# 12-hour clock markers: a slashed date on a line that uses them is month first (US style).
TWELVE_HOUR = re.compile(r"\d\s?[aApP]\.?\s?[mM]\b")


def date_mention(line: str, tz: tzinfo) -> DateMention | None:
    """The date a stamp line gives (the first, for lines with two), or None for prose and impossible dates."""
    mentions = date_mentions(line, tz)
    return mentions[0] if mentions else None


def date_mentions(line: str, tz: tzinfo) -> tuple[DateMention, ...]:
    """Every date a stamp line gives ("Published: May 1, 2024 Updated: May 2, 2024" has two); () for prose."""
    if len(line) > 2 * MAX_STAMP_CHARS or not _may_have_date(line):
        return ()
    text = " ".join(line.split())
    if len(text) > MAX_STAMP_CHARS or SOCIAL_SIGNATURE.search(text):
        return ()
    days = _days(text)
    if not days:
        return ()
    taken = [(start, end) for _, start, end in days]
    mentions: list[tuple[int, DateMention]] = []
    for index, (day, start, end) in enumerate(days):
        before = days[index - 1][2] if index else 0
        after = _next_label(text, end, days[index + 1][1] if index + 1 < len(days) else len(text))
        value, span = _with_time(day, text, (end, after), (before, start), tz)
        taken.extend([span] if span else [])
        mentions.append((start, DateMention(kind=_kind(text, start), value=value, text=text)))
    rest = _without(text, taken)
    if DIGIT.search(rest, days[0][2]):  # a time no date has taken, after the first date
        mentions.extend(_labelled_times(text, days, taken, tz))
        rest = _without(text, taken)
    if not _is_stamp(rest):
        return ()
    return tuple(mention for _, mention in sorted(mentions, key=lambda item: item[0]))


def _next_label(text: str, start: int, end: int) -> int:
    """Where the first label between start and end begins (else end): a time after it is that label's."""
    return min((m.start() for _, pattern in LABELS for m in [pattern.search(text, start, end)] if m), default=end)


def _labelled_times(text: str, days: list[tuple[datetime, int, int]], taken: list[tuple[int, int]],
                    tz: tzinfo) -> list[tuple[int, DateMention]]:
    """"... 2023 alle 09:10 · Aggiornato alle 12:45": a label and a time of their own, on the day written
    before them; each time found is added to `taken`."""
    found = []
    for kind, pattern in LABELS:
        for label in pattern.finditer(text):
            earlier = [day for day, _, end in days if end <= label.start()]
            later = [start for _, start, _ in days if start >= label.end()]
            match = TIME_PATTERN.search(text, label.end(), later[0] if later else len(text))
            if not earlier or match is None or any(match.start() < e and s < match.end() for s, e in taken):
                continue
            hour, minute = _clock(match)
            if hour is None:
                continue
            local = earlier[-1].replace(hour=hour, minute=minute, second=int(match["second"] or 0))
            zone = _zone(match["zone"], local) if match["zone"] else None
            taken.append(match.span())
            found.append((label.start(), DateMention(kind=kind, value=local.replace(tzinfo=zone or tz), text=text)))
    return found


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans blanked out."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _days(text: str) -> list[tuple[datetime, int, int]]:
    """The valid calendar dates in the text with where they are, in reading order, never overlapping."""
    found: list[tuple[datetime, int, int]] = []
    if not _may_have_date(text):
        return found
    for shape, marks in zip(DATE_SHAPES, SHAPE_MARKS):
        if marks and not contains_any(text, marks):
            continue
        for match in shape.finditer(text):
            if any(match.start() < end and start < match.end() for _, start, end in found):
                continue
            day = _calendar_day(match, text)
            if day is not None:
                found.append((day, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def _may_have_date(text: str) -> bool:
    return contains_any(text, YEAR_MARKS) and YEAR_HINT.search(text) is not None


def _calendar_day(match: re.Match[str], text: str) -> datetime | None:
    """The date a match names, or None when it is no date (a month word that is not a month, 31 February)."""
    parts = match.groupdict()
    if match.re is SLASHED:
        return _slashed(parts, text)
    month = MONTHS.get(parts["month"].lower().rstrip(".")) if parts.get("month") else int(parts["mon"])
    return _valid(int(parts["year"]), month, int(parts["day"]))


def _slashed(parts: dict[str, str], text: str) -> datetime | None:
    """A slashed date: day first unless the line uses a 12-hour clock or only month-first is a valid date."""
    first, second, year = int(parts["day"]), int(parts["mon"]), int(parts["year"])
    year = year + 2000 if year < 100 else year
    month_first = _valid(year, first, second)
    day_first = _valid(year, second, first)
    if month_first and (TWELVE_HOUR.search(text) or day_first is None):
        return month_first
    return day_first


def _valid(year: int, month: int | None, day: int) -> datetime | None:
    if month is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _with_time(
    day: datetime, text: str, after: tuple[int, int], before: tuple[int, int], tz: tzinfo
) -> tuple[datetime, tuple[int, int] | None]:
    """The day at the time written after it (or else before it: "14:30 01.05.2024"), and where that time is.

    Midnight in `tz` when no time is written; `tz` when the time names no zone.
    """
    for start, end in (after, before):
        match = TIME_PATTERN.search(text[start:end])
        hour, minute = _clock(match) if match else (None, 0)
        if match is not None and hour is not None:
            local = day.replace(hour=hour, minute=minute, second=int(match["second"] or 0))
            zone = _zone(match["zone"], local) if match["zone"] else None
            return local.replace(tzinfo=zone or tz), (start + match.start(), start + match.end())
    return day.replace(tzinfo=tz), None


def _clock(match: re.Match[str]) -> tuple[int | None, int]:
    """(hour, minute) on the 24-hour clock; hour None when the numbers are no time of day."""
    if match["hhmm"]:
        hour, minute = int(match["hhmm"][:2]), int(match["hhmm"][2:])
    else:
        hour, minute = int(match["hour"]), int(match["minute"])
    marker = (match["ampm"] or "").replace(".", "").replace(" ", "").lower()
    if marker and not 1 <= hour <= 12:
        return None, 0
    if marker == "pm" and hour < 12:
        hour += 12
    elif marker == "am" and hour == 12:
        hour = 0
    return (hour, minute) if hour <= 23 else (None, 0)


def _zone(text: str, local: datetime) -> tzinfo | None:
    """The zone an abbreviation or offset ("EDT", "GMT+2", "+02:00", "ET") stands for; None when unknown."""
    compact = text.replace(" ", "").replace("−", "-").upper()
    if compact in ZONE_OFFSETS:
        return timezone(timedelta(minutes=ZONE_OFFSETS[compact]))
    if compact in ZONE_REGIONS:
        return _region(ZONE_REGIONS[compact], local)
    offset = re.fullmatch(r"(?:GMT|UTC)?([+-])(\d{1,2}):?(\d{2})?", compact)
    if offset is None:
        return None
    hours, minutes = int(offset.group(2)), int(offset.group(3) or 0)
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if offset.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _region(name: str, local: datetime) -> tzinfo | None:
    """The fixed offset a region's clock had at that moment (EST or EDT for "ET")."""
    try:
        offset = local.replace(tzinfo=ZoneInfo(name)).utcoffset()
    except ZoneInfoNotFoundError:
        return None
    return timezone(offset) if offset is not None else None


def _kind(text: str, start: int) -> str:
    """What a date at `start` gives: the last label written before it, else a plain "date"."""
    best, best_at = "date", -1
    for kind, pattern in LABELS:
        for match in pattern.finditer(text, 0, start):
            if match.start() > best_at:
                best, best_at = kind, match.start()
    return best


def _is_stamp(rest: str) -> bool:
    """Whether what is left after the dates and times is short enough for a stamp, not a sentence."""
    words = [w for w in WORD.findall(rest) if w.lower() not in STAMP_WORDS and not _is_label(w)]
    if len(words) > MAX_OTHER_WORDS:
        return False
    return not (SENTENCE_END.search(rest) and len(words) > MAX_SENTENCE_WORDS)


def _is_label(word: str) -> bool:
    return any(pattern.fullmatch(word) for _, pattern in LABELS)


def date_not_before(texts: Sequence[str], tz: tzinfo) -> datetime | None:
    """The latest full date (day, month, year) the prose mentions: the article was written no earlier.

    A lower bound only; it is never the publish date.
    """
    latest = max((day for text in texts for day, _, _ in _days(text)), default=None)
    return latest.replace(tzinfo=tz) if latest is not None else None
