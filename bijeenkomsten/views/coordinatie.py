"""Pages for coordinators: attendees, registering on someone's behalf, check-in, exports,
network insight. Every page with personal data checks rechten.vereis_aanmeldingen_zien:
a meeting's own coordinators and beheerders only.
"""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from bijeenkomsten import exports, inzage, services
from bijeenkomsten.filters import AanmeldingFilter
from bijeenkomsten.forms import NamensAanmeldForm, PlakForm, VerplaatsForm
from bijeenkomsten.models import Aanmelding, Bijeenkomst, Inzage
from bijeenkomsten.netwerkinzicht import netwerkinzicht
from bijeenkomsten.opkomst import opkomst
from bijeenkomsten.rechten import vereis_aanmeldingen_zien


def coordinator_pagina(view):
    """Staff only, never cached: these pages hold personal data."""
    return staff_member_required(never_cache(view))


def _bijeenkomst(request, slug):
    bijeenkomst = get_object_or_404(Bijeenkomst.objects.met_aantallen(), slug=slug)
    vereis_aanmeldingen_zien(request.user, bijeenkomst)
    return bijeenkomst


def _aanmelding(bijeenkomst, pk):
    return get_object_or_404(bijeenkomst.aanmeldingen, pk=pk)


@coordinator_pagina
def overzicht(request):
    bijeenkomsten = (
        Bijeenkomst.objects.beheerbaar_door(request.user).met_aantallen().order_by("-start")
    )
    return render(
        request, "bijeenkomsten/coordinatie/overzicht.html", {"bijeenkomsten": bijeenkomsten}
    )


@coordinator_pagina
def deelnemers(request, slug):
    bijeenkomst = _bijeenkomst(request, slug)
    namens_form = NamensAanmeldForm(request.POST or None)
    if request.method == "POST" and namens_form.is_valid():
        try:
            aanmelding = services.aanmelden(
                bijeenkomst, door=request.user, **namens_form.service_gegevens()
            )
        except services.AanmeldenFout as fout:
            namens_form.add_error(None, str(fout))
        else:
            messages.success(
                request,
                _("%(naam)s is aangemeld (%(status)s).")
                % {"naam": aanmelding.naam, "status": aanmelding.get_status_display().lower()},
            )
            return redirect("bijeenkomsten:deelnemers", slug=slug)
    filterset = AanmeldingFilter(
        request.GET,
        queryset=bijeenkomst.aanmeldingen.select_related("organisatie").order_by(
            "status", "wachtlijst_sinds", "naam", "pk"
        ),
    )
    inzage.vastleggen(request.user, Inzage.Actie.DEELNEMERSLIJST, bijeenkomst)
    return render(
        request,
        "bijeenkomsten/coordinatie/deelnemers.html",
        {
            "bijeenkomst": bijeenkomst,
            "filter": filterset,
            "aanmeldingen": filterset.qs,
            "namens_form": namens_form,
            "plak_form": PlakForm(),
            "verplaats_form": VerplaatsForm(),
            "opkomst": opkomst([bijeenkomst]),
        },
        status=400 if namens_form.errors else 200,
    )


@coordinator_pagina
@require_POST
def plakken(request, slug):
    """Register many people at once: the list is processed in the background and reported."""
    bijeenkomst = _bijeenkomst(request, slug)
    form = PlakForm(request.POST)
    if not form.is_valid():
        for fout in form.errors.get("regels", []):
            messages.error(request, fout)
        return redirect("bijeenkomsten:deelnemers", slug=slug)
    opdracht = services.plakken(bijeenkomst, form.cleaned_data["regels"], door=request.user)
    return redirect(opdracht.get_absolute_url())


@coordinator_pagina
def plakopdracht(request, slug, pk):
    """The report of a pasted list: what happened to every line, and why."""
    bijeenkomst = _bijeenkomst(request, slug)
    opdracht = get_object_or_404(bijeenkomst.plakopdrachten, pk=pk)
    return render(
        request,
        "bijeenkomsten/coordinatie/plakopdracht.html",
        {"bijeenkomst": bijeenkomst, "opdracht": opdracht, "aantallen": opdracht.aantallen()},
    )


@coordinator_pagina
@require_POST
def verplaatsen(request, slug, pk):
    bijeenkomst = _bijeenkomst(request, slug)
    aanmelding = _aanmelding(bijeenkomst, pk)
    form = VerplaatsForm(request.POST)
    if not form.is_valid():
        for fouten in form.errors.values():
            for fout in fouten:
                messages.error(request, f"{aanmelding.naam}: {fout}")
        return redirect("bijeenkomsten:deelnemers", slug=slug)
    try:
        services.verplaatsen(
            aanmelding, form.cleaned_data["naar"], form.cleaned_data["reden"], door=request.user
        )
    except services.AanmeldenFout as fout:
        messages.error(request, f"{aanmelding.naam}: {fout}")
    else:
        messages.success(request, _("%(naam)s is verplaatst.") % {"naam": aanmelding.naam})
    return redirect("bijeenkomsten:deelnemers", slug=slug)


