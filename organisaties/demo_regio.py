"""The demo's neighbours: two other gemeenten's feeds, built here as HSDS 3 JSON.

The demo has no neighbour to ask over the internet, so each gemeente's organisations (from
demodata.REGIO) are written as the services its HSDS API would serve, and handed to the same
import as a real feed (federatie.importeer): what the demo shows of the region is exactly what
a real feed would bring. Their Regiobron is marked ``is_demo`` with an address that does not
exist (``.invalid``), so the periodic task leaves it alone.
"""

import uuid

from django.utils.text import slugify

from organisaties import federatie
from organisaties.api.hsds import DAGEN
from organisaties.models import Aanbod, Doelgroep, Regiobron, Soort, Thema

KOSTEN = dict(Aanbod.Kosten.choices)


def laad(per_gemeente: dict[str, list[dict]]) -> None:
    namen = {
        model: dict(model.objects.values_list("slug", "naam"))
        for model in (Thema, Doelgroep, Soort)
    }
    for gemeente, organisaties in per_gemeente.items():
        bron, _ = Regiobron.objects.update_or_create(
            url=f"https://{slugify(gemeente)}.demo.invalid/api/v1/",
            defaults={"naam": gemeente, "is_demo": True},
        )
        feed = [dienst for data in organisaties for dienst in diensten(gemeente, data, namen)]
        federatie.importeer(bron, [feed], volledig=True)


def _id(*delen) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "https://demo.invalid/" + "/".join(delen)))


def _term(model, slug, namen, link_id, entiteit):
    term_id = _id("term", model.__name__, slug)
    return {
        "id": _id("kenmerk", link_id, term_id),
        "link_id": link_id,
        "link_entity": entiteit,
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": slug,
            "name": namen[model][slug],
            "description": "",
        },
    }


def diensten(gemeente: str, data: dict, namen: dict) -> list[dict]:
    """The services of one organisation of demodata.ORGANISATIES, as /services?full=true
    would give them."""
    org_id = _id(gemeente, data["slug"])
    organisatie = {"id": org_id, "name": data["naam"], "description": data["omschrijving"]}
    if data["email"]:
        organisatie["email"] = data["email"]
    if data["website"]:
        organisatie["website"] = data["website"]
    org_kenmerken = [
        _term(Soort, data["soort"], namen, org_id, "organization"),
        *(_term(Thema, slug, namen, org_id, "organization") for slug in data["themas"]),
    ]
    locaties = [_locatie(gemeente, data, org_id, loc) for loc in data["locaties"]]
    uitkomst = []
    for nummer, (naam, omschrijving, themas, doelgroepen, kosten, toelichting, hoe) in enumerate(
        data["aanbod"]
    ):
        dienst_id = _id(gemeente, data["slug"], "aanbod", str(nummer))
        uitkomst.append(
            {
                "id": dienst_id,
                "organization_id": org_id,
                "name": naam,
                "description": omschrijving,
                "status": "active",
                "fees_description": f"{KOSTEN[kosten]}: {toelichting}"
                if toelichting
                else str(KOSTEN[kosten]),
                "application_process": hoe,
                "organization": organisatie,
                "phones": [{"id": _id(org_id, "telefoon"), "number": data["telefoon"]}]
                if data["telefoon"]
                else [],
                "attributes": [
                    *(_term(Thema, slug, namen, dienst_id, "service") for slug in themas),
                    *(_term(Doelgroep, slug, namen, dienst_id, "service") for slug in doelgroepen),
                    *org_kenmerken,
                ],
                "service_at_locations": [
                    {
                        "id": _id(dienst_id, locatie["id"]),
                        "service_id": dienst_id,
                        "location_id": locatie["id"],
                        "location": locatie,
                    }
                    for locatie in locaties
                ],
            }
        )
    return uitkomst


def _locatie(gemeente, data, org_id, loc):
    naam, adres, postcode, plaats, lat, lon, _wijk, rolstoel, toegang, tijden = loc
    loc_id = _id(gemeente, data["slug"], "locatie", naam or adres)
    toegankelijkheid = {"id": _id(loc_id, "toegankelijkheid")}
    if toegang:
        toegankelijkheid["description"] = toegang
    if rolstoel:
        toegankelijkheid["details"] = "Zonder hulp bereikbaar met een rolstoel."
    return {
        "id": loc_id,
        "location_type": "physical",
        "organization_id": org_id,
        "name": naam or adres,
        "latitude": lat,
        "longitude": lon,
        "addresses": [
            {
                "id": _id(loc_id, "adres"),
                "location_id": loc_id,
                "address_1": adres,
                "city": plaats,
                "state_province": "",
                "postal_code": postcode,
                "country": "NL",
                "address_type": "physical",
            }
        ],
        "accessibility": [toegankelijkheid] if len(toegankelijkheid) > 1 else [],
        "schedules": [
            {
                "id": _id(loc_id, "tijd", str(dag), van),
                "location_id": loc_id,
                "freq": "WEEKLY",
                "wkst": "MO",
                "byday": DAGEN[dag],
                "opens_at": van,
                "closes_at": tot,
                **({"description": opmerking} if opmerking else {}),
            }
            for dag, van, tot, opmerking in tijden
        ],
    }
