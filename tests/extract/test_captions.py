"""Caption and credit recognisers: structural evidence makes a caption, prose stays prose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsgen.extract.captions import caption_of, credit_only, merged_images, same_image
from newsgen.records import Image
from tests.conftest import SEED

CAPTIONS = [
    (
        "HAIFA, ISRAEL - APRIL 2: Crowds gather at the port on April 2, 2024 in Haifa. (Photo by Dana Rosen/Getty Images)",
        Image("Crowds gather at the port on April 2, 2024 in Haifa.", "Dana Rosen/Getty Images", "HAIFA, ISRAEL - APRIL 2"),
    ),
    ("A crew repairs the bridge on Monday. (Lena Park / Associated Press)", Image("A crew repairs the bridge on Monday.", "Lena Park / Associated Press")),
    ("Fans cheer in Lyon, France, Sunday, May 5, 2024. (AP Photo/Marc Dubois)", Image("Fans cheer in Lyon, France, Sunday, May 5, 2024.", "Marc Dubois")),
    ("Fans cheer in Lyon. (AP Photo/Marc Dubois) less", Image("Fans cheer in Lyon.", "Marc Dubois")),
    ("A map of the crater. (NASA/JPL-Caltech/ASU)", Image("A map of the crater.", "NASA/JPL-Caltech/ASU")),
    ("The rocket on the pad. (credit: NASA/Joe Bloggs)", Image("The rocket on the pad.", "NASA/Joe Bloggs")),
    ("The lander on the surface. Credit: SpaceCo", Image("The lander on the surface.", "SpaceCo")),
    ("Traders at work in London. Photo: Sam Hill/Reuters", Image("Traders at work in London.", "Sam Hill/Reuters")),
    ("Traders at work. Photograph: Sam Hill/Bloomberg", Image("Traders at work.", "Sam Hill/Bloomberg")),
    ("A farmer walks past the field on June 3, 2019. Omar HADDAD / AFP", Image("A farmer walks past the field on June 3, 2019.", "Omar HADDAD / AFP")),
    ("The senator speaks on July 1, 2019.K. Lee Moore / AP file", Image("The senator speaks on July 1, 2019.", "K. Lee Moore / AP file")),
    ("2of5A shopper looks at cords. (Ann Lee/The Courier via AP)", Image("A shopper looks at cords.", "Ann Lee/The Courier via AP")),
    ("3of5A shopper looks at cords. (Ann Lee/The Courier via AP", Image("A shopper looks at cords.", "Ann Lee/The Courier via AP")),
    ("© Ruth Kane Nurses prepare vaccines at the clinic.", Image("Nurses prepare vaccines at the clinic.", "Ruth Kane")),
    ("Demonstranten in Berlin. Foto: Max Muster/dpa", Image("Demonstranten in Berlin.", "Max Muster/dpa")),
    ("Une manifestation à Paris. Photo : Jean Roux / AFP", Image("Une manifestation à Paris.", "Jean Roux / AFP")),
    ("Una protesta en Madrid. (Foto: EFE)", Image("Una protesta en Madrid.", "EFE")),
    ("Демонстранты на площади. Фото: РИА Новости", Image("Демонстранты на площади.", "РИА Новости")),
    ("抗議する人々 写真：ロイター", Image("抗議する人々", "ロイター")),
    ("PARIS, FRANCE - MAY 1: Workers march through the city.", Image("Workers march through the city.", "", "PARIS, FRANCE - MAY 1")),
]

NOT_CAPTIONS = [
    "He said (in a statement) that the talks would go on.",
    "The company said profits rose (Reuters)",
    "Get the app for free (upgrade to Premium for $4.99/mo)",
    "See How A Dog Learned To Surf (Photos+video)",
    "He met officials in Washington (D.C.) on Monday.",
    "Normally the deal ends at launch, but we confirmed you still receive the credit. Hurry!",
    "He shared a photo by John Smith",
    "Car Show Photos: Power Authority Car Show",
    "© 2019 Example Media. All rights reserved",
    "© Example Design LLC — Read our terms of service.",
    "Home | World | Politics",
    "Lexus LC500 and/or Lexus RC",
    "",
]

CREDIT_LINES = [
    ("(Lena Park / Associated Press)", "Lena Park / Associated Press"),
    ("© REUTERS / POOL", "REUTERS / POOL"),
    ("© Reuters", "Reuters"),
    ("Ana Ruiz | Bloomberg | Getty Images", "Ana Ruiz | Bloomberg | Getty Images"),
    ("Tom Vale | Getty Images", "Tom Vale | Getty Images"),
    ("Image via Getty Images", "Getty Images"),
    ("Photo: Meg Stone, AP", "Meg Stone, AP"),
    ("Photo: Gene K. Lamb", "Gene K. Lamb"),
    ("(Image credit: Sky Atlas)", "Sky Atlas"),
    ("Courtesy of Andrew Vale", "Andrew Vale"),
    ("Foto: dpa", "dpa"),
    ("Bild: Keystone", "Keystone"),
    ("(Getty Images)", "Getty Images"),
    ("Photo by John Smith", "John Smith"),
    ("Mireille Sandoval/Harrowgate Ledger", "Mireille Sandoval/Harrowgate Ledger"),
]

NOT_CREDIT_LINES = [
    "© 2019 Example News. All rights reserved",
    "© Example Media Group Limited 2019",
    "Copyright © 2000—2019. Example Media",
    "Home | World | Politics",
    "PanEuropa Photo:",
    "World/Middle East",
    "Reservation Method/Rule",
    "Ukraine War/Russia",
    "Photos",
    "The pictures were taken by John Smith",
    "Spain's Ana Ruiz celebrates a point. (Manu Diaz/AP)",
]


@pytest.mark.parametrize(("line", "expected"), CAPTIONS, ids=[c[0][:40] for c in CAPTIONS])
def test_caption_of(line: str, expected: Image) -> None:
    assert caption_of(line) == expected


@pytest.mark.parametrize("line", NOT_CAPTIONS, ids=[n[:40] or "empty" for n in NOT_CAPTIONS])
def test_prose_is_not_a_caption(line: str) -> None:
    assert caption_of(line) is None


@pytest.mark.parametrize(("line", "expected"), CREDIT_LINES, ids=[c[0] for c in CREDIT_LINES])
def test_credit_only(line: str, expected: str) -> None:
    assert credit_only(line) == expected


@pytest.mark.parametrize("line", NOT_CREDIT_LINES, ids=[n[:40] for n in NOT_CREDIT_LINES])
def test_not_a_credit_line(line: str) -> None:
    assert credit_only(line) is None


FULL = Image("Crowds gather at the port as ships arrive.", "Dana Rosen/Getty Images", "HAIFA, ISRAEL - APRIL 2")
SHORT = Image("Crowds gather at the  port as...", "", "HAIFA, ISRAEL - APRIL 2")
OTHER = Image("A ship leaves the harbour.", "Ana Ruiz/Reuters")


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [(SHORT, FULL, True), (FULL, SHORT, True), (FULL, FULL, True), (FULL, OTHER, False), (Image(), OTHER, False)],
    ids=["short-full", "full-short", "equal", "different", "empty"],
)
def test_same_image(a: Image, b: Image, same: bool) -> None:
    assert same_image(a, b) is same


def test_merged_images_keeps_fuller_copy_in_first_order() -> None:
    assert merged_images([SHORT, OTHER, FULL, OTHER]) == (FULL, OTHER)


@pytest.mark.skipif(not SEED.is_file(), reason="../shared seeds are not present")
def test_seed_has_one_image() -> None:
    images = [image for line in SEED.read_text().splitlines() if (image := caption_of(line))]
    (image,) = merged_images(images)
    assert image.dateline == "TEL AVIV, ISRAEL - MARCH 23"
    assert image.credit == "Amir Levy/Getty Images"
    assert image.caption.startswith("Protesters hold signs") and image.caption.endswith("on Oct. 7.")


@given(st.text())
def test_total(text: str) -> None:
    caption_of(text)
    credit_only(text)
    image = Image(caption=text)
    assert same_image(image, image)
    merged_images([image, Image(caption=text[:3] + "...")])
