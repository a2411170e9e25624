import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from organisaties.afstand import AFSTAND_KEUZES, Zoekopdracht
from organisaties.facetdefinities import alle_facetten
from organisaties.models import Organisatie
from organisaties.postcodes import POSTCODE_FOUT, normaliseer
from organisaties.taxonomie import taxonomie
from organisaties.zoeken import MAX_ZOEKLENGTE, verbeter_tikfouten, zoekwoorden


class ZoekForm(forms.Form):
    def clean_q(self):
        q = " ".join(self.cleaned_data.get("q", "").split())
        return q[:MAX_ZOEKLENGTE]

    def clean_postcode(self):
        waarde = self.cleaned_data.get("postcode", "")
        if not waarde:
            return ""
        code = normaliseer(waarde[:50])
        if code is None or len(waarde) > 50:
            raise forms.ValidationError(POSTCODE_FOUT, code="postcode")
        return code


class BekendeWaardenField(django_filters.fields.MultipleChoiceField):
    """Drops values that are not (or no longer) a choice, instead of rejecting the whole filter.

    An old bookmark with a removed theme still shows the other filters it had.
    """

    def clean(self, value):
        return super().clean([v for v in value or [] if self.valid_value(v)])


class TermFilter(django_filters.MultipleChoiceFilter):
    field_class = BekendeWaardenField


def _facetfilter(facet):
    """The FilterSet's filter of a facet: checkboxes of its terms, or one yes/no checkbox."""
    if facet.is_vlag:
        return django_filters.BooleanFilter(
            field_name=facet.naam,
            label=facet.label,
            method=lambda queryset, name, waarde: facet.filter(queryset, waarde),
            widget=forms.CheckboxInput,
        )

    def filter_termen(queryset, name, slugs):
        termen = facet.termen_van(taxonomie())
        ids = [termen.op_slug[slug].pk for slug in slugs if slug in termen.op_slug]
        return facet.filter(queryset, ids)

    return TermFilter(
        field_name=facet.naam,
        label=facet.label,
        choices=lambda: facet.termen_van(taxonomie()).keuzes(),
        method=filter_termen,
        widget=forms.CheckboxSelectMultiple,
    )


class Zoekmodus:
    ALLE_WOORDEN = "alle"
    EEN_WOORD = "een"
    GELIJKENIS = "gelijkenis"


class OrganisatieFilter(django_filters.FilterSet):
    """The search form of the organisation list: every state is a plain GET URL."""

    q = django_filters.CharFilter(
        label=_("Waar zoekt u hulp bij?"), method="filter_zoek", strip=True
    )
    # Help near home (organisaties.afstand): applied together in filter_queryset.
    postcode = django_filters.CharFilter(label=_("Uw postcode"), method="filter_apart", strip=True)
    afstand = django_filters.ChoiceFilter(
        label=_("Afstand"),
        choices=AFSTAND_KEUZES,
        method="filter_apart",
        empty_label=_("Elke afstand"),
        error_messages={"invalid_choice": _("Kies een afstand uit de lijst: 1, 2, 5 of 10 km.")},
    )
    sorteer = django_filters.ChoiceFilter(
        label=_("Sorteer op"),
        choices=[
            ("relevantie", _("Beste resultaat")),
            ("naam", _("Naam (A-Z)")),
            ("afstand", _("Afstand (dichtbij eerst)")),
        ],
        method="filter_sorteer",
        empty_label=None,
    )

    zoekmodus = Zoekmodus.ALLE_WOORDEN
    verbeterde_zoektekst = ""

    class Meta:
        model = Organisatie
        fields = []
        form = ZoekForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The facets' filters (facetdefinities), after the search words as in the form.
        vast = self.filters
        self.filters = {"q": vast.pop("q")}
        for facet in alle_facetten():
            self.filters[facet.naam] = _facetfilter(facet)
            self.filters[facet.naam].parent = self
        self.filters.update(vast)

    def filter_zoek(self, queryset, name, value):
        if self.zoekmodus == Zoekmodus.GELIJKENIS:
            return queryset.zoek(self.verbeterde_zoektekst)
        return queryset.zoek(value, alle_woorden=self.zoekmodus == Zoekmodus.ALLE_WOORDEN)

    def filter_sorteer(self, queryset, name, value):
        return queryset  # applied last, in filter_queryset

    def filter_apart(self, queryset, name, value):
        return queryset  # postcode and afstand: together, in filter_queryset

    @property
    def afstand_zoeken(self) -> Zoekopdracht:
        """The distance part of the search: the postcode's place, messages and chips."""
        if not hasattr(self, "_afstand_zoeken"):
            if self.is_bound:
                self.is_valid()  # fills form.cleaned_data
                self._afstand_zoeken = Zoekopdracht.uit_formulier(self.form)
            else:
                self._afstand_zoeken = Zoekopdracht()
        return self._afstand_zoeken

    def filter_queryset(self, queryset, zonder=()):
        data = self.form.cleaned_data
        for naam, waarde in data.items():
            if naam not in zonder and naam not in ("sorteer", "postcode", "afstand"):
                queryset = self.filters[naam].filter(queryset, waarde)
        afstand = self.afstand_zoeken
        queryset = afstand.filter(queryset)
        if afstand.sorteert:
            # PostgreSQL puts NULL (no located location) last in ascending order; a plain
            # name lets the list take the page in its one scan (views._volgorde).
            return queryset.order_by("afstand", "naam", "pk")
        if self.heeft_zoekopdracht and data.get("sorteer") != "naam":
            return queryset.order_by("-relevantie", "naam", "pk")
        return queryset.order_by("naam", "pk")

    @property
    def heeft_zoekopdracht(self):
        return bool(zoekwoorden(self.form.cleaned_data.get("q") or ""))

    def verbeter_tikfouten(self):
        """Correct the search words to words of the directory; True if anything changed."""
        woorden = zoekwoorden(self.form.cleaned_data.get("q") or "")
        verbeterd = verbeter_tikfouten(woorden)
        if verbeterd == woorden:
            return False
        self.verbeterde_zoektekst = " ".join(verbeterd)
        return True

    def zonder_verruimende(self):
        """Per widening facet with a chosen value (soort): the result without its filter, for
        counting its values (see facetdefinities)."""
        self.is_valid()  # fills form.cleaned_data, also when some values were dropped
        data = self.form.cleaned_data
        return {
            facet.naam: self.filter_queryset(self.queryset.all(), zonder=(facet.naam,))
            for facet in alle_facetten()
            if facet.verruimend and data.get(facet.naam)
        }

    def opnieuw(self, zoekmodus):
        """The result with a looser search, after the strict one found nothing."""
        self.zoekmodus = zoekmodus
        if hasattr(self, "_qs"):
            del self._qs
        return self.qs
