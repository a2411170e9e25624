"""The list's map: /organisaties/kaart.geojson answers every location of exactly the list's
result, the list offers list and map as shareable links, and an organisation's page carries
its own locations."""

import gzip
import json
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.urls import reverse

from netwerk.settings import _tegelbron
from organisaties import kaart
from organisaties.models import Organisatie
from tests.factories import (
    AanbodFactory,
    LocatieFactory,
    OrganisatieFactory,
    ThemaFactory,
    WijkFactory,
)
from tests.organisaties.test_queries import aantal_queries, hoogstens
from tests.organisaties.test_slechte_invoer import SLECHTE_QUERIES

pytestmark = pytest.mark.django_db

LIJST = reverse("organisaties:lijst")
GEOJSON = reverse("organisaties:kaart_geojson")


def punten(client, query=None):
    response = client.get(GEOJSON, query or {})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["type"] == "FeatureCollection"
    return data["features"]


def organisaties_op_de_kaart(client, query=None):
    return {p["properties"]["organisatie_id"] for p in punten(client, query)}


def organisaties_in_de_lijst(client, query=None):
    """Every organisation the list shows for this search, walking all its pages."""
    gevonden, nummer = set(), 1
    while True:
        response = client.get(LIJST, {**(query or {}), "pagina": nummer})
        pagina = response.context["pagina"]
        gevonden |= {o.pk for o in pagina.object_list}
        if not pagina.has_next():
            return gevonden
        nummer += 1


class Links(HTMLParser):
    """The attributes of every element, by tag: enough to read links and data attributes."""

    def __init__(self, html):
        super().__init__()
        self.elementen = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elementen.append((tag, dict(attrs)))

    def met(self, tag, **attrs):
        return [
            a
            for t, a in self.elementen
            if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]


def keuzelinks(html):
    """The href of "Lijst" and "Kaart" above the results, and which one is current."""
    links = Links(html).met("a", **{"class": "netwerk-weergave__keuze"})
    assert len(links) == 2
    return links


# --- The GeoJSON answers exactly the list's result ---------------------------------------


# Searches of every kind, the fallbacks included: no organisation has both words of the sixth
# (the list then shows either word), the seventh has a typo the list corrects.
ZOEKOPDRACHTEN = [
    {},
    {"q": "schulden"},
    {"thema": "mantelzorg"},
    {"q": "hulp", "doelgroep": "ouderen", "sorteer": "naam"},
    {"gratis": "true"},
    {"q": "mantelzorg voedselbank"},
    {"q": "mantelzrog"},
    {"q": "niets-vindt-dit-qwzrtx"},
]


def test_kaart_toont_dezelfde_organisaties_als_de_lijst(client, demodata):
    verschillen = [
        (query, kaart, lijst)
        for query in ZOEKOPDRACHTEN
        if (kaart := organisaties_op_de_kaart(client, query))
        != (lijst := organisaties_in_de_lijst(client, query))
    ]
    assert not verschillen
    # The searches above really differ: the fallbacks found something.
    assert organisaties_op_de_kaart(client, {"q": "mantelzorg voedselbank"})
    assert organisaties_op_de_kaart(client, {"q": "mantelzrog"})


def test_kaart_toont_alle_treffers_niet_alleen_de_eerste_pagina(client):
    thema = ThemaFactory(slug="armoede", naam="Armoede")
    for i in range(45):
        LocatieFactory(organisatie=OrganisatieFactory(naam=f"Schuldhulp {i}", themas=[thema]))
    LocatieFactory(organisatie=OrganisatieFactory(naam="Sportclub"))

    op_de_kaart = organisaties_op_de_kaart(client, {"thema": "armoede", "pagina": "2"})

    assert len(op_de_kaart) == 45
    assert op_de_kaart == organisaties_in_de_lijst(client, {"thema": "armoede"})


