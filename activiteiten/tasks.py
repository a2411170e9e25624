"""Background tasks for activities: telling registrants that their time moved."""

import datetime

from procrastinate.contrib.django import app

from bijeenkomsten import berichten
from bijeenkomsten.models import Aanmelding


@app.task(queue="email")
def meld_nieuwe_tijd(bijeenkomst_id, oude_start):
    """E-mail everyone still signed up for this time of an activity its new time.

    Each e-mail is in the registrant's own language (berichten), whoever moved the time.
    """
    oud = datetime.datetime.fromisoformat(oude_start)
    aantal = 0
    for aanmelding in Aanmelding.objects.filter(bijeenkomst_id=bijeenkomst_id).exclude(
        status=Aanmelding.Status.GEANNULEERD
    ):
        if berichten.tijd_gewijzigd(aanmelding, oud):
            aantal += 1
    return aantal
