"""The coordinator's day in Chromium at 320 px: logging in lands on /coordinatie/, a compact
header with who is logged in and a logout, attendees as cards with their actions behind a
disclosure, cancelling through a confirmation page, files behind the download step. Axe finds
nothing and the Content-Security-Policy reports no violation, at 320 px and at 1280 px."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from tests.browser.hulp import axe_overtredingen, leesbaar
from tests.browser.test_csp import LUISTER_NAAR_OVERTREDINGEN, overtredingen
from tests.browser.test_smal_scherm import TE_BREED
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.browser

SMAL = {"width": 320, "height": 640}
BREED = {"width": 1280, "height": 900}


@pytest.fixture
def gegevens(transactional_db):
    coordinator = GebruikerFactory(
        username="carla", first_name="Carla", last_name="Jansen", groepen=["Coördinator"]
    )
    komend = BijeenkomstFactory(
        titel="Netwerkontbijt schuldhulpverlening",
        slug="netwerkontbijt",
        capaciteit=10,
        coordinatoren=[coordinator],
    )
    organisatie = OrganisatieFactory(naam="Vrijwilligersorganisatiesteunpunt Zaanstreek-Noord")
    for naam, email in [
        ("Anna de Vries", "anna.de.vries@een-heel-lange-domeinnaam-van-een-organisatie.example"),
        ("Bram Jansen", "bram@example.org"),
        ("Chris Bakker", "chris@example.org"),
    ]:
        services.aanmelden(
            komend,
            naam=naam,
            email=email,
            organisatie=organisatie,
            functie="Wijkverpleegkundige",
            dieetwensen="Vegetarisch",
        )
    start = timezone.now() - datetime.timedelta(days=3)
    voorbij = BijeenkomstFactory(
        titel="Kennismaking wijkteams",
        slug="kennismaking",
        start=start,
        einde=start + datetime.timedelta(hours=2),
        coordinatoren=[coordinator],
    )
    for i in range(3):
        aanmelding = services.aanmelden(
            voorbij,
            naam=f"Deelnemer {i}",
            email=f"d{i}@example.org",
            organisatie=organisatie,
            door=coordinator,
        )
        if i:
            Aanmelding.objects.filter(pk=aanmelding.pk).update(
                status=Aanmelding.Status.AANWEZIG, aanwezig_op=start
            )
    return {"coordinator": coordinator}


@pytest.fixture
def site(live_server, gegevens):
    return live_server.url


def nieuwe_context(browser, viewport):
    context = browser.new_context(locale="nl-NL", viewport=viewport, accept_downloads=True)
    context.set_default_timeout(10_000)
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    return context


def inloggen_via_formulier(page, site):
    page.goto(site + "/admin/login/")
    page.get_by_label("Gebruikersnaam").fill("carla")
    page.get_by_label("Wachtwoord").fill("geheim-wachtwoord")
    page.locator("#login-form [type=submit]").click()


def problemen(page, wat):
    """Axe violations, CSP violations and sideways scrolling on the page as it is now."""
    gevonden = []
    if violations := axe_overtredingen(page):
        gevonden.append(f"{wat}: axe\n{leesbaar(violations)}")
    if csp := overtredingen(page):
        gevonden.append(f"{wat}: CSP {csp}")
    breedte = page.evaluate("document.documentElement.scrollWidth")
    if breedte > page.viewport_size["width"]:
        gevonden.append(f"{wat}: {breedte}px breed: {page.evaluate(TE_BREED)}")
    return gevonden


def test_coordinator_dag_op_320_px(browser, site):
    context = nieuwe_context(browser, SMAL)
    page = context.new_page()
    gevonden = []
    try:
        inloggen_via_formulier(page, site)
        expect(page).to_have_url(site + "/coordinatie/")
        kop = page.get_by_role("banner")
        expect(kop).to_contain_text("Ingelogd als Carla Jansen")
        expect(kop.get_by_role("button", name="Uitloggen")).to_be_visible()
        # Not the residents' menu.
        expect(page.get_by_role("navigation", name="Hoofdmenu")).to_have_count(0)
        gevonden += problemen(page, "overzicht")

        page.get_by_role("link", name="Netwerkontbijt schuldhulpverlening", exact=True).click()
        # The compact header: the heading well within the first screen (it was at 470 px).
        kop_onder = page.get_by_role("heading", name="Deelnemers", level=1).bounding_box()
        assert kop_onder["y"] < 250, kop_onder
        kaarten = page.locator(".coordinatie-kaart")
        expect(kaarten).to_have_count(3)
        anna = kaarten.filter(has_text="Anna de Vries")
        expect(anna).to_contain_text("Vrijwilligersorganisatiesteunpunt")
        expect(anna).to_contain_text("Bevestigd")
        # One control per card until it is opened: no reason field, no cancel button.
        expect(anna.get_by_label("Reden om naar de wachtlijst te zetten")).to_be_hidden()
        expect(page.get_by_role("button", name="Naar wachtlijst")).to_have_count(0)
        gevonden += problemen(page, "deelnemers")

        anna.get_by_text("Wijzigen").click()
        expect(anna.get_by_label("Reden om naar de wachtlijst te zetten")).to_be_visible()
        gevonden += problemen(page, "deelnemers met acties open")
        anna.get_by_role("link", name="Aanmelding annuleren").click()

        expect(page.get_by_role("heading", name="Aanmelding annuleren?")).to_be_visible()
        expect(page.get_by_text("Anna de Vries", exact=True)).to_be_visible()
        assert Aanmelding.objects.get(naam="Anna de Vries").status == "bevestigd"
        gevonden += problemen(page, "annuleren bevestigen")
        page.get_by_role("button", name="Ja, annuleer deze aanmelding").click()
        expect(page.get_by_text("De aanmelding van Anna de Vries is geannuleerd.")).to_be_visible()
        assert Aanmelding.objects.get(naam="Anna de Vries").status == "geannuleerd"
        expect(kaarten.filter(has_text="Anna de Vries")).to_contain_text("Geannuleerd")

        page.get_by_role("link", name="Lijsten").click()
        expect(page.get_by_text("Deze lijsten bevatten persoonsgegevens")).to_be_visible()
        gevonden += problemen(page, "downloaden")
        with page.expect_download() as download:
            page.get_by_role("button", name="Excel-bestand downloaden").click()
        assert download.value.suggested_filename == "deelnemers-netwerkontbijt.xlsx"

        page.goto(site + "/coordinatie/bijeenkomsten/kennismaking/")
        expect(page.get_by_role("heading", name="Opkomst")).to_be_visible()
        expect(page.locator(".coordinatie-opkomst")).to_contain_text("2 van 3 aanwezig")
        gevonden += problemen(page, "afgelopen bijeenkomst")

        page.get_by_role("banner").get_by_role("button", name="Uitloggen").click()
        page.goto(site + "/coordinatie/")
        expect(page).to_have_url(site + "/admin/login/?next=/coordinatie/")
    finally:
        context.close()
    assert not gevonden, "\n".join(gevonden)


def test_coordinatorpaginas_op_1280_px(browser, site):
    context = nieuwe_context(browser, BREED)
    page = context.new_page()
    gevonden = []
    try:
        inloggen_via_formulier(page, site)
        expect(page).to_have_url(site + "/coordinatie/")
        gevonden += problemen(page, "overzicht")
        bram = Aanmelding.objects.get(naam="Bram Jansen")
        for pad in [
            "/coordinatie/bijeenkomsten/netwerkontbijt/",
            "/coordinatie/bijeenkomsten/netwerkontbijt/downloaden/",
            f"/coordinatie/bijeenkomsten/netwerkontbijt/aanmelding/{bram.pk}/annuleren/",
            "/coordinatie/bijeenkomsten/kennismaking/",
            "/coordinatie/bijeenkomsten/kennismaking/netwerk/",
        ]:
            page.goto(site + pad)
            expect(page.get_by_role("banner")).to_contain_text("Ingelogd als Carla Jansen")
            gevonden += problemen(page, pad)
        # The admin start page leads the way back.
        page.goto(site + "/admin/")
        page.get_by_role("link", name="Naar de coördinatiepagina's").click()
        expect(page).to_have_url(site + "/coordinatie/")
    finally:
        context.close()
    assert not gevonden, "\n".join(gevonden)
