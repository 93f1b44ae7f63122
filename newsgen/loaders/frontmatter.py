"""YAML front matter and sidecar files: what a person states about an article.

Front matter always wins over extraction, so it is validated strictly: a wrong
type (a list for a title, 31 February) is a SourceError naming the key and its
line; an unknown key is only a warning, so a typo never loses an article. A date
or time without a UTC offset is read in the site's configured timezone, without
a warning: that is what a writer in the newsroom means by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any, Callable
from urllib.parse import urlsplit

import yaml

from ..errors import SourceError
from ..records import Image, Source

# libyaml's safe loader where installed: the same safe subset as yaml.safe_load, about ten times faster.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class FrontMatterLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, but a date-shaped value that is no date (2024-02-31) stays text, so the
    key's own check reports it with the key's name and line rather than the whole block failing."""


def timestamp_or_text(loader: yaml.BaseLoader, node: yaml.ScalarNode) -> date | datetime | str:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        return str(node.value)


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", timestamp_or_text)
FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """Validated values by record field name, the body after the block, and its first line number."""

    values: dict[str, Any]
    body: str
    body_line: int
    warnings: tuple[str, ...] = ()


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str, int]:
    """The raw front-matter mapping, the text after it, and the 1-based line the text starts on."""
    match = FENCE.match(text)
    if not match:
        return {}, text, 1
    raw = parse_yaml(match.group(1) or "", path, line_offset=1)
    return raw, text[match.end():], match.group(0).count("\n") + 1


def parse_yaml(text: str, path: str, line_offset: int = 0) -> dict[str, Any]:
    try:
        raw = yaml.load(text, Loader=FrontMatterLoader)  # noqa: S506 - a safe loader, as safe_load uses
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise SourceError(f"front matter is not valid YAML: {problem}", path, line) from None
    except ValueError as exc:
        raise SourceError(f"front matter has an impossible value: {exc}", path) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise SourceError("front matter must be a mapping of key: value", path)
    return {str(k): v for k, v in raw.items()}


def read_front_matter(text: str, path: str, tz: tzinfo, sidecar: dict[str, Any] | None = None) -> FrontMatter:
    raw, body, body_line = split_front_matter(text, path)
    merged = {**raw, **(sidecar or {})}
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in merged.items():
        field = ALIASES.get(key, key)
        if field not in COERCERS:
            warnings.append(f"unknown front-matter key '{key}' ignored")
            continue
        if value is None:
            continue
        try:
            values[field] = COERCERS[field](value, tz)
        except (TypeError, ValueError) as exc:
            if sidecar and key in sidecar:
                raise SourceError(f"sidecar key '{key}': {exc}", path) from None
            raise SourceError(f"front-matter key '{key}': {exc}", path, key_line(text, key)) from None
    return FrontMatter(values, body, body_line, tuple(warnings))


def key_line(text: str, key: str) -> int | None:
    """The file's line on which a top-level front-matter key is written (read again only for an error)."""
    match = FENCE.match(text)
    if not match or not match.group(1):
        return None
    try:
        node = yaml.compose(match.group(1), Loader=SAFE_LOADER)  # noqa: S506 - composing builds no objects
    except yaml.YAMLError:
        return None
    if not isinstance(node, yaml.MappingNode):
        return None
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
            return key_node.start_mark.line + 2  # marks count from 0, and the fence is line 1
    return None


def as_text(value: Any, tz: tzinfo | None = None) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    raise TypeError(f"must be text, got {type(value).__name__}")


def as_texts(value: Any, tz: tzinfo | None = None) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list):
        return tuple(t for t in (as_text(v) for v in value) if t)
    raise TypeError(f"must be a list of text, got {type(value).__name__}")


def as_paragraphs(value: Any, tz: tzinfo | None = None) -> tuple[str, ...]:
    """Notes and corrections: one text, or a list of them (a comma is not a separator)."""
    return (as_text(value),) if isinstance(value, str) else as_texts(value)


def as_bool(value: Any, tz: tzinfo | None = None) -> bool:
    if isinstance(value, bool):
        return value
    raise TypeError(f"must be true or false, got {value!r}")


