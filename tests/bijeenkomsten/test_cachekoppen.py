"""Pages with personal data are never stored by a browser or proxy; personal links are never
indexed by a search engine."""

import pytest
from django.urls import reverse

from bijeenkomsten import services
from tests.factories import BijeenkomstFactory, GebruikerFactory

pytestmark = pytest.mark.django_db


def cache_control(response):
    return {deel.strip() for deel in response["Cache-Control"].split(",")}


@pytest.fixture
def aanmelding():
    bijeenkomst = BijeenkomstFactory(slug="samen")
    return services.aanmelden(bijeenkomst, naam="Anna de Vries", email="anna@example.nl")


def test_persoonlijke_link_wordt_niet_bewaard_en_niet_geindexeerd(client, aanmelding):
    response = client.get(aanmelding.get_absolute_url())
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_persoonlijke_link_ook_na_annuleren_niet_bewaard(client, aanmelding):
    response = client.post(aanmelding.get_absolute_url())
    assert response.status_code == 302
    assert {"private", "no-store"} <= cache_control(response)
    response = client.get(response["Location"])
    assert "Deze aanmelding is geannuleerd." in response.content.decode()
    assert {"private", "no-store"} <= cache_control(response)
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize(
    "naam,args",
    [
        ("coordinatie", []),
        ("netwerk_totaal", []),
        ("deelnemers", ["samen"]),
        ("deur", ["samen"]),
        ("downloaden", ["samen"]),
        ("presentielijst", ["samen"]),
        ("export", ["samen", "csv"]),
        ("export", ["samen", "xlsx"]),
        ("netwerk", ["samen"]),
    ],
)
def test_coordinatiepaginas_zijn_prive_en_worden_niet_bewaard(client, aanmelding, naam, args):
    coordinator = GebruikerFactory(username="coordinator")
    aanmelding.bijeenkomst.coordinatoren.add(coordinator)
    client.force_login(coordinator)
    adres = reverse(f"bijeenkomsten:{naam}", args=args)
    if naam == "export":  # files come by POST from the download step
        response = client.post(adres)
    else:
        response = client.get(adres + ("?bevestigd=ja" if naam == "presentielijst" else ""))
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)
