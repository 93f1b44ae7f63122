"""Which language a text is in (ISO 639-1), from its script and its commonest words."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+")

# Scripts used by one language in practice; checked before word lists.
SCRIPTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("he", re.compile(r"[\u0590-\u05ff]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("hi", re.compile(r"[\u0900-\u097f]")),
)

# The most frequent function words of each language: distinctive and stable across topics.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it was on with as by at from his he said".split()),
    "de": frozenset("der die und das ist nicht mit den von zu sich des auf für eine dem auch".split()),
    "fr": frozenset("le la les de des et est une du que dans pour qui sur pas au avec".split()),
    "es": frozenset("el la los las de que y en un una por con para del se al es".split()),
    "it": frozenset("il di che la per un una del della sono con non gli nel alla".split()),
    "pt": frozenset("o a os as de que e do da em um uma para com não no na dos".split()),
    "nl": frozenset("de het een en van is dat op te zijn niet met voor die".split()),
    "ru": frozenset("и в не на что с по он как это из для его к о".split()),
    "uk": frozenset("і в не на що з до як це та від його за у".split()),
    "pl": frozenset("i w nie na się że z do to jest jak o od po".split()),
    "sv": frozenset("och att det som en på är av för med till den har".split()),
    "tr": frozenset("ve bir bu da de için ile olarak çok daha ne gibi".split()),
    "id": frozenset("yang dan di ini itu dengan untuk dari dalam tidak akan pada".split()),
    "ar": frozenset("في من على أن إلى عن مع هذا التي الذي".split()),
    "fa": frozenset("و در به از که این را با است برای".split()),
}
# Fewer matching words than this and the guess is not worth making.
MIN_HITS = 3


def language_of(text: str) -> str:
    """The language code, or "" when the text does not say clearly enough."""
    sample = text[:5000]
    for code, pattern in SCRIPTS:
        if len(pattern.findall(sample)) > 20:
            return code
    words = [w.lower() for w in WORD.findall(sample)]
    scores = {code: sum(1 for w in words if w in stop) for code, stop in STOPWORDS.items()}
    best = max(scores, key=lambda c: scores[c])
    return best if scores[best] >= MIN_HITS else ""
