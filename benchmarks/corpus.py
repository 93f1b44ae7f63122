"""A seeded corpus of realistic-looking news articles, for build benchmarks.

Usage: python benchmarks/corpus.py OUT --n 1000 [--seed 7] [--formats newsgen,pelican,hugo]

The same N articles are written once per format, each into its own site folder
under OUT: `newsgen/articles/<year>/<slug>.txt` (a scraped page with YAML front
matter: chrome, caption, advert and "Read more" lines around the story),
`pelican/content/<slug>.md` (Pelican's metadata header) and
`hugo/content/posts/<slug>.md` (YAML front matter). Article i depends only on
the seed and i, so a corpus of 1,000 is the first 1,000 of a corpus of 10,000.
Library use: `write_corpus(root, n, seed, formats)`.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

FORMATS = ("newsgen", "pelican", "hugo")
TAG_POOL_SIZE = 300
AUTHOR_POOL_SIZE = 50
SOURCE_POOL_SIZE = 12
FIRST_DAY = datetime(2020, 1, 1)
SPAN_SECONDS = 5 * 365 * 24 * 3600  # dates spread over five years
OFFSETS_HOURS = (0.0, 1.0, 2.0, -5.0, -8.0, 5.5, 9.0)  # publishers in several time zones

FIRST_NAMES = ("Amara", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Idris", "Jonas", "Keiko",
               "Lucia", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Samir", "Tove", "Uma", "Viktor",
               "Wanjiru", "Xavier", "Yara", "Zeno")
LAST_NAMES = ("Abara", "Bergström", "Castell", "Dimitrov", "Okafor", "Fischer", "Garrido", "Haddad", "Ishikawa",
              "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Ortega", "Petrova", "Quinlan", "Rossi",
              "Santos", "Takahashi", "Underwood", "Varga", "Whitlock", "Yilmaz", "Zielinski")
PLACES = ("Northport", "Eastbridge", "Millbrook", "Lakeside", "Redhill", "Stonebury", "Westmarsh", "Ashford Vale",
          "Port Coral", "Highcombe", "Riverton", "Kingsmere", "Oldcastle", "Brightwater", "Fernhollow")
ORGS = ("the city council", "the transport authority", "the health ministry", "the port operator",
        "the teachers' union", "the regional court", "the water board", "the national weather service",
        "the chamber of commerce", "the housing association", "the central bank", "the university hospital")
NOUNS = ("budget", "bridge", "hospital", "rail line", "harbour", "school", "election", "reservoir", "festival",
         "factory", "housing plan", "tax", "strike", "ferry service", "library", "power station", "museum",
         "court case", "wind farm", "market", "vaccine programme", "flood defence", "airport", "tram network")
ADJECTIVES = ("new", "delayed", "disputed", "ambitious", "costly", "temporary", "long-awaited", "controversial",
              "regional", "emergency", "revised", "record", "modest", "sweeping", "local", "independent")
SUBJECT_NOUNS = ("residents", "officials", "councillors", "engineers", "analysts", "campaigners", "shop owners",
                 "doctors", "farmers", "commuters", "investors", "teachers", "volunteers", "inspectors")
VERBS_PAST = ("approved", "rejected", "postponed", "criticised", "welcomed", "questioned", "announced", "funded",
              "reviewed", "suspended", "defended", "expanded")
VERBS_SAY = ("said", "told reporters", "warned", "added", "argued", "insisted", "noted", "confirmed")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "at the weekend", "last week",
        "earlier this month", "late on Sunday")
AGENCIES = ("Wire Photo", "Press Pictures", "Lens Agency", "Coastline Images", "Metro Photo Service")
TAG_HEADS = ("local", "national", "world", "coastal", "rural", "urban", "public", "energy", "climate", "health",
             "transport", "housing", "education", "justice", "labour", "trade", "culture", "science", "sport",
             "water")
TAG_TAILS = ("policy", "politics", "economy", "budget", "safety", "courts", "elections", "infrastructure",
             "business", "weather", "protest", "reform", "research", "services", "history", "technology")
SOURCE_HEADS = ("Harbour", "Valley", "Northern", "Evening", "Morning", "Coastal", "Metro", "County", "Island",
                "Riverside", "Capital", "Western")
SOURCE_TAILS = ("Courier", "Gazette", "Herald", "Chronicle", "Post", "Observer", "Times", "Dispatch")
TRAILING_CHROME = ("Most read", "Sign up for our morning newsletter", "Share this article", "Related topics")

SENTENCES: tuple[str, ...] = (
    "{Subjects} {say} {day} that the {adj} {noun} would cost more than {number} million.",
    "The {adj} {noun} in {place} was {verb} by {org} {day}.",
    "\"We have waited {years} years for this {noun},\" {person} {say}.",
    "{Org} {verb} the plan after {number} {subjects} wrote to complain about the {noun}.",
    "According to {org}, the {noun} will open in {place} within {years} years.",
    "{Person}, who has followed the {noun} since it began, {say} the figures did not add up.",
    "Critics {say} the {adj} {noun} had been rushed through without a proper consultation.",
    "About {number} {subjects} gathered outside the {noun} in {place} {day}.",
    "The decision leaves the {noun} in {place} without funding until next spring.",
    "\"Nobody expected the {noun} to be {verb} so quickly,\" {person} {say}.",
    "In a statement, {org} {say} it would publish a full report on the {noun}.",
    "The {noun} has divided {subjects} in {place} for more than a decade.",
    "Figures released {day} showed the {noun} had cost {number} million so far.",
    "{Subjects} in {place} {say} they would challenge the ruling in court.",
)


@dataclass(frozen=True, slots=True)
class Pools:
    """The shared vocabularies every article draws from: tags, authors and publishers."""

    tags: tuple[str, ...]
    authors: tuple[str, ...]
    sources: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class FakeArticle:
    """One generated story, before it is written in any format."""

    index: int
    slug: str
    title: str
    published: datetime
    source: tuple[str, str]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    teaser: str
    caption: str
    credit: str
    paragraphs: tuple[str, ...]
    read_more: str

    @property
    def url(self) -> str:
        return f"https://{self.source[1]}/{self.published:%Y/%m/%d}/{self.slug}"

    @property
    def date_text(self) -> str:
        return self.published.isoformat()


def make_pools(seed: int) -> Pools:
    rng = random.Random(f"pools:{seed}")
    tags = [f"{h} {t}" for h in TAG_HEADS for t in TAG_TAILS]
    people = [f"{f} {l}" for f in FIRST_NAMES for l in LAST_NAMES]
    sources = [f"The {h} {t}" for h in SOURCE_HEADS for t in SOURCE_TAILS]
    chosen_sources = rng.sample(sources, SOURCE_POOL_SIZE)
    return Pools(tuple(rng.sample(tags, TAG_POOL_SIZE)), tuple(rng.sample(people, AUTHOR_POOL_SIZE)),
                 tuple((name, domain_for(name)) for name in chosen_sources))


def domain_for(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower().removeprefix("the ")) + ".example"


def slug_for(title: str, index: int) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"{words[:60].rstrip('-')}-{index:06d}"


def sentence(rng: random.Random) -> str:
    """One sentence from a template, its slots filled from the vocabularies."""
    person = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    org, subjects = rng.choice(ORGS), rng.choice(SUBJECT_NOUNS)
    return rng.choice(SENTENCES).format(
        Subjects=subjects.capitalize(), subjects=subjects, say=rng.choice(VERBS_SAY), day=rng.choice(DAYS),
        adj=rng.choice(ADJECTIVES), noun=rng.choice(NOUNS), number=rng.randint(2, 900), place=rng.choice(PLACES),
        verb=rng.choice(VERBS_PAST), org=org, Org=org[0].upper() + org[1:], years=rng.randint(2, 30),
        person=person, Person=person)


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def headline(rng: random.Random) -> str:
    text = (f"{rng.choice(PLACES)} {rng.choice(SUBJECT_NOUNS)} {rng.choice(VERBS_PAST)} "
            f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)} {rng.choice(DAYS)}")
    return text[0].upper() + text[1:]


def make_article(index: int, seed: int, pools: Pools) -> FakeArticle:
    rng = random.Random(f"article:{seed}:{index}")
    title = headline(rng)
    offset = timezone(timedelta(hours=rng.choice(OFFSETS_HOURS)))
    published = (FIRST_DAY + timedelta(seconds=rng.randrange(SPAN_SECONDS))).replace(tzinfo=offset)
    photographer = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return FakeArticle(
        index=index, slug=slug_for(title, index), title=title, published=published,
        source=rng.choice(pools.sources), tags=tuple(rng.sample(pools.tags, rng.randint(2, 5))),
        authors=tuple(rng.sample(pools.authors, rng.choice((1, 1, 1, 2)))), teaser=sentence(rng),
        caption=f"{rng.choice(SUBJECT_NOUNS).capitalize()} near the {rng.choice(NOUNS)} in {rng.choice(PLACES)}.",
        credit=f"{photographer}/{rng.choice(AGENCIES)}",
        paragraphs=tuple(paragraph(rng) for _ in range(rng.randint(12, 30))), read_more=headline(rng))


def make_articles(n: int, seed: int) -> list[FakeArticle]:
    pools = make_pools(seed)
    return [make_article(i, seed, pools) for i in range(n)]


def yaml_text(value: str) -> str:
    """A YAML double-quoted scalar (a JSON string is one)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(yaml_text(v) for v in values) + "]"


