"""Pages to bytes: the Jinja environment and the rendering of each page.

Templates are looked up in the site's own `templates/` first, then in the
built-in theme, which also stays reachable as `default/NAME` so a site can
extend a built-in template instead of copying it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import Iterator

import jinja2

from .errors import BuildError
from .site import Page, Site, article_path


@dataclass(frozen=True, slots=True)
class OutputFile:
    """One file of the built site: its path below the output folder and its bytes."""

    path: str
    data: bytes


def theme_dir() -> Path:
    """The built-in theme shipped inside the package (top-level `templates/` in the repo)."""
    return Path(str(resources.files("newsgen.theme")))


def environment(site_templates: Path | None) -> jinja2.Environment:
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
    )
    env.filters["date"] = format_date
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    return env


def format_date(value: datetime | None, fmt: str = "%-d %B %Y") -> str:
    return value.strftime(fmt) if value else ""


def relative_root(page_path: str) -> str:
    """The prefix that leads from a page back to the site root, e.g. '../../'."""
    depth = page_path.count("/")
    return "../" * depth


def render_page(env: jinja2.Environment, page: Page, site: Site) -> OutputFile:
    try:
        template = env.get_template(page.template)
        html = template.render(page=page, site=site, config=site.config, root=relative_root(page.path),
                               url_of=lambda a: relative_root(page.path) + article_path(a), **page.extra)
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
    for page in site.pages:
        yield render_page(env, page, site)


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
