"""Path answers, types and script injection, without a server."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgen.serve.files import Answer, answer, content_type, normal_base_path
from newsgen.serve.live import with_live_script


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "news" / "a").mkdir(parents=True)
    (tmp_path / "news" / "a" / "index.html").write_text("<p>a</p>")
    (tmp_path / "index.html").write_text("<p>home</p>")
    return tmp_path


@pytest.mark.parametrize(("given", "normal"), [("/", "/"), ("", "/"), ("archive", "/archive/"),
                                               ("/archive", "/archive/"), ("/a/b/", "/a/b/")])
def test_base_path_is_normalised(given: str, normal: str) -> None:
    assert normal_base_path(given) == normal


@pytest.mark.parametrize("bad", ["/../", "/a/./b", "/a%2fb", "/a?b", "/a\\b"])
def test_unusable_base_path_is_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        normal_base_path(bad)


@pytest.mark.parametrize(("target", "expected"), [
    ("/", "index.html"),
    ("/news/a/", "news/a/index.html"),
    ("/news/a/index.html?x=1#top", "news/a/index.html"),
    ("/%6eews/a/", "news/a/index.html"),
], ids=["root", "folder", "query-and-fragment", "encoded"])
def test_request_leads_to_the_file(root: Path, target: str, expected: str) -> None:
    assert answer(root, target) == Answer(200, (root / expected).resolve())


@pytest.mark.parametrize(("target", "base", "location"), [
    ("/news/a", "/", "/news/a/"),
    ("/news/a?page=2", "/", "/news/a/?page=2"),
    ("/", "/archive/", "/archive/"),
    ("/archive", "/archive/", "/archive/"),
])
def test_redirects(root: Path, target: str, base: str, location: str) -> None:
    assert answer(root, target, base) == Answer(301, location=location)


@pytest.mark.parametrize(("name", "kind"), [("feed.xml", "application/xml"), ("a.WOFF2", "font/woff2"),
                                            ("m.webmanifest", "application/manifest+json"),
                                            ("blob.unknownext", "application/octet-stream")])
def test_content_type(name: str, kind: str) -> None:
    assert content_type(Path(name)) == kind


@pytest.mark.parametrize(("html", "before"), [
    (b"<html><body><p>x</p></body></html>", b"</body></html>"),
    (b"<p>x</p></BODY >\n", b"</BODY >\n"),
    (b"<p>no body end</p>", b""),
], ids=["body", "upper-case", "no-body-end"])
def test_live_script_goes_before_the_body_end(html: bytes, before: bytes) -> None:
    page = with_live_script(html, "g1")
    assert page.endswith(b"</script>\n" + before)
    assert b'"g1"' in page and page.count(b"<script") == 1
