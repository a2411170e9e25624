"""Public pages: the agenda "Wat is er te doen?", its iCal feed, an activity, a campaign,
and signing up for one time of an activity (with the rules of bijeenkomsten)."""

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from activiteiten import services
from activiteiten.filters import DAG_KEUZES, ActiviteitFilter
from activiteiten.forms import AanmeldForm
from activiteiten.herhaling import alle_momenten, beschrijving, moment_op, momenten
from activiteiten.ics import agenda
from activiteiten.jsonld import evenementen
from activiteiten.models import Aanmeldmoment, Activiteit, Campagne
from bijeenkomsten import services as bijeenkomsten_services
from netwerk.paginacache import cache_anonieme_pagina
from netwerk.ratelimit import boven_limiet
from organisaties.afstand import AFSTANDEN_KM, als_tekst
from organisaties.taxonomie import taxonomie

PER_PAGINA = 25
# How far ahead an activity's page and a campaign page look.
VOORUIT_DAGEN = 180
MAX_OP_DETAIL = 8
# The agenda starts at "now": a time that has ended leaves a cached page within this slot.
AGENDA_TIJDVAK = 15 * 60


def _openbaar():
    return Activiteit.objects.gepubliceerd().met_details()


def _momenten(request):
    filterset = ActiviteitFilter(request.GET, queryset=_openbaar())
    van, tot = filterset.venster
    lijst = alle_momenten(filterset.qs, van, tot)
    if filterset.afstand_zoeken.heeft_plek:
        for moment in lijst:
            meters = getattr(moment.activiteit, "afstand", None)
            moment.afstand_tekst = als_tekst(meters) if meters is not None else _("onbekend")
    return filterset, lijst


def _actieve_filters(request, filterset):
    """Chips for the active filters, each with the URL that removes it."""
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    tax = taxonomie()

    def zonder(param, waarde=None):
        query = request.GET.copy()
        query.pop("pagina", None)
        if waarde is None:
            query.pop(param, None)
        else:
            query.setlist(param, [w for w in query.getlist(param) if w != waarde])
        return "?" + query.urlencode()

    def zonder_params(*params):
        query = request.GET.copy()
        for param in ("pagina", *params):
            query.pop(param, None)
        return "?" + query.urlencode()

    chips = []
    for naam, termen in (
        ("wijk", tax.wijken),
        ("thema", tax.themas),
        ("doelgroep", tax.doelgroepen),
    ):
        for slug in data.get(naam) or []:
            if slug in termen.op_slug:
                chips.append({"label": termen.op_slug[slug].naam, "url": zonder(naam, slug)})
    if data.get("dag"):
        chips.append({"label": dict(DAG_KEUZES)[data["dag"]], "url": zonder("dag")})
    if data.get("gratis"):
        chips.append({"label": _("Gratis"), "url": zonder("gratis")})
    chips += filterset.afstand_zoeken.chips(zonder_params)
    return chips


def _filtergroepen(filterset):
    """The checkbox groups of the filter form: wijk, thema, doelgroep."""
    data = filterset.form.cleaned_data if filterset.is_bound else {}
    tax = taxonomie()
    groepen = []
    for naam, termen in (
        ("wijk", tax.wijken),
        ("thema", tax.themas),
        ("doelgroep", tax.doelgroepen),
    ):
        gekozen = set(data.get(naam) or [])
        groepen.append(
            {
                "naam": naam,
                "label": filterset.filters[naam].label,
                "waarden": [
                    {"slug": t.slug, "naam": t.weergavenaam, "gekozen": t.slug in gekozen}
                    for t in termen.lijst
                ],
            }
        )
    return groepen


