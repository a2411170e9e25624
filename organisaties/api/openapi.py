"""The OpenAPI 3.1 document of the API: exactly the objects, fields and parameters it serves.

Each object below names the HSDS object it is and the fields this API gives it; type, format
and description of every field come from HSDS' own schemas (``hsds/schema``). Required fields
are always present, the others only when they have a value, and ``additionalProperties:
false`` everywhere: a field that hsds.py adds without declaring it here makes the tests fail.
The parameters take their bounds from parameters.py.

Our own texts are Dutch; the field descriptions are HSDS' (English), as in the standard.
"""

import functools
import json
from pathlib import Path

from django.urls import reverse
from django.utils.translation import gettext as _

from organisaties.api import hsds
from organisaties.api.parameters import (
    MAX_NABIJHEID_METER,
    MAX_PAGINA,
    MAX_PER_PAGINA,
    POSTCODE_PATROON,
    STANDAARD_PER_PAGINA,
)

SCHEMA_MAP = Path(__file__).resolve().parent / "hsds" / "schema"
_HSDS_SLEUTELS = ("type", "format", "enum", "description")


@functools.cache
def _hsds(naam: str) -> dict:
    return json.loads((SCHEMA_MAP / f"{naam}.json").read_text(encoding="utf-8"))


def _veld(hsds_object: str, veld: str) -> dict:
    definitie = _hsds(hsds_object)["properties"][veld]
    return {k: definitie[k] for k in _HSDS_SLEUTELS if k in definitie}


def _ref(naam: str) -> dict:
    return {"$ref": f"#/components/schemas/{naam}"}


def _lijst(naam: str, beschrijving: str | None = None) -> dict:
    lijst = {"type": "array", "items": _ref(naam)}
    return lijst | ({"description": beschrijving} if beschrijving else {})


def _object(hsds_object, verplicht, optioneel=(), **anders) -> dict:
    """HSDS object ``hsds_object`` with these fields; ``anders`` replaces or adds fields."""
    velden = {v: _veld(hsds_object, v) for v in [*verplicht, *optioneel] if v not in anders}
    velden |= anders
    return {
        "type": "object",
        "description": _hsds(hsds_object)["description"],
        "properties": {v: velden[v] for v in [*verplicht, *optioneel, *anders] if v in velden},
        "required": list(verplicht),
        "additionalProperties": False,
    }


def _vast(hsds_object: str, veld: str, *waarden) -> dict:
    return _veld(hsds_object, veld) | {"enum": list(waarden)}


