"""Registration under simultaneous requests, over real HTTP against a live server.

In the style of pretix's concurrency tests: the requests are real and parallel (the live
server answers each in its own thread with its own database connection), PostgreSQL does the
locking, and AANMELDEN_RACE_VENSTER widens the gap between counting the places and taking
one, so that without the lock the race is certain. The control test turns the lock off and
shows the overbooking; the others show that with the lock it does not happen.

Only counts and status codes are asserted, never timings.
"""

import http.client
import re
import threading
import urllib.parse
from http.cookies import SimpleCookie

import pytest
from django.db import transaction

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst
from tests.factories import BijeenkomstFactory

GELIJKTIJDIG = 10
CAPACITEIT = 3
TIMEOUT = 60  # seconds; only a bound against hanging, never reached when things work

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def druk(settings, live_server):
    """Settings for a busy moment: no rate limit (all requests come from one address),
    a race window, and a lock timeout far above what the queue of requests needs."""
    settings.AANMELDEN_LIMIET_PER_UUR = 100_000
    settings.AANMELDEN_RACE_VENSTER = 0.2
    settings.AANMELDEN_LOCK_TIMEOUT_MS = 30_000
    settings.AANMELDEN_VERGRENDELEN = True
    return settings


class Antwoord:
    def __init__(self, status, location, tekst):
        self.status = status
        self.location = location
        self.tekst = tekst

    def __repr__(self):
        return f"<Antwoord {self.status} {self.location or ''}>"


class Bezoeker:
    """A browser without a browser: one CSRF cookie and form token, real HTTP requests."""

    def __init__(self, live_server, pad, sessie=None):
        self.adres = urllib.parse.urlsplit(live_server.url)
        self.sessie = sessie  # a logged-in staff member's sessionid, for coordinator pages
        antwoord, cookies = self._verstuur("GET", pad, headers=self._sessiekoek())
        assert antwoord.status == 200, antwoord
        self.cookie = cookies["csrftoken"].value
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', antwoord.tekst)[1]

    def _sessiekoek(self):
        return {"Cookie": f"sessionid={self.sessie}"} if self.sessie else {}

    def _verbinding(self):
        return http.client.HTTPConnection(self.adres.hostname, self.adres.port, timeout=TIMEOUT)

    def _verstuur(self, methode, pad, body=None, headers=None, verbinding=None):
        verbinding = verbinding or self._verbinding()
        try:
            verbinding.request(methode, pad, body=body, headers=headers or {})
            response = verbinding.getresponse()
            tekst = response.read().decode()
            cookies = SimpleCookie()
            for waarde in response.headers.get_all("Set-Cookie") or []:
                cookies.load(waarde)
            return Antwoord(response.status, response.getheader("Location"), tekst), cookies
        finally:
            verbinding.close()

    def post(self, pad, gegevens=None, verbinding=None):
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.token, **(gegevens or {})})
        koekjes = f"csrftoken={self.cookie}"
        if self.sessie:
            koekjes += f"; sessionid={self.sessie}"
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": koekjes}
        return self._verstuur("POST", pad, body, headers, verbinding)[0]

    def get(self, pad):
        return self._verstuur("GET", pad)[0]

    def tegelijk(self, verzoeken):
        """POST every (path, data) at the same moment; the answers in the same order.

        Each thread connects first and then waits at a barrier, so the requests leave
        together and the server has a thread ready for each of them.
        """
        antwoorden = [None] * len(verzoeken)
        start = threading.Barrier(len(verzoeken))

        def verstuur(i, pad, gegevens):
            verbinding = self._verbinding()
            try:
                verbinding.connect()
                start.wait(timeout=TIMEOUT)
                antwoorden[i] = self.post(pad, gegevens, verbinding)
            except Exception as fout:  # noqa: BLE001 - reported by the assertions below
                antwoorden[i] = fout

        draden = [
            threading.Thread(target=verstuur, args=(i, pad, gegevens))
            for i, (pad, gegevens) in enumerate(verzoeken)
        ]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(timeout=TIMEOUT)
        assert all(isinstance(a, Antwoord) for a in antwoorden), antwoorden
        return antwoorden


def formulier(nummer, email=None):
    return {
        "naam": f"Deelnemer {nummer}",
        "email": email or f"deelnemer{nummer}@voorbeeld.nl",
        "organisatie_naam": "Buurtwerk",
        "privacy": "on",
    }


def aantallen(bijeenkomst):
    statussen = list(bijeenkomst.aanmeldingen.values_list("status", flat=True))
    return statussen.count("bevestigd"), statussen.count("wachtlijst")


def wachtlijst(bijeenkomst):
    return list(
        bijeenkomst.aanmeldingen.filter(status="wachtlijst").order_by("wachtlijst_sinds", "pk")
    )


