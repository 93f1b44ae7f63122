"""Entity extraction: the seed's people, places and organisations, and none of the usual junk."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings, strategies as st

from newsgen.extract.entities import entities_of
from newsgen.extract.entity_lines import _prose_by_counts, _prose_by_words, is_prose
from newsgen.records import Article, Block, Entities, Image
from tests.conftest import EVAL, REPO, SEED, needs_eval

SEED_COPY = REPO / "articles" / "000_3191eae7ec735b93.txt"
WEEKDAYS_AND_MONTHS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
                       "March", "April", "May", "June", "October", "Oct", "November", "December"}
SENTENCE_STARTERS = {"The", "While", "During", "Yet", "Further", "Moreover", "However", "Although", "Before",
                     "Amid", "As", "In", "This", "He", "Primary", "Negotiators", "Emergency", "Skip", "Read",
                     "Comments", "Latest", "Source", "Correction", "Protesters"}


def article(*paragraphs: str, title: str = "", captions: tuple[str, ...] = (), language: str = "") -> Article:
    return Article(path="a.txt", digest="", format="text", title=title, language=language,
                   body=tuple(Block("paragraph", p) for p in paragraphs),
                   images=tuple(Image(caption=c) for c in captions))


def seed_article() -> Article:
    """The seed as the text loader reads it: headline, teaser, the story's paragraphs and the caption."""
    path = SEED if SEED.is_file() else SEED_COPY
    if not path.is_file():
        pytest.skip("the seed article is not present")
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    first = next(i for i, p in enumerate(paragraphs) if p.startswith("The US diplomat"))
    last = next(i for i, p in enumerate(paragraphs) if p.startswith("Further,"))
    caption = next(p for p in paragraphs if p.count("\n") == 1).splitlines()[1]
    story = article(*(p for p in paragraphs[first:last + 1] if not p.startswith("(Source")),
                    title=paragraphs[1], captions=(caption,))
    return dataclasses.replace(story, summary=paragraphs[2])


def names(entities: Entities) -> set[str]:
    return {*entities.people, *entities.places, *entities.organizations}


@pytest.fixture(scope="module")
def seed() -> Entities:
    return entities_of(seed_article())


def test_seed_people(seed: Entities) -> None:
    assert {"Antony Blinken", "Benjamin Netanyahu", "Isaac Herzog"} <= set(seed.people)
    assert seed.people[0] == "Antony Blinken"  # named most often, by surname too


def test_seed_places(seed: Entities) -> None:
    assert {"Gaza", "Rafah", "Tel Aviv", "Cairo", "Israel", "Egypt", "Qatar"} <= set(seed.places)


def test_seed_organizations(seed: Entities) -> None:
    assert seed.organizations[0] == "Hamas"


def test_seed_has_no_junk(seed: Entities) -> None:
    found = names(seed)
    assert not found & (WEEKDAYS_AND_MONTHS | SENTENCE_STARTERS)
    assert not {"Blinken", "Netanyahu", "Herzog", "Hamas'", "Israel's", "US", "Amir Levy", "Getty Images"} & found
    assert all(not name.endswith(("'", "’", "'s", ".")) for name in found)


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("Talks went on in Berlin on Monday, officials said.", "places", "Berlin"),
        ("Prime Minister Jane Okonkwo said the plan would go ahead.", "people", "Jane Okonkwo"),
        ("The deal was signed by Dr. Elsa Marchetti in the morning.", "people", "Elsa Marchetti"),
        ("Ruth Vandermeer, the country's foreign minister, arrived late.", "people", "Ruth Vandermeer"),
        ("Shares of Brightwater Holdings rose after the report came out.", "organizations", "Brightwater Holdings"),
        ("Protests spread to Lake Ontario and the Eastern Province overnight.", "places", "Lake Ontario"),
        ("Officials of the Zanthian Liberation Front met the envoy again.", "organizations",
         "Zanthian Liberation Front"),
        ("Aid reached Korvash, a border town, after days of waiting for it.", "places", "Korvash"),
        ("The Securities and Exchange Commission opened an inquiry into the firm.", "organizations",
         "Securities and Exchange Commission"),
        ("Residents of Tel Aviv's suburbs protested against the new plan.", "places", "Tel Aviv"),
        ("Leaders of the UN met on Friday to discuss the crisis together.", "organizations", "United Nations"),
        ("He was the envoy to the Peru Maria Castellanos trusted most.", "people", "Maria Castellanos"),
        ("A dozen staff left, the Quillfeather founder told reporters.", "organizations", "Quillfeather"),
    ],
    ids=["city", "title", "abbreviated-title", "apposition", "org-suffix", "place-prefix", "org-gazetteer-free",
         "place-apposition", "joined-by-and", "possessive", "alias", "known-then-given-name", "role-after-name"],
)
def test_structural_cues(text: str, kind: str, name: str) -> None:
    assert name in getattr(entities_of(article(text, language="en")), kind)


def test_surname_folds_into_full_name() -> None:
    found = entities_of(article("Senator Maria Olvera spoke first.", "Later, Olvera said the vote would pass.",
                                "Critics doubted Olvera and her allies.", language="en"))
    assert found.people == ("Maria Olvera",)


