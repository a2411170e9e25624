"""The coordinators' daily overview of cancellations and lapsed offers.

A coordinator hears of these once a day in one e-mail, not in one e-mail per event: a busy
meeting has many. Each overview covers what happened since the previous one (see
``Dagoverzicht``), only for meetings the coordinator coordinates, and is skipped when nothing
happened.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from bijeenkomsten.ics import absolute_url
from bijeenkomsten.models import Aanmelding, Bijeenkomst, Dagoverzicht
from netwerk.email import in_outbox
from netwerk.models import SiteConfiguratie

# The first overview of a coordinator looks back this far.
EERSTE_TERUGBLIK = datetime.timedelta(days=1)


def verstuur_dagoverzichten(nu=None):
    """One overview per coordinator with something to tell, at most one per day. Returns
    how many were queued."""
    nu = nu or timezone.now()
    gebruikers = (
        get_user_model()
        .objects.filter(is_active=True, gecoordineerde_bijeenkomsten__isnull=False)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    site = SiteConfiguratie.get_solo()
    return sum(_verstuur(gebruiker, nu, site) for gebruiker in gebruikers)


def _verstuur(gebruiker, nu, site):
    datum = timezone.localdate(nu)
    with transaction.atomic():
        # Lock the coordinator's row: a parallel run waits, then finds today's overview.
        get_user_model().objects.select_for_update().filter(pk=gebruiker.pk).first()
        if Dagoverzicht.objects.filter(gebruiker=gebruiker, datum=datum).exists():
            return 0
        vorige = (
            Dagoverzicht.objects.filter(gebruiker=gebruiker)
            .order_by("-tot")
            .values_list("tot", flat=True)
            .first()
        )
        vanaf = vorige or nu - EERSTE_TERUGBLIK
        gebeurd = list(
            Aanmelding.objects.filter(
                bijeenkomst__coordinatoren=gebruiker,
                geannuleerd_op__gt=vanaf,
                geannuleerd_op__lte=nu,
                geanonimiseerd_op__isnull=True,
            )
            .select_related("organisatie")
            .order_by("geannuleerd_op", "pk")
        )
        if not gebeurd:
            return 0
        try:
            with transaction.atomic():
                Dagoverzicht.objects.create(gebruiker=gebruiker, datum=datum, tot=nu)
        except IntegrityError:  # another run was first
            return 0
        in_outbox(
            gebruiker.email,
            _("Dagoverzicht aanmeldingen van %(datum)s") % {"datum": datum.strftime("%d-%m-%Y")},
            "bijeenkomsten/email/dagoverzicht",
            {
                "gebruiker": gebruiker,
                "bijeenkomsten": _per_bijeenkomst(gebeurd),
                "vanaf": vanaf,
                "tot": nu,
                "site": site,
            },
        )
    return 1


def _per_bijeenkomst(gebeurd):
    """[{bijeenkomst (with counts), link, annuleringen, verlopen}] in order of start."""
    bijeenkomsten = Bijeenkomst.objects.filter(
        pk__in={a.bijeenkomst_id for a in gebeurd}
    ).met_aantallen()
    blokken = []
    for bijeenkomst in sorted(bijeenkomsten, key=lambda b: (b.start, b.pk)):
        eigen = [a for a in gebeurd if a.bijeenkomst_id == bijeenkomst.pk]
        blokken.append(
            {
                "bijeenkomst": bijeenkomst,
                "link": absolute_url(reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug])),
                "annuleringen": [a for a in eigen if a.aanbod_verlopen_op is None],
                "verlopen": [a for a in eigen if a.aanbod_verlopen_op is not None],
                "wachtend": bijeenkomst.aantal_wachtlijst - bijeenkomst.aantal_aangeboden,
            }
        )
    return blokken
