"""Bytes to clean text: the encoding detected, line endings and Unicode forms made one."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from ..errors import SourceError
from ..extract.substrings import contains_any

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
def _chars(*spans: tuple[int, int]) -> str:
    """The characters of inclusive code point ranges, as one string."""
    return "".join(chr(c) for first, last in spans for c in range(first, last + 1))


# Spaces that look like a space but break word splitting and matching.
ODD_SPACE_CHARS = _chars((0xA0, 0xA0), (0x2000, 0x200A), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))
ODD_SPACES = re.compile(f"[{ODD_SPACE_CHARS}]")
# Zero-width spaces and bidi overrides carry no text, they only hide or reorder it
# (the joiners U+200C/U+200D stay: Persian and emoji spell with them).
INVISIBLE_CHARS = _chars((0x200B, 0x200B), (0x2060, 0x2060), (0xFEFF, 0xFEFF), (0x202A, 0x202E), (0x2066, 0x2069))
INVISIBLE = re.compile(f"[{INVISIBLE_CHARS}]")
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
CONTROL_CHARS = _chars((0x00, 0x08), (0x0B, 0x0B), (0x0D, 0x1F), (0xFFFD, 0xFFFD))
CONTROL = re.compile(f"[{re.escape(CONTROL_CHARS)}]")


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
    """One line ending, plain spaces, no invisible marks, NFC. Most text has none of the odd characters,
    which a few substring tests (memchr-fast) tell before any scan that rewrites it."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():
        return text
    if contains_any(text, ODD_SPACE_CHARS + INVISIBLE_CHARS):
        text = INVISIBLE.sub("", ODD_SPACES.sub(" ", text))
    if _is_latin_1(text) or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def _is_latin_1(text: str) -> bool:
    """Whether the text is all Latin-1 (such text is always NFC: composing marks start at U+0300)."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def binary_share(text: str) -> float:
    sample = text[:BINARY_SAMPLE_CHARS]
    if not contains_any(sample, CONTROL_CHARS):
        return 0.0
    return len(CONTROL.findall(sample)) / max(len(sample), 1)
