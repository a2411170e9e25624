"""The outbox: e-mail is stored in the transaction that causes it and sent after commit.

``in_outbox()`` is what services call. Sending happens in ``transaction.on_commit`` so that a
rolled-back registration sends nothing; when sending fails the row stays and
``manage.py verstuur_emails`` (run from cron) retries it with growing intervals.
"""

import base64
import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from netwerk.models import UitgaandeEmail

logger = logging.getLogger(__name__)

MAX_POGINGEN = 8


def in_outbox(aan, onderwerp, template, context, bijlagen=()):
    """Store an e-mail from ``<template>.txt`` and ``<template>.html`` and send it after commit.

    ``bijlagen`` holds (file name, MIME type, bytes).
    """
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
    transaction.on_commit(lambda: verstuur(email.pk))
    return email


def verstuur(email_id):
    """Try to send one e-mail now; on failure schedule the next attempt. Never raises."""
    with transaction.atomic():
        email = (
            UitgaandeEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=UitgaandeEmail.Status.WACHTEND)
            .first()
        )
        if email is None:  # sent already, or another process is sending it
            return False
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
            if email.pogingen >= MAX_POGINGEN:
                email.status = UitgaandeEmail.Status.MISLUKT
            else:
                wachten = datetime.timedelta(minutes=2**email.pogingen)
                email.volgende_poging = timezone.now() + wachten
            email.save()
            return False
        email.status = UitgaandeEmail.Status.VERZONDEN
        email.verzonden_op = timezone.now()
        email.laatste_fout = ""
        email.save()
        return True


def verstuur_wachtende(limiet=500):
    """Send the e-mails whose next attempt is due; returns (sent, failed)."""
    ids = list(
        UitgaandeEmail.objects.filter(
            status=UitgaandeEmail.Status.WACHTEND, volgende_poging__lte=timezone.now()
        )
        .order_by("volgende_poging")
        .values_list("pk", flat=True)[:limiet]
    )
    verzonden = sum(1 for pk in ids if verstuur(pk))
    return verzonden, len(ids) - verzonden
