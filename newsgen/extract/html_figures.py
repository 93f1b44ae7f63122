"""Images of a page with their captions and credits: <figure>/<figcaption>, and captions set apart by name.

A credit is read from the element the page marks as one (class "credit",
"copyright", "photographer"...); otherwise the caption's own text is split by
the same recognisers the text loader uses ("Photo: X/Agency", "X/Getty Images"),
so a caption reads the same whichever kind of file it came from.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Image
from .captions import caption_of, credit_only
from .html_tree import Element, attached, name_tokens, safe_url, text_of

# Class/id tokens of the element holding a caption's credit.
CREDIT_TOKENS = frozenset("credit credits copyright photographer attribution source byline".split())
# Class/id tokens of a caption outside a <figure> (galleries, older templates).
CAPTION_TOKENS = frozenset("caption figcaption wp-caption-text".split())
# Attributes lazy-loading scripts keep the real image address in, before `src` (often a placeholder).
SRC_ATTRIBUTES = ("data-src", "data-original", "data-lazy-src", "data-full-src", "src")


@dataclass(frozen=True, slots=True)
class Figure:
    """An image found on the page, and the elements it sat inside (to tell the story's own from others)."""

    image: Image
    ancestors: tuple[Element, ...]


def take_figures(root: Element, base: str) -> list[Figure]:
    """Every figure and stand-alone caption, read and then removed from the tree (they are not body text)."""
    figures: list[Figure] = []
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element is root or not attached(element, root):
            continue
        if element.tag == "figure" or _is_caption(element):
            image = image_of(element, base)
            if image is not None:
                figures.append(Figure(image, tuple(element.iterancestors())))
            element.drop_tree()
    return figures


def _is_caption(element: Element) -> bool:
    names = set(name_tokens(element.get("class", "") + " " + element.get("id", "")))
    return bool(names & CAPTION_TOKENS) and element.find(".//p") is None or element.tag == "figcaption"


def image_of(element: Element, base: str) -> Image | None:
    """The image a figure shows: its address, caption, credit and dateline; None when it has neither."""
    src = image_src(element, base)
    caption_element = element if element.tag == "figcaption" else element.find(".//figcaption")
    credits = [c for c in element.iter() if isinstance(c.tag, str) and _is_credit(c)]
    credit = " ".join(t for t in (text_of(c) for c in credits) if t)
    for c in credits:
        if c is not element:  # a caption that is its own credit leaves with the figure, below
            c.drop_tree()
    caption = text_of(caption_element) if caption_element is not None else (
        text_of(element) if element.tag != "figure" else "")
    if not (src or caption or credit):
        return None
    return split_caption(caption, credit_only(credit) or credit, src)


def split_caption(caption: str, credit: str, src: str) -> Image:
    """A caption split into caption, credit and dateline the way the text loader splits caption lines."""
    parsed = caption_of(caption) if caption else None
    if parsed is not None:
        return Image(parsed.caption, credit or parsed.credit, parsed.dateline, src)
    alone = credit_only(caption) if caption and not credit else None
    if alone:
        return Image("", alone, "", src)
    return Image(caption, credit, "", src)


def image_src(element: Element, base: str) -> str:
    images = [element] if element.tag == "img" else list(element.iter("img"))
    for img in images:
        for attribute in SRC_ATTRIBUTES:
            url = safe_url(img.get(attribute), base)
            if url:
                return url
        srcset = (img.get("srcset") or img.get("data-srcset") or "").split(",")[0].split()
        if srcset and safe_url(srcset[0], base):
            return safe_url(srcset[0], base)
    return ""


def _is_credit(element: Element) -> bool:
    return bool(set(name_tokens(element.get("class", "") + " " + element.get("id", ""))) & CREDIT_TOKENS)
