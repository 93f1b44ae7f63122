"""The one family of errors a user can act on; only the CLI prints them."""

from __future__ import annotations

from pathlib import Path


class NewsgenError(Exception):
    """An error that names what to fix: the file, the line where known, and the reason."""

    def __init__(self, reason: str, path: str | Path | None = None, line: int | None = None) -> None:
        self.reason = reason
        self.path = str(path) if path is not None else None
        self.line = line
        super().__init__(self.message())

    def __reduce__(self) -> tuple:
        """Keep file and line when an error crosses a process boundary or the cache."""
        return (type(self), (self.reason, self.path, self.line))

    def message(self) -> str:
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.reason}" if where else self.reason


class ConfigError(NewsgenError):
    """The site configuration is invalid; `problems` lists every bad key at once."""

    def __init__(self, problems: list[str], path: str | Path | None = None) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(problems), path)

    def __reduce__(self) -> tuple:
        return (type(self), (list(self.problems), self.path))


class SourceError(NewsgenError):
    """One article could not be loaded; the rest of the site is still built."""


class BuildError(NewsgenError):
    """The site as a whole could not be built (templates, output folder, URL clashes)."""
