"""Door mode: checking people in on a phone at the entrance, also through a bad connection.

One page without the site's header (search, one big target per person), a small JSON list
that the page polls to show check-ins made on other phones, and a service worker
(static/js/deur-sw.js) that keeps that list and the page on the phone until the meeting
ends, so that a lost wifi connection does not lose the door. Check-ins made offline are
queued on the phone (static/js/deur.js) and sent again later: services.inchecken is safe to
repeat, so a repeat or a conflict between phones ends with the person present.

Undoing a check-in is a separate page (``deur_ongedaan``), never a button in the row that
was just tapped. What the phone keeps is only what the door needs: name, organisation,
status and a short hint to tell two people with the same name apart.
"""

from collections import Counter

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bijeenkomsten import inzage, services
from bijeenkomsten.forms import InloperForm
from bijeenkomsten.models import Aanmelding, Bijeenkomst, Inzage
from bijeenkomsten.views.coordinatie import _bijeenkomst, coordinator_pagina

MAX_ZOEK = 100


def _zoekwoorden(tekst):
    return tekst.lower().split()[:5]


def deurlijst(bijeenkomst):
    """Everyone expected at the door, as the door may know them: name, organisation, status.

    ``hint`` tells apart people with the same name: the domain of their e-mail address,
    or that they were let in at the door. It is empty for everyone else.
    """
    aanmeldingen = list(
        bijeenkomst.aanmeldingen.filter(status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
        .select_related("organisatie")
        .order_by("naam", "pk")
    )
    namen = Counter(a.naam.strip().lower() for a in aanmeldingen)
    lijst = []
    for a in aanmeldingen:
        hint = ""
        if namen[a.naam.strip().lower()] > 1:
            if a.email:
                hint = "@" + a.email.rpartition("@")[2]
            elif a.aan_de_deur:
                hint = _("aan de deur")
        lijst.append(
            {
                "id": a.pk,
                "naam": a.naam,
                "organisatie": a.organisatie_tekst,
                "status": a.status,
                "hint": hint,
            }
        )
    return lijst


def _aantallen(bijeenkomst):
    bijeenkomst = Bijeenkomst.objects.met_aantallen().get(pk=bijeenkomst.pk)
    return {"aanwezig": bijeenkomst.aantal_aanwezig, "verwacht": bijeenkomst.aantal_bevestigd}


def _prive(response):
    """Personal data: no cache anywhere but what the door's service worker keeps itself."""
    response["Cache-Control"] = "private, no-store"
    return response


@coordinator_pagina
def deur(request, slug):
    bijeenkomst = _bijeenkomst(request, slug)
    q = request.GET.get("q", "")[:MAX_ZOEK].strip()
    deelnemers = deurlijst(bijeenkomst)
    woorden = _zoekwoorden(q)
    for deelnemer in deelnemers:
        tekst = f"{deelnemer['naam']} {deelnemer['organisatie']}".lower()
        deelnemer["zichtbaar"] = all(woord in tekst for woord in woorden)
    inzage.vastleggen(request.user, Inzage.Actie.INCHECKLIJST, bijeenkomst)
    return _prive(
        render(
            request,
            "bijeenkomsten/deur/deur.html",
            {
                "bijeenkomst": bijeenkomst,
                "deelnemers": deelnemers,
                "q": q,
                "aantal_gevonden": sum(d["zichtbaar"] for d in deelnemers),
                "gesloten": services.reden_inchecken_gesloten(bijeenkomst),
            },
        )
    )


@coordinator_pagina
def lijst(request, slug):
    """The door list as JSON, for polling and for the service worker to keep offline."""
    bijeenkomst = _bijeenkomst(request, slug)
    return _prive(
        JsonResponse(
            {
                "einde": bijeenkomst.einde.isoformat(),
                "gesloten": services.reden_inchecken_gesloten(bijeenkomst) or "",
                **_aantallen(bijeenkomst),
                "deelnemers": deurlijst(bijeenkomst),
            }
        )
    )


def _wil_json(request):
    return request.headers.get("Accept") == "application/json"


@coordinator_pagina
@require_POST
def inchecken(request, slug):
    """Mark one person present. Safe to repeat: the phones' offline queues rely on that.

    The phone may send its own ``sleutel`` (an id per tap); the answer echoes it, so that
    the phone knows which queued tap was handled. Repeating a tap needs no memory here:
    checking in someone who is present already leaves them present.
    """
    bijeenkomst = _bijeenkomst(request, slug)
    pk = request.POST.get("aanmelding", "")
    aanmelding = get_object_or_404(
        bijeenkomst.aanmeldingen, pk=int(pk) if pk.isdigit() and len(pk) < 12 else 0
    )
    fout = False
    try:
        aanmelding = services.inchecken(aanmelding)
        melding = _("%(naam)s is binnen.") % {"naam": aanmelding.naam}
    except services.AanmeldenFout as e:
        fout, melding = True, str(e)
    if _wil_json(request):
        return _prive(
            JsonResponse(
                {
                    "sleutel": request.POST.get("sleutel", "")[:64],
                    "id": aanmelding.pk,
                    "status": aanmelding.status,
                    "melding": melding,
                    "fout": fout,
                    **_aantallen(bijeenkomst),
                },
                status=409 if fout else 200,
            )
        )
    (messages.error if fout else messages.success)(request, melding)
    url = reverse("bijeenkomsten:deur", args=[slug])
    if request.POST.get("q"):
        url += "?" + urlencode({"q": request.POST["q"][:MAX_ZOEK]})
    return redirect(f"{url}#aanmelding-{aanmelding.pk}")


@coordinator_pagina
def ongedaan(request, slug):
    """The deliberate way back: a separate list of who is in, each with its own undo."""
    bijeenkomst = _bijeenkomst(request, slug)
    if request.method == "POST":
        pk = request.POST.get("aanmelding", "")
        aanmelding = get_object_or_404(
            bijeenkomst.aanmeldingen, pk=int(pk) if pk.isdigit() and len(pk) < 12 else 0
        )
        services.inchecken_ongedaan(aanmelding)
        messages.success(
            request,
            _("%(naam)s staat weer op de lijst als nog niet binnen.") % {"naam": aanmelding.naam},
        )
        return redirect("bijeenkomsten:deur_ongedaan", slug=slug)
    binnen = [d for d in deurlijst(bijeenkomst) if d["status"] == Aanmelding.Status.AANWEZIG]
    inzage.vastleggen(request.user, Inzage.Actie.INCHECKLIJST, bijeenkomst)
    return _prive(
        render(
            request,
            "bijeenkomsten/deur/ongedaan.html",
            {"bijeenkomst": bijeenkomst, "binnen": binnen},
        )
    )


@coordinator_pagina
def inloper(request, slug):
    """Someone without a registration is let in: registered and present at once.

    The door phone sends walk-ins it registered without a connection here later, as JSON
    (deur.js), with its own ``sleutel``: sending one twice lets in one person.
    """
    bijeenkomst = _bijeenkomst(request, slug)
    form = InloperForm(request.POST or None)
    aanmelding = None
    if request.method == "POST" and form.is_valid():
        try:
            aanmelding = services.aan_de_deur_aanmelden(
                bijeenkomst,
                naam=form.cleaned_data["naam"],
                organisatie_naam=form.cleaned_data["organisatie"],
                email=form.cleaned_data["email"],
                sleutel=form.cleaned_data["sleutel"],
                door=request.user,
            )
        except services.AanmeldenFout as fout:
            form.add_error(None, str(fout))
    binnen = aanmelding is not None
    if binnen and (not _wil_json(request) or request.POST.get("melden")):
        # Said on the door page that comes next; the door's queue (JSON) asks no message.
        messages.success(request, _binnen_als_inloper(aanmelding))
    if request.method == "POST" and _wil_json(request):
        return _inloper_json(request, bijeenkomst, form, aanmelding)
    if binnen:
        return redirect("bijeenkomsten:deur", slug=slug)
    return _prive(
        render(
            request,
            "bijeenkomsten/deur/inloper.html",
            {
                "bijeenkomst": bijeenkomst,
                "form": form,
                "gesloten": services.reden_inchecken_gesloten(bijeenkomst),
            },
            status=400 if form.errors else 200,
        )
    )


def _binnen_als_inloper(aanmelding):
    return _("%(naam)s is binnen (aan de deur).") % {"naam": aanmelding.naam}


def _inloper_json(request, bijeenkomst, form, aanmelding):
    """The answer to a walk-in sent by a door phone's queue: who is in now, or why not."""
    if aanmelding is None:
        fouten = [str(fout) for veld in form.errors.values() for fout in veld]
        melding = _("%(naam)s kon niet worden ingeschreven: %(fouten)s") % {
            "naam": request.POST.get("naam", "")[:200],
            "fouten": " ".join(fouten),
        }
        return _prive(
            JsonResponse(
                {"sleutel": request.POST.get("sleutel", "")[:64], "fout": True, "melding": melding},
                status=400,
            )
        )
    return _prive(
        JsonResponse(
            {
                "sleutel": form.cleaned_data["sleutel"],
                "id": aanmelding.pk,
                "status": aanmelding.status,
                "melding": _binnen_als_inloper(aanmelding),
                "fout": False,
                **_aantallen(bijeenkomst),
            }
        )
    )


def service_worker(request):
    """static/js/deur-sw.js from a path whose scope covers every meeting's door page.

    A service worker only controls pages under the folder it is served from; /static/ is
    not above /coordinatie/. Public and without data: the worker itself holds no list.
    """
    with open(finders.find("js/deur-sw.js"), encoding="utf-8") as bestand:
        response = HttpResponse(bestand.read(), content_type="text/javascript; charset=utf-8")
    # Browsers check for a new worker at most daily anyway; no-cache makes it at once.
    response["Cache-Control"] = "no-cache"
    return response
