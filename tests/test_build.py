"""The build stage: cache, incremental render, parallel output and the report."""

import dataclasses
import gc
import json
import os
import shutil
from pathlib import Path

import pytest

import newsgen.build
from helpers import snapshot
from newsgen.build import BuildOptions, Stories, build, collection_paused
from newsgen.cache import LoadCache
from newsgen.config import SiteConfig
from newsgen.loaders import load_file
from newsgen.records import listing_form

PARAGRAPH = ("The council voted on {n} March to extend the coastal path by another kilometre, "
             "after residents in the northern districts asked for safer walking routes.")


def story(n: int, tag: str) -> str:
    body = "\n\n".join(PARAGRAPH.format(n=n) + f" Item {i} of story {n}." for i in range(6))
    return (f"---\ntitle: Coastal path story number {n}\npublished: 2024-03-{n:02d}T10:00:00+00:00\n"
            f"tags: [{tag}]\nsource: example.org\n---\n{body}\n")


@pytest.fixture
def site(make_site) -> Path:
    files = {f"articles/story-{n:02d}.txt": story(n, "coast" if n % 2 else "council") for n in range(1, 21)}
    return make_site(files, config="title: Test archive\nper_page: 5\nbase_url: https://news.example.org/\n")


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def test_a_second_build_reads_from_the_cache_and_renders_nothing(site: Path) -> None:
    first = build(site, BuildOptions(jobs=1))
    second = build(site, BuildOptions(jobs=1))
    assert first.cached == 0 and first.rendered > 20
    assert second.cached == 20 and second.rendered == 0 and second.unchanged == first.rendered
    assert (site / ".newsgen-cache").is_dir()


def test_editing_one_article_renders_only_the_pages_that_show_it(site: Path) -> None:
    first = build(site, BuildOptions(jobs=1))
    before = inodes(site / "build")
    path = site / "articles/story-03.txt"
    path.write_text(path.read_text().replace("Item 0 of story 3.", "Item 0, amended."))
    report = build(site, BuildOptions(jobs=1))
    assert report.cached == 19
    assert 0 < report.rendered < first.rendered / 2
    after = inodes(site / "build")
    changed = {p for p in after if before.get(p) != after[p]}
    assert any("coastal-path-story-number-3" in p for p in changed)
    assert not any("coastal-path-story-number-10/" in p for p in changed)


def test_output_is_identical_whatever_the_number_of_jobs(site: Path, tmp_path: Path) -> None:
    build(site, BuildOptions(output_dir=tmp_path / "one", jobs=1, clean=True))
    build(site, BuildOptions(output_dir=tmp_path / "two", jobs=2, clean=True))
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")


def test_incremental_output_equals_a_clean_build(site: Path, tmp_path: Path) -> None:
    build(site, BuildOptions(jobs=2))
    (site / "articles/story-05.txt").write_text(story(5, "harbour").replace("number 5", "number five"))
    (site / "articles/story-07.txt").unlink()
    report = build(site, BuildOptions(jobs=2))
    build(site, BuildOptions(output_dir=tmp_path / "clean", jobs=1, clean=True))
    assert snapshot(site / "build") == snapshot(tmp_path / "clean")
    assert report.removed > 0


def test_a_template_change_renders_every_page(site: Path) -> None:
    first = build(site, BuildOptions(jobs=1))
    (site / "templates").mkdir()
    (site / "templates/base.html").write_text((Path(__file__).parents[1] / "templates/base.html").read_text()
                                              .replace("<body>", "<body class=\"custom\">"))
    report = build(site, BuildOptions(jobs=1))
    assert report.rendered == first.rendered
    assert 'class="custom"' in (site / "build/index.html").read_text()


def test_compiled_templates_are_kept_and_follow_every_edit(site: Path) -> None:
    (site / "templates").mkdir()
    page = site / "templates/about.html"
    for mark in ("first-edit", "second-edit"):
        page.write_text('{% extends "default/about.html" %}{% block main %}<p>' + mark + "</p>{% endblock %}")
        build(site, BuildOptions(jobs=1))
        assert mark in (site / "build/about/index.html").read_text()
    assert list((site / ".newsgen-cache/templates").iterdir())


