"""iCalendar (.ics) for meetings: a download per meeting, a feed, and the e-mail attachment."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

from bijeenkomsten.models import Bijeenkomst


def absolute_url(pad):
    return settings.SITE_URL.rstrip("/") + pad


def een_regel(tekst):
    """Titles and places are one line; icalendar refuses a line break in some properties."""
    return " ".join(str(tekst).split())


def _event(bijeenkomst):
    event = Event()
    host = settings.SITE_URL.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0]
    event.add("uid", f"bijeenkomst-{bijeenkomst.pk}@{host}")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", bijeenkomst.start)
    event.add("dtend", bijeenkomst.einde)
    activiteit = bijeenkomst.activiteit
    if activiteit is not None:
        # One time of an activity: its current text, place and how to join.
        titel, plaats = activiteit.titel, activiteit.plaats_tekst
        delen = (activiteit.omschrijving, activiteit.hoe_meedoen)
        omschrijving = "\n\n".join(deel for deel in delen if deel)
    else:
        titel, plaats = bijeenkomst.titel, bijeenkomst.plaats_tekst
        omschrijving = bijeenkomst.omschrijving
    event.add("summary", een_regel(titel))
    event.add("description", omschrijving)
    if plaats:
        event.add("location", een_regel(plaats))
    event.add("url", absolute_url(bijeenkomst.get_absolute_url()))
    event.add("last-modified", bijeenkomst.gewijzigd)
    geannuleerd = bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD
    event.add("status", "CANCELLED" if geannuleerd else "CONFIRMED")
    return event


def agenda(bijeenkomsten, naam):
    kalender = Calendar()
    kalender.add("prodid", "-//netwerk//bijeenkomsten//NL")
    kalender.add("version", "2.0")
    kalender.add("x-wr-calname", een_regel(naam))
    for bijeenkomst in bijeenkomsten:
        kalender.add_component(_event(bijeenkomst))
    return kalender.to_ical()
