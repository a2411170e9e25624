"""Is an object from a neighbour's feed an HSDS 3 service we can use?

Two steps: the HSDS JSON schemas the project ships (organisaties/api/hsds/schema, the same
files our own API is tested against), then the few things the import itself needs that HSDS
leaves optional (an organisation with a name). Every refusal is one Dutch sentence for the
admin; the item is skipped and the run goes on.
"""

import functools
import json
import re
import uuid

import fastjsonschema
from django.utils.translation import gettext as _

from organisaties.api.openapi import SCHEMA_MAP

# The import checks the format of ids only, as the API tests do: a neighbour's e-mail address or
# website that a strict checker would refuse is still worth showing.
UUID = re.compile(r"^[0-9a-fA-F]{8}-?([0-9a-fA-F]{4}-?){3}[0-9a-fA-F]{12}$")
FORMATEN = {
    "uuid": lambda waarde: bool(UUID.match(waarde)),
    **{naam: lambda waarde: True for naam in ("csv", "datetime", "date-time", "email", "uri")},
}


class Ongeldig(Exception):
    """The item is refused; ``str()`` says why, in Dutch."""


BASIS = "https://hsds.invalid/schema/"


def _schema(naam: str) -> dict:
    return json.loads((SCHEMA_MAP / naam).read_text(encoding="utf-8"))


def _laad_verwijzing(uri: str) -> dict:
    """A ``$ref`` between the HSDS files (they refer to each other by file name)."""
    if not uri.startswith(BASIS):
        raise ValueError(uri)
    return _schema(uri.removeprefix(BASIS))


@functools.cache
def _validators():
    """The service and location schemas compiled to Python functions once per process (a
    fraction of a second, about 25 MB); each check then costs about 0.2 ms instead of 4 ms with
    jsonschema. Each referenced file becomes one function, not a copy per reference."""

    def validator(naam):
        return fastjsonschema.compile(
            {"$ref": BASIS + naam}, handlers={"https": _laad_verwijzing}, formats=FORMATEN
        )

    return validator("compiled/service_list.json"), validator("location.json")


def _schemafout(validator, data, wat: str):
    try:
        validator(data)
    except fastjsonschema.JsonSchemaValueException as fout:
        pad = "/".join(str(p) for p in fout.path[1:]) or "-"
        raise Ongeldig(
            _("%(wat)s past niet bij HSDS 3 (%(pad)s: %(melding)s).")
            % {"wat": wat, "pad": pad, "melding": fout.message[:200]}
        ) from None


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
