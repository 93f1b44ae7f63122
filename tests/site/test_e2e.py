"""End to end: build the fixture archive, then read `build/` as a static host, a browser and a feed reader would."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from click.testing import CliRunner
from helpers import (BASE_URL, BASE_URL_IDS, FIXTURE_SITE, Built, all_refs, article_pages, build_fixture,
                     copy_fixture, existing, home_pages, html_pages, is_internal, is_root_absolute, listed_articles,
                     reachable, site_file, snapshot, soup_of)

from newsgen.cli import main
from newsgen.config import load_config
from newsgen.loaders import load_file

ARTICLE_FILES = sorted(p.relative_to(FIXTURE_SITE / "articles").as_posix()
                       for p in (FIXTURE_SITE / "articles").rglob("*") if p.is_file())
# Only these may use the absolute address from base_url; every other link stays relative.
ABSOLUTE_RELS = frozenset({"canonical", "alternate"})
FEED_TYPES = ("application/atom+xml", "application/rss+xml", "application/feed+json")


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
                if built.base_url and r.value.startswith(built.base_url) and r.page != "404.html"
                and not (r.tag == "link" and ABSOLUTE_RELS & set(r.rel.split()))]
    assert absolute == []


def test_the_404_page_links_absolutely_when_it_can(built: Built) -> None:
    """Hosts serve 404.html for a missing page at any depth: relative links would break there."""
    refs = [r for r in all_refs(built.output) if r.page == "404.html" and r.attribute in {"href", "src"}
            and not r.value.startswith(("https://", "http://", "#", "mailto:"))]
    if built.base_url:
        assert refs == []
    else:
        assert refs and all(not is_root_absolute(r.value) for r in refs)


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


def test_announced_feeds_exist_and_parse(built: Built) -> None:
    announced: dict[str, str] = {}
    for page in html_pages(built.output):
        head = soup_of(built.output, page).find("head")
        for link in head.find_all("link", rel="alternate", type=FEED_TYPES):
            target = site_file(built.output, built.base_url, page, link["href"])
            assert existing(built.output, target), f"{page} announces a missing feed {link['href']}"
            announced[target] = link["type"]
    for target, kind in sorted(announced.items()):
        links = entry_links(built.output / target, kind)
        assert links, f"{target} has no entries"
        assert all(existing(built.output, site_file(built.output, built.base_url, "", url)) for url in links), links


def entry_links(feed: Path, kind: str) -> list[str]:
    """The page each entry of a feed points at, after checking the feed parses cleanly."""
    if kind == "application/feed+json":
        data = json.loads(feed.read_text(encoding="utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert all(item["id"] and (item.get("content_html") or item.get("content_text")) for item in data["items"])
        return [item["url"] for item in data["items"]]
    parsed = feedparser.parse(feed.read_bytes())
    assert not parsed.bozo, f"{feed.name}: {parsed.get('bozo_exception')}"
    return [entry.link for entry in parsed.entries]


def test_home_announces_every_feed_kind_only_with_base_url(built: Built) -> None:
    head = soup_of(built.output, "index.html").find("head")
    kinds = {link["type"] for link in head.find_all("link", rel="alternate", type=FEED_TYPES)}
    assert kinds == (set(FEED_TYPES) if built.base_url else set())
    written = {name for name in ("atom.xml", "rss.xml", "feed.json") if (built.output / name).is_file()}
    assert written == ({"atom.xml", "rss.xml", "feed.json"} if built.base_url else set())


def test_sitemap_and_robots_only_with_base_url(built: Built) -> None:
    if not built.base_url:
        assert not (built.output / "sitemap.xml").exists() and not (built.output / "robots.txt").exists()
        return
    lastmods = sitemap_entries(built)
    assert all(existing(built.output, page) for page in lastmods), sorted(lastmods)
    assert set(article_pages(built.output)) <= set(lastmods)
    undated = {page for page in article_pages(built.output) if not lastmods[page]}
    assert undated == {page_of(built, "lighthouse-keepers-notes.txt")}
    assert f"Sitemap: {built.base_url}/sitemap.xml" in (built.output / "robots.txt").read_text(encoding="utf-8")


def sitemap_entries(built: Built) -> dict[str | None, str]:
    """Each sitemap URL as the built file it names, with its lastmod ('' when it has none)."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ElementTree.parse(built.output / "sitemap.xml").getroot().findall("s:url", ns)
    return {site_file(built.output, built.base_url, "index.html", u.findtext("s:loc", "", ns)):
            u.findtext("s:lastmod", "", ns) for u in urls}


