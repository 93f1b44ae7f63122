"""`newsgen import`: a scraped `.txt` or `.html` made into a reviewed, editable `.md` article.

The loader reads the original as a build would; the record is written back as
YAML front matter (every stated field) and a Markdown body (its blocks, with
its citations as links), so a person can correct what the loader got wrong and
keep the correction. The original is never changed, an existing article is never
overwritten, and the front matter records the original's path and sha256 digest.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from .config import SiteConfig
from .errors import SourceError
from .loaders import load_bytes, read_bytes
from .records import Article, Block, Citation, iso
from .sources import SourceFile, file_digest

# What the original is called when it is read from standard input.
STDIN_NAME = "-"
# Kinds of original the importer reads (a Markdown article is already the reviewed form).
IMPORTABLE = (".txt", ".html", ".htm")
# Characters that start Markdown syntax wherever they stand; each is written with a backslash.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]{}|])")
# A line opening that Markdown reads as a heading, quote, list item or rule; its mark gets a backslash.
BLOCK_OPENING = re.compile(r"^(\s*\d*)([#>+=.)-])")
SLUG_CHARS = re.compile(r"[^\w]+")
MAX_SLUG_CHARS = 60


def import_article(original: str, data: bytes, articles_dir: Path, config: SiteConfig) -> Path:
    """Write `articles_dir/NAME.md` for one original (a path, or "-" with the pasted bytes); return its path."""
    name = "stdin.txt" if original == STDIN_NAME else Path(original).name
    if Path(name).suffix.lower() not in IMPORTABLE:
        raise SourceError(f"only {', '.join(IMPORTABLE)} files can be imported", original)
    digest = file_digest(data)
    record = load_bytes(data, SourceFile(Path(name), name, digest), config)
    stem = slug_of(record.title) if original == STDIN_NAME else Path(name).stem
    target = articles_dir / f"{stem or digest[:12]}.md"
    text = markdown_article(record, original if original == STDIN_NAME else str(Path(original).resolve()), digest)
    articles_dir.mkdir(parents=True, exist_ok=True)
    try:
        with target.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise SourceError(f"{target} already exists; it is never overwritten (move it or edit it)",
                          original) from None
    return target


def read_original(original: str, stdin: bytes | None = None) -> bytes:
    """The original's bytes: the file's, or standard input's for "-"."""
    if original == STDIN_NAME:
        if not stdin:
            raise SourceError("nothing was pasted on standard input", original)
        return stdin
    path = Path(original)
    return read_bytes(path, original)[0]


def markdown_article(record: Article, original: str, digest: str) -> str:
    front = front_matter(record)
    front["original"] = original
    front["original_digest"] = digest
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{dumped}---\n\n{markdown_body(record.body, record.citations)}"


def front_matter(record: Article) -> dict[str, Any]:
    """Every field the record states, in front-matter form; empty fields are left out."""
    values: dict[str, Any] = {
        "title": record.title,
        "summary": record.summary,
        "published": iso(record.published),
        "updated": iso(record.updated),
        "authors": list(record.authors),
        "contributors": list(record.contributors),
        "source": {k: v for k, v in record.source.to_dict().items() if v},
        "url": record.url,
        "language": record.language,
        "dateline": record.dateline,
        "tags": list(record.tags),
        "images": [{k: v for k, v in image.to_dict().items() if v} for image in record.images],
        "notes": list(record.notes),
        "corrections": list(record.corrections),
    }
    return {key: value for key, value in values.items() if value}


def markdown_body(blocks: tuple[Block, ...], citations: tuple[Citation, ...]) -> str:
    """The blocks as Markdown, each block's citations as links on their anchor text (or after the block)."""
    parts = [markdown_block(block, [c for c in citations if c.block == i]) for i, block in enumerate(blocks)]
    return "\n\n".join(p for p in parts if p) + "\n"


def markdown_block(block: Block, citations: list[Citation]) -> str:
    if block.type == "list":
        return "\n".join(f"- {escaped(item)}" for item in block.items or block.text.splitlines())
    text = linked(escaped(block.text), citations)
    if block.type == "heading":
        return f"## {text}"
    if block.type == "quote":
        return "\n".join(f"> {line}" for line in text.splitlines())
    return BLOCK_OPENING.sub(r"\1\\\2", text, count=1) if _opens_block(text) else text


def _opens_block(text: str) -> bool:
    """Markdown would read the text's opening as block syntax ("# ", "> ", "- ", "1. ")."""
    match = BLOCK_OPENING.match(text)
    return match is not None and (match.group(1).strip().isdigit() == (match.group(2) in ".)"))


def linked(text: str, citations: list[Citation]) -> str:
    """Each citation as a Markdown link on the first copy of its anchor text, else in brackets after the text."""
    trailing = []
    for citation in citations:
        anchor = escaped(citation.text) if citation.text else ""
        link = f"[{anchor}](<{citation.url}>)"
        if anchor and anchor in text:
            text = text.replace(anchor, link, 1)
        else:
            trailing.append(f"([{anchor or 'source'}](<{citation.url}>))")
    return " ".join([text, *trailing])


def escaped(text: str) -> str:
    """Text that Markdown shows as written: its markup characters escaped, `&` and `<` as entities."""
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def slug_of(title: str) -> str:
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return SLUG_CHARS.sub("-", ascii_title.lower()).strip("-")[:MAX_SLUG_CHARS].rstrip("-")
