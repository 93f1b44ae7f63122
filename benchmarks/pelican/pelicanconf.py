"""Pelican settings for the build benchmark: the same site newsgen builds, kept minimal.

Home, article, tag, author and category (= publisher) pages paginated by 20,
year and month archives, one Atom feed; the built-in `simple` theme. The content
cache is on, so rebuilds read only changed files; the benchmark deletes
`cache/` and the output for a cold build.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent

SITENAME = "Benchmark Archive"
SITEURL = "https://archive.example"
AUTHOR = "The Archive Desk"
PATH = str(HERE / "content")
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
THEME = "simple"

DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None}

ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
TAG_URL = "tags/{slug}/"
TAG_SAVE_AS = "tags/{slug}/index.html"
AUTHOR_URL = "authors/{slug}/"
AUTHOR_SAVE_AS = "authors/{slug}/index.html"
CATEGORY_URL = "sources/{slug}/"
CATEGORY_SAVE_AS = "sources/{slug}/index.html"
YEAR_ARCHIVE_SAVE_AS = "archive/{date:%Y}/index.html"
MONTH_ARCHIVE_SAVE_AS = "archive/{date:%Y}/{date:%m}/index.html"

FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

CACHE_PATH = str(HERE / "cache")
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
DELETE_OUTPUT_DIRECTORY = False
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)
