"""The filters of the agenda "Wat is er te doen?": every state is a plain GET URL.

Wijk, thema, doelgroep, gratis and distance choose activities (in SQL); ``dag`` chooses the
window in which their times are computed (activiteiten.herhaling).
"""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from activiteiten.herhaling import AMSTERDAM
from activiteiten.models import Activiteit
from organisaties.afstand import AFSTAND_KEUZES, Zoekopdracht, afstand_tot, binnen_kader
from organisaties.filters import TermFilter, ZoekForm
from organisaties.taxonomie import taxonomie

# How far ahead the agenda looks without a choice of day.
VENSTER_DAGEN = 56

DAG_KEUZES = [
    ("vandaag", _("Vandaag")),
    ("week", _("Deze week")),
    ("weekend", _("Dit weekend")),
]


def venster(dag, nu=None):
    """(from, until) for a choice of day, in Amsterdam's days; the next weeks without one."""
    nu = nu or timezone.now()
    lokaal = timezone.localtime(nu, AMSTERDAM)
    middernacht = lokaal.replace(hour=0, minute=0, second=0, microsecond=0)

    def dag_na(dagen):
        # The calendar day, not 24 hours: a day of the clock change is 23 or 25 hours long.
        d = middernacht.date() + datetime.timedelta(days=dagen)
        return datetime.datetime(d.year, d.month, d.day, tzinfo=AMSTERDAM)

    if dag == "vandaag":
        return nu, dag_na(1)
    if dag == "week":
        return nu, dag_na(7 - lokaal.weekday())
    if dag == "weekend":
        zaterdag = 5 - lokaal.weekday()
        return max(nu, dag_na(zaterdag)), dag_na(zaterdag + 2)
    return nu, nu + datetime.timedelta(days=VENSTER_DAGEN)


class ActiviteitFilter(django_filters.FilterSet):
    wijk = TermFilter(
        label=_("Wijk"),
        choices=lambda: taxonomie().wijken.keuzes(),
        method="filter_wijk",
        widget=forms.CheckboxSelectMultiple,
    )
    thema = TermFilter(
        label=_("Thema"),
        choices=lambda: taxonomie().themas.keuzes(),
        method="filter_thema",
        widget=forms.CheckboxSelectMultiple,
    )
    doelgroep = TermFilter(
        label=_("Voor wie"),
        choices=lambda: taxonomie().doelgroepen.keuzes(),
        method="filter_doelgroep",
        widget=forms.CheckboxSelectMultiple,
    )
    dag = django_filters.ChoiceFilter(
        label=_("Wanneer"),
        choices=DAG_KEUZES,
        method="filter_apart",
        empty_label=_("De komende weken"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies vandaag, deze week of dit weekend.")},
    )
    gratis = django_filters.BooleanFilter(
        label=_("Alleen gratis"), method="filter_gratis", widget=forms.CheckboxInput
    )
    postcode = django_filters.CharFilter(label=_("Uw postcode"), method="filter_apart", strip=True)
    afstand = django_filters.ChoiceFilter(
        label=_("Afstand"),
        choices=AFSTAND_KEUZES,
        method="filter_apart",
        empty_label=_("Elke afstand"),
        error_messages={"invalid_choice": _("Kies een afstand uit de lijst: 1, 2, 5 of 10 km.")},
    )

    class Meta:
        model = Activiteit
        fields = []
        form = ZoekForm

    def _ids(self, termen, slugs):
        return [termen.op_slug[slug].pk for slug in slugs if slug in termen.op_slug]

    def filter_wijk(self, queryset, name, value):
        ids = self._ids(taxonomie().wijken, value)
        if not ids:
            return queryset
        return queryset.filter(Q(wijk_id__in=ids) | Q(wijk__isnull=True, locatie__wijk_id__in=ids))

    def _alle(self, queryset, koppeling, veld, ids):
        for pk in ids:  # every chosen term, as in the organisation list
            queryset = queryset.filter(
                pk__in=koppeling.objects.filter(**{veld: pk}).values("activiteit_id")
            )
        return queryset

    def filter_thema(self, queryset, name, value):
        ids = self._ids(taxonomie().themas, value)
        return self._alle(queryset, Activiteit.themas.through, "thema_id", ids)

    def filter_doelgroep(self, queryset, name, value):
        ids = self._ids(taxonomie().doelgroepen, value)
        return self._alle(queryset, Activiteit.doelgroepen.through, "doelgroep_id", ids)

    def filter_gratis(self, queryset, name, value):
        return queryset.filter(is_gratis=True) if value else queryset

    def filter_apart(self, queryset, name, value):
        return queryset  # dag: on the times; postcode and afstand: in filter_queryset

    @property
    def afstand_zoeken(self) -> Zoekopdracht:
        if not hasattr(self, "_afstand_zoeken"):
            if self.is_bound:
                self.is_valid()
                self._afstand_zoeken = Zoekopdracht.uit_formulier(self.form)
            else:
                self._afstand_zoeken = Zoekopdracht()
        return self._afstand_zoeken

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        afstand = self.afstand_zoeken
        if not afstand.heeft_plek:
            return queryset
        breedte, lengte = "locatie__breedte", "locatie__lengte"
        queryset = queryset.annotate(afstand=afstand_tot(afstand.plek, breedte, lengte))
        if afstand.km:
            meters = afstand.km * 1000
            queryset = queryset.filter(binnen_kader(afstand.plek, meters, breedte, lengte))
            queryset = queryset.filter(afstand__lte=meters)
        return queryset

    @property
    def venster(self):
        dag = ""
        if self.is_bound:
            self.is_valid()  # fills form.cleaned_data, also when another field has an error
            dag = self.form.cleaned_data.get("dag") or ""
        return venster(dag)
