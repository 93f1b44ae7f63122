"""The command line: the only place that prints to the user and picks exit codes."""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress
from rich.markup import escape

from . import __version__
from .build import BuildOptions, BuildReport, Progress, build
from .config import SiteConfig, load_config
from .errors import ConfigError, NewsgenError
from .loaders import load_file
from .records import Article
from .report import has_warnings, report_json
from .sources import ARTICLE_SUFFIXES, SIDECAR_SUFFIXES

if TYPE_CHECKING:
    from .serve import ServeEvent

err = Console(stderr=True, highlight=False)
out = Console(highlight=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsgen")
def main() -> None:
    """newsgen turns a folder of scraped news articles into a static HTML archive."""


site_option = click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
                           show_default=True, help="The site folder (holds articles/, newsgen.yaml, templates/).")


@main.command("build")
@site_option
@click.option("--output", "output_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the site [default: SITE/build].")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Worker processes (default: one per core; 1: build in this process).")
@click.option("--clean", is_flag=True, help="Ignore the cache and the previous site: load, render and write all.")
@click.option("--strict", is_flag=True, help="Exit with status 1 on any warning too, not only on a failed article.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the build report as JSON to this file (it is always in BUILD/.newsgen/report.json).")
def build_command(site_dir: Path, output_dir: Path | None, jobs: int, clean: bool, strict: bool,
                  report_file: Path | None) -> None:
    """Build the site from articles/ into build/."""
    options = BuildOptions(output_dir=output_dir, jobs=jobs, clean=clean)
    try:
        with progress_bars() as progress:
            report = build(site_dir, options, progress=progress)
    except NewsgenError as exc:
        fail(exc)
    show_report(report)
    if report_file is not None:
        save_report(report, report_file)
    if strict and not report.failed and has_warnings(report):
        err.print("[red]strict[/red] the build has warnings, so it fails (--strict)")
    sys.exit(1 if report.failed or (strict and has_warnings(report)) else 0)


def save_report(report: BuildReport, path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report_json(report), encoding="utf-8")
    except OSError as exc:
        err.print(f"[red]error[/red] cannot write the report to {escape(str(path))}: {escape(exc.strerror or str(exc))}")
        sys.exit(2)


@main.command("serve")
@site_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback lets other machines read the preview.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@click.option("--output", "output_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to build the site [default: SITE/build].")
@click.option("--base-path", default="/", show_default=True,
              help="Serve the site below this path (e.g. /archive/) to check a sub-path deployment.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0,
              help="Worker processes per build (default: one per core; 1: build in this process).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the web browser.")
