"""The site model: records grouped into the pages of the archive."""

from .model import Page, Site, article_path, build_site

__all__ = ["Page", "Site", "article_path", "build_site"]
