"""Date archives: years and months newest first, and an undated bucket.

Every article lands in exactly one month or in the undated bucket, so an
unknown date never hides a story. Months follow the date as the source wrote it
(its own offset), which is what a reader of that source would call the month.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby

from ..records import Article


@dataclass(frozen=True, slots=True)
class Month:
    year: int
    month: int
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class Year:
    year: int
    months: tuple[Month, ...]

    @property
    def count(self) -> int:
        return sum(len(m.articles) for m in self.months)


def archive_years(articles: list[Article]) -> tuple[Year, ...]:
    """Dated articles by year and month, newest first; `articles` must be newest first."""
    dated = [a for a in articles if a.published is not None]
    months = [Month(y, m, tuple(group)) for (y, m), group in groupby(dated, key=year_month)]
    months.sort(key=lambda m: (m.year, m.month), reverse=True)
    merged = merge_months(months)
    return tuple(Year(y, tuple(group)) for y, group in groupby(merged, key=lambda m: m.year))


def year_month(article: Article) -> tuple[int, int]:
    assert article.published is not None
    return article.published.year, article.published.month


def merge_months(months: list[Month]) -> list[Month]:
    """One Month per (year, month): offsets can make a sorted-by-instant list revisit a month."""
    merged: dict[tuple[int, int], list[Article]] = {}
    for month in months:
        merged.setdefault((month.year, month.month), []).extend(month.articles)
    return [Month(y, m, tuple(arts)) for (y, m), arts in merged.items()]


def undated(articles: list[Article]) -> tuple[Article, ...]:
    return tuple(a for a in articles if a.published is None)