def _schemas() -> dict:
    tijd = {"type": "string", "pattern": r"^[0-2][0-9]:[0-5][0-9]$"}
    lokaal = _("Plaatselijke tijd in Nederland (Europe/Amsterdam), als UU:MM.")
    dienst = {
        "verplicht": [
            "id",
            "organization_id",
            "name",
            "description",
            "status",
            "fees_description",
            "last_modified",
        ],
        "optioneel": ["email", "eligibility_description", "application_process", "assured_date"],
    }
    dienst_velden = {
        "status": _vast("service", "status", "active"),
        "assured_date": _veld("service", "assured_date") | {"format": "date"},
        "last_modified": _veld("service", "last_modified")
        | {
            "description": _(
                "Wanneer de gegevens van de organisatie of iets daarvan (aanbod, locaties, "
                "openingstijden) voor het laatst veranderden, in UTC."
            )
        },
        "eligibility_description": _veld("service", "eligibility_description")
        | {"description": _("De doelgroepen, met komma's ertussen. Leeg: voor iedereen.")},
    }
    met_organisatie = {**dienst_velden, "organization": _ref("organization")}
    return {
        "api_info": {
            "type": "object",
            "properties": {
                "version": {"type": "string", "enum": [hsds.HSDS_VERSIE]},
                "profile": {"type": "string", "format": "uri"},
                "openapi_url": {"type": "string", "format": "uri"},
                "csv_url": {
                    "type": "string",
                    "format": "uri",
                    "description": _(
                        "Alle gegevens als CSV-bestand, een regel per aanbod per locatie."
                    ),
                },
            },
            "required": ["version", "profile", "openapi_url", "csv_url"],
            "additionalProperties": False,
        },
        "error": {
            "type": "object",
            "properties": {
                "status": {"type": "integer"},
                "detail": {"type": "string", "description": _("Wat er mis is, in het Nederlands.")},
                "parameter": {"type": "string", "description": _("De parameter die niet klopt.")},
            },
            "required": ["status", "detail"],
            "additionalProperties": False,
        },
        "taxonomy": _object("taxonomy", ["id", "name", "description"]),
        "taxonomy_term": _object(
            "taxonomy_term",
            ["id", "code", "name", "description", "taxonomy_id", "taxonomy_detail", "language"],
            ["term_uri"],
            taxonomy_detail=_ref("taxonomy"),
            language=_vast("taxonomy_term", "language", hsds.TAAL),
        ),
        "attribute": _object(
            "attribute",
            ["id", "link_id", "link_entity", "taxonomy_term_id", "taxonomy_term"],
            link_entity=_vast("attribute", "link_entity", "service", "organization"),
            taxonomy_term=_ref("taxonomy_term"),
        ),
        "phone": _object(
            "phone",
            ["id", "organization_id", "number", "type"],
            type=_vast("phone", "type", "voice"),
        ),
        "address": _object(
            "address",
            [
                "id",
                "location_id",
                "address_1",
                "city",
                "state_province",
                "postal_code",
                "country",
                "address_type",
            ],
            state_province=_veld("address", "state_province")
            | {"description": _("Altijd leeg: de sociale kaart houdt geen provincies bij.")},
            country=_vast("address", "country", hsds.LAND),
            address_type=_vast("address", "address_type", "physical"),
        ),
        "accessibility": _object(
            "accessibility", ["id", "location_id"], ["description", "details"]
        ),
        "schedule": _object(
            "schedule",
            ["id", "location_id", "freq", "wkst", "byday", "opens_at", "closes_at"],
            ["description"],
            freq=_vast("schedule", "freq", "WEEKLY"),
            wkst=_vast("schedule", "wkst", "MO"),
            byday=_vast("schedule", "byday", *hsds.DAGEN.values()),
            opens_at=tijd | {"description": lokaal},
            closes_at=tijd | {"description": lokaal},
        ),
        "location": _object(
            "location",
            ["id", "location_type", "organization_id", "name"],
            ["latitude", "longitude"],
            location_type=_vast("location", "location_type", "physical"),
        ),
        "location_full": _met_verplicht(
            _object(
                "location",
                ["id", "location_type", "organization_id", "name"],
                ["latitude", "longitude"],
                location_type=_vast("location", "location_type", "physical"),
                addresses=_lijst("address"),
                accessibility=_lijst("accessibility"),
                schedules=_lijst("schedule"),
            ),
            "addresses",
            "accessibility",
            "schedules",
        ),
        "organization": _object(
            "organization", ["id", "name", "description"], ["email", "website"]
        ),
        "organization_full": _met_verplicht(
            _object(
                "organization",
                ["id", "name", "description"],
                ["email", "website"],
                phones=_lijst("phone"),
                locations=_lijst("location_full"),
                attributes=_lijst("attribute", _("De soort organisatie en haar thema's.")),
                services=_lijst("service_in_organization", _("Het aanbod van de organisatie.")),
            ),
            "phones",
            "locations",
            "attributes",
            "services",
        ),
        "service": _met_verplicht(
            _object("service", dienst["verplicht"], dienst["optioneel"], **met_organisatie),
            "organization",
        ),
        "service_in_organization": _object(
            "service", dienst["verplicht"], dienst["optioneel"], **dienst_velden
        ),
        "service_full": _met_verplicht(
            _object(
                "service",
                dienst["verplicht"],
                dienst["optioneel"],
                **met_organisatie,
                phones=_lijst("phone"),
                attributes=_lijst(
                    "attribute",
                    _(
                        "De thema's en doelgroepen van het aanbod, en de soort en thema's van "
                        "de organisatie."
                    ),
                ),
                service_at_locations=_lijst("service_at_location_in_service"),
            ),
            "organization",
            "phones",
            "attributes",
            "service_at_locations",
        ),
        "service_at_location_in_service": _object(
            "service_at_location",
            ["id", "service_id", "location_id", "location"],
            location=_ref("location_full"),
        ),
        "service_at_location": _object(
            "service_at_location",
            ["id", "service_id", "location_id", "location", "service"],
            location=_ref("location"),
            service=_ref("service"),
        ),
        "service_at_location_full": _object(
            "service_at_location",
            ["id", "service_id", "location_id", "location", "service"],
            location=_ref("location_full"),
            service=_ref("service"),
        ),
        **{
            f"page_{naam}": _pagina_schema(inhoud)
            for naam, inhoud in (
                ("service", {"oneOf": [_ref("service"), _ref("service_full")]}),
                ("organization", {"oneOf": [_ref("organization"), _ref("organization_full")]}),
                ("taxonomy", _ref("taxonomy")),
                ("taxonomy_term", _ref("taxonomy_term")),
                (
                    "service_at_location",
                    {"oneOf": [_ref("service_at_location"), _ref("service_at_location_full")]},
                ),
            )
        },
    }


def _met_verplicht(schema: dict, *velden) -> dict:
    return schema | {"required": [*schema["required"], *velden]}


