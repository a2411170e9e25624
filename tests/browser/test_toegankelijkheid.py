"""axe-core finds no WCAG 2.1 A/AA violations on the public pages of the sociale kaart."""

import pytest
from playwright.sync_api import expect

from tests.browser.hulp import (
    actief,
    assert_geen_overtredingen,
    axe_overtredingen,
    leesbaar,
    zichtbare_focus,
)

pytestmark = pytest.mark.browser

LIJST = "/organisaties/?q=schulden&thema=armoede-en-schulden"
DETAIL = "/organisaties/wijkteam-vraagraak/"


def test_home_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + "/")
    assert_geen_overtredingen(page)


def test_lijst_met_filters_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + LIJST)
    expect(page.locator(".netwerk-kaartje").first).to_be_visible()
    assert_geen_overtredingen(page)


def test_lijst_zonder_resultaten_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + "/organisaties/?thema=mantelzorg&soort=gemeente&gratis=true")
    expect(page.locator(".netwerk-geen-resultaten")).to_be_visible()
    assert_geen_overtredingen(page)


def test_detailpagina_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + DETAIL)
    assert_geen_overtredingen(page)


def test_meldpagina_met_formulierfouten_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + DETAIL + "melden/")
    page.get_by_role("button", name="Melding versturen").click()
    expect(
        page.locator(".utrecht-form-field-error-message", has_text="Schrijf op wat er niet klopt.")
    ).to_be_visible()
    assert_geen_overtredingen(page)


def test_themapagina_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + "/themas/mantelzorg/")
    assert_geen_overtredingen(page)


def test_wijkpagina_heeft_geen_axe_overtredingen(page, site):
    page.goto(site + "/wijken/centrum/")
    assert_geen_overtredingen(page)


@pytest.mark.parametrize("pad", ["/", LIJST, DETAIL])
def test_element_met_focus_is_zichtbaar_en_leesbaar(page, site, pad):
    """axe checks the page at rest; here every element in the Tab order is checked while
    it has the focus, since focus styles change colours (dark text on yellow)."""
    page.goto(site + pad)
    gezien = 0
    for _ in range(150):
        page.keyboard.press("Tab")
        el = actief(page)
        if el["tag"] == "body" or (gezien and el["tekst"] == "Naar de inhoud"):
            break  # round the page
        gezien += 1
        assert zichtbare_focus(el), f"focus is niet zichtbaar op {el}"
        page.evaluate("document.activeElement.setAttribute('data-test-focus', '')")
        violations = axe_overtredingen(page, context="[data-test-focus]", regels=["color-contrast"])
        assert not violations, f"te weinig contrast met focus op {el}:\n{leesbaar(violations)}"
        page.evaluate("document.activeElement.removeAttribute('data-test-focus')")
    assert gezien > 5
