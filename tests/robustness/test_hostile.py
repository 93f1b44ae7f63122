"""Hostile content is inert: scripts, handlers, javascript:/data: URLs, breakouts, template syntax, CSS and
Unicode tricks in any field of any kind of input appear as text, never as markup or executed code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import launched_chromium
from newsgen.build import BuildOptions, build

ALERT = "alert('pwned')"
# Each payload tries one way out of the text it is put in.
PAYLOADS = [f"<script>{ALERT}</script>", f"<img src=x onerror=\"{ALERT}\">", f"<svg onload={ALERT}>",
            f"</title><script>{ALERT}</script>", f"</script><script>{ALERT}</script>",
            f"\"><a href=\"javascript:{ALERT}\">click</a>", f"<a href=\"data:text/html,<script>{ALERT}</script>\">x</a>",
            "{{ 7*7 }}", "{% raw %}{{ config }}{% endraw %}", "<style>body{background:url(javascript:alert(1))}</style>",
            "\u202eevil\u202c", "zero\u200bwidth"]
HOSTILE = " ".join(PAYLOADS)
PARAGRAPH = "The harbour board approved the new ferry timetable on Tuesday after a month of talks with residents."


def text_article(n: int) -> str:
    title = json.dumps(f"Ferry story {n} {HOSTILE}")
    return (f"---\ntitle: {title}\nslug: {json.dumps('a' + PAYLOADS[n % len(PAYLOADS)])}\n"
            f"summary: {json.dumps(HOSTILE)}\nauthors: [{json.dumps(PAYLOADS[1])}]\ntags: [{json.dumps(PAYLOADS[0])}]\n"
            f"published: 2024-03-0{n}T10:00:00+00:00\n---\n"
            f"{PARAGRAPH} {HOSTILE}\n\nPhoto: {PAYLOADS[2]} / Wire Photo\n\n{PARAGRAPH.replace('Tuesday', 'Friday')} "
            f"{PAYLOADS[3]}\n")


def html_page() -> str:
    return (f"<html><head><title>Harbour {PAYLOADS[3]}</title>"
            f"<meta property=\"og:title\" content=\"{HOSTILE.replace(chr(34), '&quot;')}\">"
            f"<script>{ALERT}</script></head><body onload=\"{ALERT}\"><article><h1>Harbour page</h1>"
            f"<p>{PARAGRAPH} <a href=\"javascript:{ALERT}\">link</a> <a href=\"https://example.org/x\">ok</a></p>"
            f"<figure><img src=\"javascript:{ALERT}\" onerror=\"{ALERT}\"><figcaption>{'&lt;script&gt;' + ALERT}"
            f"</figcaption></figure><p style=\"background:url(javascript:{ALERT})\">{PARAGRAPH} {{{{ 7*7 }}}}</p>"
            f"<iframe src=\"data:text/html,<script>{ALERT}</script>\"></iframe></article></body></html>")


def markdown_article() -> str:
    return (f"---\ntitle: {json.dumps('Markdown ' + HOSTILE)}\npublished: 2024-03-09T10:00:00+00:00\n---\n"
            f"{PARAGRAPH}\n\n<script>{ALERT}</script>\n\n[click](javascript:{ALERT}) {{{{ 7*7 }}}}\n\n"
            f"<div onclick=\"{ALERT}\">{PARAGRAPH}</div>\n")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("hostile") / "site"
    (site / "articles").mkdir(parents=True)
    for n in range(1, 4):
        (site / f"articles/story-{n}.txt").write_text(text_article(n), encoding="utf-8")
    (site / "articles/page.html").write_text(html_page(), encoding="utf-8")
    (site / "articles/post.md").write_text(markdown_article(), encoding="utf-8")
    report = build(site, BuildOptions(jobs=1))
    assert report.count("built") == 5, report.outcomes
    return site / "build"


def pages(build_dir: Path) -> list[Path]:
    return sorted(p for p in build_dir.rglob("*.html") if "pagefind" not in p.parts)


def test_no_markup_or_template_code_comes_through(built: Path) -> None:
    for page in pages(built):
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "lxml")
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json" or "pwned" not in script.text, page
        assert "pwned" not in " ".join(s.text for s in soup.find_all("script") if s.get("type") != "application/ld+json")
        for element in soup.find_all(True):
            assert not any(name.lower().startswith("on") for name in element.attrs), (page, element)
            for name in ("href", "src", "action", "style"):
                value = str(element.get(name, "")).strip().lower()
                assert not value.startswith(("javascript:", "data:text")) and "javascript:" not in value, (page, element)
        assert soup.find("svg", onload=True) is None and soup.find("iframe") is None
        assert ">49<" not in html and " 49 " not in soup.get_text()
        assert "\u202e" not in page.relative_to(built).as_posix() and "\u200b" not in page.relative_to(built).as_posix()
    article = next(p for p in pages(built) if "Ferry story 1" in p.read_text(encoding="utf-8"))
    shown = BeautifulSoup(article.read_text(encoding="utf-8"), "lxml").get_text()
    assert "{{ 7*7 }}" in shown and PAYLOADS[0] in shown and PAYLOADS[3] in shown


def test_json_ld_parses_and_cannot_break_out(built: Path) -> None:
    for page in pages(built):
        for script in BeautifulSoup(page.read_text(encoding="utf-8"), "lxml").find_all(
                "script", type="application/ld+json"):
            json.loads(script.string)


@pytest.mark.browser
def test_no_injected_code_runs_in_a_browser(built: Path) -> None:
    article_pages = [p for p in pages(built) if p.parts[-3] == "articles"]
    assert len(article_pages) == 5
    for browser in launched_chromium():
        page = browser.new_page()
        dialogs: list[str] = []
        messages: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("console", lambda message: messages.append(message.text))
        page.on("pageerror", lambda error: messages.append(str(error)))
        for path in article_pages:
            page.goto(path.as_uri())
            page.wait_for_timeout(100)
            scripts = page.eval_on_selector_all('script[type="application/ld+json"]', "s => s.map(e => e.textContent)")
            assert scripts and all(json.loads(s) for s in scripts)
            page.mouse.click(5, 5)
        assert dialogs == [] and not [m for m in messages if "pwned" in m or "49" in m], (dialogs, messages)
