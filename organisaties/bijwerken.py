"""Organisations keep their own listing current, through a personal link; staff decide.

An organisation has no account. Staff (or the yearly reminder) send its contact address a
signed, expiring link (``maak_token``). Through it the organisation confirms "alles klopt nog"
(``bevestig``) or proposes changes (``dien_voorstel_in``), which wait as a Bijwerkvoorstel
until a redacteur takes over all, part or nothing of it (``neem_over``, ``wijs_af``). Nothing
an organisation types goes live by itself.

The link carries the organisation's pk, its ``link_versie`` and a fingerprint of the contact
address, signed with SECRET_KEY and a timestamp: it stops working after
ORGANISATIE_LINK_DAGEN days, when staff revoke the links (``trek_links_in`` raises the
version), and when the contact address changes, so a link mailed to a former address cannot
be used any more.

Both ``huidig`` and ``voorstel`` of a Bijwerkvoorstel are snapshots in one shape
(``momentopname``)::

    {"organisatie": {"naam": ..., "omschrijving": ..., "email": ..., "telefoon": ...,
                     "website": ...},
     "aanbod": [{"id": 12 or None, "naam": ..., "omschrijving": ..., "kosten": ...,
                 "kosten_toelichting": ..., "hoe_aanmelden": ...}],
     "locaties": [{"id": 5 or None, "naam": ..., "adres": ..., "postcode": ..., "plaats": ...,
                   "toegankelijkheid": ..., "rolstoeltoegankelijk": bool,
                   "openingstijden": [{"dag": 1, "van": "09:00", "tot": "17:00",
                                       "opmerking": ""}]}]}

An item with an id changes that aanbod or locatie, one without is new, and an id of
``huidig`` missing from ``voorstel`` is one the organisation wants removed.
"""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netwerk.email import in_outbox
from netwerk.models import SiteConfiguratie
from organisaties import services
from organisaties.models import (
    GERESERVEERDE_SLUGS,
    Aanbod,
    Bijwerkvoorstel,
    Bron,
    Controlebron,
    Locatie,
    Openingstijd,
    Organisatie,
)
from organisaties.werklijsten import controlegrens

SALT = "organisaties.bijwerken.persoonlijke-link"
# An organisation is asked again at most once a year, however often the reminder runs.
OPNIEUW_VRAGEN_NA = datetime.timedelta(days=365)
# Open proposals one organisation may have waiting; more is a link being abused.
MAX_OPEN_VOORSTELLEN = 5
# Reminders per run: keeps each run's transaction short; the next day's run takes the rest.
HERINNERINGEN_PER_RUN = 500

ORGANISATIE_VELDEN = [
    ("omschrijving", gettext_lazy("Omschrijving")),
    ("email", gettext_lazy("E-mailadres")),
    ("telefoon", gettext_lazy("Telefoonnummer")),
    ("website", gettext_lazy("Website")),
]
AANBOD_VELDEN = [
    ("naam", gettext_lazy("Naam")),
    ("omschrijving", gettext_lazy("Omschrijving")),
    ("kosten", gettext_lazy("Kosten")),
    ("kosten_toelichting", gettext_lazy("Toelichting kosten")),
    ("hoe_aanmelden", gettext_lazy("Hoe aanmelden")),
]
LOCATIE_VELDEN = [
    ("naam", gettext_lazy("Naam")),
    ("adres", gettext_lazy("Straat en huisnummer")),
    ("postcode", gettext_lazy("Postcode")),
    ("plaats", gettext_lazy("Plaats")),
    ("rolstoeltoegankelijk", gettext_lazy("Rolstoeltoegankelijk")),
    ("toegankelijkheid", gettext_lazy("Toegankelijkheid")),
    ("openingstijden", gettext_lazy("Openingstijden")),
]


# --- The personal link ------------------------------------------------------------------------


class OngeldigeLink(Exception):
    """The link cannot be used. ``status`` is the HTTP status its page answers with."""

    status = 400


class VerlopenLink(OngeldigeLink):
    status = 410


class IngetrokkenLink(OngeldigeLink):
    status = 410


def _vingerafdruk(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:12]


def maak_token(organisatie):
    return signing.dumps(
        {
            "o": organisatie.pk,
            "v": organisatie.link_versie,
            "a": _vingerafdruk(organisatie.contact_email),
        },
        salt=SALT,
    )


