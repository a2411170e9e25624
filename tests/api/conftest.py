"""What the API tests share: every answer they fetch is checked against the HSDS schemas and
against the OpenAPI document the API serves, and carries the CORS header."""

import datetime
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from organisaties.api import openapi
from organisaties.models import Organisatie, Postcode
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
)

# The schemas as the project received them; the copy the API serves from must be the same
# (test_hsds.test_meegeleverde_schemas_zijn_die_van_hsds).
GEDEELD = Path(__file__).resolve().parents[3] / "shared" / "hsds" / "schema"
SCHEMA_MAP = GEDEELD if GEDEELD.is_dir() else openapi.SCHEMA_MAP
BASIS = "https://hsds.test/schema/"

FORMATEN = FormatChecker()


@FORMATEN.checks("date-time", raises=ValueError)
def _datum_tijd(waarde):
    if not isinstance(waarde, str):
        return True
    datetime.datetime.fromisoformat(waarde)
    return "T" in waarde


@FORMATEN.checks("uri", raises=ValueError)
def _uri(waarde):
    if not isinstance(waarde, str):
        return True
    delen = urlsplit(waarde)
    return delen.scheme in ("http", "https") and bool(delen.netloc) and " " not in waarde


def _register() -> Registry:
    import json

    register = Registry()
    for bestand in [*SCHEMA_MAP.glob("*.json"), *SCHEMA_MAP.glob("compiled/*.json")]:
        inhoud = json.loads(bestand.read_text(encoding="utf-8"))
        uri = BASIS + str(bestand.relative_to(SCHEMA_MAP))
        register = register.with_resource(
            uri, Resource.from_contents(inhoud, default_specification=DRAFT202012)
        )
    return register


REGISTER = _register()


def valideer(schema_uri: str, data, register=REGISTER) -> None:
    """Raise jsonschema.ValidationError with every problem of ``data``."""
    validator = Draft202012Validator(
        {"$ref": schema_uri}, registry=register, format_checker=FORMATEN
    )
    fouten = sorted(validator.iter_errors(data), key=lambda f: list(f.absolute_path))
    assert not fouten, "\n".join(
        f"{schema_uri} {list(f.absolute_path)}: {f.message}" for f in fouten[:10]
    )


def hsds(naam: str) -> str:
    return BASIS + naam


HSDS_PAGE = hsds("openapi.json#/components/schemas/Page")
HSDS_ROOT = hsds("openapi.json#/paths/~1/get/responses/200/content/application~1json/schema")

# Per list path: the HSDS schema of an item, and of an item with full=true.
LIJSTEN = {
    "services": ("compiled/service_list.json", "service.json"),
    "organizations": ("compiled/organization_list.json", "organization.json"),
    "service_at_locations": ("compiled/service_at_location_list.json", "service_at_location.json"),
    "taxonomies": ("taxonomy.json", "taxonomy.json"),
    "taxonomy_terms": ("taxonomy_term.json", "taxonomy_term.json"),
}
DETAILS = {
    "services": ["service.json", "compiled/service_with_definitions.json"],
    "organizations": ["organization.json"],
    "service_at_locations": ["service_at_location.json"],
    "taxonomies": ["taxonomy.json"],
    "taxonomy_terms": ["taxonomy_term.json"],
}


def controleer_hsds(pad: str, data) -> None:
    """``data``, the 200 answer for ``pad`` (with its query), against the HSDS schemas."""
    delen = urlsplit(pad)
    stukken = delen.path.removeprefix("/api/v1/").strip("/").split("/")
    volledig = parse_qs(delen.query).get("full") == ["true"]
    if stukken == [""]:
        valideer(HSDS_ROOT, data)
    elif len(stukken) == 1 and stukken[0] in LIJSTEN:
        valideer(HSDS_PAGE, data)
        kort, lang = LIJSTEN[stukken[0]]
        for item in data["contents"]:
            valideer(hsds(lang if volledig else kort), item)
            _controleer_genest(stukken[0], item)
    elif len(stukken) == 2 and stukken[0] in DETAILS:
        for naam in DETAILS[stukken[0]]:
            valideer(hsds(naam), data)
        _controleer_genest(stukken[0], data)


def _controleer_genest(soort: str, item: dict) -> None:
    """Objects the HSDS schema of ``item`` does not describe, against their own schema."""
    for dienst in item.get("services", []):  # an organisation's aanbod
        valideer(hsds("compiled/service_list.json"), dienst)
    if soort == "service_at_locations":
        valideer(hsds("compiled/service_list.json"), item["service"])
        valideer(hsds("location.json"), item["location"])


def _openapi_register(document: dict) -> Registry:
    return REGISTER.with_resource(
        "urn:openapi", Resource.from_contents(document, default_specification=DRAFT202012)
    )


def controleer_openapi(document: dict, pad: str, status: int, data) -> None:
    """``data`` against what the served OpenAPI ``document`` promises for ``pad``."""
    pad_zonder_basis = "/" + urlsplit(pad).path.removeprefix("/api/v1/").rstrip("/")
    for sjabloon, operatie in document["paths"].items():
        patroon = "^" + re.sub(r"\\{[^/]+\\}", "[^/]+", re.escape(sjabloon)) + "$"
        if re.match(patroon, pad_zonder_basis):
            antwoorden = operatie["get"]["responses"]
            assert str(status) in antwoorden, f"{pad}: {status} staat niet in de OpenAPI"
            schema = antwoorden[str(status)]["content"]["application/json"]["schema"]
            valideer("urn:openapi#/x", data, _openapi_register(document | {"x": schema}))
            return
    # Not a path of the API: the catch-all 404.
    assert status == 404
    valideer("urn:openapi#/components/schemas/error", data, _openapi_register(document))


