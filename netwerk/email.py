"""The outbox: e-mail is stored in the transaction that causes it and sent by a worker.

``in_outbox()`` is what services call. It writes the e-mail and queues the task
``netwerk.tasks.verstuur_email`` in the same transaction, so a rolled-back registration
sends nothing and a committed one always has its e-mail waiting. No web request ever opens a
connection to the mail server: a slow or dead mail server cannot slow a page down. The task
retries with growing intervals (procrastinate's retry); every attempt and its error is kept
on the row, which beheerders see in the admin.
"""

import base64
import logging
from enum import Enum

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from netwerk.models import UitgaandeEmail

logger = logging.getLogger(__name__)

MAX_POGINGEN = 8


class Uitkomst(Enum):
    VERZONDEN = "verzonden"
    OPNIEUW = "opnieuw"  # failed; another attempt follows
    MISLUKT = "mislukt"  # failed for the last time
    NIETS_TE_DOEN = "niets"  # sent already, given up, or another worker has it now


def in_outbox(aan, onderwerp, template, context, bijlagen=()):
    """Store an e-mail from ``<template>.txt`` and ``<template>.html`` and queue its sending.

    ``bijlagen`` holds (file name, MIME type, bytes).
    """
    from netwerk.tasks import plan_verzending

    # A line break in a subject (a title typed with one) would make every attempt fail.
    onderwerp = " ".join(str(onderwerp).split())[:300]
    with transaction.atomic():
        email = UitgaandeEmail.objects.create(
            aan=aan,
            onderwerp=onderwerp,
            tekst=render_to_string(f"{template}.txt", context),
            html=render_to_string(f"{template}.html", context),
            bijlagen=[
                {"naam": naam, "type": soort, "inhoud": base64.b64encode(inhoud).decode()}
                for naam, soort, inhoud in bijlagen
            ],
        )
        plan_verzending(email)
    return email


def verstuur(email_id, volgende_poging=None):
    """Try to send one waiting e-mail now. Never raises; returns an ``Uitkomst``.

    ``volgende_poging`` is when the next attempt will be, recorded on the row when this one
    fails. The row stays locked while the mail server is asked, so two workers never send
    the same e-mail.
    """
    with transaction.atomic():
        email = (
            UitgaandeEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=UitgaandeEmail.Status.WACHTEND)
            .first()
        )
        if email is None:
            return Uitkomst.NIETS_TE_DOEN
        bericht = EmailMultiAlternatives(
            subject=email.onderwerp,
            body=email.tekst,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[email.aan],
        )
        if email.html:
            bericht.attach_alternative(email.html, "text/html")
        for bijlage in email.bijlagen:
            bericht.attach(bijlage["naam"], base64.b64decode(bijlage["inhoud"]), bijlage["type"])
        email.pogingen += 1
        try:
            bericht.send()
        except Exception as fout:  # noqa: BLE001 - any failure of the mail server
            logger.warning(
                "E-mail %s niet verstuurd (poging %s): %s", email.pk, email.pogingen, fout
            )
            email.laatste_fout = f"{type(fout).__name__}: {fout}"[:2000]
            if email.pogingen >= MAX_POGINGEN or volgende_poging is None:
                email.status = UitgaandeEmail.Status.MISLUKT
                uitkomst = Uitkomst.MISLUKT
            else:
                email.volgende_poging = volgende_poging
                uitkomst = Uitkomst.OPNIEUW
            email.save()
            return uitkomst
        email.status = UitgaandeEmail.Status.VERZONDEN
        email.verzonden_op = timezone.now()
        email.laatste_fout = ""
        email.save()
        return Uitkomst.VERZONDEN


def opnieuw_versturen(emails):
    """Give failed or waiting e-mails a fresh series of attempts (the admin's action)."""
    from netwerk.tasks import plan_verzending

    aantal = 0
    with transaction.atomic():
        for email in emails.select_for_update().exclude(status=UitgaandeEmail.Status.VERZONDEN):
            email.status = UitgaandeEmail.Status.WACHTEND
            email.pogingen = 0
            email.volgende_poging = timezone.now()
            email.save(update_fields=["status", "pogingen", "volgende_poging"])
            plan_verzending(email)
            aantal += 1
    return aantal
