"""The query parameters of the API, read and checked in one place.

Every value a client sends is hostile until checked here: a bad one raises ``Ongeldig`` with
a Dutch message naming the parameter, which the views answer with a 400 in JSON. An empty
value counts as absent (a form sends ``?search=``). Parameters the API does not know are
ignored, as HTTP APIs do, so that a cache-busting ``?_=123`` does no harm. The bounds are
declared here and the OpenAPI document (openapi.py) copies them, so the two always agree.
"""

import datetime
import re
import uuid
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from organisaties.validatie import normaliseer_postcode
from organisaties.zoeken import MAX_ZOEKLENGTE

MAX_PAGINA = 1_000_000
STANDAARD_PER_PAGINA = 50
MAX_PER_PAGINA = 200
MAX_NABIJHEID_METER = 100_000
# A PC4 (3142) or PC6 (3142 AB, 3142AB) postcode, as in OpenAPI's pattern.
POSTCODE_PATROON = r"^[1-9][0-9]{3} ?([A-Za-z]{2})?$"
_POSTCODE = re.compile(POSTCODE_PATROON)
_GETAL = re.compile(r"[0-9]{1,9}")


class Ongeldig(Exception):
    """A parameter with a value the API cannot use; ``melding`` is Dutch, for the client."""

    def __init__(self, parameter: str, melding: str):
        super().__init__(melding)
        self.parameter = parameter
        self.melding = melding


def _waarde(request, naam: str) -> str:
    return request.GET.get(naam, "").strip()


def geheel_getal(request, naam: str, standaard: int, minimum: int, maximum: int) -> int:
    waarde = _waarde(request, naam)
    if not waarde:
        return standaard
    if not _GETAL.fullmatch(waarde) or not minimum <= int(waarde) <= maximum:
        raise Ongeldig(
            naam,
            _("%(naam)s moet een geheel getal van %(min)s tot en met %(max)s zijn.")
            % {"naam": naam, "min": minimum, "max": maximum},
        )
    return int(waarde)


@dataclass(frozen=True)
class Paginering:
    pagina: int
    per_pagina: int

    @property
    def begin(self) -> int:
        return (self.pagina - 1) * self.per_pagina


def paginering(request) -> Paginering:
    return Paginering(
        pagina=geheel_getal(request, "page", 1, 1, MAX_PAGINA),
        per_pagina=geheel_getal(request, "per_page", STANDAARD_PER_PAGINA, 1, MAX_PER_PAGINA),
    )


def als_uuid(parameter: str, waarde: str) -> uuid.UUID:
    """A UUID in its usual spelling (36 characters with hyphens, any case)."""
    if len(waarde) != 36:
        raise Ongeldig(parameter, _ongeldige_id(parameter))
    try:
        return uuid.UUID(waarde)
    except ValueError:
        raise Ongeldig(parameter, _ongeldige_id(parameter)) from None


def _ongeldige_id(parameter: str) -> str:
    return _(
        "%(naam)s is geen geldige id. Een id ziet er zo uit: 3fa85f64-5717-4562-b3fc-2c963f66afa6."
    ) % {"naam": parameter}


def uuid_parameter(request, naam: str) -> uuid.UUID | None:
    waarde = _waarde(request, naam)
    return als_uuid(naam, waarde) if waarde else None


def datum_tijd(request, naam: str) -> datetime.datetime | None:
    """An ISO 8601 date-time (2024-05-01T09:30:00+02:00) or date; without an offset it is
    local time (Europe/Amsterdam)."""
    waarde = _waarde(request, naam)
    if not waarde:
        return None
    try:
        if len(waarde) == 10:
            moment = datetime.datetime.combine(datetime.date.fromisoformat(waarde), datetime.time())
        else:
            moment = datetime.datetime.fromisoformat(waarde)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        # In UTC: PostgreSQL refuses offsets beyond 15:59 that Python accepts, and a year
        # at the edge of the calendar fails here instead of in the database.
        moment = moment.astimezone(datetime.UTC)
    except (ValueError, OverflowError):
        raise Ongeldig(
            naam,
            _(
                "%(naam)s moet een datum en tijd zijn zoals 2024-05-01T09:30:00+02:00, "
                "of een datum zoals 2024-05-01."
            )
            % {"naam": naam},
        ) from None
    return moment


def ja_nee(request, naam: str) -> bool:
    waarde = _waarde(request, naam).lower()
    if waarde in ("", "false"):
        return False
    if waarde == "true":
        return True
    raise Ongeldig(naam, _("%(naam)s moet true of false zijn.") % {"naam": naam})


def formaat(request) -> None:
    """Only JSON: a client asking for ndjson learns so instead of getting something else."""
    waarde = _waarde(request, "format")
    if waarde and waarde != "json":
        raise Ongeldig("format", _("Deze API geeft alleen json (format=json)."))


def zoektekst(request) -> str:
    # NUL cannot reach PostgreSQL; longer texts are cut like the site's search box does.
    return _waarde(request, "search").replace("\x00", "")[:MAX_ZOEKLENGTE]


def postcode(request) -> str | None:
    """A postcode as stored on locations: '3142' (PC4) or '3142 AB' (PC6)."""
    waarde = _waarde(request, "postcode")
    if not waarde:
        return None
    if not _POSTCODE.fullmatch(waarde):
        raise Ongeldig(
            "postcode",
            _(
                "Vul een postcode in zoals 3142 of 3142 AB: vier cijfers, "
                "met of zonder twee letters."
            ),
        )
    return normaliseer_postcode(waarde) if len(waarde.replace(" ", "")) == 6 else waarde


def nabijheid(request) -> int | None:
    """Metres from the centre of ``postcode``; only together with a postcode."""
    if not _waarde(request, "proximity"):
        return None
    meters = geheel_getal(request, "proximity", 0, 1, MAX_NABIJHEID_METER)
    if not _waarde(request, "postcode"):
        raise Ongeldig(
            "proximity",
            _("proximity werkt alleen samen met postcode: de afstand is vanaf die postcode."),
        )
    return meters
