"""Page chrome versus story prose, as named signals and thresholds.

Copied page text is the story surrounded by menus, share buttons, teasers of
other stories and footers. The signals here are structural first (how long a
line is, whether it reads as a sentence, whether it repeats, whether it sits in
a run of short menu-like lines, whether it is a link or a handle); the word
lists of chrome in several languages only add to them.
"""

from __future__ import annotations

import re

from .substrings import contains_any

# --- Line shape ---------------------------------------------------------------------------------

# A line of at least this many words is prose even without a full stop (long list items, quotes).
PROSE_WORDS = 20
# A line ending like a sentence is prose from this many words (shorter ones are labels: "Read more.").
SENTENCE_WORDS = 6
# Headings inside a story are short: longer non-sentences are teasers of other stories.
HEADING_WORDS = 14
# Menu items are a few words each; a run of them is navigation, not a story.
MENU_WORDS = 4
# This many menu-like lines in a row is a menu, even inside the story (share bars, tag lists).
MENU_RUN = 3
# CJK scripts write no spaces: this many characters count as one word.
CJK_CHARS_PER_WORD = 2
# A repeated line this long or longer is a copy (teaser, caption), shorter repeats are labels.
REPEAT_MIN_WORDS = 3
# A line found this many times on a page is a template (a caption under every photo), first copy included.
TEMPLATE_COPIES = 4

WORD = re.compile(r"\w+")
# The same words in Latin-1 text (ASCII included), counted faster in its bytes: each word character becomes
# "w", every other byte a space, and a word starts at each "w" after a space or at the start.
LATIN_WORD_MARKS = bytes(ord("w") if chr(c).isalnum() or c == ord("_") else ord(" ") for c in range(256))
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# A sentence ends in a stop, question or exclamation mark, maybe inside quotes or brackets (the closers).
SENTENCE_STOPS = frozenset(".!?。！？…:;")
CLOSERS = "\"'”’»)]"
# A question ends in a question mark (Latin, full-width, Arabic), maybe inside quotes or brackets.
QUESTION_MARKS = frozenset("?？؟")
URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
HANDLE = re.compile(r"^@\w+$|^\S+@\S+\.\w+$")
BULLET = re.compile(r"^(?:[•·▪►✓*–-]|\d{1,2}[.)])\s+\S")
BULLET_MARK = re.compile(r"^(?:[•·▪►✓*–-]|\d{1,2}[.)])\s+")
# A price: a currency sign next to a number ("$169.99", "60,000₩", "€ 12").
PRICE = re.compile(r"[$€£¥₩₹]\s?\d|\d\s?[$€£¥₩₹]")
# Teasers and truncated copies end in an ellipsis.
ELLIPSES = ("...", "…")
# Counters, times and prices on their own ("3.409", "14h261", "00"): widget residue.
NUMERIC = re.compile(r"^[\W\d_]*\d[\W\d_hmsdk]*$", re.IGNORECASE)

# --- Scores for choosing the story region (a maximum-sum run over the lines) ----------------------

# Each prose word counts for the region, up to this many per line (one huge line must not carry a page).
PROSE_CAP = 60
# A short non-sentence line costs this much: menus and link lists pull the region away.
SHORT_COST = -3.0
# Teasers of other stories (headline-shaped lines) cost a little more than menu items.
HEADLINE_COST = -4.0
# Known chrome costs the most: the story rarely runs through "Related" or "Newsletter".
CHROME_COST = -10.0
# Captions, bylines, dates and notes belong near the story but are not its text.
FURNITURE_COST = -1.0
# A label that opens a list of other stories ("Related", "Most read") almost always ends the story.
BREAK_COST = -25.0
# On a page whose paragraphs are set apart by blank lines, prose packed tight between other lines
# is a list of teasers; such lines count this share of their words.
TIGHT_PROSE_SHARE = 0.25
# The page sets its paragraphs apart by blank lines when at least this share of its prose is.
BLANK_STYLE_SHARE = 0.6
# A packed group with this many chrome lines, at least half of it, is a chrome box (newsletter sign-up).
BOX_CHROME_LINES = 2
# List items are story content more often than menus (menus are labels, not numbered items).
BULLET_SCORE = 1.5
# A short line set apart by blank lines is a block of its own (a heading, a link under a list item);
# menus are runs of lines with no blank between them. Isolated short lines cost this share.
ISOLATED_SHARE = 0.3

