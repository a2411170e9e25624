"""Web addresses no page can have get the site's 404 page, never a server error.

Every URL pattern of the site is tried with a NUL byte (%00) and with a segment of 5,000
characters in place of each of its parameters, or after it when it has none; anonymous and
as a beheerder, so that the staff pages' views are reached too.
"""

import re

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.urls.resolvers import RegexPattern

from tests.factories import BijeenkomstFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

SLECHTE_DELEN = {"nul": "%00", "lang": "x" * 5000}
PARAMETER = re.compile(r"<(?:\w+:)?\w+>")


def _route(pattern):
    """A pattern as a route with <parameters>, also for the admin's regular expressions."""
    tekst = str(pattern)
    if isinstance(pattern, RegexPattern):
        tekst = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", tekst).strip("^$").replace("\\", "")
        tekst = tekst.replace("/?", "/")  # an optional trailing slash (the API's paths)
    return tekst


def alle_routes(patterns=None, voor=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from alle_routes(pattern.url_patterns, voor + _route(pattern.pattern))
        else:
            yield voor + _route(pattern.pattern)


def slechte_paden():
    """Per route: the route with a bad part in each parameter, or after it."""
    for route in sorted(set(alle_routes())):
        parameters = PARAMETER.findall(route)
        for naam, slecht in SLECHTE_DELEN.items():
            if not parameters:
                yield f"{naam}:/{route}", ("/" + route).rstrip("/") + "/" + slecht
            for i in range(len(parameters)):
                delen = PARAMETER.split(route)
                pad = delen[0]
                for j, deel in enumerate(delen[1:]):
                    pad += (slecht if j == i else "1") + deel
                yield f"{naam}:/{route}#{i}", "/" + pad


PADEN = dict(slechte_paden())


def test_elk_adres_is_getest():
    routes = set(alle_routes())
    assert "aanmelding/<str:token>/" in routes
    assert any(route.startswith("admin/") for route in routes)
    assert len(PADEN) >= 2 * len(routes)


@pytest.fixture
def beheerder(client):
    client.force_login(GebruikerFactory(username="beheer", is_superuser=True))
    BijeenkomstFactory(slug="1")  # so that a valid slug in the other parameters exists
    return client


@pytest.mark.parametrize("pad", PADEN.values(), ids=PADEN.keys())
def test_slecht_adres_geeft_404(client, pad):
    antwoord = client.get(pad)
    assert antwoord.status_code == 404
    assert "Deze pagina bestaat niet" in antwoord.content.decode()


def test_slecht_adres_geeft_404_ook_voor_beheerders(beheerder):
    fouten = {pad: beheerder.get(pad).status_code for pad in PADEN.values()}
    assert {pad: status for pad, status in fouten.items() if status != 404} == {}


def test_404_van_een_slecht_adres_heeft_de_beveiligingsheaders(client):
    antwoord = client.get("/aanmelding/%00/")
    assert antwoord.status_code == 404
    assert "script-src 'self'" in antwoord["Content-Security-Policy"]
    assert antwoord["X-Content-Type-Options"] == "nosniff"


def test_gewone_adressen_werken_nog(client):
    assert client.get(reverse("home")).status_code == 200
    assert client.get("/organisaties/" + "a" * 200 + "/").status_code == 404  # a long slug
    assert client.get(reverse("huisstijl")).status_code == 200


@pytest.mark.parametrize("query", ["q=%00", "q=schuld%00en", "thema=%00", "pagina=%00"])
def test_nul_teken_in_de_zoekopdracht_van_de_kaart(client, query):
    assert client.get(f"{reverse('organisaties:lijst')}?{query}").status_code == 200


@pytest.mark.parametrize("naam", ["deelnemers", "deur"])
def test_nul_teken_in_de_zoekopdracht_van_coordinatoren(beheerder, naam):
    pad = reverse(f"bijeenkomsten:{naam}", args=["1"])
    assert beheerder.get(pad + "?q=a%00b&status=%00").status_code == 200


@pytest.mark.parametrize(
    "pad",
    [
        "/admin/organisaties/organisatie/?q=%00",
        "/admin/bijeenkomsten/bijeenkomst/?status=%00",
        "/admin/organisaties/organisatie/?soort__id__exact=%00",
        "/admin/autocomplete/?term=%00&app_label=bijeenkomsten&model_name=bijeenkomst"
        "&field_name=locatie",
    ],
)
def test_nul_teken_in_de_zoekopdracht_van_het_beheer(beheerder, pad):
    """The admin's filters pass it to the database, which refuses it: a 400, not a 500."""
    assert beheerder.get(pad).status_code == 400
