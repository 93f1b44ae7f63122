"""The text loader's line labels, story choice, front matter and bad input."""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from newsgen.config import SiteConfig
from newsgen.errors import SourceError
from newsgen.extract import boilerplate as bp
from newsgen.extract.lines import page_lines, squeezed_line
from newsgen.loaders import load_bytes
from newsgen.loaders.decode import decode
from newsgen.records import Article
from newsgen.sources import SourceFile

UTC = ZoneInfo("UTC")
PARAGRAPH = ("The council voted on Tuesday to extend the night bus service to the northern suburbs, "
             "after months of petitions from shift workers who had no way home.")
SECOND = ("Buses will run every twenty minutes between midnight and five in the morning, "
          "and the first routes open in June once drivers have been hired.")


def load(text: str | bytes, name: str = "a.txt") -> Article:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return load_bytes(data, SourceFile(Path(name), name, "digest"), SiteConfig())


@pytest.mark.parametrize(("line", "kind"), [
    (PARAGRAPH, "prose"),
    ("Skip to content", "chrome"),
    ("Advertisement", "chrome"),
    ("Weiterlesen", "chrome"),
    ("Read more »", "break"),
    ("Related", "break"),
    ("Lire aussi | Pourquoi le prix du pain monte", "break"),
    ("Advertisement · Scroll to continue", "chrome"),
    ("Contact the author at jane@example.org or follow her on X", "chrome"),
    ("Читайте также", "break"),
    ("@newsdesk", "chrome"),
    ("14h261", "chrome"),
    ("We use cookies to improve your experience on our site.", "chrome"),
    ("Sign up for our daily newsletter", "chrome"),
    ("Emergency situation", "short"),
    ("Council extends night buses to the northern suburbs", "headline"),
    ("• Fares stay the same", "bullet"),
    ("By Jane Doe, Staff Writer", "byline"),
    ("CNN's Ibrahim Dahman assisted in this report.", "contributor"),
    ("16.05 BST", "stamp"),
    ("Story continues below advertisement", "chrome"),
    ("Posted in Baking Notes | 14 Comments", "chrome"),
    ("4 minute read", "chrome"),
    ("Il vous reste 35 % de cet article à lire. La suite est réservée aux abonnés.", "chrome"),
    ("By signing up you agree to our Terms of Use and Privacy Policy.", "chrome"),
    ("Need more news? Subscribe to our weekly magazine for the best stories from the region!", "chrome"),
    ("Subscribe", "chrome"),
    ("Подписаться", "chrome"),
    ("The streaming service kept signing up customers all week and now has ten million paying subscribers.", "prose"),
    ("The premium tier arrives early next year as a monthly subscription in fourteen countries, the company said on Monday.",
     "prose"),
    ("The technicians fixed the fault within hours while the company continued to sign up additional customers all week.",
     "prose"),
], ids=lambda value: value[:24] if isinstance(value, str) else None)
def test_line_labels(line: str, kind: str) -> None:
    assert page_lines(line, 1, UTC)[0].kind == kind


def test_a_repeated_line_is_labelled_a_repeat() -> None:
    lines = page_lines(f"Council extends night buses\n\n{PARAGRAPH}\n\nCouncil extends night buses", 1, UTC)
    assert [line.kind for line in lines] == ["short", "prose", "repeat"]


def test_lines_under_a_colon_are_list_items() -> None:
    lines = page_lines("The new stops are:\nMill Road\nStation Square\n\nMore text", 1, UTC)
    assert [line.kind for line in lines[1:3]] == ["bullet", "bullet"]


def test_lines_between_numbered_items_belong_to_the_list() -> None:
    article = load(f"Deals\n\n{PARAGRAPH}\n\n1) Lamp\nhttp://example.org/a\n2) Chair\nhttp://example.org/b\n\n{SECOND}")
    assert [b.type for b in article.body] == ["paragraph", "list", "paragraph"]
    assert article.body[1].items == ("Lamp", "http://example.org/a", "Chair", "http://example.org/b")


def test_a_pull_quote_repeating_the_story_is_dropped_with_its_attribution() -> None:
    quote = "after months of petitions from shift workers who had no way home"
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n“{quote}”\n— A. Driver\n\n{SECOND}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]
    assert {d.text for d in article.dropped} >= {f"“{quote}”", "— A. Driver"}


