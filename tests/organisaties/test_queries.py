"""The number of SQL queries of a page does not grow with the rows it shows."""

from contextlib import contextmanager

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netwerk.models import SiteConfiguratie
from tests.factories import (
    AanbodFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db


def gegevens_queries(context):
    """The queries for the page's data: without Redis the cache is a database table too
    (netwerk_cache, written inside a savepoint), and what the cache costs is not what these
    tests are about."""
    return [
        q
        for q in context.captured_queries
        if "netwerk_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


def aantal_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(gegevens_queries(context))


@contextmanager
def hoogstens(aantal):
    with CaptureQueriesContext(connection) as context:
        yield
    gedaan = gegevens_queries(context)
    assert len(gedaan) <= aantal, "\n".join(q["sql"] for q in gedaan)


@pytest.fixture
def thema():
    SiteConfiguratie.get_solo()  # exists in every installation after the first page
    return ThemaFactory(naam="Armoede", slug="armoede")


def maak_organisaties(aantal, thema, wijk):
    for i in range(aantal):
        organisatie = OrganisatieFactory(naam=f"Schuldhulp {i}", themas=[thema], wijken=[wijk])
        AanbodFactory(organisatie=organisatie, themas=[thema])


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/organisaties/",
        "/organisaties/?q=schuldhulp&thema=armoede&gratis=true",
        "/themas/armoede/",
        "/wijken/centrum/",
    ],
)
def test_lijstpaginas_hebben_een_vast_aantal_queries(client, thema, url):
    wijk = WijkFactory(slug="centrum", naam="Centrum")
    maak_organisaties(3, thema, wijk)
    weinig = aantal_queries(client, url + ("&" if "?" in url else "?") + "a=1")
    maak_organisaties(30, thema, wijk)
    with hoogstens(weinig):
        client.get(url + ("&" if "?" in url else "?") + "a=2")
    # Cold: the ids, the facet index, the page, its locations with their opening hours, the
    # four taxonomies and whether there is a region to offer.
    assert weinig <= 10


def test_detailpagina_heeft_een_vast_aantal_queries(client, thema):
    organisatie = OrganisatieFactory(slug="groot")
    klein = OrganisatieFactory(slug="klein")
    AanbodFactory(organisatie=klein, themas=[thema])
    LocatieFactory(organisatie=klein)
    weinig = aantal_queries(client, "/organisaties/klein/")
    for i in range(10):
        locatie = LocatieFactory(organisatie=organisatie, naam=f"Locatie {i}")
        OpeningstijdFactory(locatie=locatie)
        aanbod = AanbodFactory(organisatie=organisatie, themas=[thema])
        aanbod.locaties.set([locatie])
    with hoogstens(weinig):
        client.get("/organisaties/groot/")
    assert weinig <= 10


def test_gecachte_pagina_kost_geen_queries(client, thema):
    maak_organisaties(3, thema, WijkFactory(slug="centrum", naam="Centrum"))
    client.get("/organisaties/?q=schuldhulp")
    with hoogstens(0):
        assert client.get("/organisaties/?q=schuldhulp")["X-Cache"] == "hit"