def as_datetime(value: Any, tz: tzinfo) -> datetime:
    """Dates without a time are midnight; datetimes without an offset are in the site's zone."""
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, date):
        parsed = datetime.combine(value, time())
    elif isinstance(value, str):
        parsed = parse_date_text(value.strip())
    else:
        raise TypeError(f"must be a date such as 2024-05-01 or 2024-05-01T09:30:00+02:00, got {value!r}")
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=tz)


def parse_date_text(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        why = "" if str(exc).startswith("Invalid isoformat") else f" ({exc})"
        raise ValueError(f"{value!r} is not a valid date{why}; write it as 2024-05-01 or "
                         "2024-05-01T09:30:00+02:00") from None


def as_source(value: Any, tz: tzinfo | None = None) -> Source:
    if isinstance(value, str):
        return source_from_text(value)
    if isinstance(value, dict):
        unknown = set(value) - {"name", "domain", "url"}
        if unknown:
            raise ValueError(f"unknown keys {sorted(unknown)} (use name, domain, url)")
        url = as_text(value.get("url", ""))
        domain = as_text(value.get("domain", "")) or domain_of(url)
        return Source(as_text(value.get("name", "")) or domain, domain, url)
    raise TypeError(f"must be a name, a domain or a mapping with name/domain/url, got {type(value).__name__}")


def source_from_text(value: str) -> Source:
    value = value.strip()
    if value.startswith(("http://", "https://")):
        return Source(domain_of(value), domain_of(value), value)
    if re.fullmatch(r"[\w-]+(\.[\w-]+)+", value):
        return Source(value, value.lower(), "")
    return Source(value, "", "")


def domain_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


def as_images(value: Any, tz: tzinfo | None = None) -> tuple[Image, ...]:
    if not isinstance(value, list):
        raise TypeError(f"must be a list of images, got {type(value).__name__}")
    return tuple(as_image(v) for v in value)


def as_image(value: Any) -> Image:
    if isinstance(value, str):
        return Image(src=value.strip())
    if not isinstance(value, dict):
        raise TypeError(f"each image must be a path or a mapping, got {type(value).__name__}")
    unknown = set(value) - {"src", "caption", "credit", "dateline"}
    if unknown:
        raise ValueError(f"unknown image keys {sorted(unknown)} (use src, caption, credit, dateline)")
    return Image(**{k: as_text(v) for k, v in value.items() if v is not None})


def as_url(value: Any, tz: tzinfo | None = None) -> str:
    url = as_text(value)
    if url and not url.startswith(("http://", "https://")):
        raise ValueError(f"{url!r} is not an http(s) URL")
    return url


def as_slug_text(value: Any, tz: tzinfo | None = None) -> str:
    return as_text(value)


COERCERS: dict[str, Callable[[Any, tzinfo], Any]] = {
    "title": as_text,
    "summary": as_text,
    "language": as_text,
    "published": as_datetime,
    "updated": as_datetime,
    "authors": as_texts,
    "contributors": as_texts,
    "source": as_source,
    "url": as_url,
    "tags": as_texts,
    "dateline": as_text,
    "notes": as_paragraphs,
    "corrections": as_paragraphs,
    "images": as_images,
    "slug": as_slug_text,
    "draft": as_bool,
    "original": as_text,
    "original_digest": as_text,
}

ALIASES = {"date": "published", "author": "authors", "modified": "updated", "lang": "language",
           "description": "summary", "headline": "title", "tag": "tags", "keywords": "tags",
           "publisher": "source", "canonical": "url"}


# A loader's warning that a front-matter value makes moot, by the field that answers it.
ANSWERED = {"no headline was found": "title"}


def overridden(fields: dict[str, Any], front: FrontMatter) -> dict[str, Any]:
    """Extracted fields with the front matter's values on top, and where each came from."""
    values = dict(front.values)
    provenance = dict(fields.get("provenance", ()))
    for key in ("original", "original_digest"):
        if key in values:
            provenance[key] = values.pop(key)
    for key in values:
        provenance[key] = "front_matter"
    if "published" in values or "updated" in values:
        values["date_source"] = "front_matter"
    merged = {**fields, **values}
    merged["warnings"] = tuple(w for w in fields.get("warnings", ()) if ANSWERED.get(w) not in values) + front.warnings
    merged["provenance"] = tuple(sorted(provenance.items()))
    return merged