def link_geldig_tot(nu=None):
    """The day a link made now stops working, for the e-mail."""
    nu = nu or timezone.now()
    return timezone.localdate(nu + datetime.timedelta(days=settings.ORGANISATIE_LINK_DAGEN))


def organisatie_van_token(token):
    """The organisation a link is for; raises an OngeldigeLink subclass when it cannot be used."""
    try:
        data = signing.loads(
            token, salt=SALT, max_age=datetime.timedelta(days=settings.ORGANISATIE_LINK_DAGEN)
        )
    except signing.SignatureExpired as fout:
        raise VerlopenLink from fout
    except (signing.BadSignature, ValueError, TypeError) as fout:
        raise OngeldigeLink from fout
    if not isinstance(data, dict) or not isinstance(data.get("o"), int):
        raise OngeldigeLink
    organisatie = Organisatie.objects.filter(pk=data["o"]).select_related("soort").first()
    if organisatie is None:
        raise OngeldigeLink
    if (
        data.get("v") != organisatie.link_versie
        or data.get("a") != _vingerafdruk(organisatie.contact_email)
        or organisatie.status == Organisatie.Status.GEARCHIVEERD
    ):
        raise IngetrokkenLink
    return organisatie


def absolute_url(pad):
    return settings.SITE_URL.rstrip("/") + pad


def persoonlijke_link(organisatie):
    return absolute_url(reverse("organisaties:bijwerken", args=[maak_token(organisatie)]))


def _vergrendeld(organisaties):
    """The same organisations, locked. An admin selection may carry DISTINCT (a search over
    thema's), which PostgreSQL refuses to combine with FOR UPDATE."""
    pks = list(organisaties.values_list("pk", flat=True))
    return Organisatie.objects.filter(pk__in=pks).select_for_update()


def trek_links_in(organisaties):
    """Make every link sent so far to these organisations invalid. Returns how many."""
    with transaction.atomic():
        aantal = 0
        for organisatie in _vergrendeld(organisaties):
            organisatie.link_versie += 1
            organisatie._change_reason = _("Persoonlijke links ingetrokken")
            organisatie.save(update_fields=["link_versie"])
            aantal += 1
    return aantal


def taal_van(organisatie):
    """The language the organisation last used the site in through its link; else Dutch."""
    laatste = organisatie.bijwerkvoorstellen.order_by("-ingediend_op").first()
    return laatste.taal if laatste else settings.LANGUAGE_CODE


def _stuur_link(organisatie, nu, jaarlijks=False):
    # Staff send it, in Dutch or English: the organisation reads it in its own language.
    with translation.override(taal_van(organisatie)):
        return _stuur_link_in_taal(organisatie, nu, jaarlijks)


def _stuur_link_in_taal(organisatie, nu, jaarlijks):
    site = SiteConfiguratie.get_solo()
    if jaarlijks:
        onderwerp = _("Kloppen uw gegevens nog? %(naam)s") % {"naam": organisatie.naam}
    else:
        onderwerp = _("Uw gegevens op %(site)s: %(naam)s") % {
            "site": site.sitenaam,
            "naam": organisatie.naam,
        }
    return in_outbox(
        organisatie.contact_email,
        onderwerp,
        "organisaties/email/persoonlijke_link",
        {
            "organisatie": organisatie,
            "link": persoonlijke_link(organisatie),
            "geldig_tot": link_geldig_tot(nu),
            "jaarlijks": jaarlijks,
            "site": site,
        },
    )


@dataclass
class Verzonden:
    """What ``stuur_links`` did, for the message staff see."""

    verstuurd: list = field(default_factory=list)
    zonder_adres: list = field(default_factory=list)
    gearchiveerd: list = field(default_factory=list)


def stuur_links(organisaties, nu=None):
    """Send each organisation its personal link; report those that cannot get one.

    Records ``herinnering_verstuurd_op``: a link from staff is a request to check as much as
    the yearly one, so the work list of unanswered requests counts it too.
    """
    nu = nu or timezone.now()
    uitslag = Verzonden()
    with transaction.atomic():
        for organisatie in _vergrendeld(organisaties).order_by("naam"):
            if organisatie.status == Organisatie.Status.GEARCHIVEERD:
                uitslag.gearchiveerd.append(organisatie)
            elif not organisatie.contact_email:
                uitslag.zonder_adres.append(organisatie)
            else:
                _stuur_link(organisatie, nu)
                uitslag.verstuurd.append(organisatie)
        # Not published data: no change to the page, its cache or the history.
        Organisatie.objects.filter(pk__in=[o.pk for o in uitslag.verstuurd]).update(
            herinnering_verstuurd_op=nu
        )
    return uitslag


