"""Background tasks for meetings: pasted lists, reminders, the waiting list, anonymisation.

The periodic ones replace cron lines: every worker knows the schedule, procrastinate queues
each run once however many workers there are, and the services they call are safe to run
twice at once (rows locked with SKIP LOCKED).
"""

from django.conf import settings
from procrastinate.contrib.django import app

from bijeenkomsten import dagoverzicht, services


@app.task(queue="plakken")
def verwerk_plakopdracht_taak(opdracht_id):
    opdracht = services.verwerk_plakopdracht(opdracht_id)
    return len(opdracht.verslag) if opdracht else 0


@app.periodic(cron="0 * * * *", periodic_id="herinneringen")
@app.task(queueing_lock="herinneringen")
def verstuur_herinneringen(timestamp):
    """One reminder per confirmed attendee, HERINNERING_DAGEN days before; never twice."""
    return services.verstuur_herinneringen(settings.HERINNERING_DAGEN)


@app.periodic(cron="30 3 * * *", periodic_id="anonimiseren")
@app.task(queueing_lock="anonimiseren")
def anonimiseer_aanmeldingen(timestamp):
    """Personal data of attendees goes once the retention period (site settings) has passed."""
    return services.anonimiseer_aanmeldingen()


@app.periodic(cron="*/5 * * * *", periodic_id="verlopen_aanbiedingen")
@app.task(queueing_lock="verlopen_aanbiedingen")
def verlopen_aanbiedingen(timestamp):
    """Offers of a free place not accepted in time pass to the next on the waiting list."""
    return services.verlopen_aanbiedingen()


@app.periodic(cron="0 7 * * *", periodic_id="dagoverzicht")
@app.task(queueing_lock="dagoverzicht")
def verstuur_dagoverzichten(timestamp):
    """Each coordinator's daily e-mail of cancellations and lapsed offers; never two a day."""
    return dagoverzicht.verstuur_dagoverzichten()
