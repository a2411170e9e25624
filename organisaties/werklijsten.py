"""The work lists of the redactie: what waits for a redacteur, each list declared once.

A work list is a filter on one model. The admin start page shows each list as a count with a
link; the link opens that model's changelist filtered by the same definition (the
``WerklijstFilter`` of organisaties.admin reads ``?werklijst=<naam>``). So the number on the
start page and the rows in the list can never disagree, and a new list is one entry below.

Which organisations count: archived ones never (they are off the kaart on purpose); the check
lists (not checked, no answer) only published ones, since a concept is checked when it is
published.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import TruncDate
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerk.models import SiteConfiguratie
from organisaties.models import (
    Bijwerkvoorstel,
    Geocodeerstatus,
    Locatie,
    Organisatie,
    Wijzigingsvoorstel,
)

# An organisation asked to check its listing is on the list "geen antwoord" after this long.
ANTWOORDTERMIJN = datetime.timedelta(days=28)


def maanden_eerder(datum: datetime.date, maanden: int) -> datetime.date:
    """The same day ``maanden`` months earlier; the 31st becomes the month's last day."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 - maanden, 12)
    maand += 1
    volgende = datetime.date(jaar + maand // 12, maand % 12 + 1, 1)
    laatste_dag = (volgende - datetime.timedelta(days=1)).day
    return datetime.date(jaar, maand, min(datum.day, laatste_dag))


def controlegrens(vandaag: datetime.date | None = None) -> datetime.date:
    """Checked before this date: too long ago (SiteConfiguratie.controletermijn_maanden)."""
    vandaag = vandaag or timezone.localdate()
    return maanden_eerder(vandaag, SiteConfiguratie.get_solo().controletermijn_maanden)


class Controlestatus:
    """The values of the admin filter 'gecontroleerd', and what each selects."""

    BINNEN = "binnen"
    TE_LANG = "te_lang"
    NOOIT = "nooit"

    keuzes = [
        (BINNEN, _("Binnen de controletermijn")),
        (TE_LANG, _("Te lang niet gecontroleerd")),
        (NOOIT, _("Nooit gecontroleerd")),
    ]

    @classmethod
    def filter(cls, waarde: str) -> Q:
        grens = controlegrens()
        return {
            cls.BINNEN: Q(laatst_geverifieerd__gte=grens),
            cls.TE_LANG: Q(laatst_geverifieerd__lt=grens),
            cls.NOOIT: Q(laatst_geverifieerd__isnull=True),
        }[waarde]


def _actief(organisaties):
    return organisaties.exclude(status=Organisatie.Status.GEARCHIVEERD)


def _niet_gecontroleerd(organisaties, gebruiker):
    grens = controlegrens()
    return organisaties.filter(status=Organisatie.Status.GEPUBLICEERD).filter(
        Q(laatst_geverifieerd__isnull=True) | Q(laatst_geverifieerd__lt=grens)
    )


def _geen_antwoord(organisaties, gebruiker):
    """Asked to check more than four weeks ago; neither confirmed nor proposed changes since."""
    voorstel_sindsdien = Bijwerkvoorstel.objects.filter(
        organisatie=OuterRef("pk"), ingediend_op__gte=OuterRef("herinnering_verstuurd_op")
    )
    return organisaties.filter(
        Q(laatst_geverifieerd__isnull=True)
        | Q(laatst_geverifieerd__lt=TruncDate("herinnering_verstuurd_op")),
        status=Organisatie.Status.GEPUBLICEERD,
        herinnering_verstuurd_op__lt=timezone.now() - ANTWOORDTERMIJN,
    ).exclude(Exists(voorstel_sindsdien))


def _zonder_locatie(organisaties, gebruiker):
    return _actief(organisaties).exclude(Exists(Locatie.objects.filter(organisatie=OuterRef("pk"))))


def _zonder_contact(organisaties, gebruiker):
    return _actief(organisaties).filter(email="", telefoon="", website="")


def _mij_toegewezen(organisaties, gebruiker):
    if not getattr(gebruiker, "pk", None):
        return organisaties.none()  # toegewezen_aan=None would be every unassigned one
    return _actief(organisaties).filter(toegewezen_aan=gebruiker)


def _geocoderen_mislukt(locaties, gebruiker):
    return locaties.filter(geocodeer_status=Geocodeerstatus.MISLUKT).exclude(
        organisatie__status=Organisatie.Status.GEARCHIVEERD
    )


def _nieuwe_meldingen(meldingen, gebruiker):
    return meldingen.filter(status=Wijzigingsvoorstel.Status.NIEUW)


def _open_bijwerkvoorstellen(voorstellen, gebruiker):
    return voorstellen.filter(status=Bijwerkvoorstel.Status.OPEN)


@dataclass(frozen=True)
class Werklijst:
    naam: str
    label: str
    uitleg: str
    model: type
    # Narrows a queryset of ``model`` to the list; the user is there for "aan mij toegewezen".
    selectie: Callable[[QuerySet, object], QuerySet]
    # The changelist's query string; by default the admin's own werklijst filter.
    parameters: dict = field(default_factory=dict)

    def queryset(self, gebruiker, queryset=None):
        if queryset is None:
            queryset = self.model._default_manager.all()
        # Other gemeenten keep their own organisations (organisaties.federatie).
        if self.model is Organisatie:
            queryset = queryset.filter(regiobron__isnull=True)
        elif self.model is Locatie:
            queryset = queryset.filter(organisatie__regiobron__isnull=True)
        return self.selectie(queryset, gebruiker)

    def url(self) -> str | None:
        """The filtered changelist, or None when the model has no admin (yet)."""
        opts = self.model._meta
        try:
            basis = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        except NoReverseMatch:
            return None
        return f"{basis}?{urlencode(self.parameters or {'werklijst': self.naam})}"

    def zichtbaar_voor(self, gebruiker) -> bool:
        """Work is for who may change the rows: coordinators only read the directory."""
        opts = self.model._meta
        return gebruiker.has_perm(f"{opts.app_label}.change_{opts.model_name}")

    def titel(self, site=None) -> str:
        site = site or SiteConfiguratie.get_solo()
        return str(self.label) % {"maanden": site.controletermijn_maanden}


WERKLIJSTEN = [
    Werklijst(
        "meldingen",
        _("Meldingen van inwoners"),
        _("Inwoners melden dat iets niet klopt. Bekijk de melding en pas de gegevens aan."),
        Wijzigingsvoorstel,
        _nieuwe_meldingen,
        {"status__exact": Wijzigingsvoorstel.Status.NIEUW},
    ),
    Werklijst(
        "bijwerkvoorstellen",
        _("Wijzigingen van organisaties"),
        _("Organisaties stelden zelf wijzigingen voor. Neem ze over of wijs ze af."),
        Bijwerkvoorstel,
        _open_bijwerkvoorstellen,
        {"status__exact": Bijwerkvoorstel.Status.OPEN},
    ),
    Werklijst(
        "mij_toegewezen",
        _("Aan mij toegewezen"),
        _("Organisaties die u bijhoudt."),
        Organisatie,
        _mij_toegewezen,
    ),
    Werklijst(
        "niet_gecontroleerd",
        _("Niet gecontroleerd in %(maanden)s maanden"),
        _("Gepubliceerd, maar langer dan de controletermijn niet nagekeken of nooit."),
        Organisatie,
        _niet_gecontroleerd,
    ),
    Werklijst(
        "geen_antwoord",
        _("Geen antwoord op controleverzoek"),
        _("Vier weken na het verzoek om de gegevens te controleren nog geen reactie. Bel ze."),
        Organisatie,
        _geen_antwoord,
    ),
    Werklijst(
        "zonder_locatie",
        _("Zonder locatie"),
        _("Inwoners zien niet waar ze terechtkunnen, en de organisatie staat niet op de kaart."),
        Organisatie,
        _zonder_locatie,
    ),
    Werklijst(
        "zonder_contact",
        _("Zonder contactgegevens"),
        _("Geen e-mailadres, telefoonnummer of website: inwoners kunnen ze niet bereiken."),
        Organisatie,
        _zonder_contact,
    ),
    Werklijst(
        "geocoderen_mislukt",
        _("Adres niet gevonden"),
        _("Voor deze locaties zijn geen coördinaten gevonden. Controleer het adres."),
        Locatie,
        _geocoderen_mislukt,
    ),
]

PER_NAAM = {werklijst.naam: werklijst for werklijst in WERKLIJSTEN}


def voor_model(model) -> list[Werklijst]:
    return [werklijst for werklijst in WERKLIJSTEN if werklijst.model is model]


def overzicht(gebruiker) -> list[dict]:
    """The start page: each list the user works on, with its count (one query per list)."""
    site = SiteConfiguratie.get_solo()
    return [
        {
            "naam": werklijst.naam,
            "titel": werklijst.titel(site),
            "uitleg": werklijst.uitleg,
            "aantal": werklijst.queryset(gebruiker).count(),
            "url": werklijst.url(),
        }
        for werklijst in WERKLIJSTEN
        if werklijst.zichtbaar_voor(gebruiker)
    ]
