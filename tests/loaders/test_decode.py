import codecs

import pytest

from newsgen.errors import SourceError
from newsgen.loaders.decode import decode

TEXT = "Café owners in São Paulo said the “new rules” would cost them — dearly.\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("utf-16"),
    TEXT.encode("cp1252"),
], ids=["utf8", "utf8-bom", "utf16-bom", "cp1252"])
def test_encodings_are_detected(data: bytes) -> None:
    assert decode(data, "a.txt") == TEXT


def test_latin1_text_is_read() -> None:
    text = "Le ministre a déclaré que la réforme était nécessaire pour l'économie française.\n" * 3
    assert decode(text.encode("latin-1"), "a.txt") == text


@pytest.mark.parametrize("raw, expected", [
    ("a\r\nb\rc\n", "a\nb\nc\n"),
    ("non\u00a0breaking\u202fspaces", "non breaking spaces"),
    ("zero\u200bwidth and \u202ebidi", "zerowidth and bidi"),
    ("e\u0301", "\u00e9"),
], ids=["line-endings", "odd-spaces", "invisible", "nfc"])
def test_text_is_normalised(raw: str, expected: str) -> None:
    assert decode(raw.encode("utf-8"), "a.txt") == expected


@pytest.mark.parametrize("data, reason", [
    (b"", "empty"),
    (b"  \n\t\n", "empty"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "binary"),
], ids=["empty", "whitespace", "binary", "png"])
def test_non_text_is_a_source_error_naming_the_file(data: bytes, reason: str) -> None:
    with pytest.raises(SourceError) as caught:
        decode(data, "bad.txt")
    assert reason in caught.value.reason and caught.value.path == "bad.txt"


@pytest.mark.parametrize("text, codec", [
    ("Le café de la gare a rouvert ; « c’est un soulagement », dit-on — 3 € le crème.\n" * 4, "cp1252"),
    ("Wałęsa powiedział, że żółw i źrebię są w ogrodzie zoologicznym w Gdańsku.\n" * 4, "cp1250"),
    ("Москва заявила, что новые правила вступят в силу завтра утром.\n" * 4, "cp1251"),
], ids=["french-cp1252", "polish-cp1250", "russian-cp1251"])
def test_legacy_code_pages_are_told_apart(text: str, codec: str) -> None:
    assert decode(text.encode(codec), "a.txt") == text
