from hypothesis import given, strategies as st

from newsgen.extract.captions import caption_of, credit_only, merged_images, same_image
from newsgen.records import Image

SEED_CAPTION = (
    "TEL AVIV, ISRAEL - MARCH 23: Protesters hold signs during a demonstration. (Photo by Amir Levy/Getty Images)"
)


def test_seed_caption() -> None:
    image = caption_of(SEED_CAPTION)
    assert image == Image(
        caption="Protesters hold signs during a demonstration.",
        credit="Amir Levy/Getty Images",
        dateline="TEL AVIV, ISRAEL - MARCH 23",
    )


def test_prose_is_not_a_caption() -> None:
    assert caption_of("He said (in a statement) that the talks would go on.") is None


def test_truncated_copy_merges() -> None:
    full = Image(caption="Protesters hold signs during a demonstration.", credit="A/B")
    short = Image(caption="Protesters hold signs during...")
    assert same_image(short, full)
    assert merged_images([short, full]) == (full,)


@given(st.text())
def test_total(text: str) -> None:
    caption_of(text)
    credit_only(text)
