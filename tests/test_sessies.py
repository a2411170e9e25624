"""A staff session ends after a working day (8 hours) and after an hour without activity.

The clock is shifted by replacing django.utils.timezone.now.
"""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from django.utils import timezone

from netwerk.rollen import COORDINATOREN
from netwerk.sessies import INGELOGD_OM, LAATST_ACTIEF
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db


class Klok:
    """timezone.now, moved forward on request."""

    def __init__(self, monkeypatch):
        self.start = timezone.now()
        self.verschuiving = datetime.timedelta()
        monkeypatch.setattr(timezone, "now", lambda: self.start + self.verschuiving)

    def verder(self, **tijd):
        self.verschuiving += datetime.timedelta(**tijd)


@pytest.fixture
def klok(monkeypatch):
    return Klok(monkeypatch)


@pytest.fixture
def medewerker(db):
    return GebruikerFactory(username="medewerker", groepen=[COORDINATOREN])


def inloggen(client, gebruiker):
    response = client.post(
        "/admin/login/", {"username": gebruiker.username, "password": "geheim-wachtwoord"}
    )
    assert response.status_code == 302


def is_ingelogd(client):
    return SESSION_KEY in client.session


def test_inloggen_bewaart_het_tijdstip(client, klok, medewerker):
    inloggen(client, medewerker)

    assert client.session[INGELOGD_OM] == klok.start.timestamp()
    assert client.session[LAATST_ACTIEF] == klok.start.timestamp()


def test_binnen_de_grenzen_blijft_u_ingelogd(client, klok, medewerker):
    inloggen(client, medewerker)
    for _ in range(9):  # every 50 minutes, 7.5 hours long
        klok.verder(minutes=50)
        assert client.get("/coordinatie/").status_code == 200
    assert is_ingelogd(client)


def test_na_een_uur_niets_doen_uitgelogd(client, klok, medewerker):
    inloggen(client, medewerker)
    assert client.get("/coordinatie/").status_code == 200

    klok.verder(minutes=61)
    response = client.get("/coordinatie/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/coordinatie/"
    assert not is_ingelogd(client)
    pagina = client.get(response["Location"])
    assert "60 minuten niets deed" in pagina.content.decode()


def test_na_een_werkdag_uitgelogd_ook_als_u_steeds_actief_was(client, klok, medewerker):
    inloggen(client, medewerker)
    for _ in range(9):  # every 55 minutes, up to 8 h 15
        klok.verder(minutes=55)
        response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/"
    assert not is_ingelogd(client)
    pagina = client.get(response["Location"])
    assert "langer dan 8 uur geleden" in pagina.content.decode()


def test_opnieuw_inloggen_begint_een_nieuwe_werkdag(client, klok, medewerker):
    inloggen(client, medewerker)
    klok.verder(hours=9)
    assert client.get("/admin/").status_code == 302

    inloggen(client, medewerker)

    assert client.get("/admin/").status_code == 200
    assert client.session[INGELOGD_OM] == (klok.start + datetime.timedelta(hours=9)).timestamp()


def test_activiteit_wordt_hoogstens_eens_per_minuut_geschreven(client, klok, medewerker):
    inloggen(client, medewerker)
    begin = client.session[LAATST_ACTIEF]

    klok.verder(seconds=30)
    client.get("/admin/")
    assert client.session[LAATST_ACTIEF] == begin

    klok.verder(seconds=31)
    client.get("/admin/")
    assert client.session[LAATST_ACTIEF] == begin + 61


def test_grenzen_komen_uit_de_instellingen(client, klok, medewerker, settings):
    settings.STAF_SESSIE_MAX_UREN = 1
    settings.STAF_SESSIE_INACTIEF_MINUTEN = 10
    inloggen(client, medewerker)

    klok.verder(minutes=9)
    assert client.get("/admin/").status_code == 200
    klok.verder(minutes=11)
    assert client.get("/admin/").status_code == 302


def test_oude_sessie_zonder_tijdstippen_telt_vanaf_nu(client, klok, medewerker):
    client.force_login(medewerker)  # as a session from before this middleware

    assert client.get("/admin/").status_code == 200
    assert client.session[INGELOGD_OM] == klok.start.timestamp()
    klok.verder(minutes=61)
    assert client.get("/admin/").status_code == 302


def test_oude_tijdstempel_in_de_sessie_logt_uit(client, medewerker):
    client.force_login(medewerker)
    sessie = client.session
    nu = timezone.now().timestamp()
    sessie[INGELOGD_OM] = nu - 8 * 3600 - 60
    sessie[LAATST_ACTIEF] = nu - 60
    sessie.save()

    assert client.get("/coordinatie/").status_code == 302
    assert not is_ingelogd(client)


def test_anonieme_bezoeker_krijgt_geen_sessie(client):
    response = client.get("/over/")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies
