"""Feeds and crawler files: Atom, RSS 2.0, JSON Feed 1.1, sitemap.xml and robots.txt.

All of them need absolute URLs, so they are written only when the site has a
`base_url`; `site_warnings` says so in the build report otherwise. Feeds are
built as element trees or plain data, never by pasting strings, so any title
is escaped correctly; the sitemap, only URLs and dates, is written line by line
with each URL escaped. Undated articles are left out of feeds: a feed entry
without a date would be sorted as if it were news.

The archive's feed carries each story's full text; a tag's or source's feed
carries summaries and links. A reader following a topic wants to hear that a
story came out, and full text in every term feed made them most of the bytes
of a large site (at 10,000 articles, 300 tags: 316 MB of feeds against 240 MB
of article pages).
"""

from __future__ import annotations

import json
from html import escape
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Any, Callable, Iterator


from .meta import UNTITLED, is_web_url
from .records import Article
from .render import OutputFile
from .site import KIND_BY_NAME, Site, article_path, feed_terms, term_path
from .site.urls import absolute_url, feed_path, term_folder

# Entries per feed: readers poll for what is new, and a short feed stays cheap to fetch.
FEED_SIZE = 50
# A fixed date for a feed with no dated entry, so output never depends on the clock.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
ATOM_NS = "http://www.w3.org/2005/Atom"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
FEED_NAMES = ("atom.xml", "rss.xml", "feed.json")


def site_warnings(site: Site) -> list[str]:
    if site.has_feeds:
        return []
    return ["no base_url in newsgen.yaml: feeds, sitemap.xml and robots.txt were not written "
            "(they need absolute URLs); set base_url to the address the site is published at"]


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One feed, in all its formats: what it lists and where it goes.

    Everything a feed's bytes depend on is in its fields, so the build can tell
    an unchanged feed from a changed one without writing it.
    """

    folder: str
    title: str
    description: str
    entries: tuple[Article, ...]
    page: str
    full_text: bool = False

    @property
    def path(self) -> str:
        return feed_path(self.folder, "atom.xml")

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(feed_path(self.folder, name) for name in FEED_NAMES)


def feed_specs(site: Site) -> list[FeedSpec]:
    """The archive's feed and one per tag and per source; none without a base URL."""
    if not site.has_feeds:
        return []
    config = site.config
    specs = [FeedSpec("", config.title, config.description or config.title, newest_dated(site.articles), "index.html",
                       full_text=True)]
    for term in feed_terms(site):
        title = f"{config.title}: {KIND_BY_NAME[term.kind].singular} {term.name}"
        specs.append(FeedSpec(term_folder(term.kind, term.slug), title, title, newest_dated(term.articles),
                              term_path(term)))
    return specs


def feed_files(site: Site, spec: FeedSpec, made: dict[tuple[str, bool, str], Any],
               story: Callable[[Article], Article] = lambda article: article) -> list[OutputFile]:
    """One feed in every format.

    An article's entry reads the same in every feed that lists it, so `made`
    keeps each one (by format, text kind and article) for the other feeds of
    the same batch (the build passes one per span of outputs, so it stays small);
    `story` gives the full record of an article the site holds in listing form.
    """
    feed = Feed(site, spec, made, story)
    atom_entries = [feed.entry("atom", a, lambda a: xml_fragment(atom_entry(feed, a), 1)) for a in feed.entries]
    rss_items = [feed.entry("rss", a, lambda a: xml_fragment(rss_item(feed, a), 2)) for a in feed.entries]
    return [OutputFile(feed_path(spec.folder, "atom.xml"), xml_bytes(atom(feed), atom_entries, "feed")),
            OutputFile(feed_path(spec.folder, "rss.xml"), xml_bytes(rss(feed), rss_items, "channel")),
            OutputFile(feed_path(spec.folder, "feed.json"), json_feed(feed))]


