"""A scraped page as a tree, with the page around the story taken out and listed.

The page is parsed once with lxml (fast, forgiving of broken markup). Elements
that are never story text go in two passes, each removal recorded with its
reason so the loader's `dropped` audit shows what was cut: first by tag
(scripts, styles, forms, navigation), then by the names a site gives its
furniture in `class`/`id`/`role` (related stories, comments, cookie banners,
ads). Names are read as tokens, so "ad" never matches "header" or "read".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from ..errors import SourceError
from ..records import Dropped

Element = lxml_html.HtmlElement

# Characters XML text cannot hold: lxml parses them into the tree but refuses them when the tree is edited.
NOT_XML_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Elements that never hold story text, with the reason the audit gives.
TAG_REASONS = {
    "script": "script", "style": "style", "noscript": "script fallback", "template": "template",
    "iframe": "embedded frame", "frame": "embedded frame", "object": "embedded object", "embed": "embedded object",
    "applet": "embedded object", "svg": "graphic", "canvas": "graphic", "map": "graphic", "audio": "media player",
    "video": "media player", "form": "form", "button": "form control", "input": "form control",
    "select": "form control", "textarea": "form control", "label": "form control", "nav": "navigation",
    "aside": "aside", "footer": "footer", "header": "page header", "dialog": "dialog", "menu": "navigation",
    "link": "markup", "meta": "markup", "base": "markup", "title": "markup", "head": "markup",
}
# Code and embeds are described, not quoted: the audit holds text a reader can judge, never code.
DESCRIBED = frozenset("script style noscript template svg canvas iframe frame object embed applet audio video".split())
# The document's head is not page content: removed without an audit line (its metadata is read before).
UNLISTED = frozenset({"head", "link", "meta", "base", "title"})

# Class/id/role tokens naming page furniture, by reason (tokens are lower-case words split at non-letters).
TOKEN_REASONS: dict[str, frozenset[str]] = {
    "navigation": frozenset("nav navbar navigation menu menubar breadcrumb breadcrumbs pagination pager skip "
                            "skiplink masthead toolbar tabs".split()),
    "related stories": frozenset("related recommended recommendations recirculation trending popular mostread "
                                 "outbrain taboola teaser teasers promo promos morestories readmore "
                                 "readnext".split()),
    "comments": frozenset("comment comments disqus discussion replies respond reactions".split()),
    "share buttons": frozenset("share sharing social sharebar socials addthis".split()),
    "cookie banner": frozenset("cookie cookies consent gdpr cmp".split()),
    "newsletter": frozenset("newsletter subscribe subscription signup".split()),
    "advertisement": frozenset("ad ads advert adverts advertisement advertising adslot adunit dfp sponsor "
                               "sponsored commercial banner".split()),
    "sidebar": frozenset("sidebar rail widget widgets".split()),
    "footer": frozenset("footer copyright".split()),
    "hidden": frozenset("hidden hide invisible srOnly sronly screenreader visuallyhidden offscreen "
                        "modal popup overlay lightbox".lower().split()),
    "tags": frozenset("tags taglist keywords topics".split()),
    "author card": frozenset("bio authorbio".split()),
}
TOKEN_REASON = {token: reason for reason, tokens in TOKEN_REASONS.items() for token in tokens}
# ARIA roles that mark furniture.
ROLE_REASONS = {"navigation": "navigation", "banner": "page header", "contentinfo": "footer",
                "complementary": "aside", "search": "form", "dialog": "dialog", "alertdialog": "dialog"}
TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# These hold the story itself: never removed by their furniture-like names ("comments-open" on <body>).
KEEP_TAGS = frozenset({"html", "body", "main", "article"})
# A furniture-named element that holds this share of the page's running text holds the story.
STORY_SHARE = 0.5
# Outside <p>, a run of text between two tags this long is prose; shorter runs are labels, counters, menus.
PROSE_RUN_CHARS = 80
# A page with less paragraph text than this sets its story some other way.
MIN_PARAGRAPH_CHARS = 400
# Dropped text is cut to this many characters: enough to recognise, not a copy of the page.
DROPPED_CHARS = 160
SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Page:
    """The parsed page (the original tree, for metadata) and its story-side copy with the furniture gone."""

    root: Element
    dropped: tuple[Dropped, ...]


def parse_page(text: str, path: str) -> Element:
    """The page's tree; markup that cannot be read at all (or nests past the parser's limits) is a SourceError."""
    parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                                  collect_ids=False)
    try:
        root = lxml_html.document_fromstring(NOT_XML_TEXT.sub("", text).encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise SourceError(f"the page cannot be read as HTML: {exc}", path) from None
    except RecursionError:
        raise SourceError("the page nests its markup too deeply to read", path) from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        raise SourceError("the page nests its markup deeper than the parser's limit (256 levels); "
                          "it is cut off there, so it is not read at all", path)
    if root is None or not isinstance(root.tag, str):
        raise SourceError("the page cannot be read as HTML: no elements", path)
    return root


def cleaned(root: Element) -> Page:
    """The page with its furniture removed, and each removal with its reason, in page order."""
    dropped: list[Dropped] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        reason = TAG_REASONS.get(element.tag)
        if reason and attached(element, root):
            dropped.append(_dropped(element, reason))
            element.drop_tree()
    weights = prose_weights(root)
    for element in list(root.iter()):
        if not attached(element, root):
            continue
        reason = furniture_reason(element)
        if reason and not _holds_story(element, weights):
            dropped.append(_dropped(element, reason))
            element.drop_tree()
    return Page(root, tuple(d for d in dropped if d.text))


def attached(element: Element, root: Element) -> bool:
    """Still in the tree: not gone with an ancestor removed earlier in the same pass."""
    top = element
    for top in element.iterancestors():
        pass
    return top is root or element is root


def furniture_reason(element: Element) -> str | None:
    """Why an element is page furniture, from its role, hidden state and class/id names; None for story."""
    if element.tag in KEEP_TAGS:
        return None
    attrib = element.attrib
    role = ROLE_REASONS.get(attrib.get("role", "").strip().lower())
    if role:
        return role
    if "hidden" in attrib or attrib.get("aria-hidden") == "true" or HIDDEN_STYLE.search(attrib.get("style", "")):
        return "hidden"
    for token in name_tokens(attrib.get("class", "") + " " + attrib.get("id", "")):
        reason = TOKEN_REASON.get(token)
        if reason:
            return reason
    return None


def name_tokens(names: str) -> Iterable[str]:
    """A class/id string as lower-case words: "relatedStories ad-slot" -> related, stories, ad, slot."""
    return (t for t in TOKEN_SPLIT.split(CAMEL.sub(" ", names).lower()) if t)


def _holds_story(element: Element, weights: dict[Element, int]) -> bool:
    return weights[element] >= STORY_SHARE * weights[element.getroottree().getroot()] > 0


def prose_weights(root: Element) -> dict[Element, int]:
    """Characters of story-like text under each element: the text of its paragraphs or, on a page that
    sets its story without <p> (text and <br>s in a <div>), its runs of text long enough to be prose.

    One pass from the leaves up, so asking any element's weight afterwards is a look-up.
    """
    weights = _weights(root, by_paragraph=True)
    if weights.get(root, 0) >= MIN_PARAGRAPH_CHARS:
        return weights
    return _weights(root, by_paragraph=False)


def _weights(root: Element, by_paragraph: bool) -> dict[Element, int]:
    weights: dict[Element, int] = {}
    for element in reversed(list(root.iter())):
        if not isinstance(element.tag, str):
            continue
        if by_paragraph and element.tag == "p":
            weights[element] = len(element.text_content())
            continue
        own = 0 if by_paragraph or element.tag == "a" else _prose_len(element.text)
        for child in element:
            own += weights.get(child, 0) + (0 if by_paragraph else _prose_len(child.tail))
        weights[element] = own
    return weights


def _prose_len(text: str | None) -> int:
    if not text:
        return 0
    size = len(text.strip())
    return size if size >= PROSE_RUN_CHARS else 0


def _dropped(element: Element, reason: str) -> Dropped:
    if element.tag in UNLISTED:
        return Dropped("", reason)
    if element.tag in DESCRIBED:
        size = len(element.text_content())
        text = f"<{element.tag}> ({size:,} characters)" if size else f"<{element.tag}>"
        return Dropped(text, reason, element.sourceline)
    return Dropped(shortened(spaced_text(element)), reason, element.sourceline)


def text_of(element: Element) -> str:
    """An element's visible text with its whitespace collapsed."""
    return SPACES.sub(" ", element.text_content()).strip()


def spaced_text(element: Element) -> str:
    """An element's text pieces joined by spaces: the items of a removed menu stay apart ("Home Local")."""
    return SPACES.sub(" ", " ".join(element.itertext())).strip()


def shortened(text: str, limit: int = DROPPED_CHARS) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"


def safe_url(value: str | None, base: str = "") -> str:
    """An http(s) URL resolved against the page's address, or "" (javascript:, data: and the like never pass)."""
    value = (value or "").strip()
    if not value or value.startswith("#"):
        return ""
    try:
        url = urljoin(base, value) if base else value
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in url for c in "<>\"' \t\n"):
        return ""
    return url
