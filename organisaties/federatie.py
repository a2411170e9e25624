"""The regional kaart: other gemeenten's organisations, imported from their HSDS 3 API.

A ``Regiobron`` is a neighbour's feed. Its services are read page by page
(federatie_lezen.py), each checked (federatie_validatie.py) and stored as Organisatie, Aanbod
and Locatie rows marked with their ``regiobron`` and their id in the feed (``extern_id``):

- apart from the own directory: ``Organisatie.objects.gepubliceerd()`` leaves them out, so
  the open data, the CSV, work lists and yearly checks never treat them as ours; residents
  see them only after choosing "ook in de regio" (``in_regio()``);
- read-only: the admin shows them without a change form (admin_federatie.py); the feed is
  the only way they change, and no change history is kept for them (the feed is);
- removed when they disappear from the feed, but only after a complete full run: a run with
  ``modified_after`` sees changes, not deletions, and a run that broke off has not seen
  everything. Full runs happen daily (FEDERATIE_VOLLEDIG_NA), incremental ones in between.

An organisation reaches us as part of each of its services; it is written when its part
changed (``extern_hash``), and so is each service (its hash covers its locations). A run that
changes nothing writes nothing. Each page is written in bulk (``Pagina``): a fixed number of
statements per page, whatever its size, and one bump of the content version per run.

The same organisation in two places (own directory and a feed, or two feeds) is shown once:
``markeer_dubbelen`` marks the later copies (``dubbel_van``), preferring the own directory.
"""

import datetime
import hashlib
import json
import logging
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netwerk import inhoudsversie
from netwerk.inhoudsversie import inhoud_gewijzigd
from organisaties import signals, zoekindex
from organisaties.federatie_lezen import BronFout, Grenzen, lees_paginas
from organisaties.federatie_validatie import Ongeldig, controleer_service
from organisaties.geschiedenis import zonder_geschiedenis
from organisaties.models import (
    Aanbod,
    Doelgroep,
    Geocodeerstatus,
    Locatie,
    Openingstijd,
    Organisatie,
    Regiobron,
    Soort,
    Thema,
)
from organisaties.validatie import normaliseer_postcode
from organisaties.zoeken import zonder_accenten

logger = logging.getLogger(__name__)

# Messages kept per run: enough to see what is wrong, not a copy of a broken feed.
MAX_FOUTEN = 20
# Incremental runs ask from a little before the last run began: clocks of two servers differ.
MARGE = datetime.timedelta(minutes=5)
OVERIG = ("overig", "Overig")
DAGEN = {"MO": 1, "TU": 2, "WE": 3, "TH": 4, "FR": 5, "SA": 6, "SU": 7}
# What an imported service's row holds of the feed (written again when it changed).
AANBOD_VELDEN = [
    "organisatie",
    "naam",
    "omschrijving",
    "kosten",
    "kosten_toelichting",
    "hoe_aanmelden",
    "extern_hash",
]
_TIJD = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)")


@dataclass
class Uitslag:
    volledig: bool
    nieuw: int = 0
    bijgewerkt: int = 0
    verwijderd: int = 0
    geweigerd: int = 0
    aanbod: int = 0
    fouten: list = field(default_factory=list)
    afgebroken: bool = False

    def fout(self, melding: str):
        if len(self.fouten) < MAX_FOUTEN:
            self.fouten.append(str(melding))

    @property
    def aantallen(self) -> dict:
        return {
            "nieuw": self.nieuw,
            "bijgewerkt": self.bijgewerkt,
            "verwijderd": self.verwijderd,
            "geweigerd": self.geweigerd,
            "aanbod": self.aanbod,
        }


# --- Runs -------------------------------------------------------------------------------------


def moet_volledig(bron: Regiobron, nu=None) -> bool:
    """A full run the first time, and when the last full run is a day old."""
    nu = nu or timezone.now()
    if bron.gewijzigd_na is None or bron.laatste_volledige_run is None:
        return True
    return nu - bron.laatste_volledige_run >= settings.FEDERATIE_VOLLEDIG_NA


def lees_bron(bron: Regiobron, volledig: bool | None = None, grenzen: Grenzen | None = None):
    """Read one feed over the network and store what it gives; never raises for the feed's
    faults. Returns the Uitslag, also stored on ``bron`` for the admin."""
    begin = timezone.now()
    if volledig is None:
        volledig = moet_volledig(bron, begin)
    paginas = lees_paginas(bron.url, None if volledig else bron.gewijzigd_na, grenzen)
    return importeer(bron, paginas, volledig=volledig, begin=begin)


