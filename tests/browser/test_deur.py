"""Door mode in Chromium on a phone (320 and 360 px): search as you type, taps that do not
move the list, a double tap that stays "binnen", check-ins made without a network sent when
it returns, two phones at once, axe and the Content-Security-Policy."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from tests.browser.hulp import assert_geen_overtredingen
from tests.browser.test_csp import LUISTER_NAAR_OVERTREDINGEN, overtredingen
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.browser

DEUR = "/coordinatie/bijeenkomsten/vandaag/deur/"


def telefoon_opties(breedte):
    return {
        "locale": "nl-NL",
        "viewport": {"width": breedte, "height": 640},
        "has_touch": True,
        "is_mobile": True,
    }


@pytest.fixture
def gegevens(transactional_db):
    """A meeting starting within the hour, full, with five people expected; committed, so
    that the live server's thread sees them."""
    coordinator = GebruikerFactory(username="coordinator", groepen=["Coördinator"])
    bijeenkomst = BijeenkomstFactory(
        titel="Netwerkcafé in de wijk", slug="vandaag", capaciteit=5, coordinatoren=[coordinator],
        deur_open=True,
    )  # fmt: skip
    welzijn = OrganisatieFactory(naam="Stichting Welzijn Noord")
    voedselbank = OrganisatieFactory(naam="Voedselbank Zaanstreek")
    for naam, email, organisatie in [
        ("Anna de Vries", "anna@welzijn-noord.nl", welzijn),
        ("Bram Jansen", "bram@voedselbank.nl", voedselbank),
        ("Chris Bakker", "chris@example.org", None),
        ("Sam de Jong", "sam@welzijn-noord.nl", welzijn),
        ("Sam de Jong", "sam@voedselbank.nl", voedselbank),
    ]:
        services.aanmelden(bijeenkomst, naam=naam, email=email, organisatie=organisatie)
    return {"bijeenkomst": bijeenkomst, "coordinator": coordinator}


@pytest.fixture
def site(live_server, gegevens):
    return live_server.url


def nieuwe_telefoon(browser, site, gebruiker, breedte=360):
    context = browser.new_context(**telefoon_opties(breedte))
    context.set_default_timeout(10_000)
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    client = Client()
    client.force_login(gebruiker)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )
    return context


@pytest.fixture(params=[320, 360], ids=["320px", "360px"])
def telefoon(request, browser, site, gegevens):
    context = nieuwe_telefoon(browser, site, gegevens["coordinator"], request.param)
    yield context
    context.close()


def status(email):
    return Aanmelding.objects.get(email=email).status


def rij(page, email):
    return page.locator(f"#aanmelding-{Aanmelding.objects.get(email=email).pk}")


BEWAARD = """async () => {
  if (!navigator.serviceWorker.controller || !(await caches.has("netwerk-deur-vandaag"))) {
    return false;
  }
  const c = await caches.open("netwerk-deur-vandaag");
  return (await c.keys()).length === 3;
}"""


def wacht_op_bewaarde_lijst(page):
    """Until the service worker has kept this meeting's page, list and walk-in page
    (wait_for_function would take the promise of an async check for a true value)."""
    for _ in range(100):
        if page.evaluate(BEWAARD):
            return
        page.wait_for_timeout(100)
    raise AssertionError("de service worker heeft de lijst niet bewaard")


def test_zoeken_filtert_tijdens_het_typen_en_de_focus_blijft(telefoon, site):
    page = telefoon.new_page()
    page.goto(site + DEUR)
    page.evaluate("window.nietHerladen = true")
    veld = page.get_by_label("Zoek op naam of organisatie")
    veld.click()
    veld.press_sequentially("sam")
    expect(page.locator(".deur-rij:visible")).to_have_count(2)
    # Two people with one name: the domain of their address tells them apart.
    expect(page.get_by_text("@voedselbank.nl")).to_be_visible()
    expect(page.get_by_text("@welzijn-noord.nl")).to_be_visible()
    veld.press_sequentially(" voedsel")
    expect(page.locator(".deur-rij:visible")).to_have_count(1)
    expect(veld).to_be_focused()
    veld.fill("niemand")
    expect(page.get_by_text("Niemand gevonden.")).to_be_visible()
    veld.press("Enter")  # the phone keyboard's search key: no reload, focus stays
    expect(veld).to_be_focused()
    assert page.evaluate("window.nietHerladen") is True
    assert page.url == site + DEUR