def test_an_attributed_quote_that_repeats_nothing_is_a_quote_block() -> None:
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n“Nobody should walk home at 3am.”\n"
                   f"— A. Driver\n\n{SECOND}")
    assert article.body[1].type == "quote" and article.body[1].text.endswith("— A. Driver")


def test_a_newsletter_box_inside_the_story_is_dropped_whole() -> None:
    box = ("Sign up for our newsletter\nThe week's most important stories, every Friday.\n"
           "Enter your email address\nSubscribe")
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{box}\n\n{SECOND}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]


def test_a_blurb_closed_by_a_sign_up_button_is_dropped() -> None:
    box = "Let our stories meet your inbox. The news that matters, delivered weekday mornings.\nSign Up"
    third = SECOND.replace("June", "July")
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{SECOND}\n\n{box}\n\n{third}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND, third]


@pytest.mark.parametrize("label", ["Image caption ", "Media caption", "Pie de foto: "])
def test_a_line_under_a_caption_label_is_a_caption_however_long(label: str) -> None:
    caption = "The first night bus leaves the depot after the council vote, with a handful of shift workers on board"
    third = SECOND.replace("June", "July")
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{SECOND}\n\n{label}{caption}\n\n{third}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND, third]
    assert [image.caption for image in article.images] == [caption]


def test_every_chrome_phrase_contains_a_stem() -> None:
    """The stem pre-test may only skip lines that no chrome phrase matches."""
    phrases = ["cookies", "newsletter", "All rights reserved", "privacy policy", "terms of service", "follow us",
               "download the app", "click here", "JavaScript", "abonnieren", "abonnez", "suscríbete", "iscriviti",
               "assine", "подпишитесь", "copyright", "©", "subscribe", "subscription", "sign up", "подписку",
               "story continues", "continue reading", "enlarge this image", "hide caption", "link copied",
               "5 min read", "reading time", "3 min de lecture", "Lesezeit", "tiempo de lectura", "minuti di lettura",
               "subscribers only", "réservé aux abonnés", "il vous reste 35 % de", "exclusivo para suscriptores",
               "riservato agli abbonati", "share this", "enter your email", "by signing up", "opens in new tab",
               "show key events"]
    for phrase in phrases:
        assert bp.is_chrome(phrase, bp.words_in(phrase)), phrase
        for pattern, stems, _ in bp.PHRASE_TESTS:
            if pattern.search(phrase):
                assert any(stem in phrase.lower() for stem in stems), (pattern.pattern[:40], phrase)


@pytest.mark.parametrize(("text", "words"), [("one two three", 3), ("日本語の文章です", 4), ("", 0),
                                             ("Größe – 3 Äpfel", 3), ("Seoul 서울 시내", 3)])
def test_words_count_cjk_characters_in_pairs(text: str, words: int) -> None:
    assert bp.words_in(text) == words


def test_menu_lines_around_the_story_are_dropped_with_a_reason() -> None:
    menu = "\n".join(["Home", "World", "Business", "Sport", "Culture"])
    article = load(f"{menu}\nCouncil extends night buses\n\n{PARAGRAPH}\n\n{SECOND}\n\nRelated\n{menu}")
    assert article.title == "Council extends night buses"
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]
    assert {d.text for d in article.dropped} >= {"Home", "Sport", "Related"}
    assert all(d.reason and d.line for d in article.dropped)


def test_short_lines_set_apart_inside_the_story_are_kept_and_packed_ones_are_a_menu() -> None:
    answers = "Q: Favourite route?\n\nA: The N12 to the harbour\n\nQ: Worst stop?\n\nA: Central, after midnight"
    kept = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{answers}\n\n{SECOND}")
    assert "A: The N12 to the harbour" in [b.text for b in kept.body]
    menu = "Night buses in photos\nMore in Transport\nTrams return to the city centre\nWeather"
    dropped = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{menu}\n\n{SECOND}")
    assert [b.text for b in dropped.body] == [PARAGRAPH, SECOND]


def test_a_packed_run_of_offers_inside_the_story_is_kept() -> None:
    offers = "Get it at the corner shop for $12.99\nAlso at the market\nBus pass holders pay $9.50 (Originally $14)"
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{offers}\n\n{SECOND}")
    assert "Get it at the corner shop for $12.99" in article.body_text()