class Feed:
    """What every format of one feed shares: its URLs, title and entries."""

    def __init__(self, site: Site, spec: FeedSpec, made: dict[tuple[str, bool, str], Any],
                 story: Callable[[Article], Article]) -> None:
        self.site, self.folder, self.title, self.description = site, spec.folder, spec.title, spec.description
        self.entries, self.full_text, self.made, self.story = spec.entries, spec.full_text, made, story
        self.home = self.url(spec.page)
        self.updated = max((changed(a) for a in self.entries), default=EPOCH)

    def url(self, path: str) -> str:
        return absolute_url(self.site.config.base_url, path)

    def self_url(self, name: str) -> str:
        return self.url(feed_path(self.folder, name))

    def article_url(self, article: Article) -> str:
        return self.url(article_path(article))

    def entry(self, kind: str, article: Article, make: Callable[[Article], Any]) -> Any:
        """The article's entry in one format, made once for every feed of the same kind of text."""
        key = (kind, self.full_text, article.path)
        if key not in self.made:
            self.made[key] = make(article)
        return self.made[key]

    def content(self, article: Article) -> str:
        return self.entry("html", article, lambda a: content_html(self.story(a)))


def newest_dated(articles: tuple[Article, ...]) -> tuple[Article, ...]:
    return tuple(a for a in articles if a.published is not None)[:FEED_SIZE]


def changed(article: Article) -> datetime:
    assert article.published is not None
    return article.updated or article.published


def short_text(article: Article) -> str:
    """What a summary-only entry says: the summary, else the title."""
    return article.summary or article.title or UNTITLED


def content_html(article: Article) -> str:
    """The story body as simple HTML, for readers that show the whole article."""
    parts = [block_html(block.type, block.text, block.items) for block in article.body]
    return "\n".join(parts) or f"<p>{escape(article.summary or article.title or UNTITLED, quote=False)}</p>"


def block_html(kind: str, text: str, items: tuple[str, ...]) -> str:
    text = escape(text, quote=False)
    if kind == "heading":
        return f"<h2>{text}</h2>"
    if kind == "quote":
        return f"<blockquote><p>{text}</p></blockquote>"
    if kind == "list":
        return "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in items) + "</ul>"
    return f"<p>{text}</p>"


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def xml_bytes(root: ET.Element, entries: list[bytes] | None = None, parent: str = "") -> bytes:
    """The document, with `entries` (see xml_fragment) placed at the end of the element `parent`."""
    ET.indent(root)
    document = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    if entries:
        closing = document.rindex(f"</{parent}>".encode())
        line = document.rindex(b"\n", 0, closing) + 1
        indent = document[line:closing] + b"  "
        document = document[:line] + b"".join(indent + entry + b"\n" for entry in entries) + document[line:]
    return document + b"\n"


def xml_fragment(element: ET.Element, level: int) -> bytes:
    """One entry serialised on its own, indented for its depth in the document."""
    ET.indent(element, level=level)
    return ET.tostring(element, encoding="utf-8")


def atom(feed: Feed) -> ET.Element:
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": feed.site.config.language})
    sub(root, "title", feed.title)
    sub(root, "subtitle", feed.description)
    sub(root, "id", feed.self_url("atom.xml"))
    sub(root, "updated", feed.updated.isoformat())
    sub(root, "link", rel="self", type="application/atom+xml", href=feed.self_url("atom.xml"))
    sub(root, "link", rel="alternate", type="text/html", href=feed.home)
    sub(sub(root, "author"), "name", feed.site.config.author or feed.site.config.title)
    sub(root, "generator", "newsgen")
    return root


def atom_entry(feed: Feed, article: Article) -> ET.Element:
    entry = ET.Element("entry")
    sub(entry, "title", article.title or UNTITLED)
    sub(entry, "id", feed.article_url(article))
    sub(entry, "link", rel="alternate", type="text/html", href=feed.article_url(article))
    if is_web_url(article.url):
        sub(entry, "link", rel="via", href=article.url)
    assert article.published is not None
    sub(entry, "published", article.published.isoformat())
    sub(entry, "updated", changed(article).isoformat())
    for name in article.authors:
        sub(sub(entry, "author"), "name", name)
    for tag in article.tags:
        sub(entry, "category", term=tag)
    if article.summary or not feed.full_text:
        sub(entry, "summary", short_text(article))
    if feed.full_text:
        sub(entry, "content", feed.content(article), type="html")
    return entry


