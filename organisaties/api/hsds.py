"""The directory as HSDS 3.0 objects: plain dicts, ready for JSON.

No function here queries the database. Each reads only what views.py fetched with its
``Prefetch``es, so that a page of 200 costs the same number of queries as a page of 1.
Optional fields are left out when empty (HSDS has no null); which fields each object always
has is declared in openapi.py, and the tests check every answer against both that document
and the HSDS schemas.

Ids. Organisations, aanbod, locations and terms carry a stored random UUID
(``models.hsds_id``). Objects without a row of their own get an id derived from their
parent with uuid5, so it stays the same for as long as the parent does: an address, a phone,
the opening hours. A service at a location (aanbod x locatie, a row of a link table) joins
the first half of the aanbod's id to the second half of the location's: the same for the same
pair, and found again with one indexed range query on the aanbod (``sal_zoekbereik``). The
three taxonomies (thema's, doelgroepen, soorten) are this installation's own: their ids
derive from SITE_URL.

Times of opening hours are local time in the Netherlands (Europe/Amsterdam), without an offset:
an offset would be wrong for half of the year.
"""

import datetime
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from organisaties.models import Doelgroep, Soort, Thema

HSDS_VERSIE = "3.0"
# The specification this API follows, without a profile of its own.
HSDS_PROFIEL = "https://github.com/openreferral/specification/tree/3.0"
TAAL = "nl"
LAND = "NL"
DAGEN = {1: "MO", 2: "TU", 3: "WE", 4: "TH", 5: "FR", 6: "SA", 7: "SU"}


def site_url(pad: str = "") -> str:
    return settings.SITE_URL.rstrip("/") + pad


def _afgeleid(ouder: uuid.UUID, naam: str) -> str:
    return str(uuid.uuid5(ouder, naam))


def _object(verplicht: dict, **optioneel) -> dict:
    """The required fields, then the optional ones that have a value: HSDS has no null."""
    return verplicht | {naam: w for naam, w in optioneel.items() if w not in (None, "")}


def moment(waarde: datetime.datetime) -> str:
    """UTC with milliseconds, as HSDS' examples write it: 2023-03-15T10:30:45.123Z."""
    utc = waarde.astimezone(datetime.UTC)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


# --- Taxonomies -------------------------------------------------------------------------------


@dataclass(frozen=True)
class HsdsTaxonomie:
    """One of the directory's three published taxonomies. Wijken are not one: they say where,
    not what kind of help; HSDS would carry them as service areas."""

    sleutel: str
    model: type
    naam: Promise
    omschrijving: Promise
    # The attribute of taxonomie.AlleTermen with its terms, and Aanbod's relation to them.
    termen: str

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, site_url(f"/api/v1/taxonomies/{self.sleutel}"))


TAXONOMIEEN = (
    HsdsTaxonomie(
        "thema",
        Thema,
        _("Thema's"),
        _("Onderwerpen waarbij inwoners hulp zoeken, zoals geld of wonen."),
        "themas",
    ),
    HsdsTaxonomie(
        "doelgroep",
        Doelgroep,
        _("Doelgroepen"),
        _("Voor wie het aanbod is, zoals jongeren of mantelzorgers."),
        "doelgroepen",
    ),
    HsdsTaxonomie(
        "soort",
        Soort,
        _("Soorten organisaties"),
        _("Wat voor organisatie het is, zoals wijkteam of vrijwilligersorganisatie."),
        "soorten",
    ),
)
TAXONOMIE_VAN_MODEL = {t.model: t for t in TAXONOMIEEN}


def taxonomie(tax: HsdsTaxonomie) -> dict:
    return {"id": str(tax.id), "name": str(tax.naam), "description": str(tax.omschrijving)}


def term(t) -> dict:
    tax = TAXONOMIE_VAN_MODEL[type(t)]
    return _object(
        {
            "id": str(t.uuid),
            "code": t.slug,
            "name": t.naam,
            "description": t.omschrijving,
            "taxonomy_id": str(tax.id),
            "taxonomy_detail": taxonomie(tax),
            "language": TAAL,
        },
        term_uri=site_url(t.get_absolute_url()) if isinstance(t, Thema) else None,
    )


def kenmerk(link_id: uuid.UUID, link_entity: str, t) -> dict:
    """An HSDS attribute: the term ``t`` attached to a service or an organisation."""
    return {
        "id": _afgeleid(link_id, f"kenmerk:{t.uuid}"),
        "link_id": str(link_id),
        "link_entity": link_entity,
        "taxonomy_term_id": str(t.uuid),
        "taxonomy_term": term(t),
    }


def organisatie_kenmerken(o) -> list[dict]:
    """The organisation's soort and themes (``themas`` prefetched)."""
    return [kenmerk(o.uuid, "organization", t) for t in [o.soort, *o.themas.all()]]


# --- Organisations ----------------------------------------------------------------------------


def organisatie(o) -> dict:
    return _object(
        {"id": str(o.uuid), "name": o.naam, "description": o.omschrijving},
        email=o.email,
        website=o.website_link,
    )


def telefoons(o) -> list[dict]:
    if not o.telefoon:
        return []
    return [
        {
            "id": _afgeleid(o.uuid, "telefoon"),
            "organization_id": str(o.uuid),
            "number": o.telefoon,
            "type": "voice",
        }
    ]


def organisatie_volledig(o) -> dict:
    """With ``soort``, ``themas``, ``locaties`` (as for locatie_volledig) and ``aanbod`` (as
    for aanbod) loaded."""
    return organisatie(o) | {
        "phones": telefoons(o),
        "locations": [locatie_volledig(loc) for loc in o.locaties.all()],
        "attributes": organisatie_kenmerken(o),
        "services": [aanbod(a, o, met_organisatie=False) for a in o.aanbod.all()],
    }


