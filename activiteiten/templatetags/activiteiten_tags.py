"""The activities of an organisation, for its page in the directory.

A template tag, so that organisaties (which never imports the apps that build on it) can show
them with one include line.
"""

import datetime

from django import template
from django.utils import timezone

from activiteiten.herhaling import alle_momenten
from activiteiten.models import Activiteit

register = template.Library()

VOORUIT_DAGEN = 60


@register.inclusion_tag("activiteiten/_van_organisatie.html")
def activiteiten_van(organisatie):
    activiteiten = list(
        Activiteit.objects.gepubliceerd().met_details().filter(organisaties=organisatie)
    )
    nu = timezone.now()
    momenten = alle_momenten(activiteiten, nu, nu + datetime.timedelta(days=VOORUIT_DAGEN))
    eerstvolgende = {}
    for moment in momenten:
        eerstvolgende.setdefault(moment.activiteit.pk, moment)
    return {
        "activiteiten": [(a, eerstvolgende.get(a.pk)) for a in activiteiten],
        "organisatie": organisatie,
    }