@require_http_methods(["GET", "HEAD"])
@cache_anonieme_pagina(tijdvak_seconden=AGENDA_TIJDVAK, per_dag=True)
def agenda_lijst(request):
    """The agenda and its filters, from the page cache: a changed activity makes every
    stored page stale (activiteiten.signals), and "vandaag" never outlives its day."""
    filterset, lijst = _momenten(request)
    pagina = Paginator(lijst, PER_PAGINA).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    response = render(
        request,
        "activiteiten/agenda.html",
        {
            "filter": filterset,
            "pagina": pagina,
            "afstand_zoeken": filterset.afstand_zoeken,
            "afstanden_km": AFSTANDEN_KM,
            "filtergroepen": _filtergroepen(filterset),
            "dag": filterset.form.cleaned_data.get("dag") or "",
            "dag_keuzes": [("", _("De komende weken")), *DAG_KEUZES],
            "actieve_filters": _actieve_filters(request, filterset),
            "query": query.urlencode(),
        },
    )
    if not filterset.afstand_zoeken.bewaarbaar:
        add_never_cache_headers(response)
    return response


def _ics_response(inhoud, bestandsnaam):
    response = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{bestandsnaam}"'
    return response


def ics_feed(request):
    """The agenda with the same filters as a calendar to subscribe to."""
    _filterset, lijst = _momenten(request)
    return _ics_response(agenda(lijst, _("Wat is er te doen?")), "activiteiten.ics")


def _komend(activiteit, dagen=VOORUIT_DAGEN):
    nu = timezone.now()
    return momenten(activiteit, nu, nu + datetime.timedelta(days=dagen))[:MAX_OP_DETAIL]


def detail(request, slug):
    activiteit = get_object_or_404(_openbaar(), slug=slug)
    komend = _komend(activiteit)
    return render(
        request,
        "activiteiten/detail.html",
        {
            "activiteit": activiteit,
            "momenten": komend,
            "herhaling": beschrijving(activiteit),
            "perioden": [
                p for p in activiteit.uitzonderingsperioden.all() if p.tot >= timezone.localdate()
            ],
            "jsonld": evenementen(komend),
        },
    )


def campagne(request, slug):
    gekozen = get_object_or_404(Campagne, slug=slug)
    activiteiten = list(_openbaar().filter(campagne=gekozen))
    nu = timezone.now()
    lijst = alle_momenten(activiteiten, nu, nu + datetime.timedelta(days=VOORUIT_DAGEN))
    return render(
        request,
        "activiteiten/campagne.html",
        {
            "campagne": gekozen,
            "activiteiten": activiteiten,
            "momenten": lijst[:100],
            "jsonld": evenementen(lijst[:20]),
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def aanmelden(request, slug, sleutel):
    """Sign up for one time of an activity: the form of bijeenkomsten' rules, for residents."""
    activiteit = get_object_or_404(_openbaar(), slug=slug, capaciteit__isnull=False)
    moment = moment_op(activiteit, sleutel)
    if moment is None or moment.start <= timezone.now():
        raise Http404
    bestaand = (
        Aanmeldmoment.objects.filter(activiteit=activiteit, start=moment.start)
        .select_related("bijeenkomst")
        .first()
    )
    bijeenkomst = bestaand.bijeenkomst if bestaand else None
    gesloten = bijeenkomsten_services.reden_gesloten(bijeenkomst) if bijeenkomst else None
    plaatsen_over = (
        bijeenkomsten_services.plaatsen_over(bijeenkomst) if bijeenkomst else activiteit.capaciteit
    )
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
                return redirect(activiteit.get_absolute_url())
            bijeenkomst = services.bijeenkomst_voor(moment)
            try:
                aanmelding = bijeenkomsten_services.aanmelden(
                    bijeenkomst, **form.service_gegevens()
                )
            except bijeenkomsten_services.AanmeldenFout as fout:
                al = isinstance(fout, bijeenkomsten_services.AlAangemeld)
                form.add_error("email" if al else None, str(fout))
                status = 409 if al else 503
            else:
                return redirect(aanmelding.get_absolute_url())
        else:
            status = 400
    elif request.method == "POST":
        status = 409
    return render(
        request,
        "activiteiten/aanmelden.html",
        {
            "activiteit": activiteit,
            "moment": moment,
            "form": form,
            "gesloten": gesloten,
            "plaatsen_over": plaatsen_over,
        },
        status=status,
    )