def te_herinneren(nu=None):
    """Published organisations with a contact address, not checked within the check period
    (site settings) and not asked within a year: who the yearly reminder writes to."""
    nu = nu or timezone.now()
    grens = controlegrens(timezone.localdate(nu))
    return (
        Organisatie.objects.gepubliceerd()
        .exclude(contact_email="")
        .filter(Q(laatst_geverifieerd__isnull=True) | Q(laatst_geverifieerd__lt=grens))
        .filter(
            Q(herinnering_verstuurd_op__isnull=True)
            | Q(herinnering_verstuurd_op__lt=nu - OPNIEUW_VRAGEN_NA)
        )
    )


def verstuur_controleverzoeken(nu=None):
    """The yearly request to confirm or update, to every organisation that is due. Returns
    how many were sent.

    Each organisation is marked in the same transaction as its e-mail is queued, with the rows
    locked and skipped by a parallel run, so no organisation is asked twice.
    """
    nu = nu or timezone.now()
    with transaction.atomic():
        organisaties = list(
            te_herinneren(nu)
            .select_for_update(skip_locked=True, of=("self",))
            .order_by("pk")[:HERINNERINGEN_PER_RUN]
        )
        for organisatie in organisaties:
            _stuur_link(organisatie, nu, jaarlijks=True)
        Organisatie.objects.filter(pk__in=[o.pk for o in organisaties]).update(
            herinnering_verstuurd_op=nu
        )
    return len(organisaties)


# --- What the organisation does through its link ---------------------------------------------


def bevestig(organisatie):
    """'Alles klopt nog': checked today, by the organisation itself (no staff user in the
    history, whoever is logged in)."""
    services.markeer_gecontroleerd(
        [organisatie],
        door=None,
        bron=Controlebron.ORGANISATIE,
        reden=_("Bevestigd door de organisatie via de persoonlijke link"),
    )


def _tijd(waarde):
    return waarde.strftime("%H:%M") if hasattr(waarde, "strftime") else str(waarde)[:5]


def _locatie(locatie):
    return {
        "id": locatie.pk,
        **{naam: getattr(locatie, naam) for naam, _label in LOCATIE_VELDEN[:-1]},
        "openingstijden": [
            {"dag": t.dag, "van": _tijd(t.van), "tot": _tijd(t.tot), "opmerking": t.opmerking}
            for t in sorted(locatie.openingstijden.all(), key=lambda t: (t.dag, t.van))
        ],
    }


def momentopname(organisatie):
    """The organisation's listing now, in the shape of Bijwerkvoorstel.huidig."""
    aanbod = Aanbod.objects.filter(organisatie=organisatie).order_by("volgorde", "naam", "pk")
    locaties = (
        Locatie.objects.filter(organisatie=organisatie)
        .prefetch_related("openingstijden")
        .order_by("naam", "adres", "pk")
    )
    return {
        "organisatie": {
            "naam": organisatie.naam,
            **{naam: getattr(organisatie, naam) for naam, _label in ORGANISATIE_VELDEN},
        },
        "aanbod": [
            {"id": a.pk, **{naam: getattr(a, naam) for naam, _label in AANBOD_VELDEN}}
            for a in aanbod
        ],
        "locaties": [_locatie(locatie) for locatie in locaties],
    }


class TeveelVoorstellen(Exception):
    pass


