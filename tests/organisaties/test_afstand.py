"""Help near home: the organisation list filtered and sorted by distance to a postcode.

The organisations stand at known distances due north of a postcode's centre, so that every
answer follows from the geometry: 0.5, 1.5, 4, 8 and 20 km.
"""

import math
import re
import urllib.parse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from procrastinate.contrib.django.models import ProcrastinateJob

from organisaties import postcodes
from organisaties.models import Postcode
from tests.factories import LocatieFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db

MIDDEN = (52.0, 5.0)
METER_PER_GRAAD_NOORD = 6_371_000 * math.pi / 180
AFSTANDEN_KM = {"Halve": 0.5, "Anderhalf": 1.5, "Vier": 4, "Acht": 8, "Twintig": 20}


def noord(km):
    """The point ``km`` due north of the centre."""
    return round(MIDDEN[0] + km * 1000 / METER_PER_GRAAD_NOORD, 6), MIDDEN[1]


@pytest.fixture
def rond_postcode(db):
    Postcode.objects.create(postcode="3511", latitude=MIDDEN[0], longitude=MIDDEN[1])
    Postcode.objects.create(postcode="3511AB", latitude=MIDDEN[0], longitude=MIDDEN[1])
    schulden = ThemaFactory(naam="Schulden", slug="schulden")
    organisaties = {}
    for naam, km in AFSTANDEN_KM.items():
        o = OrganisatieFactory(naam=f"{naam} km", themas=[schulden] if km < 5 else [])
        lat, lon = noord(km)
        LocatieFactory(organisatie=o, latitude=lat, longitude=lon)
        organisaties[naam] = o
    # Nearest location 1.5 km, another far away: its distance is that of the nearest.
    twee = OrganisatieFactory(naam="Twee plekken")
    for km in (30, 1.5):
        lat, lon = noord(km)
        LocatieFactory(organisatie=twee, latitude=lat, longitude=lon)
    # No coordinates: never within a distance, last when sorted by distance.
    zonder = OrganisatieFactory(naam="Aaa zonder plek")
    LocatieFactory(organisatie=zonder, latitude=None, longitude=None)
    return organisaties


def namen(response):
    """The names on the result cards, in their order."""
    return re.findall(
        r'netwerk-kaartje__titel" id="org-\d+"><a [^>]*>([^<]+)</a>', response.content.decode()
    )


def afstandsteksten(response):
    return re.findall(r"Afstand: ([^<]+)</p>", response.content.decode())


def meldingen(response):
    html = response.content.decode()
    return re.findall(r'utrecht-alert--info"><p class="utrecht-paragraph">([^<]+)</p>', html)


def veldfout(response, veld):
    gevonden = re.search(
        rf'id="{veld}-fout"><p class="utrecht-paragraph">([^<]+)</p>', response.content.decode()
    )
    return gevonden.group(1) if gevonden else None


ALLES = {
    "Aaa zonder plek",
    "Acht km",
    "Anderhalf km",
    "Halve km",
    "Twee plekken",
    "Twintig km",
    "Vier km",
}


@pytest.mark.parametrize(
    ("km", "verwacht"),
    [
        (1, ["Halve km"]),
        (2, ["Halve km", "Anderhalf km", "Twee plekken"]),
        (5, ["Halve km", "Anderhalf km", "Twee plekken", "Vier km"]),
        (10, ["Halve km", "Anderhalf km", "Twee plekken", "Vier km", "Acht km"]),
    ],
)
def test_afstandsfilter_toont_wat_binnen_de_straal_ligt_dichtstbij_eerst(
    client, rond_postcode, km, verwacht
):
    response = client.get(f"/organisaties/?postcode=3511&afstand={km}")
    assert response.status_code == 200
    assert namen(response) == verwacht
    assert f"{len(verwacht)} organisatie" in response.content.decode()


def test_sorteren_op_afstand_zonder_grens_zet_alles_op_volgorde(client, rond_postcode):
    response = client.get("/organisaties/?postcode=3511&sorteer=afstand")
    assert namen(response) == [
        "Halve km",
        "Anderhalf km",
        "Twee plekken",
        "Vier km",
        "Acht km",
        "Twintig km",
        "Aaa zonder plek",  # no coordinates: last
    ]
    assert afstandsteksten(response) == [
        "500 m",
        "1,5 km",
        "1,5 km",
        "4,0 km",
        "8,0 km",
        "20 km",
        "onbekend",
    ]


def test_een_postcode_zonder_sorteerkeuze_sorteert_op_afstand(client, rond_postcode):
    """As from the home page's form: a postcode alone means help near home."""
    response = client.get("/organisaties/?postcode=3511")
    assert namen(response)[:2] == ["Halve km", "Anderhalf km"]
    assert 'value="afstand" selected' in response.content.decode()


def test_gekozen_volgorde_blijft_met_postcode_en_toont_toch_de_afstand(client, rond_postcode):
    response = client.get("/organisaties/?postcode=3511&sorteer=naam")
    assert namen(response) == sorted(ALLES)
    assert len(afstandsteksten(response)) == len(ALLES)


