"""Changes rebuild the site and reach open pages; errors keep the old site and show an overlay."""

from __future__ import annotations

import threading
import time

from serving import STORY, EventStream, Served, fetch, fresh, wait_for  # noqa: F401  (fixture)

BROKEN = '{% extends "default/article.html" %}\n{% block main %}\n{% if %}\n{% endblock %}\n'
FIXED = '{% extends "default/article.html" %}\n'
# Long enough for a second, unwanted rebuild to have started had the burst been split.
SETTLE_SECONDS = 0.6


def edit(served: Served, text: str, name: str = "harbour.txt") -> None:
    (served.site / "articles" / name).write_text(text, encoding="utf-8")


def test_edited_article_shows_in_the_next_request(fresh: Served) -> None:
    url = fresh.article_url()
    edit(fresh, STORY.replace("sea wall", "sea wall and the lighthouse steps"))
    started = time.monotonic()
    wait_for(lambda: b"lighthouse steps" in fetch(fresh.port, url).body)
    assert time.monotonic() - started < 5
    assert len(fresh.rebuilds()) == 1


def test_open_page_is_told_to_reload_after_a_rebuild(fresh: Served) -> None:
    stream = EventStream(fresh.port)
    try:
        hello = stream.next("hello")
        edit(fresh, STORY + "\nA late paragraph about the ferry timetable was added here today.\n")
        assert stream.next("reload")["generation"] != hello["generation"]
    finally:
        stream.close()


def test_template_error_shows_overlay_keeps_old_page_and_fix_reloads(fresh: Served) -> None:
    url = fresh.article_url()
    (fresh.site / "templates").mkdir()
    stream = EventStream(fresh.port)
    try:
        stream.next("hello")
        (fresh.site / "templates" / "article.html").write_text(BROKEN, encoding="utf-8")
        error = stream.next("build-error")
        assert error["fatal"] is True
        assert error["problems"][0]["file"].endswith("article.html")
        assert error["problems"][0]["line"] == 3
        page = fetch(fresh.port, url)
        assert page.status == 200 and b"Harbour reopens after storm" in page.body
        (fresh.site / "templates" / "article.html").write_text(FIXED, encoding="utf-8")
        stream.next("reload")
    finally:
        stream.close()


def test_page_opened_while_broken_hears_the_error_at_once(fresh: Served) -> None:
    (fresh.site / "newsgen.yaml").write_text("per_page: many\n", encoding="utf-8")
    wait_for(lambda: fresh.failures())
    stream = EventStream(fresh.port)
    try:
        stream.next("hello")
        assert stream.next("build-error")["problems"][0]["file"].endswith("newsgen.yaml")
    finally:
        stream.close()


def test_burst_of_200_changes_is_one_rebuild(fresh: Served) -> None:
    for n in range(200):
        (fresh.site / "static" / f"note-{n}.txt").write_text(f"note {n}\n", encoding="utf-8")
    wait_for(lambda: fresh.rebuilds())
    time.sleep(SETTLE_SECONDS)
    assert len(fresh.rebuilds()) == 1
    assert len(fresh.rebuilds()[0].changes) == 200
    assert fetch(fresh.port, "/static/note-199.txt").body == b"note 199\n"


def test_editor_temp_files_trigger_nothing(fresh: Served) -> None:
    articles = fresh.site / "articles"
    for name in (".harbour.txt.swp", "harbour.txt~", "4913", ".#harbour.txt", "harbour.txt.swx"):
        (articles / name).write_text("x", encoding="utf-8")
    edit(fresh, STORY.replace("Monday", "Tuesday"))
    wait_for(lambda: fresh.rebuilds())
    time.sleep(SETTLE_SECONDS)
    assert [r.changes for r in fresh.rebuilds()] == [(str(articles / "harbour.txt"),)]


def test_failed_article_is_reported_and_the_rest_still_published(fresh: Served) -> None:
    edit(fresh, "", name="empty.txt")
    rebuilt = wait_for(lambda: fresh.rebuilds())[0]
    assert rebuilt.report.count("failed") == 1
    stream = EventStream(fresh.port)
    try:
        problems = stream.next("build-error")
        assert problems["fatal"] is False and problems["problems"][0]["file"] == "empty.txt"
    finally:
        stream.close()


def test_request_during_a_rebuild_waits_and_gets_the_new_page(fresh: Served, monkeypatch) -> None:
    import newsgen.serve.preview as preview_module

    building = threading.Event()

    def slow_build(*args, **kwargs):
        building.set()
        time.sleep(0.5)
        return real_build(*args, **kwargs)

    real_build = preview_module.build
    monkeypatch.setattr(preview_module, "build", slow_build)
    url = fresh.article_url()
    edit(fresh, STORY.replace("sea wall", "breakwater"))
    assert building.wait(10)
    page = fetch(fresh.port, url)
    assert page.status == 200 and b"breakwater" in page.body


def test_pages_stay_whole_while_rebuilding(fresh: Served) -> None:
    url, statuses, stop = fresh.article_url(), [], threading.Event()

    def hammer() -> None:
        while not stop.is_set():
            page = fetch(fresh.port, url)
            statuses.append(page.status if b"</html>" in page.body else -1)

    readers = [threading.Thread(target=hammer) for _ in range(4)]
    for reader in readers:
        reader.start()
    for n in range(3):
        edit(fresh, STORY.replace("Monday", f"day {n}"))
        wait_for(lambda: len(fresh.rebuilds()) > n)
    stop.set()
    for reader in readers:
        reader.join()
    assert statuses and set(statuses) == {200}


def test_input_folder_created_later_is_watched(fresh: Served) -> None:
    (fresh.site / "templates").mkdir()
    wait_for(lambda: fresh.rebuilds())
    (fresh.site / "templates" / "article.html").write_text(FIXED + "{% block main %}TEMPLATE-MARK{% endblock %}\n",
                                                           encoding="utf-8")
    wait_for(lambda: b"TEMPLATE-MARK" in fetch(fresh.port, fresh.article_url()).body)


def test_removed_and_restored_articles_folder_keeps_being_watched(fresh: Served) -> None:
    articles = fresh.site / "articles"
    moved = fresh.site.parent / "articles-aside"
    articles.rename(moved)
    wait_for(lambda: fresh.rebuilds())
    assert fetch(fresh.port, fresh.article_url()).status == 404
    moved.rename(articles)
    wait_for(lambda: fetch(fresh.port, fresh.article_url()).status == 200)
    edit(fresh, STORY.replace("sea wall", "harbour crane"))
    wait_for(lambda: b"harbour crane" in fetch(fresh.port, fresh.article_url()).body)