def test_tikken_verschuift_niets_en_dubbel_tikken_laat_iemand_binnen(telefoon, site):
    page = telefoon.new_page()
    page.goto(site + DEUR)
    rijen = page.locator(".deur-rij")
    voor = [rijen.nth(i).bounding_box() for i in range(rijen.count())]
    knop = rij(page, "bram@voedselbank.nl").get_by_role("button")
    vak = knop.bounding_box()
    assert vak["height"] >= 44 and vak["width"] >= 44
    x, y = vak["x"] + vak["width"] / 2, vak["y"] + vak["height"] / 2
    page.touchscreen.tap(x, y)
    page.wait_for_timeout(350)
    page.touchscreen.tap(x, y)
    expect(rij(page, "bram@voedselbank.nl")).to_have_class(re.compile("deur-rij--binnen"))
    expect(knop).to_have_accessible_name(re.compile(r"^Binnen\s*: Bram Jansen$"))
    expect(page.get_by_role("status").filter(has_text="Bram Jansen is binnen.")).to_be_attached()
    expect(page.locator("#deur-teller")).to_have_text("1 van 5 binnen", timeout=15_000)
    page.wait_for_timeout(500)  # anything still on its way has arrived
    assert status("bram@voedselbank.nl") == Aanmelding.Status.AANWEZIG
    na = [rijen.nth(i).bounding_box() for i in range(rijen.count())]
    assert na == voor, "rijen zijn verschoven na het tikken"
    assert knop.bounding_box() == vak
    # The row offers no undo: that is a separate page.
    expect(page.get_by_role("button", name=re.compile("Ongedaan"))).to_have_count(0)
    assert not overtredingen(page)


def test_zonder_verbinding_wordt_inchecken_bewaard_en_later_verstuurd(telefoon, site):
    page = telefoon.new_page()
    page.goto(site + DEUR)
    wacht_op_bewaarde_lijst(page)
    telefoon.set_offline(True)
    rij(page, "anna@welzijn-noord.nl").get_by_role("button").tap()
    expect(page.get_by_text("Geen verbinding.")).to_be_visible()
    expect(page.get_by_text("Nog te versturen: 1.")).to_be_visible()
    expect(rij(page, "anna@welzijn-noord.nl")).to_have_class(re.compile("deur-rij--binnen"))
    assert status("anna@welzijn-noord.nl") == Aanmelding.Status.BEVESTIGD
    # Reloading without a network shows the kept door, not the browser's offline page.
    page.reload()
    expect(page.get_by_role("heading", name="Netwerkcafé in de wijk")).to_be_visible()
    expect(page.get_by_text("Geen verbinding.")).to_be_visible()
    expect(rij(page, "anna@welzijn-noord.nl")).to_have_class(re.compile("deur-rij--binnen"))
    assert_geen_overtredingen(page)

    telefoon.set_offline(False)
    expect(page.get_by_text("Geen verbinding.")).to_be_hidden(timeout=15_000)
    assert status("anna@welzijn-noord.nl") == Aanmelding.Status.AANWEZIG
    expect(page.locator("#deur-teller")).to_have_text("1 van 5 binnen", timeout=15_000)
    # The queue empties once the server's answer is in (the count may come first, by a poll).
    page.wait_for_function("() => localStorage.length === 0", timeout=10_000)


def test_zonder_verbinding_een_inloper_binnenlaten_die_later_wordt_ingeschreven(telefoon, site):
    page = telefoon.new_page()
    page.goto(site + DEUR)
    wacht_op_bewaarde_lijst(page)
    telefoon.set_offline(True)
    page.get_by_role("link", name="Iemand zonder aanmelding binnenlaten").click()
    expect(page.get_by_role("heading", name="Zonder aanmelding binnenlaten")).to_be_visible()
    page.get_by_role("button", name="Binnenlaten").click()
    expect(page.locator("#deur-inloper-fout")).to_have_text("Vul een naam in.")
    page.get_by_label("Naam").fill("Ivo <b>Inloper</b>")
    page.get_by_label("Organisatie").fill("Buurtkamer")
    page.get_by_role("button", name="Binnenlaten").click()
    # Back at the kept door: Ivo is in, on this phone, waiting to be sent; the count agrees.
    wachtend = page.locator(".deur-rij--wacht")
    expect(wachtend.locator("[data-naam]")).to_have_text("Ivo <b>Inloper</b>")
    expect(wachtend).to_contain_text("Binnen, nog te versturen")
    expect(page.locator("#deur-teller")).to_have_text("1 van 6 binnen")
    expect(page.get_by_text("Nog te versturen: 1.")).to_be_visible()
    assert not Aanmelding.objects.filter(aan_de_deur=True).exists()
    assert_geen_overtredingen(page)

    telefoon.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(page.locator(".deur-rij--wacht")).to_have_count(0, timeout=15_000)
    expect(page.locator("[data-naam]", has_text="Ivo <b>Inloper</b>")).to_have_count(1)
    expect(page.locator("#deur-teller")).to_have_text("1 van 6 binnen", timeout=15_000)
    page.wait_for_function("() => localStorage.length === 0", timeout=10_000)
    ivo = Aanmelding.objects.get(aan_de_deur=True)
    assert ivo.naam == "Ivo <b>Inloper</b>" and ivo.status == Aanmelding.Status.AANWEZIG
    assert ivo.organisatie_naam == "Buurtkamer"


