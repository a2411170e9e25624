"""The times an activity happens ("momenten"), computed for a window, never stored.

A repeating activity keeps its wall-clock time in Europe/Amsterdam: the RRULE runs on the
local time of the first start, without a time zone, and each result is then placed in
Amsterdam. So "every Tuesday at 10:00" stays at 10:00 after the change to or from summer
time (in UTC it moves an hour). Excluded days (``uitzonderingen``) and periods
(Uitzonderingsperiode, such as the summer holiday) are left out by their local date.

The rule is checked when it is saved (``controleer_regel``): only daily, weekly, monthly or
yearly rules, without hours or minutes of their own, so that no rule can make a page
compute thousands of times.
"""

import datetime
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrulestr
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TOEGESTANE_FREQUENTIES = {DAILY, WEEKLY, MONTHLY, YEARLY}
VERBODEN_DELEN = ("BYHOUR", "BYMINUTE", "BYSECOND", "DTSTART", "COUNT=0")
MAX_PER_ACTIVITEIT = 400  # times of one activity in one window: more is never shown


@dataclass
class Moment:
    """One time an activity happens."""

    activiteit: object
    start: datetime.datetime
    einde: datetime.datetime
    afstand_tekst: str = ""

    @property
    def dag(self):
        """The local date, for grouping an agenda by day."""
        return timezone.localtime(self.start, AMSTERDAM).date()

    @property
    def sleutel(self):
        """The moment in the URL of its sign-up: local start, like 20261124T1000."""
        return timezone.localtime(self.start, AMSTERDAM).strftime("%Y%m%dT%H%M")


def _lokaal(moment):
    return timezone.localtime(moment, AMSTERDAM).replace(tzinfo=None)


def _regel(tekst, dtstart):
    return rrulestr(tekst, dtstart=dtstart, ignoretz=True)


def controleer_regel(tekst):
    """The rule in its normal form, or a ValidationError in Dutch."""
    regel = tekst.strip().upper().removeprefix("RRULE:").strip().rstrip(";")
    fout = ValidationError(
        _(
            "Deze herhaling begrijpen we niet. Gebruik bijvoorbeeld FREQ=WEEKLY of "
            "FREQ=MONTHLY;BYDAY=1MO."
        ),
        code="herhaling",
    )
    if not regel or "\n" in regel or any(deel in regel for deel in VERBODEN_DELEN):
        raise fout
    # UNTIL as a date or a local time; a UTC 'Z' means nothing against a local start.
    regel = re.sub(r"(UNTIL=\d{8}(T\d{6})?)Z", r"\1", regel)
    try:
        herhaling = _regel(regel, datetime.datetime(2000, 1, 1, 10))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as e:
        raise fout from e
    if herhaling._freq not in TOEGESTANE_FREQUENTIES:
        raise fout
    return regel


def momenten(activiteit, van, tot, uitzonderingsperioden=None):
    """The times of ``activiteit`` that have not ended at ``van`` and start before ``tot``.

    ``uitzonderingsperioden``: the activity's periods, when the caller fetched them already
    (prefetch); otherwise they are read here.
    """
    if uitzonderingsperioden is None:
        uitzonderingsperioden = list(activiteit.uitzonderingsperioden.all())
    eerste = _lokaal(activiteit.start)
    duur = _lokaal(activiteit.einde) - eerste
    if not activiteit.herhaling:
        if activiteit.einde > van and activiteit.start < tot:
            return [Moment(activiteit, activiteit.start, activiteit.einde)]
        return []
    try:
        regel = _regel(activiteit.herhaling, eerste)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return []  # a rule saved past the form's check: shown as nothing, never a 500
    vrij = set(activiteit.uitzonderingen or [])
    resultaat = []
    for lokaal in regel.xafter(_lokaal(van) - duur - datetime.timedelta(hours=1), inc=True):
        start = lokaal.replace(tzinfo=AMSTERDAM)
        if start >= tot or len(resultaat) >= MAX_PER_ACTIVITEIT:
            break
        einde = (lokaal + duur).replace(tzinfo=AMSTERDAM)
        dag = lokaal.date()
        if einde <= van or dag in vrij:
            continue
        if any(p.van <= dag <= p.tot for p in uitzonderingsperioden):
            continue
        resultaat.append(Moment(activiteit, start, einde))
    return resultaat


def alle_momenten(activiteiten, van, tot):
    """Every time of these activities in the window, soonest first."""
    resultaat = []
    for activiteit in activiteiten:
        resultaat += momenten(activiteit, van, tot, list(activiteit.uitzonderingsperioden.all()))
    resultaat.sort(key=lambda m: (m.start, m.activiteit.titel, m.activiteit.pk))
    return resultaat


def moment_op(activiteit, sleutel):
    """The moment of ``activiteit`` whose local start is ``sleutel`` (20261124T1000), or None."""
    try:
        lokaal = datetime.datetime.strptime(sleutel, "%Y%m%dT%H%M")
    except (ValueError, TypeError):
        return None
    start = lokaal.replace(tzinfo=AMSTERDAM)
    for moment in momenten(activiteit, start, start + datetime.timedelta(minutes=1)):
        if moment.start == start:
            return moment
    return None


def beschrijving(activiteit):
    """A Dutch sentence for the common rules ('Elke week op dinsdag'), else ''."""
    if not activiteit.herhaling:
        return ""
    try:
        regel = _regel(activiteit.herhaling, _lokaal(activiteit.start))
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        return ""
    dag = _dagnaam(_lokaal(activiteit.start).weekday())
    interval = regel._interval
    if (
        regel._freq == WEEKLY
        and not regel._byweekday
        or (regel._freq == WEEKLY and regel._byweekday == (_lokaal(activiteit.start).weekday(),))
    ):
        if interval == 1:
            return _("Elke week op %(dag)s") % {"dag": dag}
        if interval == 2:
            return _("Om de week op %(dag)s") % {"dag": dag}
        return _("Elke %(n)s weken op %(dag)s") % {"n": interval, "dag": dag}
    if regel._freq == DAILY and interval == 1:
        return _("Elke dag")
    if regel._freq == MONTHLY and regel._bynweekday:
        weekdag, nummer = regel._bynweekday[0]
        rangtelwoord = {1: _("eerste"), 2: _("tweede"), 3: _("derde"), 4: _("vierde")}
        if nummer == -1:
            return _("Elke laatste %(dag)s van de maand") % {"dag": _dagnaam(weekdag)}
        if nummer in rangtelwoord:
            return _("Elke %(nummer)s %(dag)s van de maand") % {
                "nummer": rangtelwoord[nummer],
                "dag": _dagnaam(weekdag),
            }
    if regel._freq == MONTHLY and interval == 1:
        return _("Elke maand")
    return _("Komt regelmatig terug")


def _dagnaam(weekdag):
    return [
        _("maandag"),
        _("dinsdag"),
        _("woensdag"),
        _("donderdag"),
        _("vrijdag"),
        _("zaterdag"),
        _("zondag"),
    ][weekdag]
