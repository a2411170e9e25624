"""Who should meet whom: only between attendees who both said yes, only organisations that
have not met at an earlier meeting and share a theme or a wijk; in the reminder and on the
personal link, with nothing about others but name and organisation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from bijeenkomsten.ontmoeten import ontmoetlijst, ontmoetlijsten
from netwerk.models import UitgaandeEmail
from tests.factories import BijeenkomstFactory, OrganisatieFactory, ThemaFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def netwerk():
    """Anna (Voedselbank) and five organisations around her, at the same meeting."""
    eenzaamheid = ThemaFactory(naam="Eenzaamheid", slug="eenzaamheid")
    armoede = ThemaFactory(naam="Armoede", slug="armoede")
    oost = WijkFactory(naam="Oost", slug="oost")
    org = {
        "voedselbank": OrganisatieFactory(naam="Voedselbank", themas=[armoede], wijken=[oost]),
        "nieuw_thema": OrganisatieFactory(naam="Schuldhulp Samen", themas=[armoede]),
        "nieuw_wijk": OrganisatieFactory(naam="Buurthuis Oost", wijken=[oost]),
        "al_ontmoet": OrganisatieFactory(naam="Sociaal Raadslieden", themas=[armoede]),
        "niets_gedeeld": OrganisatieFactory(naam="Seniorenkoor", themas=[eenzaamheid]),
        "zegt_nee": OrganisatieFactory(naam="Kledingbank", themas=[armoede]),
    }
    # An earlier meeting: the Voedselbank and the Raadslieden were both checked in; Schuldhulp
    # Samen had a place but did not come, so it has not met the Voedselbank.
    eerder = BijeenkomstFactory(
        capaciteit=10,
        start=timezone.now() - datetime.timedelta(days=60),
        einde=timezone.now() - datetime.timedelta(days=60, hours=-2),
    )
    for i, (sleutel, status) in enumerate(
        [
            ("voedselbank", Aanmelding.Status.AANWEZIG),
            ("al_ontmoet", Aanmelding.Status.AANWEZIG),
            ("nieuw_thema", Aanmelding.Status.BEVESTIGD),
        ]
    ):
        Aanmelding.objects.create(
            bijeenkomst=eerder,
            naam=f"Eerder {i}",
            email=f"eerder{i}@example.nl",
            organisatie=org[sleutel],
            status=status,
        )
    bijeenkomst = BijeenkomstFactory(slug="samen", capaciteit=20)

    def meld(naam, sleutel, ja=True):
        return services.aanmelden(
            bijeenkomst,
            naam=naam,
            email=f"{naam.split()[0].lower()}@example.nl",
            organisatie=org[sleutel],
            wil_ontmoeten=ja,
        )

    mensen = {
        "anna": meld("Anna de Vries", "voedselbank"),
        "bram": meld("Bram Jansen", "nieuw_thema"),
        "chris": meld("Chris Bakker", "nieuw_wijk"),
        "dana": meld("Dana Smit", "al_ontmoet"),
        "eva": meld("Eva Koor", "niets_gedeeld"),
        "frank": meld("Frank Nee", "zegt_nee", ja=False),
    }
    return bijeenkomst, mensen


def organisaties(lijst):
    return {s.organisatie for s in lijst}


def test_nooit_ontmoet_en_gedeeld_thema_of_wijk(netwerk):
    _, mensen = netwerk
    lijst = ontmoetlijst(mensen["anna"])
    assert organisaties(lijst) == {"Schuldhulp Samen", "Buurthuis Oost"}
    per_org = {s.organisatie: s for s in lijst}
    assert per_org["Schuldhulp Samen"].namen == ["Bram Jansen"]
    assert per_org["Schuldhulp Samen"].gedeeld == ["Armoede"]
    assert per_org["Buurthuis Oost"].gedeeld == ["Oost"]


def test_eerder_ontmoet_telt_in_beide_richtingen(netwerk):
    _, mensen = netwerk
    assert "Voedselbank" not in organisaties(ontmoetlijst(mensen["dana"]))
    assert "Voedselbank" in organisaties(ontmoetlijst(mensen["bram"]))


def test_wie_nee_zegt_krijgt_geen_lijst_en_staat_op_geen_lijst(netwerk):
    bijeenkomst, mensen = netwerk
    assert ontmoetlijst(mensen["frank"]) == []
    for lijst in ontmoetlijsten(bijeenkomst).values():
        assert "Kledingbank" not in organisaties(lijst)
        assert all("Frank Nee" not in s.namen for s in lijst)
    # Saying yes later puts Frank on Anna's list; saying no takes Anna off everyone's.
    services.zet_wil_ontmoeten(mensen["frank"], True)
    assert "Kledingbank" in organisaties(ontmoetlijst(mensen["anna"]))
    services.zet_wil_ontmoeten(mensen["anna"], False)
    assert ontmoetlijst(mensen["anna"]) == []
    assert "Voedselbank" not in organisaties(ontmoetlijst(mensen["frank"]))


def test_geannuleerden_en_wachtlijst_staan_er_niet_op(netwerk):
    bijeenkomst, mensen = netwerk
    services.annuleren(mensen["bram"])
    assert "Schuldhulp Samen" not in organisaties(ontmoetlijst(mensen["anna"]))


def test_vaste_aantal_queries(netwerk):
    bijeenkomst, _ = netwerk
    with CaptureQueriesContext(connection) as weinig:
        ontmoetlijsten(bijeenkomst)
    thema = ThemaFactory(naam="Armoede", slug="armoede")
    bijeenkomst.capaciteit = 100
    bijeenkomst.save()
    for i in range(30):
        services.aanmelden(
            bijeenkomst,
            naam=f"Extra {i}",
            email=f"extra{i}@example.nl",
            organisatie=OrganisatieFactory(themas=[thema]),
            wil_ontmoeten=True,
        )
    with CaptureQueriesContext(connection) as veel:
        lijsten = ontmoetlijsten(bijeenkomst)
    assert len(veel) == len(weinig)
    assert len(lijsten) > 30


def test_herinnering_noemt_wie_u_kunt_ontmoeten(netwerk):
    _, mensen = netwerk
    UitgaandeEmail.objects.all().delete()
    services.verstuur_herinneringen(dagen=60)
    mails = {e.aan: e for e in UitgaandeEmail.objects.all()}
    anna = mails["anna@example.nl"]
    for tekst in (anna.tekst, anna.html):
        assert "Wie kunt u ontmoeten?" in tekst
        assert "Schuldhulp Samen" in tekst and "Bram Jansen" in tekst
        assert "Buurthuis Oost" in tekst and "Chris Bakker" in tekst
        assert "Frank" not in tekst and "Kledingbank" not in tekst
        assert "bram@example.nl" not in tekst
    frank = mails["frank@example.nl"]
    assert "Wie kunt u ontmoeten?" not in frank.tekst
    assert "Bram Jansen" not in frank.tekst and "Bram Jansen" not in frank.html


def test_persoonlijke_link_toont_lijst_en_zet_uit(client, netwerk):
    _, mensen = netwerk
    anna = mensen["anna"]
    html = client.get(anna.get_absolute_url()).content.decode()
    assert "Wie kunt u ontmoeten?" in html
    assert "Schuldhulp Samen" in html and "Bram Jansen" in html
    assert "Kledingbank" not in html and "Frank Nee" not in html
    assert "bram@example.nl" not in html
    response = client.post(
        f"{anna.get_absolute_url()}ontmoeten/", {"wil_ontmoeten": "nee"}, follow=True
    )
    html = response.content.decode()
    assert "U staat niet meer op de lijsten" in html
    assert "Bram Jansen" not in html
    assert "Anna de Vries" not in client.get(mensen["bram"].get_absolute_url()).content.decode()


def test_persoonlijke_link_zonder_ja_vraagt_het_alleen(client, netwerk):
    _, mensen = netwerk
    html = client.get(mensen["frank"].get_absolute_url()).content.decode()
    assert "Ja, laat mij zien wie ik kan ontmoeten" in html
    assert "Anna de Vries" not in html and "Voedselbank" not in html
    client.post(f"{mensen['frank'].get_absolute_url()}ontmoeten/", {"wil_ontmoeten": "ja"})
    html = client.get(mensen["frank"].get_absolute_url()).content.decode()
    assert "Voedselbank" in html and "Anna de Vries" in html


def test_onbekende_link_kan_niets_aanzetten(client, netwerk):
    response = client.post("/aanmelding/bestaat-niet/ontmoeten/", {"wil_ontmoeten": "ja"})
    assert response.status_code == 404


def test_aanmeldformulier_vraagt_het(client, netwerk):
    bijeenkomst, _ = netwerk
    gegevens = {"naam": "Gert Ja", "email": "gert@example.nl", "privacy": "on"}
    client.post(bijeenkomst.get_absolute_url(), {**gegevens, "wil_ontmoeten": "on"})
    client.post(bijeenkomst.get_absolute_url(), {**gegevens, "email": "hans@example.nl"})
    assert Aanmelding.objects.get(email="gert@example.nl").wil_ontmoeten is True
    assert Aanmelding.objects.get(email="hans@example.nl").wil_ontmoeten is False
    assert (
        "laat mij weten wie ik kan ontmoeten"
        in client.get(bijeenkomst.get_absolute_url()).content.decode()
    )


def test_vijandige_naam_is_gewone_tekst(client, netwerk):
    _, mensen = netwerk
    Aanmelding.objects.filter(pk=mensen["bram"].pk).update(naam="<script>alert(1)</script>")
    html = client.get(mensen["anna"].get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