def test_a_line_repeated_under_every_photo_is_dropped_first_copy_included() -> None:
    caption = "The first night buses leave the depot on a Tuesday evening in May."
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{caption}\n\n{SECOND}\n\n{caption}\n\n"
                   f"{PARAGRAPH.replace('council', 'board')}\n\n{caption}\n\n{SECOND.replace('June', 'July')}\n\n{caption}")
    assert caption not in article.body_text()
    assert article.body_text().count("twenty minutes") == 2


def test_a_caption_opening_with_a_repeated_caption_is_dropped_with_it() -> None:
    caption = "Night buses of the northern line at the depot in May"
    story = "".join(f"{PARAGRAPH.replace('Tuesday', day)}\n\n{caption}\n\n" for day in ("Monday", "Tuesday", "Friday"))
    article = load(f"Council extends night buses\n\n{story}{SECOND}\n\n{caption} Driver team_Jane Doe, John Roe\n\n"
                   f"{caption}\n\n{SECOND.replace('June', 'July')}")
    assert "Driver team" not in article.body_text()
    assert len(article.body) == 4 and "July" in article.body[-1].text


def test_a_lone_upper_case_name_under_a_caption_is_its_credit() -> None:
    caption = "A night bus waits at the depot before the first run of the new northern route."
    third = SECOND.replace("June", "July")
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{SECOND}\n\n{caption}\nAGENCY\n\n{third}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND, third]
    assert [(image.caption, image.credit) for image in article.images] == [(caption, "AGENCY")]


def test_a_question_put_again_to_each_guest_is_kept_every_time() -> None:
    question = "What made you start cooking for others?"
    answers = [f"— {PARAGRAPH.replace('Tuesday', day)}" for day in ("Monday", "Tuesday", "Friday", "Sunday")]
    article = load("Four cooks on their craft\n\n" + "".join(f"{question}\n\n{answer}\n\n" for answer in answers))
    assert article.body_text().count(question) == 4
    assert article.body_text().count("— The council voted") == 4


def test_the_first_line_above_a_date_stamp_is_the_headline() -> None:
    headline = "Night buses reach the northern suburbs at last, and the shift workers are thrilled!"
    article = load(f"{headline}\nMarch 3, 2024\n\n{PARAGRAPH}\n\n{SECOND}")
    assert article.title == headline
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]


def test_a_long_desk_stamp_with_an_update_time_is_a_date_and_the_caption_above_it_is_not_story() -> None:
    caption = ("The first night bus leaves the depot on a Tuesday evening in May, two hours after the council vote, "
               "with a handful of shift workers on board.")
    stamp = "By Metro Desk | March 3, 2024 at 2:26 PM EST - Updated March 3 at 4:46 PM"
    article = load(f"Council extends night buses\n{caption}\n\n{stamp}\n\n{PARAGRAPH}\n\n{SECOND}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]
    assert article.published is not None and article.published.day == 3


def test_the_author_card_under_the_story_is_dropped() -> None:
    card = "Jane Doe\nTransport Reporter\nFollow\n\nJane Doe is a transport reporter who has covered the city's buses since 2015."
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\n{SECOND}\n\n{card}")
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]
    assert "author card" in {d.reason for d in article.dropped}


def test_a_short_line_between_paragraphs_is_a_heading() -> None:
    article = load(f"Council extends night buses\n\n{PARAGRAPH}\n\nWhat comes next\n\n{SECOND}")
    assert [b.type for b in article.body] == ["paragraph", "heading", "paragraph"]


def test_front_matter_wins_over_extraction() -> None:
    article = load(f"---\ntitle: Night buses\npublished: 2024-05-01T09:30:00+02:00\n---\n"
                   f"Council extends night buses\n\n{PARAGRAPH}")
    assert article.title == "Night buses"
    assert article.published is not None and article.published.isoformat() == "2024-05-01T09:30:00+02:00"
    assert article.date_source == "front_matter"
    assert article.body[0].text == PARAGRAPH


@pytest.mark.parametrize("data", [b"", b"   \n\n", b"\x00\x01\x02\x03" * 50], ids=["empty", "blank", "binary"])
def test_unreadable_files_are_a_source_error(data: bytes) -> None:
    with pytest.raises(SourceError):
        load(data)


