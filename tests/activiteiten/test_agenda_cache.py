"""The agenda comes from the page cache: stale after any change, and never from yesterday."""

import datetime

import pytest
from django.utils import timezone

from activiteiten.herhaling import AMSTERDAM
from activiteiten.models import Activiteit, Uitzonderingsperiode
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db


def op(jaar, maand, dag, uur, minuut=0):
    return datetime.datetime(jaar, maand, dag, uur, minuut, tzinfo=AMSTERDAM)


def activiteit(titel, start, herhaling=""):
    a = Activiteit.objects.create(
        titel=titel,
        slug=titel.lower().replace(" ", "-"),
        omschrijving="Samen.",
        start=start,
        einde=start + datetime.timedelta(hours=1),
        herhaling=herhaling,
        status=Activiteit.Status.GEPUBLICEERD,
        ontmoetplek="Buurthuis",
    )
    a.organisaties.set([OrganisatieFactory()])
    return a


@pytest.fixture
def klok(monkeypatch):
    """Set the clock the agenda and the page cache read."""

    def zet(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return zet


def test_agenda_uit_de_cache_en_opnieuw_na_een_wijziging(client, klok):
    klok(op(2027, 3, 10, 9))
    koffie = activiteit("Koffie in de bus", op(2027, 3, 10, 14), "FREQ=WEEKLY")
    eerste = client.get("/activiteiten/?dag=week")
    assert eerste["X-Cache"] == "miss"
    assert "Koffie in de bus" in eerste.content.decode()
    tweede = client.get("/activiteiten/?dag=week")
    assert tweede["X-Cache"] == "hit"

    koffie.titel = "Thee in de bus"
    koffie.save()
    na_wijziging = client.get("/activiteiten/?dag=week")
    assert na_wijziging["X-Cache"] == "miss"
    assert "Thee in de bus" in na_wijziging.content.decode()

    # A period without the activity (an inline in the admin) counts as a change too.
    Uitzonderingsperiode.objects.create(
        activiteit=koffie,
        naam="Voorjaarsvakantie",
        van=datetime.date(2027, 3, 1),
        tot=datetime.date(2027, 3, 20),
    )
    zonder = client.get("/activiteiten/?dag=week")
    assert "Thee in de bus" not in zonder.content.decode()


def test_vandaag_komt_na_middernacht_niet_uit_de_cache_van_gisteren(client, klok):
    activiteit("Ochtendwandeling", op(2027, 3, 11, 10))
    activiteit("Avondkoffie", op(2027, 3, 10, 22, 30))

    # Late in the evening: today's agenda holds the evening coffee, not tomorrow's walk.
    klok(op(2027, 3, 10, 22, 55))
    gisteren = client.get("/activiteiten/?dag=vandaag").content.decode()
    assert "Avondkoffie" in gisteren and "Ochtendwandeling" not in gisteren
    assert client.get("/activiteiten/?dag=vandaag")["X-Cache"] == "hit"

    # Just after midnight the new day has its own page.
    klok(op(2027, 3, 11, 0, 5))
    vandaag = client.get("/activiteiten/?dag=vandaag")
    assert vandaag["X-Cache"] == "miss"
    inhoud = vandaag.content.decode()
    assert "Ochtendwandeling" in inhoud and "Avondkoffie" not in inhoud


def test_afgelopen_keer_verlaat_de_gecachete_agenda(client, klok):
    activiteit("Lunch", op(2027, 3, 10, 12))
    klok(op(2027, 3, 10, 11))
    assert "Lunch" in client.get("/activiteiten/").content.decode()
    klok(op(2027, 3, 10, 13, 30))
    assert "Lunch" not in client.get("/activiteiten/").content.decode()
