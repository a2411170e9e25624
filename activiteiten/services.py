"""Changes to activities that involve a rule: publishing, archiving, signing up for a time.

Sign-up reuses bijeenkomsten.services unchanged: the time someone signs up for gets a hidden
Bijeenkomst (made once, under a lock on the activity), and ``aanmelden`` does the rest.

When the activity's time, rule or exceptions change, ``momenten_bijwerken`` carries the
sign-ups along: a time that moved on the same day takes its hidden meeting with it (and the
registrants hear the new time), a time that is gone is cancelled for them with an e-mail.
No sign-up stays silently on a time that no longer exists.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activiteiten.herhaling import AMSTERDAM, momenten
from activiteiten.models import Aanmeldmoment, Activiteit
from activiteiten.tasks import meld_nieuwe_tijd
from bijeenkomsten import services as bijeenkomsten_services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from organisaties.geschiedenis import met_reden


def _zet_status(activiteiten, status, reden):
    aantal = 0
    with transaction.atomic(), met_reden(reden):
        for activiteit in activiteiten.select_for_update():
            if activiteit.status != status:
                activiteit.status = status
                activiteit.save(update_fields=["status", "gewijzigd"])
                momenten_bijwerken(activiteit)
                aantal += 1
    return aantal


def publiceren(activiteiten):
    """Put on the site (after review); returns how many changed."""
    return _zet_status(activiteiten, Activiteit.Status.GEPUBLICEERD, _("Gepubliceerd"))


def archiveren(activiteiten):
    return _zet_status(activiteiten, Activiteit.Status.GEARCHIVEERD, _("Gearchiveerd"))


def _slug(moment):
    basis = moment.activiteit.slug[:150]
    return f"{basis}-{moment.sleutel.lower()}"


def bijeenkomst_voor(moment):
    """The hidden meeting that holds the sign-ups of this time; made on the first call."""
    activiteit = moment.activiteit
    bestaand = Aanmeldmoment.objects.filter(activiteit=activiteit, start=moment.start).first()
    if bestaand and bestaand.bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD:
        return _heropend(bestaand.bijeenkomst, moment)
    if bestaand:
        return bestaand.bijeenkomst
    try:
        with transaction.atomic():
            # Two first sign-ups at once: the second waits here and then finds the first's.
            Activiteit.objects.select_for_update().get(pk=activiteit.pk)
            bestaand = Aanmeldmoment.objects.filter(
                activiteit=activiteit, start=moment.start
            ).first()
            if bestaand:
                return bestaand.bijeenkomst
            bijeenkomst = Bijeenkomst.objects.create(
                titel=activiteit.titel[:200],
                slug=_slug(moment),
                omschrijving=activiteit.omschrijving,
                start=moment.start,
                einde=moment.einde,
                locatie=activiteit.locatie,
                locatie_naam="" if activiteit.locatie_id else activiteit.ontmoetplek[:200],
                capaciteit=activiteit.capaciteit or 0,
                status=Bijeenkomst.Status.GEPUBLICEERD,
                in_agenda=False,
                # The sign-up closes when the activity starts; offers shorten before it.
                direct_doorschuiven_uren=2,
                aanbod_uren=24,
            )
            bijeenkomst.themas.set(activiteit.themas.all())
            Aanmeldmoment.objects.create(
                activiteit=activiteit, start=moment.start, bijeenkomst=bijeenkomst
            )
            return bijeenkomst
    except IntegrityError:
        return Aanmeldmoment.objects.get(activiteit=activiteit, start=moment.start).bijeenkomst


def _heropend(bijeenkomst, moment):
    """A time that was cancelled (momenten_bijwerken) and is back: open again, empty."""
    with transaction.atomic():
        bijeenkomst = Bijeenkomst.objects.select_for_update().get(pk=bijeenkomst.pk)
        if bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD:
            bijeenkomst.aanmeldingen.exclude(status=Aanmelding.Status.GEANNULEERD).update(
                status=Aanmelding.Status.GEANNULEERD, geannuleerd_op=timezone.now()
            )
            bijeenkomst.status = Bijeenkomst.Status.GEPUBLICEERD
            bijeenkomst.start, bijeenkomst.einde = moment.start, moment.einde
            bijeenkomst.save(update_fields=["status", "start", "einde", "gewijzigd"])
    return bijeenkomst


def capaciteit_gewijzigd(activiteit):
    """Carry a new number of places to the coming times that have sign-ups already."""
    for aanmeldmoment in activiteit.aanmeldmomenten.filter(
        start__gte=timezone.now() - datetime.timedelta(days=1)
    ).select_related("bijeenkomst"):
        bijeenkomst = aanmeldmoment.bijeenkomst
        if activiteit.capaciteit and bijeenkomst.capaciteit != activiteit.capaciteit:
            bijeenkomst.capaciteit = activiteit.capaciteit
            bijeenkomst.save(update_fields=["capaciteit", "gewijzigd"])
            bijeenkomsten_services.capaciteit_gewijzigd(bijeenkomst)


def _zelfde_dag(activiteit, aanmeldmoment):
    """The activity's times now on the local day of this sign-up's time."""
    dag = timezone.localtime(aanmeldmoment.start, AMSTERDAM).date()
    van = datetime.datetime.combine(dag, datetime.time.min, tzinfo=AMSTERDAM)
    tot = van + datetime.timedelta(days=1)
    return [m for m in momenten(activiteit, van, tot) if m.dag == dag]


def momenten_bijwerken(activiteit, nu=None):
    """Carry the coming sign-ups along after the activity's time, rule or status changed.

    Per time with sign-ups: still there, nothing to do (a new end time is copied); moved on
    the same day, the hidden meeting moves along and its registrants get the new time by
    e-mail (activiteiten.tasks); gone (an exception, another rule, archived), the time is
    cancelled and its registrants hear so (bijeenkomsten.services.bijeenkomst_annuleren).
    Returns (moved, cancelled).
    """
    nu = nu or timezone.now()
    verplaatst = geannuleerd = 0
    with transaction.atomic():
        activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
        gepubliceerd = activiteit.status == Activiteit.Status.GEPUBLICEERD
        for aanmeldmoment in (
            activiteit.aanmeldmomenten.select_for_update()
            .filter(bijeenkomst__einde__gt=nu)
            .exclude(bijeenkomst__status=Bijeenkomst.Status.GEANNULEERD)
            .select_related("bijeenkomst")
            .order_by("start")
        ):
            bijeenkomst = aanmeldmoment.bijeenkomst
            kandidaten = _zelfde_dag(activiteit, aanmeldmoment) if gepubliceerd else []
            bezet = set(
                activiteit.aanmeldmomenten.exclude(pk=aanmeldmoment.pk).values_list(
                    "start", flat=True
                )
            )
            nieuw = next((m for m in kandidaten if m.start == aanmeldmoment.start), None) or next(
                (m for m in kandidaten if m.start not in bezet), None
            )
            if nieuw is None:
                bijeenkomsten_services.bijeenkomst_annuleren(bijeenkomst)
                # The sign-ups lapse (the e-mail says so): should the time come back, it opens
                # empty (bijeenkomst_voor) instead of reviving them without a word.
                bijeenkomst.aanmeldingen.exclude(status=Aanmelding.Status.GEANNULEERD).update(
                    status=Aanmelding.Status.GEANNULEERD, geannuleerd_op=nu
                )
                geannuleerd += 1
                continue
            if (bijeenkomst.start, bijeenkomst.einde) == (nieuw.start, nieuw.einde):
                continue
            oude_start = bijeenkomst.start
            aanmeldmoment.start = nieuw.start
            aanmeldmoment.save(update_fields=["start"])
            bijeenkomst.start, bijeenkomst.einde = nieuw.start, nieuw.einde
            bijeenkomst.save(update_fields=["start", "einde", "gewijzigd"])
            verplaatst += 1
            # Queued in this transaction (as the outbox does): moved and told, or neither.
            meld_nieuwe_tijd.defer(bijeenkomst_id=bijeenkomst.pk, oude_start=oude_start.isoformat())
    return verplaatst, geannuleerd
