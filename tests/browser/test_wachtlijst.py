"""The waiting list on the personal link in Chromium: the place in line and leaving it, an
offered place and accepting it; axe finds nothing at 320 px and 1280 px. The page has no
JavaScript of its own: every step is a link or a form."""

import pytest
from playwright.sync_api import expect

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from tests.browser.hulp import assert_geen_overtredingen
from tests.browser.test_smal_scherm import TE_BREED
from tests.factories import BijeenkomstFactory, OrganisatieFactory

pytestmark = pytest.mark.browser

BREEDTES = [320, 1280]


@pytest.fixture
def wachtrij(transactional_db):
    """A full meeting: Anna has the place, Bram and Chris wait. Committed for the server."""
    bijeenkomst = BijeenkomstFactory(
        titel="Netwerkontbijt schuldhulpverlening", slug="netwerkontbijt", capaciteit=1
    )
    welzijn = OrganisatieFactory(naam="Stichting Welzijn Noord")
    return [
        services.aanmelden(bijeenkomst, naam=naam, email=email, organisatie=welzijn)
        for naam, email in [
            ("Anna de Vries", "anna@example.org"),
            ("Bram Jansen", "bram@example.org"),
            ("Chris Bakker", "chris@example.org"),
        ]
    ]


def status(aanmelding):
    aanmelding.refresh_from_db()
    return aanmelding.status


def bekijk(browser, url, breedte):
    context = browser.new_context(locale="nl-NL", viewport={"width": breedte, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.goto(url)
    return context, page


@pytest.mark.parametrize("breedte", BREEDTES)
def test_plaats_op_de_wachtlijst_en_eraf_na_bevestiging(browser, live_server, wachtrij, breedte):
    anna, bram, chris = wachtrij
    context, page = bekijk(browser, live_server.url + chris.get_absolute_url(), breedte)
    expect(page.get_by_text("u staat op de wachtlijst, op plaats 2.")).to_be_visible()
    assert_geen_overtredingen(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte, page.evaluate(TE_BREED)

    page.get_by_role("button", name="Van de wachtlijst af").click()
    expect(page.get_by_role("heading", name="Van de wachtlijst af?")).to_be_visible()
    assert_geen_overtredingen(page)
    assert status(chris) == Aanmelding.Status.WACHTLIJST
    page.get_by_role("button", name="Ja, haal mij van de wachtlijst").click()

    expect(page.get_by_text("U staat niet meer op de wachtlijst.")).to_be_visible()
    assert status(chris) == Aanmelding.Status.GEANNULEERD
    context.close()


@pytest.mark.parametrize("breedte", BREEDTES)
def test_aangeboden_plaats_aannemen(browser, live_server, wachtrij, breedte):
    anna, bram, chris = wachtrij
    services.annuleren(anna)
    context, page = bekijk(browser, live_server.url + bram.get_absolute_url(), breedte)
    expect(page.get_by_role("heading", name="Er is een plaats voor u vrij")).to_be_visible()
    assert_geen_overtredingen(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= breedte, page.evaluate(TE_BREED)

    page.get_by_role("button", name="Ja, ik neem de plaats aan").click()

    expect(page.get_by_text("U heeft de plaats aangenomen.")).to_be_visible()
    expect(page.get_by_text("Bram Jansen, u bent aangemeld.")).to_be_visible()
    assert status(bram) == Aanmelding.Status.BEVESTIGD
    context.close()
