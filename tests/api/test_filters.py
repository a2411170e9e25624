"""Each filter narrows the result, and filters together give what matches all of them."""

import datetime
import uuid
from urllib.parse import quote

import pytest
from django.utils import timezone

from organisaties.models import Openingstijd, Organisatie
from tests.factories import OpeningstijdFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

WEL_GEPUBLICEERD = ["Schuldhulp Maassluis", "Wijkteam Noord"]


def namen(api, pad):
    data = api(pad)
    assert data["total_items"] == len(data["contents"])
    return sorted(item["name"] for item in data["contents"])


def paren(api, pad):
    data = api(pad)
    return sorted((s["service"]["name"], s["location"]["name"]) for s in data["contents"])


def test_zoeken_zoals_de_site(api, kaart):
    assert namen(api, "/api/v1/services?search=schuld") == ["Budgetcoaching"]
    assert namen(api, "/api/v1/services?search=Wijkteam") == ["Jongerenwerk", "Koffieochtend"]
    assert namen(api, "/api/v1/services?search=schuld+wijkteam") == []
    assert namen(api, "/api/v1/organizations?search=maassluis") == ["Schuldhulp Maassluis"]
    # No words (only punctuation): no search, everything.
    assert len(namen(api, "/api/v1/services?search=%21%3F")) == 3


def test_zoeken_zet_het_beste_resultaat_eerst(api, kaart):
    # Newer, so without a search it comes last; with one its name beats an aanbod's name.
    OrganisatieFactory(naam="Budget Advies", omschrijving="Advies over geld.")
    assert namen(api, "/api/v1/organizations") == ["Budget Advies", *WEL_GEPUBLICEERD]
    data = api("/api/v1/organizations?search=budget")
    assert [o["name"] for o in data["contents"]] == ["Budget Advies", "Schuldhulp Maassluis"]
    data = api("/api/v1/organizations")
    assert [o["name"] for o in data["contents"]][-1] == "Budget Advies"


@pytest.mark.parametrize(
    ("zoek", "aantal"),
    [
        ("schuld+%7C+wijkteam", 0),
        ("schuld+OR+x", 0),
        ("%21schuld", 1),
        ("schuld%3A%2A", 1),
        ("%27%28", 3),
    ],
)
def test_zoekoperatoren_zijn_gewone_tekst(api, kaart, zoek, aantal):
    """Characters PostgreSQL's tsquery would read as operators are not passed on."""
    assert api(f"/api/v1/services?search={zoek}")["total_items"] == aantal


def test_term_van_het_aanbod(api, kaart):
    eenzaam = kaart["themas"]["eenzaam"].uuid
    ouderen = kaart["doelgroepen"]["ouderen"].uuid
    assert namen(api, f"/api/v1/services?taxonomy_term_id={eenzaam}") == ["Koffieochtend"]
    assert namen(api, f"/api/v1/services?taxonomy_term_id={ouderen}") == [
        "Budgetcoaching",
        "Koffieochtend",
    ]


def test_term_van_de_organisatie(api, kaart):
    wijkteam = kaart["soorten"]["wijkteam"].uuid
    assert namen(api, f"/api/v1/services?taxonomy_term_id={wijkteam}") == [
        "Jongerenwerk",
        "Koffieochtend",
    ]


def test_onbekende_term_geeft_niets(api, kaart):
    assert namen(api, f"/api/v1/services?taxonomy_term_id={uuid.uuid4()}") == []


def test_taxonomie(api, kaart):
    taxonomieen = {t["name"]: t["id"] for t in api("/api/v1/taxonomies")["contents"]}
    doelgroepen = taxonomieen["Doelgroepen"]
    themas = taxonomieen["Thema's"]
    assert len(namen(api, f"/api/v1/services?taxonomy_id={doelgroepen}")) == 3
    assert namen(api, f"/api/v1/services?taxonomy_id={themas}") == [
        "Budgetcoaching",
        "Koffieochtend",
    ]


def test_organisatie(api, kaart):
    noord = kaart["organisaties"]["noord"].uuid
    assert namen(api, f"/api/v1/services?organization_id={noord}") == [
        "Jongerenwerk",
        "Koffieochtend",
    ]
    # An organisation that is not published has no aanbod in the API either.
    concept = kaart["verborgen"][0][0].uuid
    assert namen(api, f"/api/v1/services?organization_id={concept}") == []


def test_gewijzigd_na(api, kaart):
    gisteren = timezone.now() - datetime.timedelta(days=1)
    Organisatie.objects.update(gewijzigd=gisteren)
    kaart["aanbod"]["koffie"].save()  # a part changed: its organisation's listing changed
    vanochtend = quote((timezone.now() - datetime.timedelta(minutes=5)).isoformat())
    assert namen(api, f"/api/v1/services?modified_after={vanochtend}") == [
        "Jongerenwerk",
        "Koffieochtend",
    ]
    datum = (gisteren - datetime.timedelta(days=1)).date().isoformat()
    assert len(namen(api, f"/api/v1/services?modified_after={datum}")) == 3


