"""iCalendar for the agenda of activities: one event per time, for any filter of the agenda.

Built like bijeenkomsten.ics, and with its way of keeping titles and places on one line.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from bijeenkomsten.ics import absolute_url, een_regel


def _event(moment, host):
    activiteit = moment.activiteit
    event = Event()
    event.add("uid", f"activiteit-{activiteit.pk}-{moment.sleutel}@{host}")
    event.add("dtstamp", timezone.now())
    # In UTC, as the meetings' feed: a TZID would need a VTIMEZONE block of its own.
    event.add("dtstart", moment.start.astimezone(datetime.UTC))
    event.add("dtend", moment.einde.astimezone(datetime.UTC))
    event.add("summary", een_regel(activiteit.titel))
    event.add("description", activiteit.omschrijving)
    if activiteit.plaats_tekst:
        event.add("location", een_regel(activiteit.plaats_tekst))
    event.add("url", absolute_url(activiteit.get_absolute_url()))
    event.add("last-modified", activiteit.gewijzigd)
    event.add("status", "CONFIRMED")
    return event


def agenda(momenten, naam):
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    kalender = Calendar()
    kalender.add("prodid", "-//netwerk//activiteiten//NL")
    kalender.add("version", "2.0")
    kalender.add("x-wr-calname", een_regel(naam))
    for moment in momenten:
        kalender.add_component(_event(moment, host))
    return kalender.to_ical()