def importeer(bron: Regiobron, paginas: Iterable[list], volledig: bool, begin=None) -> Uitslag:
    """Store the services of ``paginas`` (lists of HSDS service objects) as ``bron``'s.

    The same path for a feed read over the network and for the demo data's feeds.
    """
    begin = begin or timezone.now()
    uitslag = Uitslag(volledig=volledig)
    gezien = Gezien()
    termen = Termen()
    # One bump of the content version for the whole run, after its last commit, and none
    # when nothing changed (the pages' bulk writes send no signals, see Pagina).
    with inhoudsversie.uitgesteld():
        try:
            for inhoud in paginas:
                _verwerk_pagina(bron, inhoud, uitslag, gezien, termen)
        except BronFout as fout:
            uitslag.afgebroken = True
            uitslag.fout(str(fout))
        except Exception:  # a bug must not stop the other feeds; the admin sees that it failed
            logger.exception("Inlezen van regiobron %s mislukt", bron.pk)
            uitslag.afgebroken = True
            uitslag.fout(_("Er ging iets onverwachts mis bij het inlezen. Zie het logboek."))

        if volledig and not uitslag.afgebroken:
            uitslag.verwijderd = _verwijder_verdwenen(bron, gezien)
        markeer_dubbelen()

    bron.laatste_run = timezone.now()
    bron.aantallen = uitslag.aantallen
    bron.laatste_fouten = "\n".join(uitslag.fouten)
    if not uitslag.afgebroken:
        bron.laatste_succes = bron.laatste_run
        bron.gewijzigd_na = begin - MARGE
        if volledig:
            bron.laatste_volledige_run = bron.laatste_run
    bron.save(
        update_fields=[
            "laatste_run",
            "aantallen",
            "laatste_fouten",
            "laatste_succes",
            "gewijzigd_na",
            "laatste_volledige_run",
        ]
    )
    return uitslag


def lees_alle_bronnen() -> dict:
    """Every active feed in turn (demo feeds excepted); one feed's failure is its own."""
    uitslagen = {}
    for bron in Regiobron.objects.filter(actief=True, is_demo=False).order_by("pk"):
        try:
            uitslag = lees_bron(bron)
        except Exception:  # noqa: BLE001 - recorded on the feed, the next one still runs
            logger.exception("Regiobron %s kon niet worden ingelezen", bron.pk)
            Regiobron.objects.filter(pk=bron.pk).update(
                laatste_run=timezone.now(),
                laatste_fouten=_("Er ging iets onverwachts mis bij het inlezen. Zie het logboek."),
            )
            continue
        uitslagen[bron.naam] = uitslag.aantallen
    return uitslagen


# --- One page ---------------------------------------------------------------------------------


@dataclass
class Gezien:
    """What a run has met, by id in the feed: what a full run keeps."""

    organisaties: set = field(default_factory=set)
    aanbod: set = field(default_factory=set)
    locaties: set = field(default_factory=set)
    # Organisations whose part was handled in this run already (shared by their services).
    verwerkt: dict = field(default_factory=dict)  # extern id -> pk
    # Organisations counted as new or updated in this run (each counts once), by extern id.
    geteld: set = field(default_factory=set)
    # Locations written in this run already (several services share one):
    # (organisation pk, extern id) -> pk.
    plekken: dict = field(default_factory=dict)


class Termen:
    """This site's terms by slug and by name, to map a feed's terms onto (read once per run)."""

    def __init__(self):
        self.soorten = self._index(Soort)
        self.themas = self._index(Thema)
        self.doelgroepen = self._index(Doelgroep)
        self._overig = None

    @staticmethod
    def _index(model):
        index = {}
        for term in model.objects.all():
            index[term.slug] = term
            index[_sleutel(term.naam)] = term
        return index

    @staticmethod
    def zoek(index, term: dict):
        for sleutel in (str(term.get("code") or ""), _sleutel(str(term.get("name") or ""))):
            if sleutel and sleutel in index:
                return index[sleutel]
        return None

    def overig(self):
        if self._overig is None:
            self._overig, _ = Soort.objects.get_or_create(
                slug=OVERIG[0], defaults={"naam": OVERIG[1], "volgorde": 999}
            )
        return self._overig


