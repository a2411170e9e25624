"""Coordinator aids for the day itself: name badges (PDF) and a table plan for world-café
rounds. Both show attendees' names, so both check rechten and log the look (inzage)."""

from django import forms
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from bijeenkomsten import inzage
from bijeenkomsten.badges import FORMATEN, badges_pdf, kenmerken
from bijeenkomsten.models import Inzage
from bijeenkomsten.tafelindeling import tafelindeling
from bijeenkomsten.views.coordinatie import _bijeenkomst, coordinator_pagina


class BadgesForm(forms.Form):
    formaat = forms.ChoiceField(
        label=_("Formaat"),
        choices=[(sleutel, f.naam) for sleutel, f in FORMATEN.items()],
        error_messages={"invalid_choice": _("Kies een van de formaten uit de lijst.")},
    )
    per_soort = forms.BooleanField(
        label=_("Kleur en vorm per soort organisatie"),
        required=False,
        help_text=_("Zo ziet iedereen in één oogopslag wie van een wijkteam of welzijn komt."),
    )
    legenda = forms.BooleanField(
        label=_("Legenda als laatste pagina (A4)"),
        required=False,
        help_text=_("Om bij de ingang op te hangen."),
    )


class TafelForm(forms.Form):
    grootte = forms.IntegerField(
        label=_("Mensen per tafel"),
        min_value=2,
        max_value=20,
        initial=6,
        error_messages={
            "required": _("Vul in hoeveel mensen aan een tafel zitten."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Aan een tafel zitten minstens 2 mensen."),
            "max_value": _("Aan een tafel zitten hoogstens 20 mensen."),
        },
    )
    rondes = forms.IntegerField(
        label=_("Aantal rondes"),
        min_value=1,
        max_value=6,
        initial=3,
        error_messages={
            "required": _("Vul het aantal rondes in."),
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Kies minstens 1 ronde."),
            "max_value": _("Kies hoogstens 6 rondes."),
        },
    )
    seed = forms.IntegerField(
        label=_("Variant"),
        required=False,
        min_value=1,
        max_value=9999,
        initial=1,
        help_text=_("Een ander getal geeft een andere indeling; hetzelfde getal dezelfde."),
        error_messages={
            "invalid": _("Vul een heel getal in."),
            "min_value": _("Kies een getal van 1 tot en met 9999."),
            "max_value": _("Kies een getal van 1 tot en met 9999."),
        },
    )

    def clean_seed(self):
        return self.cleaned_data["seed"] or 1


@coordinator_pagina
def naambadges(request, slug):
    """The choice of format; with a format chosen, the PDF itself."""
    bijeenkomst = _bijeenkomst(request, slug)
    form = BadgesForm(
        request.GET if "formaat" in request.GET else None, initial={"per_soort": True}
    )
    if form.is_bound and form.is_valid() and not bijeenkomst.aantal_bevestigd:
        form.add_error(None, _("Er zijn nog geen deelnemers met een bevestigde plaats."))
    if form.is_bound and form.is_valid():
        inhoud = badges_pdf(
            bijeenkomst,
            formaat=form.cleaned_data["formaat"],
            per_soort=form.cleaned_data["per_soort"],
            legenda=form.cleaned_data["legenda"],
        )
        inzage.vastleggen(request.user, Inzage.Actie.NAAMBADGES, bijeenkomst)
        response = HttpResponse(inhoud, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="badges-{bijeenkomst.slug}.pdf"'
        return response
    return render(
        request,
        "bijeenkomsten/coordinatie/naambadges.html",
        {
            "bijeenkomst": bijeenkomst,
            "form": form,
            "legenda": kenmerken().values(),
        },
        status=400 if form.is_bound else 200,
    )


@coordinator_pagina
def tafels(request, slug):
    """A printable table plan that mixes organisations that have not met yet."""
    bijeenkomst = _bijeenkomst(request, slug)
    form = TafelForm(request.GET if "grootte" in request.GET else None)
    indeling, herhaald = None, 0
    if form.is_bound and form.is_valid():
        indeling, herhaald = tafelindeling(bijeenkomst, **form.cleaned_data)
        inzage.vastleggen(request.user, Inzage.Actie.TAFELINDELING, bijeenkomst)
    return render(
        request,
        "bijeenkomsten/coordinatie/tafels.html",
        {
            "bijeenkomst": bijeenkomst,
            "form": form,
            "indeling": indeling,
            "herhaald": herhaald,
        },
        status=400 if form.is_bound and form.errors else 200,
    )