# --- Chrome words, several languages: whole-line labels, matched case-folded without trailing
# punctuation, one label per "|" -------------------------------------------------------------------

CHROME_LABELS = frozenset(label.strip() for label in """
advertisement|advertisements|advertising|advert|adverts|ad|ads|sponsored|sponsored content|anzeige|werbung|publicité|
publicidad|pubblicità|publicidade|реклама|広告|광고|
share|share this|share this article|share on facebook|share on twitter|tweet|email|e-mail|print|comment|comments|
teilen|partager|compartir|condividi|compartilhar|поделиться|共有|공유|whatsapp|facebook|twitter|linkedin|
reddit|pinterest|telegram|copy link|copy url|copy link copied|link copied|flipboard|messenger|x|
listen to this article|listen|listen to article|audio|gift this article|save|saved|bookmark|
read more|read also|see also|more|related|related articles|related stories|related content|recommended|
more from|more stories|most read|most popular|popular|trending|latest|latest news|top stories|up next|
weiterlesen|mehr zum thema|lire aussi|à lire aussi|lire la suite|leer más|lee también|leia mais|leia também|
veja também|leggi anche|continua a leggere|читайте также|читать далее|関連記事|관련기사|
skip to content|skip to main content|skip navigation|menu|search|home|login|log in|sign in|sign up|
subscribe|register|newsletter|newsletters|follow us|contact|about us|privacy policy|terms of use|
cookie policy|accept|accept all|ok|got it|close|back to top|top|next|previous|loading|
show comments|view comments|leave a comment|add comment|lascia un commento|nessun commento|
kommentare|commentaires|comentarios|commenti|comentários|комментарии|tags|tag|topics|
""".replace("\n", "").split("|") if label.strip())

# Labels that open a list of other stories: the strongest end-of-story signal.
BREAK_LABELS = frozenset(label.strip() for label in """
related|related articles|related stories|related content|related links|related posts|recommended|
read more|read also|see also|more from|more stories|more news|most read|most popular|popular|trending|
latest|latest news|top stories|up next|you may also like|you might also like|more on this|also read|
mehr zum thema|lire aussi|à lire aussi|lee también|leia também|veja também|leggi anche|читайте также|
関連記事|관련기사|tags|topics|comments|
""".replace("\n", "").split("|") if label.strip())
LONGEST_BREAK_LABEL = max(map(len, BREAK_LABELS))