@pytest.mark.parametrize(
    "wijziging",
    [
        "openingstijd",
        "locatie",
        "koppeling",
        "openingstijd weg",
    ],
)
def test_elke_wijziging_van_een_onderdeel_telt_als_wijziging(api, kaart, wijziging):
    gisteren = timezone.now() - datetime.timedelta(days=1)
    Organisatie.objects.update(gewijzigd=gisteren)
    centrum = kaart["locaties"]["centrum"]
    if wijziging == "openingstijd":
        OpeningstijdFactory(locatie=centrum, dag=5, van="10:00", tot="12:00")
    elif wijziging == "locatie":
        # As the geocoder saves: only some fields.
        centrum.latitude = 51.9
        centrum.save(update_fields=["latitude"])
    elif wijziging == "koppeling":
        kaart["aanbod"]["budget"].doelgroepen.add(kaart["doelgroepen"]["jongeren"])
    else:
        Openingstijd.objects.filter(locatie=centrum).first().delete()
    data = api(f"/api/v1/services/{kaart['aanbod']['budget'].uuid}")
    assert datetime.datetime.fromisoformat(data["last_modified"]) > gisteren
    assert namen(api, "/api/v1/services?modified_after=" + quote(data["last_modified"])) == [
        "Budgetcoaching"
    ]


def test_filters_samen_zijn_en(api, kaart):
    ouderen = kaart["doelgroepen"]["ouderen"].uuid
    noord = kaart["organisaties"]["noord"].uuid
    schuldhulp = kaart["organisaties"]["schuldhulp"].uuid
    assert namen(api, f"/api/v1/services?taxonomy_term_id={ouderen}&organization_id={noord}") == [
        "Koffieochtend"
    ]
    assert namen(api, f"/api/v1/services?search=schuld&organization_id={noord}") == []
    assert namen(
        api,
        f"/api/v1/services?search=budget&taxonomy_term_id={ouderen}&organization_id={schuldhulp}",
    ) == ["Budgetcoaching"]
    assert paren(api, f"/api/v1/service_at_locations?taxonomy_term_id={ouderen}&postcode=3142") == [
        ("Budgetcoaching", "Stadskantoor")
    ]


def test_postcode_zonder_afstand(api, kaart):
    assert paren(api, "/api/v1/service_at_locations?postcode=3144cd") == [
        ("Budgetcoaching", "Buurthuis Oost")
    ]
    assert paren(api, "/api/v1/service_at_locations?postcode=3144%20CD") == [
        ("Budgetcoaching", "Buurthuis Oost")
    ]
    assert paren(api, "/api/v1/service_at_locations?postcode=3142") == [
        ("Budgetcoaching", "Stadskantoor")
    ]


def test_postcode_met_afstand_dichtstbijzijnde_eerst(api, kaart):
    # Stadskantoor is the centre of 3142 AB; Buurthuis Oost is about 1.7 km away, the
    # Wijkpost in the west about 7 km.
    assert paren(api, "/api/v1/service_at_locations?postcode=3142AB&proximity=500") == [
        ("Budgetcoaching", "Stadskantoor")
    ]
    data = api("/api/v1/service_at_locations?postcode=3142AB&proximity=2500")
    assert [s["location"]["name"] for s in data["contents"]] == ["Stadskantoor", "Buurthuis Oost"]
    data = api("/api/v1/service_at_locations?postcode=3142AB&proximity=10000")
    assert [s["location"]["name"] for s in data["contents"]] == [
        "Stadskantoor",
        "Buurthuis Oost",
        "Wijkpost",
    ]


@pytest.mark.parametrize(
    ("pagina", "namen_op_pagina", "laatste"),
    [(1, ["Stadskantoor", "Buurthuis Oost"], False), (2, ["Wijkpost"], True), (3, [], True)],
)
def test_afstand_pagineert_als_de_rest(api, kaart, pagina, namen_op_pagina, laatste):
    data = api(
        f"/api/v1/service_at_locations?postcode=3142AB&proximity=10000&per_page=2&page={pagina}"
    )
    assert [s["location"]["name"] for s in data["contents"]] == namen_op_pagina
    assert (data["total_items"], data["total_pages"], data["last_page"]) == (3, 2, laatste)


@pytest.mark.parametrize(
    ("meters", "plekken"),
    [
        (1690, ["Stadskantoor"]),
        (1705, ["Stadskantoor", "Buurthuis Oost"]),  # 1,698 m away
        (7080, ["Stadskantoor", "Buurthuis Oost"]),
        (7095, ["Stadskantoor", "Buurthuis Oost", "Wijkpost"]),  # 7,087 m away
    ],
)
def test_afstand_klopt_op_de_meter(api, kaart, meters, plekken):
    """The centre of 3142 AB is the Stadskantoor: the unpublished locations with that postcode
    (elsewhere in ``kaart``) do not count."""
    data = api(f"/api/v1/service_at_locations?postcode=3142AB&proximity={meters}")
    assert [s["location"]["name"] for s in data["contents"]] == plekken