def test_a_stamp_line_gives_both_its_published_and_its_updated_moment() -> None:
    stamp = "Publié le 3 mars 2024 à 08h15, modifié le 3 mars 2024 à 11h02"
    article = load(f"Council extends night buses\n{stamp}\n\n{PARAGRAPH}\n\n{SECOND}")
    assert (article.published.hour, article.updated.hour) == (8, 11)


def test_a_contributor_who_is_a_byline_author_is_only_an_author() -> None:
    article = load(f"Council extends night buses\nBy Jane Doe and Ada Roe\n\n{PARAGRAPH}\n\n{SECOND}\n\n"
                   "Reporting by Jane Doe and Max Poe")
    assert article.authors == ("Jane Doe", "Ada Roe")
    assert article.contributors == ("Max Poe",)


@pytest.mark.parametrize(("stamp", "kept"), [("16.05 BST", True), ("2h ago", False)], ids=["clock", "age"])
def test_a_headline_under_a_live_blog_clock_stamp_is_a_heading(stamp: str, kept: bool) -> None:
    page = (f"Council extends night buses\n\n{PARAGRAPH}\n\nKey events\nShow key events only\n"
            f"Please turn on JavaScript\n\n{stamp}\nBuses run all night\n\n{SECOND}\n\n{PARAGRAPH[:-1]} again.")
    article = load(page)
    assert (("heading", "Buses run all night") in [(b.type, b.text) for b in article.body]) == kept


@pytest.mark.parametrize(("name", "authors"), [
    ("Lucía Ferrer Olmos", ("Lucía Ferrer Olmos",)),
    ("Tennis latest", ()),
    ("Breaking News", ()),
], ids=["name", "label", "section"])
def test_a_name_alone_above_the_date_stamp_is_the_byline(name: str, authors: tuple[str, ...]) -> None:
    article = load(f"Council extends night buses\n\n{name}\nMurcia - 03 abr 2024 - 10:45 CEST\n\n{PARAGRAPH}\n\n{SECOND}")
    assert article.authors == authors
    assert [b.text for b in article.body] == [PARAGRAPH, SECOND]


@pytest.mark.parametrize("line", ["Don't stop: U.S. snake_case 3.5% rise", "Crème brûlée, déjà vu", "東京で会議 2024", ""],
                         ids=["ascii", "accented", "cjk", "empty"])
def test_words_in_counts_word_runs_and_cjk_pairs(line: str) -> None:
    cjk = len(bp.CJK.findall(line))
    assert bp.words_in(line) == len(re.findall(r"\w+", bp.CJK.sub(" ", line))) + cjk // bp.CJK_CHARS_PER_WORD


@pytest.mark.parametrize(("data", "text"), [
    (b"plain\r\nascii\rtext", "plain\nascii\ntext"),
    ("Cafe\u0301\u00a0cre\u0300me".encode("utf-8"), "Café crème"),
    ("déjà vu\u200b".encode("utf-8"), "déjà vu"),
], ids=["ascii-line-endings", "decomposed", "invisible"])
def test_decoded_text_is_normalised(data: bytes, text: str) -> None:
    assert decode(data, "a.txt") == text


@pytest.mark.parametrize("line", ["plain words", "two  spaces", " leading", "trailing ", "tab\there", "no\u00a0break",
                                  "\x0bvertical", "zero\u200bwidth", ""])
def test_a_line_is_squeezed_as_splitting_and_joining_its_words_would(line: str) -> None:
    assert squeezed_line(line) == " ".join(line.split())


@pytest.mark.parametrize(("text", "expected"), [
    ("Related", True), ("MOST READ ›", True), ("Lire aussi | Un autre titre", True),
    ("Read more: " + PARAGRAPH, True), ("Related topics", False), ("The mayor said: " + PARAGRAPH, False), (PARAGRAPH, False),
], ids=["label", "shouted", "bar", "long-teaser", "two-words", "colon-in-prose", "prose"])
def test_a_break_label_opens_the_line_or_is_all_of_it(text: str, expected: bool) -> None:
    assert bp.is_break(text) is expected


def test_a_short_line_reads_the_same_on_every_page() -> None:
    pages = [page_lines(f"Share this article\n\n{text}", 1, UTC) for text in (PARAGRAPH, SECOND, PARAGRAPH)]
    assert {(page[0].kind, page[0].found) for page in pages} == {("chrome", None)}