# Phrases that make a short or medium line chrome wherever they appear in it: they talk to the reader
# about the site (cookies, rights, policies, following, clicking).
CHROME_PHRASES = re.compile(
    r"\b(?:cookies?|newsletters?|all rights? reserved|privacy policy|terms of (?:use|service)|"
    r"follow (?:us|him|her|me|them)|download (?:the|our) app|click here|javascript|"
    r"abonnieren|abonnez|suscríbete|iscriviti|assine|подпишитесь|copyright)\b|©",
    re.IGNORECASE,
)
# Service words: chrome in a short line (up to SHORT_CHROME_WORDS) or as a command opening a sentence ("Subscribe to ..."); a story
# about streaming or magazines uses them in its sentences ("... sign up additional subscribers").
SERVICE_PHRASES = re.compile(r"\b(?:subscribe|subscription|sign up|подписаться|подписку)\b", re.IGNORECASE)
SERVICE_COMMAND = re.compile(r"(?:^|[.!?]\s)\W*(?:click to )?(?:subscribe|sign up)\b", re.IGNORECASE)
# Phrases that make a short line (up to SHORT_CHROME_WORDS) chrome: widget captions, reading times,
# "continues below" markers, paywall notices; short only, since a sentence of the story may use them.
SHORT_CHROME_WORDS = 16
SHORT_CHROME_PHRASES = re.compile(
    r"\b(?:story continues|article continues|continues? below|continue reading|scroll to continue|"
    r"enlarge this image|toggle caption|hide caption|image caption|copy link|link copied|"
    r"\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read|read(?:ing)? time|min(?:utes?)? de lecture|lecture \d+ min|"
    r"lesezeit|tiempo de lectura|minuti di lettura|"
    r"subscribers? only|for subscribers|exclusive to subscribers|already a subscriber|réservée? aux abonnés|"
    r"déjà abonné|il vous reste \d+(?=\s*%)|nur für abonnenten|exclusivo para suscriptores|riservato agli abbonati|"
    r"^share (?:this|the|full|on|via)\b|enter your e-?mail|by signing up|opens? (?:in )?(?:a )?new (?:tab|window)|show key events)\b",
    re.IGNORECASE,
)
# Chrome phrases decide only on lines up to this many words; a long line that mentions
# "cookies" is more likely a sentence of the story.
CHROME_PHRASE_WORDS = 60
# Each phrase pattern with the lowercase stems it cannot match without and the most words of a line it
# judges: a pattern is searched only in a line holding one of its stems (most lines hold none), since a few
# substring tests cost a fraction of one case-insensitive search over a long line.
PHRASE_TESTS: tuple[tuple[re.Pattern[str], tuple[str, ...], int], ...] = (
    (CHROME_PHRASES, ("cooki", "newsletter", "reserved", "privacy policy", "terms of ", "follow ", "download ",
                      "click here", "javascript", "abonn", "suscr", "iscriv", "assine", "подпи", "copyright", "©"),
     CHROME_PHRASE_WORDS),
    (SERVICE_COMMAND, ("subscribe", "sign up"), CHROME_PHRASE_WORDS),
    (SERVICE_PHRASES, ("subscri", "sign up", "подпис"), SHORT_CHROME_WORDS),
    (SHORT_CHROME_PHRASES, ("continu", "enlarge this", "caption", "copy link", "link copied", "read", "lectur",
                            "lesezeit", "lettura", "subscriber", "abonn", "il vous reste", "suscriptores", "abbonati",
                            "share ", "enter your e", "by signing up", "new tab", "new window", "key events"),
     SHORT_CHROME_WORDS),
)
# A caption under its label, the label glued on or not ("Image caption A man ...", "Media captionA man ...").
CAPTION_LABEL = re.compile(
    r"^(?:image|media|photo|video|picture) ?caption\s*:?\s*|^(?:pie de foto|legenda da foto|подпись к фото|"
    r"bildunterschrift|légende)\s*:?\s*",
    re.IGNORECASE,
)
# A counted label ("14 Comments", "3 Shares"): a widget counter, not text.
COUNTED_LABEL = re.compile(r"^\d[\d.,]*[kKmM]?\s+(\w+)$")
# A bare time with an optional zone ("16.05 BST", "9:41 am"): a live-blog entry stamp or a clock; an age
# ("2h ago") stamps a teaser in a list of other stories.
CLOCK_STAMP = re.compile(r"^\d{1,2}[.:h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?$", re.IGNORECASE)
AGE_STAMP = re.compile(r"^\d+\s*(?:min|h|m)\s+ago$", re.IGNORECASE)
# An e-mail address in a short line: a contact line, not story text.
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
# "Related: Other headline", "Lire aussi | Autre titre": a label leading a teaser (cut at its first ":" or "|").
# Widget rows join their parts with these: "Posted in Baking | 14 Comments".
PART_SEPARATOR = re.compile(r"\s+[|·•]\s+")
PART_MARKS = frozenset("|·•")
# Only short rows are widgets; a long sentence may contain a "|".
SEPARATED_WORDS = 10
# Trailing marks stripped from a label ("Read more ›", "Share:").
TRAILING = " \t:.!?»›>→|•·…"
# The longest chrome or break label has this many words (4) and a little room: longer lines are never
# looked up.
LABEL_WORDS = 6


def words_in(text: str) -> int:
    """Words in a line, counting CJK characters in pairs since those scripts have no spaces."""
    try:
        marks = text.encode("latin-1").translate(LATIN_WORD_MARKS)
    except UnicodeEncodeError:  # beyond Latin-1: the slower regex count
        pass
    else:
        return marks.count(b" w") + marks.startswith(b"w")
    cjk = len(CJK.findall(text))
    if not cjk:
        return len(WORD.findall(text))
    return len(WORD.findall(CJK.sub(" ", text))) + cjk // CJK_CHARS_PER_WORD


def is_sentence(text: str) -> bool:
    return _last_mark(text) in SENTENCE_STOPS


def _last_mark(text: str) -> str:
    """The line's last character before closing quotes and brackets ("" when there is none)."""
    return text.removesuffix("\n").rstrip(CLOSERS)[-1:]


def is_call_to_action(text: str, words: int) -> bool:
    """A button that asks the reader to sign up ("Sign Up", "Subscribe now"): it closes a promotion box."""
    return words <= LABEL_WORDS and SERVICE_PHRASES.search(text) is not None


