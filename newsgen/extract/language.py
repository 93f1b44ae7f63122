"""Which language a text is in (ISO 639-1), from its script, its distinctive letters and its commonest words.

The script decides first (Hangul is Korean; kana among Han characters is Japanese, Han alone Chinese).
Within a script shared by many languages, the letters only one of them uses (Ukrainian і, ї, є;
Portuguese ã, õ) and the function words each language repeats in every text settle it. When the
evidence is thin or two languages score alike, the answer is "" rather than a guess.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from itertools import compress, repeat

# Characters read: enough for a stable answer, little enough to stay fast on long pages.
SAMPLE_CHARS = 3000
# Fewer letters than this in the leading script and there is nothing to decide on.
MIN_LETTERS = 20
# Kana above this share of the Han and kana characters makes a text Japanese (Chinese has none).
KANA_SHARE_JA = 0.05
# Function words needed for a guess among Latin-script languages, and how far ahead the winner must be.
MIN_HITS = 3.0
MIN_LEAD = 1.25
# One distinctive letter (Portuguese ã, Spanish ñ) is worth this many function words.
LETTER_WEIGHT = 0.5

# (first code point, script): each script runs to the next entry's first code point.
SCRIPT_RANGES: tuple[tuple[int, str], ...] = (
    (0x0000, ""), (0x0041, "Latin"), (0x005B, ""), (0x0061, "Latin"), (0x007B, ""), (0x00C0, "Latin"),
    (0x0250, ""), (0x0370, "Greek"), (0x0400, "Cyrillic"), (0x0530, "Armenian"), (0x0590, "Hebrew"),
    (0x0600, "Arabic"), (0x0700, ""), (0x0900, "Devanagari"), (0x0980, "Bengali"), (0x0A00, "Gurmukhi"),
    (0x0A80, "Gujarati"), (0x0B00, ""), (0x0B80, "Tamil"), (0x0C00, "Telugu"), (0x0C80, "Kannada"),
    (0x0D00, "Malayalam"), (0x0D80, "Sinhala"), (0x0E00, "Thai"), (0x0E80, "Lao"), (0x0F00, ""),
    (0x1000, "Myanmar"), (0x10A0, "Georgian"), (0x1100, "Hangul"), (0x1200, "Ethiopic"), (0x1400, ""),
    (0x1780, "Khmer"), (0x1800, ""), (0x1E00, "Latin"), (0x1F00, "Greek"), (0x2000, ""), (0x3040, "Kana"),
    (0x3100, ""), (0x3130, "Hangul"), (0x3190, ""), (0x3400, "Han"), (0x4DC0, ""), (0x4E00, "Han"),
    (0xA000, ""), (0xAC00, "Hangul"), (0xD7B0, ""), (0xF900, "Han"), (0xFB00, ""), (0xFF66, "Kana"),
    (0xFFA0, ""),
)
_STARTS = [start for start, _ in SCRIPT_RANGES]

# Scripts written by one language in practice.
SCRIPT_LANGUAGE = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Armenian": "hy", "Georgian": "ka",
    "Devanagari": "hi", "Bengali": "bn", "Gurmukhi": "pa", "Gujarati": "gu", "Tamil": "ta", "Telugu": "te",
    "Kannada": "kn", "Malayalam": "ml", "Sinhala": "si", "Lao": "lo", "Myanmar": "my", "Ethiopic": "am",
    "Khmer": "km",
}

# Letters that only one language of a shared script uses (or uses far more than its neighbours).
CYRILLIC_LETTERS: dict[str, str] = {
    "uk": "іїєґ", "ru": "ыэъё", "be": "ў", "sr": "ђћ", "mk": "ѓќѕ", "kk": "әғқңөұүһ",
}
ARABIC_LETTERS: dict[str, str] = {"fa": "پچژگکی", "ur": "ٹڈڑںے"}
LATIN_LETTERS: dict[str, str] = {
    "pt": "ãõ", "es": "ñ¿¡", "de": "ßä", "fr": "œùûëÿ", "it": "ì", "pl": "łśźżąęń", "cs": "řěůň", "sk": "ľĺŕô",
    "ro": "ășțşţ", "hu": "őű", "tr": "ğış", "sv": "å", "da": "æø", "no": "æøå", "ca": "ŀ", "is": "þð", "hr": "đ",
    "vi": "ơưạảấầẩậắằẳặẹẻẽếềểệịọỏốồổộớờởợụủứừửữự",
}

# The most frequent function words of each language: distinctive and stable across topics.
STOPWORDS: dict[str, str] = {
    "en": "the of and to in is that for it was on with as by at from his he said are have has this be "
          "which would their they been were who will an not but after had its also she her them",
    "de": "der die und das ist nicht mit den von zu sich des auf für eine dem auch ein im wird sind "
          "wurde bei nach aus einer werden noch wie über hat oder aber durch dass kann",
    "fr": "le la les de des et est une du que dans pour qui sur pas au avec il elle ce sont par plus "
          "aux ont été mais cette ses leur sa nous être",
    "es": "el la los las de que y en un una por con para del se al es lo su sus más como pero fue ha "
          "este esta son también está entre muy hay desde sobre",
    "it": "il di che la per un una del della sono con non gli nel alla le è anche dei delle ha più "
          "questo come ma essere stato degli al nella alle sul tra",
    "pt": "o a os as de que e do da em um uma para com não no na dos das ao se por mais é foi são "
          "também pelo pela seu sua como está ser nos",
    "nl": "de het een en van is dat op te zijn niet met voor die er ook aan bij nog wordt maar als "
          "om dan naar uit werd hij",
    "sv": "och att det som en på är av för med till den har inte om ett var jag men han de sig kan "
          "vi efter också",
    "da": "og at det som en på er af for med til den har ikke om et var jeg men han de sig kan vi "
          "efter også fra blev",
    "no": "og at det som en på er av for med til den har ikke om et var jeg men han de seg kan vi "
          "etter også fra ble",
    "pl": "i w nie na się że z do to jest jak o od po co ale przez dla jego już jej był może tym "
          "oraz przy",
    "cs": "a v na se je že s z do to jak o od po ale pro jeho už jsou byl bylo také který která "
          "které podle",
    "sk": "a v na sa je že s z do to ako o od po ale pre jeho už sú bol bolo tiež ktorý ktorá "
          "ktoré podľa",
    "tr": "ve bir bu da de için ile olarak çok daha ne gibi en olan ama sonra kadar değil var her "
          "göre",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada ke juga ada oleh sudah "
          "mereka telah bisa",
    "ro": "și în de la cu pe că nu un o din se este care mai au pentru fost sunt după",
    "hu": "a az és hogy nem is egy van meg de ez el már csak mint volt ki még után",
    "fi": "ja on ei että se oli hän mutta ovat kun myös tai joka sen ole vain kuin",
    "ca": "el la els les de que i en un una per amb del es va no és al dels als aquest també",
    "hr": "i u je na da se za od su s a koji ne kao to su iz što ali bio",
    "vi": "của và các có là được trong cho không người một những với đã này để khi",
}
_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _code, _words in STOPWORDS.items():
    for _word in set(_words.split()):
        _WORD_LANGUAGES[_word] = _WORD_LANGUAGES.get(_word, ()) + (_code,)
PUNCTUATION = ".,;:!?\"'“”‘’«»()[]{}…—–-/|*"
# Each language's own letters as they are counted in a text: the letter and its capital.
_LETTER_KEYS: dict[str, tuple[str, ...]] = {
    code: tuple(key for letter in own for key in (letter, letter.upper())) for code, own in LATIN_LETTERS.items()
}
_ANY_LETTER_KEY = frozenset(key for keys in _LETTER_KEYS.values() for key in keys)
# ASCII bytes that are not letters: deleting them from ASCII text leaves its letters to count.
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())


def language_of(text: str) -> str:
    """The language code, or "" when the text does not say clearly enough."""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # the common case: Latin letters only, none of them distinctive
        letters = len(sample.encode("ascii").translate(None, _ASCII_NON_LETTERS))
        return latin_language(sample, Counter()) if letters >= MIN_LETTERS else ""
    chars = Counter(sample)
    scripts = script_letters(chars)
    if not scripts:
        return ""
    script, letters = scripts.most_common(1)[0]
    if letters < MIN_LETTERS:
        return ""
    if script in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[script]
    if script in ("Han", "Kana"):
        kana = scripts.get("Kana", 0)
        return "ja" if kana > KANA_SHARE_JA * (kana + scripts.get("Han", 0)) else "zh"
    if script == "Cyrillic":
        return marked_language(chars, CYRILLIC_LETTERS, letters) or "ru"
    if script == "Arabic":
        return marked_language(chars, ARABIC_LETTERS, letters) or "ar"
    if script == "Latin":
        return latin_language(sample, chars)
    return ""


def script_letters(chars: Counter[str]) -> Counter[str]:
    """How many letters of each script the text has."""
    scripts: Counter[str] = Counter()
    for char, count in chars.items():
        script = SCRIPT_RANGES[bisect_right(_STARTS, ord(char)) - 1][1]
        if script and char.isalpha():
            scripts[script] += count
    return scripts


def marked_language(chars: Counter[str], marks: dict[str, str], letters: int) -> str:
    """The language whose own letters are commonest, if any of them occur at all."""
    counts = {code: sum(chars[c] for c in own) for code, own in marks.items()}
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] > letters / 1000 else ""


def latin_language(sample: str, chars: Counter[str]) -> str:
    """The best-scoring language by function words, helped by letters only it uses."""
    scores: Counter[str] = Counter()
    counts = Counter(sample.lower().split())  # each distinct word looked up once, in C-level passes
    looked_up = list(map(_WORD_LANGUAGES.get, map(str.strip, counts, repeat(PUNCTUATION))))
    for codes, count in zip(filter(None, looked_up), compress(counts.values(), looked_up)):
        for code in codes:
            scores[code] += count / len(codes)
    present = _ANY_LETTER_KEY.intersection(chars)  # most texts have none: a language without any scores nothing
    for code, keys in _LETTER_KEYS.items():
        if not present.isdisjoint(keys):
            scores[code] += LETTER_WEIGHT * sum(chars.get(key, 0) for key in keys)
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return ""
    if len(ranked) > 1 and ranked[0][1] < MIN_LEAD * ranked[1][1]:
        return ""
    return ranked[0][0]
