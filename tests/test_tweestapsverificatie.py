"""With TWEE_FACTOR_VERPLICHT on, staff reach /admin/ and /coordinatie/ only after a code.

Staff log in through the real login page with their password; the code comes from the
device's key, as the authenticator app would compute it.
"""

from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from tests.factories import BijeenkomstFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

CODE_PAGINA = "/tweestapsverificatie/"
INSTELLEN = "/tweestapsverificatie/instellen/"


@pytest.fixture
def verplicht(settings):
    settings.TWEE_FACTOR_VERPLICHT = True


@pytest.fixture
def coordinator(db):
    return GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])


@pytest.fixture
def bijeenkomst(coordinator):
    return BijeenkomstFactory(slug="samen", coordinatoren=[coordinator])


def met_wachtwoord_inloggen(client, gebruiker):
    response = client.post(
        "/admin/login/",
        {"username": gebruiker.username, "password": "geheim-wachtwoord", "next": "/admin/"},
    )
    assert response.status_code == 302, "het wachtwoord zelf werkt"


def code(apparaat, verschuiving=0):
    return (
        f"{totp(apparaat.bin_key, apparaat.step, apparaat.t0, apparaat.digits, verschuiving):06d}"
    )


def foute_code(apparaat):
    goed = {code(apparaat, verschuiving) for verschuiving in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1000) if f"{n:06d}" not in goed)


def staf_urls(bijeenkomst):
    return [
        "/admin/",
        "/admin/auth/user/",
        "/admin/organisaties/organisatie/add/",
        "/admin/password_change/",
        reverse("bijeenkomsten:coordinatie"),
        reverse("bijeenkomsten:netwerk_totaal"),
        reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug]),
        reverse("bijeenkomsten:deur", args=[bijeenkomst.slug]),
        reverse("bijeenkomsten:export", args=[bijeenkomst.slug, "csv"]),
        "/coordinatie/bestaat-niet/",
    ]


@pytest.mark.parametrize("rol", [REDACTEUREN, COORDINATOREN, BEHEERDERS, "superuser"])
def test_met_alleen_wachtwoord_geen_admin_en_geen_coordinatie(client, verplicht, bijeenkomst, rol):
    if rol == "superuser":
        gebruiker = GebruikerFactory(username="super", is_superuser=True)
    else:
        gebruiker = GebruikerFactory(username="medewerker", groepen=[rol])
    bijeenkomst.coordinatoren.add(gebruiker)
    met_wachtwoord_inloggen(client, gebruiker)

    for url in staf_urls(bijeenkomst):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(CODE_PAGINA), url


def test_post_naar_coordinatie_zonder_code_doet_niets(client, verplicht, coordinator, bijeenkomst):
    met_wachtwoord_inloggen(client, coordinator)

    response = client.post(
        reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug]),
        {"naam": "Iemand", "email": "iemand@example.nl"},
    )

    assert response.status_code == 302
    assert response["Location"].startswith(CODE_PAGINA)
    assert bijeenkomst.aanmeldingen.count() == 0


