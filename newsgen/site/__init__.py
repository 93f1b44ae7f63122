"""The site model: records grouped into the pages of the archive."""

from .model import Correction, Page, Site, article_path, build_site, feed_terms, term_path, wanted_slug
from .taxonomies import KIND_BY_NAME, KINDS, Kind, Term

__all__ = ["KINDS", "KIND_BY_NAME", "Correction", "Kind", "Page", "Site", "Term", "article_path",
           "build_site", "feed_terms", "term_path", "wanted_slug"]