def test_a_cache_folder_that_cannot_hold_templates_only_costs_time(site: Path) -> None:
    (site / ".newsgen-cache").mkdir()
    (site / ".newsgen-cache/templates").write_text("not a folder")
    report = build(site, BuildOptions(jobs=1))
    assert not report.failed and (site / "build/index.html").is_file()


def test_clean_ignores_cache_and_previous_site(site: Path) -> None:
    build(site, BuildOptions(jobs=1))
    report = build(site, BuildOptions(jobs=1, clean=True))
    assert report.cached == 0 and report.unchanged == 0


def test_a_failed_article_is_reported_and_the_rest_published(site: Path) -> None:
    (site / "articles/broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = build(site, BuildOptions(jobs=2))
    assert report.failed and report.count("built") == 20
    failure = next(o for o in report.outcomes if o.status == "failed")
    assert failure.path == "broken.txt" and "binary" in failure.reason
    assert not list(site.parent.glob(".build.new-*"))


def test_articles_are_never_written(site: Path) -> None:
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (site / "articles").iterdir()}
    build(site, BuildOptions(jobs=2))
    assert before == {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in (site / "articles").iterdir()}
    assert not os.path.exists(site / "articles" / ".newsgen-cache")


def test_an_untouched_site_is_not_built_again(site: Path) -> None:
    build(site, BuildOptions(jobs=1))
    published = (site / "build").stat().st_ino
    again = build(site, BuildOptions(jobs=1))
    assert (site / "build").stat().st_ino == published
    assert again.rendered == 0 and again.count("built") == 20 and again.files > 20


def test_an_untouched_site_reports_what_its_last_build_did(site: Path) -> None:
    (site / "articles/broken.txt").write_bytes(b"")
    first = build(site, BuildOptions(jobs=1))
    again = build(site, BuildOptions(jobs=1))
    assert again.outcomes == first.outcomes and again.warnings == first.warnings
    assert (again.files, again.unchanged, again.cached) == (first.files, first.rendered, 20)


@pytest.mark.parametrize("damage", ["removed", "damaged"])
def test_an_untouched_site_without_its_report_is_checked_and_the_report_restored(site: Path, damage: str) -> None:
    first = build(site, BuildOptions(jobs=1))
    report_file = site / "build/.newsgen/report.json"
    report_file.unlink() if damage == "removed" else report_file.write_text('{"outcomes": [')
    again = build(site, BuildOptions(jobs=1))
    assert again.outcomes == first.outcomes and again.rendered == 0
    assert json.loads(report_file.read_text())["counts"]["built"] == 20


def test_a_touched_file_is_checked_but_nothing_is_rendered(site: Path) -> None:
    build(site, BuildOptions(jobs=1))
    os.utime(site / "articles/story-04.txt", ns=(1, 1))
    report = build(site, BuildOptions(jobs=1))
    assert report.cached == 20 and report.rendered == 0


def test_a_deleted_output_folder_is_built_again(site: Path) -> None:
    first = build(site, BuildOptions(jobs=1))
    shutil.rmtree(site / "build")
    report = build(site, BuildOptions(jobs=1))
    assert report.rendered == first.rendered and (site / "build/index.html").is_file()


@pytest.mark.parametrize("slug", ["../../etc/x", "/etc/passwd", "CON", "?!.", "x" * 300, "a\u202eb\u200bc"],
                         ids=["dotdot", "absolute", "windows-reserved", "punctuation", "long", "bidi-zero-width"])
