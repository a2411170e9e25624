"""Registration and check-in in Chromium: axe finds nothing, with and without JavaScript,
on a phone at the door, and at 320 px wide."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import expect

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from tests.browser.hulp import (
    assert_geen_overtredingen,
    axe_overtredingen,
    leesbaar,
    tab_tot,
)
from tests.browser.test_smal_scherm import TE_BREED
from tests.factories import (
    BijeenkomstFactory,
    GebruikerFactory,
    OrganisatieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.browser

# The button's visible text, and the name after it that only a screen reader reads.
ONGEDAAN_BRAM = re.compile(r"^Ongedaan maken\s*: Bram Jansen$")
TELEFOON = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture
def gegevens(transactional_db):
    """An open meeting, a full one, a past one with a report, and a coordinator with
    attendees at the door. Committed, so that the live server's thread sees them."""
    thema = ThemaFactory(naam="Armoede en schulden", slug="armoede-en-schulden")
    OrganisatieFactory(naam="Buurthuis De Zaan")
    welzijn = OrganisatieFactory(naam="Stichting Welzijn Noord", themas=[thema])
    voedselbank = OrganisatieFactory(naam="Voedselbank Zaanstreek")
    coordinator = GebruikerFactory(username="coordinator", groepen=["Coördinator"])
    open_ = BijeenkomstFactory(
        titel="Netwerkontbijt schuldhulpverlening",
        slug="netwerkontbijt",
        capaciteit=10,
        coordinatoren=[coordinator],
        deur_open=True,  # check-in at the door is open
    )
    open_.themas.set([thema])
    vol = BijeenkomstFactory(titel="Mantelzorgcafé", slug="mantelzorgcafe", capaciteit=1)
    services.aanmelden(vol, naam="Eerste Bezoeker", email="eerste@example.org")
    verleden = BijeenkomstFactory(
        titel="Kennismaking wijkteams",
        slug="kennismaking",
        start=timezone.now() - datetime.timedelta(days=30),
        einde=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    verleden.verslag = "We spraken over samenwerking in de wijk."
    verleden.save()
    for naam, email, organisatie in [
        ("Anna de Vries", "anna@example.org", welzijn),
        ("Bram Jansen", "bram@example.org", voedselbank),
        ("Chris Bakker", "chris@example.org", None),
    ]:
        services.aanmelden(
            open_, naam=naam, email=email, organisatie=organisatie, organisatie_naam="Eigen club"
        )
    return {"open": open_, "vol": vol, "coordinator": coordinator, "voedselbank": voedselbank}


@pytest.fixture
def site(live_server, gegevens):
    return live_server.url


def inloggen(context, gebruiker, url):
    """Give the browser a session of `gebruiker`, as if they had logged in."""
    client = Client()
    client.force_login(gebruiker)
    cookie = client.cookies["sessionid"]
    context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": url}])


@pytest.fixture
def coordinator(context, site, gegevens):
    inloggen(context, gegevens["coordinator"], site)
    return context.new_page()


@pytest.fixture
def zonder_js(browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def telefoon(browser, site, gegevens):
    context = browser.new_context(locale="nl-NL", **TELEFOON)
    context.set_default_timeout(10_000)
    inloggen(context, gegevens["coordinator"], site)
    yield context.new_page()
    context.close()


def aanmelding(email):
    return Aanmelding.objects.select_related("organisatie").get(email=email)


# axe ---------------------------------------------------------------------------------------


def overtredingen_op(page, paden):
    """Visit each page and collect what axe finds, so that one run reports every page."""
    gevonden = []
    for pad in paden:
        antwoord = page.goto(pad)
        assert antwoord.status == 200, f"{pad}: {antwoord.status}"
        if violations := axe_overtredingen(page):
            gevonden.append(f"{pad}:\n{leesbaar(violations)}")
    return gevonden


def test_publieke_paginas_van_bijeenkomsten_hebben_geen_axe_overtredingen(page, site, gegevens):
    bevestigd = aanmelding("anna@example.org")
    wachtend = services.aanmelden(gegevens["vol"], naam="Wachtende", email="wacht@example.org")
    assert wachtend.status == Aanmelding.Status.WACHTLIJST
    gevonden = overtredingen_op(
        page,
        [
            site + "/bijeenkomsten/",
            site + "/bijeenkomsten/archief/",
            site + "/bijeenkomsten/kennismaking/",
            site + "/bijeenkomsten/netwerkontbijt/",
            site + bevestigd.get_absolute_url(),
            site + wachtend.get_absolute_url(),
        ],
    )
    # The registration form sent empty: the errors are on the page.
    page.goto(site + "/bijeenkomsten/netwerkontbijt/")
    page.get_by_role("button", name="Aanmelden").click()
    expect(
        page.locator(".utrecht-form-field-error-message", has_text="Vul uw naam in.")
    ).to_be_visible()
    assert page.title().startswith("Fout: Netwerkontbijt")
    if violations := axe_overtredingen(page):
        gevonden.append(f"formulier met fouten:\n{leesbaar(violations)}")
    assert not gevonden, "\n".join(gevonden)


def test_coordinatiepaginas_hebben_geen_axe_overtredingen(coordinator, site):
    gevonden = overtredingen_op(
        coordinator,
        [
            site + "/coordinatie/",
            site + "/coordinatie/bijeenkomsten/netwerkontbijt/",
            site + "/coordinatie/bijeenkomsten/netwerkontbijt/inchecken/",
            site + "/coordinatie/bijeenkomsten/netwerkontbijt/netwerk/",
            site + "/coordinatie/netwerk/",
        ],
    )
    assert not gevonden, "\n".join(gevonden)


# Registration ------------------------------------------------------------------------------


def test_aanmelden_met_javascript_en_organisatie_uit_de_autocomplete(page, site, gegevens):
    page.goto(site + "/bijeenkomsten/netwerkontbijt/")
    page.get_by_label("Naam").first.fill("Dewi Pinas")
    page.get_by_label("E-mailadres").fill("dewi@example.org")
    tab_tot(page, lambda el: el["id"] == "id_organisatie", max_stappen=2)

    # The select became a combobox: type part of the name, pick it with the keyboard.
    # Two names contain "zaan"; the first is preselected, the arrow moves to the second.
    combobox = page.get_by_role("combobox", name="Organisatie")
    expect(page.locator("select#id_organisatie-select")).to_be_hidden()
    combobox.press_sequentially("zaan")
    expect(page.get_by_role("option")).to_have_text(["Buurthuis De Zaan", "Voedselbank Zaanstreek"])
    optie = page.get_by_role("option", name="Voedselbank Zaanstreek")
    assert_geen_overtredingen(page, context="#aanmeld-formulier")  # with the list open
    combobox.press("ArrowDown")
    expect(optie).to_be_focused()
    page.keyboard.press("Enter")
    expect(combobox).to_have_value("Voedselbank Zaanstreek")
    expect(page.locator("select#id_organisatie-select")).to_have_value(
        str(gegevens["voedselbank"].pk)
    )

    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    # From the consent to the button, the focus stays visible.
    tab_tot(page, lambda el: el["tekst"] == "Aanmelden")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Uw aanmelding")
    expect(page.get_by_text("u bent aangemeld")).to_be_visible()
    nieuw = aanmelding("dewi@example.org")
    assert nieuw.organisatie == gegevens["voedselbank"]
    assert nieuw.status == Aanmelding.Status.BEVESTIGD
    assert urlsplit(page.url).path == nieuw.get_absolute_url()

    page.get_by_role("button", name="Aanmelding annuleren").click()
    expect(page.get_by_role("heading", name="Aanmelding annuleren?")).to_be_visible()
    assert aanmelding("dewi@example.org").status == Aanmelding.Status.BEVESTIGD  # asked only
    page.get_by_role("button", name="Ja, annuleer mijn aanmelding").click()
    expect(page.get_by_text("Uw aanmelding is geannuleerd.")).to_be_visible()
    expect(page.get_by_text("Deze aanmelding is geannuleerd.")).to_be_visible()
    assert aanmelding("dewi@example.org").status == Aanmelding.Status.GEANNULEERD


def test_autocomplete_verliest_geen_getypte_organisatie(page, site):
    """A name that is not in the list moves to "Andere organisatie"; emptying the field
    unselects the organisation chosen before."""
    page.goto(site + "/bijeenkomsten/netwerkontbijt/")
    combobox = page.get_by_role("combobox", name="Organisatie")
    select = page.locator("select#id_organisatie-select")
    combobox.press_sequentially("voedsel")
    page.keyboard.press("Enter")
    expect(select).not_to_have_value("")

    combobox.fill("")
    combobox.press_sequentially("Huis van de Wijk")
    expect(page.get_by_text("Geen organisatie gevonden.")).to_be_visible()
    page.keyboard.press("Tab")
    expect(select).to_have_value("")
    expect(page.get_by_label("Andere organisatie")).to_have_value("Huis van de Wijk")


def test_aanmelden_zonder_javascript_met_gewone_keuzelijst_en_wachtlijst(zonder_js, site):
    page = zonder_js.new_page()
    page.goto(site + "/bijeenkomsten/mantelzorgcafe/")
    expect(page.get_by_text("De bijeenkomst is vol.")).to_be_visible()
    page.get_by_label("Naam").first.fill("Eva Koster")
    page.get_by_label("E-mailadres").fill("eva@example.org")
    page.get_by_label("Organisatie", exact=True).select_option(label="Stichting Welzijn Noord")
    page.get_by_label("Ik ga akkoord met de privacyverklaring").check()
    page.get_by_role("button", name="Aanmelden").click()

    expect(page.get_by_text("u staat op de wachtlijst, op plaats 1")).to_be_visible()
    nieuw = aanmelding("eva@example.org")
    assert nieuw.status == Aanmelding.Status.WACHTLIJST
    assert nieuw.organisatie.naam == "Stichting Welzijn Noord"


# Check-in ----------------------------------------------------------------------------------


def test_de_oude_incheckpagina_opent_de_deur_zonder_knoppen_per_rij_om_terug_te_draaien(
    telefoon, site
):
    """Checking in is the door mode (tests/browser/test_deur.py); undo is its separate page."""
    page = telefoon
    page.goto(site + "/coordinatie/bijeenkomsten/netwerkontbijt/inchecken/?q=bram")
    expect(page).to_have_url(f"{site}/coordinatie/bijeenkomsten/netwerkontbijt/deur/?q=bram")
    expect(page.get_by_role("button", name=re.compile("Ongedaan"))).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("Ongedaan maken"))).to_be_visible()


# Reflow ------------------------------------------------------------------------------------


def test_smal_scherm_heeft_geen_horizontale_scrollbalk(browser, site, gegevens):
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640})
    inloggen(context, gegevens["coordinator"], site)
    page = context.new_page()
    try:
        for pad in [
            "/bijeenkomsten/netwerkontbijt/",
            "/coordinatie/bijeenkomsten/netwerkontbijt/inchecken/",
            "/coordinatie/",
            "/coordinatie/bijeenkomsten/netwerkontbijt/",
        ]:
            page.goto(site + pad)
            breedte = page.evaluate("document.documentElement.scrollWidth")
            assert breedte <= 320, f"{pad} is {breedte}px breed: {page.evaluate(TE_BREED)}"
    finally:
        context.close()
