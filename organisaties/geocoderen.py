"""Coordinates for locations, looked up from their address at the PDOK Locatieserver.

The map needs coordinates; staff type addresses. After a location is saved with a new address
(or without coordinates) a background task asks PDOK's free-text search for the address and
stores the point it answers. Web requests never wait for PDOK: saving only queues the task, in
the same transaction as the location, so a slow, failing or unreachable geocoder cannot slow
down or break a save. A failed lookup leaves the location without coordinates, status
"mislukt" with the reason in Dutch; it then shows in the redactie's work list, and a periodic
task tries again later, waiting longer after each attempt, up to GEOCODEREN_MAX_POGINGEN.

Coordinates typed by an editor are theirs (status "handmatig"): the geocoder never overwrites
them. Changing the address without typing new coordinates drops the old ones, which belonged
to the old address, and the new address is looked up.
"""

import datetime
import enum
import http.client
import json
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone
from django.utils.translation import gettext as _
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from organisaties.geschiedenis import met_reden
from organisaties.models import Geocodeerstatus, Locatie
from organisaties.validatie import normaliseer_postcode

# The task in organisaties/tasks.py, deferred by name: tasks.py imports this module.
TAAK = "organisaties.tasks.geocodeer_locatie"
WACHTRIJ = "geocoderen"

# An answer larger than this is no answer to one address.
MAX_ANTWOORD = 1_000_000
# The Netherlands, generously (Caribbean Netherlands is not on a gemeente's kaart).
NEDERLAND = {"lat": (Decimal("50.5"), Decimal("53.8")), "lon": (Decimal("3.0"), Decimal("7.5"))}
_PUNT = re.compile(r"\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*", re.I)
_ZES_DECIMALEN = Decimal("0.000001")

ADRESVELDEN = ("adres", "postcode", "plaats")


class Uitkomst(enum.Enum):
    GELUKT = "gelukt"
    MISLUKT = "mislukt"
    NIETS_TE_DOEN = "niets te doen"


class GeocodeerFout(Exception):
    """The lookup failed; the message (Dutch) tells staff why and what they can do."""


def wachttijd(pogingen: int) -> datetime.timedelta:
    """Wait after the n-th failed attempt: 15 minutes, 1 hour, 4 hours, then once a day."""
    return min(datetime.timedelta(minutes=15 * 4 ** max(pogingen - 1, 0)), datetime.timedelta(1))


# --- Asking PDOK ------------------------------------------------------------------------------


def zoekvraag(adres: str, postcode: str, plaats: str) -> str:
    """The URL that asks PDOK for the best matching address."""
    parameters = {
        "q": " ".join(deel.strip() for deel in (adres, postcode, plaats) if deel and deel.strip()),
        "fq": "type:adres",
        "rows": "1",
        "fl": "weergavenaam,centroide_ll,postcode,type",
    }
    return f"{settings.PDOK_LOCATIESERVER_URL}?{urllib.parse.urlencode(parameters)}"


def _haal_op(url: str) -> bytes:
    """The body of PDOK's answer, read within GEOCODEREN_TIMEOUT seconds in total."""
    timeout = settings.GEOCODEREN_TIMEOUT
    niet_op_tijd = GeocodeerFout(
        _("PDOK gaf niet op tijd antwoord (binnen %(seconden)s seconden).")
        % {"seconden": f"{timeout:g}"}
    )
    verzoek = urllib.request.Request(  # noqa: S310 - the URL is ours (settings), http(s) only
        url, headers={"Accept": "application/json", "User-Agent": "netwerk-sociale-kaart"}
    )
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:  # noqa: S310
            delen, grootte = [], 0
            while deel := antwoord.read(65536):
                grootte += len(deel)
                if grootte > MAX_ANTWOORD:
                    raise GeocodeerFout(_("PDOK gaf een onverwacht groot antwoord."))
                if time.monotonic() > deadline:
                    raise niet_op_tijd
                delen.append(deel)
            return b"".join(delen)
    except urllib.error.HTTPError as fout:
        raise GeocodeerFout(
            _("PDOK gaf een foutmelding (HTTP %(code)s).") % {"code": fout.code}
        ) from None
    except urllib.error.URLError as fout:
        if isinstance(fout.reason, TimeoutError | socket.timeout):
            raise niet_op_tijd from None
        raise GeocodeerFout(_("PDOK was niet bereikbaar.")) from None
    except TimeoutError:
        raise niet_op_tijd from None
    except (OSError, http.client.HTTPException):
        raise GeocodeerFout(_("De verbinding met PDOK werd onderbroken.")) from None


