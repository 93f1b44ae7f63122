"""Byline and contributor recognisers: name-shaped pieces after a "by" word or before "contributed"."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgen.extract.bylines import byline_authors, contributor_names

BYLINES = [
    ("By Jane Doe, CNN", ("Jane Doe",)),
    ("By Jane Doe and John Roe", ("Jane Doe", "John Roe")),
    ("By Jane Doe, John Roe and Ann Poe, Reuters", ("Jane Doe", "John Roe", "Ann Poe")),
    ("By Meg JamesStaff Writer", ("Meg James",)),
    ("By Jane Doe, Senior Political Correspondent", ("Jane Doe",)),
    ("By Jane Doe, Associated Press", ("Jane Doe",)),
    ("By Tom Hale, Ria Vance 2019-11-18T22:05:36Z Spaceflight", ("Tom Hale", "Ria Vance")),
    ("By Sam Reed, Wednesday, 20 November 2019 08:05 GMT", ("Sam Reed",)),
    ("By Nora Lind nora@example.com(509) 555-0100", ("Nora Lind",)),
    ("By LINA MARSH, MARY ANN COLE and ERIC TAN", ("Lina Marsh", "Mary Ann Cole", "Eric Tan")),
    ("By PAOLA RICCI - 2019-04-10", ("Paola Ricci",)),
    ("By Amy Kerr | Shore Media for example.com", ("Amy Kerr",)),
    ("BY KIRA GANT ON 11/13/19 AT 4:00 PM EST", ("Kira Gant",)),
    ("by Jeff Frost — November 18, 2019", ("Jeff Frost",)),
    ("By Abigail Van Buren", ("Abigail Van Buren",)),
    ("by Rahul 0", ("Rahul",)),
    ("By: Jane Doe", ("Jane Doe",)),
    ("By Priya Nandakumar and Sam Okoro, Harrowgate Ledger", ("Priya Nandakumar", "Sam Okoro")),
    ("By Hannah Lowry (now) and Edwin Gale (earlier)", ("Hannah Lowry", "Edwin Gale")),
    ("Von Anna Müller und Peter Schmidt", ("Anna Müller", "Peter Schmidt")),
    ("Par Jean Dupont, AFP", ("Jean Dupont",)),
    ("Por María José García", ("María José García",)),
    ("Di Mario Rossi", ("Mario Rossi",)),
    ("Door Jan de Vries", ("Jan de Vries",)),
    ("Av Sven Svensson", ("Sven Svensson",)),
    ("Autor: Jan Kowalski", ("Jan Kowalski",)),
    ("Texto: Ana Souza", ("Ana Souza",)),
    ("Текст: Вера Ершова·24 сентября 2018", ("Вера Ершова",)),
]

NOT_BYLINES = [
    "By the end of the year, prices rose sharply.",
    "By continuing to use this site you agree to our terms.",
    "By clicking Subscribe, you agree",
    "By Staff Reports -",
    "By Metro Staff | November 18, 2019 at 2:26 PM",
    "By Kim Jong-un's order, the plant closed.",
    "Disney+ Simultaneous Streaming",
    "DIGITAL ONLY",
    "Por favor, inicie sesión",
    "Di tutto un po'",
    "Von 2019 bis heute",
    "Par exemple, la ville a changé.",
    "By " + "Jane Doe and " * 20,
    "",
]

CONTRIBUTORS = [
    ("CNN's Ibrahim Dahman assisted in this report.", ("Ibrahim Dahman",)),
    ("The BBC's John Smith contributed to this report.", ("John Smith",)),
    ("Jane Doe and John Roe contributed reporting.", ("Jane Doe", "John Roe")),
    ("Jane Doe contributed reporting from Kyiv.", ("Jane Doe",)),
    ("Jane Doe contributed to this report.", ("Jane Doe",)),
    (
        "Associated Press writers Alan Ford, Zoe Mills and Jill Cole contributed to this report.",
        ("Alan Ford", "Zoe Mills", "Jill Cole"),
    ),
    ("(Reporting by Will Dunn; Editing by Tom Brown)", ("Will Dunn",)),
    (
        "Reporting by Jane Doe and John Roe; Additional reporting by Ann Poe in Paris; Editing by Tom Brown",
        ("Jane Doe", "John Roe", "Ann Poe"),
    ),
    ("Additional reporting by Ann Poe", ("Ann Poe",)),
    ("Anya Petrenko contributed reporting from Kyiv, and Tomasz Wilk from Warsaw. Research was contributed by "
     "Sheila Oduya.", ("Anya Petrenko", "Tomasz Wilk", "Sheila Oduya")),
    ("Associated Press writer Nell Ortiz in Helena contributed to this report.", ("Nell Ortiz",)),
    ("Reporting by Tomás Herrera in Santiago and Clara Voss in London; Additional reporting by Inés Paredes",
     ("Tomás Herrera", "Clara Voss", "Inés Paredes")),
    ("Anna Müller hat zu diesem Bericht beigetragen.", ("Anna Müller",)),
    ("Jean Dupont a contribué à cet article.", ("Jean Dupont",)),
]

NOT_CONTRIBUTORS = [
    "The doctors contributed money and raised more from friends.",
    "Bank and financial stocks are among the major contributors to the gains.",
    "Reporting by the team was extensive, he said.",
    "Contributing Writer",
    "Feel free to contribute!",
    "Jane Doe contributed reporting from Kyiv. The talks resume on Monday.",
    "The decision to contribute proceeds from the film was led by the producer.",
    "",
]


@pytest.mark.parametrize(("line", "names"), BYLINES, ids=[b[0][:40] for b in BYLINES])
def test_byline_authors(line: str, names: tuple[str, ...]) -> None:
    assert byline_authors(line) == names


@pytest.mark.parametrize("line", NOT_BYLINES, ids=[n[:40] or "empty" for n in NOT_BYLINES])
def test_not_a_byline(line: str) -> None:
    assert byline_authors(line) is None


@pytest.mark.parametrize(("line", "names"), CONTRIBUTORS, ids=[c[0][:40] for c in CONTRIBUTORS])
def test_contributor_names(line: str, names: tuple[str, ...]) -> None:
    assert contributor_names(line) == names


@pytest.mark.parametrize("line", NOT_CONTRIBUTORS, ids=[n[:40] or "empty" for n in NOT_CONTRIBUTORS])
def test_not_a_contributor_credit(line: str) -> None:
    assert contributor_names(line) is None


@given(st.text())
def test_total(text: str) -> None:
    for found in (byline_authors(text), contributor_names(text), byline_authors("By " + text)):
        assert found is None or (found and all(isinstance(name, str) and name for name in found))