def _verwerk_pagina(bron, inhoud, uitslag, gezien, termen):
    geldig = []
    for item in inhoud:
        try:
            controleer_service(item)
        except Ongeldig as fout:
            uitslag.geweigerd += 1
            uitslag.fout(str(fout))
            _bescherm(item, gezien)
            continue
        geldig.append(item)
    if not geldig:
        return
    with (
        transaction.atomic(),
        zoekindex.uitgesteld(),
        signals.gebundeld(),
        zonder_geschiedenis(),
    ):
        Pagina(bron, uitslag, gezien, termen).schrijf(geldig)


def _bescherm(item, gezien):
    """A refused item keeps what an earlier run stored of it: a full run does not remove it
    for being broken today."""
    if not isinstance(item, dict):
        return
    for waarde, verzameling in ((item.get("id"), gezien.aanbod), (_org_id(item), None)):
        try:
            sleutel = uuid.UUID(str(waarde))
        except ValueError:
            continue
        if verzameling is None:
            gezien.organisaties.add(sleutel)
        else:
            verzameling.add(sleutel)


def _org_id(item) -> uuid.UUID | None:
    organisatie = item.get("organization") if isinstance(item, dict) else None
    waarde = (organisatie or {}).get("id") if isinstance(organisatie, dict) else None
    try:
        return uuid.UUID(str(waarde or item.get("organization_id")))
    except (ValueError, AttributeError):
        return None


def _hash(data) -> str:
    return hashlib.sha256(
        json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode()
    ).hexdigest()


def _kenmerken(item, entiteit):
    for kenmerk in item.get("attributes") or []:
        term = kenmerk.get("taxonomy_term")
        if kenmerk.get("link_entity", entiteit) == entiteit and isinstance(term, dict):
            yield term


