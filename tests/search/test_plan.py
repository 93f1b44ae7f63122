"""Planning an index update without Pagefind: what counts as changed, what is marked dead, when parts merge."""

from __future__ import annotations

import pytest

from newsgen import searchplan
from newsgen.searchplan import IndexedPage, Part, balanced, plan_update, searchable_digest

PAGE = (b'<html><head><title>T</title></head><body><nav>menu</nav>'
        b'<article data-pagefind-body><h1 data-pagefind-meta="title">Title</h1><article>inner</article>'
        b'<p>Body text</p></article>'
        b'<section class="related"><a href="x">Related one</a></section></body></html>')


@pytest.mark.parametrize("old, new, same", [
    (b"Related one", b"Related two", True),
    (b"<nav>menu</nav>", b"<nav>other menu</nav>", True),
    (b"Body text", b"Body words", False),
    (b"inner", b"nested", False),
    (b'<h1 data-pagefind-meta="title">', b'<h1 data-pagefind-meta="headline">', False),
    (b"<nav>menu</nav>", b'<nav><span data-pagefind-filter="tag">x</span></nav>', False),
], ids=["related-list", "navigation", "body-text", "nested-element", "meta-attribute", "filter-outside-body"])
def test_digest_covers_what_pagefind_reads(old: bytes, new: bytes, same: bool) -> None:
    assert (searchable_digest(PAGE) == searchable_digest(PAGE.replace(old, new))) is same


def test_a_page_without_a_body_element_is_digested_whole() -> None:
    page = b"<html><body><p>text</p><aside>more</aside></body></html>"
    assert searchable_digest(page) != searchable_digest(page.replace(b"more", b"less"))


def page(digest: str, published: int | None = None) -> IndexedPage:
    return IndexedPage(digest, f"id-{digest}", published)


def part(name: str, pages: dict[str, str], dead: tuple[str, ...] = ()) -> Part:
    return Part(name, {rel: page(digest, 100 + index) for index, (rel, digest) in enumerate(pages.items())},
                frozenset(dead))


def reader(digests: dict[str, str]):
    return lambda rel: IndexedPage(digests[rel], "", 500)


BIG = {f"p{number:02}": f"d{number}" for number in range(20)}


def test_a_page_rendered_again_with_the_same_digest_is_not_indexed() -> None:
    plan = plan_update([part("part-1", BIG)], BIG, {"p01", "p02"}, reader(BIG), 100)
    assert plan.groups == ()
    assert [p.dead for p in plan.kept] == [frozenset()]


def test_pages_not_rendered_are_not_read() -> None:
    def refuse(rel: str) -> IndexedPage:
        raise AssertionError(f"{rel} was read")
    assert plan_update([part("part-1", BIG)], BIG, set(), refuse, 100).groups == ()


def test_an_edited_page_is_indexed_alone_and_its_old_copy_marked_dead() -> None:
    edited = {**BIG, "p03": "new"}
    plan = plan_update([part("part-1", BIG)], edited, {"p03"}, reader(edited), 100)
    assert plan.groups == (("p03",),)
    assert plan.kept[0].dead == frozenset({"p03"})
    assert plan.newly_dead == {"part-1": frozenset({"p03"})}
    assert plan.pages["p03"].digest == "new"


def test_a_new_page_is_indexed_and_a_removed_one_marked_dead() -> None:
    current = {**{rel: d for rel, d in BIG.items() if rel != "p05"}, "p99": "d99"}
    plan = plan_update([part("part-1", BIG)], current, set(), reader(current), 100)
    assert plan.groups == (("p99",),)
    assert plan.kept[0].dead == frozenset({"p05"})


def test_a_part_with_too_many_dead_pages_is_rewritten_with_the_changes() -> None:
    edited = {**BIG, "p01": "x", "p02": "y", "p03": "z"}
    plan = plan_update([part("part-1", BIG)], edited, {"p01", "p02", "p03"}, reader(edited), 100)
    assert plan.kept == ()
    assert sorted(rel for group in plan.groups for rel in group) == sorted(BIG)


def test_a_part_whose_pages_are_all_dead_is_dropped() -> None:
    plan = plan_update([part("part-1", BIG), part("part-2", {"q": "dq"})], BIG, set(), reader(BIG), 100)
    assert [p.name for p in plan.kept] == ["part-1"]
    assert plan.groups == ()


def test_repeated_edits_keep_the_parts_few_and_every_page_live_once() -> None:
    parts = [part("part-1", BIG)]
    current = dict(BIG)
    for edit in range(40):
        rel = f"p{edit % 20:02}"
        current[rel] = f"e{edit}"
        plan = plan_update(parts, current, {rel}, reader(current), 100)
        new = [Part(f"part-{edit + 2}.{n}", {r: plan.pages[r] for r in group}) for n, group in enumerate(plan.groups)]
        parts = [*plan.kept, *new]
        assert len(parts) <= searchplan.MAX_PER_TIER + 1
        live = sorted(rel for p in parts for rel in p.live)
        assert live == sorted(BIG)
        assert all(p.pages[rel].digest == current[rel] for p in parts for rel in p.live)


@pytest.mark.parametrize("count, size, expected", [(5, 2, [2, 2, 1]), (10_000, 3000, [2500] * 4), (3000, 3000, [3000]),
                                                   (0, 3000, [])])
def test_groups_are_as_even_as_possible(count: int, size: int, expected: list[int]) -> None:
    pages = [f"p{n}" for n in range(count)]
    groups = balanced(pages, size)
    assert [len(group) for group in groups] == expected
    assert [rel for group in groups for rel in group] == pages


def test_a_crowded_tier_is_merged_and_full_parts_are_left_alone() -> None:
    full = {f"f{number:02}": f"f{number}" for number in range(60)}
    parts = [part("part-1", full), part("part-2", BIG), part("part-3", {"a": "da"}), part("part-4", {"b": "db"})]
    current = {**full, **BIG, "a": "da", "b": "db", "c": "dc"}
    plan = plan_update(parts, current, set(), reader(current), 100)
    assert [p.name for p in plan.kept] == ["part-1"]
    assert sorted(rel for group in plan.groups for rel in group) == sorted([*BIG, "a", "b", "c"])
