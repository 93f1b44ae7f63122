"""Site configuration: `newsgen.yaml` validated into one frozen object.

Every option is declared once, with its type, default and a line saying what it
is for; validation reports every bad key at once so a user fixes the file in
one pass.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from .errors import ConfigError

CONFIG_NAME = "newsgen.yaml"
# The ways articles are grouped, each with pages of its own; the site model defines what each one reads.
TAXONOMIES = ("tags", "sources", "authors", "people", "places", "organizations")
# The taxonomies whose terms have feeds unless the site says otherwise: readers follow a topic or a
# publisher, rarely a single entity.
TOPIC_FEEDS = ("tags", "sources")
# The taxonomies whose names come from named-entity extraction.
ENTITY_TAXONOMIES = ("people", "places", "organizations")


@dataclass(frozen=True, slots=True)
class SiteConfig:
    title: str = "News archive"
    """Shown in every page's header and in feeds."""
    description: str = ""
    """One line about the archive, for the home page and feeds."""
    language: str = "en"
    """The site's language (ISO 639-1), for `<html lang>` and articles whose language is unknown."""
    timezone: str = "UTC"
    """IANA name used for dates written without an offset."""
    base_url: str = ""
    """Absolute URL the site is published at; needed only for feeds, sitemap and canonical links."""
    per_page: int = 20
    """Articles per listing page."""
    about: str = ""
    """Markdown text of the about page."""
    author: str = ""
    """The archive's keeper, for feeds."""
    articles_dir: str = "articles"
    """Where the articles are, relative to the site folder."""
    taxonomies: tuple[str, ...] = TAXONOMIES
    """The groupings that get index and listing pages; the rest still count for related articles."""
    search: bool = True
    """Whether to write the Pagefind search index and the search page."""
    entities: bool = True
    """Whether to find people, places and organisations in each article's text (about half of loading)."""
    topic_feeds: tuple[str, ...] = TOPIC_FEEDS
    """The taxonomies each of whose terms gets feeds of its own beside the archive's (with a base URL)."""

    def tzinfo(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def fingerprint(self, *names: str) -> str:
        """A digest of the named options, to key caches on exactly what a stage reads."""
        chosen = {n: getattr(self, n) for n in (names or self.option_names())}
        return hashlib.sha256(json.dumps(chosen, sort_keys=True).encode()).hexdigest()[:16]

    @staticmethod
    def option_names() -> tuple[str, ...]:
        return tuple(f.name for f in dataclasses.fields(SiteConfig))


FIELD_TYPES: dict[str, type] = {"per_page": int, "search": bool, "entities": bool, "taxonomies": list,
                                "topic_feeds": list}


def load_config(site_dir: Path) -> SiteConfig:
    """Read `newsgen.yaml` in the site folder; without one, the defaults."""
    path = site_dir / CONFIG_NAME
    if not path.is_file():
        return SiteConfig()
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ConfigError([f"not valid YAML: {exc}"], path if line is None else f"{path}:{line + 1}") from None
    return config_from_mapping(raw if raw is not None else {}, path)


def config_from_mapping(raw: Any, path: Path | str = CONFIG_NAME) -> SiteConfig:
    if not isinstance(raw, dict):
        raise ConfigError(["the file must be a mapping of option: value"], path)
    problems = [p for key, value in raw.items() for p in option_problems(str(key), value)]
    problems += [] if problems else cross_problems(raw)
    if problems:
        raise ConfigError(problems, path)
    values = {k: (v.rstrip("/") if k == "base_url" else v) for k, v in raw.items()}
    values["taxonomies"] = chosen_taxonomies(raw)
    if "topic_feeds" in values:
        values["topic_feeds"] = tuple(n for n in TAXONOMIES if n in values["topic_feeds"])
    else:
        values["topic_feeds"] = tuple(n for n in TOPIC_FEEDS if n in values["taxonomies"])
    return SiteConfig(**values)


def chosen_taxonomies(raw: dict[str, Any]) -> tuple[str, ...]:
    """The taxonomies with pages: those listed, else all but the entity ones when entities are off."""
    if "taxonomies" in raw:
        return tuple(n for n in TAXONOMIES if n in raw["taxonomies"])
    if raw.get("entities") is False:
        return tuple(n for n in TAXONOMIES if n not in ENTITY_TAXONOMIES)
    return TAXONOMIES


def option_problems(key: str, value: Any) -> list[str]:
    names = SiteConfig.option_names()
    if key not in names:
        return [f"unknown option '{key}' (known: {', '.join(names)})"]
    expected = FIELD_TYPES.get(key, str)
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        return [f"'{key}' must be {expected.__name__}, got {type(value).__name__} {value!r}"]
    return value_problems(key, value)


def cross_problems(raw: dict[str, Any]) -> list[str]:
    """Options that are each valid but contradict each other."""
    empty = [n for n in raw.get("taxonomies", ()) if n in ENTITY_TAXONOMIES]
    if raw.get("entities") is False and empty:
        return [f"'taxonomies' has {', '.join(empty)}, but with 'entities: false' no article names any: "
                f"leave them out or turn entities on"]
    pageless = [n for n in raw.get("topic_feeds", ()) if n not in chosen_taxonomies(raw)]
    if pageless:
        verb, pronoun = ("has", "it") if len(pageless) == 1 else ("have", "them")
        return [f"'topic_feeds' has {', '.join(pageless)}, which {verb} no pages: add {pronoun} to 'taxonomies' "
                f"or leave {pronoun} out"]
    return []


def value_problems(key: str, value: Any) -> list[str]:
    if key == "per_page" and value < 1:
        return ["'per_page' must be at least 1"]
    if key == "timezone":
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            return [f"'timezone' {value!r} is not an IANA time zone name such as Europe/Paris"]
    if key in ("taxonomies", "topic_feeds"):
        unknown = [n for n in value if n not in TAXONOMIES]
        if unknown:
            return [f"'{key}' has unknown names {unknown!r} (known: {', '.join(TAXONOMIES)})"]
    if key == "base_url" and value and not value.startswith(("http://", "https://")):
        return [f"'base_url' must start with http:// or https://, got {value!r}"]
    return []
