"""Help near home in Chromium: the postcode search from the home page, and its pages clean
for axe and without sideways scrolling at 320 px."""

import pytest

from tests.browser.hulp import assert_geen_overtredingen
from tests.browser.test_smal_scherm import TE_BREED

pytestmark = pytest.mark.browser

PAGINAS = [
    "/organisaties/?postcode=3142EA&afstand=2",
    "/organisaties/?postcode=3142ZZ&afstand=1&q=hulp",  # PC4 centre, with a message
    "/organisaties/?postcode=abc&afstand=7",  # two field errors
    "/organisaties/?postcode=9999",  # unknown postcode
]


def test_zoeken_vanaf_de_home_met_postcode_toont_afstanden(page, site):
    page.goto(site + "/")
    page.get_by_label("Uw postcode").fill("3142 ea")
    page.get_by_label("Afstand").select_option("1")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_url("**/organisaties/?**")
    eerste = page.locator(".netwerk-kaartje").first
    assert "Afstand: minder dan 100 m" in eerste.inner_text()
    assert page.locator(".netwerk-chip", has_text="Binnen 1 km").count() == 1
    assert_geen_overtredingen(page)


@pytest.mark.parametrize("breedte", [320, 1280])
def test_afstandspaginas_zonder_axe_overtredingen_en_zonder_zijwaarts_scrollen(
    browser, site, breedte
):
    context = browser.new_context(locale="nl-NL", viewport={"width": breedte, "height": 800})
    pagina = context.new_page()
    try:
        for pad in PAGINAS:
            pagina.goto(site + pad)
            assert_geen_overtredingen(pagina)
            scroll = pagina.evaluate("document.documentElement.scrollWidth")
            assert scroll <= breedte, f"{pad} is {scroll}px breed: {pagina.evaluate(TE_BREED)}"
    finally:
        context.close()
