"""Scraped pages (`.html`): the page's own declarations, then its story text, then what the text says.

The steps, one way: parse; read the metadata the page declares (extract/html_meta.py);
take the furniture out and list it (extract/html_tree.py); take the figures with
their captions (extract/html_figures.py); find the story's container and its
blocks (extract/html_body.py); then read each block with the text loader's line
recognisers, so bylines, date stamps, captions, credits, corrections, notes and
contributor lines leave the body for their own fields exactly as in a `.txt`.
A sidecar `NAME.yaml` always wins.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from ..config import SiteConfig
from ..errors import SourceError
from ..records import Article, Source
from ..sources import SourceFile
from ..extract.html_body import body_of, story_container
from ..extract.html_figures import take_figures
from ..extract.html_meta import Metadata, page_metadata
from ..extract.html_story import Story, story_of, visible_authors, visible_title
from ..extract.html_tree import Element, cleaned, parse_page, safe_url
from ..extract.notes import story_dateline
from .frontmatter import domain_of, overridden, read_front_matter

# Where each field's declaration came from, as provenance names it.
HTML_DATE_ORIGINS = frozenset({"json-ld", "meta", "time"})


def load(text: str, source: SourceFile, config: SiteConfig, sidecar: dict[str, Any]) -> Article:
    front = read_front_matter("", source.rel, config.tzinfo(), sidecar)
    try:
        fields = extracted_fields(text, source.rel, config.tzinfo())
    except RecursionError:
        raise SourceError("the page nests its markup too deeply to read", source.rel) from None
    return Article(path=source.rel, digest=source.digest, format="html", **overridden(fields, front))


def extracted_fields(text: str, path: str, tz: tzinfo) -> dict[str, Any]:
    root = parse_page(text, path)
    meta = page_metadata(root, tz)
    base = meta.values.get("url") or _base_href(root)
    title = meta.values.get("title") or visible_title(root)
    authors = meta.values.get("authors") or visible_authors(root)
    page = cleaned(root)
    figures = take_figures(page.root, base)
    container = story_container(page.root)
    scope = _scope(container)
    images = tuple(f.image for f in figures if any(a is scope for a in f.ancestors))
    story = story_of(body_of(container, base), title, images, tz)
    fields: dict[str, Any] = {
        "title": title,
        "summary": meta.values.get("summary", ""),
        "language": meta.values.get("language", ""),
        "body": tuple(story.blocks),
        "images": story.images,
        "authors": tuple(authors) or story.authors,
        "contributors": story.contributors,
        "citations": tuple(story.citations),
        "corrections": story.corrections,
        "notes": story.notes,
        "tags": tuple(dict.fromkeys((*meta.values.get("section", ()), *meta.values.get("tags", ())))),
        "dateline": (story_dateline(story.blocks[0].text) or "") if story.blocks else "",
        "url": meta.values.get("url", ""),
        "source": source_of(meta),
        "dropped": page.dropped + tuple(story.dropped),
        "warnings": warnings_of(story, title),
        "provenance": provenance_of(meta, title, authors),
    }
    fields.update(dates_of(meta, story))
    return fields


def _base_href(root: Element) -> str:
    base = root.find(".//base")
    return safe_url(base.get("href")) if base is not None else ""


def _scope(container: Element) -> Element:
    """The story's own part of the page: its nearest <article> or <main>, else the container itself."""
    for element in (container, *container.iterancestors()):
        if element.tag in ("article", "main"):
            return element
    return container


def source_of(meta: Metadata) -> Source:
    domain = domain_of(meta.values.get("url", ""))
    return Source(meta.values.get("site", "") or domain, domain, meta.values.get("publisher_url", ""))


def dates_of(meta: Metadata, story: Story) -> dict[str, Any]:
    """Dates the page declares, else the date stamps in its text; never a guess."""
    published = meta.values.get("published")
    updated = meta.values.get("updated")
    if published or updated:
        return {"published": published, "updated": updated, "date_source": "html"}
    if story.published or story.updated:
        return {"published": story.published, "updated": story.updated, "date_source": "text"}
    return {"published": None, "updated": None, "date_not_before": story.not_before}


def provenance_of(meta: Metadata, title: str, authors: Any) -> tuple[tuple[str, str], ...]:
    names = {"site": "source", "section": "tags"}
    provenance = {names.get(k, k): v for k, v in meta.provenance.items() if k not in ("image", "publisher_url")}
    if title and "title" not in meta.values:
        provenance["title"] = "text"
    if authors and "authors" not in meta.values:
        provenance["authors"] = "text"
    provenance["body"] = "html"
    return tuple(sorted(provenance.items()))


def warnings_of(story: Story, title: str) -> tuple[str, ...]:
    warnings = []
    if not story.blocks:
        warnings.append("no story text was found in the page")
    if not title:
        warnings.append("no headline was found")
    return tuple(warnings)
