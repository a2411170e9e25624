"""The whole signal journey by keyboard alone, axe clean on every page: a resident passes on a
worry, the wijkteam worker finds it at the top of the queue and picks it up."""

import pytest
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from signalen.demodata import GEBRUIKERSNAAM
from signalen.models import Signaal
from tests.browser.hulp import assert_geen_overtredingen, inloggen_als_beheerder, tab_tot

pytestmark = pytest.mark.browser


@pytest.fixture
def csp_meldingen(page):
    meldingen = []
    page.on(
        "console",
        lambda m: meldingen.append(m.text) if "Content Security Policy" in m.text else None,
    )
    return meldingen


def inloggen_als_wijkteam(context, url):
    """The demo worker's session, second factor included, as if they had logged in."""
    from django.contrib.auth import get_user_model

    gebruiker = get_user_model().objects.get(username=GEBRUIKERSNAAM)
    client = Client()
    client.force_login(gebruiker)
    apparaat = TOTPDevice.objects.create(user=gebruiker, name="test", confirmed=True)
    sessie = client.session
    sessie[DEVICE_ID_SESSION_KEY] = apparaat.persistent_id
    sessie.save()
    context.add_cookies([{"name": "sessionid", "value": sessie.session_key, "url": url}])


def smal_genoeg(page):
    page.set_viewport_size({"width": 320, "height": 800})
    breedte = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size({"width": 1280, "height": 900})
    return breedte <= 320


def test_signaal_van_melder_tot_opgepakt_met_alleen_het_toetsenbord(
    page, context, site, csp_meldingen
):
    # The resident finds the form from the footer of any page.
    page.goto(site + "/over/")
    tab_tot(page, lambda el: el["tekst"] == "Zorgen om iemand?", max_stappen=120)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/signaal/")
    expect(page.get_by_text("0800-1205")).to_be_visible()
    assert_geen_overtredingen(page)
    assert smal_genoeg(page)

    # Sent empty: the error summary takes the focus and links to the field.
    tab_tot(page, lambda el: el["tekst"] == "Melding versturen", max_stappen=60)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator(".netwerk-foutoverzicht")).to_be_visible()
    assert_geen_overtredingen(page)

    tab_tot(page, lambda el: el["id"] == "id_zorg", max_stappen=60)
    page.keyboard.type("Mijn buurman komt al weken niet buiten.")
    tab_tot(page, lambda el: el["id"] == "id_wijk")
    page.keyboard.press("ArrowDown")  # the first wijk after "Weet ik niet"
    assert page.locator("#id_wijk").input_value() != ""
    tab_tot(page, lambda el: el["id"] == "id_email")
    page.keyboard.type("buur@example.nl")
    tab_tot(page, lambda el: el["id"] == "id_toestemming")
    page.keyboard.press("Space")
    assert page.locator("#id_toestemming").is_checked()
    tab_tot(page, lambda el: el["tekst"] == "Melding versturen")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.url.endswith("/signaal/ontvangen/")
    signaal = Signaal.objects.get(email="buur@example.nl")
    expect(page.locator(".signaal-referentie")).to_have_text(signaal.referentie)
    assert_geen_overtredingen(page)
    assert smal_genoeg(page)

    # The worker of the demo wijkteam: the queue, the signal, picked up.
    inloggen_als_wijkteam(context, site)
    page.goto(site + "/signalen/beheer/")
    assert_geen_overtredingen(page)
    assert smal_genoeg(page)
    href = signaal.get_absolute_url()
    tab_tot(page, lambda el: el["href"] == href, max_stappen=60)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Mijn buurman komt al weken niet buiten.")).to_be_visible()
    assert_geen_overtredingen(page)
    assert smal_genoeg(page)

    tab_tot(page, lambda el: el["id"] == "id_status")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_status").input_value() == "opgepakt"
    tab_tot(page, lambda el: el["tekst"] == "Status opslaan")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("De status is nu: opgepakt.")).to_be_visible()
    signaal.refresh_from_db()
    assert signaal.status == "opgepakt" and signaal.eerste_contact_op is not None
    assert_geen_overtredingen(page)
    assert csp_meldingen == []

    # The gemeente's monthly overview, for a beheerder.
    inloggen_als_beheerder(context, site)
    page.goto(site + "/signalen/beheer/overzicht/")
    expect(page.get_by_role("table", name="Per wijk")).to_be_visible()
    assert_geen_overtredingen(page)
    assert smal_genoeg(page)
    assert csp_meldingen == []
