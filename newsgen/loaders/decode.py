"""Bytes to clean text: the encoding detected, line endings and Unicode forms made one."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import SourceError

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# Spaces that look like a space but break word splitting and matching.
ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width spaces and bidi overrides carry no text, they only hide or reorder it
# (the joiners U+200C/U+200D stay: Persian and emoji spell with them).
INVISIBLE = re.compile(r"[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
# Codecs that read_as_western has already ruled out, and Mac code pages, rare on the web.
WESTERN = ("cp1252", "latin_1", "iso8859_1", "iso8859_15")
# In Western European languages accented letters are a small minority; in Cyrillic or Greek
# text misread as Windows-1252 nearly every letter is "accented".
MAX_ACCENTED_SHARE = 0.25
# A symbol between two letters ("Wa³êsa", "¿ó³w") is a Central European letter misread as Windows-1252.
MISREAD_LETTER = re.compile(r"(?<=[^\W\d_])[\u00a2-\u00bf\u0152\u0153\u0178\u02c6\u2020\u2021\u2030](?=[^\W\d_])")
# Share of control characters above which a file is binary, not text, in a sample of this many characters.
MAX_CONTROL_SHARE = 0.01
BINARY_SAMPLE_CHARS = 20_000
# Control characters other than tab, newline and form feed, and the replacement mark of a failed decode.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\ufffd]")


def decode(data: bytes, path: str) -> str:
    """Text of a file, or a SourceError saying why it is not text."""
    if not data.strip():
        raise SourceError("the file is empty", path)
    text = normalise(decoded(data, path))
    if binary_share(text) > MAX_CONTROL_SHARE:
        raise SourceError("the file is binary data, not text", path)
    if not text.strip():
        raise SourceError("the file has only white space", path)
    return text


def decoded(data: bytes, path: str) -> str:
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        raise SourceError("the file is binary data, not text", path)
    return data.decode(legacy_encoding(data), errors="replace")


def legacy_encoding(data: bytes) -> str:
    """Windows-1252 when the text reads as Western European in it, as browsers assume; else detected."""
    if reads_as_western(data):
        return "cp1252"
    matches = [m for m in from_bytes(data[:200_000]) if not m.encoding.startswith(("mac", *WESTERN))]
    return matches[0].encoding if matches else "cp1252"


def reads_as_western(data: bytes) -> bool:
    try:
        text = data[:200_000].decode("cp1252")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    accented = sum(1 for ch in letters if ord(ch) > 127)
    return accented <= MAX_ACCENTED_SHARE * max(len(letters), 1) and not MISREAD_LETTER.search(text)


def normalise(text: str) -> str:
    """One line ending, plain spaces, no invisible marks, NFC; plain ASCII text (most files) is only
    checked for carriage returns, since it has no odd spaces or composed forms."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text
    text = INVISIBLE.sub("", ODD_SPACES.sub(" ", text))
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def binary_share(text: str) -> float:
    sample = text[:BINARY_SAMPLE_CHARS]
    return len(CONTROL.findall(sample)) / max(len(sample), 1)
