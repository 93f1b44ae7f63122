"""Pages to bytes: the Jinja environment and the rendering of each page.

Templates are looked up in the site's own `templates/` first, then in the
built-in theme, which also stays reachable as `default/NAME` so a site can
extend a built-in template instead of copying it. Every link a template writes
comes from `Links`, relative to the page, so the site works from any folder and
from disk; only `Links.absolute` (feeds, canonical, OpenGraph) uses `base_url`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

import jinja2
import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup, escape

from .config import TAXONOMIES
from .errors import BuildError
from .meta import UNTITLED, is_relative_url, is_web_url, news_article, opengraph, script_json
from .records import Article, Block, Citation
from .site import KIND_BY_NAME, Page, Site, Term, article_path, term_path
from .site.urls import FEED_FORMATS, NOT_FOUND_PATH, absolute_url, feed_path, relative_root

# The rel of links to other sites: no endorsement, no access to this page's window.
OUTSIDE_REL = "nofollow noopener"
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the built site: its path below the output folder and its bytes."""

    path: str
    data: bytes


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed a page announces; `site_wide` tells the archive's own feeds from a tag's or source's."""

    media_type: str
    title: str
    href: str
    label: str
    site_wide: bool


class Links:
    """Every URL one page needs, relative to that page."""

    def __init__(self, site: Site, page_path: str) -> None:
        self.site = site
        self.page_path = page_path
        self.root = page_root(site, page_path)

    def to(self, path: str) -> str:
        return self.root + path

    def article(self, article: Article) -> str:
        return self.root + article_path(article)

    def term(self, term: Term, number: int = 1) -> str:
        return self.root + term_path(term, number)

    def named(self, kind: str, name: str) -> str:
        """The page of a tag, author or entity shown by name; '' if it has none."""
        term = self.site.term(kind, name)
        return self.term(term) if term is not None else ""

    def image(self, src: str) -> str:
        """An image inside the site; '' for anything else, so no page loads from another site."""
        return self.root + src.strip().lstrip("/") if is_relative_url(src) else ""

    def absolute(self, path: str | None = None) -> str:
        base = self.site.config.base_url
        return absolute_url(base, self.page_path if path is None else path) if base else ""

    def feeds(self, page: Page) -> list[FeedLink]:
        """The feeds the page announces: the site's, and its term's when it is a tag or source page."""
        return [FeedLink(media_type, feed_title(self.site, page.term if folder else None, label),
                         self.to(feed_path(folder, name)), label, not folder)
                for folder in page.feeds for name, media_type, label in FEED_FORMATS]


def page_root(site: Site, page_path: str) -> str:
    """The prefix to the site root; absolute for the 404 page, which hosts serve at any depth."""
    if page_path == NOT_FOUND_PATH and site.config.base_url:
        return site.config.base_url + "/"
    return relative_root(page_path)


def feed_title(site: Site, term: Term | None, label: str) -> str:
    if term is None:
        return f"{site.config.title} ({label})"
    return f"{KIND_BY_NAME[term.kind].singular}: {term.name} ({label})"


def theme_dir() -> Path:
    """The built-in theme shipped inside the package (top-level `templates/` in the repo)."""
    return Path(str(resources.files("newsgen.theme")))


def environment(site_templates: Path | None, compiled: Path | None = None) -> jinja2.Environment:
    """The Jinja environment; `compiled` is a folder to keep compiled templates in between builds."""
    builtin = jinja2.FileSystemLoader(str(theme_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if site_templates is not None and site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(site_templates)))
    loaders += [builtin, jinja2.PrefixLoader({"default": builtin})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
        bytecode_cache=CompiledTemplates(str(compiled)) if compiled is not None and folder_made(compiled) else None,
    )
    env.filters.update(date=format_date, isodate=lambda d: d.isoformat() if d else "", markdown=safe_markdown)
    env.tests["web_url"] = is_web_url
    env.globals.update(UNTITLED=UNTITLED, TAXONOMIES=TAXONOMIES, is_web_url=is_web_url,
                       OUTSIDE_REL=OUTSIDE_REL, article_item=ListingEntries(env), name_links=name_links, when=when)
    return env


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds: compiling the theme takes longer than rendering the
    pages of a one-article rebuild, and every worker process of a full build compiled it again.
    Jinja checks each against its template's source. One that cannot be saved only costs that time."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def folder_made(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return True


class ListingEntries:
    """An article's listing entry, rendered once per article and folder depth.

    The same entry appears on the home page, its archive pages and every tag,
    source, author and entity page of the article; rendering it once per depth
    instead of once per listing is most of the cost of those pages.
    """

    def __init__(self, env: jinja2.Environment) -> None:
        self.env = env
        self.entries: dict[tuple[str, str, str], Markup] = {}

    def __call__(self, article: Article, links: Links) -> Markup:
        key = (article.path, article.digest, links.root)
        entry = self.entries.get(key)
        if entry is None:
            entry = Markup(self.env.get_template("article_item.html").render(article=article, links=links))
            self.entries[key] = entry
        return entry


def format_date(value: datetime | None, fmt: str = "%-d %B %Y") -> str:
    return value.strftime(fmt) if value else ""


# The snippets every page repeats many times are Python, not macros, and use f-strings
# rather than Markup.format: a Jinja macro call costs about 60 microseconds, a
# Markup.format about 35, together a third of an article page.
def name_links(kind: str, names: Iterable[str], links: Links) -> Markup:
    """The names, comma-separated, each linked to its page where it has one."""
    return Markup(", ").join([name_link(links.named(kind, name), name) for name in names])


