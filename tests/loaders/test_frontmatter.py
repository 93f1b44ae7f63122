from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from newsgen.errors import SourceError
from newsgen.loaders.frontmatter import read_front_matter
from newsgen.records import Source

UTC = timezone.utc


def front(text: str, tz=UTC):
    return read_front_matter(text, "a.txt", tz)


def test_text_without_front_matter_is_untouched() -> None:
    result = front("Title\n\nBody\n")
    assert result.values == {} and result.body == "Title\n\nBody\n" and result.body_line == 1


def test_values_are_validated_and_the_body_starts_after_the_block() -> None:
    result = front("---\ntitle: Storm\npublished: 2024-05-01T09:30:00+02:00\ntags: [Weather, Coast]\n"
                   "source: https://www.example.com/a\n---\nBody line\n")
    assert result.values["title"] == "Storm"
    assert result.values["published"] == datetime(2024, 5, 1, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert result.values["tags"] == ("Weather", "Coast")
    assert result.values["source"] == Source("example.com", "example.com", "https://www.example.com/a")
    assert result.body == "Body line\n" and result.body_line == 7


@pytest.mark.parametrize("written", ["2024-05-01 09:30", "2024-05-01 09:30:00", "2024-05-01T09:30:00"])
def test_dates_without_offset_are_in_the_site_zone_without_a_warning(written: str) -> None:
    result = front(f"---\npublished: {written}\n---\n", ZoneInfo("Europe/Paris"))
    assert result.values["published"] == datetime(2024, 5, 1, 9, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert result.values["published"].utcoffset() == timedelta(hours=2) and result.warnings == ()


def test_unknown_keys_warn_but_do_not_fail() -> None:
    result = front("---\ntitle: T\ncolour: red\n---\n")
    assert result.warnings == ("unknown front-matter key 'colour' ignored",)


@pytest.mark.parametrize("text, fragment, line", [
    ("---\ntitle: [a, b]\n---\n", "'title': must be text, got list", 2),
    ("---\ntitle: T\npublished: 2024-02-31\n---\n",
     "'published': '2024-02-31' is not a valid date (day is out of range for month)", 3),
    ("---\ntitle: T\n\ndate: 2024-02-30 10:00:00+01:00\n---\n",
     "'date': '2024-02-30 10:00:00+01:00' is not a valid date", 4),
    ("---\n{title: T, updated: 2024-13-01}\n---\n", "'updated': '2024-13-01' is not a valid date (month must be", 2),
    ("---\npublished: yesterday\n---\n", "'published': 'yesterday' is not a valid date;", 2),
    ("---\ntitle: 'unclosed\n---\n", "not valid YAML", 3),
    ("---\n- a\n---\n", "mapping", None),
    ("---\ndraft: maybe\n---\n", "'draft'", 2),
    ("---\nurl: javascript:alert(1)\n---\n", "'url'", 2),
], ids=["list-title", "31-february", "30-february-datetime", "month-13-flow", "not-a-date", "broken-yaml",
        "not-mapping", "bad-bool", "bad-url"])
def test_wrong_values_are_one_line_source_errors_naming_the_key_and_line(text: str, fragment: str,
                                                                         line: int | None) -> None:
    with pytest.raises(SourceError) as caught:
        front(text)
    error = caught.value
    assert fragment in error.reason and "\n" not in error.reason
    assert (error.path, error.line) == ("a.txt", line)


def test_a_date_shaped_text_that_is_no_date_is_still_text_where_text_is_wanted() -> None:
    assert front("---\ntitle: 2024-02-31\n---\n").values["title"] == "2024-02-31"


def test_a_wrong_sidecar_value_is_named_as_the_sidecar_s() -> None:
    with pytest.raises(SourceError) as caught:
        read_front_matter("---\ntitle: T\n---\n", "a.txt", UTC, {"published": [1, 2]})
    assert caught.value.reason.startswith("sidecar key 'published'") and caught.value.line is None


def test_sidecar_values_win_over_the_file() -> None:
    result = read_front_matter("---\ntitle: Old\n---\n", "a.txt", UTC, {"title": "New"})
    assert result.values["title"] == "New"
