"""Machine-readable metadata for article pages: schema.org JSON-LD and OpenGraph.

Both are built as plain data from the record, so they say exactly what the page
says. Absolute URLs come from `base_url`; without it, URL fields are left out
rather than guessed.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

from .records import Article, Image
from .site import Site, article_path
from .site.urls import absolute_url

# JSON inside <script> must not contain these, or a title could close the element early.
# What an article without a headline is called wherever a title is required.
UNTITLED = "Untitled article"
SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"}


def is_web_url(url: str) -> bool:
    """An http(s) URL with a host: the only kind of outside address newsgen will link to."""
    parts = urlsplit(url.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def is_relative_url(url: str) -> bool:
    """A path inside the site (no scheme, no host, no way out of it with '..')."""
    parts = urlsplit(url.strip())
    return bool(parts.path) and not parts.scheme and not parts.netloc and ".." not in parts.path.split("/")


def site_url(site: Site, path: str) -> str:
    return absolute_url(site.config.base_url, path) if site.config.base_url else ""


def image_url(site: Site, image: Image) -> str:
    """The image's absolute URL: its own if on the web, else under the site's base URL."""
    if is_web_url(image.src):
        return image.src.strip()
    if is_relative_url(image.src) and site.config.base_url:
        return absolute_url(site.config.base_url, image.src.strip().lstrip("/"))
    return ""


def news_article(article: Article, site: Site) -> dict[str, Any]:
    """The schema.org NewsArticle for one article; keys without a value are left out."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title or UNTITLED,
        "description": article.summary,
        "inLanguage": article.language or site.config.language,
        "datePublished": article.published.isoformat() if article.published else None,
        "dateModified": (article.updated or article.published).isoformat() if article.published else None,
        "author": [{"@type": "Person", "name": name} for name in article.authors],
        "contributor": [{"@type": "Person", "name": name} for name in article.contributors],
        "publisher": publisher(article),
        "image": [image_object(site, image) for image in article.images],
        "dateline": article.dateline,
        "correction": [{"@type": "CorrectionComment", "text": text} for text in article.corrections],
        "isBasedOn": article.url if is_web_url(article.url) else None,
        "url": site_url(site, article_path(article)),
        "mainEntityOfPage": site_url(site, article_path(article)),
        "keywords": list(article.tags),
    }
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def publisher(article: Article) -> dict[str, str]:
    name = article.source.name or article.source.domain
    if not name:
        return {}
    data = {"@type": "Organization", "name": name}
    if is_web_url(article.source.url):
        data["url"] = article.source.url
    return data


def image_object(site: Site, image: Image) -> dict[str, str]:
    data = {"@type": "ImageObject", "contentUrl": image_url(site, image), "caption": image.caption,
            "creditText": image.credit}
    return {k: v for k, v in data.items() if v}


def script_json(data: dict[str, Any]) -> str:
    """JSON that is safe inside a <script> element whatever the strings contain."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    for char, escaped in SCRIPT_UNSAFE.items():
        text = text.replace(char, escaped)
    return text


def opengraph(article: Article, site: Site) -> list[tuple[str, str]]:
    """OpenGraph (property, content) pairs; empty without a base URL, as og:url must be absolute."""
    if not site.config.base_url:
        return []
    pairs = [("og:type", "article"), ("og:title", article.title), ("og:url", site_url(site, article_path(article))),
             ("og:site_name", site.config.title), ("og:description", article.summary)]
    pairs += [("og:image", url) for url in (image_url(site, i) for i in article.images) if url]
    if article.published:
        pairs.append(("article:published_time", article.published.isoformat()))
    if article.updated:
        pairs.append(("article:modified_time", article.updated.isoformat()))
    pairs += [("article:tag", tag) for tag in article.tags]
    return [(prop, content) for prop, content in pairs if content]
