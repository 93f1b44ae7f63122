"""What a page declares about itself: JSON-LD, OpenGraph and meta tags, <time>, canonical link, lang.

A page's own declarations are read before its visible text, in a fixed order of
trust (JSON-LD, then OpenGraph/`article:*`, then plain meta tags, then the
markup), and every value keeps the name of the declaration it came from, so the
record's `provenance` can say where each field was found.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any, Iterator

from .html_tree import Element, safe_url

# schema.org types that describe the page's story (any type ending in "Article" counts too).
ARTICLE_TYPES = frozenset({"BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "NewsArticle"})
# Meta names and properties by field, most trusted first.
META_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "summary": ("og:description", "description", "twitter:description", "dc.description"),
    "published": ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
                  "publish-date", "publishdate", "date", "dc.date.issued", "dc.date", "dcterms.created",
                  "sailthru.date", "parsely-pub-date", "article.published"),
    "updated": ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified",
                "article.updated"),
    "url": ("og:url",),
    "site": ("og:site_name", "application-name"),
    "image": ("og:image", "og:image:url", "twitter:image"),
    "section": ("article:section",),
    "tags": ("article:tag", "news_keywords", "keywords"),
    "authors": ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author"),
    "language": ("og:locale", "content-language", "dc.language"),
}
# A <title> often ends with the site's name after one of these.
TITLE_SUFFIX = re.compile(r"\s+[|–—·•:-]\s+[^|–—·•]{1,60}$")
BY_PREFIX = re.compile(r"^(?:by|von|par|por|di|door)\s+", re.IGNORECASE)
LANGUAGE_CODE = re.compile(r"^([a-zA-Z]{2})(?:[-_]|$)")


@dataclass(slots=True)
class Metadata:
    """Declared values by record field, and the declaration each came from."""

    values: dict[str, Any] = field(default_factory=dict)
    provenance: dict[str, str] = field(default_factory=dict)

    def offer(self, key: str, value: Any, origin: str) -> None:
        """Keep a value unless a more trusted declaration already gave one."""
        if key not in self.values and value not in (None, "", ()):
            self.values[key] = value
            self.provenance[key] = origin


def page_metadata(root: Element, tz: tzinfo) -> Metadata:
    meta = Metadata()
    article = story_object(json_ld_objects(root))
    if article:
        _offer_json_ld(meta, article, tz)
    _offer_meta(meta, meta_values(root), tz)
    _offer_markup(meta, root, tz)
    return meta


def json_ld_objects(root: Element) -> Iterator[dict[str, Any]]:
    """Every JSON-LD object on the page, @graph members included; unreadable blocks are skipped."""
    for script in root.iter("script"):
        if "ld+json" not in script.get("type", "").lower():
            continue
        try:
            data = json.loads(script.text_content(), strict=False)
        except ValueError:
            continue
        yield from _objects(data)


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if isinstance(data.get("@graph"), list):
            yield from _objects(data["@graph"])


def story_object(objects: Iterator[dict[str, Any]]) -> dict[str, Any] | None:
    return next((o for o in objects if _is_story_type(o.get("@type"))), None)


def _is_story_type(kind: Any) -> bool:
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and (k in ARTICLE_TYPES or k.endswith("Article")) for k in kinds)


def _offer_json_ld(meta: Metadata, obj: dict[str, Any], tz: tzinfo) -> None:
    offer = lambda key, value: meta.offer(key, value, "json-ld")  # noqa: E731 - a local shorthand
    offer("title", _text(obj.get("headline")) or _text(obj.get("name")))
    offer("summary", _text(obj.get("description")))
    offer("published", parse_date(_text(obj.get("datePublished")), tz))
    offer("updated", parse_date(_text(obj.get("dateModified")), tz))
    offer("authors", names_of(obj.get("author")))
    publisher = obj.get("publisher")
    offer("site", names_of(publisher)[0] if names_of(publisher) else "")
    offer("publisher_url", safe_url(publisher.get("url")) if isinstance(publisher, dict) else "")
    offer("image", _image_url(obj.get("image")))
    offer("section", _texts(obj.get("articleSection")))
    offer("tags", _keywords(obj.get("keywords")))
    page = obj.get("mainEntityOfPage")
    offer("url", safe_url(_text(obj.get("url")) or (_text(page.get("@id")) if isinstance(page, dict) else
                                                     _text(page))))
    offer("language", language_code(_text(obj.get("inLanguage"))))


def meta_values(root: Element) -> dict[str, list[str]]:
    """Every <meta> value by its lower-cased name or property, in page order."""
    values: dict[str, list[str]] = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").strip().lower()
        content = (element.get("content") or "").strip()
        if key and content:
            values.setdefault(key, []).append(content)
    return values


def _offer_meta(meta: Metadata, values: dict[str, list[str]], tz: tzinfo) -> None:
    def first(key: str) -> str:
        return next((values[name][0] for name in META_NAMES[key] if name in values), "")

    for key in ("title", "summary", "site"):
        meta.offer(key, first(key), "meta")
    meta.offer("published", parse_date(first("published"), tz), "meta")
    meta.offer("updated", parse_date(first("updated"), tz), "meta")
    meta.offer("url", safe_url(first("url")), "meta")
    meta.offer("image", safe_url(first("image")), "meta")
    meta.offer("section", tuple(values.get("article:section", ())), "meta")
    tags = next((values[name] for name in META_NAMES["tags"] if name in values), [])
    meta.offer("tags", tuple(t for v in tags for t in _keywords(v)), "meta")
    authors = [BY_PREFIX.sub("", a) for name in META_NAMES["authors"] for a in values.get(name, ())]
    meta.offer("authors", tuple(dict.fromkeys(a for a in authors if a and not safe_url(a))), "meta")
    meta.offer("language", language_code(first("language")), "meta")


def _offer_markup(meta: Metadata, root: Element, tz: tzinfo) -> None:
    for link in root.iter("link"):
        if "canonical" in link.get("rel", "").lower().split():
            meta.offer("url", safe_url(link.get("href")), "canonical")
    times = [t for t in root.iter("time") if t.get("datetime")]
    stamped = [t for t in times if t.get("itemprop") == "datePublished" or "pubdate" in t.attrib] or times[:1]
    for element in stamped:
        meta.offer("published", parse_date(element.get("datetime"), tz), "time")
    modified = [t for t in times if t.get("itemprop") == "dateModified"]
    if modified:
        meta.offer("updated", parse_date(modified[0].get("datetime"), tz), "time")
    meta.offer("language", language_code(root.get("lang") or root.get("xml:lang") or ""), "html")
    titles = [t for t in root.iter("title")]
    if titles:
        meta.offer("title", TITLE_SUFFIX.sub("", " ".join(titles[0].text_content().split())), "title")


def parse_date(value: str | None, tz: tzinfo) -> datetime | None:
    """An ISO 8601 date or datetime; one without an offset is read in the site's zone."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value[:10]), time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def names_of(value: Any) -> tuple[str, ...]:
    """Names from a schema.org Person/Organization, a string, or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = [_text(i.get("name")) if isinstance(i, dict) else _text(i) for i in items]
    return tuple(dict.fromkeys(BY_PREFIX.sub("", n) for n in names if n and not safe_url(n)))


def _image_url(value: Any) -> str:
    if isinstance(value, list):
        return next((u for u in (_image_url(v) for v in value) if u), "")
    if isinstance(value, dict):
        return safe_url(_text(value.get("url") or value.get("contentUrl")))
    return safe_url(_text(value))


def _keywords(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(k.strip() for k in value.split(",") if k.strip())
    return _texts(value)


def _texts(value: Any) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    return tuple(t for t in (_text(i) for i in items) if t)


def _text(value: Any) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def language_code(value: str) -> str:
    match = LANGUAGE_CODE.match(value.strip())
    return match.group(1).lower() if match else ""
