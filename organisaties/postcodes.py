"""From a postcode to a place on the map: the one way the site does it.

Distance search on the list and the API's ``proximity`` both start here. A postcode is looked up
in the postcode table (organisaties.models.Postcode), which staff fill with open data (the
centres of PC4 and PC6 areas from CBS or PDOK, ``importeer``) and the demo data fills for the
demo gemeente. A web request never asks PDOK: a PC6 the table does not know is measured from
the centre of its PC4 area, and a background task (organisaties.tasks.zoek_postcode_op) asks
the PDOK Locatieserver for it and stores the answer for the next visitor. A postcode PDOK does
not know either is remembered for a day, so that it is not asked again at every visit.
"""

import csv
import enum
import io
import json
import re
import time
import urllib.parse
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from netwerk.inhoudsversie import inhoud_gewijzigd
from organisaties.geocoderen import NEDERLAND, GeocodeerFout, _haal_op
from organisaties.models import Postcode

# The task in organisaties/tasks.py, deferred by name: tasks.py imports this module.
TAAK = "organisaties.tasks.zoek_postcode_op"
WACHTRIJ = "geocoderen"
ONBEKEND_BEWAARTIJD = 24 * 3600
# Lookups queued per hour, site-wide: visitors who type random postcodes cannot flood the
# queue or PDOK. A postcode beyond the cap stays unknown until a later visit.
MAX_OPZOEKEN_PER_UUR = 300
# PDOK answers at most this many PC6 areas for a PC4; their mean is the PC4's centre.
PC6_PER_PC4 = 200

POSTCODE_FOUT = gettext_lazy(
    "Vul een postcode in zoals 3142 of 3142 AB: vier cijfers, met of zonder twee letters."
)
_POSTCODE = re.compile(r"([1-9][0-9]{3})([A-Z]{2})?")
_PUNT = re.compile(r"\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*", re.I)
_ZES_DECIMALEN = Decimal("0.000001")


def normaliseer(waarde: str) -> str | None:
    """'3142', '3142AB', '3142 ab' -> '3142' or '3142AB'; None when it is no postcode."""
    compact = re.sub(r"\s+", "", waarde or "").upper()
    return compact if _POSTCODE.fullmatch(compact) else None


def leesbaar(code: str) -> str:
    """'3142AB' -> '3142 AB', as residents write it."""
    return f"{code[:4]} {code[4:]}" if len(code) == 6 else code


class Uitkomst(enum.Enum):
    GEVONDEN = "gevonden"
    PC4_MIDDEN = "pc4"  # a PC6 we do not know yet, measured from its PC4 area
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Plek:
    """Where a distance search starts; ``postcode`` is the area whose centre is used."""

    uitkomst: Uitkomst
    gevraagd: str
    postcode: str = ""
    latitude: float = 0.0
    longitude: float = 0.0

    @property
    def gevonden(self) -> bool:
        return self.uitkomst != Uitkomst.ONBEKEND


def zoek_plek(code: str) -> Plek:
    """The centre for a normalised postcode, from the table only (one query).

    An unknown postcode is queued for a lookup at PDOK; until it is stored, a PC6 is measured
    from its PC4 area if that is known.
    """
    codes = [code] if len(code) == 4 else [code, code[:4]]
    bekend = {
        p.postcode: p
        for p in Postcode.objects.filter(postcode__in=codes).only(
            "postcode", "latitude", "longitude"
        )
    }
    if code in bekend:
        return _plek(Uitkomst.GEVONDEN, code, bekend[code])
    plan_opzoeken(code)
    if code[:4] in bekend:
        return _plek(Uitkomst.PC4_MIDDEN, code, bekend[code[:4]])
    return Plek(Uitkomst.ONBEKEND, code)


def _plek(uitkomst, code, rij):
    return Plek(uitkomst, code, rij.postcode, float(rij.latitude), float(rij.longitude))


# --- Asking PDOK, in the background -----------------------------------------------------------


def _onbekend_sleutel(code):
    return f"postcode:onbekend:{code}"


