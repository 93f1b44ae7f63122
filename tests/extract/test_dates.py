"""Date stamps and the prose lower bound: real offsets, the caller's zone when none is written, no prose."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgen.extract.dates import date_mention, date_mentions, date_not_before

TZ = timezone(timedelta(hours=1))
UTC = timezone.utc


def at(*parts: int, hours: float | None = None) -> datetime:
    """A moment at a fixed offset, or in the test's default zone."""
    zone = TZ if hours is None else timezone(timedelta(hours=hours))
    return datetime(*parts, tzinfo=zone)


STAMPS = [
    ("Published 10:42 AM EDT, Tue May 1, 2024", "published", at(2024, 5, 1, 10, 42, hours=-4)),
    ("Updated 3:04 PM GMT+2, May 2, 2024", "updated", at(2024, 5, 2, 15, 4, hours=2)),
    ("Nov. 19, 2019", "date", at(2019, 11, 19)),
    ("May 1, 2024 5:50 PM", "date", at(2024, 5, 1, 17, 50)),
    ("2024-05-01T10:00:00Z", "date", at(2024, 5, 1, 10, hours=0)),
    ("2024-05-01T10:00:00+02:00", "date", at(2024, 5, 1, 10, hours=2)),
    ("01.05.2024, 14:30 Uhr", "date", at(2024, 5, 1, 14, 30)),
    ("Stand: 01.05.2024, 14:30 Uhr", "updated", at(2024, 5, 1, 14, 30)),
    ("1 mai 2024 à 10h12", "date", at(2024, 5, 1, 10, 12)),
    ("Mis à jour le 2 mai 2024 à 10h12", "updated", at(2024, 5, 2, 10, 12)),
    ("Publicado el 1 de mayo de 2024", "published", at(2024, 5, 1)),
    ("Aggiornato il 2 maggio 2024 alle 10:12", "updated", at(2024, 5, 2, 10, 12)),
    ("Veröffentlicht am 01.05.2024", "published", at(2024, 5, 1)),
    ("Posted: 18 Nov 2019 8:11 pm", "published", at(2019, 11, 18, 20, 11)),
    ("Last updated: 18 Nov 2019 9:38 pm", "updated", at(2019, 11, 18, 21, 38)),
    ("2024年5月1日", "date", at(2024, 5, 1)),
    ("2019年11月20日 12時34分", "date", at(2019, 11, 20, 12, 34)),
    ("2019년 11월 20일", "date", at(2019, 11, 20)),
    ("기사입력 :[ 2018-09-28 17:32 ]", "published", at(2018, 9, 28, 17, 32)),
    ("24 сентября 2018", "date", at(2018, 9, 24)),
    ("Associated Press November 19, 2019, 9:02 AM", "date", at(2019, 11, 19, 9, 2)),
    ("- Nov. 18th 2019 12:12 pm PT", "date", at(2019, 11, 18, 12, 12, hours=-8)),
    ("Posted June 18, 2019 at 6:46 pm ET", "published", at(2019, 6, 18, 18, 46, hours=-4)),
    ("19 NOV 2019", "date", at(2019, 11, 19)),
    ("21:17 18.11.2019", "date", at(2019, 11, 18, 21, 17)),
    ("First Published on Nov 20, 2019 01:38 pm", "published", at(2019, 11, 20, 13, 38)),
    ("Published 11:26 pm EST, Tuesday, November 19, 2019", "published", at(2019, 11, 19, 23, 26, hours=-5)),
    ("Published November 20th, 2019 - 07:29 GMT", "published", at(2019, 11, 20, 7, 29, hours=0)),
    ("UPDATED: Tue., Nov. 19, 2019", "updated", at(2019, 11, 19)),
    ("Updated 1909 GMT (0309 HKT) November 18, 2019", "updated", at(2019, 11, 18, 19, 9, hours=0)),
    ("PUBLISHED WED, NOV 20 20194:29 AM ESTUPDATED AN HOUR AGO", "published", at(2019, 11, 20, 4, 29, hours=-5)),
    ("11/19/2019 by Lars Berg", "date", at(2019, 11, 19)),
    ("13/06/2014", "date", at(2014, 6, 13)),
    ("BY KIRA GANT ON 11/13/19 AT 4:00 PM EST", "date", at(2019, 11, 13, 16, hours=-5)),
    ("2018.04.05", "date", at(2018, 4, 5)),
    ("Le 3 juin 2020", "date", at(2020, 6, 3)),
    ("Publicado em 3 de junho de 2020", "published", at(2020, 6, 3)),
]

