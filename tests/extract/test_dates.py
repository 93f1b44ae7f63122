from datetime import datetime, timedelta, timezone

from hypothesis import given, strategies as st

from newsgen.extract.dates import date_mention, date_not_before

UTC = timezone.utc


def test_published_stamp() -> None:
    found = date_mention("Published 10:42 AM EDT, Tue May 1, 2024", UTC)
    assert found is not None and found.kind == "published"
    assert found.value == datetime(2024, 5, 1, 10, 42, tzinfo=timezone(timedelta(hours=-4)))


def test_prose_lower_bound() -> None:
    assert date_not_before(["It began on March 23, 2024 and went on."], UTC) == datetime(2024, 3, 23, tzinfo=UTC)


@given(st.text())
def test_total(text: str) -> None:
    date_mention(text, UTC)
    date_not_before([text], UTC)