def test_asked_for_slugs_give_safe_unique_urls(make_site, slug: str) -> None:
    text = f"---\ntitle: Same title\nslug: {json.dumps(slug)}\n---\n" + "\n\n".join([PARAGRAPH.format(n=1)] * 1)
    site = make_site({"articles/a.txt": text, "articles/b.txt": text})
    report = build(site, BuildOptions(jobs=1))
    urls = [o.url for o in report.outcomes]
    assert len(set(urls)) == 2
    for url in urls:
        assert url.startswith("articles/") and url.endswith("/index.html") and ".." not in url
        assert len(url) < 120 and (site / "build" / url).resolve().is_relative_to((site / "build").resolve())
    second = next(o for o in report.outcomes if o.path == "b.txt")
    assert any("was taken by another article" in w for w in second.warnings)


def test_a_second_build_of_the_same_output_refuses_while_one_runs(site: Path) -> None:
    from newsgen.errors import BuildError
    from newsgen.lock import exclusive
    from newsgen.state import state_path

    lock = state_path(site, (site / "build").absolute()).with_suffix(".lock")
    with exclusive(lock, site / "build"):
        with pytest.raises(BuildError, match="another newsgen build is writing"):
            build(site, BuildOptions(jobs=1))
    assert build(site, BuildOptions(jobs=1)).count("built") == 20


def test_the_report_is_left_in_the_output_folder(site: Path) -> None:
    (site / "articles/broken.txt").write_bytes(b"")
    build(site, BuildOptions(jobs=1))
    report = json.loads((site / "build/.newsgen/report.json").read_text())
    assert report["counts"] == {"built": 20, "skipped": 0, "failed": 1}
    failed = [o for o in report["outcomes"] if o["status"] == "failed"]
    assert failed[0]["path"] == "broken.txt" and "empty" in failed[0]["reason"]


def test_folders_left_by_killed_builds_are_removed(site: Path) -> None:
    leftover = site / ".build.new-abc123"
    (leftover / "articles").mkdir(parents=True)
    build(site, BuildOptions(jobs=1))
    assert not leftover.exists() and (site / "build/.newsgen/report.json").is_file()


def test_taxonomies_and_search_left_out_write_no_pages_and_no_links(make_site) -> None:
    files = {f"articles/story-{n:02d}.txt": story(n, "coast") for n in range(1, 4)}
    site = make_site(files, config="taxonomies: [tags]\nsearch: false\n")
    build(site, BuildOptions(jobs=1))
    out = site / "build"
    assert (out / "tags" / "coast" / "index.html").is_file()
    assert not any((out / kind).exists() for kind in ("sources", "authors", "people", "places", "organizations"))
    assert not (out / "search").exists() and not (out / "pagefind").exists()
    page = (out / "index.html").read_text(encoding="utf-8")
    assert "tags/index.html" in page
    assert not any(f"{kind}/index.html" in page for kind in ("sources", "authors", "people", "search"))


def test_entities_off_are_not_extracted_and_turning_them_on_loads_again(make_site) -> None:
    text = ("---\ntitle: Talks in Cairo\npublished: 2024-03-01T10:00:00+00:00\n---\n"
            "Foreign Minister Sameh Shoukry met envoys in Cairo on Monday, the ministry said.\n")
    site = make_site({"articles/talks.txt": text}, config="entities: false\n")
    report = build(site, BuildOptions(jobs=1))
    page = (site / "build" / report_url(report, "talks.txt")).read_text(encoding="utf-8")
    assert "Sameh Shoukry" in page and "people/" not in page and not (site / "build" / "people").exists()
    (site / "newsgen.yaml").write_text("entities: true\n")
    report = build(site, BuildOptions(jobs=1))
    assert report.cached == 0
    assert (site / "build" / "people" / "sameh-shoukry" / "index.html").is_file()


def test_unchanged_files_are_not_read_again_and_an_edited_one_is(site: Path, monkeypatch) -> None:
    build(site, BuildOptions(jobs=1))
    (site / "newsgen.yaml").write_text("title: Renamed archive\nper_page: 5\n")
    read = []
    real = newsgen.build.read_source
    monkeypatch.setattr(newsgen.build, "read_source", lambda path, root: read.append(path.name) or real(path, root))
    edited = site / "articles" / "story-03.txt"
    edited.write_text(edited.read_text() + "\nOne more line.\n")
    report = build(site, BuildOptions(jobs=1))
    assert read == ["story-03.txt"]
    assert report.cached == 19 and "One more line." in (site / "build" / report_url(report, "story-03.txt")).read_text()


