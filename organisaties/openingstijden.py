"""Today's opening state of an organisation, as a resident reads it on a result card.

Computed in Python from prefetched opening hours, in the local time of the municipality
(Europe/Amsterdam), so that a card costs no query of its own and a server in UTC says
"nu open" at the same moment as the door opens. The state changes with the clock: pages that
show it are cached per quarter of an hour (see organisaties.views).
"""

import datetime
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

LOKALE_TIJD = ZoneInfo("Europe/Amsterdam")


class Stand(StrEnum):
    OPEN = "open"
    OPENT_NOG = "opent_nog"  # closed now, opens later today
    NU_GESLOTEN = "nu_gesloten"  # was open today, closed for the rest of the day
    VANDAAG_GESLOTEN = "vandaag_gesloten"


@dataclass(frozen=True)
class Vandaag:
    stand: Stand
    tijd: datetime.time | None = None  # closing time when open, opening time when it opens later

    @property
    def is_open(self):
        return self.stand == Stand.OPEN

    @property
    def tekst(self):
        if self.stand == Stand.OPEN:
            return _("Vandaag open tot %(tijd)s") % {"tijd": f"{self.tijd:%H:%M}"}
        if self.stand == Stand.OPENT_NOG:
            return _("Opent vandaag om %(tijd)s") % {"tijd": f"{self.tijd:%H:%M}"}
        if self.stand == Stand.NU_GESLOTEN:
            return _("Nu gesloten")
        return _("Vandaag gesloten")

    def __str__(self):
        return self.tekst


def lokale_tijd(moment=None):
    """The given (aware) moment, or now, in the municipality's time zone."""
    return (moment or timezone.now()).astimezone(LOKALE_TIJD)


def vandaag(openingstijden, moment=None):
    """The opening state at ``moment`` (default now) from a collection of Openingstijd.

    ``openingstijden`` may span several locations and days; periods of today are merged,
    so two locations open 9-12 and 11-16 make "open tot 16:00" at 11:30. A period runs from
    ``van`` up to, not including, ``tot``. None when there are no opening hours at all: then
    the card says nothing rather than "gesloten".
    """
    openingstijden = list(openingstijden)
    if not openingstijden:
        return None
    nu = lokale_tijd(moment)
    tijd = nu.time().replace(tzinfo=None)
    periodes = sorted((o.van, o.tot) for o in openingstijden if o.dag == nu.isoweekday())
    if not periodes:
        return Vandaag(Stand.VANDAAG_GESLOTEN)

    # Merge overlapping and touching periods: 9-12 and 12-16 is open until 16.
    samengevoegd = [list(periodes[0])]
    for van, tot in periodes[1:]:
        if van <= samengevoegd[-1][1]:
            samengevoegd[-1][1] = max(samengevoegd[-1][1], tot)
        else:
            samengevoegd.append([van, tot])

    for van, tot in samengevoegd:
        if van <= tijd < tot:
            return Vandaag(Stand.OPEN, tot)
        if tijd < van:
            return Vandaag(Stand.OPENT_NOG, van)
    return Vandaag(Stand.NU_GESLOTEN)


def van_organisatie(organisatie, moment=None):
    """Today's state over all locations of an organisation with prefetched opening hours."""
    return vandaag(
        (t for locatie in organisatie.locaties.all() for t in locatie.openingstijden.all()),
        moment,
    )