def test_zonder_vergrendelen_wordt_de_bijeenkomst_overboekt(druk, live_server):
    """Control test: without the lock the race is real, so the other tests prove something."""
    druk.AANMELDEN_VERGRENDELEN = False
    druk.AANMELDEN_RACE_VENSTER = 1.0
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)

    antwoorden = bezoeker.tegelijk([(pad, formulier(i)) for i in range(GELIJKTIJDIG)])

    assert [a.status for a in antwoorden] == [302] * GELIJKTIJDIG
    bevestigd, _ = aantallen(bijeenkomst)
    print(f"zonder vergrendelen: {bevestigd} bevestigd bij {CAPACITEIT} plaatsen")
    assert bevestigd > CAPACITEIT


def test_gelijktijdig_aanmelden_geeft_nooit_meer_plaatsen_dan_capaciteit(druk, live_server):
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)

    antwoorden = bezoeker.tegelijk([(pad, formulier(i)) for i in range(GELIJKTIJDIG)])

    assert [a.status for a in antwoorden] == [302] * GELIJKTIJDIG, antwoorden
    assert aantallen(bijeenkomst) == (CAPACITEIT, GELIJKTIJDIG - CAPACITEIT)
    aanmeldingen = {a.token: a for a in bijeenkomst.aanmeldingen.all()}
    # Every answer leads to that person's own registration.
    assert {a.location.rstrip("/").rsplit("/", 1)[1] for a in antwoorden} == set(aanmeldingen)
    # First come, first served: the confirmed places went to the first rows taken, and the
    # waiting list is in the order in which people arrived at the lock.
    bevestigd = [a.pk for a in aanmeldingen.values() if a.status == "bevestigd"]
    wachtend = wachtlijst(bijeenkomst)
    assert max(bevestigd) < min(a.pk for a in wachtend)
    assert [a.pk for a in wachtend] == sorted(a.pk for a in wachtend)
    posities = [services.wachtlijstpositie(a) for a in wachtend]
    assert posities == list(range(1, len(wachtend) + 1))
    # And the personal page of the last one says so.
    laatste = bezoeker.get(wachtend[-1].get_absolute_url())
    assert f"op plaats {len(wachtend)}." in laatste.tekst


def test_annuleren_tijdens_drukte_biedt_de_plaats_aan_de_wachtlijst_aan(druk, live_server):
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    druk.AANMELDEN_RACE_VENSTER = 0
    eerste, *_ = [
        services.aanmelden(bijeenkomst, naam=f"Vroeg {i}", email=f"vroeg{i}@voorbeeld.nl")
        for i in range(CAPACITEIT)
    ]
    wachtende = services.aanmelden(bijeenkomst, naam="Wachtend", email="wacht@voorbeeld.nl")
    assert wachtende.status == "wachtlijst"
    druk.AANMELDEN_RACE_VENSTER = 0.2
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)
    nieuw = 6

    antwoorden = bezoeker.tegelijk(
        [(eerste.get_absolute_url(), {})] + [(pad, formulier(i)) for i in range(nieuw)]
    )

    assert [a.status for a in antwoorden] == [302] * (nieuw + 1), antwoorden
    eerste.refresh_from_db()
    wachtende.refresh_from_db()
    assert eerste.status == "geannuleerd"
    # The freed place is held for the first in line: no newcomer took it meanwhile.
    assert wachtende.heeft_aanbod
    assert services.plaatsen_over(bijeenkomst) == 0
    assert aantallen(bijeenkomst) == (CAPACITEIT - 1, nieuw + 1)
    nieuwkomers = bijeenkomst.aanmeldingen.filter(email__startswith="deelnemer")
    assert set(nieuwkomers.values_list("status", flat=True)) == {"wachtlijst"}
    assert not nieuwkomers.filter(aanbod_tot__isnull=False).exists()


def test_aanbod_aannemen_tijdens_drukte_overboekt_niet(druk, live_server):
    """The one with an offer accepts (twice, as with a double click) while newcomers storm
    the form: the held place is theirs, and nobody else gets a place."""
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    druk.AANMELDEN_RACE_VENSTER = 0
    eerste, *_ = [
        services.aanmelden(bijeenkomst, naam=f"Vroeg {i}", email=f"vroeg{i}@voorbeeld.nl")
        for i in range(CAPACITEIT)
    ]
    wachtende = services.aanmelden(bijeenkomst, naam="Wachtend", email="wacht@voorbeeld.nl")
    services.annuleren(eerste)
    wachtende.refresh_from_db()
    assert wachtende.heeft_aanbod
    druk.AANMELDEN_RACE_VENSTER = 0.2
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)
    nieuw = 6
    aannemen = (wachtende.get_absolute_url(), {"actie": "aannemen"})

    antwoorden = bezoeker.tegelijk(
        [aannemen, aannemen] + [(pad, formulier(i)) for i in range(nieuw)]
    )

    assert [a.status for a in antwoorden] == [302] * (nieuw + 2), antwoorden
    wachtende.refresh_from_db()
    assert wachtende.status == "bevestigd"
    assert aantallen(bijeenkomst) == (CAPACITEIT, nieuw)


