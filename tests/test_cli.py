import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgen import __version__
from newsgen.cli import main

STORY = """Harbour reopens after storm

By Ana Lopes

The harbour reopened on Monday after a week of repairs to the sea wall, officials said in a statement.

Fishing boats were the first to leave, followed by the morning ferry to the islands, which had been cancelled.
"""


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize("args", [["--help"], ["build", "--help"], ["parse", "--help"]], ids=["main", "build", "parse"])
def test_help(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 0 and "Usage:" in result.output


def test_parse_json_prints_one_record_per_file(make_site) -> None:
    site = make_site({"articles/a.txt": STORY, "articles/b.txt": STORY.replace("Harbour", "Port")})
    result = CliRunner().invoke(main, ["parse", "--json", str(site / "articles/a.txt"),
                                                       str(site / "articles/b.txt")])
    records = json.loads(result.stdout)
    assert [r["title"] for r in records] == ["Harbour reopens after storm", "Port reopens after storm"]
    assert {"path", "title", "summary", "body", "published", "source"} <= set(records[0])
    assert records[0]["body"][0]["type"] == "paragraph"


def test_parse_without_json_shows_a_readable_summary(make_site) -> None:
    site = make_site({"articles/a.txt": STORY})
    result = run("parse", str(site / "articles/a.txt"))
    assert "Harbour reopens after storm" in result.output and "body" in result.output


def test_parse_of_a_bad_file_names_it_and_fails(make_site) -> None:
    site = make_site({"articles/empty.txt": ""})
    result = CliRunner().invoke(main, ["parse", str(site / "articles/empty.txt")])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr


def test_build_writes_the_site_and_reports(make_site, tmp_path: Path) -> None:
    site = make_site({"articles/a.txt": STORY})
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--output", str(out)])
    assert result.exit_code == 0, result.stderr
    assert (out / "index.html").is_file()
    assert "articles: 1 built" in result.stderr


def test_build_with_a_bad_config_lists_every_problem_without_traceback(make_site) -> None:
    site = make_site({"articles/a.txt": STORY}, config="titel: x\nper_page: nope\n")
    result = CliRunner().invoke(main, ["build", "--site", str(site)])
    assert result.exit_code == 2
    assert "titel" in result.stderr and "per_page" in result.stderr and "Traceback" not in result.stderr


def test_parse_passes_over_sidecar_files(make_site) -> None:
    site = make_site({"articles/a.txt": STORY, "articles/a.yaml": "tags: [harbour]\n"})
    result = CliRunner().invoke(main, ["parse", "--json", str(site / "articles/a.txt"), str(site / "articles/a.yaml")])
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert len(records) == 1 and records[0]["tags"] == ["harbour"]
    assert "sidecar" in result.stderr


def test_parse_prints_valid_json_for_every_example_article() -> None:
    articles = sorted((Path(__file__).parents[1] / "articles").iterdir())
    result = CliRunner().invoke(main, ["parse", "--json", *map(str, articles)])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == sum(1 for p in articles if p.suffix in {".txt", ".md", ".html"})
    assert all(r["title"] and r["body"] for r in records)
