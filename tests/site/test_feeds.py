"""Feeds, sitemap and robots.txt: written only with a base URL, and parseable by real readers."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from site_factories import article, site_of

from newsgen.build import build
from newsgen.feeds import FEED_SIZE, crawler_files, feed_files, feed_specs, site_warnings
from newsgen.records import Source
from newsgen.site import Site

BASE = "https://ex.org/news"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def feed_site(**config: str) -> Site:
    planet = Source("Daily Planet", "planet.example", "https://planet.example")
    return site_of(
        article("a", 1, title='Deal <b>struck</b> & "signed"', tags=("Talks",), source=planet, authors=("Lois Lane",),
                summary="Summary.", url="https://planet.example/a"),
        article("b", 2, tags=("Talks", "Only dated"), source=planet),
        article("nodate", tags=("Undated only",)),
        **config)


def outputs(site: Site) -> dict[str, bytes]:
    return {f.path: f.data for f in [*(f for spec in feed_specs(site) for f in feed_files(site, spec, {})), *crawler_files(site)]}


def test_nothing_is_written_without_base_url_and_the_report_says_why() -> None:
    site = feed_site()
    assert outputs(site) == {}
    assert any("base_url" in w for w in site_warnings(site))
    assert site_warnings(feed_site(base_url=BASE)) == []


def test_feeds_for_the_site_and_each_dated_tag_and_source() -> None:
    written = outputs(feed_site(base_url=BASE))
    folders = sorted({p.rsplit("/", 1)[0] if "/" in p else "" for p in written if p.endswith("atom.xml")})
    assert folders == ["", "sources/daily-planet", "tags/only-dated", "tags/talks"]


@pytest.mark.parametrize("topic_feeds, folders", [
    ((), [""]),
    (("authors",), ["", "authors/lois-lane"]),
    (("tags", "authors"), ["", "authors/lois-lane", "tags/only-dated", "tags/talks"]),
], ids=["archive-alone", "authors", "tags-and-authors"])
def test_topic_feeds_choose_whose_terms_get_feeds(topic_feeds: tuple[str, ...], folders: list[str]) -> None:
    site = feed_site(base_url=BASE, topic_feeds=topic_feeds)
    written = outputs(site)
    assert sorted({p.rsplit("/", 1)[0] if "/" in p else "" for p in written if p.endswith("atom.xml")}) == folders
    announced = {f for page in site.pages for f in page.feeds}
    assert announced == set(folders)


@pytest.mark.parametrize("name", ["atom.xml", "rss.xml", "tags/talks/atom.xml", "sources/daily-planet/rss.xml"])
def test_xml_feeds_parse_without_errors(name: str) -> None:
    parsed = feedparser.parse(outputs(feed_site(base_url=BASE))[name])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.link for e in parsed.entries] == [f"{BASE}/articles/b/", f"{BASE}/articles/deal-b-struck-b-signed/"]
    assert parsed.entries[1].title == 'Deal <b>struck</b> & "signed"'
    assert parsed.feed.links[0].href.startswith(BASE + "/")


def test_atom_entry_has_dates_author_and_original() -> None:
    entry = feedparser.parse(outputs(feed_site(base_url=BASE))["atom.xml"]).entries[1]
    assert entry.published.startswith("2024-05-01T09:00:00")
    assert entry.author == "Lois Lane" and entry.tags[0].term == "Talks"
    assert any(link.href == "https://planet.example/a" for link in entry.links)


def test_json_feed_is_version_1_1_with_absolute_urls() -> None:
    data = json.loads(outputs(feed_site(base_url=BASE))["feed.json"])
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert data["feed_url"] == f"{BASE}/feed.json" and data["home_page_url"] == f"{BASE}/"
    first = data["items"][1]
    assert first["id"] == first["url"] == f"{BASE}/articles/deal-b-struck-b-signed/"
    assert first["external_url"] == "https://planet.example/a" and first["date_published"].startswith("2024-05-01")
    assert all(item["content_html"] for item in data["items"])


def test_feed_size_is_capped_and_undated_articles_left_out() -> None:
    site = site_of(*(article(f"a{i}", i % 28 + 1, month=i // 28 + 1) for i in range(FEED_SIZE + 5)),
                   article("nodate"), base_url=BASE)
    parsed = feedparser.parse(outputs(site)["atom.xml"])
    assert len(parsed.entries) == FEED_SIZE
    assert all("nodate" not in e.link for e in parsed.entries)


def test_sitemap_lists_pages_with_lastmod_and_robots_points_at_it() -> None:
    written = outputs(feed_site(base_url=BASE))
    root = ElementTree.fromstring(written["sitemap.xml"])
    entries = {u.findtext("s:loc", "", SITEMAP_NS): u.findtext("s:lastmod", "", SITEMAP_NS)
               for u in root.findall("s:url", SITEMAP_NS)}
    assert entries[f"{BASE}/articles/b/"].startswith("2024-05-02")
    assert entries[f"{BASE}/articles/nodate/"] == ""
    assert f"{BASE}/404.html" not in entries and f"{BASE}/" in entries
    assert f"Sitemap: {BASE}/sitemap.xml" in written["robots.txt"].decode()


def test_output_is_deterministic() -> None:
    assert outputs(feed_site(base_url=BASE)) == outputs(feed_site(base_url=BASE))


@pytest.mark.parametrize("base_url", ["", BASE], ids=["no-base-url", "base-url"])
def test_build_writes_feeds_only_with_base_url(make_site, base_url: str) -> None:
    config = f"title: T\nbase_url: {base_url}\n" if base_url else "title: T\n"
    site_dir: Path = make_site({"articles/a.md": "---\ntitle: A\npublished: 2024-05-01\ntags: [x]\n---\nBody.\n"},
                               config=config)
    report = build(site_dir)
    out = report.output
    written = {p for p in ("atom.xml", "rss.xml", "feed.json", "sitemap.xml", "robots.txt", "tags/x/atom.xml")
               if (out / p).is_file()}
    assert written == (set() if not base_url else
                       {"atom.xml", "rss.xml", "feed.json", "sitemap.xml", "robots.txt", "tags/x/atom.xml"})
    assert bool(report.warnings) == (not base_url)


@pytest.mark.parametrize("folder, full_text", [("", True), ("tags/talks/", False), ("sources/daily-planet/", False)])
def test_the_archive_feed_has_full_text_and_term_feeds_summaries(folder: str, full_text: bool) -> None:
    written = outputs(feed_site(base_url=BASE))
    atom = feedparser.parse(written[f"{folder}atom.xml"]).entries
    items = json.loads(written[f"{folder}feed.json"])["items"]
    assert all(("content" in entry) == full_text for entry in atom)
    assert all(("content_html" in item) == full_text and ("content_text" in item) != full_text for item in items)
    assert [entry.summary for entry in atom if "summary" in entry][-1] == "Summary."


def test_sitemap_escapes_its_urls_and_parses() -> None:
    files = {f.path: f.data for f in crawler_files(feed_site(base_url="https://ex.org/a&b<c"))}
    root = ElementTree.fromstring(files["sitemap.xml"])
    locs = [loc.text for loc in root.iterfind("s:url/s:loc", SITEMAP_NS)]
    assert locs[0] == "https://ex.org/a&b<c/" and all(loc.startswith("https://ex.org/a&b<c/") for loc in locs)
    assert b"&amp;b&lt;c" in files["sitemap.xml"]