def test_ordered_by_mentions_then_first_mention() -> None:
    found = entities_of(article("Trade between Peru and Chile grew, and Chile gained most.", language="en"))
    assert found.places == ("Chile", "Peru")


@pytest.mark.parametrize(
    "text",
    [
        "During the summit in May, leaders met. While talks went on, the mood was calm.",
        "Skip to content\nRead also:\nComments\nLatest",
        "Yet the plan failed. Further talks are planned for Tuesday, 3 October.",
        "THE LATEST NEWS ON THE MARKETS TODAY",
        "Photo by Lena Sorensen/Reuters",
        "Click Here To Read The Full Story About Pizza Ovens",
        "They played Star Wars Jedi with friends and loved the GPU and the HDMI port.",
    ],
    ids=["sentence-starters", "page-chrome", "dates", "shouting", "photo-credit", "title-case", "products"],
)
def test_finds_nothing_in(text: str) -> None:
    assert names(entities_of(article(text, language="en"))) == set()


def test_other_languages_return_little_rather_than_junk() -> None:
    german = article("Die Regierung in Berlin hat am Dienstag neue Regeln für Mieter beschlossen. "
                     "Die Mieten steigen seit Jahren, sagte Bauministerin Klara Geywitz.")
    found = entities_of(german)
    assert "Berlin" in found.places
    assert names(found) <= {"Berlin", "Klara Geywitz"}


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_any_text(title: str, body: str) -> None:
    found = entities_of(article(body, title=title))
    assert all(isinstance(name, str) and name for name in names(found))


@needs_eval()
def test_eval_pages_give_no_calendar_or_chrome_words() -> None:
    for page in sorted((EVAL / "dev" / "text-main").glob("*.txt")):
        lines = [line for line in page.read_text(encoding="utf-8").splitlines() if line.strip()]
        found = names(entities_of(article(*lines[1:], title=lines[0])))
        assert not found & (WEEKDAYS_AND_MONTHS | SENTENCE_STARTERS), page.name


def test_unshared_first_name_folds_but_shared_one_does_not() -> None:
    found = entities_of(article("Dr. Amara Lindqvist and Dr. Teodor Lindqvist spoke.", "Then Amara said no.",
                                language="en"))
    assert set(found.people) == {"Amara Lindqvist", "Teodor Lindqvist"}


def test_what_one_article_writes_in_lower_case_does_not_carry_over_to_the_next() -> None:
    """Pieces and plans are shared between articles: keyed by which of a run's words each writes in lower case."""
    named = article("Aid reached Korvash, a border town, after days of waiting for it.", language="en")
    common = dataclasses.replace(named, body=named.body + (Block("paragraph", "They cooked korvash stew."),))
    assert [entities_of(a).places for a in (named, common, named)] == [("Korvash",), (), ("Korvash",)]


@pytest.mark.parametrize(
    "line",
    [
        "Talks went on in Berlin on Monday, and officials said the plan would be published within weeks.",
        "“We waited,” said Maria Olvera — the council’s leader — as the vote passed… at last.",
        "Officials in Москва said the plan would be published within the next few weeks of talks.",
        "ВЛАСТИ МОСКВЫ заявили, что план будет опубликован в ближайшие недели переговоров.",
        "Officials\u2009in\u2009Berlin said the plan would be published within the next few weeks.",
        " Officials in Berlin said the plan would be published within the next few weeks of talks.",
        "Officials\tin Berlin said the plan would\tbe published within the next few weeks of talks.",
        "THE LATEST NEWS ON THE MARKETS TODAY AND MORE",
        "Click Here To Read The Full Story About Pizza Ovens",
        "Rafael Nadal kept Spain’s hopes alive, then Marcel Granollers and Feliciano Lopez won.",
        "Palm Bay (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points. Bean 8.",
        "Read more", "",
    ],
    ids=["prose", "typographic-marks", "cyrillic-name", "cyrillic-shout", "thin-spaces", "leading-space", "tabs",
         "shouting", "title-case", "name-dense", "scores", "short", "empty"],
)
def test_prose_counted_in_bytes_answers_as_the_word_test(line: str) -> None:
    assert is_prose(line) == _prose_by_words(line)


def test_long_prose_lines_are_settled_by_counts() -> None:
    assert _prose_by_counts("Talks went on in Berlin on Monday, and officials said the plan would be published.")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "officials", "Berlin", "NATO", "U.S.", "52", "“quoted”", "Москва", "é",
                                 "É", "—", "said", "a", "Ab", "ABCD", "?"]), max_size=30),
       st.lists(st.sampled_from([" ", " ", "  ", "\t", "\u00a0", "\u2009", ", ", ". "]), min_size=30, max_size=30),
       st.sampled_from(["", ".", " ", "”"]))
def test_prose_by_counts_never_contradicts_the_word_test(words: list[str], spaces: list[str], end: str) -> None:
    line = "".join(w + s for w, s in zip(words, spaces)).rstrip(" ") + end
    counted = _prose_by_counts(line)
    assert counted is None or counted == _prose_by_words(line)


def test_a_credit_line_does_not_hide_names_on_other_lines() -> None:
    found = entities_of(article("Aid reached Korvash, a border town, after days of waiting for it.",
                                captions=("Photo by Lena Sorensen/Reuters",), language="en"))
    assert found.places == ("Korvash",) and "Lena Sorensen" not in names(found)