def test_elke_locatie_met_coordinaten_is_een_punt_met_popupgegevens(client):
    organisatie = OrganisatieFactory(naam="Wijkteam", slug="wijkteam", telefoon="010 - 123 45 67")
    LocatieFactory(
        organisatie=organisatie,
        naam="Noord",
        adres="Noordstraat 1",
        postcode="3141AA",
        latitude=51.93,
        longitude=4.24,
    )
    LocatieFactory(organisatie=organisatie, naam="Zuid", latitude=51.91, longitude=4.26)
    LocatieFactory(
        organisatie=organisatie, naam="Nog niet opgezocht", latitude=None, longitude=None
    )

    gevonden = {p["properties"]["locatie"]: p for p in punten(client)}

    assert set(gevonden) == {"Noord", "Zuid"}
    noord = gevonden["Noord"]
    assert noord["geometry"] == {"type": "Point", "coordinates": [4.24, 51.93]}
    assert noord["properties"] == {
        "organisatie_id": organisatie.pk,
        "naam": "Wijkteam",
        "locatie": "Noord",
        "adres": "Noordstraat 1, 3141 AA Maassluis",
        "telefoon": "010 - 123 45 67",
        "telefoon_link": "tel:0101234567",
        "url": "/organisaties/wijkteam/",
    }
    assert client.get(noord["properties"]["url"]).status_code == 200


@pytest.mark.parametrize(
    "naam, telefoon",
    [
        ("<img src=x onerror=alert(1)>", "010 - 123 45 67"),
        ('Quote " en \\ backslash \u2028 en é', "+31 (0)10 123"),
        ("Zonder telefoon", ""),
        ("Alleen tekst", "bel ons"),
    ],
)
def test_kaart_van_de_lijst_en_van_de_detailpagina_zeggen_hetzelfde(client, naam, telefoon):
    """The list's map comes from PostgreSQL, an organisation's page builds its points in
    Python: the same popup either way."""
    organisatie = OrganisatieFactory(naam=naam, slug="plek", telefoon=telefoon)
    LocatieFactory(organisatie=organisatie, naam='Plek\'s "huis"', adres="Straat 1 <b>")
    LocatieFactory(organisatie=organisatie, naam="Tweede", latitude=51.123456, longitude=4.5)

    uit_de_database = json.loads(kaart.geojson([organisatie.pk]))
    in_python = kaart.punten(kaart.plekken_van(organisatie))

    assert uit_de_database == in_python
    assert {p["properties"]["naam"] for p in in_python["features"]} == {naam}


def test_alleen_gepubliceerde_organisaties_op_de_kaart(client):
    zichtbaar = LocatieFactory(organisatie=OrganisatieFactory(naam="Gepubliceerd")).organisatie
    for status in (Organisatie.Status.CONCEPT, Organisatie.Status.GEARCHIVEERD):
        LocatieFactory(organisatie=OrganisatieFactory(naam=f"Niet {status}", status=status))

    assert organisaties_op_de_kaart(client) == {zichtbaar.pk}


def test_vijandige_naam_blijft_tekst_in_de_geojson(client):
    naam = "<img src=x onerror=alert(1)>"
    LocatieFactory(organisatie=OrganisatieFactory(naam=naam))
    response = client.get(GEOJSON)
    assert json.loads(response.content)["features"][0]["properties"]["naam"] == naam
    # JSON is data, never a page: no browser renders it as HTML.
    assert response["X-Content-Type-Options"] == "nosniff"


def test_aantal_queries_groeit_niet_met_de_treffers(client):
    thema = ThemaFactory(slug="armoede", naam="Armoede")
    wijk = WijkFactory(slug="centrum", naam="Centrum")

    def maak(aantal, begin):
        for i in range(begin, begin + aantal):
            organisatie = OrganisatieFactory(naam=f"Schuldhulp {i}", themas=[thema], wijken=[wijk])
            AanbodFactory(organisatie=organisatie, themas=[thema])
            LocatieFactory(organisatie=organisatie)
            LocatieFactory(organisatie=organisatie, naam="Tweede plek")

    maak(2, 0)
    url = f"{GEOJSON}?q=schuldhulp&thema=armoede"
    weinig = aantal_queries(client, url + "&a=1")
    maak(40, 2)
    with hoogstens(weinig):
        assert len(punten(client, {"q": "schuldhulp", "thema": "armoede", "a": "2"})) == 84
    # The taxonomy (four, cached per directory version), the matching ids, their locations.
    assert weinig <= 6


