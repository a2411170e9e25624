"""The pages organisations use themselves, in Chromium: no WCAG 2.1 A/AA violations (axe-core),
nothing refused by the Content-Security-Policy, nothing wider than a 320 px screen, and the
whole update works with JavaScript off."""

import pytest
from playwright.sync_api import expect

from organisaties import bijwerken
from organisaties.models import Bijwerkvoorstel, Organisatie
from tests.browser.hulp import assert_geen_overtredingen

pytestmark = pytest.mark.browser


@pytest.fixture
def link(site):
    organisatie = Organisatie.objects.get(slug="wijkteam-vraagraak")
    return f"{site}/organisaties/bijwerken/{bijwerken.maak_token(organisatie)}/"


@pytest.fixture
def csp_meldingen(page):
    meldingen = []
    page.on(
        "console",
        lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return meldingen


def past_op_smal_scherm(page):
    page.set_viewport_size({"width": 320, "height": 800})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return breedte <= 320


def test_overzicht_en_wijzigen_zonder_overtredingen(page, link, csp_meldingen):
    page.goto(link)
    expect(page.get_by_role("button", name="Ja, alles klopt nog")).to_be_visible()
    assert_geen_overtredingen(page)
    assert past_op_smal_scherm(page)

    page.get_by_role("link", name="Gegevens wijzigen").click()
    assert_geen_overtredingen(page)
    assert past_op_smal_scherm(page)

    page.fill("#id_locatie-0-postcode", "12345")
    page.get_by_role("button", name="Wijzigingen versturen").click()
    expect(page.get_by_text("Uw wijzigingen zijn nog niet verstuurd.")).to_be_visible()
    assert_geen_overtredingen(page)
    assert past_op_smal_scherm(page)
    assert csp_meldingen == []


def test_aanmelden_zonder_overtredingen(page, site, csp_meldingen):
    page.goto(site + "/organisaties/aanmelden/")
    assert_geen_overtredingen(page)
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(
        page.locator(
            ".utrecht-form-field-error-message", has_text="Vul de naam van de organisatie in."
        )
    ).to_be_visible()
    assert_geen_overtredingen(page)
    assert past_op_smal_scherm(page)
    assert csp_meldingen == []


def test_ongeldige_link_zonder_overtredingen(page, link):
    page.goto(link[:-5] + "xx/")
    expect(page.get_by_role("heading", name="Deze link werkt niet")).to_be_visible()
    assert_geen_overtredingen(page)


def test_wijzigen_werkt_zonder_javascript(browser, link):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(link + "wijzigen/")

    page.get_by_role("button", name="Nog een openingstijd toevoegen").first.click()
    regels = page.locator("#locatie-0 .netwerk-tijdregel")
    expect(regels).to_have_count(7)  # five days, the empty row, and the one added
    page.select_option("#id_locatie-0-tijden-6-dag", "6")
    page.fill("#id_locatie-0-tijden-6-van", "10:00")
    page.fill("#id_locatie-0-tijden-6-tot", "12:00")
    page.fill("#id_gegevens-telefoon", "010 765 43 21")
    # Enter in a field sends the form (it does not add a row).
    page.press("#id_gegevens-telefoon", "Enter")

    expect(page.get_by_text("wij hebben uw wijzigingen ontvangen")).to_be_visible()
    voorstel = Bijwerkvoorstel.objects.get()
    assert voorstel.voorstel["organisatie"]["telefoon"] == "010 765 43 21"
    tijden = voorstel.voorstel["locaties"][0]["openingstijden"]
    assert {"dag": 6, "van": "10:00", "tot": "12:00", "opmerking": ""} in tijden
    context.close()
