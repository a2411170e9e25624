"""The list's facets: the filters whose every value shows how many organisations it leaves.

Declared once, here. The facet index and its counts (facetten.py), the list's FilterSet
(filters.py), the chips of the active filters and the checkbox groups of the list (views.py,
lijst.html) all read ``alle_facetten()``. A new facet is one entry in ``FACETTEN``, on a column
of Organisatie that zoekindex.py keeps current (and, for a new taxonomy, its model and its
attribute in taxonomie.AlleTermen).

A facet's column is one of three kinds:
- an integer array of term ids (``facet_themas``): a chosen value must be among them; several
  chosen values narrow the result (all of them) or, with ``verruimt``, widen it (any of them);
- a term's id (``soort_id``): one value per organisation, so several chosen values widen;
- a boolean (``is_gratis``, no ``termen``): one checkbox, on or off.
Counts of a narrowing facet are over the current result ("this many remain if you also pick
this"); counts of a widening facet are over the result without its own filter.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.postgres.fields import ArrayField
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    naam: str  # the GET parameter; also the name in the FilterSet, the counts and the index
    label: str  # the filter's label: the legend of its checkbox group, or a checkbox's text
    veld: str  # the column of Organisatie (see the module's docstring)
    termen: str | None = None  # the attribute of taxonomie.AlleTermen; None: a yes/no filter
    verruimt: bool = False  # several chosen values: any of them instead of all of them
    kop: str | None = None  # a yes/no filter's legend
    chip: str | None = None  # a yes/no filter's chip

    @property
    def is_vlag(self) -> bool:
        return self.termen is None

    @cached_property
    def is_lijst(self) -> bool:
        from organisaties.models import Organisatie

        return isinstance(Organisatie._meta.get_field(self.veld), ArrayField)

    @property
    def verruimend(self) -> bool:
        """Whether its counts are taken over the result without its own filter."""
        return not self.is_vlag and (self.verruimt or not self.is_lijst)

    def termen_van(self, tax):
        return getattr(tax, self.termen)

    def waarden(self, kolom) -> list:
        """The facet's values of one organisation, from its column's value."""
        if self.is_vlag:
            return [True] if kolom else []
        if self.is_lijst:
            return kolom or []
        return [] if kolom is None else [kolom]

    def filter(self, queryset, gekozen):
        """The organisations with the chosen values: term ids, or True for a yes/no filter."""
        if self.is_vlag:
            return queryset.filter(**{self.veld: True}) if gekozen else queryset
        if not gekozen:
            return queryset
        if not self.is_lijst:
            return queryset.filter(**{f"{self.veld}__in": gekozen})
        lookup = "overlap" if self.verruimt else "contains"
        return queryset.filter(**{f"{self.veld}__{lookup}": list(gekozen)})


FACETTEN = (
    Facet("thema", _("Thema"), "facet_themas", termen="themas"),
    Facet("doelgroep", _("Voor wie"), "facet_doelgroepen", termen="doelgroepen"),
    Facet("soort", _("Soort organisatie"), "soort_id", termen="soorten"),
    Facet("wijk", _("Wijk"), "facet_wijken", termen="wijken"),
    Facet(
        "gratis",
        _("Alleen gratis aanbod"),
        "is_gratis",
        kop=_("Kosten"),
        chip=_("Gratis"),
    ),
)


def alle_facetten() -> tuple[Facet, ...]:
    """The declared facets, in the order of the filter form and the chips."""
    return FACETTEN
