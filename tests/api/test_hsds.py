"""Every endpoint answers in HSDS 3.0 shapes with the directory's data (the ``api`` fixture
checks each answer against the HSDS schemas and the served OpenAPI document)."""

import filecmp
import uuid

import pytest
from jsonschema import ValidationError

from organisaties.api import openapi
from tests.api.conftest import GEDEELD, hsds, valideer

pytestmark = pytest.mark.django_db


def _op_naam(pagina):
    return {item["name"]: item for item in pagina["contents"]}


@pytest.mark.skipif(not GEDEELD.is_dir(), reason="de gedeelde HSDS-map is er niet")
def test_meegeleverde_schemas_zijn_die_van_hsds():
    vergelijking = filecmp.dircmp(GEDEELD, openapi.SCHEMA_MAP)
    assert not vergelijking.left_only and not vergelijking.right_only
    assert not vergelijking.diff_files
    assert not filecmp.dircmp(GEDEELD / "compiled", openapi.SCHEMA_MAP / "compiled").diff_files


def test_de_validatie_keurt_een_fout_object_af():
    """The check the other tests rely on does reject what HSDS does not allow."""
    with pytest.raises(AssertionError):
        valideer(hsds("service.json"), {"id": "geen-uuid", "name": "x", "status": "open"})
    with pytest.raises((AssertionError, ValidationError)):
        valideer(hsds("compiled/service_list.json"), {"id": str(uuid.uuid4()), "name": "x"})


def test_ingang_noemt_versie_openapi_en_csv(api):
    data = api("/api/v1/")
    assert data["version"] == "3.0"
    assert data["openapi_url"].endswith("/api/v1/openapi.json")
    assert data["csv_url"].endswith("/api/v1/sociale-kaart.csv")


def test_aanbod_in_de_lijst(api, kaart):
    pagina = api("/api/v1/services")
    diensten = _op_naam(pagina)
    assert set(diensten) == {"Budgetcoaching", "Koffieochtend", "Jongerenwerk"}
    budget = diensten["Budgetcoaching"]
    schuldhulp = kaart["organisaties"]["schuldhulp"]
    assert budget["id"] == str(kaart["aanbod"]["budget"].uuid)
    assert budget["organization_id"] == str(schuldhulp.uuid)
    assert budget["organization"]["name"] == "Schuldhulp Maassluis"
    assert budget["status"] == "active"
    assert budget["fees_description"] == "Eigen bijdrage: € 2,50 per keer"
    assert budget["eligibility_description"] == "Ouderen"
    assert budget["assured_date"] == schuldhulp.laatst_geverifieerd.isoformat()
    assert budget["application_process"] == "Bel ons."
    # One-to-one fields only in a list (HSDS: arrays of children are not needed there).
    assert "service_at_locations" not in budget


def test_volledig_aanbod_met_locaties_openingstijden_en_termen(api, kaart):
    budget = kaart["aanbod"]["budget"]
    data = api(f"/api/v1/services/{budget.uuid}")
    assert data["phones"][0]["number"] == "010 123 45 67"
    termen = {a["taxonomy_term"]["name"] for a in data["attributes"]}
    assert termen == {"Armoede en schulden", "Ouderen", "Welzijnspartner"}
    plekken = {s["location"]["name"]: s for s in data["service_at_locations"]}
    assert set(plekken) == {"Stadskantoor", "Buurthuis Oost"}
    centrum = plekken["Stadskantoor"]["location"]
    assert centrum["latitude"] == pytest.approx(51.916)
    assert centrum["addresses"][0] | {"id": None} == {
        "id": None,
        "location_id": str(kaart["locaties"]["centrum"].uuid),
        "address_1": "Hoogstraat 1",
        "city": "Maassluis",
        "state_province": "",
        "postal_code": "3142 AB",
        "country": "NL",
        "address_type": "physical",
    }
    assert centrum["accessibility"][0]["description"] == "Lift en invalidentoilet"
    assert [
        (s["byday"], s["opens_at"], s["closes_at"], s.get("description"))
        for s in centrum["schedules"]
    ] == [("MO", "09:00", "17:00", "Inloop"), ("WE", "13:00", "16:30", None)]
    assert {s["freq"] for s in centrum["schedules"]} == {"WEEKLY"}