class Pagina:
    """One page of valid services, written in bulk: a fixed number of statements per page,
    whatever its size.

    First the organisations (new ones created, changed ones updated, their themes linked
    again), then the locations of the new and changed services (with their opening hours),
    then the services and their links. The rows go in with bulk_create and bulk_update and
    the links through the many-to-many tables directly, so no signal runs: what the signals
    keep for the directory is done here once for the page (the listing's ``gewijzigd``, the
    search and facet columns through zoekindex, the content version, deferred to the run's
    end by ``importeer``). Unchanged rows (the same ``extern_hash``) are not written.
    """

    def __init__(self, bron, uitslag, gezien, termen):
        self.bron, self.uitslag, self.gezien, self.termen = bron, uitslag, gezien, termen
        # Organisations whose listing changed on this page (new, changed, or a part of it).
        self.aangeraakt: set[int] = set()

    def schrijf(self, items):
        self._organisaties(items)
        self._aanbod(items)
        if self.aangeraakt:
            Organisatie.objects.filter(pk__in=self.aangeraakt).update(gewijzigd=timezone.now())
            zoekindex.werk_zoekindex_bij(self.aangeraakt)
            inhoud_gewijzigd()

    # --- Organisations ------------------------------------------------------------------------

    def _organisaties(self, items):
        gezien = self.gezien
        te_doen = {_org_id(item): item for item in reversed(items)}  # the first one counts
        for org_id in gezien.verwerkt.keys() & te_doen.keys():
            del te_doen[org_id]  # written on an earlier page of this run
        bestaand = {
            o.extern_id: o
            for o in Organisatie.objects.filter(regiobron=self.bron, extern_id__in=te_doen).only(
                "pk", "extern_id", "extern_hash"
            )
        }
        nieuw, gewijzigd, themas = [], [], {}
        velden = None
        for org_id, item in te_doen.items():
            controlegetal, waarden, org_themas = self._organisatie(item)
            organisatie = bestaand.get(org_id)
            gezien.organisaties.add(org_id)
            if organisatie is not None and organisatie.extern_hash == controlegetal:
                gezien.verwerkt[org_id] = organisatie.pk
                continue
            velden = list(waarden)
            if organisatie is None:
                organisatie = Organisatie(regiobron=self.bron, extern_id=org_id, **waarden)
                nieuw.append(organisatie)
                self.uitslag.nieuw += 1
            else:
                for naam, waarde in waarden.items():
                    setattr(organisatie, naam, waarde)
                gewijzigd.append(organisatie)
                self.uitslag.bijgewerkt += 1
            gezien.geteld.add(org_id)
            themas[org_id] = (organisatie, org_themas)

        self._geef_slugs(nieuw)
        Organisatie.objects.bulk_create(nieuw)
        if gewijzigd:
            Organisatie.objects.bulk_update(gewijzigd, velden)
        for org_id, (organisatie, _themas) in themas.items():
            gezien.verwerkt[org_id] = organisatie.pk
            self.aangeraakt.add(organisatie.pk)
        koppeling = Organisatie.themas.through
        _koppel_opnieuw(
            koppeling,
            "organisatie_id",
            [o.pk for o in gewijzigd],
            [
                koppeling(organisatie_id=organisatie.pk, thema_id=thema.pk)
                for organisatie, org_themas in themas.values()
                for thema in org_themas
            ],
        )

    def _organisatie(self, item):
        """(checksum, field values, themes) of the organisation as this service gives it."""
        termen = self.termen
        data = item["organization"]
        org_termen = list(_kenmerken(item, "organization"))
        telefoon = next(
            (
                str(t.get("number") or "")
                for t in item.get("phones") or []
                if isinstance(t, dict) and t.get("number")
            ),
            "",
        )
        controlegetal = _hash(
            {
                "organisatie": data,
                "telefoon": telefoon,
                "termen": org_termen,
                "assured_date": item.get("assured_date"),
            }
        )
        soort = (
            next((s for s in (termen.zoek(termen.soorten, t) for t in org_termen) if s), None)
            or termen.overig()
        )
        waarden = {
            "naam": _tekst(data.get("name"), 200),
            "omschrijving": _tekst(data.get("description"), 10_000),
            "website": _website(data.get("website") or data.get("url")),
            "email": _email(data.get("email")),
            "telefoon": _tekst(telefoon, 30),
            "soort": soort,
            "status": Organisatie.Status.GEPUBLICEERD,
            "laatst_geverifieerd": _datum(item.get("assured_date")),
            "extern_hash": controlegetal,
        }
        themas = {t for t in (termen.zoek(termen.themas, term) for term in org_termen) if t}
        return controlegetal, waarden, themas

    def _geef_slugs(self, nieuw):
        """A web address per new organisation: name and feed, with a piece of its id when that
        is taken (by another organisation or by one earlier on this page)."""
        if not nieuw:
            return
        basissen = [(o, _slug_basis(self.bron, o.naam)) for o in nieuw]
        bezet = set(
            Organisatie.objects.filter(slug__in={b for _o, b in basissen}).values_list(
                "slug", flat=True
            )
        )
        for organisatie, basis in basissen:
            slug = basis if basis not in bezet else f"{basis}-{organisatie.extern_id.hex[:8]}"
            organisatie.slug = slug
            bezet.add(slug)

    # --- Services and their locations ---------------------------------------------------------

    def _aanbod(self, items):
        gezien, termen = self.gezien, self.termen
        bestaand = {
            a.extern_id: a
            for a in Aanbod.objects.filter(
                organisatie__regiobron=self.bron,
                extern_id__in={uuid.UUID(item["id"]) for item in items},
            ).only("pk", "extern_id", "extern_hash", "organisatie_id")
        }
        nieuw, gewijzigd, links = [], [], []
        plekken = {}  # (organisation pk, location id) -> HSDS location, to write on this page
        op_pagina = set()
        for item in items:
            aanbod_id = uuid.UUID(item["id"])
            if aanbod_id in op_pagina:
                continue  # the same service twice on one page: the first one counts
            op_pagina.add(aanbod_id)
            org_id = _org_id(item)
            organisatie_pk = gezien.verwerkt[org_id]
            gezien.aanbod.add(aanbod_id)
            locaties = [sal["location"] for sal in item.get("service_at_locations") or []]
            gezien.locaties.update(uuid.UUID(str(loc["id"])) for loc in locaties)
            self.uitslag.aanbod += 1

            aanbod = bestaand.get(aanbod_id)
            controlegetal = _hash(
                {k: v for k, v in item.items() if k not in ("last_modified", "organization")}
            )
            verhuisd = aanbod is not None and aanbod.organisatie_id != organisatie_pk
            if aanbod is not None and not verhuisd and aanbod.extern_hash == controlegetal:
                continue
            if verhuisd:  # moved to another organisation in the feed: the old one changes too
                self.aangeraakt.add(aanbod.organisatie_id)
            kosten, toelichting = _kosten(item.get("fees_description") or "")
            waarden = {
                "organisatie_id": organisatie_pk,
                "naam": _tekst(item.get("name"), 200),
                "omschrijving": _tekst(item.get("description"), 10_000),
                "kosten": kosten,
                "kosten_toelichting": toelichting,
                "hoe_aanmelden": _tekst(item.get("application_process"), 5000),
                "extern_hash": controlegetal,
            }
            if aanbod is None:
                aanbod = Aanbod(extern_id=aanbod_id, **waarden)
                nieuw.append(aanbod)
            else:
                for naam, waarde in waarden.items():
                    setattr(aanbod, naam, waarde)
                gewijzigd.append(aanbod)
            if org_id not in gezien.geteld:
                self.uitslag.bijgewerkt += 1
                gezien.geteld.add(org_id)
            self.aangeraakt.add(organisatie_pk)
            sleutels = []
            for locatie in locaties:
                sleutel = (organisatie_pk, uuid.UUID(str(locatie["id"])))
                if sleutel not in gezien.plekken:
                    plekken.setdefault(sleutel, locatie)
                sleutels.append(sleutel)
            item_termen = list(_kenmerken(item, "service"))
            links.append(
                (
                    aanbod,
                    {t for t in (termen.zoek(termen.themas, t) for t in item_termen) if t},
                    {t for t in (termen.zoek(termen.doelgroepen, t) for t in item_termen) if t},
                    sleutels,
                )
            )

        self._locaties(plekken)
        Aanbod.objects.bulk_create(nieuw)
        if gewijzigd:
            Aanbod.objects.bulk_update(gewijzigd, AANBOD_VELDEN)
        opnieuw = [a.pk for a in gewijzigd]
        door = Aanbod.themas.through
        _koppel_opnieuw(
            door,
            "aanbod_id",
            opnieuw,
            [door(aanbod_id=a.pk, thema_id=t.pk) for a, themas, _d, _l in links for t in themas],
        )
        door = Aanbod.doelgroepen.through
        _koppel_opnieuw(
            door,
            "aanbod_id",
            opnieuw,
            [
                door(aanbod_id=a.pk, doelgroep_id=d.pk)
                for a, _t, doelgroepen, _l in links
                for d in doelgroepen
            ],
        )
        door = Aanbod.locaties.through
        _koppel_opnieuw(
            door,
            "aanbod_id",
            opnieuw,
            [
                door(aanbod_id=a.pk, locatie_id=locatie_pk)
                for a, _t, _d, sleutels in links
                for locatie_pk in dict.fromkeys(gezien.plekken[s] for s in sleutels)
            ],
        )

    def _locaties(self, plekken):
        """Write the locations of this page's new and changed services, each once a run (several
        services share one), with their opening hours."""
        if not plekken:
            return
        bestaand = {
            (loc.organisatie_id, loc.extern_id): loc
            for loc in Locatie.objects.filter(
                organisatie_id__in={org for org, _id in plekken},
                extern_id__in={extern_id for _org, extern_id in plekken},
            )
            .only("pk", "organisatie_id", "extern_id")
            .order_by("-pk")  # two rows for one location (never made by this import): the first
        }
        nieuw, gewijzigd, tijden = [], [], []
        for (organisatie_pk, extern_id), data in plekken.items():
            waarden = _locatie_waarden(data)
            locatie = bestaand.get((organisatie_pk, extern_id))
            if locatie is None:
                locatie = Locatie(organisatie_id=organisatie_pk, extern_id=extern_id, **waarden)
                nieuw.append(locatie)
            else:
                for naam, waarde in waarden.items():
                    setattr(locatie, naam, waarde)
                gewijzigd.append(locatie)
            tijden.append((locatie, data.get("schedules") or []))
        Locatie.objects.bulk_create(nieuw)
        if gewijzigd:
            Locatie.objects.bulk_update(gewijzigd, list(waarden))
            Openingstijd.objects.filter(locatie__in=[loc.pk for loc in gewijzigd]).delete()
        Openingstijd.objects.bulk_create(
            [tijd for locatie, schemas in tijden for tijd in _openingstijden(locatie, schemas)]
        )
        for locatie in (*nieuw, *gewijzigd):
            self.gezien.plekken[(locatie.organisatie_id, locatie.extern_id)] = locatie.pk


