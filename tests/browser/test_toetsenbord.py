"""A resident who uses only the keyboard can search, filter and open a result."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.hulp import actief, tab_tot, zichtbare_focus

pytestmark = pytest.mark.browser


def query(page):
    return parse_qs(urlsplit(page.url).query)


def test_zoeken_filteren_en_openen_met_alleen_het_toetsenbord(page, site):
    page.goto(site + "/")

    # The first Tab reaches the skip link, and it becomes visible.
    page.keyboard.press("Tab")
    el = actief(page)
    assert el["tekst"] == "Naar de inhoud"
    assert zichtbare_focus(el)
    assert page.locator(".netwerk-skiplink").is_visible()
    box = page.locator(".netwerk-skiplink").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0

    # Enter skips the header: the next Tab lands in the search field of the home page.
    page.keyboard.press("Enter")
    assert urlsplit(page.url).fragment == "inhoud"
    tab_tot(page, lambda el: el["id"] == "home-q", max_stappen=3)
    page.keyboard.type("schulden")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == "/organisaties/"
    assert query(page)["q"] == ["schulden"]

    # Tick the theme with Space: the results follow at once (filters.js), the focus stays.
    checkbox = page.locator("#f-thema-armoede-en-schulden")
    assert not checkbox.is_checked()
    tab_tot(page, lambda el: el["id"] == "f-thema-armoede-en-schulden")
    page.keyboard.press("Space")
    assert checkbox.is_checked()
    expect(page).to_have_url(re.compile(r"[?&]thema=armoede-en-schulden"))
    expect(page.locator(".netwerk-chip", has_text="Armoede en schulden")).to_be_visible()
    assert actief(page)["id"] == "f-thema-armoede-en-schulden"
    assert query(page)["q"] == ["schulden"]
    assert query(page)["thema"] == ["armoede-en-schulden"]
    assert page.locator("#f-thema-armoede-en-schulden").is_checked()
    assert page.locator("#id_q").input_value() == "schulden"

    # Open the first result with Enter.
    eerste = page.locator(".netwerk-kaartje a").first
    naam = eerste.inner_text()
    href = eerste.get_attribute("href")
    el = tab_tot(page, lambda el: el["href"] == href)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert urlsplit(page.url).path == href
    assert page.locator("h1").inner_text() == naam


def test_shift_tab_gaat_terug_en_focus_blijft_zichtbaar(page, site):
    page.goto(site + "/organisaties/?q=schulden")
    tab_tot(page, lambda el: el["id"] == "id_q")
    page.keyboard.press("Tab")
    assert actief(page)["tekst"] == "Zoeken"
    page.keyboard.press("Shift+Tab")
    el = actief(page)
    assert el["id"] == "id_q"
    assert zichtbare_focus(el)


def test_foutmelding_van_het_meldformulier_is_met_het_toetsenbord_te_bereiken(page, site):
    page.goto(site + "/organisaties/wijkteam-vraagraak/melden/")
    tab_tot(page, lambda el: el["id"] == "id_toelichting")
    tab_tot(page, lambda el: el["tekst"] == "Melding versturen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Fout:")
    # The form posts back to #melden: the page reloads at the form, and the next Tab
    # reaches the field with the error.
    assert urlsplit(page.url).fragment == "melden"
    el = tab_tot(page, lambda el: el["tag"] in ("input", "textarea"), max_stappen=3)
    assert el["id"] == "id_toelichting"
    assert page.locator("#id_toelichting").get_attribute("aria-invalid") == "true"
