"""Pages for organisations themselves: their listing through the personal link, and
"Aanmelden als organisatie". No account and no login; the rules are in organisaties.bijwerken.

Pages behind the link are never stored by browsers or proxies and never indexed
(netwerk.decorators.persoonlijke_link): the link is the key to the organisation's listing.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netwerk.decorators import persoonlijke_link
from netwerk.ratelimit import boven_limiet
from organisaties import bijwerken
from organisaties.forms_bijwerken import AanmeldOrganisatieForm, Bijwerkformulier
from organisaties.models import Bijwerkvoorstel, Organisatie


def met_link(view):
    """Turn the token of the URL into its organisation, or answer with the page that says
    why the link does not work and whom to contact (never a 500)."""

    @persoonlijke_link
    @require_http_methods(["GET", "HEAD", "POST"])
    @wraps(view)
    def wrapper(request, token, **kwargs):
        try:
            organisatie = bijwerken.organisatie_van_token(token)
        except bijwerken.OngeldigeLink as fout:
            return render(
                request,
                "organisaties/bijwerken/ongeldig.html",
                {
                    "verlopen": isinstance(fout, bijwerken.VerlopenLink),
                    "ingetrokken": isinstance(fout, bijwerken.IngetrokkenLink),
                    "dagen": settings.ORGANISATIE_LINK_DAGEN,
                },
                status=fout.status,
            )
        return view(request, organisatie, token, **kwargs)

    return wrapper


def _open_voorstellen(organisatie):
    return organisatie.bijwerkvoorstellen.filter(status=Bijwerkvoorstel.Status.OPEN).order_by(
        "-ingediend_op"
    )


@met_link
def overzicht(request, organisatie, token):
    """The listing as inwoners see it, "Alles klopt nog" (a POST), and the way to changes."""
    if request.method == "POST":
        bijwerken.bevestig(organisatie)
        messages.success(
            request,
            _("Dank u wel. Wij hebben genoteerd dat uw gegevens vandaag nog kloppen."),
        )
        return redirect("organisaties:bijwerken", token=token)
    vermelding = Organisatie.objects.met_details().get(pk=organisatie.pk)
    return render(
        request,
        "organisaties/bijwerken/overzicht.html",
        {
            "organisatie": vermelding,
            "token": token,
            "open_voorstel": _open_voorstellen(organisatie).first(),
        },
    )


@met_link
def wijzigen(request, organisatie, token):
    """Propose changes: description, contact details, aanbod, locaties, opening hours."""
    huidig = bijwerken.momentopname(organisatie)
    status = 200
    if request.method != "POST":
        formulier = Bijwerkformulier(huidig)
    elif request.POST.get("toevoegen"):
        formulier = Bijwerkformulier.met_regel_erbij(
            huidig, request.POST, request.POST["toevoegen"]
        )
    else:
        formulier = Bijwerkformulier(huidig, request.POST)
        if formulier.is_valid():
            try:
                bijwerken.dien_voorstel_in(
                    organisatie,
                    formulier.voorstel(),
                    toelichting=formulier.gegevens.cleaned_data["toelichting"],
                    gezien=formulier.gezien(),
                )
            except bijwerken.TeveelVoorstellen as fout:
                formulier.gegevens.add_error(None, str(fout))
                status = 429
            else:
                return redirect("organisaties:bijwerken_bedankt", token=token)
        else:
            status = 400
    return render(
        request,
        "organisaties/bijwerken/wijzigen.html",
        {
            "organisatie": organisatie,
            "token": token,
            "formulier": formulier,
            "fouten": formulier.fouten() if status != 200 else [],
            "open_voorstel": _open_voorstellen(organisatie).first(),
        },
        status=status,
    )


@met_link
def bedankt(request, organisatie, token):
    return render(
        request,
        "organisaties/bijwerken/bedankt.html",
        {"organisatie": organisatie, "token": token},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def aanmelden(request):
    """'Aanmelden als organisatie': a concept for the redactie, never live by itself."""
    form = AanmeldOrganisatieForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if boven_limiet(
            request, "organisatie_aanmelden", settings.ORGANISATIE_AANMELDEN_LIMIET_PER_UUR
        ):
            form.add_error(
                None,
                _(
                    "Er zijn vanaf uw adres al veel aanmeldingen gestuurd. Probeer het over "
                    "een uur opnieuw."
                ),
            )
            status = 429
        elif form.is_valid():
            if not form.is_spam():
                bijwerken.meld_aan(**form.service_gegevens())
            return redirect("organisaties:aanmelden_bedankt")
        else:
            status = 400
    return render(request, "organisaties/bijwerken/aanmelden.html", {"form": form}, status=status)


def aanmelden_bedankt(request):
    return render(
        request,
        "organisaties/bijwerken/aanmelden_bedankt.html",
        {"lijst": reverse("organisaties:lijst")},
    )
