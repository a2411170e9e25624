"""The public signaalpunt (/signaal/) and the wijkteam's work queue (/signalen/beheer/).

The staff pages hold special-category data: never stored by a browser or proxy, never indexed
(netwerk.decorators.persoonlijke_link sends both headers), reached only by beheerders and the
signal's own team; a signal of another team is a 404, as if it did not exist. Opening a
signal is logged before it is shown.
"""

import datetime
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from netwerk.decorators import persoonlijke_link
from netwerk.ratelimit import boven_limiet
from netwerk.rollen import is_beheerder
from signalen import services
from signalen.forms import (
    DoorsturenForm,
    MisbruikForm,
    NotitieForm,
    SignaalForm,
    StatusForm,
    ToewijzenForm,
)
from signalen.models import Signaal, nieuwe_referentie
from signalen.rechten import mag_overzicht_zien, mag_signalen_zien

SESSIE_REFERENTIE = "signaal_referentie"


# --- Public ---------------------------------------------------------------------------------


@require_http_methods(["GET", "HEAD", "POST"])
def melden(request):
    form = SignaalForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if boven_limiet(request, "signaal", settings.SIGNAAL_LIMIET_PER_UUR):
            form.add_error(
                None,
                _(
                    "Er zijn vanaf uw adres al veel meldingen gestuurd. Probeer het over een uur "
                    "opnieuw, of bel het wijkteam."
                ),
            )
            status = 429
        elif form.is_valid():
            if form.is_spam():
                # The robot sees the same receipt as a person, with a reference that exists
                # nowhere: it learns nothing about the honeypot.
                request.session[SESSIE_REFERENTIE] = nieuwe_referentie()
                return redirect("signalen:ontvangen")
            try:
                signaal = services.dien_in(
                    zorg=form.cleaned_data["zorg"],
                    wijk=form.cleaned_data["wijk"],
                    postcode=form.cleaned_data["postcode"],
                    naam=form.cleaned_data["naam"],
                    email=form.cleaned_data["email"],
                    telefoon=form.cleaned_data["telefoon"],
                )
            except services.GeenTeam:
                form.add_error(
                    None,
                    _("Er is nog geen wijkteam ingesteld dat meldingen ontvangt. Bel de gemeente."),
                )
                status = 503
            else:
                request.session[SESSIE_REFERENTIE] = signaal.referentie
                return redirect("signalen:ontvangen")
        else:
            status = 400
    return render(request, "signalen/melden.html", {"form": form}, status=status)


@persoonlijke_link
def ontvangen(request):
    """The receipt: the reference is kept in the visitor's session, never in the address."""
    referentie = request.session.get(SESSIE_REFERENTIE)
    if not referentie:
        return redirect("signalen:melden")
    return render(request, "signalen/ontvangen.html", {"referentie": referentie})


# --- Staff ----------------------------------------------------------------------------------