def dien_voorstel_in(organisatie, voorstel, toelichting="", gezien=None):
    """Store what the organisation proposes; nothing on the kaart changes.

    ``gezien`` holds the ids of aanbod and locaties the organisation's form showed
    ({"aanbod": {...}, "locaties": {...}}): one added by staff after the form was opened is
    kept as it is, not taken as removed.
    """
    with transaction.atomic():
        organisatie = Organisatie.objects.select_for_update().get(pk=organisatie.pk)
        open_voorstellen = organisatie.bijwerkvoorstellen.filter(status=Bijwerkvoorstel.Status.OPEN)
        if open_voorstellen.count() >= MAX_OPEN_VOORSTELLEN:
            raise TeveelVoorstellen(
                _(
                    "Wij hebben al %(aantal)d voorstellen van u die wij nog bekijken. Wacht op "
                    "ons antwoord, of neem contact op met de gemeente."
                )
                % {"aantal": MAX_OPEN_VOORSTELLEN}
            )
        huidig = momentopname(organisatie)
        voorstel = {
            "organisatie": {"naam": organisatie.naam, **voorstel["organisatie"]},
            "aanbod": list(voorstel["aanbod"]),
            "locaties": list(voorstel["locaties"]),
        }
        if gezien is not None:
            for soort in ("aanbod", "locaties"):
                voorstel[soort] += [
                    item for item in huidig[soort] if item["id"] not in gezien[soort]
                ]
        return Bijwerkvoorstel.objects.create(
            organisatie=organisatie,
            huidig=huidig,
            voorstel=voorstel,
            toelichting=toelichting,
            taal=translation.get_language() or settings.LANGUAGE_CODE,
        )


# --- Review by staff --------------------------------------------------------------------------


class Soort:
    GELIJK = "gelijk"
    GEWIJZIGD = "gewijzigd"
    NIEUW = "nieuw"
    VERWIJDERD = "verwijderd"
    VERVALLEN = "vervallen"  # the aanbod or locatie no longer exists on the kaart

    LABELS = {
        GELIJK: gettext_lazy("Niet gewijzigd"),
        GEWIJZIGD: gettext_lazy("Gewijzigd"),
        NIEUW: gettext_lazy("Nieuw"),
        VERWIJDERD: gettext_lazy("Verwijderen"),
        VERVALLEN: gettext_lazy("Bestaat niet meer"),
    }


def _tekst(naam, waarde):
    """A value as staff read it in the comparison."""
    if waarde is None:
        return ""
    if naam == "kosten":
        return str(Aanbod.Kosten(waarde).label) if waarde in Aanbod.Kosten.values else waarde
    if naam == "rolstoeltoegankelijk":
        return _("ja") if waarde else _("nee")
    if naam == "openingstijden":
        dagen = dict(Openingstijd.Dag.choices)
        return "\n".join(
            f"{dagen.get(t['dag'], t['dag'])} {t['van']}–{t['tot']}"
            + (f" ({t['opmerking']})" if t.get("opmerking") else "")
            for t in sorted(waarde, key=lambda t: (t["dag"], t["van"]))
        )
    return str(waarde)


@dataclass
class Veldverschil:
    naam: str
    label: str
    toen: str
    nu: str
    voorstel: str

    @property
    def gewijzigd(self):
        return self.nu != self.voorstel

    @property
    def intussen_gewijzigd(self):
        """Staff changed this after the organisation made its proposal."""
        return self.toen != self.nu


@dataclass
class Onderdeel:
    """One thing staff can take over or leave: a field of the organisation, an aanbod or a
    locatie with its opening hours."""

    sleutel: str
    titel: str
    soort: str
    velden: list

    @property
    def kiesbaar(self):
        return self.soort in (Soort.GEWIJZIGD, Soort.NIEUW, Soort.VERWIJDERD)

    @property
    def soort_label(self):
        return Soort.LABELS[self.soort]

    @property
    def intussen_gewijzigd(self):
        return any(v.intussen_gewijzigd for v in self.velden)


@dataclass
class Vergelijking:
    gegevens: list
    aanbod: list
    locaties: list

    @property
    def onderdelen(self):
        return self.gegevens + self.aanbod + self.locaties

    @property
    def kiesbaar(self):
        return [o for o in self.onderdelen if o.kiesbaar]


def _velden(namen, toen, nu, voorstel):
    return [
        Veldverschil(
            naam=naam,
            label=str(label),
            toen=_tekst(naam, (toen or {}).get(naam)),
            nu=_tekst(naam, (nu or {}).get(naam)),
            voorstel=_tekst(naam, (voorstel or {}).get(naam)),
        )
        for naam, label in namen
    ]