def labelled_caption(text: str) -> str | None:
    """The caption after a caption label ("Image caption Text" -> "Text"), or None without one."""
    match = CAPTION_LABEL.match(text) if text[:1].isalpha() else None
    return text[match.end():] if match and match.end() < len(text) else None


def is_question(text: str) -> bool:
    """A line ending in a question mark (Latin, CJK, Arabic), maybe inside quotes or brackets."""
    return _last_mark(text) in QUESTION_MARKS


def is_prose(text: str, words: int) -> bool:
    """A line that reads as running text: long, or a sentence of more than a few words."""
    return words >= PROSE_WORDS or (words >= SENTENCE_WORDS and is_sentence(text))


def is_chrome(text: str, words: int) -> bool:
    """Known page furniture: a whole-line label, a link, a handle, widget numbers, or a chrome phrase."""
    if words <= LABEL_WORDS and label_of(text) in CHROME_LABELS:
        return True
    if ("@" in text and HANDLE.match(text)) or (not text[0].isalpha() and NUMERIC.match(text)):
        return True
    if words <= SEPARATED_WORDS and PART_MARKS.intersection(text) and _has_chrome_part(text):
        return True
    if words > CHROME_PHRASE_WORDS:
        return False
    if "@" in text and EMAIL.search(text):
        return True
    return _has_chrome_phrase(text, words)


def _has_chrome_phrase(text: str, words: int) -> bool:
    lowered = text.lower()
    for pattern, stems, most_words in PHRASE_TESTS:
        if words <= most_words and contains_any(lowered, stems) and pattern.search(text):
            return True
    return False


def has_chrome_phrase(text: str) -> bool:
    """Whether a line speaks to the reader about the site (cookies, rights, following, newsletters)."""
    return CHROME_PHRASES.search(text) is not None


def label_of(text: str) -> str:
    """A line as a label: case-folded, without trailing marks ("Read more ›" -> "read more")."""
    return text.rstrip(TRAILING).casefold()


def is_break(text: str) -> bool:
    """A label that opens a list of other stories, alone or leading a teaser ("Related: ...").

    Only a line's head is case-folded: folding never shortens text, so a longer line or lead is no label.
    """
    stripped = text.rstrip(TRAILING)
    if len(stripped) <= LONGEST_BREAK_LABEL and stripped.casefold() in BREAK_LABELS:
        return True
    colon, bar = stripped.find(":"), stripped.find("|")
    cut = min(colon, bar) if colon >= 0 and bar >= 0 else max(colon, bar)
    if cut < 0:
        return False
    lead = stripped[:cut].rstrip()
    return len(lead) <= LONGEST_BREAK_LABEL and lead.casefold() in BREAK_LABELS


def _has_chrome_part(text: str) -> bool:
    """A line of parts ("Advertisement · Scroll to continue") where one part is a chrome label."""
    parts = PART_SEPARATOR.split(text)
    return len(parts) > 1 and any(_is_label(label_of(part)) for part in parts)


def _is_label(part: str) -> bool:
    counted = COUNTED_LABEL.match(part)
    return part in CHROME_LABELS or part in BREAK_LABELS or bool(counted and counted.group(1) in CHROME_LABELS)


def is_time_stamp(text: str) -> bool:
    """A bare clock time, maybe with a zone: a live-blog entry's stamp, never story text."""
    return len(text) <= 20 and bool(CLOCK_STAMP.match(text) or AGE_STAMP.match(text))


def is_clock_stamp(text: str) -> bool:
    """A bare clock time: a live-blog entry's stamp (a teaser's is its age, "2h ago")."""
    return len(text) <= 20 and bool(CLOCK_STAMP.match(text))


def is_link(text: str) -> bool:
    return bool(URL.match(text))


def is_bullet(text: str) -> bool:
    return bool(BULLET.match(text))


def without_marker(text: str) -> str:
    """A list item's text without its bullet or number."""
    return BULLET_MARK.sub("", text, count=1)


def has_price(text: str) -> bool:
    return bool(PRICE.search(text))


def is_truncated(text: str) -> bool:
    return text.removesuffix("\n").endswith(ELLIPSES)


def without_ellipsis(text: str) -> str:
    """A truncated line without its closing ellipsis."""
    for ellipsis in ELLIPSES:
        if text.endswith(ellipsis):
            return text[: -len(ellipsis)]
    return text
