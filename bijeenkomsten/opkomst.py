"""Turnout after a meeting: how many with a confirmed place came, per organisation and per
soort of organisation, so that a coordinator sees who registers and stays away.

Counts only, never names: the same figures serve the meeting's own pages and the network view
(bijeenkomsten.netwerkinzicht). Only meetings that have ended count; before the end a
missing check-in may still come.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from bijeenkomsten.models import Aanmelding


@dataclass
class Regel:
    naam: str
    aangemeld: int = 0
    aanwezig: int = 0

    @property
    def weggebleven(self):
        return self.aangemeld - self.aanwezig


@dataclass
class Opkomst:
    organisaties: list  # of Regel, most no-shows first
    soorten: list  # of Regel, most no-shows first
    totaal: Regel

    def __bool__(self):
        return self.totaal.aangemeld > 0

    @property
    def tabellen(self):
        return [
            (_("Per soort organisatie"), self.soorten),
            (_("Per organisatie"), self.organisaties),
        ]


def opkomst(bijeenkomsten):
    """Registered (a confirmed place) against present, over the ended meetings of
    ``bijeenkomsten``. One query whatever the number of meetings or attendees."""
    nu = timezone.now()
    afgelopen = [b.pk for b in bijeenkomsten if b.einde < nu]
    rijen = (
        Aanmelding.objects.filter(
            bijeenkomst__in=afgelopen, status__in=Aanmelding.BEVESTIGDE_STATUSSEN
        )
        .values("organisatie__naam", "organisatie__soort__naam", "organisatie_naam")
        .annotate(
            aangemeld=Count("pk"), aanwezig=Count("pk", filter=Q(status=Aanmelding.Status.AANWEZIG))
        )
        .order_by()
    )
    organisaties, soorten, totaal = {}, {}, Regel(_("Totaal"))
    for rij in rijen:
        organisatie = (
            rij["organisatie__naam"]
            or rij["organisatie_naam"].strip()
            or _("Geen organisatie opgegeven")
        )
        soort = rij["organisatie__soort__naam"] or _("Niet in de sociale kaart")
        for regel in (
            organisaties.setdefault(organisatie, Regel(organisatie)),
            soorten.setdefault(soort, Regel(soort)),
            totaal,
        ):
            regel.aangemeld += rij["aangemeld"]
            regel.aanwezig += rij["aanwezig"]

    def volgorde(regel):
        return (-regel.weggebleven, regel.naam.lower())

    return Opkomst(
        organisaties=sorted(organisaties.values(), key=volgorde),
        soorten=sorted(soorten.values(), key=volgorde),
        totaal=totaal,
    )
