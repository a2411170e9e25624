"""The attendee's own switch, on their personal link, for the "wie kunt u ontmoeten" list."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding
from netwerk.decorators import persoonlijke_link


@persoonlijke_link
@require_POST
def wil_ontmoeten(request, token):
    aanmelding = (
        Aanmelding.objects.select_related("bijeenkomst")
        .filter(token=token, geanonimiseerd_op__isnull=True)
        .exclude(status=Aanmelding.Status.GEANNULEERD)
        .first()
    )
    if aanmelding is None:
        raise Http404
    aan = request.POST.get("wil_ontmoeten") == "ja"
    services.zet_wil_ontmoeten(aanmelding, aan)
    messages.success(
        request,
        _("U krijgt een lijst van wie u kunt ontmoeten.")
        if aan
        else _("U staat niet meer op de lijsten van wie u kunt ontmoeten."),
    )
    return redirect(f"{aanmelding.get_absolute_url()}#ontmoeten-kop")