def test_geojson_wordt_gecached_als_de_lijst_en_vervalt_bij_wijziging(client):
    locatie = LocatieFactory(organisatie=OrganisatieFactory(naam="Eerste naam"))
    assert punten(client)[0]["properties"]["naam"] == "Eerste naam"

    with hoogstens(0):
        response = client.get(GEOJSON)
    assert response["X-Cache"] == "hit"
    assert response["Content-Type"] == "application/geo+json"

    locatie.organisatie.naam = "Nieuwe naam"
    locatie.organisatie.save()
    assert punten(client)[0]["properties"]["naam"] == "Nieuwe naam"


@pytest.fixture
def mantelzorg():
    thema = ThemaFactory(slug="mantelzorg", naam="Mantelzorg")
    LocatieFactory(organisatie=OrganisatieFactory(naam="Steunpunt mantelzorg", themas=[thema]))


@pytest.mark.parametrize("query", SLECHTE_QUERIES)
def test_geojson_overleeft_slechte_invoer_zoals_de_lijst(client, mantelzorg, query):
    assert organisaties_op_de_kaart(client, query) == organisaties_in_de_lijst(client, query)


@pytest.mark.parametrize(
    "query_string", ["q=%ff%fe", "thema=%c3%28", "q=%", "pagina=%00", "q=a&q=b&q=c"]
)
def test_geojson_overleeft_kapotte_codering(client, mantelzorg, query_string):
    response = client.get(f"{GEOJSON}?{query_string}")
    assert response.status_code == 200
    assert json.loads(response.content)["type"] == "FeatureCollection"


# --- List or map: a choice in the URL -----------------------------------------------------


def test_keuze_lijst_of_kaart_houdt_de_filters(client, demodata):
    html = client.get(LIJST, {"q": "hulp", "thema": "mantelzorg", "pagina": "1"}).content.decode()
    lijst, kaart = keuzelinks(html)
    assert lijst.get("aria-current") == "true"
    assert parse_qs(urlsplit(kaart["href"]).query) == {
        "q": ["hulp"],
        "thema": ["mantelzorg"],
        "pagina": ["1"],
        "weergave": ["kaart"],
    }

    html = client.get(LIJST + kaart["href"]).content.decode()
    lijst, kaart = keuzelinks(html)
    assert kaart.get("aria-current") == "true"
    assert parse_qs(urlsplit(lijst["href"]).query) == {
        "q": ["hulp"],
        "thema": ["mantelzorg"],
        "pagina": ["1"],
    }


def test_kaartweergave_laadt_de_geojson_met_dezelfde_filters(client, demodata):
    query = {"thema": ["eenzaamheid"], "doelgroep": ["ouderen", "volwassenen"], "pagina": "1"}
    html = client.get(LIJST, {**query, "weergave": "kaart"}).content.decode()
    pagina = Links(html)

    (kaart,) = pagina.met("div", id="kaart")
    assert kaart["role"] == "region" and kaart["aria-label"]
    geojson = urlsplit(kaart["data-geojson"])
    assert geojson.path == GEOJSON
    assert parse_qs(geojson.query) == {
        "thema": ["eenzaamheid"],
        "doelgroep": ["ouderen", "volwassenen"],
    }
    # The filter form keeps the map view when the visitor searches again.
    assert pagina.met("input", type="hidden", name="weergave", value="kaart")
    # Without JavaScript the map says so, and the result cards stay below it.
    assert "De kaart werkt alleen met JavaScript" in html
    assert 'class="netwerk-kaartjes"' in html


def test_lijstweergave_heeft_geen_kaart_en_laadt_leaflet_niet(client, demodata):
    html = client.get(LIJST, {"q": "hulp"}).content.decode()
    assert "data-kaart" not in html
    assert "leaflet" not in html
    assert "kaart.js" not in html