@pytest.mark.parametrize("suffix", [".yaml", ".yml"])
def test_a_sidecar_added_changed_or_removed_is_read_on_the_next_build(site: Path, suffix: str) -> None:
    build(site, BuildOptions(jobs=1))
    sidecar = site / "articles" / f"story-03{suffix}"

    def title_shown() -> str:
        report = build(site, BuildOptions(jobs=1))
        return (site / "build" / report_url(report, "story-03.txt")).read_text()

    sidecar.write_text("title: Named by the sidecar\n")
    assert "<h1 data-pagefind-meta=\"title\">Named by the sidecar</h1>" in title_shown()
    sidecar.write_text("title: Renamed in the sidecar\n")
    assert "Renamed in the sidecar</h1>" in title_shown()
    sidecar.unlink()
    assert "Coastal path story number 3</h1>" in title_shown()


def test_the_index_keeps_every_stamp_across_edits_and_a_damaged_one_reads_as_empty(site: Path, monkeypatch) -> None:
    build(site, BuildOptions(jobs=1))
    edited = site / "articles" / "story-03.txt"
    edited.write_text(edited.read_text() + "\nOne more line.\n")
    (site / "newsgen.yaml").write_text("title: Renamed archive\nper_page: 5\n")
    build(site, BuildOptions(jobs=1))
    index = LoadCache(site, SiteConfig()).read_index()
    assert len(index.entries) == 20 and set(index.pickled) == set(index.entries)
    read = []
    real = newsgen.build.read_source
    monkeypatch.setattr(newsgen.build, "read_source", lambda path, root: read.append(path.name) or real(path, root))
    (site / "newsgen.yaml").write_text("title: Renamed again\nper_page: 5\n")
    assert build(site, BuildOptions(jobs=1)).cached == 20 and read == []
    index_file = site / ".newsgen-cache" / "index.pickle"
    index_file.write_bytes(index_file.read_bytes()[:-100])
    (site / "newsgen.yaml").write_text("title: Renamed once more\nper_page: 5\n")
    report = build(site, BuildOptions(jobs=1))
    assert len(read) == 20 and report.cached == 20 and report.failed == 0


def test_article_pages_read_the_full_story_even_without_a_cache(site: Path, tmp_path: Path) -> None:
    article = Stories(LoadCache(tmp_path / "elsewhere", SiteConfig()), site / "articles", SiteConfig())
    stub = listing_form(load_file(site / "articles" / "story-02.txt", site / "articles", SiteConfig()))
    full = article(dataclasses.replace(stub, slug="chosen"))
    assert stub.body == () and len(full.body) == 6 and full.slug == "chosen"


def report_url(report, rel: str) -> str:
    return next(o.url for o in report.outcomes if o.path == rel)


def test_files_with_the_same_bytes_are_two_articles_in_every_build(make_site) -> None:
    text = "---\ntitle: Twin\n---\n" + PARAGRAPH.format(n=2)
    site = make_site({"articles/a.txt": text, "articles/b.txt": text, "articles/c.md": text})
    for _ in range(2):
        report = build(site, BuildOptions(jobs=1, clean=_ == 0))
        assert [(o.path, o.status) for o in report.outcomes] == [("a.txt", "built"), ("b.txt", "built"),
                                                                 ("c.md", "built")]
        assert len({o.url for o in report.outcomes}) == 3
    os.utime(site / "articles" / "b.txt", ns=(5, 5))
    report = build(site, BuildOptions(jobs=1))
    assert len({o.url for o in report.outcomes}) == 3


@pytest.mark.parametrize("enabled", [True, False])
def test_collection_paused_restores_the_collector_even_on_error(enabled: bool) -> None:
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ValueError), collection_paused():
            assert not gc.isenabled()
            raise ValueError
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()