def _pagina_schema(inhoud: dict) -> dict:
    geheel = {"type": "integer", "minimum": 0}
    return {
        "type": "object",
        "description": _("Een pagina met resultaten, zoals HSDS die beschrijft."),
        "properties": {
            "total_items": geheel | {"description": _("Het aantal resultaten op alle pagina's.")},
            "total_pages": geheel | {"description": _("Het aantal pagina's.")},
            "page_number": {"type": "integer", "minimum": 1},
            "size": geheel | {"description": _("Het aantal resultaten op deze pagina.")},
            "first_page": {"type": "boolean"},
            "last_page": {"type": "boolean"},
            "empty": {"type": "boolean", "description": _("Of deze pagina leeg is.")},
            "contents": {"type": "array", "items": inhoud},
        },
        "required": [
            "total_items",
            "total_pages",
            "page_number",
            "size",
            "first_page",
            "last_page",
            "empty",
            "contents",
        ],
        "additionalProperties": False,
    }


def _parameters() -> dict:
    def vraag(naam, schema, beschrijving):
        return {
            "name": naam,
            "in": "query",
            "required": False,
            "description": beschrijving,
            "schema": schema,
            # An empty value (?page=) counts as not given (parameters.py).
            "allowEmptyValue": True,
        }

    uuid = {"type": "string", "format": "uuid"}
    return {
        "search": vraag(
            "search",
            {"type": "string"},
            _(
                "Zoeken zoals op de site: elk woord moet voorkomen, ook als begin van een "
                "langer woord ('schuld' vindt 'schuldhulpverlening'). Bij aanbod en "
                "organisaties staan de beste resultaten eerst."
            ),
        ),
        "page": vraag(
            "page",
            {"type": "integer", "minimum": 1, "maximum": MAX_PAGINA, "default": 1},
            _("Het nummer van de pagina. Een pagina na de laatste is leeg."),
        ),
        "per_page": vraag(
            "per_page",
            {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_PER_PAGINA,
                "default": STANDAARD_PER_PAGINA,
            },
            _("Het aantal resultaten per pagina."),
        ),
        "format": vraag(
            "format", {"type": "string", "enum": ["json"]}, _("Alleen json wordt ondersteund.")
        ),
        "full": vraag(
            "full",
            {"type": "boolean", "default": False},
            _("true: elk resultaat volledig, met alles wat erbij hoort, zoals bij /{id}."),
        ),
        "taxonomy_term_id": vraag(
            "taxonomy_term_id",
            uuid,
            _(
                "Alleen aanbod met deze term, bij het aanbod zelf of bij de organisatie "
                "(een soort organisatie hoort altijd bij de organisatie). Een onbekende term "
                "geeft een lege lijst."
            ),
        ),
        "taxonomy_id": vraag(
            "taxonomy_id",
            uuid,
            _("Alleen aanbod met een term uit deze taxonomie (op dezelfde manier)."),
        ),
        "organization_id": vraag(
            "organization_id", uuid, _("Alleen het aanbod van deze organisatie.")
        ),
        "modified_after": vraag(
            "modified_after",
            {
                "anyOf": [
                    {"type": "string", "format": "date-time"},
                    {"type": "string", "format": "date"},
                ]
            },
            _(
                "Alleen aanbod dat op of na dit moment veranderde (zie last_modified). Zonder "
                "tijdzone geldt de tijd in Nederland; een datum zonder tijd telt vanaf 00:00."
            ),
        ),
        "postcode": vraag(
            "postcode",
            {"type": "string", "pattern": POSTCODE_PATROON},
            _(
                "Een postcode van 4 cijfers (3142) of met letters (3142 AB). Zonder proximity: "
                "alleen locaties met die postcode. Met proximity: alleen locaties binnen die "
                "afstand van het midden van de postcode."
            ),
        ),
        "proximity": vraag(
            "proximity",
            {"type": "integer", "minimum": 1, "maximum": MAX_NABIJHEID_METER},
            _(
                "Afstand in meters vanaf het midden van de postcode; alleen samen met "
                "postcode. Het midden komt uit de postcodetabel van de site; een postcode "
                "die daar niet in staat, zoekt de site op de achtergrond op bij PDOK. De "
                "dichtstbijzijnde locaties staan eerst."
            ),
        ),
        "taxonomy_id_terms": vraag("taxonomy_id", uuid, _("Alleen termen uit deze taxonomie.")),
        "parent_id": vraag(
            "parent_id",
            uuid,
            _("Alleen termen onder deze term. De taxonomieën hebben geen lagen: altijd leeg."),
        ),
        "top_only": vraag(
            "top_only",
            {"type": "boolean"},
            _("Alleen termen op het hoogste niveau: dat zijn ze allemaal."),
        ),
    }