def _koppel_opnieuw(koppeling, kolom, opnieuw, rijen):
    """Replace the many-to-many links of the rows ``opnieuw`` (changed rows; new rows have
    none yet) by ``rijen``: one DELETE and one INSERT, without m2m signals."""
    if opnieuw:
        koppeling.objects.filter(**{f"{kolom}__in": opnieuw}).delete()
    if rijen:
        koppeling.objects.bulk_create(rijen)


def _locatie_waarden(data) -> dict:
    adres = next((a for a in data.get("addresses") or [] if isinstance(a, dict)), {})
    toegang = next((a for a in data.get("accessibility") or [] if isinstance(a, dict)), {})
    details = _tekst(toegang.get("details"), 1000)
    lat, lon = _graad(data.get("latitude"), 90), _graad(data.get("longitude"), 180)
    postcode = normaliseer_postcode(_tekst(adres.get("postal_code"), 20))
    waarden = {
        "naam": _tekst(data.get("name"), 200),
        "adres": _tekst(
            " ".join(filter(None, [adres.get("address_1"), adres.get("address_2")])), 200
        ),
        "postcode": postcode if len(postcode) <= 7 else "",
        "plaats": _tekst(adres.get("city"), 100),
        "latitude": lat if lon is not None else None,
        "longitude": lon if lat is not None else None,
        "toegankelijkheid": " ".join(
            filter(None, [_tekst(toegang.get("description"), 4000), details])
        ),
        "rolstoeltoegankelijk": "rolstoel" in details.lower(),
        # Never looked up at PDOK: the feed's gemeente keeps the coordinates of its addresses.
        "geocodeer_status": Geocodeerstatus.HANDMATIG
        if lat is not None and lon is not None
        else Geocodeerstatus.MISLUKT,
        "geocodeer_fout": "" if lat is not None else _("De bron gaf geen coördinaten."),
    }
    if waarden["naam"] == waarden["adres"]:
        waarden["naam"] = ""  # our own API names a location by its address when it has no name
    return waarden