def test_twee_telefoons_tegelijk(browser, site, gegevens):
    eerste = nieuwe_telefoon(browser, site, gegevens["coordinator"])
    tweede = nieuwe_telefoon(browser, site, gegevens["coordinator"])
    try:
        a, b = eerste.new_page(), tweede.new_page()
        a.goto(site + DEUR)
        b.goto(site + DEUR)
        # Both tap Chris at the same moment, and the first also Anna.
        rij(a, "chris@example.org").get_by_role("button").tap()
        rij(b, "chris@example.org").get_by_role("button").tap()
        rij(a, "anna@welzijn-noord.nl").get_by_role("button").tap()
        # A walk-in let in at the other door shows up too.
        services.aan_de_deur_aanmelden(gegevens["bijeenkomst"], naam="Ivo Inloper")
        expect(b.locator("#deur-teller")).to_have_text("3 van 6 binnen", timeout=15_000)
        expect(rij(b, "anna@welzijn-noord.nl")).to_have_class(re.compile("deur-rij--binnen"))
        expect(b.locator("[data-naam]", has_text="Ivo Inloper")).to_be_visible()
        assert status("chris@example.org") == Aanmelding.Status.AANWEZIG
        assert not overtredingen(a) and not overtredingen(b)
    finally:
        eerste.close()
        tweede.close()


def test_inloper_bij_een_volle_bijeenkomst_en_de_ongedaanlijst(telefoon, site):
    page = telefoon.new_page()
    page.goto(site + DEUR)
    assert_geen_overtredingen(page)
    page.get_by_role("link", name="Iemand zonder aanmelding binnenlaten").click()
    assert_geen_overtredingen(page)
    page.get_by_role("button", name="Binnenlaten").click()
    # The message at the field, and in the summary at the top a link to that field.
    expect(page.locator("#id_naam_error")).to_have_text("Vul een naam in.")
    expect(page.get_by_role("link", name="Vul een naam in.")).to_have_attribute("href", "#id_naam")
    page.get_by_label("Naam").fill("Ivo Inloper")
    page.get_by_label("Organisatie").fill("Buurtkamer")
    page.get_by_role("button", name="Binnenlaten").click()
    expect(page.get_by_text("Ivo Inloper is binnen (aan de deur).")).to_be_visible()
    expect(page.locator("#deur-teller")).to_have_text("1 van 6 binnen")
    ivo = Aanmelding.objects.get(naam="Ivo Inloper")
    assert ivo.aan_de_deur and ivo.status == Aanmelding.Status.AANWEZIG

    page.get_by_role("link", name=re.compile("Ongedaan maken")).click()
    assert_geen_overtredingen(page)
    page.get_by_role("button", name=re.compile("Ivo Inloper")).click()
    expect(page.get_by_text("Ivo Inloper staat weer op de lijst")).to_be_visible()
    assert Aanmelding.objects.get(pk=ivo.pk).status == Aanmelding.Status.BEVESTIGD
    assert not overtredingen(page)


def test_uitloggen_wist_de_bewaarde_lijst(browser, site, gegevens):
    context = nieuwe_telefoon(browser, site, gegevens["coordinator"])
    try:
        page = context.new_page()
        page.goto(site + DEUR)
        wacht_op_bewaarde_lijst(page)
        page.evaluate(
            """async () => {
              const token = document.querySelector("input[name=csrfmiddlewaretoken]").value;
              const data = new FormData();
              data.append("csrfmiddlewaretoken", token);
              await fetch("/admin/logout/", {method: "POST", body: data});
            }"""
        )
        page.goto(site + "/")
        for _ in range(50):
            if page.evaluate("async () => (await caches.keys()).length") == 0:
                break
            page.wait_for_timeout(100)
        assert page.evaluate("async () => (await caches.keys()).length") == 0
    finally:
        context.close()


def test_deur_op_een_breed_scherm(browser, site, gegevens):
    """A tablet or laptop at the desk: the same page, wide, axe and the CSP clean, no sideways
    scrolling, and the undo page reachable."""
    context = nieuwe_telefoon(browser, site, gegevens["coordinator"], breedte=1280)
    try:
        page = context.new_page()
        page.goto(site + DEUR)
        expect(page.get_by_label("Zoek op naam of organisatie")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 1280
        assert_geen_overtredingen(page)
        page.goto(site + DEUR + "ongedaan/")
        assert_geen_overtredingen(page)
        assert overtredingen(page) == []
    finally:
        context.close()