def _vergelijk_lijst(soort, namen, toen_lijst, nu_lijst, voorstel_lijst):
    toen = {i["id"]: i for i in toen_lijst if i.get("id")}
    nu = {i["id"]: i for i in nu_lijst if i.get("id")}
    onderdelen = []
    voorgesteld = set()
    nieuw_nummer = 0
    for item in voorstel_lijst:
        if item.get("id"):
            voorgesteld.add(item["id"])
            huidig = nu.get(item["id"])
            velden = _velden(namen, toen.get(item["id"]), huidig, item)
            if huidig is None:
                toestand = Soort.VERVALLEN
            elif any(v.gewijzigd for v in velden):
                toestand = Soort.GEWIJZIGD
            else:
                toestand = Soort.GELIJK
            sleutel = f"{soort}.{item['id']}"
        else:
            velden = _velden(namen, None, None, item)
            toestand = Soort.NIEUW
            sleutel = f"{soort}.nieuw.{nieuw_nummer}"
            nieuw_nummer += 1
        onderdelen.append(Onderdeel(sleutel, _titel(item), toestand, velden))
    for pk, item in toen.items():
        if pk not in voorgesteld:
            huidig = nu.get(pk)
            velden = _velden(namen, item, huidig, {})
            toestand = Soort.VERWIJDERD if huidig is not None else Soort.VERVALLEN
            onderdelen.append(Onderdeel(f"{soort}.{pk}", _titel(item), toestand, velden))
    return onderdelen


def _titel(item):
    return item.get("naam") or ", ".join(
        deel for deel in (item.get("adres"), item.get("plaats")) if deel
    )


def vergelijk(bijwerkvoorstel):
    """The proposal field by field beside the listing then (``huidig``) and now."""
    nu = momentopname(bijwerkvoorstel.organisatie)
    # A snapshot missing a part (made by hand, or by an older version) compares as empty.
    leeg = {"organisatie": {}, "aanbod": [], "locaties": []}
    huidig = {**leeg, **(bijwerkvoorstel.huidig or {})}
    voorstel = {**leeg, **(bijwerkvoorstel.voorstel or {})}
    gegevens = []
    for veld in _velden(
        ORGANISATIE_VELDEN, huidig["organisatie"], nu["organisatie"], voorstel["organisatie"]
    ):
        toestand = Soort.GEWIJZIGD if veld.gewijzigd else Soort.GELIJK
        gegevens.append(Onderdeel(f"organisatie.{veld.naam}", veld.label, toestand, [veld]))
    return Vergelijking(
        gegevens=gegevens,
        aanbod=_vergelijk_lijst(
            "aanbod", AANBOD_VELDEN, huidig["aanbod"], nu["aanbod"], voorstel["aanbod"]
        ),
        locaties=_vergelijk_lijst(
            "locatie", LOCATIE_VELDEN, huidig["locaties"], nu["locaties"], voorstel["locaties"]
        ),
    )


class BeoordelingFout(Exception):
    pass


def _voorgesteld_item(voorstel, soort, sleutel):
    """The proposed item for a key like "aanbod.12" or "aanbod.nieuw.0"."""
    lijst = voorstel["aanbod" if soort == "aanbod" else "locaties"]
    delen = sleutel.split(".")
    if delen[1] == "nieuw":
        nieuwe = [i for i in lijst if not i.get("id")]
        return nieuwe[int(delen[2])]
    return next((i for i in lijst if i.get("id") == int(delen[1])), None)


def _opslaan(instance, gebruiker, reden, velden=None):
    """Validate (only ``velden``, when given) and save, recording who and why in the history.

    Only the fields taken over are validated: an older value staff left alone (say a website
    from an import) must not block taking over a new phone number.
    """
    exclude = None
    if velden is not None:
        exclude = [f.name for f in instance._meta.fields if f.name not in velden]
    instance.full_clean(exclude=exclude)
    instance._history_user = gebruiker
    instance._change_reason = reden
    instance.save()


def _neem_aanbod_over(organisatie, item, bestaand, gebruiker, reden):
    if bestaand is None:
        volgorde = organisatie.aanbod.aggregate(m=Max("volgorde"))["m"]
        bestaand = Aanbod(organisatie=organisatie, volgorde=0 if volgorde is None else volgorde + 1)
    for naam, _label in AANBOD_VELDEN:
        setattr(bestaand, naam, item.get(naam, ""))
    _opslaan(bestaand, gebruiker, reden)