def test_instellen_met_de_code_uit_de_app_geeft_toegang(
    client, verplicht, coordinator, bijeenkomst
):
    met_wachtwoord_inloggen(client, coordinator)
    doel = reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug])

    response = client.get(doel, follow=True)

    assert response.redirect_chain[-1][0].startswith(INSTELLEN)
    assert response.status_code == 200
    apparaat = TOTPDevice.objects.get(user=coordinator)
    assert not apparaat.confirmed
    tekst = response.content.decode()
    assert 'src="data:image/svg+xml;base64,' in tekst
    assert b32encode(apparaat.bin_key).decode()[:4] in tekst
    assert 'autocomplete="one-time-code"' in tekst and 'inputmode="numeric"' in tekst
    assert "style=" not in tekst and "<script>" not in tekst

    # A reload shows the same key: the app the user just scanned it into keeps working.
    client.get(INSTELLEN)
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1

    response = client.post(INSTELLEN, {"code": code(apparaat), "next": doel})

    assert response.status_code == 302 and response["Location"] == doel
    apparaat.refresh_from_db()
    assert apparaat.confirmed
    assert client.get(doel).status_code == 200
    assert client.get(reverse("bijeenkomsten:coordinatie")).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_code_met_spaties_wordt_ook_geaccepteerd(client, verplicht, coordinator):
    met_wachtwoord_inloggen(client, coordinator)
    client.get(INSTELLEN)
    apparaat = TOTPDevice.objects.get(user=coordinator)
    goed = code(apparaat)

    response = client.post(INSTELLEN, {"code": f" {goed[:3]} {goed[3:]} "})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_verkeerde_code_bij_instellen_wordt_geweigerd(client, verplicht, coordinator):
    met_wachtwoord_inloggen(client, coordinator)
    client.get(INSTELLEN)
    apparaat = TOTPDevice.objects.get(user=coordinator)

    response = client.post(INSTELLEN, {"code": foute_code(apparaat)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    apparaat.refresh_from_db()
    assert not apparaat.confirmed
    assert apparaat.throttling_failure_count == 1
    assert client.get("/admin/").status_code == 302


def test_bestaande_app_vraagt_de_code_en_toont_de_sleutel_niet_meer(client, verplicht, coordinator):
    apparaat = TOTPDevice.objects.create(user=coordinator, name="telefoon", confirmed=True)
    met_wachtwoord_inloggen(client, coordinator)

    response = client.get("/admin/")
    assert response["Location"] == f"{CODE_PAGINA}?next=%2Fadmin%2F"
    pagina = client.get(response["Location"])
    assert pagina.status_code == 200
    assert "data:image" not in pagina.content.decode()
    assert b32encode(apparaat.bin_key).decode()[:8] not in pagina.content.decode()
    # Setting up again (and seeing the key) is not possible with only the password.
    assert client.get(INSTELLEN)["Location"].startswith(CODE_PAGINA)
    assert TOTPDevice.objects.filter(user=coordinator).count() == 1

    response = client.post(CODE_PAGINA, {"code": code(apparaat), "next": "/admin/"})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_verkeerde_code_wordt_geweigerd(client, verplicht, coordinator):
    apparaat = TOTPDevice.objects.create(user=coordinator, name="telefoon", confirmed=True)
    met_wachtwoord_inloggen(client, coordinator)

    response = client.post(CODE_PAGINA, {"code": foute_code(apparaat)})

    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_na_een_foute_code_wacht_ook_de_goede(client, verplicht, coordinator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    apparaat = TOTPDevice.objects.create(user=coordinator, name="telefoon", confirmed=True)
    met_wachtwoord_inloggen(client, coordinator)
    client.post(CODE_PAGINA, {"code": foute_code(apparaat)})

    response = client.post(CODE_PAGINA, {"code": code(apparaat)})

    assert response.status_code == 200
    assert "te vaak een verkeerde code" in response.content.decode()
    assert client.get("/admin/").status_code == 302


@pytest.mark.parametrize("invoer", ["", "abc", "12345", "1234567", "١٢٣٤٥٦", "x" * 5000])
def test_onzin_als_code_geeft_een_melding(client, verplicht, coordinator, invoer):
    TOTPDevice.objects.create(user=coordinator, name="telefoon", confirmed=True)
    met_wachtwoord_inloggen(client, coordinator)

    response = client.post(CODE_PAGINA, {"code": invoer})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_next_naar_een_andere_site_wordt_genegeerd(client, verplicht, coordinator):
    apparaat = TOTPDevice.objects.create(user=coordinator, name="telefoon", confirmed=True)
    met_wachtwoord_inloggen(client, coordinator)

    response = client.post(
        CODE_PAGINA, {"code": code(apparaat), "next": "https://kwaadwillend.example/"}
    )

    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_uitloggen_kan_zonder_code(client, verplicht, coordinator):
    met_wachtwoord_inloggen(client, coordinator)

    response = client.post("/admin/logout/")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_code_pagina_vraagt_eerst_om_in_te_loggen(client, verplicht):
    response = client.get(CODE_PAGINA)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_uit_verandert_er_niets(client, coordinator, bijeenkomst):
    met_wachtwoord_inloggen(client, coordinator)

    assert client.get("/admin/").status_code == 200
    assert (
        client.get(reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug])).status_code == 200
    )
    assert client.get(CODE_PAGINA).status_code == 404
    assert client.get(INSTELLEN).status_code == 404
    assert not TOTPDevice.objects.exists()