def test_kaart_krijgt_centrum_en_zoom_uit_de_instellingen(client, demodata):
    from netwerk.models import SiteConfiguratie

    site = SiteConfiguratie.get_solo()
    site.kaart_centrum_latitude = "51.921000"
    site.kaart_centrum_longitude = "4.275000"
    site.kaart_zoom = 12
    site.save()

    (kaart,) = Links(client.get(LIJST, {"weergave": "kaart"}).content.decode()).met(
        "div", id="kaart"
    )

    assert (kaart["data-lat"], kaart["data-lon"], kaart["data-zoom"]) == (
        "51.921000",
        "4.275000",
        "12",
    )
    assert kaart["data-tegels"] == settings.KAART_TEGELS_URL
    assert kaart["data-attributie"] == "Kaartgegevens © Kadaster"


# --- The tiles' host in the Content-Security-Policy ---------------------------------------


def test_csp_staat_precies_de_tegelserver_toe(client, demodata):
    beleid = client.get(LIJST, {"weergave": "kaart"})["Content-Security-Policy"]
    img_src = next(d for d in beleid.split(";") if d.strip().startswith("img-src")).split()[1:]
    assert img_src == ["'self'", "data:", "https://service.pdok.nl"]


@pytest.mark.parametrize(
    "url, bron",
    [
        (
            "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/{z}/{x}/{y}.png",
            "https://service.pdok.nl",
        ),
        ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "https://*.tile.openstreetmap.org"),
        ("http://127.0.0.1:8080/tegels/{z}/{x}/{y}.png", "http://127.0.0.1:8080"),
    ],
)
def test_tegelbron_is_alleen_de_host_van_de_tegels(url, bron):
    assert _tegelbron(url) == bron


# --- An organisation's page ---------------------------------------------------------------


def test_detailpagina_heeft_een_kaartje_van_de_eigen_locaties(client):
    organisatie = OrganisatieFactory(slug="wijkteam", naam="<b>Wijkteam</b>")
    LocatieFactory(organisatie=organisatie, naam="Noord", latitude=51.93, longitude=4.24)
    LocatieFactory(organisatie=organisatie, naam="Zonder", latitude=None, longitude=None)
    LocatieFactory(naam="Van een ander")

    html = client.get(organisatie.get_absolute_url()).content.decode()

    (kaart,) = Links(html).met("div", id="kaart")
    assert kaart["data-punten"] == "kaart-punten"
    begin = html.index('<script id="kaart-punten" type="application/json">')
    data = html[begin:].split(">", 1)[1].split("</script>", 1)[0]
    assert "<b>" not in data  # json_script escapes markup
    (punt,) = json.loads(data)["features"]
    assert punt["properties"]["locatie"] == "Noord"
    assert punt["properties"]["naam"] == "<b>Wijkteam</b>"


def test_detailpagina_zonder_coordinaten_heeft_geen_kaart(client):
    organisatie = OrganisatieFactory(slug="zonder")
    LocatieFactory(organisatie=organisatie, latitude=None, longitude=None)
    html = client.get(organisatie.get_absolute_url()).content.decode()
    assert "data-kaart" not in html
    assert "Hoogstraat 1" in html  # the address itself stays


def test_demodata_heeft_coordinaten_voor_elke_gepubliceerde_locatie(demodata):
    from organisaties.models import Locatie

    locaties = Locatie.objects.filter(organisatie__status=Organisatie.Status.GEPUBLICEERD)
    assert locaties.exists()
    assert not locaties.filter(latitude__isnull=True).exists()


def test_geojson_komt_gecomprimeerd_ook_uit_de_cache(client):
    for i in range(30):
        LocatieFactory(organisatie=OrganisatieFactory(naam=f"Buurthuis {i}"))
    gewoon = client.get(GEOJSON)
    for _ in range(2):  # a miss, then a hit
        response = client.get(GEOJSON, HTTP_ACCEPT_ENCODING="gzip")
        assert response["Content-Encoding"] == "gzip"
        assert response["Content-Type"] == "application/geo+json"
        assert json.loads(gzip.decompress(response.content)) == json.loads(gewoon.content)
        assert len(response.content) < len(gewoon.content) / 3
