"""Bulk writes (imports) bypass the model signals, yet they change
public pages: each bumps the content version once, so cached pages show the change at once
and a file of thousands of rows does not bump it thousands of times."""

import io

import pytest

from netwerk import inhoudsversie
from netwerk.rollen import REDACTEUREN
from organisaties import postcodes
from organisaties.models import Postcode
from tests.factories import (
    GebruikerFactory,
    LocatieFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
    WijkFactory,
)
from tests.organisaties.test_importeren import bevestig, csv_bestand, proefimport

pytestmark = pytest.mark.django_db


@pytest.fixture
def redacteur(client):
    client.force_login(GebruikerFactory(groepen=[REDACTEUREN]))


@pytest.fixture
def termen():
    SoortFactory(naam="Welzijnspartner", slug="welzijnspartner")
    ThemaFactory(naam="Eenzaamheid", slug="eenzaamheid")
    WijkFactory(naam="Centrum", slug="centrum")


@pytest.fixture
def verhogingen(monkeypatch):
    """How often the content version is bumped (the bump after the commit aside: tests run in
    a transaction that never commits)."""
    teller = []
    echte = inhoudsversie._verhoog

    def verhoog():
        teller.append(1)
        echte()

    monkeypatch.setattr(inhoudsversie, "_verhoog", verhoog)
    return teller


def test_spreadsheetimport_verhoogt_de_versie_een_keer(client, redacteur, termen, verhogingen):
    lijst = "/organisaties/?q=eenzaamheid"
    anoniem = type(client)()
    assert "Buurtkamer" not in anoniem.get(lijst).content.decode()
    assert anoniem.get(lijst)["X-Cache"] == "hit"
    regels = ["naam;soort;omschrijving;themas;wijken;status"]
    regels += [
        f"Buurtkamer {i};Welzijnspartner;Tegen eenzaamheid.;Eenzaamheid;Centrum;Gepubliceerd"
        for i in range(30)
    ]
    proef = proefimport(client, "organisatie", csv_bestand(*regels))
    verhogingen.clear()  # the dry run is rolled back; what counts is the real import

    assert bevestig(client, "organisatie", proef).status_code == 302
    assert len(verhogingen) == 1
    # Visitors see the new organisations at once, not after the page cache expires.
    antwoord = anoniem.get(lijst)
    assert antwoord["X-Cache"] == "miss"
    assert "Buurtkamer 0" in antwoord.content.decode()


def test_postcodeimport_verhoogt_de_versie_een_keer(client, monkeypatch, verhogingen):
    organisatie = OrganisatieFactory(naam="Dichtbij")
    LocatieFactory(
        organisatie=organisatie, postcode="3142 AJ", latitude="51.916500", longitude="4.250300"
    )
    Postcode.objects.create(postcode="3142", latitude="52.500000", longitude="5.500000")
    adres = "/organisaties/?postcode=3142&afstand=2"
    assert "Dichtbij" not in client.get(adres).content.decode()  # the centre is far away
    assert client.get(adres)["X-Cache"] == "hit"
    monkeypatch.setattr(postcodes, "BATCH", 2)  # several batches, one bump
    verhogingen.clear()

    verslag = postcodes.importeer(
        io.StringIO(
            "postcode,latitude,longitude\n3142,51.9165,4.2503\n3143,51.92,4.26\n"
            "3144,51.93,4.27\n3145,51.94,4.28\n3146,51.927,4.238\n"
        )
    )

    assert verslag.opgeslagen == 5
    assert len(verhogingen) == 1
    antwoord = client.get(adres)
    assert antwoord["X-Cache"] == "miss"
    assert "Dichtbij" in antwoord.content.decode()


def test_postcodeimport_zonder_goede_regels_verhoogt_niets(verhogingen):
    verslag = postcodes.importeer(io.StringIO("postcode,latitude,longitude\n31,51.9,4.2\n"))
    assert verslag.opgeslagen == 0
    assert verhogingen == []