@pytest.mark.parametrize(
    "vergrendelen",
    [True, False],
    ids=["met-vergrendelen", "alleen-de-database-regel"],
)
def test_zelfde_email_tegelijk_geeft_een_aanmelding(druk, live_server, vergrendelen):
    """With the lock the second request finds the first; without it the unique constraint
    stops the second insert. Either way one row and a clear answer, no error page."""
    druk.AANMELDEN_VERGRENDELEN = vergrendelen
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)
    schrijfwijzen = ["jan@voorbeeld.nl", "Jan@Voorbeeld.nl", "jan@voorbeeld.nl", "JAN@voorbeeld.nl"]

    antwoorden = bezoeker.tegelijk(
        [(pad, formulier(i, email=email)) for i, email in enumerate(schrijfwijzen)]
    )

    assert sorted(a.status for a in antwoorden) == [302, 409, 409, 409], antwoorden
    assert bijeenkomst.aanmeldingen.count() == 1
    for antwoord in antwoorden:
        if antwoord.status == 409:
            assert "Dit e-mailadres is al aangemeld voor deze bijeenkomst." in antwoord.tekst


def test_te_lang_wachten_op_het_slot_geeft_een_vriendelijke_melding(druk, live_server):
    druk.AANMELDEN_LOCK_TIMEOUT_MS = 50
    druk.AANMELDEN_RACE_VENSTER = 1.0
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)

    antwoorden = bezoeker.tegelijk([(pad, formulier(i)) for i in range(GELIJKTIJDIG)])

    statussen = [a.status for a in antwoorden]
    assert set(statussen) <= {302, 503}, antwoorden
    assert 503 in statussen
    for antwoord in antwoorden:
        if antwoord.status == 503:
            assert "Probeer het over een paar seconden opnieuw." in antwoord.tekst
            assert "deelnemer" in antwoord.tekst  # what the visitor typed is still there
    bevestigd, wachtend = aantallen(bijeenkomst)
    assert bevestigd <= CAPACITEIT
    assert bevestigd + wachtend == statussen.count(302)


@pytest.mark.parametrize("actie", ["aanmelden", "annuleren"])
def test_bezet_slot_geeft_een_vriendelijke_melding_en_verandert_niets(druk, live_server, actie):
    """The same timeout made certain: this test holds the meeting's lock itself, as a slow
    registration would, while the request waits for it."""
    druk.AANMELDEN_LOCK_TIMEOUT_MS = 50
    druk.AANMELDEN_RACE_VENSTER = 0
    bijeenkomst = BijeenkomstFactory(capaciteit=CAPACITEIT)
    aanmelding = services.aanmelden(bijeenkomst, naam="Eerder", email="eerder@voorbeeld.nl")
    pad = bijeenkomst.get_absolute_url()
    bezoeker = Bezoeker(live_server, pad)
    if actie == "annuleren":
        pad, gegevens = aanmelding.get_absolute_url(), {}
    else:
        gegevens = formulier(1)

    with transaction.atomic():
        Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
        antwoord = bezoeker.post(pad, gegevens)

    assert antwoord.status == 503, antwoord
    assert "Probeer het over een paar seconden opnieuw." in antwoord.tekst
    aanmelding.refresh_from_db()
    assert aanmelding.status == "bevestigd"
    assert bijeenkomst.aanmeldingen.count() == 1
    # The page offers the same action again: the form, or the cancel button.
    assert 'name="csrfmiddlewaretoken"' in antwoord.tekst


def test_inchecken_vanaf_twee_telefoons_tegelijk(druk, live_server, client):
    """Two phones at the door tap the same person: one check-in, its time kept, no error."""
    from tests.factories import GebruikerFactory

    coordinator = GebruikerFactory()
    bijeenkomst = BijeenkomstFactory(
        capaciteit=CAPACITEIT, coordinatoren=[coordinator], deur_open=True
    )
    aanmelding = services.aanmelden(bijeenkomst, naam="Anna", email="anna@voorbeeld.nl")
    client.force_login(coordinator)
    telefoon = Bezoeker(
        live_server,
        f"/coordinatie/bijeenkomsten/{bijeenkomst.slug}/deur/",
        sessie=client.cookies["sessionid"].value,
    )
    pad = f"/coordinatie/bijeenkomsten/{bijeenkomst.slug}/deur/inchecken/"
    tik = {"aanmelding": aanmelding.pk}

    antwoorden = telefoon.tegelijk([(pad, tik)] * 6)

    assert [a.status for a in antwoorden] == [302] * 6, antwoorden
    aanmelding.refresh_from_db()
    assert aanmelding.status == "aanwezig"
    tijd = aanmelding.aanwezig_op
    telefoon.tegelijk([(pad, tik)] * 2)
    aanmelding.refresh_from_db()
    assert aanmelding.aanwezig_op == tijd
