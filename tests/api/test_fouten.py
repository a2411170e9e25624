"""Bad input gets a 400 or 404 in JSON with a Dutch explanation, never a 500; every answer,
errors included, may be read by any web page (CORS)."""

import uuid

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("pad", "parameter"),
    [
        ("/api/v1/services?taxonomy_term_id=thema-1", "taxonomy_term_id"),
        ("/api/v1/services?taxonomy_id=1", "taxonomy_id"),
        ("/api/v1/services?organization_id=%27%3B+DROP+TABLE", "organization_id"),
        ("/api/v1/services?organization_id=" + "a" * 36, "organization_id"),
        ("/api/v1/services?modified_after=gisteren", "modified_after"),
        ("/api/v1/services?modified_after=2024-13-01", "modified_after"),
        ("/api/v1/services?modified_after=0001-01-01T00:00:00%2B05:00", "modified_after"),
        ("/api/v1/services?modified_after=9999-12-31T23:59:59-05:00", "modified_after"),
        ("/api/v1/services?full=ja", "full"),
        ("/api/v1/services?format=ndjson", "format"),
        ("/api/v1/organizations?full=1", "full"),
        ("/api/v1/taxonomy_terms?top_only=yes", "top_only"),
        ("/api/v1/taxonomy_terms?parent_id=x", "parent_id"),
        ("/api/v1/service_at_locations?postcode=3142XYZ", "postcode"),
        ("/api/v1/service_at_locations?postcode=0142", "postcode"),
        ("/api/v1/service_at_locations?postcode=%3Cscript%3E", "postcode"),
        ("/api/v1/service_at_locations?proximity=1000", "proximity"),
        ("/api/v1/service_at_locations?postcode=3142&proximity=-1", "proximity"),
        ("/api/v1/service_at_locations?postcode=3142&proximity=100001", "proximity"),
        ("/api/v1/service_at_locations?postcode=3142&proximity=1km", "proximity"),
        ("/api/v1/service_at_locations?postcode=9999ZZ&proximity=1000", "postcode"),
        ("/api/v1/services/niet-een-uuid", "id"),
        ("/api/v1/organizations/1", "id"),
        ("/api/v1/service_at_locations/%20", "id"),
        ("/api/v1/taxonomies/{" + "0" * 32 + "}", "id"),
        ("/api/v1/taxonomy_terms/" + "0" * 32, "id"),
    ],
)
def test_foute_waarde_geeft_400_met_uitleg(api, kaart, pad, parameter):
    data = api(pad, status=400)
    assert data["parameter"] == parameter
    assert parameter in data["detail"] or parameter in ("id", "postcode")
    assert len(data["detail"]) > 20


@pytest.mark.parametrize(
    "soort", ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"]
)
def test_onbekende_id_geeft_404(api, kaart, soort):
    data = api(f"/api/v1/{soort}/{uuid.uuid4()}", status=404)
    assert data["status"] == 404
    assert data["detail"].startswith("Er is geen")


@pytest.mark.parametrize("pad", ["/api/v1/bestaat-niet", "/api/v1/services/a/b", "/api/v2/"])
def test_onbekend_adres_geeft_json_404(client, pad):
    antwoord = client.get(pad)
    assert antwoord.status_code == 404
    if pad.startswith("/api/v1/"):
        assert antwoord.json()["status"] == 404
        assert antwoord["Access-Control-Allow-Origin"] == "*"


def test_elke_tijdzone_die_iso_kent(api, kaart):
    # PostgreSQL knows offsets up to 15:59 only; found by schemathesis.
    assert api("/api/v1/services?modified_after=0447-09-19T04:11:45%2B18:51")["total_items"] == 3


def test_nul_teken_in_het_adres_is_geen_500(client):
    # netwerk.middleware answers these for the whole site, before the API sees them.
    assert client.get("/api/v1/services/%00").status_code == 404
    assert client.get("/api/v1/services?search=%00").status_code == 200


def test_onbekende_parameters_worden_genegeerd(api, kaart):
    assert api("/api/v1/services?b=123&minimal=true")["total_items"] == 3


def test_schuine_streep_aan_het_eind_mag(api, kaart):
    assert api("/api/v1/services/")["total_items"] == 3


def test_cors_en_json_op_elk_antwoord(client, kaart):
    for pad in ("/api/v1/", "/api/v1/services", "/api/v1/services?page=0", "/api/v1/x"):
        antwoord = client.get(pad)
        assert antwoord["Access-Control-Allow-Origin"] == "*"
        assert antwoord["Content-Type"] == "application/json"
    # From the page cache as well.
    assert client.get("/api/v1/services")["X-Cache"] == "hit"
    assert client.get("/api/v1/services")["Access-Control-Allow-Origin"] == "*"
    assert client.get("/api/v1/sociale-kaart.csv")["Access-Control-Allow-Origin"] == "*"


def test_voorcontrole_van_de_browser(client):
    antwoord = client.options("/api/v1/services", HTTP_ORIGIN="https://portaal.example")
    assert antwoord.status_code == 204
    assert antwoord["Access-Control-Allow-Origin"] == "*"
    assert "GET" in antwoord["Access-Control-Allow-Methods"]


@pytest.mark.parametrize("methode", ["post", "put", "patch", "delete"])
def test_alleen_lezen(client, kaart, methode):
    antwoord = getattr(client, methode)("/api/v1/services", data={})
    assert antwoord.status_code == 405
    assert antwoord.json()["detail"] == "Deze API kan alleen lezen: gebruik GET."
    assert antwoord["Access-Control-Allow-Origin"] == "*"
    assert antwoord["Allow"] == "GET, HEAD, OPTIONS"


def test_head_zonder_inhoud(client, kaart):
    antwoord = client.head("/api/v1/services")
    assert antwoord.status_code == 200
    assert antwoord.content == b""


def test_wijziging_maakt_de_cache_meteen_ongeldig(api, client, kaart):
    assert api("/api/v1/services")["total_items"] == 3
    assert client.get("/api/v1/services")["X-Cache"] == "hit"
    koffie = kaart["aanbod"]["koffie"]
    koffie.naam = "Koffie en thee"
    koffie.save()
    assert "Koffie en thee" in str(api("/api/v1/services"))


def test_vijandige_tekst_blijft_tekst(api, kaart):
    budget = kaart["aanbod"]["budget"]
    budget.naam = '<script>alert("x")</script>'
    budget.save()
    data = api(f"/api/v1/services/{budget.uuid}")
    assert data["name"] == '<script>alert("x")</script>'