@coordinator_pagina
def annuleren(request, slug, pk):
    """Cancelling asks first: a page that says whom it is about and what follows, and only
    its button (bevestigd=ja) cancels. Works without JavaScript."""
    bijeenkomst = _bijeenkomst(request, slug)
    aanmelding = _aanmelding(bijeenkomst, pk)
    terug = reverse("bijeenkomsten:deelnemers", args=[slug])
    if aanmelding.status == Aanmelding.Status.GEANNULEERD:
        messages.info(
            request, _("De aanmelding van %(naam)s was al geannuleerd.") % {"naam": aanmelding.naam}
        )
        return redirect(terug)
    if request.method == "POST" and request.POST.get("bevestigd") == "ja":
        try:
            services.annuleren(aanmelding)
        except services.AanmeldenFout as fout:  # busy meeting: nothing changed, say so
            messages.error(request, f"{aanmelding.naam}: {fout}")
        else:
            messages.success(
                request,
                _("De aanmelding van %(naam)s is geannuleerd.") % {"naam": aanmelding.naam},
            )
        return redirect(terug)
    return render(
        request,
        "bijeenkomsten/coordinatie/annuleren.html",
        {"bijeenkomst": bijeenkomst, "aanmelding": aanmelding, "terug": terug},
    )


@coordinator_pagina
def inchecken(request, slug):
    """The former check-in page, whose rows had their own undo: checking in is now the door
    mode (views/deur.py), where undo is a separate page. Old links and bookmarks go there,
    with the search they carried."""
    bijeenkomst = _bijeenkomst(request, slug)
    url = reverse("bijeenkomsten:deur", args=[bijeenkomst.slug])
    q = request.GET.get("q", "")[:100].strip()
    return redirect(f"{url}?{urlencode({'q': q})}" if q else url)


@coordinator_pagina
def downloaden(request, slug):
    """The deliberate step before a file or printout with personal data: what it holds and
    what to do with it. Its buttons are the only way to the exports and the presentielijst."""
    bijeenkomst = _bijeenkomst(request, slug)
    return render(
        request, "bijeenkomsten/coordinatie/downloaden.html", {"bijeenkomst": bijeenkomst}
    )


def _naar_downloaden(slug):
    return redirect("bijeenkomsten:downloaden", slug=slug)


@coordinator_pagina
def presentielijst(request, slug):
    bijeenkomst = _bijeenkomst(request, slug)
    if request.GET.get("bevestigd") != "ja":
        return _naar_downloaden(slug)
    aanmeldingen = (
        bijeenkomst.aanmeldingen.filter(status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
        .select_related("organisatie")
        .order_by("naam", "pk")
    )
    inzage.vastleggen(request.user, Inzage.Actie.PRESENTIELIJST, bijeenkomst)
    return render(
        request,
        "bijeenkomsten/coordinatie/presentielijst.html",
        {"bijeenkomst": bijeenkomst, "aanmeldingen": aanmeldingen},
    )


@coordinator_pagina
@require_http_methods(["GET", "POST"])
def export(request, slug, formaat):
    """The file itself, by POST from the page of ``downloaden`` only."""
    bijeenkomst = _bijeenkomst(request, slug)
    if formaat not in ("csv", "xlsx"):
        raise Http404
    if request.method != "POST":  # a link or bookmark: first the page with the reminder
        return _naar_downloaden(slug)
    aanmeldingen = bijeenkomst.aanmeldingen.select_related("organisatie").order_by("status", "naam")
    if formaat == "csv":
        inhoud, soort = exports.als_csv(aanmeldingen), "text/csv; charset=utf-8"
    else:
        inhoud = exports.als_xlsx(aanmeldingen, bijeenkomst.titel)
        soort = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    actie = Inzage.Actie.EXPORT_CSV if formaat == "csv" else Inzage.Actie.EXPORT_XLSX
    inzage.vastleggen(request.user, actie, bijeenkomst)
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = (
        f'attachment; filename="deelnemers-{bijeenkomst.slug}.{formaat}"'
    )
    return response


def _alle_gepubliceerde():
    return list(Bijeenkomst.objects.in_agenda().filter(status=Bijeenkomst.Status.GEPUBLICEERD))


@coordinator_pagina
def netwerk(request, slug):
    bijeenkomst = _bijeenkomst(request, slug)
    return render(
        request,
        "bijeenkomsten/coordinatie/netwerk.html",
        {
            "bijeenkomst": bijeenkomst,
            "inzicht": netwerkinzicht([bijeenkomst], _alle_gepubliceerde()),
        },
    )


@coordinator_pagina
def netwerk_totaal(request):
    eigen = (
        Bijeenkomst.objects.beheerbaar_door(request.user)
        .in_agenda()
        .filter(~Q(status=Bijeenkomst.Status.CONCEPT))
    )
    return render(
        request,
        "bijeenkomsten/coordinatie/netwerk.html",
        {"bijeenkomsten": eigen, "inzicht": netwerkinzicht(eigen, _alle_gepubliceerde())},
    )
