"""An organisation's activities through its personal link (the link of organisaties.bijwerken).

Never stored or indexed (the decorator of organisaties.views_bijwerken). What is sent waits
for staff as an Activiteitvoorstel: see activiteiten.bijwerken.
"""

from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from activiteiten import bijwerken
from activiteiten.forms import VoorstelForm
from activiteiten.models import Activiteit, Activiteitvoorstel
from organisaties.views_bijwerken import met_link


@met_link
def overzicht(request, organisatie, token):
    return render(
        request,
        "activiteiten/bijwerken/overzicht.html",
        {
            "organisatie": organisatie,
            "token": token,
            "activiteiten": Activiteit.objects.filter(organisaties=organisatie)
            .exclude(status=Activiteit.Status.GEARCHIVEERD)
            .order_by("titel"),
            "open_voorstellen": organisatie.activiteitvoorstellen.filter(
                status=Activiteitvoorstel.Status.OPEN
            ),
        },
    )


def _begin(activiteit):
    start = timezone.localtime(activiteit.start)
    einde = timezone.localtime(activiteit.einde)
    tot = ""
    if ";UNTIL=" in activiteit.herhaling:
        waarde = activiteit.herhaling.split(";UNTIL=")[1][:8]
        tot = f"{waarde[:4]}-{waarde[4:6]}-{waarde[6:8]}"
    return {
        "titel": activiteit.titel,
        "omschrijving": activiteit.omschrijving,
        "locatie": activiteit.locatie_id,
        "ontmoetplek": activiteit.ontmoetplek,
        "wijk": activiteit.wijk_id,
        "themas": list(activiteit.themas.values_list("pk", flat=True)),
        "doelgroepen": list(activiteit.doelgroepen.values_list("pk", flat=True)),
        "datum": start.date(),
        "begintijd": start.time().strftime("%H:%M"),
        "eindtijd": einde.time().strftime("%H:%M"),
        "herhaling": bijwerken.herhaling_van(activiteit) or "wekelijks",
        "herhalen_tot": tot,
        "is_gratis": activiteit.is_gratis,
        "kosten": activiteit.kosten,
        "hoe_meedoen": activiteit.hoe_meedoen,
        "toegankelijkheid": activiteit.toegankelijkheid,
        "capaciteit": activiteit.capaciteit,
    }


def _formulier(request, organisatie, token, activiteit):
    nieuw = activiteit is None
    initial = {} if nieuw else _begin(activiteit)
    form = VoorstelForm(organisatie, request.POST or None, nieuw=nieuw, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                bijwerken.dien_in(
                    organisatie,
                    activiteit,
                    bijwerken.als_gegevens(form.cleaned_data),
                    form.cleaned_data.get("toelichting", ""),
                )
            except bijwerken.TeveelVoorstellen as fout:
                form.add_error(None, str(fout))
                status = 429
            else:
                return redirect("activiteiten:bijwerken_bedankt", token=token)
        else:
            status = 400
    return render(
        request,
        "activiteiten/bijwerken/formulier.html",
        {"organisatie": organisatie, "token": token, "activiteit": activiteit, "form": form},
        status=status,
    )


@met_link
def nieuw(request, organisatie, token):
    return _formulier(request, organisatie, token, None)


@met_link
def wijzigen(request, organisatie, token, pk):
    # The token's route gives no pk: look it up among this organisation's own activities.
    activiteit = Activiteit.objects.filter(organisaties=organisatie, pk=pk).first()
    if activiteit is None:
        raise Http404
    return _formulier(request, organisatie, token, activiteit)


@met_link
def bedankt(request, organisatie, token):
    return render(
        request,
        "activiteiten/bijwerken/bedankt.html",
        {"organisatie": organisatie, "token": token},
    )