def lees_antwoord(inhoud: bytes, postcode: str) -> tuple[Decimal, Decimal]:
    """(latitude, longitude) from PDOK's answer; GeocodeerFout when it holds no usable point."""
    try:
        data = json.loads(inhoud)
        documenten = data["response"]["docs"]
        if not isinstance(documenten, list):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        raise GeocodeerFout(_("PDOK gaf een antwoord dat de site niet kan lezen.")) from None
    if not documenten or not isinstance(documenten[0], dict):
        raise GeocodeerFout(
            _(
                "PDOK kent dit adres niet. Kijk straat, huisnummer, postcode en plaats na, "
                "of vul de coördinaten zelf in."
            )
        )
    gevonden = documenten[0]
    gevonden_postcode = normaliseer_postcode(str(gevonden.get("postcode") or ""))
    if gevonden_postcode and gevonden_postcode != normaliseer_postcode(postcode):
        raise GeocodeerFout(
            _(
                "PDOK vond alleen %(adres)s, met een andere postcode. Kijk het adres na, "
                "of vul de coördinaten zelf in."
            )
            % {"adres": str(gevonden.get("weergavenaam") or gevonden_postcode)[:200]}
        )
    punt = _PUNT.fullmatch(str(gevonden.get("centroide_ll") or ""))
    if not punt:
        raise GeocodeerFout(_("PDOK gaf een antwoord zonder bruikbare coördinaten."))
    try:
        longitude, latitude = (Decimal(getal).quantize(_ZES_DECIMALEN) for getal in punt.groups())
    except InvalidOperation:
        raise GeocodeerFout(_("PDOK gaf een antwoord zonder bruikbare coördinaten.")) from None
    (lat_min, lat_max), (lon_min, lon_max) = NEDERLAND["lat"], NEDERLAND["lon"]
    if not (lat_min <= latitude <= lat_max and lon_min <= longitude <= lon_max):
        raise GeocodeerFout(_("Het punt dat PDOK gaf, ligt niet in Nederland."))
    return latitude, longitude


def zoek_coordinaten(adres: str, postcode: str, plaats: str) -> tuple[Decimal, Decimal]:
    """Ask PDOK for the address: (latitude, longitude), or GeocodeerFout with the reason."""
    return lees_antwoord(_haal_op(zoekvraag(adres, postcode, plaats)), postcode)


# --- The task's work --------------------------------------------------------------------------


def geocodeer(locatie_id: int) -> Uitkomst:
    """Look up the location's address and store the outcome (run by the worker)."""
    locatie = Locatie.objects.filter(pk=locatie_id).first()
    if locatie is None or not _moet_opgezocht(locatie):
        return Uitkomst.NIETS_TE_DOEN
    adres = _adres(locatie)
    try:
        latitude, longitude = zoek_coordinaten(*adres)
    except GeocodeerFout as fout:
        latitude = longitude = None
        reden = str(fout)
    with transaction.atomic():
        locatie = Locatie.objects.select_for_update().filter(pk=locatie_id).first()
        # Changed while PDOK answered: the save that changed it queued a lookup of its own.
        if locatie is None or not _moet_opgezocht(locatie) or _adres(locatie) != adres:
            return Uitkomst.NIETS_TE_DOEN
        nu = timezone.now()
        if latitude is None:
            Locatie.objects.filter(pk=locatie_id).update(
                latitude=None,
                longitude=None,
                geocodeer_status=Geocodeerstatus.MISLUKT,
                geocodeer_fout=reden[:500],
                geocodeer_pogingen=F("geocodeer_pogingen") + 1,
                geocodeer_poging_op=nu,
            )
            return Uitkomst.MISLUKT
        locatie.latitude, locatie.longitude = latitude, longitude
        locatie.geocodeer_status = Geocodeerstatus.GELUKT
        locatie.geocodeer_fout = ""
        locatie.geocodeer_pogingen += 1
        locatie.geocodeer_poging_op = nu
        locatie._door_geocoder = True
        # A save, not an update: the map's data and the history follow (signals).
        with met_reden(_("Coördinaten opgezocht bij PDOK")):
            locatie.save(
                update_fields=[
                    "latitude",
                    "longitude",
                    "geocodeer_status",
                    "geocodeer_fout",
                    "geocodeer_pogingen",
                    "geocodeer_poging_op",
                ]
            )
        return Uitkomst.GELUKT