def plan_opzoeken(code: str) -> bool:
    """Queue one lookup of the postcode at PDOK, unless one waits or PDOK did not know it
    today. Returns whether a lookup was queued."""
    if cache.get(_onbekend_sleutel(code)) or _boven_het_maximum():
        return False
    try:
        with transaction.atomic():  # a refused duplicate must not abort the caller's transaction
            app.configure_task(TAAK, queue=WACHTRIJ, queueing_lock=f"postcode-{code}").defer(
                postcode=code
            )
    except AlreadyEnqueued:
        return False
    return True


def _boven_het_maximum() -> bool:
    sleutel = f"postcode:opzoeken:{int(time.time() // 3600)}"
    if cache.add(sleutel, 1, timeout=3600):
        return False
    try:
        return cache.incr(sleutel) > MAX_OPZOEKEN_PER_UUR
    except ValueError:  # expired between add and incr
        return False


def zoekvraag(code: str) -> str:
    """The URL that asks PDOK for the PC6 area, or for the PC6 areas of a PC4."""
    parameters = {
        "q": f"postcode:{code}" if len(code) == 6 else f"postcode:{code}*",
        "fq": "type:postcode",
        "rows": "1" if len(code) == 6 else str(PC6_PER_PC4),
        "fl": "postcode,centroide_ll,type",
    }
    return f"{settings.PDOK_LOCATIESERVER_URL}?{urllib.parse.urlencode(parameters)}"