def name_link(href: str, name: str) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(name)}</a>') if href else escape(name)


def when(article: Article) -> Markup:
    """The article's publication date as a <time> element, or a note that it has none."""
    if article.published is None:
        return Markup('<span class="undated">Undated</span>')
    published = article.published
    return Markup(f'<time datetime="{escape(published.isoformat())}">{escape(format_date(published))}</time>')


def linked_text(block: Block, citations: tuple[Citation, ...]) -> Markup:
    """The block's text, escaped, with each web citation placed on it turned into a link."""
    text, parts, start = block.text, [], 0
    for citation in citations:
        at = text.find(citation.text, start) if citation.text else -1
        if at < 0 or not is_web_url(citation.url):
            continue
        end = at + len(citation.text)
        parts += [escape(text[start:at]), outside_link(citation.url, citation.text)]
        start = end
    return Markup("").join([*parts, escape(text[start:])])


def outside_link(url: str, text: str) -> Markup:
    return Markup(f'<a href="{escape(url.strip())}" rel="{OUTSIDE_REL}">{escape(text)}</a>')


def story_blocks(article: Article) -> list[tuple[Block, Markup]]:
    """Each body block with its text ready to show (citations linked): made here rather than in the
    template, where the same calls cost a third of an article page."""
    placed = placed_citations(article)
    return [(block, linked_text(block, placed.get(i, ()))) for i, block in enumerate(article.body)]


def provenance_groups(article: Article) -> list[tuple[str, str]]:
    """Where the record's fields came from ("front matter", "text"...), each with its fields."""
    groups: dict[str, list[str]] = {}
    for name, origin in article.provenance:
        groups.setdefault(origin, []).append(name)
    return [(origin.replace("_", " "), ", ".join(names)) for origin, names in sorted(groups.items())]


def placed_citations(article: Article) -> dict[int, tuple[Citation, ...]]:
    """Web citations by the block they sit in, in their order of appearance."""
    placed: dict[int, list[Citation]] = {}
    for citation in article.citations:
        if citation.block is not None and 0 <= citation.block < len(article.body):
            placed.setdefault(citation.block, []).append(citation)
    return {i: tuple(sorted(c, key=lambda c: article.body[i].text.find(c.text))) for i, c in placed.items()}


class SafeTree(Treeprocessor):
    """Keeps only web, mail and in-site links, drops images from other sites, and moves headings
    one level down so the page's own title stays its only h1."""

    def run(self, root: ET.Element) -> None:
        for parent in list(root.iter()):
            for child in list(parent):
                if child.tag in HEADINGS[:-1]:
                    child.tag = HEADINGS[HEADINGS.index(child.tag) + 1]
                href = child.get("href")
                if href is not None and not (is_web_url(href) or is_relative_url(href) or href.startswith("mailto:")):
                    del child.attrib["href"]
                if child.tag == "img" and not is_relative_url(child.get("src", "")):
                    parent.remove(child)


class SafeMarkdown(Extension):
    """Markdown without raw HTML: tags in the text are shown as text, never run."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.treeprocessors.register(SafeTree(md), "safe_tree", 0)


def safe_markdown(text: str) -> Markup:
    return Markup(markdown.markdown(text, extensions=[SafeMarkdown()]))


def page_context(page: Page, site: Site) -> dict[str, object]:
    links = Links(site, page.path)
    context: dict[str, object] = {"page": page, "site": site, "config": site.config, "root": links.root,
                                  "links": links, "url_of": links.article, "feeds": links.feeds(page)}
    article = page.article
    if article is not None:
        context.update(json_ld=Markup(script_json(news_article(article, site))),
                       opengraph=opengraph(article, site), story_blocks=story_blocks(article),
                       provenance=provenance_groups(article))
    return {**context, **page.extra}


def render_page(env: jinja2.Environment, page: Page, site: Site,
                template: jinja2.Template | None = None) -> OutputFile:
    try:
        template = template or env.get_template(page.template)
        html = template.render(page_context(page, site))
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno) from None
    except jinja2.TemplateError as exc:
        raise BuildError(f"cannot render {page.path} with {page.template}: {exc}", template_file(env, page)) from None
    return OutputFile(page.path, html.encode("utf-8"))


def template_file(env: jinja2.Environment, page: Page) -> str:
    try:
        return env.get_template(page.template).filename or page.template
    except jinja2.TemplateError:
        return page.template


def render_site(env: jinja2.Environment, site: Site) -> Iterator[OutputFile]:
    """Every page, each template loaded and compiled once."""
    compiled: dict[str, jinja2.Template] = {}
    for page in site.pages:
        if page.template not in compiled:
            try:
                compiled[page.template] = env.get_template(page.template)
            except jinja2.TemplateSyntaxError as exc:
                raise BuildError(f"template error: {exc.message}", exc.filename or exc.name, exc.lineno) from None
            except jinja2.TemplateNotFound as exc:
                raise BuildError(f"no template named {exc.name!r}", page.template) from None
        yield render_page(env, page, site, compiled[page.template])


def static_files(*folders: Path) -> Iterator[OutputFile]:
    """Theme assets then the site's own, under `static/`; a later folder overrides an earlier one."""
    chosen: dict[str, Path] = {}
    for folder in folders:
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    chosen["static/" + path.relative_to(folder).as_posix()] = path
    for rel, path in sorted(chosen.items()):
        yield OutputFile(rel, path.read_bytes())
