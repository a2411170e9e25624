"""Background tasks of the site itself: sending the outbox.

Tasks run on procrastinate workers (``manage.py procrastinate worker``); the queue is a table
in the site's own PostgreSQL, so any number of workers on any number of machines share it.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from procrastinate.contrib.django import app
from procrastinate.exceptions import AlreadyEnqueued

from netwerk.email import Uitkomst, verstuur
from netwerk.models import UitgaandeEmail

# An e-mail whose attempt is this late has lost its task (a worker died, or it was queued
# before the queue existed): the periodic sweep queues it again.
VERLOREN_NA = datetime.timedelta(minutes=10)


def wachttijd(pogingen):
    """Back-off after the n-th failed attempt: 2, 4, 8 ... 256 minutes."""
    return datetime.timedelta(minutes=2**pogingen)


def plan_verzending(email, wanneer=None):
    """Queue the sending of ``email``, once: an e-mail already queued is not queued twice.

    Call inside the transaction that stores the e-mail, so that both or neither happen.
    """
    try:
        with transaction.atomic():  # a refused duplicate must not abort the caller's transaction
            verstuur_email.configure(queueing_lock=f"email-{email.pk}", schedule_at=wanneer).defer(
                email_id=email.pk
            )
    except AlreadyEnqueued:
        pass


@app.task(queue="email")
def verstuur_email(email_id):
    """Send one e-mail of the outbox; after a failure, queue the next attempt later."""
    pogingen = UitgaandeEmail.objects.filter(pk=email_id).values_list("pogingen", flat=True).first()
    if pogingen is None:
        return Uitkomst.NIETS_TE_DOEN.value
    volgende = timezone.now() + wachttijd(pogingen + 1)
    uitkomst = verstuur(email_id, volgende_poging=volgende)
    if uitkomst == Uitkomst.OPNIEUW:
        plan_verzending(UitgaandeEmail(pk=email_id), wanneer=volgende)
    return uitkomst.value


@app.periodic(cron="*/10 * * * *", periodic_id="outbox")
@app.task(queueing_lock="herstel_outbox")
def herstel_outbox(timestamp):
    """Queue again every waiting e-mail whose attempt is overdue (its task was lost)."""
    grens = timezone.now() - VERLOREN_NA
    aantal = 0
    for email in UitgaandeEmail.objects.filter(
        status=UitgaandeEmail.Status.WACHTEND, volgende_poging__lt=grens
    ).only("pk"):
        plan_verzending(email)
        aantal += 1
    return aantal
