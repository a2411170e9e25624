"""Changes to activities that involve a rule: publishing, archiving, signing up for a time.

Sign-up reuses bijeenkomsten.services unchanged: the time someone signs up for gets a hidden
Bijeenkomst (made once, under a lock on the activity), and ``aanmelden`` does the rest.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from activiteiten.models import Aanmeldmoment, Activiteit
from bijeenkomsten import services as bijeenkomsten_services
from bijeenkomsten.models import Bijeenkomst
from organisaties.geschiedenis import met_reden


def _zet_status(activiteiten, status, reden):
    aantal = 0
    with transaction.atomic(), met_reden(reden):
        for activiteit in activiteiten.select_for_update():
            if activiteit.status != status:
                activiteit.status = status
                activiteit.save(update_fields=["status", "gewijzigd"])
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


def capaciteit_gewijzigd(activiteit):
    """Carry a new number of places to the coming times that have sign-ups already."""
    from django.utils import timezone

    for aanmeldmoment in activiteit.aanmeldmomenten.filter(
        start__gte=timezone.now() - datetime.timedelta(days=1)
    ).select_related("bijeenkomst"):
        bijeenkomst = aanmeldmoment.bijeenkomst
        if activiteit.capaciteit and bijeenkomst.capaciteit != activiteit.capaciteit:
            bijeenkomst.capaciteit = activiteit.capaciteit
            bijeenkomst.save(update_fields=["capaciteit", "gewijzigd"])
            bijeenkomsten_services.capaciteit_gewijzigd(bijeenkomst)