def medewerker_pagina(toegang=mag_signalen_zien):
    """Logged-in staff with access only; others to the login page or a 403."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            gebruiker = request.user
            if not gebruiker.is_authenticated or not gebruiker.is_staff:
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            if not toegang(gebruiker):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return persoonlijke_link(wrapper)

    return decorator


def _signaal(request, referentie):
    signaal = (
        Signaal.objects.zichtbaar_voor(request.user)
        .select_related("team", "wijk", "toegewezen_aan")
        .filter(referentie=referentie)
        .first()
    )
    if signaal is None:
        raise Http404
    return signaal


WEERGAVEN = {
    "open": (gettext_lazy("Open"), Q(status__in=Signaal.OPEN_STATUSSEN)),
    "mijn": (gettext_lazy("Aan mij toegewezen"), None),
    "afgesloten": (gettext_lazy("Afgesloten"), Q(status=Signaal.Status.AFGESLOTEN)),
    "alle": (gettext_lazy("Alle"), Q()),
}


@medewerker_pagina()
def werkvoorraad(request):
    weergave = request.GET.get("weergave", "open")
    if weergave not in WEERGAVEN:
        weergave = "open"
    filter_q = WEERGAVEN[weergave][1]
    if filter_q is None:
        filter_q = Q(toegewezen_aan=request.user, status__in=Signaal.OPEN_STATUSSEN)
    vandaag = timezone.localdate()
    signalen = list(
        Signaal.objects.zichtbaar_voor(request.user)
        .filter(filter_q)
        .select_related("team", "wijk", "toegewezen_aan")
        .werkvolgorde(vandaag)[:500]
    )
    for signaal in signalen:
        signaal.te_laat = signaal.is_te_laat(vandaag)
    return render(
        request,
        "signalen/beheer/werkvoorraad.html",
        {
            "signalen": signalen,
            "weergave": weergave,
            "weergaven": [(sleutel, label) for sleutel, (label, _q) in WEERGAVEN.items()],
            "is_beheerder": is_beheerder(request.user),
        },
    )


@medewerker_pagina()
def detail(request, referentie):
    signaal = _signaal(request, referentie)
    services.registreer_inzage(signaal, request.user)
    return _detail_pagina(request, signaal)


def _detail_pagina(request, signaal, status=200, **formulieren):
    teamleden = services.teamleden(signaal.team)
    andere_teams = services.wijkteams().exclude(pk=signaal.team_id)
    context = {
        "andere_teams": andere_teams.exists(),
        "signaal": signaal,
        "te_laat": signaal.is_te_laat(),
        "gebeurtenissen": signaal.gebeurtenissen.select_related("wie"),
        "inzages": signaal.inzages.select_related("wie")[:20],
        "status_form": formulieren.get("status_form")
        or StatusForm(initial={"status": signaal.status}),
        "toewijzen_form": formulieren.get("toewijzen_form")
        or ToewijzenForm(initial={"medewerker": signaal.toegewezen_aan}, teamleden=teamleden),
        "notitie_form": formulieren.get("notitie_form") or NotitieForm(),
        "doorsturen_form": formulieren.get("doorsturen_form") or DoorsturenForm(teams=andere_teams),
        "misbruik_form": formulieren.get("misbruik_form") or MisbruikForm(),
        "is_beheerder": is_beheerder(request.user),
    }
    return render(request, "signalen/beheer/detail.html", context, status=status)


def _actie(request, referentie, form_klasse, naam, uitvoeren, **form_kwargs):
    signaal = _signaal(request, referentie)
    if callable(form_kwargs.get("teamleden")):
        form_kwargs["teamleden"] = form_kwargs["teamleden"](signaal)
    if callable(form_kwargs.get("teams")):
        form_kwargs["teams"] = form_kwargs["teams"](signaal)
    form = form_klasse(request.POST, **form_kwargs)
    if form.is_valid():
        try:
            bericht = uitvoeren(signaal, form.cleaned_data)
        except ValidationError as fout:
            form.add_error(None, fout)
        else:
            messages.success(request, bericht)
            if not Signaal.objects.zichtbaar_voor(request.user).filter(pk=signaal.pk).exists():
                # Forwarded to a team this worker is not in: it has left their queue.
                return redirect("signalen:werkvoorraad")
            return redirect(signaal.get_absolute_url())
    services.registreer_inzage(signaal, request.user)  # the page shows the signal again
    return _detail_pagina(request, signaal, status=400, **{naam: form})


@require_POST
@medewerker_pagina()
def status_wijzigen(request, referentie):
    def uitvoeren(signaal, data):
        services.wijzig_status(signaal, data["status"], request.user)
        return _("De status is nu: %(status)s.") % {"status": Signaal.Status(data["status"]).label}

    return _actie(request, referentie, StatusForm, "status_form", uitvoeren)


@require_POST
@medewerker_pagina()
def toewijzen(request, referentie):
    def uitvoeren(signaal, data):
        services.wijs_toe(signaal, data["medewerker"], request.user)
        return _("De toewijzing is opgeslagen.")

    return _actie(
        request,
        referentie,
        ToewijzenForm,
        "toewijzen_form",
        uitvoeren,
        teamleden=lambda s: services.teamleden(s.team),
    )


@require_POST
@medewerker_pagina()
def notitie(request, referentie):
    def uitvoeren(signaal, data):
        services.voeg_notitie_toe(signaal, data["tekst"], request.user)
        return _("De notitie is opgeslagen.")

    return _actie(request, referentie, NotitieForm, "notitie_form", uitvoeren)


@require_POST
@medewerker_pagina()
def doorsturen(request, referentie):
    def uitvoeren(signaal, data):
        services.stuur_door(signaal, data["team"], request.user)
        return _("Het signaal is doorgestuurd naar %(team)s.") % {"team": data["team"].naam}

    return _actie(
        request,
        referentie,
        DoorsturenForm,
        "doorsturen_form",
        uitvoeren,
        teams=lambda s: services.wijkteams().exclude(pk=s.team_id),
    )


@require_POST
@medewerker_pagina(toegang=is_beheerder)
def misbruik(request, referentie):
    def uitvoeren(signaal, data):
        services.wis_als_misbruik(signaal, request.user)
        return _("Het signaal is gewist als misbruik.")

    return _actie(request, referentie, MisbruikForm, "misbruik_form", uitvoeren)


@medewerker_pagina(toegang=mag_overzicht_zien)
def overzicht(request):
    """The monthly counts for the gemeente: ?maand=2026-10, the current month by default."""
    vandaag = timezone.localdate()
    try:
        maand = datetime.datetime.strptime(request.GET.get("maand", ""), "%Y-%m").date()
    except ValueError:
        maand = vandaag.replace(day=1)
    if not 2000 <= maand.year <= 2100:
        maand = vandaag.replace(day=1)
    vorige = (maand - datetime.timedelta(days=1)).replace(day=1)
    volgende = (maand + datetime.timedelta(days=32)).replace(day=1)
    return render(
        request,
        "signalen/beheer/overzicht.html",
        {
            "overzicht": services.maandoverzicht(maand.year, maand.month),
            "maand": maand,
            "vorige": vorige,
            "volgende": volgende if volgende <= vandaag else None,
        },
    )
