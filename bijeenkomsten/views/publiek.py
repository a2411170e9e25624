"""Public pages: agenda, archive, a meeting with its registration form, personal link."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from bijeenkomsten import services
from bijeenkomsten.forms import AanmeldForm
from bijeenkomsten.ics import agenda
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from bijeenkomsten.ontmoeten import ontmoetlijst
from netwerk.decorators import persoonlijke_link
from netwerk.ratelimit import boven_limiet


def _openbaar():
    return Bijeenkomst.objects.gepubliceerd().select_related("locatie").met_aantallen()


def agenda_lijst(request):
    return render(
        request,
        "bijeenkomsten/agenda.html",
        {"bijeenkomsten": _openbaar().in_agenda().komend().prefetch_related("themas")},
    )


def archief(request):
    return render(
        request,
        "bijeenkomsten/archief.html",
        {"bijeenkomsten": _openbaar().in_agenda().afgelopen().prefetch_related("themas")},
    )


def _bijeenkomst_of_404(slug):
    return get_object_or_404(
        _openbaar().select_related("vervolg_op").prefetch_related("themas", "programma"),
        slug=slug,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def detail(request, slug):
    bijeenkomst = _bijeenkomst_of_404(slug)
    if not bijeenkomst.in_agenda and bijeenkomst.get_absolute_url() != request.path:
        return redirect(bijeenkomst.get_absolute_url())
    gesloten = services.reden_gesloten(bijeenkomst)
    form = AanmeldForm(request.POST or None) if not gesloten else None
    status = 200
    if request.method == "POST" and form is not None:
        if boven_limiet(request, "aanmelden", settings.AANMELDEN_LIMIET_PER_UUR):
            form.add_error(
                None, _("U heeft al veel aanmeldingen gestuurd. Probeer het later opnieuw.")
            )
            status = 429
        elif form.is_valid():
            if form.is_spam():
                return redirect(bijeenkomst.get_absolute_url())
            try:
                aanmelding = services.aanmelden(bijeenkomst, **form.service_gegevens())
            except services.AanmeldenFout as fout:
                form.add_error(
                    "email" if isinstance(fout, services.AlAangemeld) else None, str(fout)
                )
                status = 409 if isinstance(fout, services.AlAangemeld) else 503
            else:
                return redirect(aanmelding.get_absolute_url())
        else:
            status = 400
    elif request.method == "POST":
        messages.error(request, gesloten)
        status = 409
    return render(
        request,
        "bijeenkomsten/detail.html",
        {
            "bijeenkomst": bijeenkomst,
            "form": form,
            "gesloten": gesloten,
            "plaatsen_over": max(
                bijeenkomst.capaciteit
                - bijeenkomst.aantal_bevestigd
                - bijeenkomst.aantal_aangeboden,
                0,
            ),
        },
        status=status,
    )


def _ics_response(inhoud, bestandsnaam):
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{bestandsnaam}"'
    return response


def ics(request, slug):
    bijeenkomst = _bijeenkomst_of_404(slug)
    return _ics_response(agenda([bijeenkomst], bijeenkomst.titel), f"{bijeenkomst.slug}.ics")


def ics_feed(request):
    response = _ics_response(
        agenda(_openbaar().in_agenda().komend(), _("Netwerkbijeenkomsten")), "bijeenkomsten.ics"
    )
    response["Content-Disposition"] = 'inline; filename="bijeenkomsten.ics"'
    return response


# What the personal link's POST does with its "actie"; without one it cancels (the form
# of older pages). Cancelling and declining are first confirmed on the page (?bevestig=).
ACTIES = {"annuleren", "afslaan", "aannemen"}
TE_BEVESTIGEN = {"annuleren", "afslaan"}


def _na_annuleren(aanmelding):
    """The message for what cancelling meant for this registration."""
    if aanmelding.heeft_aanbod:
        return _("U heeft de plaats afgeslagen. Die gaat naar de volgende op de wachtlijst.")
    if aanmelding.status == Aanmelding.Status.WACHTLIJST:
        return _("U staat niet meer op de wachtlijst.")
    return _("Uw aanmelding is geannuleerd.")


@persoonlijke_link
@require_http_methods(["GET", "HEAD", "POST"])
def aanmelding(request, token):
    """The personal link from the e-mail: shows the registration, the place on the waiting
    list or an offered place; its POST cancels, leaves the waiting list, or answers the offer.

    The token is the only key: every action changes the registration it belongs to, so one
    attendee's link can never accept or cancel for another.
    """
    gevonden = (
        Aanmelding.objects.select_related("bijeenkomst", "organisatie")
        .filter(token=token, geanonimiseerd_op__isnull=True)
        .first()
    )
    if gevonden is None:
        raise Http404
    status = 200
    bevestig = request.GET.get("bevestig")
    if request.method == "POST":
        actie = request.POST.get("actie") or "annuleren"
        bevestig = actie  # after a refusal, the same confirmed action is offered again
        try:
            if actie not in ACTIES:
                raise services.AanmeldenFout(_("Deze actie kennen we niet. Probeer het opnieuw."))
            if actie == "aannemen":
                services.aanbod_aannemen(gevonden)
                messages.success(request, _("U heeft de plaats aangenomen. U bent aangemeld."))
            elif gevonden.status != Aanmelding.Status.GEANNULEERD:
                bericht = _na_annuleren(gevonden)
                services.annuleren(gevonden)
                messages.success(request, bericht)
        except services.ProbeerOpnieuw as fout:  # the meeting is busy; nothing changed
            messages.error(request, str(fout))
            status = 503
        except services.AanmeldenFout as fout:
            messages.error(request, str(fout))
            gevonden.refresh_from_db()
            status = 409
        else:
            return redirect(gevonden.get_absolute_url())
    if bevestig not in TE_BEVESTIGEN or gevonden.status == Aanmelding.Status.GEANNULEERD:
        bevestig = None
    return render(
        request,
        "bijeenkomsten/aanmelding.html",
        {
            "aanmelding": gevonden,
            "bijeenkomst": gevonden.bijeenkomst,
            "positie": services.wachtlijstpositie(gevonden),
            "aanbod_open": gevonden.heeft_aanbod and gevonden.aanbod_tot > timezone.now(),
            "bevestig": bevestig,
            "ontmoeten": ontmoetlijst(gevonden),
        },
        status=status,
    )
