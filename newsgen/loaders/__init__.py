"""Loaders: one module per input kind, each turning a file's bytes into an Article.

`load_file` is the one entry point: it reads the file and its sidecar, picks the
loader by suffix, and fills in what every kind shares (language, entities, the
undated warning), so later stages never know which kind a record came from.
"""

from __future__ import annotations

import dataclasses
import importlib
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from ..config import SiteConfig
from ..errors import SourceError
from ..records import Article
from ..sources import SourceFile, file_digest, sidecar_for
from .decode import decode
from .frontmatter import parse_yaml

Loader = Callable[[str, SourceFile, SiteConfig, dict[str, Any]], Article]

# The loader module of each suffix, imported on first use: the extraction rules and the HTML parser
# take about half a second to import, which a build whose articles all come from the cache never pays.
LOADER_MODULES: dict[str, str] = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}


def loader_for(suffix: str) -> Loader | None:
    """The loader of a suffix, with what every loader's record is enriched by, imported."""
    name = LOADER_MODULES.get(suffix.lower())
    if name is None:
        return None
    importlib.import_module("..extract.entities", __name__)
    importlib.import_module("..extract.language", __name__)
    return importlib.import_module(f".{name}", __name__).load  # type: ignore[no-any-return]

# A file larger than this is refused rather than risk a build that never ends.
MAX_BYTES = 20 * 1024 * 1024


def load_file(path: Path, articles_dir: Path, config: SiteConfig) -> Article:
    return load_source(read_source(path, articles_dir), config)


@dataclass(frozen=True, slots=True)
class RawSource:
    """A file's bytes and its sidecar's, read once: the digest keys the cache before any parsing."""

    source: SourceFile
    data: bytes
    sidecar: bytes


def read_source(path: Path, articles_dir: Path) -> RawSource:
    rel = path.relative_to(articles_dir).as_posix() if path.is_relative_to(articles_dir) else str(path)
    data, sidecar = read_bytes(path, rel)
    return RawSource(SourceFile(path, rel, file_digest(data + sidecar)), data, sidecar)


def load_source(raw: RawSource, config: SiteConfig) -> Article:
    sidecar = parse_yaml(raw.sidecar.decode("utf-8", "replace"), raw.source.rel) if raw.sidecar else {}
    return load_bytes(raw.data, raw.source, config, sidecar)


def load_bytes(data: bytes, source: SourceFile, config: SiteConfig, sidecar: dict[str, Any] | None = None) -> Article:
    loader = loader_for(Path(source.rel).suffix)
    if loader is None:
        raise SourceError(f"no loader for '{Path(source.rel).suffix}' files", source.rel)
    article = loader(decode(data, source.rel), source, config, sidecar or {})
    return enriched(article, config)


def read_bytes(path: Path, rel: str) -> tuple[bytes, bytes]:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
            raise SourceError("not a regular file (a pipe, socket or device): reading it could wait forever", rel)
        if info.st_size > MAX_BYTES:
            raise SourceError(f"the file is larger than {MAX_BYTES // 2**20} MB", rel)
        data = path.read_bytes()
        sidecar = sidecar_for(path)
        return data, (sidecar.read_bytes() if sidecar else b"")
    except IsADirectoryError:
        raise SourceError("a folder, not a file", rel) from None
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", rel) from None


def enriched(article: Article, config: SiteConfig) -> Article:
    """What every loader's record gets the same way: language, entities (unless the site turns
    extraction off), the undated warning."""
    from ..extract.entities import entities_of
    from ..extract.language import language_of

    changes: dict[str, Any] = {}
    if not article.language:
        changes["language"] = language_of(article.title + "\n" + article.body_text()) or config.language
    if config.entities and not (article.entities.people or article.entities.places
                                or article.entities.organizations):
        changes["entities"] = entities_of(article, changes.get("language", article.language))
    if article.published is None and not any("undated" in w for w in article.warnings):
        changes["warnings"] = article.warnings + ("undated: no publication date was found in the file",)
    return dataclasses.replace(article, **changes) if changes else article
