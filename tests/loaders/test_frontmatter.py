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


def test_dates_without_offset_are_in_the_site_zone() -> None:
    result = front("---\npublished: 2024-05-01 09:30\n---\n", ZoneInfo("Europe/Paris"))
    assert result.values["published"].utcoffset() == timedelta(hours=2)


def test_unknown_keys_warn_but_do_not_fail() -> None:
    result = front("---\ntitle: T\ncolour: red\n---\n")
    assert result.warnings == ("unknown front-matter key 'colour' ignored",)


@pytest.mark.parametrize("text, fragment", [
    ("---\ntitle: [a, b]\n---\n", "'title'"),
    ("---\npublished: 2024-02-31\n---\n", "impossible value"),
    ("---\npublished: yesterday\n---\n", "'published'"),
    ("---\ntitle: 'unclosed\n---\n", "not valid YAML"),
    ("---\n- a\n---\n", "mapping"),
    ("---\ndraft: maybe\n---\n", "'draft'"),
    ("---\nurl: javascript:alert(1)\n---\n", "'url'"),
], ids=["list-title", "31-february", "not-a-date", "broken-yaml", "not-mapping", "bad-bool", "bad-url"])
def test_wrong_values_are_source_errors_naming_the_key(text: str, fragment: str) -> None:
    with pytest.raises(SourceError) as caught:
        front(text)
    assert fragment in caught.value.reason and caught.value.path == "a.txt"


def test_sidecar_values_win_over_the_file() -> None:
    result = read_front_matter("---\ntitle: Old\n---\n", "a.txt", UTC, {"title": "New"})
    assert result.values["title"] == "New"