def _openingstijden(locatie, schemas):
    for schema in schemas:
        if not isinstance(schema, dict) or str(schema.get("freq") or "WEEKLY").upper() != "WEEKLY":
            continue
        van, tot = _tijd(schema.get("opens_at")), _tijd(schema.get("closes_at"))
        if van is None or tot is None or tot <= van:
            continue
        for dag in str(schema.get("byday") or "").upper().split(","):
            if dag.strip() in DAGEN:
                yield Openingstijd(
                    locatie=locatie,
                    dag=DAGEN[dag.strip()],
                    van=van,
                    tot=tot,
                    opmerking=_tekst(schema.get("description"), 200),
                )


# --- Removal ----------------------------------------------------------------------------------


def _verwijder_verdwenen(bron, gezien) -> int:
    """After a complete full run: what the feed no longer has goes.

    The ids to remove are found in Python (the feed's ids can be tens of thousands, too many
    for one statement's parameters) and deleted through the ORM, so that everything that
    refers to them is handled as anywhere else; the signals' per-row work is bundled.
    """
    with (
        transaction.atomic(),
        zoekindex.uitgesteld(),
        signals.gebundeld(),
        zonder_geschiedenis(),
    ):
        organisaties = _weg(Organisatie.objects.filter(regiobron=bron), gezien.organisaties)
        _weg(Aanbod.objects.filter(organisatie__regiobron=bron), gezien.aanbod)
        _weg(Locatie.objects.filter(organisatie__regiobron=bron), gezien.locaties)
    return organisaties


def _weg(queryset, blijven: set, per: int = 5000) -> int:
    """Delete the rows of ``queryset`` whose ``extern_id`` is not in ``blijven``."""
    weg = [
        pk for pk, extern_id in queryset.values_list("pk", "extern_id") if extern_id not in blijven
    ]
    for begin in range(0, len(weg), per):
        queryset.model.objects.filter(pk__in=weg[begin : begin + per]).delete()
    return len(weg)


# --- The same organisation twice --------------------------------------------------------------


