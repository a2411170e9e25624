"""The detail page and its report form work without JavaScript."""

import pytest
from playwright.sync_api import expect

from organisaties.models import Wijzigingsvoorstel

pytestmark = pytest.mark.browser


@pytest.fixture
def zonder_js(browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_melding_versturen_werkt_zonder_javascript(zonder_js, site):
    page = zonder_js
    page.goto(site + "/organisaties/wijkteam-vraagraak/")
    expect(page.locator("h1")).to_have_text("Wijkteam VraagRaak")
    # The form has a page of its own (the organisation's page is cached, without a form).
    page.get_by_role("link", name="Klopt er iets niet? Geef het door").click()
    expect(page.locator("h1")).to_have_text("Klopt er iets niet bij Wijkteam VraagRaak?")

    # Sent empty: the page says what to fix, and nothing is saved.
    page.get_by_role("button", name="Melding versturen").click()
    expect(
        page.locator(".utrecht-form-field-error-message", has_text="Schrijf op wat er niet klopt.")
    ).to_be_visible()
    assert page.title().startswith("Fout: Melding over Wijkteam VraagRaak")
    # (The demo data holds an open report about another organisation, for the work list.)
    meldingen = Wijzigingsvoorstel.objects.filter(organisatie__slug="wijkteam-vraagraak")
    assert not meldingen.exists()

    page.get_by_label("Wat klopt er niet?").fill("Het telefoonnummer is veranderd.")
    page.get_by_role("button", name="Melding versturen").click()
    expect(page).to_have_url(site + "/organisaties/wijkteam-vraagraak/#melden")
    # The thanks appear where the browser scrolls to, next to the form.
    bedankt = page.locator("#melden").get_by_text("Bedankt voor uw melding.")
    expect(bedankt).to_be_in_viewport()
    voorstel = meldingen.get()
    assert voorstel.toelichting == "Het telefoonnummer is veranderd."
    assert voorstel.organisatie.slug == "wijkteam-vraagraak"
