"""The English site in Chromium: chosen with the switcher in the header (also without
JavaScript), remembered on the next pages, and free of axe violations."""

import pytest
from playwright.sync_api import expect

from tests.browser.hulp import assert_geen_overtredingen

pytestmark = pytest.mark.browser


def kies_engels(page):
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_engelse_home_en_lijst_zonder_axe_overtredingen(page, site):
    # The browser asks for Dutch here; English is only what the visitor chooses.
    page.goto(site + "/")
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    kies_engels(page)
    expect(page).to_have_url(site + "/")
    expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
    expect(page.get_by_role("link", name="Organisations").first).to_be_visible()
    assert_geen_overtredingen(page)

    page.get_by_role("link", name="View all organisations").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_text("organisations found").first).to_be_visible()
    # The themes of the demo data have English names.
    expect(page.get_by_text("Loneliness").first).to_be_attached()
    assert_geen_overtredingen(page)

    # Back to Dutch, on the same page.
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page).to_have_url(site + "/organisaties/")


def test_taalkeuze_werkt_zonder_javascript(browser, site):
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site + "/organisaties/?thema=eenzaamheid")
        # A browser that asks for English still gets Dutch until the visitor chooses.
        expect(page.locator("html")).to_have_attribute("lang", "nl")
        kies_engels(page)
        expect(page).to_have_url(site + "/organisaties/?thema=eenzaamheid")
        expect(page.locator("h1")).to_have_text("Organisations")
        # The chip of the active theme filter, in English.
        expect(page.locator("text=Loneliness >> visible=true").first).to_be_visible()
    finally:
        context.close()
