"""End to end: build the fixture archive, then read `build/` as a static host and a browser would."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import (BASE_URL, BASE_URL_IDS, FIXTURE_SITE, Built, all_refs, article_pages, build_fixture,
                     copy_fixture, existing, home_pages, is_internal, is_root_absolute, listed_articles, reachable,
                     site_file, snapshot)

from newsgen.cli import main
from newsgen.config import load_config
from newsgen.loaders import load_file

ARTICLE_FILES = sorted(p.relative_to(FIXTURE_SITE / "articles").as_posix()
                       for p in (FIXTURE_SITE / "articles").rglob("*") if p.is_file())
# Only these may use the absolute address from base_url; every other link stays relative.
ABSOLUTE_RELS = frozenset({"canonical", "alternate"})


@pytest.fixture(scope="module", params=["", BASE_URL], ids=BASE_URL_IDS)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_fixture(tmp_path_factory.mktemp("e2e"), request.param)


def test_every_fixture_article_is_built(built: Built) -> None:
    assert [o.path for o in built.report.outcomes if o.status == "built"] == ARTICLE_FILES
    assert not built.report.failed
    assert len(article_pages(built.output)) == len(ARTICLE_FILES)


def test_build_never_writes_into_articles(built: Built) -> None:
    assert snapshot(built.site / "articles") == built.articles_before


def test_every_internal_reference_resolves(built: Built) -> None:
    broken = [r for r in all_refs(built.output)
              if (is_internal(r.value) or (built.base_url and r.value.startswith(built.base_url)))
              and not existing(built.output, site_file(built.output, built.base_url, r.page, r.value))]
    assert broken == []


def test_no_root_absolute_references(built: Built) -> None:
    assert [r for r in all_refs(built.output) if is_root_absolute(r.value) or r.value.startswith("//")] == []


def test_links_between_pages_stay_relative_with_base_url(built: Built) -> None:
    absolute = [r for r in all_refs(built.output)
                if built.base_url and r.value.startswith(built.base_url)
                and not (r.tag == "link" and ABSOLUTE_RELS & set(r.rel.split()))]
    assert absolute == []


def test_every_article_is_reachable_from_home(built: Built) -> None:
    assert set(article_pages(built.output)) <= reachable(built.output)


def test_home_lists_every_article_newest_first_undated_last(built: Built) -> None:
    listed = [a for page in home_pages(built.output) for a in listed_articles(built.output, page)]
    assert sorted(listed) == sorted(article_pages(built.output))
    published = published_by_page(built)
    dates = [published[page] for page in listed]
    dated = [d for d in dates if d is not None]
    assert dates == dated + [None] * (len(dates) - len(dated)), "undated articles come last"
    assert dated == sorted(dated, reverse=True), "dated articles are newest first"
    assert listed[-1] == page_of(built, "lighthouse-keepers-notes.txt")


def published_by_page(built: Built) -> dict[str, object]:
    config = load_config(built.site)
    articles = built.site / "articles"
    return {page_of(built, rel): load_file(articles / rel, articles, config).published for rel in ARTICLE_FILES}


def page_of(built: Built, rel: str) -> str:
    return next(o.url for o in built.report.outcomes if o.path == rel)


def test_build_is_deterministic(built: Built, tmp_path: Path) -> None:
    again = build_fixture(tmp_path, built.base_url)
    assert snapshot(again.output) == snapshot(built.output)


@pytest.mark.parametrize("base_url", ["", BASE_URL], ids=BASE_URL_IDS)
def test_cli_build_exits_0(tmp_path: Path, base_url: str) -> None:
    site = copy_fixture(tmp_path, base_url)
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(article_pages(tmp_path / "out")) == len(ARTICLE_FILES)


BROKEN = {
    "no-title.md": "---\ndate: 2024-01-01\n---\nA Markdown article without a title cannot be named.\n",
    "bad-date.txt": "---\ndate: the day before yesterday\n---\nHeadline\n\nA body paragraph long enough to be kept.\n",
    "bad-yaml.md": "---\ntitle: [unclosed\n---\nBody.\n",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_cli_build_exits_1_but_builds_the_rest(tmp_path: Path, name: str) -> None:
    site = copy_fixture(tmp_path)
    (site / "articles" / name).write_text(BROKEN[name], encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--site", str(site), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert name in result.output
    assert len(article_pages(tmp_path / "out")) == len(ARTICLE_FILES)
    assert sorted(listed_articles(tmp_path / "out", "index.html")) == article_pages(tmp_path / "out")
