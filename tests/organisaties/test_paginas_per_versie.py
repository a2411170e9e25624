"""Home, theme and wijk pages keep what is the same for every visitor (counts, the ids of a
theme, the rendered cards) per content version: an address the page cache does not know yet
costs no query over the directory, and any change still shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisaties.models import Organisatie
from tests.factories import OrganisatieFactory, ThemaFactory, WijkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thema():
    return ThemaFactory(naam="Armoede", slug="armoede")


def _directory_queries(client, adres):
    with CaptureQueriesContext(connection) as context:
        antwoord = client.get(adres)
    assert antwoord.status_code == 200
    assert antwoord["X-Cache"] == "miss"  # computed, not served from the page cache
    return [q["sql"] for q in context.captured_queries if "organisaties_organisatie" in q["sql"]]


@pytest.mark.parametrize("adres", ["/", "/themas/armoede/", "/wijken/centrum/"])
def test_ander_adres_van_dezelfde_pagina_kost_geen_query_over_de_kaart(client, thema, adres):
    wijk = WijkFactory(naam="Centrum", slug="centrum")
    for i in range(25):
        OrganisatieFactory(naam=f"Schuldhulp {i:02d}", themas=[thema], wijken=[wijk])
    scheiding = "&" if "?" in adres else "?"
    assert _directory_queries(client, adres)  # the first one computes
    assert _directory_queries(client, f"{adres}{scheiding}fbq=1") == []
    if adres != "/":  # the theme and wijk pages have pages of cards
        assert _directory_queries(client, f"{adres}{scheiding}pagina=2") != []  # other cards
        assert _directory_queries(client, f"{adres}{scheiding}pagina=2&x=1") == []


def test_themapagina_toont_een_wijziging_meteen(client, thema):
    organisatie = OrganisatieFactory(naam="Oude naam", themas=[thema])
    assert "Oude naam" in client.get("/themas/armoede/").content.decode()
    organisatie.naam = "Nieuwe naam"
    organisatie.save()
    html = client.get("/themas/armoede/?a=1").content.decode()
    assert "Nieuwe naam" in html and "Oude naam" not in html
    organisatie.status = Organisatie.Status.GEARCHIVEERD
    organisatie.save()
    html = client.get("/themas/armoede/?a=2").content.decode()
    assert "Nieuwe naam" not in html and "Er staan nog geen organisaties bij." in html


def test_home_telt_een_nieuwe_organisatie_meteen_mee(client, thema):
    OrganisatieFactory(themas=[thema])
    assert 'href="/themas/armoede/"' in client.get("/").content.decode()
    assert "1 organisatie<" in client.get("/?a=1").content.decode()
    OrganisatieFactory(themas=[thema])
    assert "2 organisaties<" in client.get("/?a=2").content.decode()
    thema.naam = "Geldzorgen"
    thema.save()
    assert "Geldzorgen" in client.get("/?a=3").content.decode()


def test_wijkpagina_met_paginering_op_naam(client):
    wijk = WijkFactory(naam="Centrum", slug="centrum")
    for i in range(25):
        OrganisatieFactory(naam=f"Organisatie {i:02d}", wijken=[wijk])
    eerste = client.get("/wijken/centrum/").content.decode()
    tweede = client.get("/wijken/centrum/?pagina=2").content.decode()
    assert "Organisatie 00" in eerste and "Organisatie 19" in eerste
    assert "Organisatie 20" not in eerste
    assert "Organisatie 20" in tweede and "Organisatie 24" in tweede
    assert "Organisatie 00" not in tweede