# --- Services (aanbod) ------------------------------------------------------------------------


def kosten(a) -> str:
    tekst = str(a.get_kosten_display())
    return f"{tekst}: {a.kosten_toelichting}" if a.kosten_toelichting else tekst


def aanbod(a, o, met_organisatie: bool = True) -> dict:
    """A service with its one-to-one fields; ``o`` is its organisation, ``doelgroepen``
    prefetched."""
    velden = _object(
        {
            "id": str(a.uuid),
            "organization_id": str(o.uuid),
            "name": a.naam,
            "description": a.omschrijving,
            "status": "active",
            "fees_description": kosten(a),
            "last_modified": moment(o.gewijzigd),
        },
        email=o.email,
        eligibility_description=", ".join(d.naam for d in a.doelgroepen.all()),
        application_process=a.hoe_aanmelden,
        assured_date=o.laatst_geverifieerd.isoformat() if o.laatst_geverifieerd else None,
    )
    if met_organisatie:
        velden["organization"] = organisatie(o)
    return velden


def aanbod_volledig(a, o) -> dict:
    """Also with its terms, phone and places; ``themas`` and ``locaties`` (as for
    locatie_volledig) prefetched, and ``o`` as for organisatie_kenmerken."""
    return aanbod(a, o) | {
        "phones": telefoons(o),
        "attributes": [
            *(kenmerk(a.uuid, "service", t) for t in [*a.themas.all(), *a.doelgroepen.all()]),
            *organisatie_kenmerken(o),
        ],
        "service_at_locations": [
            {
                "id": str(sal_id(a, loc)),
                "service_id": str(a.uuid),
                "location_id": str(loc.uuid),
                "location": locatie_volledig(loc),
            }
            for loc in a.locaties.all()
        ],
    }


# --- Locations --------------------------------------------------------------------------------


def locatie(loc) -> dict:
    """With ``organisatie`` loaded."""
    return _object(
        {
            "id": str(loc.uuid),
            "location_type": "physical",
            "organization_id": str(loc.organisatie.uuid),
            "name": loc.naam or loc.adres,
        },
        latitude=float(loc.latitude) if loc.latitude is not None else None,
        longitude=float(loc.longitude) if loc.longitude is not None else None,
    )


def locatie_volledig(loc) -> dict:
    """With ``organisatie`` and ``openingstijden`` loaded."""
    toegankelijkheid = _object(
        {},
        description=loc.toegankelijkheid,
        details=gettext("Zonder hulp bereikbaar met een rolstoel.")
        if loc.rolstoeltoegankelijk
        else None,
    )
    return locatie(loc) | {
        "addresses": [
            {
                "id": _afgeleid(loc.uuid, "adres"),
                "location_id": str(loc.uuid),
                "address_1": loc.adres,
                "city": loc.plaats,
                # Required by HSDS; the directory does not record provinces.
                "state_province": "",
                "postal_code": loc.postcode,
                "country": LAND,
                "address_type": "physical",
            }
        ],
        "accessibility": [
            {
                "id": _afgeleid(loc.uuid, "toegankelijkheid"),
                "location_id": str(loc.uuid),
                **toegankelijkheid,
            }
        ]
        if toegankelijkheid
        else [],
        "schedules": [schema(loc, tijd) for tijd in loc.openingstijden.all()],
    }


def schema(loc, tijd) -> dict:
    """One Openingstijd as a weekly HSDS schedule (RFC 5545 terms)."""
    return _object(
        {
            "id": _afgeleid(loc.uuid, f"openingstijd:{tijd.pk}"),
            "location_id": str(loc.uuid),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": DAGEN[tijd.dag],
            "opens_at": tijd.van.strftime("%H:%M"),
            "closes_at": tijd.tot.strftime("%H:%M"),
        },
        description=tijd.opmerking,
    )


# --- Services at locations --------------------------------------------------------------------


def sal_id(a, locatie) -> uuid.UUID:
    """The id of aanbod ``a`` at ``locatie``: the first 8 bytes of the one, the last 8 of
    the other (which keep the UUID version and variant bits of a random UUID)."""
    return uuid.UUID(bytes=a.uuid.bytes[:8] + locatie.uuid.bytes[8:])


def sal_zoekbereik(sal: uuid.UUID) -> tuple[uuid.UUID, uuid.UUID]:
    """The range of aanbod ids that ``sal`` can belong to."""
    begin = sal.bytes[:8]
    return uuid.UUID(bytes=begin + bytes(8)), uuid.UUID(bytes=begin + b"\xff" * 8)


def hoort_bij(sal: uuid.UUID, locatie) -> bool:
    return locatie.uuid.bytes[8:] == sal.bytes[8:]


def aanbod_op_locatie(a, loc, volledig: bool = False) -> dict:
    return {
        "id": str(sal_id(a, loc)),
        "service_id": str(a.uuid),
        "location_id": str(loc.uuid),
        "location": locatie_volledig(loc) if volledig else locatie(loc),
        "service": aanbod(a, a.organisatie),
    }


# --- The API itself ---------------------------------------------------------------------------


def pagina(inhoud: list, totaal: int, pagina_nummer: int, per_pagina: int) -> dict:
    """HSDS' Page: the counts, then ``contents``."""
    paginas = -(-totaal // per_pagina)
    return {
        "total_items": totaal,
        "total_pages": paginas,
        "page_number": pagina_nummer,
        "size": len(inhoud),
        "first_page": pagina_nummer == 1,
        "last_page": pagina_nummer >= paginas,
        "empty": not inhoud,
        "contents": inhoud,
    }


def fout(status: int, melding: str, parameter: str | None = None) -> dict:
    return _object({"status": status, "detail": str(melding)}, parameter=parameter)
