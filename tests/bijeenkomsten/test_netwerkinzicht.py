"""Which parts of the network met, and who met for the first time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from bijeenkomsten.netwerkinzicht import netwerkinzicht
from tests.factories import (
    BijeenkomstFactory,
    GebruikerFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db


def verleden(dagen):
    start = timezone.now() - datetime.timedelta(days=dagen)
    return {"start": start, "einde": start + datetime.timedelta(hours=3)}


def deelnemer(bijeenkomst, organisatie, email, aanwezig=True):
    a = Aanmelding.objects.create(
        bijeenkomst=bijeenkomst,
        naam=email,
        email=email,
        organisatie=organisatie,
        status="aanwezig" if aanwezig else "bevestigd",
    )
    return a


@pytest.fixture
def netwerk():
    armoede = ThemaFactory(naam="Armoede", slug="armoede")
    centrum = WijkFactory(naam="Centrum", slug="centrum")
    wijkteam = SoortFactory(naam="Wijkteam", slug="wijkteam")
    orgs = {
        "wijkteam": OrganisatieFactory(
            naam="Wijkteam", soort=wijkteam, themas=[armoede], wijken=[centrum]
        ),
        "voedselbank": OrganisatieFactory(naam="Voedselbank", themas=[armoede]),
        "humanitas": OrganisatieFactory(naam="Humanitas"),
        "moe": OrganisatieFactory(naam="MOE"),
    }
    eerste = BijeenkomstFactory(titel="Samen sterk", capaciteit=50, **verleden(400))
    tweede = BijeenkomstFactory(
        titel="Samen doen", capaciteit=50, vervolg_op=eerste, **verleden(100)
    )
    deelnemer(eerste, orgs["wijkteam"], "a@1")
    deelnemer(eerste, orgs["voedselbank"], "b@1")
    deelnemer(tweede, orgs["wijkteam"], "a@2")
    deelnemer(tweede, orgs["wijkteam"], "a2@2")
    deelnemer(tweede, orgs["voedselbank"], "b@2")
    deelnemer(tweede, orgs["humanitas"], "c@2")
    deelnemer(tweede, orgs["moe"], "d@2", aanwezig=False)  # did not come
    Aanmelding.objects.create(
        bijeenkomst=tweede, naam="x", email="x@2", organisatie_naam="Buurtclub", status="aanwezig"
    )
    return eerste, tweede, orgs


def namen(paren):
    return [(a.naam, b.naam) for a, b in paren]


def test_organisaties_themas_wijken_en_soorten_van_een_bijeenkomst(netwerk):
    eerste, tweede, _ = netwerk
    inzicht = netwerkinzicht([tweede], [eerste, tweede])
    assert [(o.naam, n) for o, n in inzicht.organisaties] == [
        ("Wijkteam", 2),
        ("Humanitas", 1),
        ("Voedselbank", 1),
    ]
    assert inzicht.getypte_organisaties == [("Buurtclub", 1)]
    assert dict(inzicht.themas) == {"Armoede": 2}
    assert dict(inzicht.wijken) == {"Centrum": 1}
    assert dict(inzicht.soorten) == {"Wijkteam": 1, "Welzijnspartner": 2}
    assert inzicht.aantal_deelnemers == 5


def test_nieuwe_paren_zijn_alleen_wie_elkaar_nog_nooit_trof(netwerk):
    eerste, tweede, _ = netwerk
    inzicht = netwerkinzicht([tweede], [eerste, tweede])
    # Wijkteam and Voedselbank met at the first meeting already; MOE did not come.
    assert namen(inzicht.nieuwe_paren) == [("Humanitas", "Voedselbank"), ("Humanitas", "Wijkteam")]
    assert namen(netwerkinzicht([eerste], [eerste, tweede]).nieuwe_paren) == [
        ("Voedselbank", "Wijkteam")
    ]


def test_komende_bijeenkomst_telt_bevestigde_aanmeldingen(netwerk):
    _, _, orgs = netwerk
    komend = BijeenkomstFactory(capaciteit=10)
    services.aanmelden(komend, naam="A", email="a@k", organisatie=orgs["moe"])
    services.aanmelden(komend, naam="B", email="b@k", organisatie=orgs["humanitas"])
    inzicht = netwerkinzicht([komend])
    assert [o.naam for o, _ in inzicht.organisaties] == ["Humanitas", "MOE"]


def test_netwerkpagina_over_alle_eigen_bijeenkomsten(client, netwerk):
    eerste, tweede, _ = netwerk
    coordinator = GebruikerFactory()
    tweede.coordinatoren.set([coordinator])
    client.force_login(coordinator)
    html = client.get(reverse("bijeenkomsten:netwerk_totaal")).content.decode()
    assert "Humanitas – Voedselbank" in html
    assert (
        "Voedselbank – Wijkteam" not in html
    )  # first met at a meeting this coordinator does not run
    html = client.get(reverse("bijeenkomsten:netwerk", args=[tweede.slug])).content.decode()
    assert "Buurtclub" in html and "niet in de sociale kaart" in html
    assert "a@2" not in html  # organisations only, no personal data
