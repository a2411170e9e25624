"""The agenda "Wat is er te doen?" in Chromium: axe clean, no sideways scrolling at 320 px,
filters that work without JavaScript, and a sign-up that works by keyboard alone."""

import os

import pytest

from tests.browser.hulp import assert_geen_overtredingen
from tests.browser.test_smal_scherm import TE_BREED

pytestmark = pytest.mark.browser

PAGINAS = [
    "/activiteiten/",
    "/activiteiten/?wijk=centrum&dag=week&gratis=true",
    "/activiteiten/bakkie-doen-marktplein/",
    "/activiteiten/campagne/week-van-de-ontmoeting/",
]
# Set NETWERK_SCHERMAFDRUKKEN to a folder to keep screenshots of these pages.
SCHERMAFDRUKKEN = os.environ.get("NETWERK_SCHERMAFDRUKKEN")


@pytest.mark.parametrize("breedte", [320, 1280])
def test_agenda_en_activiteit_zonder_axe_overtredingen_en_zonder_zijwaarts_scrollen(
    browser, site, breedte
):
    context = browser.new_context(locale="nl-NL", viewport={"width": breedte, "height": 800})
    page = context.new_page()
    try:
        for pad in PAGINAS:
            page.goto(site + pad)
            assert_geen_overtredingen(page)
            scrollbreedte = page.evaluate("document.documentElement.scrollWidth")
            assert scrollbreedte <= breedte, f"{pad}: {page.evaluate(TE_BREED)}"
            if SCHERMAFDRUKKEN:
                naam = pad.strip("/").replace("/", "_").replace("?", "_").replace("&", "_")
                page.screenshot(
                    path=os.path.join(SCHERMAFDRUKKEN, f"{naam or 'home'}-{breedte}.png"),
                    full_page=True,
                )
    finally:
        context.close()


def test_filters_werken_zonder_javascript(browser, site):
    context = browser.new_context(
        locale="nl-NL", java_script_enabled=False, viewport={"width": 320, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(site + "/activiteiten/")
        page.locator("#filterpaneel summary").click()
        page.get_by_role("checkbox", name="Koningshoek", exact=True).check()
        page.get_by_role("button", name="Filters toepassen").click()
        assert "wijk=koningshoek" in page.url
        titels = page.locator(".netwerk-kaartje__titel").all_inner_texts()
        assert titels and set(titels) == {"Bakkie doen in Koningshoek"}
    finally:
        context.close()


def test_aanmelden_voor_de_slotavond_met_alleen_het_toetsenbord(page, site):
    page.goto(site + "/activiteiten/slotavond-week-van-de-ontmoeting/")
    link = page.get_by_role("link", name="Aanmelden")
    link.focus()
    page.keyboard.press("Enter")
    page.get_by_label("Naam").fill("Fatima Bakker")
    page.get_by_label("E-mailadres").fill("fatima@voorbeeld.nl")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Aanmelden").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/aanmelding/**")
    assert "Slotavond week van de ontmoeting" in page.content()
    assert_geen_overtredingen(page)