def test_dichtbij_iets_minder_dan_100_meter(client, rond_postcode):
    o = OrganisatieFactory(naam="Om de hoek")
    lat, lon = noord(0.05)
    LocatieFactory(organisatie=o, latitude=lat, longitude=lon)
    response = client.get("/organisaties/?postcode=3511&afstand=1")
    assert namen(response)[0] == "Om de hoek"
    assert afstandsteksten(response)[0] == "minder dan 100 m"


@pytest.mark.parametrize("schrijfwijze", ["3511", "3511AB", "3511 ab", " 3511ab ", "3511  AB"])
def test_postcode_in_elke_schrijfwijze(client, rond_postcode, schrijfwijze):
    response = client.get(
        "/organisaties/?" + urllib.parse.urlencode({"postcode": schrijfwijze, "afstand": 2})
    )
    assert response.status_code == 200
    assert namen(response) == ["Halve km", "Anderhalf km", "Twee plekken"]
    assert meldingen(response) == []


def test_afstand_combineert_met_zoektekst_en_filters_en_telt_de_facetten(client, rond_postcode):
    response = client.get("/organisaties/?postcode=3511&afstand=10&thema=schulden")
    assert namen(response) == ["Halve km", "Anderhalf km", "Vier km"]
    # The facet count of the theme is that of the distance search, not of the whole list.
    assert re.search(
        r"Schulden <span class=\"netwerk-aantal\">\(3\)</span>", response.content.decode()
    )
    response = client.get("/organisaties/?postcode=3511&afstand=2")
    assert re.search(
        r"Schulden <span class=\"netwerk-aantal\">\(2\)</span>", response.content.decode()
    )

    response = client.get("/organisaties/?q=acht&postcode=3511&sorteer=afstand")
    assert namen(response) == ["Acht km"]
    response = client.get("/organisaties/?q=km&postcode=3511&afstand=5&sorteer=afstand")
    assert namen(response) == ["Halve km", "Anderhalf km", "Vier km"]


def test_chips_halen_afstand_en_postcode_weg(client, rond_postcode):
    response = client.get("/organisaties/?postcode=3511AB&afstand=2&sorteer=afstand&thema=schulden")
    html = response.content.decode()
    chips = dict(
        (label, url.replace("&amp;", "&"))
        for url, label in re.findall(
            r'<a class="netwerk-chip" href="([^"]+)"[^>]*>([^<]+) <span', html
        )
    )
    assert "Bij postcode 3511 AB" in chips and "Binnen 2 km" in chips
    zonder_afstand = client.get("/organisaties/" + chips["Binnen 2 km"])
    assert set(namen(zonder_afstand)) == {"Halve km", "Anderhalf km", "Vier km"}
    zonder_postcode = client.get("/organisaties/" + chips["Bij postcode 3511 AB"])
    assert afstandsteksten(zonder_postcode) == [] and meldingen(zonder_postcode) == []
    assert set(namen(zonder_postcode)) == {"Halve km", "Anderhalf km", "Vier km"}


def test_deelbare_url_geeft_hetzelfde_formulier_en_dezelfde_resultaten(client, rond_postcode):
    url = "/organisaties/?postcode=3511+ab&afstand=5&sorteer=afstand"
    eerste = client.get(url)
    html = eerste.content.decode()
    assert 'name="postcode" id="id_postcode" value="3511 ab"' in html
    assert '<option value="5" selected>' in html
    assert '<option value="afstand" selected>' in html
    # The form as the browser submits it again, field by field.
    opnieuw = client.get(
        "/organisaties/", {"q": "", "postcode": "3511 ab", "afstand": "5", "sorteer": "afstand"}
    )
    assert (
        namen(opnieuw) == namen(eerste) == ["Halve km", "Anderhalf km", "Twee plekken", "Vier km"]
    )


@pytest.mark.parametrize(
    "fout", ["abc", "0123", "12345", "3511A", "3511 ABC", "<script>", "3" * 500]
)
def test_misvormde_postcode_geeft_veldfout_en_alle_resultaten(client, rond_postcode, fout):
    response = client.get(
        "/organisaties/?" + urllib.parse.urlencode({"postcode": fout, "afstand": 2})
    )
    assert response.status_code == 200
    assert "vier cijfers, met of zonder twee letters" in veldfout(response, "postcode")
    assert set(namen(response)) == ALLES
    assert "De postcode klopt niet" in meldingen(response)[0]
    assert "<script>" not in response.content.decode()


def test_onbekende_pc4_vraagt_pdok_op_de_achtergrond_en_toont_alles(client, rond_postcode):
    response = client.get("/organisaties/?postcode=9999&afstand=2")
    assert response.status_code == 200
    assert "We kennen postcode 9999 nog niet" in meldingen(response)[0]
    assert set(namen(response)) == ALLES
    assert afstandsteksten(response) == []
    taken = ProcrastinateJob.objects.filter(task_name=postcodes.TAAK)
    assert [t.args for t in taken] == [{"postcode": "9999"}]
    # Asked again before the worker ran: still one lookup waiting.
    client.get("/organisaties/?postcode=9999")
    assert taken.count() == 1
    # The page changes once the answer is stored: not kept in any cache.
    assert "no-store" in response["Cache-Control"]
    assert "X-Cache" not in client.get("/organisaties/?postcode=9999&afstand=2")