def rss(feed: Feed) -> ET.Element:
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": ATOM_NS,
                              "xmlns:dc": "http://purl.org/dc/elements/1.1/"})
    channel = sub(root, "channel")
    sub(channel, "title", feed.title)
    sub(channel, "link", feed.home)
    sub(channel, "description", feed.description)
    sub(channel, "language", feed.site.config.language)
    sub(channel, "lastBuildDate", format_datetime(feed.updated))
    sub(channel, "generator", "newsgen")
    sub(channel, "atom:link", rel="self", type="application/rss+xml", href=feed.self_url("rss.xml"))
    return root


def rss_item(feed: Feed, article: Article) -> ET.Element:
    item = ET.Element("item")
    sub(item, "title", article.title or UNTITLED)
    sub(item, "link", feed.article_url(article))
    sub(item, "guid", feed.article_url(article), isPermaLink="true")
    assert article.published is not None
    sub(item, "pubDate", format_datetime(article.published))
    sub(item, "description", feed.content(article) if feed.full_text else short_text(article))
    for name in article.authors:
        sub(item, "dc:creator", name)
    for tag in article.tags:
        sub(item, "category", tag)
    return item


def json_feed(feed: Feed) -> bytes:
    data = {
        "version": JSON_FEED_VERSION,
        "title": feed.title,
        "home_page_url": feed.home,
        "feed_url": feed.self_url("feed.json"),
        "description": feed.description,
        "language": feed.site.config.language,
        "authors": [{"name": feed.site.config.author or feed.site.config.title}],
        "items": [feed.entry("json", a, lambda a: json_item(feed, a)) for a in feed.entries],
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8") + b"\n"


def json_item(feed: Feed, article: Article) -> dict[str, object]:
    assert article.published is not None
    item: dict[str, object] = {
        "id": feed.article_url(article),
        "url": feed.article_url(article),
        "title": article.title or UNTITLED,
        **({"content_html": feed.content(article)} if feed.full_text else {"content_text": short_text(article)}),
        "date_published": article.published.isoformat(),
        "date_modified": changed(article).isoformat(),
        "language": article.language or feed.site.config.language,
    }
    summary = article.summary if feed.full_text else ""
    optional = {"external_url": article.url if is_web_url(article.url) else "", "summary": summary,
                "authors": [{"name": n} for n in article.authors], "tags": list(article.tags)}
    return {**item, **{k: v for k, v in optional.items() if v}}


def crawler_files(site: Site) -> Iterator[OutputFile]:
    """sitemap.xml listing every page (with lastmod where a date is known) and robots.txt.

    The sitemap names every page, so it is made every build: it is written line by
    line, each value escaped, as an element tree of 10,000 pages took a quarter of
    a second to build and serialise.
    """
    if not site.has_feeds:
        return
    lines = ["<?xml version='1.0' encoding='utf-8'?>", f'<urlset xmlns="{SITEMAP_NS}">']
    for page in site.pages:
        if page.path.endswith("index.html"):
            lines += ["  <url>", f"    <loc>{escape(absolute_url(site.config.base_url, page.path), False)}</loc>"]
            lastmod = page_lastmod(page.article, page.articles)
            if lastmod is not None:
                lines.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
            lines.append("  </url>")
    lines.append("</urlset>\n")
    yield OutputFile("sitemap.xml", "\n".join(lines).encode())
    sitemap = absolute_url(site.config.base_url, "sitemap.xml")
    yield OutputFile("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n".encode())


def page_lastmod(article: Article | None, articles: tuple[Article, ...]) -> datetime | None:
    shown = [a for a in ((article,) if article else articles) if a.published is not None]
    return max((changed(a) for a in shown), default=None)