def _neem_locatie_over(organisatie, item, bestaand, gebruiker, reden):
    locatie = bestaand or Locatie(organisatie=organisatie)
    for naam, _label in LOCATIE_VELDEN[:-1]:
        setattr(locatie, naam, item.get(naam, False if naam == "rolstoeltoegankelijk" else ""))
    _opslaan(locatie, gebruiker, reden)
    tijden = [
        (t["dag"], t["van"], t["tot"], t.get("opmerking", "")) for t in item["openingstijden"]
    ]
    huidige = [
        (t.dag, _tijd(t.van), _tijd(t.tot), t.opmerking)
        for t in locatie.openingstijden.order_by("dag", "van")
    ]
    if sorted(tijden) == huidige:
        return
    for tijd in locatie.openingstijden.all():
        tijd._history_user = gebruiker
        tijd._change_reason = reden
        tijd.delete()
    for dag, van, tot, opmerking in tijden:
        _opslaan(
            Openingstijd(locatie=locatie, dag=dag, van=van, tot=tot, opmerking=opmerking),
            gebruiker,
            reden,
        )


def _verwijder(instance, gebruiker, reden):
    instance._history_user = gebruiker
    instance._change_reason = reden
    instance.delete()


def _beoordeel(bijwerkvoorstel, gebruiker):
    voorstel = (
        Bijwerkvoorstel.objects.select_for_update(of=("self",))
        .select_related("organisatie")
        .get(pk=bijwerkvoorstel.pk)
    )
    if voorstel.status != Bijwerkvoorstel.Status.OPEN:
        raise BeoordelingFout(_("Dit voorstel is al beoordeeld."))
    voorstel.beoordeeld_door = gebruiker
    voorstel.beoordeeld_op = timezone.now()
    return voorstel


def neem_over(bijwerkvoorstel, gebruiker, gekozen, notitie=""):
    """Take over the chosen parts (keys of ``vergelijk``'s onderdelen; None: all of them) in
    one transaction.

    The organisation counts as checked by itself today; its listing's history shows the staff
    member and the proposal. The organisation is e-mailed the outcome. Raises BeoordelingFout
    when nothing can be done (already reviewed, nothing chosen, invalid data).
    """
    with transaction.atomic():
        voorstel = _beoordeel(bijwerkvoorstel, gebruiker)
        organisatie = Organisatie.objects.select_for_update().get(pk=voorstel.organisatie_id)
        aanbod = {a.pk: a for a in organisatie.aanbod.select_for_update()}
        locaties = {loc.pk: loc for loc in organisatie.locaties.select_for_update()}
        vergelijking = vergelijk(voorstel)
        kiesbaar = {o.sleutel: o for o in vergelijking.kiesbaar}
        gekozen = set(kiesbaar) if gekozen is None else set(gekozen)
        overnemen = [kiesbaar[s] for s in kiesbaar if s in gekozen]
        if kiesbaar and not overnemen:
            raise BeoordelingFout(
                _("Kies wat u wilt overnemen, of wijs het voorstel af met een notitie.")
            )
        reden = _("Bijwerkvoorstel %(nummer)s van de organisatie") % {"nummer": voorstel.pk}
        gewijzigde_velden = ["laatst_geverifieerd", "gecontroleerd_door"]
        try:
            for onderdeel in overnemen:
                soort, rest = onderdeel.sleutel.split(".", 1)
                if soort == "organisatie":
                    setattr(organisatie, rest, voorstel.voorstel["organisatie"].get(rest, ""))
                    gewijzigde_velden.append(rest)
                    continue
                bestaande = aanbod if soort == "aanbod" else locaties
                bestaand = None if rest.startswith("nieuw") else bestaande[int(rest)]
                if onderdeel.soort == Soort.VERWIJDERD:
                    _verwijder(bestaand, gebruiker, reden)
                    continue
                item = _voorgesteld_item(voorstel.voorstel, soort, onderdeel.sleutel)
                if soort == "aanbod":
                    _neem_aanbod_over(organisatie, item, bestaand, gebruiker, reden)
                else:
                    _neem_locatie_over(organisatie, item, bestaand, gebruiker, reden)
            organisatie.laatst_geverifieerd = timezone.localdate()
            organisatie.gecontroleerd_door = Controlebron.ORGANISATIE
            _opslaan(organisatie, gebruiker, reden, velden=gewijzigde_velden)
        except ValidationError as fout:
            raise BeoordelingFout(
                _("Dit kan niet worden overgenomen: %(fout)s")
                % {"fout": " ".join(m for ms in fout.message_dict.values() for m in ms)}
            ) from fout
        alles = len(overnemen) == len(kiesbaar)
        voorstel.status = (
            Bijwerkvoorstel.Status.OVERGENOMEN if alles else Bijwerkvoorstel.Status.DEELS
        )
        voorstel.notitie = notitie
        voorstel.save()
        _meld_uitkomst(voorstel, organisatie, overgenomen=overnemen, niet=_niet(kiesbaar, gekozen))
    return voorstel