def serve_command(site_dir: Path, host: str, port: int, output_dir: Path | None, base_path: str, jobs: int,
                  open_browser: bool) -> None:
    """Build the site, serve it, and rebuild and reload open pages on every change."""
    import webbrowser

    from .serve import Preview, ServeOptions, is_loopback  # the server's modules cost every build 60 ms

    if not is_loopback(host):
        err.print(f"[yellow]warning[/yellow] listening on {escape(host)}: anyone who can reach it can read the preview")
    options = ServeOptions(host=host, port=port, base_path=base_path, output_dir=output_dir, jobs=jobs)
    try:
        preview = Preview(site_dir, options, on_event=show_serve_event)
        preview.start()
    except NewsgenError as exc:
        fail(exc)
    err.print(f"serving [bold]{escape(preview.url)}[/bold] (Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(preview.url)
    try:
        preview.wait()
    except KeyboardInterrupt:
        err.print("stopping")
    finally:
        preview.stop()
    sys.exit(0)


def show_serve_event(event: ServeEvent) -> None:
    """The first build in full; after that one line per rebuild, plus what failed."""
    from .serve import RebuildFailed

    if isinstance(event, RebuildFailed):
        err.print(f"[red]error[/red] {escape(event.error.message())}")
        err.print("still serving the last good site; fix the file and it rebuilds")
        return
    if not event.changes:
        show_report(event.report)
        return
    report = event.report
    for outcome in report.outcomes:
        if outcome.status == "failed":
            where = f"{outcome.path}:{outcome.line}" if outcome.line else outcome.path
            err.print(f"[red]failed[/red]  {escape(where)}: {escape(outcome.reason)}")
    more = f" and {len(event.changes) - 1} more" if len(event.changes) > 1 else ""
    err.print(f"rebuilt after a change to {escape(Path(event.changes[0]).name)}{more}: {report.rendered} pages "
              f"rendered, {report.count('failed')} articles failed; {report.seconds:.2f} s")


@contextmanager
def progress_bars() -> Iterator[Progress | None]:
    """A bar per stage on a terminal; nothing when the output is a file or a pipe."""
    if not err.is_terminal:
        yield None
        return
    with RichProgress(TextColumn("{task.description:<7}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=True) as bars:
        tasks: dict[str, TaskID] = {}

        def advance(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bars.add_task(stage, total=total)
            bars.update(tasks[stage], completed=done)

        yield advance


@main.command("parse")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the records as a JSON array.")
@click.option("--site", "site_dir", type=click.Path(file_okay=False, path_type=Path), default=".",
              help="Site folder whose newsgen.yaml applies (time zone, language).")
def parse_command(files: tuple[Path, ...], as_json: bool, site_dir: Path) -> None:
    """Show what newsgen reads from each FILE: the kept story and what was dropped."""
    config = config_or_fail(site_dir)
    records, failures = [], 0
    for path in files:
        if is_sidecar(path):
            err.print(f"[dim]skipped {escape(str(path))}: sidecar metadata, read with its article[/dim]")
            continue
        try:
            records.append(load_file(path, path.parent, config))
        except NewsgenError as exc:
            failures += 1
            err.print(f"[red]error[/red] {escape(exc.message())}")
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2))
    else:
        for record in records:
            show_record(record)
    sys.exit(1 if failures else 0)


def is_sidecar(path: Path) -> bool:
    return path.suffix.lower() in SIDECAR_SUFFIXES and any(path.with_suffix(s).is_file() for s in ARTICLE_SUFFIXES)


def config_or_fail(site_dir: Path) -> SiteConfig:
    try:
        return load_config(site_dir)
    except NewsgenError as exc:
        fail(exc)


def fail(exc: NewsgenError) -> None:
    if isinstance(exc, ConfigError) and len(exc.problems) > 1:
        err.print(f"[red]error[/red] {escape(exc.path or '')}: {len(exc.problems)} problems")
        for problem in exc.problems:
            err.print(f"  - {escape(problem)}")
    else:
        err.print(f"[red]error[/red] {escape(exc.message())}")
    sys.exit(2)


def show_report(report: BuildReport) -> None:
    for outcome in report.outcomes:
        where = f"{outcome.path}:{outcome.line}" if outcome.line else outcome.path
        if outcome.status == "failed":
            err.print(f"[red]failed[/red]  {escape(where)}: {escape(outcome.reason)}")
        for warning in outcome.warnings:
            err.print(f"[yellow]warning[/yellow] {escape(outcome.path)}: {escape(warning)}")
    for warning in report.warnings:
        err.print(f"[yellow]warning[/yellow] {escape(warning)}")
    err.print(f"articles: {report.count('built')} built ({report.cached} from cache), "
              f"{report.count('skipped')} skipped, {report.count('failed')} failed; "
              f"pages: {report.rendered} rendered, {report.unchanged} unchanged, {report.removed} removed; "
              f"{report.files} files in {escape(str(report.output))}; {report.seconds:.2f} s")


def show_record(record: Article) -> None:
    """The record as a person checks it: what was kept, where it came from, what was dropped and why."""
    out.rule(f"[bold]{escape(record.path)}")
    fields = (("title", record.title), ("summary", record.summary), ("published", record.published),
              ("updated", record.updated), ("dates from", record.date_source), ("dateline", record.dateline),
              ("source", record.source.domain or record.source.name), ("url", record.url),
              ("authors", ", ".join(record.authors)), ("contributors", ", ".join(record.contributors)),
              ("language", record.language), ("tags", ", ".join(record.tags)))
    for label, value in fields:
        if value:
            line(f"[bold]{label:<12}[/bold] {escape(str(value))}")
    line(f"[bold]{'body':<12}[/bold] {len(record.body)} blocks")
    for index, block in enumerate(record.body):
        line(f"  [green]{index:>3} {block.type[:4]}[/green] {escape(block.text)}")
    for image in record.images:
        line(f"  [cyan]image[/cyan] {escape(image.caption)} [dim]{escape(image.credit)}[/dim]")
    for citation in record.citations:
        line(f"  [cyan]cites[/cyan] {escape(citation.url)} [dim](block {citation.block})[/dim]")
    for label, items in (("note", record.notes), ("correction", record.corrections), ("warning", record.warnings)):
        for item in items:
            line(f"  [yellow]{label}[/yellow] {escape(item)}")
    if record.dropped:
        line(f"[bold]{'dropped':<12}[/bold] {len(record.dropped)} lines")
        for dropped in record.dropped:
            line(f"  [red]-[/red] [dim]{escape(dropped.reason)}:[/dim] {escape(dropped.text)}")


def line(markup: str) -> None:
    """One line per item, cut to the terminal's width: a summary, not the full text."""
    out.print(markup, no_wrap=True, overflow="ellipsis")


@main.command("import")
@click.argument("originals", nargs=-1, required=True)
@site_option
@click.option("--to", "target_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the Markdown articles [default: SITE/articles].")
def import_command(originals: tuple[str, ...], site_dir: Path, target_dir: Path | None) -> None:
    """Turn each scraped .txt or .html ORIGINAL ('-': pasted text on standard input) into an editable
    .md article with full front matter. Never overwrites an article; never changes the original."""
    from .importer import STDIN_NAME, import_article, read_original

    config = config_or_fail(site_dir)
    articles = target_dir or site_dir / "articles"
    stdin = sys.stdin.buffer.read() if STDIN_NAME in originals else None
    failures = 0
    for original in originals:
        try:
            written = import_article(original, read_original(original, stdin), articles, config)
        except NewsgenError as exc:
            failures += 1
            err.print(f"[red]error[/red] {escape(exc.message())}")
            continue
        err.print(f"imported {escape(original)} -> {escape(str(written))}")
    sys.exit(1 if failures else 0)