def as_scraped_text(article: FakeArticle) -> str:
    """The page as a scraper saves it: front matter, then chrome around the story."""
    name, domain = article.source
    middle = len(article.paragraphs) // 2
    body = [*article.paragraphs[:middle], "Advertisement", *article.paragraphs[middle:]]
    front = [
        f"title: {yaml_text(article.title)}", f"published: {article.date_text}",
        f"source: {{name: {yaml_text(name)}, domain: {domain}, url: 'https://{domain}/'}}",
        f"url: {article.url}", f"slug: {article.slug}", f"tags: {yaml_list(article.tags)}",
        f"authors: {yaml_list(article.authors)}",
    ]
    page = [
        "Skip to content", article.title, article.teaser,
        f"{article.caption} (Photo by {article.credit})", article.title, *body,
        f"Read more: {article.read_more}", *TRAILING_CHROME, f"© {article.published.year} {name}",
    ]
    return "---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(page) + "\n"


def markdown_body(article: FakeArticle) -> str:
    caption = f"*{article.caption} (Photo: {article.credit})*"
    return "\n\n".join((caption, *article.paragraphs)) + "\n"


def as_pelican(article: FakeArticle) -> str:
    """Markdown with Pelican's `Key: value` metadata header.

    The date is given in UTC: Pelican groups its date archives over a list sorted
    by instant, so mixed offsets near New Year split a year and it stops on the
    second write of that year's page.
    """
    header = [f"Title: {article.title}", f"Date: {article.published.astimezone(timezone.utc).isoformat()}",
              f"Slug: {article.slug}",
              f"Category: {article.source[0]}", f"Tags: {', '.join(article.tags)}",
              f"Authors: {'; '.join(article.authors)}", f"Summary: {article.teaser}"]
    return "\n".join(header) + "\n\n" + markdown_body(article)