def test_onbekende_pc6_rekent_vanaf_het_midden_van_de_pc4(client, rond_postcode):
    response = client.get("/organisaties/?postcode=3511ZZ&afstand=2")
    assert meldingen(response) == [
        "We kennen de plek van postcode 3511 ZZ nog niet precies. We rekenen vanaf het "
        "midden van postcodegebied 3511."
    ]
    assert namen(response) == ["Halve km", "Anderhalf km", "Twee plekken"]
    taken = ProcrastinateJob.objects.filter(task_name=postcodes.TAAK)
    assert [t.args for t in taken] == [{"postcode": "3511ZZ"}]


def test_bekende_postcode_wordt_wel_bewaard_in_de_paginacache(client, rond_postcode):
    client.get("/organisaties/?postcode=3511&afstand=2")
    assert client.get("/organisaties/?postcode=3511&afstand=2")["X-Cache"] == "hit"


@pytest.mark.parametrize("url", ["/organisaties/?sorteer=afstand", "/organisaties/?afstand=5"])
def test_afstand_zonder_postcode_zegt_wat_er_mist(client, rond_postcode, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "Vul een postcode in om op afstand te zoeken" in meldingen(response)[0]
    assert namen(response) == sorted(ALLES)


def test_onbekende_afstand_is_een_veldfout(client, rond_postcode):
    response = client.get("/organisaties/?postcode=3511&afstand=7")
    assert response.status_code == 200
    assert veldfout(response, "afstand") == "Kies een afstand uit de lijst: 1, 2, 5 of 10 km."
    assert len(namen(response)) == len(ALLES)


def test_home_heeft_een_postcodeveld_dat_naar_de_lijst_zoekt(client, rond_postcode):
    html = client.get("/").content.decode()
    assert 'name="postcode"' in html and 'name="afstand"' in html
    response = client.get("/organisaties/", {"q": "", "postcode": "3511", "afstand": "1"})
    assert namen(response) == ["Halve km"]


def _gegevens_queries(context):
    return [
        q
        for q in context.captured_queries
        if "netwerk_cache" not in q["sql"] and "SAVEPOINT" not in q["sql"]
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/organisaties/?postcode=3511&afstand=10&sorteer=afstand",
        "/organisaties/?postcode=3511&sorteer=naam",
        "/organisaties/?postcode=3511ZZ&afstand=5&thema=schulden",
    ],
)
def test_aantal_queries_groeit_niet_met_de_resultaten(client, rond_postcode, url):
    def tel():
        from django.core.cache import cache

        cache.clear()
        with CaptureQueriesContext(connection) as context:
            assert client.get(url).status_code == 200
        return len(_gegevens_queries(context))

    weinig = tel()
    for i in range(25):
        o = OrganisatieFactory(naam=f"Extra {i}", themas=list(rond_postcode["Halve"].themas.all()))
        for km in (0.3, 3):
            lat, lon = noord(km + i / 100)
            LocatieFactory(organisatie=o, latitude=lat, longitude=lon)
    assert tel() <= weinig


def test_pagina_twee_gaat_verder_waar_pagina_een_ophoudt_op_afstand(client, rond_postcode):
    """The page is taken in the same scan as the matches (views._volgorde): every page holds
    the rows that sorting all matches by distance puts there, and the one without a place
    comes last, on the last page."""
    for i in range(25):
        o = OrganisatieFactory(naam=f"Extra {i:02d}")
        lat, lon = noord(2.05 + i / 10)
        LocatieFactory(organisatie=o, latitude=lat, longitude=lon)
    eerste = client.get("/organisaties/?postcode=3511&sorteer=afstand")
    tweede = client.get("/organisaties/?postcode=3511&sorteer=afstand&pagina=2")
    verwacht = [
        "Halve km",
        "Anderhalf km",
        "Twee plekken",
        *[f"Extra {i:02d}" for i in range(20)],  # 2.05 to 3.95 km
        "Vier km",
        *[f"Extra {i:02d}" for i in range(20, 25)],  # 4.05 to 4.45 km
        "Acht km",
        "Twintig km",
        "Aaa zonder plek",
    ]
    assert namen(eerste) + namen(tweede) == verwacht


def test_kaart_van_een_afstandszoekopdracht_toont_de_organisaties_van_de_lijst(
    client, rond_postcode
):
    url = "postcode=3511&afstand=2"
    kaart = client.get(f"/organisaties/kaart.geojson?{url}").json()
    op_de_kaart = {f["properties"]["naam"] for f in kaart["features"]}
    assert op_de_kaart == set(namen(client.get(f"/organisaties/?{url}")))
    assert op_de_kaart == {"Halve km", "Anderhalf km", "Twee plekken"}