def _antwoord(schema: dict, beschrijving: str) -> dict:
    return {
        "description": beschrijving,
        "headers": {
            "Access-Control-Allow-Origin": {
                "required": True,
                "schema": {"type": "string", "enum": ["*"]},
                "description": _("Elke website mag de gegevens gebruiken."),
            }
        },
        "content": {"application/json": {"schema": schema}},
    }


def _operatie(operatie_id, samenvatting, schema, parameters=(), met_id=False) -> dict:
    antwoorden = {"200": _antwoord(schema, samenvatting)}
    if parameters or met_id:
        antwoorden["400"] = _antwoord(
            _ref("error"), _("Een parameter heeft een waarde die niet kan.")
        )
    if met_id:
        antwoorden["404"] = _antwoord(_ref("error"), _("Geen gepubliceerd item met deze id."))
    operatie = {
        "operationId": operatie_id,
        "summary": samenvatting,
        "parameters": [{"$ref": f"#/components/parameters/{p}"} for p in parameters],
        "responses": antwoorden,
    }
    if met_id:
        operatie["parameters"].append(
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "format": "uuid"},
            }
        )
    return {"get": operatie}


def _paden() -> dict:
    lijst = ("search", "page", "per_page", "format")
    aanbod = ("taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "full")
    return {
        "/": _operatie("getAPIMetaInformation", _("Over deze API."), _ref("api_info")),
        "/openapi.json": _operatie("getOpenAPI", _("Dit document."), {"type": "object"}),
        "/sociale-kaart.csv": {
            "get": {
                "operationId": "getCSV",
                "summary": _(
                    "Alle gegevens als CSV-bestand voor Excel: een regel per aanbod per locatie, "
                    "gescheiden door puntkomma's, UTF-8."
                ),
                "responses": {
                    "200": _antwoord({"type": "string"}, _("Het CSV-bestand."))
                    | {"content": {"text/csv": {"schema": {"type": "string"}}}}
                },
            }
        },
        "/services": _operatie(
            "getPaginatedListOfServices",
            _("Het aanbod, per pagina."),
            _ref("page_service"),
            lijst + aanbod,
        ),
        "/services/{id}": _operatie(
            "getFullyNestedServiceById",
            _("Eén aanbod, met alles wat erbij hoort."),
            _ref("service_full"),
            met_id=True,
        ),
        "/organizations": _operatie(
            "getPaginatedListOfOrganizations",
            _("De organisaties, per pagina."),
            _ref("page_organization"),
            (*lijst, "full"),
        ),
        "/organizations/{id}": _operatie(
            "getOrganizationById",
            _("Eén organisatie, met haar locaties en aanbod."),
            _ref("organization_full"),
            met_id=True,
        ),
        "/taxonomies": _operatie(
            "getPaginatedListOfTaxonomies",
            _("De taxonomieën: thema's, doelgroepen en soorten organisaties."),
            _ref("page_taxonomy"),
            lijst,
        ),
        "/taxonomies/{id}": _operatie(
            "getTaxonomyById", _("Eén taxonomie."), _ref("taxonomy"), met_id=True
        ),
        "/taxonomy_terms": _operatie(
            "getPaginatedListOfTaxonomyTerms",
            _("De termen van de taxonomieën, per pagina."),
            _ref("page_taxonomy_term"),
            (*lijst, "taxonomy_id_terms", "parent_id", "top_only"),
        ),
        "/taxonomy_terms/{id}": _operatie(
            "getTaxonomyTermById", _("Eén term."), _ref("taxonomy_term"), met_id=True
        ),
        "/service_at_locations": _operatie(
            "getPaginatedListOfServiceAtLocation",
            _("Aanbod per locatie, per pagina; ook in de buurt van een postcode."),
            _ref("page_service_at_location"),
            (*lijst, *aanbod, "postcode", "proximity"),
        ),
        "/service_at_locations/{id}": _operatie(
            "getServiceAtLocationById",
            _("Eén aanbod op één locatie."),
            _ref("service_at_location_full"),
            met_id=True,
        ),
    }


def document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": _("Sociale kaart: open data (HSDS 3.0)"),
            "version": "1.0.0",
            "description": _(
                "De gepubliceerde organisaties van de sociale kaart, hun aanbod en locaties, in "
                "het formaat van Open Referral HSDS 3.0. Alleen lezen; elk antwoord mag door "
                "elke website worden gebruikt (CORS). Parameters die de API niet kent, worden "
                "genegeerd; een lege parameter telt als niet gegeven. Een fout geeft een 400 of "
                "404 met een uitleg in 'detail'. "
                "Alle gegevens als één CSV-bestand: %(csv)s"
            )
            % {"csv": hsds.site_url(reverse("open_data:csv"))},
        },
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "servers": [{"url": hsds.site_url(reverse("open_data:index").rstrip("/"))}],
        "paths": _paden(),
        "components": {"schemas": _schemas(), "parameters": _parameters()},
    }