def as_hugo(article: FakeArticle) -> str:
    """Markdown with YAML front matter, for content/posts/."""
    header = ["---", f"title: {yaml_text(article.title)}", f"date: {article.date_text}", f"slug: {article.slug}",
              f"summary: {yaml_text(article.teaser)}", f"tags: {yaml_list(article.tags)}",
              f"authors: {yaml_list(article.authors)}", f"sources: {yaml_list((article.source[0],))}", "---"]
    return "\n".join(header) + "\n\n" + markdown_body(article)


# format -> (where an article goes under the corpus root, how it is written)
LAYOUTS: dict[str, tuple[Callable[[FakeArticle], str], Callable[[FakeArticle], str]]] = {
    "newsgen": (lambda a: f"newsgen/articles/{a.published:%Y}/{a.slug}.txt", as_scraped_text),
    "pelican": (lambda a: f"pelican/content/{a.slug}.md", as_pelican),
    "hugo": (lambda a: f"hugo/content/posts/{a.slug}.md", as_hugo),
}


def article_file(root: Path, article: FakeArticle, fmt: str) -> Path:
    return root / LAYOUTS[fmt][0](article)


def write_corpus(root: Path, n: int, seed: int = 7, formats: tuple[str, ...] = FORMATS) -> list[FakeArticle]:
    """Write N articles in each format under `root/<format>/`; returns the articles written."""
    unknown = set(formats) - set(LAYOUTS)
    if unknown:
        raise ValueError(f"unknown formats {sorted(unknown)} (known: {', '.join(LAYOUTS)})")
    articles = make_articles(n, seed)
    for fmt in formats:
        for article in articles:
            path = article_file(root, article, fmt)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(LAYOUTS[fmt][1](article), encoding="utf-8")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to write the site folders into")
    parser.add_argument("--n", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: " + ", ".join(FORMATS))
    args = parser.parse_args()
    articles = write_corpus(args.root, args.n, args.seed, tuple(args.formats.split(",")))
    print(f"wrote {len(articles)} articles in {args.formats} under {args.root}")


if __name__ == "__main__":
    main()