def _moet_opgezocht(locatie) -> bool:
    if locatie.geocodeer_status == Geocodeerstatus.HANDMATIG:
        return False
    return locatie.latitude is None or locatie.longitude is None


def plan_geocoderen(locatie_id: int, wanneer=None) -> bool:
    """Queue a lookup of the location, once: a lookup already waiting is not queued twice.

    Call inside the transaction that saves the location, so that both or neither happen.
    Returns whether a lookup was queued.
    """
    try:
        with transaction.atomic():  # a refused duplicate must not abort the caller's transaction
            app.configure_task(
                TAAK,
                queue=WACHTRIJ,
                queueing_lock=f"geocoderen-{locatie_id}",
                schedule_at=wanneer,
            ).defer(locatie_id=locatie_id)
    except AlreadyEnqueued:
        return False
    return True


def opnieuw_proberen(nu=None) -> int:
    """Queue a new lookup for every location whose wait after its last failure is over.

    Also picks up locations without coordinates that were never looked up (saved before the
    worker ran, or loaded as raw data). Returns how many were queued.
    """
    nu = nu or timezone.now()
    kandidaten = Locatie.objects.filter(
        Q(geocodeer_status=Geocodeerstatus.MISLUKT)
        | Q(geocodeer_status=Geocodeerstatus.NIEUW, geocodeer_poging_op__isnull=True),
        Q(latitude__isnull=True) | Q(longitude__isnull=True),
        geocodeer_pogingen__lt=settings.GEOCODEREN_MAX_POGINGEN,
    ).values_list("pk", "geocodeer_pogingen", "geocodeer_poging_op")
    aantal = 0
    for pk, pogingen, laatste in kandidaten.iterator():
        if (laatste is None or laatste + wachttijd(pogingen) <= nu) and plan_geocoderen(pk):
            aantal += 1
    return aantal


# --- After a save -----------------------------------------------------------------------------


def _adres(locatie) -> tuple[str, str, str]:
    return (
        (locatie.adres or "").strip(),
        normaliseer_postcode(locatie.postcode or ""),
        (locatie.plaats or "").strip(),
    )


def _punt(latitude, longitude):
    if latitude is None or longitude is None:
        return None
    try:
        return (
            Decimal(str(latitude)).quantize(_ZES_DECIMALEN),
            Decimal(str(longitude)).quantize(_ZES_DECIMALEN),
        )
    except InvalidOperation:
        return None


@receiver(pre_save, sender=Locatie, dispatch_uid="geocoderen-voor-opslaan")
def _bepaal_geocoderen(sender, instance, raw=False, update_fields=None, **kwargs):
    """Decide from what changed: coordinates typed by hand, or a lookup after the save."""
    instance._geocoderen_na_opslaan = False
    if raw or update_fields is not None or getattr(instance, "_door_geocoder", False):
        return
    oud = None
    if instance._state.adding or instance.pk is None:
        if instance.geocodeer_status != Geocodeerstatus.NIEUW:
            return  # created with a status of its own (demo data, a copy): the creator decided
    else:
        oud = (
            Locatie.objects.filter(pk=instance.pk)
            .only(*ADRESVELDEN, "latitude", "longitude", "geocodeer_status")
            .first()
        )
    punt = _punt(instance.latitude, instance.longitude)
    punt_gewijzigd = punt != (_punt(oud.latitude, oud.longitude) if oud else None)
    adres_gewijzigd = oud is None or _adres(oud) != _adres(instance)

    if punt_gewijzigd and punt is not None:
        instance.geocodeer_status = Geocodeerstatus.HANDMATIG
        _opnieuw(instance, opzoeken=False)
    elif punt_gewijzigd or adres_gewijzigd:
        instance.latitude = instance.longitude = None
        instance.geocodeer_status = Geocodeerstatus.NIEUW
        _opnieuw(instance, opzoeken=True)
    elif punt is None and instance.geocodeer_status != Geocodeerstatus.HANDMATIG:
        instance._geocoderen_na_opslaan = True  # saved again without coordinates: try again


def _opnieuw(instance, opzoeken):
    instance.geocodeer_fout = ""
    instance.geocodeer_pogingen = 0
    instance.geocodeer_poging_op = None
    instance._geocoderen_na_opslaan = opzoeken


@receiver(post_save, sender=Locatie, dispatch_uid="geocoderen-na-opslaan")
def _plan_na_opslaan(sender, instance, raw=False, **kwargs):
    if not raw and getattr(instance, "_geocoderen_na_opslaan", False):
        instance._geocoderen_na_opslaan = False
        plan_geocoderen(instance.pk)