def test_article_pages_carry_news_article_json_ld(built: Built) -> None:
    for page in article_pages(built.output):
        soup = soup_of(built.output, page)
        scripts = soup.find_all("script", type="application/ld+json")
        items = [item for s in scripts for item in json_ld_items(json.loads(s.string))]
        news = [i for i in items if i.get("@type") == "NewsArticle"]
        assert len(news) == 1, page
        assert news[0]["headline"] == soup.find("h1").get_text(" ", strip=True)


def test_json_ld_carries_what_the_front_matter_states(built: Built) -> None:
    river = news_article(built, page_of(built, "river-cleanup.md"))
    assert (river["datePublished"], river["dateModified"]) == ("2024-03-30T09:00:00+00:00", "2024-03-31T12:15:00+00:00")
    assert [a["name"] for a in river["author"]] == ["Tomás Ferreira", "Lena Hart"]
    assert river["image"][0]["creditText"] == "Lena Hart/Valley Courier"
    assert (river["dateline"], river["isBasedOn"]) == ("MILLBROOK", "https://valleycourier.example/news/river-clean-up")
    bridge = news_article(built, page_of(built, "bridge-inspection.md"))
    assert [c["@type"] for c in bridge["correction"]] == ["CorrectionComment"]


def test_non_english_article_declares_its_language(built: Built) -> None:
    assert soup_of(built.output, page_of(built, "marche-couvert.txt")).html["lang"] == "fr"
    assert soup_of(built.output, "index.html").html["lang"] == "en"


def test_canonical_and_open_graph_only_with_base_url(built: Built) -> None:
    page = page_of(built, "river-cleanup.md")
    head = soup_of(built.output, page).find("head")
    canonical = head.find("link", rel="canonical")
    og_url = head.find("meta", property="og:url")
    if not built.base_url:
        assert canonical is None and og_url is None
        return
    assert canonical["href"] == og_url["content"] == f"{built.base_url}/{page.removesuffix('index.html')}"


def news_article(built: Built, page: str) -> dict:
    scripts = soup_of(built.output, page).find_all("script", type="application/ld+json")
    return next(i for s in scripts for i in json_ld_items(json.loads(s.string)) if i.get("@type") == "NewsArticle")


def json_ld_items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [i for d in data for i in json_ld_items(d)]
    if isinstance(data, dict):
        return [data, *json_ld_items(data.get("@graph", []))]
    return []


EXPECTED_PAGES = ["404.html", "about/index.html", "archive/index.html", "archive/2023/index.html",
                  "archive/2024/index.html", "archive/2024/04/index.html", "archive/2023/11/index.html",
                  "archive/undated/index.html", "tags/index.html", "tags/transport/index.html",
                  "sources/index.html", "authors/index.html", "people/index.html", "places/index.html",
                  "organizations/index.html", "corrections/index.html"]


@pytest.mark.parametrize("page", EXPECTED_PAGES)
def test_every_kind_of_page_is_built(built: Built, page: str) -> None:
    assert (built.output / page).is_file()


def test_every_listing_page_is_reachable_from_home(built: Built) -> None:
    pages = [p for p in html_pages(built.output) if p != "404.html"]
    assert sorted(set(pages) - reachable(built.output)) == []


def test_corrections_log_links_to_the_corrected_article(built: Built) -> None:
    listed = listed_articles(built.output, "corrections/index.html")
    assert listed == [page_of(built, "bridge-inspection.md")]


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