def normaliseer_naam(naam: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", zonder_accenten(naam).lower()).split())


def normaliseer_website(website: str) -> str:
    """Host without www and path, lower case: https://www.x.nl/a/ and http://x.nl/a are one."""
    delen = urlsplit(website.strip().lower())
    if delen.scheme not in ("http", "https") or not delen.hostname:
        return ""
    host = delen.hostname.removeprefix("www.")
    return host + delen.path.rstrip("/")


def markeer_dubbelen() -> int:
    """Mark imported organisations that duplicate one shown already: the same name and
    postcode, or the same website. The own directory comes first, then the feeds in the
    order they were added. Returns how many marks changed."""
    rijen = list(
        Organisatie.objects.filter(status=Organisatie.Status.GEPUBLICEERD).values_list(
            "pk", "regiobron_id", "naam", "website", "dubbel_van_id"
        )
    )
    postcodes = {}
    for org, postcode in Locatie.objects.filter(
        organisatie__status=Organisatie.Status.GEPUBLICEERD
    ).values_list("organisatie_id", "postcode"):
        if postcode:
            postcodes.setdefault(org, set()).add(postcode)
    rijen.sort(key=lambda r: (r[1] is not None, r[1] or 0, r[0]))
    eigenaar = {}  # key -> (pk, regiobron_id)
    wijzigingen = []
    for pk, bron, naam, website, oud in rijen:
        sleutels = [("naam", normaliseer_naam(naam), p) for p in postcodes.get(pk, ())]
        if web := normaliseer_website(website):
            sleutels.append(("web", web))
        dubbel = None
        if bron is not None:
            dubbel = next(
                (eigenaar[s][0] for s in sleutels if s in eigenaar and eigenaar[s][1] != bron),
                None,
            )
        if dubbel is None:
            for sleutel in sleutels:
                eigenaar.setdefault(sleutel, (pk, bron))
        if dubbel != oud:
            wijzigingen.append(Organisatie(pk=pk, dubbel_van_id=dubbel))
    if wijzigingen:
        Organisatie.objects.bulk_update(wijzigingen, ["dubbel_van"], batch_size=1000)
        inhoud_gewijzigd()
    return len(wijzigingen)


# --- Values from a feed -----------------------------------------------------------------------


def _tekst(waarde, lengte: int) -> str:
    if not isinstance(waarde, str):
        return ""
    return " ".join(waarde.split())[:lengte] if lengte <= 200 else waarde.strip()[:lengte]


def _website(waarde) -> str:
    waarde = _tekst(waarde, 200)
    return waarde if waarde.lower().startswith(("https://", "http://")) else ""


def _email(waarde) -> str:
    waarde = _tekst(waarde, 254)
    try:
        validate_email(waarde)
    except ValidationError:
        return ""
    return waarde


def _datum(waarde):
    try:
        return datetime.date.fromisoformat(str(waarde)[:10]) if waarde else None
    except ValueError:
        return None


def _tijd(waarde):
    treffer = _TIJD.match(str(waarde or ""))
    return datetime.time(int(treffer[1]), int(treffer[2])) if treffer else None


def _graad(waarde, grens) -> Decimal | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float | str):
        return None
    try:
        getal = Decimal(str(waarde)).quantize(Decimal("0.000001"))
    except InvalidOperation:
        return None
    return getal if getal.is_finite() and abs(getal) <= grens else None


def _kosten(tekst: str) -> tuple[str, str]:
    """Our own API writes "Gratis" or "Eigen bijdrage: € 2,50"; other feeds free text."""
    tekst = " ".join(tekst.split())
    soort, _, rest = tekst.partition(":")
    for waarde, label in Aanbod.Kosten.choices:
        if soort.strip().lower() == str(label).lower():
            return waarde, rest.strip()[:200]
    laag = tekst.lower()
    if laag in ("free", "gratis", "kosteloos"):
        return Aanbod.Kosten.GRATIS, ""
    if "eigen bijdrage" in laag:
        return Aanbod.Kosten.EIGEN_BIJDRAGE, tekst[:200]
    return Aanbod.Kosten.BETAALD, (tekst or _("Vraag de organisatie naar de kosten."))[:200]


def _slug_basis(bron, naam) -> str:
    return f"{slugify(naam)[:140] or 'organisatie'}-{slugify(bron.naam)[:40]}".strip("-")


def _sleutel(naam: str) -> str:
    return normaliseer_naam(naam)
