from hypothesis import given, strategies as st

from newsgen.extract.bylines import byline_authors, contributor_names


def test_byline() -> None:
    assert byline_authors("By Jane Doe, CNN") == ("Jane Doe",)
    assert byline_authors("By the end of the year, prices rose sharply.") is None


def test_contributor() -> None:
    assert contributor_names("CNN's Ibrahim Dahman assisted in this report.") == ("Ibrahim Dahman",)


@given(st.text())
def test_total(text: str) -> None:
    byline_authors(text)
    contributor_names(text)
