"""Is an object from a neighbour's feed an HSDS 3 service we can use?

Two steps: the HSDS JSON schemas the project ships (organisaties/api/hsds/schema, the same
files our own API is tested against), then the few things the import itself needs that HSDS
leaves optional (an organisation with a name). Every refusal is one Dutch sentence for the
admin; the item is skipped and the run goes on.
"""

import functools
import json
import uuid

from django.utils.translation import gettext as _
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from organisaties.api.openapi import SCHEMA_MAP

BASIS = "https://hsds.invalid/schema/"
FORMATEN = FormatChecker(formats=["uuid"])


class Ongeldig(Exception):
    """The item is refused; ``str()`` says why, in Dutch."""


@functools.cache
def _validators():
    register = Registry()
    for bestand in [*SCHEMA_MAP.glob("*.json"), *SCHEMA_MAP.glob("compiled/*.json")]:
        inhoud = json.loads(bestand.read_text(encoding="utf-8"))
        register = register.with_resource(
            BASIS + str(bestand.relative_to(SCHEMA_MAP)),
            Resource.from_contents(inhoud, default_specification=DRAFT202012),
        )

    def validator(naam):
        return Draft202012Validator(
            {"$ref": BASIS + naam}, registry=register, format_checker=FORMATEN
        )

    return validator("compiled/service_list.json"), validator("location.json")


def _schemafout(validator, data, wat: str):
    fout = next(iter(validator.iter_errors(data)), None)
    if fout is not None:
        pad = "/".join(str(p) for p in fout.absolute_path) or "-"
        raise Ongeldig(
            _("%(wat)s past niet bij HSDS 3 (%(pad)s: %(melding)s).")
            % {"wat": wat, "pad": pad, "melding": fout.message[:200]}
        )


def _uuid(waarde, wat: str) -> uuid.UUID:
    try:
        return uuid.UUID(str(waarde))
    except ValueError:
        raise Ongeldig(_("%(wat)s heeft geen geldige id.") % {"wat": wat}) from None


def _lijst(item: dict, sleutel: str) -> list:
    waarde = item.get(sleutel, [])
    if not isinstance(waarde, list):
        raise Ongeldig(_("'%(veld)s' is geen lijst.") % {"veld": sleutel})
    return waarde


def controleer_service(item) -> None:
    """Raise Ongeldig when ``item`` is not a service this site can import."""
    if not isinstance(item, dict):
        raise Ongeldig(_("Een item is geen JSON-object."))
    service, locatie = _validators()
    _schemafout(service, item, _("Aanbod %(id)s") % {"id": str(item.get("id", "?"))[:40]})
    _uuid(item["id"], _("Het aanbod"))
    organisatie = item.get("organization")
    if not isinstance(organisatie, dict) or not str(organisatie.get("name") or "").strip():
        raise Ongeldig(_("Aanbod %(id)s heeft geen organisatie met een naam.") % {"id": item["id"]})
    _uuid(organisatie.get("id") or item.get("organization_id"), _("De organisatie"))
    for kenmerk in _lijst(item, "attributes"):
        if not isinstance(kenmerk, dict):
            raise Ongeldig(_("Een kenmerk van aanbod %(id)s is geen object.") % {"id": item["id"]})
    for telefoon in _lijst(item, "phones"):
        if not isinstance(telefoon, dict):
            raise Ongeldig(_("Een telefoon van aanbod %(id)s is geen object.") % {"id": item["id"]})
    for sal in _lijst(item, "service_at_locations"):
        plek = sal.get("location") if isinstance(sal, dict) else None
        if not isinstance(plek, dict):
            raise Ongeldig(
                _("Een locatie van aanbod %(id)s ontbreekt of is geen object.") % {"id": item["id"]}
            )
        _schemafout(locatie, plek, _("Een locatie van aanbod %(id)s") % {"id": item["id"]})
        _uuid(plek.get("id"), _("Een locatie"))