@pytest.fixture
def api(client):
    """GET an API address; checks status, CORS and every schema, and returns the JSON."""
    document = {}

    def haal(pad: str, status: int = 200):
        antwoord = client.get(pad)
        assert antwoord.status_code == status, (pad, antwoord.status_code, antwoord.content[:300])
        assert antwoord["Access-Control-Allow-Origin"] == "*"
        assert antwoord["Content-Type"].startswith("application/json")
        data = antwoord.json()
        if not document:
            document.update(client.get("/api/v1/openapi.json").json())
        controleer_openapi(document, pad, status, data)
        if status == 200:
            controleer_hsds(pad, data)
        return data

    return haal


@pytest.fixture
def kaart(db):
    """A small directory with known answers.

    Published: Schuldhulp Maassluis (welzijnspartner, theme schulden) with Budgetcoaching
    (schulden, ouderen) at two locations; Wijkteam Noord (wijkteam) with Koffieochtend
    (eenzaamheid, ouderen) and Jongerenwerk (jongeren) at one location far to the west.
    Not published: a concept and an archived organisation, each with aanbod at a location.
    """
    schulden = ThemaFactory(naam="Armoede en schulden", slug="schulden")
    eenzaam = ThemaFactory(naam="Eenzaamheid", slug="eenzaamheid")
    ouderen = DoelgroepFactory(naam="Ouderen", slug="ouderen")
    jongeren = DoelgroepFactory(naam="Jongeren", slug="jongeren")
    welzijn = SoortFactory(naam="Welzijnspartner", slug="welzijnspartner")
    wijkteam = SoortFactory(naam="Wijkteam", slug="wijkteam")

    schuldhulp = OrganisatieFactory(
        naam="Schuldhulp Maassluis", soort=welzijn, themas=[schulden], website="https://x.nl"
    )
    centrum = LocatieFactory(
        organisatie=schuldhulp,
        naam="Stadskantoor",
        postcode="3142 AB",
        latitude=51.9160,
        longitude=4.2500,
        toegankelijkheid="Lift en invalidentoilet",
        rolstoeltoegankelijk=True,
    )
    OpeningstijdFactory(locatie=centrum, dag=1, van="09:00", tot="17:00", opmerking="Inloop")
    OpeningstijdFactory(locatie=centrum, dag=3, van="13:00", tot="16:30")
    oost = LocatieFactory(
        organisatie=schuldhulp,
        naam="Buurthuis Oost",
        postcode="3144 CD",
        latitude=51.9250,
        longitude=4.2700,
    )
    budget = AanbodFactory(
        organisatie=schuldhulp,
        naam="Budgetcoaching",
        themas=[schulden],
        doelgroepen=[ouderen],
        kosten="eigen_bijdrage",
        kosten_toelichting="€ 2,50 per keer",
        hoe_aanmelden="Bel ons.",
    )
    budget.locaties.set([centrum, oost])

    noord = OrganisatieFactory(naam="Wijkteam Noord", soort=wijkteam, telefoon="")
    west = LocatieFactory(
        organisatie=noord, naam="Wijkpost", postcode="3141 AA", latitude=51.9000, longitude=4.1500
    )
    koffie = AanbodFactory(
        organisatie=noord, naam="Koffieochtend", themas=[eenzaam], doelgroepen=[ouderen]
    )
    koffie.locaties.set([west])
    jongerenwerk = AanbodFactory(organisatie=noord, naam="Jongerenwerk", doelgroepen=[jongeren])

    verborgen = []
    for status in (Organisatie.Status.CONCEPT, Organisatie.Status.GEARCHIVEERD):
        o = OrganisatieFactory(naam=f"Verborgen {status}", soort=welzijn, status=status)
        # Same postcode as the Stadskantoor, elsewhere: must not move the centre of 3142 AB.
        plek = LocatieFactory(organisatie=o, postcode="3142 AB", latitude=51.95, longitude=4.30)
        a = AanbodFactory(organisatie=o, naam=f"Verborgen aanbod {status}", themas=[schulden])
        a.locaties.set([plek])
        verborgen.append((o, a, plek))

    # The centres of the postcodes the proximity tests search from (organisaties.postcodes).
    Postcode.objects.create(postcode="3142AB", latitude=51.9160, longitude=4.2500)
    Postcode.objects.create(postcode="3142", latitude=51.9160, longitude=4.2500)

    for o in Organisatie.objects.all():
        o.refresh_from_db()
    return {
        "themas": {"schulden": schulden, "eenzaam": eenzaam},
        "doelgroepen": {"ouderen": ouderen, "jongeren": jongeren},
        "soorten": {"welzijn": welzijn, "wijkteam": wijkteam},
        "organisaties": {"schuldhulp": schuldhulp, "noord": noord},
        "locaties": {"centrum": centrum, "oost": oost, "west": west},
        "aanbod": {"budget": budget, "koffie": koffie, "jongerenwerk": jongerenwerk},
        "verborgen": verborgen,
    }
