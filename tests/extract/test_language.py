"""Language detection: scripts, close pairs, and never a crash or a confident guess on noise."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsgen.extract.language import language_of
from tests.conftest import EVAL, needs_eval

SAMPLES = {
    "en": "The council said on Tuesday that the new bridge would open in the spring, after years of delays "
          "and a budget that has doubled since the work began.",
    "de": "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke im Frühjahr eröffnet wird, nachdem "
          "die Arbeiten sich über Jahre verzögert haben und die Kosten gestiegen sind.",
    "fr": "Le conseil municipal a annoncé mardi que le nouveau pont ouvrira au printemps, après des années de "
          "retard et un budget qui a doublé depuis le début des travaux.",
    "es": "El ayuntamiento anunció el martes que el nuevo puente se abrirá en primavera, después de años de "
          "retrasos y con un presupuesto que se ha duplicado desde que empezaron las obras.",
    "pt": "A câmara municipal anunciou na terça-feira que a nova ponte será aberta na primavera, depois de "
          "anos de atrasos e com um orçamento que duplicou desde o início das obras.",
    "it": "Il consiglio comunale ha annunciato martedì che il nuovo ponte sarà aperto in primavera, dopo anni "
          "di ritardi e con un bilancio che è raddoppiato dall'inizio dei lavori.",
    "nl": "De gemeenteraad heeft dinsdag bekendgemaakt dat de nieuwe brug in het voorjaar wordt geopend, na "
          "jaren van vertraging en een begroting die is verdubbeld.",
    "pl": "Rada miasta ogłosiła we wtorek, że nowy most zostanie otwarty na wiosnę, po latach opóźnień i przy "
          "budżecie, który się podwoił od początku prac.",
    "sv": "Kommunen meddelade på tisdagen att den nya bron ska öppnas till våren, efter flera års förseningar "
          "och en budget som har fördubblats sedan arbetet började.",
    "tr": "Belediye meclisi salı günü yeni köprünün yıllarca süren gecikmelerden sonra ilkbaharda açılacağını "
          "ve bütçenin iki katına çıktığını açıkladı, ama çok daha fazla iş var.",
    "ru": "Городской совет во вторник объявил, что новый мост откроется весной, после многих лет задержек и "
          "при бюджете, который вырос вдвое с начала работ.",
    "uk": "Міська рада у вівторок оголосила, що новий міст відкриють навесні, після багатьох років затримок і "
          "з бюджетом, який зріс удвічі від початку робіт.",
    "ja": "市議会は火曜日、新しい橋が春に開通すると発表した。工事は何年も遅れ、予算は着工時の二倍になっている。",
    "zh": "市议会周二宣布，新桥将于春季通车。工程多年来一再延误，预算已比开工时增加了一倍。",
    "ko": "시의회는 화요일 새 다리가 봄에 개통될 것이라고 발표했다. 공사는 수년간 지연되었고 예산은 두 배로 늘었다.",
    "el": "Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι η νέα γέφυρα θα ανοίξει την άνοιξη, μετά από χρόνια "
          "καθυστερήσεων.",
    "ar": "أعلن المجلس البلدي يوم الثلاثاء أن الجسر الجديد سيفتح في الربيع بعد سنوات من التأخير وارتفاع الميزانية.",
    "fa": "شورای شهر روز سه‌شنبه اعلام کرد که پل جدید در بهار گشایش می‌یابد و هزینه‌ها دو برابر شده است.",
    "he": "מועצת העיר הודיעה ביום שלישי כי הגשר החדש ייפתח באביב, לאחר שנים של עיכובים ותקציב שהוכפל.",
    "hi": "नगर परिषद ने मंगलवार को घोषणा की कि नया पुल वसंत में खुलेगा, कई वर्षों की देरी के बाद।",
    "th": "สภาเมืองประกาศเมื่อวันอังคารว่าสะพานใหม่จะเปิดใช้ในฤดูใบไม้ผลิหลังจากล่าช้ามาหลายปี",
}


@pytest.mark.parametrize(("code", "text"), SAMPLES.items(), ids=list(SAMPLES))
def test_detects_language(code: str, text: str) -> None:
    assert language_of(text) == code


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "12:45 — 3-1 (2-0)", "OK", "Lorem", "https://example.com/a/b?c=d"],
    ids=["empty", "blank", "numbers", "one-word", "short", "url"],
)
def test_unsure_is_empty(text: str) -> None:
    assert language_of(text) == ""


def test_japanese_with_latin_menu_words() -> None:
    text = "Home News Sports\n" + SAMPLES["ja"] * 3
    assert language_of(text) == "ja"


def test_english_menu_does_not_outvote_a_russian_story() -> None:
    text = "Home | News | Contact\n" + SAMPLES["ru"] * 2
    assert language_of(text) == "ru"


@given(st.text())
def test_any_text_gives_a_code_or_nothing(text: str) -> None:
    code = language_of(text)
    assert code == "" or (len(code) == 2 and code.isalpha())


# The languages of the shared evaluation pages whose text is long enough to say (by their text, checked by eye).
EVAL_LANGUAGES = {"20b2b649": "it", "3252222e": "pt", "3c6d3381": "ru", "9da36ae4": "ko", "c4a3637c": "ru"}


@needs_eval()
def test_eval_pages() -> None:
    pages = sorted((EVAL / "dev" / "text-main").glob("*.txt"))
    found = {p.name[:8]: language_of(p.read_text(encoding="utf-8")) for p in pages}
    for prefix, code in EVAL_LANGUAGES.items():
        assert found[prefix] == code, prefix
    others = [found[p] for p in found if p not in EVAL_LANGUAGES]
    assert others.count("en") >= len(others) - 2


def test_reads_only_a_sample_of_long_texts() -> None:
    assert language_of(SAMPLES["fr"] * 2000) == "fr"
