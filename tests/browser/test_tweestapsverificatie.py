"""The staff login pages in Chromium: setting up the app, the code, a blocked login.

Each page has no axe-core violations and nothing blocked by the Content-Security-Policy.
"""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.hulp import assert_geen_overtredingen
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


@pytest.fixture
def console(page):
    """What the Content-Security-Policy refused, as the browser console reports it."""
    geweigerd = []
    page.on(
        "console",
        lambda bericht: (
            "Content Security Policy" in bericht.text and geweigerd.append(bericht.text)
        ),
    )
    return geweigerd


def inloggen(page, site, naam, wachtwoord="geheim-wachtwoord"):
    page.goto(site + "/admin/login/?next=/admin/")
    page.get_by_label("Gebruikersnaam").fill(naam)
    page.get_by_label("Wachtwoord").fill(wachtwoord)
    page.get_by_role("button", name="Aanmelden").click()


def test_app_instellen_en_dan_in_de_admin(page, live_server, transactional_db, verplicht, console):
    gebruiker = GebruikerFactory(username="nieuw")
    inloggen(page, live_server.url, "nieuw")

    expect(page.get_by_role("heading", name="Tweestapsverificatie instellen")).to_be_visible()
    expect(page.get_by_role("img", name="QR-code voor de authenticator-app")).to_be_visible()
    assert_geen_overtredingen(page)

    page.get_by_label("Code uit de app").fill("12")
    page.get_by_role("button", name="Instellen").click()
    expect(page.get_by_text("Vul de 6 cijfers in die de app nu toont.")).to_be_visible()
    assert_geen_overtredingen(page)

    apparaat = TOTPDevice.objects.get(user=gebruiker)
    page.get_by_label("Code uit de app").fill(f"{totp(apparaat.bin_key):06d}")
    page.get_by_role("button", name="Instellen").click()

    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_text("Tweestapsverificatie staat aan.")).to_be_visible()
    assert console == []


def test_code_invullen_heeft_geen_axe_overtredingen(
    page, live_server, transactional_db, verplicht, console
):
    gebruiker = GebruikerFactory(username="bestaand")
    TOTPDevice.objects.create(user=gebruiker, name="telefoon", confirmed=True)
    inloggen(page, live_server.url, "bestaand")

    expect(page.get_by_role("heading", name="Code invullen")).to_be_visible()
    assert_geen_overtredingen(page)
    page.get_by_label("Code uit de app").fill("abc")
    page.get_by_role("button", name="Controleren").click()
    expect(page.get_by_label("Code uit de app")).to_have_attribute("aria-invalid", "true")
    assert_geen_overtredingen(page)
    assert console == []


def test_geblokkeerd_inloggen_heeft_geen_axe_overtredingen(page, live_server, transactional_db):
    GebruikerFactory(username="beheer")
    for _ in range(5):
        inloggen(page, live_server.url, "beheer", "fout")

    expect(page.get_by_role("heading", name="Inloggen tijdelijk geblokkeerd")).to_be_visible()
    assert_geen_overtredingen(page)