NOT_STAMPS = [
    "February 30, 2024",
    "31.02.2024",
    "He was born on May 1, 2024.",
    "The protests began on March 23, 2024 in Tel Aviv and spread quickly across the country.",
    "Frustrations persisted as hostages remained captive in Gaza on March 23, 2024.",
    "— Jane Roe (@janeroe) November 18, 2019",
    "Copyright 2019 Example News. All rights reserved.",
    "Black Friday 2019",
    "Lexus LC500 2019 Price 1:24",
    "Updated November 18 at 4:46 PM",
    "Since 1994",
    "",
]


@pytest.mark.parametrize(("line", "kind", "value"), STAMPS, ids=[s[0][:40] for s in STAMPS])
def test_date_mention(line: str, kind: str, value: datetime) -> None:
    found = date_mention(line, TZ)
    assert found is not None
    assert (found.kind, found.value, found.value.utcoffset()) == (kind, value, value.utcoffset())


@pytest.mark.parametrize("line", NOT_STAMPS, ids=[n[:40] or "empty" for n in NOT_STAMPS])
def test_not_a_stamp(line: str) -> None:
    assert date_mention(line, TZ) is None


def test_line_with_published_and_updated() -> None:
    found = date_mentions("Published: Nov. 19, 2019, 6:18 p.m. Updated: Nov. 19, 2019, 7:10 p.m.", UTC)
    assert [(m.kind, m.value) for m in found] == [
        ("published", datetime(2019, 11, 19, 18, 18, tzinfo=UTC)),
        ("updated", datetime(2019, 11, 19, 19, 10, tzinfo=UTC)),
    ]


def test_glued_updated_label_counts_for_second_date() -> None:
    found = date_mentions("Nov. 20, 2019Updated: Nov. 20, 2019 1:35 a.m.", UTC)
    assert [m.kind for m in found] == ["date", "updated"]


TWO_MOMENTS = [
    ("Publié le 18 septembre 2023 à 06h30, modifié le 18 septembre 2023 à 11h02",
     [("published", datetime(2023, 9, 18, 6, 30, tzinfo=UTC)), ("updated", datetime(2023, 9, 18, 11, 2, tzinfo=UTC))]),
    # A labelled time without a date of its own is on the day written before it.
    ("Pubblicato il 21 novembre 2023 alle 09:10 · Aggiornato alle 12:45",
     [("published", datetime(2023, 11, 21, 9, 10, tzinfo=UTC)),
      ("updated", datetime(2023, 11, 21, 12, 45, tzinfo=UTC))]),
    # The time after a date belongs to the label that comes before it, not to that date.
    ("Published 6:02 a.m. ET April 11, 2024 Updated 9:40 a.m. ET April 11, 2024",
     [("published", datetime(2024, 4, 11, 6, 2, tzinfo=timezone(timedelta(hours=-4)))),
      ("updated", datetime(2024, 4, 11, 9, 40, tzinfo=timezone(timedelta(hours=-4))))]),
]


@pytest.mark.parametrize(("line", "expected"), TWO_MOMENTS, ids=[t[0][:40] for t in TWO_MOMENTS])
def test_published_and_updated_moments(line: str, expected: list[tuple[str, datetime]]) -> None:
    assert [(m.kind, m.value) for m in date_mentions(line, UTC)] == expected


@pytest.mark.parametrize("line", ["Updated 2 hours ago", "Publié il y a 3 heures", "Aggiornato alle 12:45"])
def test_relative_or_dateless_stamp_is_no_date(line: str) -> None:
    assert date_mentions(line, UTC) == ()


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["It began on March 23, 2024 and ended on 1 April 2024.", "Talks resumed on Oct. 7."], at(2024, 4, 1)),
        (["No date here.", "Black Friday 2019 deals"], None),
        (["The 2019 season", "Am 3. Mai 2021 wurde gewählt."], at(2021, 5, 3)),
        ([], None),
    ],
    ids=["latest-full-date", "none", "german", "empty"],
)
def test_date_not_before(texts: list[str], expected: datetime | None) -> None:
    assert date_not_before(texts, TZ) == expected


@given(st.text())
def test_total(text: str) -> None:
    found = date_mention(text, TZ)
    assert found is None or found.value.tzinfo is not None
    date_not_before([text], TZ)
