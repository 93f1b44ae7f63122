"""Rendering: relative links at every depth, template overrides, safe output, the article page's parts."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath

import pytest
from bs4 import BeautifulSoup
from site_factories import article, site_of

from newsgen.records import Block, Citation, Image, Source
from newsgen.render import environment, render_page, render_site, safe_markdown
from newsgen.site import Site

HOSTILE = 'Deal </script><script>alert(1)</script> & "more"'


def rendered(site: Site, templates: Path | None = None) -> dict[str, BeautifulSoup]:
    env = environment(templates)
    return {f.path: BeautifulSoup(f.data, "lxml") for f in render_site(env, site)}


def rich_site(**config: str) -> Site:
    story = article(
        "story", 3, title=HOSTILE, summary="What happened.", authors=("Lois Lane",), contributors=("Jimmy Olsen",),
        tags=("Talks",), source=Source("Daily Planet", "planet.example", "https://planet.example"),
        url="https://planet.example/story", dateline="CAIRO", corrections=("A name was misspelled.",),
        notes=("Updated with a statement.",),
        entities={"people": ("Antony Blinken",), "places": ("Cairo",), "organizations": ("Hamas",)},
        images=(Image("Talks in Cairo", "Photo by X/Agency", "", "static/talks.jpg"),
                Image("Remote", "", "", "https://cdn.example/x.jpg"), Image("No file", "Someone"),
                Image("Script", "", "", "javascript:alert(1)")),
        body=(Block("paragraph", "Read the report and the bad link."),), slug="story",
        citations=(Citation("https://ref.example/a", "the report", 0), Citation("javascript:alert(1)", "bad", 0)))
    return site_of(story, article("other", 2, tags=("Talks",)), article("undated"), per_page=1, **config)


@pytest.fixture(scope="module")
def pages() -> dict[str, BeautifulSoup]:
    return rendered(rich_site())


def internal_refs(soup: BeautifulSoup) -> list[str]:
    refs = [e.get("href") for e in soup.find_all(["a", "link"])] + [e.get("src") for e in soup.find_all("img")]
    return [r for r in refs if r and not r.startswith(("http://", "https://", "#"))]


def resolve(page: str, ref: str) -> str:
    parts: list[str] = []
    for part in (PurePosixPath(page).parent / ref).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def test_internal_links_are_relative_and_resolve_at_every_depth(pages: dict[str, BeautifulSoup]) -> None:
    known = set(pages) | {"static/style.css", "static/talks.jpg"}
    for path, soup in pages.items():
        for ref in internal_refs(soup):
            assert not ref.startswith("/"), (path, ref)
            assert resolve(path, ref) in known, (path, ref)
    assert {"tags/talks/page/2/index.html", "articles/story/index.html", "archive/2024/05/index.html"} <= set(pages)


def test_every_page_has_one_h1_and_landmarks(pages: dict[str, BeautifulSoup]) -> None:
    for path, soup in pages.items():
        assert len(soup.find_all("h1")) == 1, path
        assert soup.find("main", id="main") and soup.find("header") and soup.find("footer") and soup.find("nav")
        assert soup.find("a", class_="skip-link")["href"] == "#main"


def test_no_feeds_or_canonical_without_base_url(pages: dict[str, BeautifulSoup]) -> None:
    home = pages["index.html"]
    assert home.find("link", rel="alternate") is None and home.find("link", rel="canonical") is None
    assert pages["articles/story/index.html"].find("meta", property="og:title") is None


def test_feeds_canonical_and_opengraph_with_base_url() -> None:
    pages = rendered(rich_site(base_url="https://ex.org/news"))
    tag = pages["tags/talks/index.html"]
    hrefs = [link["href"] for link in tag.find_all("link", rel="alternate")]
    assert hrefs == ["../../atom.xml", "../../rss.xml", "../../feed.json",
                     "../../tags/talks/atom.xml", "../../tags/talks/rss.xml", "../../tags/talks/feed.json"]
    story = pages["articles/story/index.html"]
    assert story.find("link", rel="canonical")["href"] == "https://ex.org/news/articles/story/"
    assert story.find("meta", property="og:url")["content"] == "https://ex.org/news/articles/story/"


def test_json_ld_is_escaped_and_parses(pages: dict[str, BeautifulSoup]) -> None:
    story = pages["articles/story/index.html"]
    scripts = story.find_all("script")
    assert len(scripts) == 1, "a title must not open a script element"
    data = json.loads(scripts[0].string)
    assert data["@type"] == "NewsArticle" and data["headline"] == HOSTILE
    assert data["correction"] == [{"@type": "CorrectionComment", "text": "A name was misspelled."}]
    assert data["isBasedOn"] == "https://planet.example/story" and data["dateline"] == "CAIRO"
    assert {"caption": "Talks in Cairo", "creditText": "Photo by X/Agency"}.items() <= data["image"][0].items()
    assert story.find("h1").get_text() == HOSTILE


def test_article_page_parts(pages: dict[str, BeautifulSoup]) -> None:
    story = pages["articles/story/index.html"]
    assert [a["href"] for a in story.select(".byline a")] == ["../../authors/lois-lane/index.html",
                                                              "../../authors/jimmy-olsen/index.html"]
    assert story.select_one(".meta time")["datetime"] == "2024-05-03T09:00:00+00:00"
    assert "A name was misspelled." in story.select_one(".corrections-box").get_text()
    assert "Updated with a statement." in story.select_one(".notes").get_text()
    topics = [a["href"] for a in story.select(".topics a")]
    assert topics == ["../../tags/talks/index.html", "../../people/antony-blinken/index.html",
                      "../../places/cairo/index.html", "../../organizations/hamas/index.html"]
    provenance = story.select_one(".provenance").get_text()
    assert "story.md" in provenance and "0" * 64 in provenance and "https://planet.example/story" in provenance
    assert [a.get_text() for a in story.select(".related a")] == ["Other"]
    assert story.select_one(".story-nav a[rel=prev]")["href"] == "../../articles/other/index.html"


def test_images_only_load_from_the_site(pages: dict[str, BeautifulSoup]) -> None:
    story = pages["articles/story/index.html"]
    assert [img["src"] for img in story.find_all("img")] == ["../../static/talks.jpg"]
    assert len(story.find_all("figure")) == 4
    assert story.find("a", href="https://cdn.example/x.jpg")["rel"] == ["nofollow", "noopener"]
    assert "javascript:" not in str(story)


def test_citations_become_links_only_for_web_urls(pages: dict[str, BeautifulSoup]) -> None:
    body = pages["articles/story/index.html"].select_one(".story-body")
    links = body.find_all("a")
    assert [(a.get_text(), a["href"], a["rel"]) for a in links] == [
        ("the report", "https://ref.example/a", ["nofollow", "noopener"])]
    assert "bad link" in body.get_text()


def test_undated_listing_and_archive_counts(pages: dict[str, BeautifulSoup]) -> None:
    undated = pages["archive/undated/index.html"]
    assert [a["href"] for a in undated.select(".article-list h2 a")] == ["../../articles/undated/index.html"]
    assert "(1)" in pages["archive/index.html"].find("a", href="../archive/undated/index.html").parent.get_text()


def test_site_template_overrides_and_extends_the_builtin(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>custom home {{ page.articles | length }}</p>", encoding="utf-8")
    (tmp_path / "article.html").write_text(
        '{% extends "default/article.html" %}{% block title %}Mine: {{ page.title }}{% endblock %}', encoding="utf-8")
    site = site_of(article("a", 1))
    env = environment(tmp_path)
    home = {p.path: p for p in site.pages}["index.html"]
    assert render_page(env, home, site).data == b"<p>custom home 1</p>"
    story = BeautifulSoup(render_page(env, site.pages[1], site).data, "lxml")
    assert story.title.get_text() == "Mine: A" and story.find("h1").get_text() == "A"


@pytest.mark.parametrize(("text", "present", "absent"), [
    ("<script>alert(1)</script>", "&lt;script&gt;", "<script"),
    ("[x](javascript:alert(1))", "<a>x</a>", "javascript"),
    ("# Title", "<h2>Title</h2>", "<h1"),
    ("![pic](https://other.example/p.png) and [ok](https://ok.example)", 'href="https://ok.example"', "<img"),
], ids=["raw-html", "script-link", "heading-demoted", "remote-image"])
def test_about_markdown_is_safe(text: str, present: str, absent: str) -> None:
    html = str(safe_markdown(text))
    assert present in html and absent not in html


def test_names_dates_and_citation_text_are_escaped_in_python_helpers() -> None:
    """Bylines, publishers, topics, dates and citation links are built in Python, not by the
    autoescaping template, so hostile names must come out as text there too."""
    story = article("story", 3, authors=(HOSTILE,), source=Source(HOSTILE), tags=(HOSTILE,),
                    entities={"people": (HOSTILE,)}, body=(Block("paragraph", f"See {HOSTILE} now."),),
                    citations=(Citation('https://ref.example/?a="b"&c', HOSTILE, 0),), slug="story")
    page = rendered(site_of(story, article("undated")))["articles/story/index.html"]
    assert not page.select("main script")
    assert page.select_one(".byline a").get_text() == HOSTILE
    assert [a.get_text() for a in page.select(".topics a")] == [HOSTILE, HOSTILE]
    assert page.select_one(".meta [data-pagefind-meta=source] a").get_text() == HOSTILE
    cited = page.select_one(".story-body a")
    assert (cited.get_text(), cited["href"]) == (HOSTILE, 'https://ref.example/?a="b"&c')
    undated = rendered(site_of(story, article("undated")))["archive/undated/index.html"]
    assert undated.select_one(".article-list .undated").get_text() == "Undated"