def lees_antwoord(inhoud: bytes, code: str) -> tuple[Decimal, Decimal]:
    """The centre of the postcode from PDOK's answer: the point of the PC6, or the mean of the
    PC6 areas of a PC4. GeocodeerFout when the answer holds no usable point."""
    try:
        documenten = json.loads(inhoud)["response"]["docs"]
        if not isinstance(documenten, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise GeocodeerFout(_("PDOK gaf een antwoord dat de site niet kan lezen.")) from None
    punten = []
    for document in documenten:
        if not isinstance(document, dict):
            continue
        gevonden = normaliseer(str(document.get("postcode") or ""))
        if gevonden is None or not gevonden.startswith(code):
            continue
        punt = _PUNT.fullmatch(str(document.get("centroide_ll") or ""))
        if not punt:
            continue
        try:
            longitude, latitude = (Decimal(getal) for getal in punt.groups())
        except InvalidOperation:
            continue
        (lat_min, lat_max), (lon_min, lon_max) = NEDERLAND["lat"], NEDERLAND["lon"]
        if lat_min <= latitude <= lat_max and lon_min <= longitude <= lon_max:
            punten.append((latitude, longitude))
    if not punten:
        raise GeocodeerFout(_("PDOK kent deze postcode niet."))
    latitude = sum(p[0] for p in punten) / len(punten)
    longitude = sum(p[1] for p in punten) / len(punten)
    return latitude.quantize(_ZES_DECIMALEN), longitude.quantize(_ZES_DECIMALEN)


def zoek_op_bij_pdok(code: str) -> bool:
    """Ask PDOK for the postcode and store its centre (run by the worker).

    True when stored; on any failure (unknown, error, timeout, garbage) the postcode is
    remembered as unknown for a day and nothing is stored.
    """
    code = normaliseer(code)
    if code is None:
        return False
    if Postcode.objects.filter(postcode=code).exists():
        return True
    try:
        latitude, longitude = lees_antwoord(_haal_op(zoekvraag(code)), code)
    except GeocodeerFout:
        cache.set(_onbekend_sleutel(code), True, ONBEKEND_BEWAARTIJD)
        return False
    Postcode.objects.update_or_create(
        postcode=code,
        defaults={"latitude": latitude, "longitude": longitude, "bron": Postcode.Bron.PDOK},
    )
    return True


# --- Import of open data ----------------------------------------------------------------------

BATCH = 5000
MAX_FOUTEN = 100  # reported one by one; the rest only counted


@dataclass
class Verslag:
    opgeslagen: int = 0
    fouten: list = None  # [(line number, Dutch message)]
    aantal_fouten: int = 0

    def __post_init__(self):
        self.fouten = self.fouten or []

    def fout(self, regel, melding):
        self.aantal_fouten += 1
        if len(self.fouten) < MAX_FOUTEN:
            self.fouten.append((regel, melding))

    def samenvatting(self) -> str:
        tekst = _("%(aantal)s postcodes opgeslagen.") % {"aantal": self.opgeslagen}
        if self.aantal_fouten:
            tekst += " " + _("%(aantal)s regels overgeslagen.") % {"aantal": self.aantal_fouten}
        return tekst


class ImportFout(Exception):
    """The file as a whole cannot be read; the message is Dutch."""


def _getal(waarde: str) -> Decimal:
    return Decimal(waarde.strip().replace(",", "."))


def importeer(tekst, bron=Postcode.Bron.IMPORT) -> Verslag:
    """Store the centres in a CSV text stream with the columns postcode, latitude, longitude.

    Read line by line and stored in batches, so that a file of every PC6 in the country
    (about 460,000 lines) never sits in memory at once. Known postcodes get the new centre.
    A bad line is skipped and reported with its line number; the good ones are stored.
    """
    eerste = tekst.readline()
    if not eerste.strip():
        raise ImportFout(_("Het bestand is leeg."))
    scheiding = ";" if eerste.count(";") > eerste.count(",") else ","
    kolommen = [
        k.strip().lower().lstrip("\ufeff") for k in next(csv.reader([eerste], delimiter=scheiding))
    ]
    ontbreekt = [k for k in ("postcode", "latitude", "longitude") if k not in kolommen]
    if ontbreekt:
        raise ImportFout(
            _(
                "De eerste regel moet de kolommen postcode, latitude en longitude noemen. "
                "Er ontbreekt: %(kolommen)s."
            )
            % {"kolommen": ", ".join(ontbreekt)}
        )
    plek = {k: kolommen.index(k) for k in ("postcode", "latitude", "longitude")}
    verslag = Verslag()
    batch = {}
    (lat_min, lat_max), (lon_min, lon_max) = NEDERLAND["lat"], NEDERLAND["lon"]
    for regel, rij in enumerate(csv.reader(tekst, delimiter=scheiding), start=2):
        if not any(veld.strip() for veld in rij):
            continue
        if len(rij) <= max(plek.values()):
            verslag.fout(regel, _("Er ontbreken kolommen."))
            continue
        code = normaliseer(rij[plek["postcode"]])
        if code is None:
            verslag.fout(
                regel, _("'%(waarde)s' is geen postcode.") % {"waarde": rij[plek["postcode"]][:20]}
            )
            continue
        try:
            latitude, longitude = _getal(rij[plek["latitude"]]), _getal(rij[plek["longitude"]])
            if not (latitude.is_finite() and longitude.is_finite()):
                raise InvalidOperation
        except InvalidOperation:
            verslag.fout(regel, _("Breedte- en lengtegraad moeten getallen zijn, zoals 51.917."))
            continue
        if not (lat_min <= latitude <= lat_max and lon_min <= longitude <= lon_max):
            verslag.fout(regel, _("Dit punt ligt niet in Nederland."))
            continue
        batch[code] = (latitude.quantize(_ZES_DECIMALEN), longitude.quantize(_ZES_DECIMALEN))
        if len(batch) >= BATCH:
            verslag.opgeslagen += _bewaar(batch, bron)
            batch = {}
    verslag.opgeslagen += _bewaar(batch, bron)
    if verslag.opgeslagen:
        # bulk_create sends no signals: cached distance searches may use an old centre.
        # One bump for the whole file.
        inhoud_gewijzigd()
    return verslag


def _bewaar(batch, bron) -> int:
    if batch:
        Postcode.objects.bulk_create(
            [
                Postcode(postcode=code, latitude=lat, longitude=lon, bron=bron)
                for code, (lat, lon) in batch.items()
            ],
            update_conflicts=True,
            unique_fields=["postcode"],
            update_fields=["latitude", "longitude", "bron", "bijgewerkt"],
        )
    return len(batch)


def als_tekst(bestand) -> io.TextIOBase:
    """A binary file (an upload, an opened file) as a text stream, UTF-8 with or without BOM."""
    return io.TextIOWrapper(bestand, encoding="utf-8-sig", errors="replace", newline="")