def test_volledige_lijst_is_gelijk_aan_de_losse_antwoorden(api, kaart):
    pagina = api("/api/v1/services?full=true")
    for item in pagina["contents"]:
        assert item == api(f"/api/v1/services/{item['id']}")


def test_organisaties(api, kaart):
    pagina = api("/api/v1/organizations")
    assert set(_op_naam(pagina)) == {"Schuldhulp Maassluis", "Wijkteam Noord"}
    noord = kaart["organisaties"]["noord"]
    data = api(f"/api/v1/organizations/{noord.uuid}")
    assert data["phones"] == []  # no phone number: no phone object with an empty number
    assert [d["name"] for d in data["services"]] == ["Jongerenwerk", "Koffieochtend"]
    assert data["locations"][0]["addresses"][0]["postal_code"] == "3141 AA"
    assert [a["taxonomy_term"]["name"] for a in data["attributes"]] == ["Wijkteam"]
    volledig = api("/api/v1/organizations?full=true")
    assert data in volledig["contents"]


def test_taxonomieen_en_termen(api, kaart):
    taxonomieen = _op_naam(api("/api/v1/taxonomies"))
    assert set(taxonomieen) == {"Thema's", "Doelgroepen", "Soorten organisaties"}
    themas = taxonomieen["Thema's"]
    assert api(f"/api/v1/taxonomies/{themas['id']}") == themas

    termen = api(f"/api/v1/taxonomy_terms?taxonomy_id={themas['id']}")
    assert {t["name"] for t in termen["contents"]} == {"Armoede en schulden", "Eenzaamheid"}
    schulden = kaart["themas"]["schulden"]
    term = api(f"/api/v1/taxonomy_terms/{schulden.uuid}")
    assert term["code"] == "schulden"
    assert term["taxonomy_detail"] == themas
    assert term["term_uri"].endswith("/themas/schulden/")
    alle = api("/api/v1/taxonomy_terms?per_page=200")
    assert alle["total_items"] == 6  # 2 themes, 2 doelgroepen, 2 soorten; no wijken


def test_termen_zoeken_en_filters_zonder_lagen(api, kaart):
    assert [t["name"] for t in api("/api/v1/taxonomy_terms?search=eenzaam")["contents"]] == [
        "Eenzaamheid"
    ]
    assert api("/api/v1/taxonomy_terms?top_only=true")["total_items"] == 6
    assert api(f"/api/v1/taxonomy_terms?parent_id={uuid.uuid4()}")["total_items"] == 0
    assert _op_naam(api("/api/v1/taxonomies?search=doelgroep")).keys() == {"Doelgroepen"}


def test_aanbod_op_locaties(api, kaart):
    pagina = api("/api/v1/service_at_locations")
    paren = {(s["service"]["name"], s["location"]["name"]) for s in pagina["contents"]}
    # Jongerenwerk has no location: no service at a location either.
    assert paren == {
        ("Budgetcoaching", "Stadskantoor"),
        ("Budgetcoaching", "Buurthuis Oost"),
        ("Koffieochtend", "Wijkpost"),
    }
    for item in pagina["contents"]:
        detail = api(f"/api/v1/service_at_locations/{item['id']}")
        assert detail["service"] == item["service"]
        assert detail["location"]["id"] == item["location"]["id"]
        assert "schedules" in detail["location"]
    volledig = api("/api/v1/service_at_locations?full=true")
    assert volledig["contents"][0]["location"]["addresses"]


def test_ids_blijven_gelijk_bij_wijzigen(api, kaart):
    budget = kaart["aanbod"]["budget"]
    voor = api(f"/api/v1/services/{budget.uuid}")
    budget.naam = "Budgetcoaching plus"
    budget.save()
    na = api(f"/api/v1/services/{budget.uuid}")
    assert na["name"] == "Budgetcoaching plus"

    def ids(data):
        return [data["id"], *(s["id"] for s in data["service_at_locations"])] + [
            s["id"] for s in data["service_at_locations"][0]["location"]["schedules"]
        ]

    assert ids(na) == ids(voor)


def test_nieuwe_rijen_krijgen_elk_een_eigen_id(kaart):
    from organisaties.models import Aanbod, Locatie, Organisatie, Thema

    for model in (Organisatie, Aanbod, Locatie, Thema):
        ids = list(model.objects.values_list("uuid", flat=True))
        assert len(ids) == len(set(ids)) > 1