def _niet(kiesbaar, gekozen):
    return [o for s, o in kiesbaar.items() if s not in gekozen]


def wijs_af(bijwerkvoorstel, gebruiker, notitie):
    """Reject the whole proposal; the organisation gets the note."""
    if not notitie.strip():
        raise BeoordelingFout(_("Schrijf in de notitie waarom u het voorstel afwijst."))
    with transaction.atomic():
        voorstel = _beoordeel(bijwerkvoorstel, gebruiker)
        voorstel.status = Bijwerkvoorstel.Status.AFGEWEZEN
        voorstel.notitie = notitie
        voorstel.save()
        _meld_uitkomst(voorstel, voorstel.organisatie, overgenomen=[], niet=[])
    return voorstel


def _meld_uitkomst(voorstel, organisatie, overgenomen, niet):
    """E-mail the organisation the outcome, with a fresh link. Without an address: nothing."""
    if not organisatie.contact_email:
        return None
    with translation.override(voorstel.taal or settings.LANGUAGE_CODE):
        return _meld_uitkomst_in_taal(voorstel, organisatie, overgenomen, niet)


def _meld_uitkomst_in_taal(voorstel, organisatie, overgenomen, niet):
    site = SiteConfiguratie.get_solo()
    return in_outbox(
        organisatie.contact_email,
        _("Uw voorstel is bekeken: %(naam)s") % {"naam": organisatie.naam},
        "organisaties/email/beoordeling",
        {
            "organisatie": organisatie,
            "voorstel": voorstel,
            "overgenomen": overgenomen,
            "niet_overgenomen": niet,
            "link": persoonlijke_link(organisatie),
            "pagina": absolute_url(organisatie.get_absolute_url())
            if organisatie.status == Organisatie.Status.GEPUBLICEERD
            else "",
            "geldig_tot": link_geldig_tot(),
            "site": site,
        },
    )


# --- "Aanmelden als organisatie" --------------------------------------------------------------


def _vrije_slug(naam):
    basis = slugify(naam)[:190].strip("-") or "organisatie"
    kandidaat, nummer = basis, 1
    while kandidaat in GERESERVEERDE_SLUGS or Organisatie.objects.filter(slug=kandidaat).exists():
        nummer += 1
        kandidaat = f"{basis}-{nummer}"
    return kandidaat


def meld_aan(
    *,
    naam,
    soort,
    omschrijving,
    email="",
    telefoon="",
    website="",
    contact_email,
    aangemeld_door,
    locatie=None,
):
    """A new organisation from the public form: a concept for staff to review, never live.

    ``locatie`` is a dict with adres, postcode and plaats, or None. The slug is the name's,
    with a number added when it is taken (also by a registration at the same moment).
    """
    for _poging in range(5):
        try:
            with transaction.atomic():
                organisatie = Organisatie(
                    naam=naam,
                    slug=_vrije_slug(naam),
                    soort=soort,
                    omschrijving=omschrijving,
                    email=email,
                    telefoon=telefoon,
                    website=website,
                    contact_email=contact_email,
                    aangemeld_door=aangemeld_door,
                    status=Organisatie.Status.CONCEPT,
                    bron=Bron.AANMELDFORMULIER,
                )
                organisatie._history_user = None
                organisatie._change_reason = _("Aangemeld via het formulier op de site")
                organisatie.save()
                if locatie:
                    nieuwe = Locatie(organisatie=organisatie, **locatie)
                    nieuwe._history_user = None
                    nieuwe._change_reason = organisatie._change_reason
                    nieuwe.save()
                return organisatie
        except IntegrityError:  # the same slug taken at the same moment: try the next one
            continue
    raise IntegrityError("Geen vrije slug gevonden")
