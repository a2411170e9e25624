import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Aanmelding


class AanmeldingFilter(django_filters.FilterSet):
    """Search the attendee list of one meeting by name, e-mail or organisation, and status."""

    q = django_filters.CharFilter(label=_("Zoek op naam, e-mail of organisatie"), method="zoek")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Aanmelding.Status.choices, empty_label=_("Alle")
    )

    class Meta:
        model = Aanmelding
        fields = ["q", "status"]

    def zoek(self, queryset, name, value):
        for woord in value.split()[:5]:
            queryset = queryset.filter(
                Q(naam__icontains=woord)
                | Q(email__icontains=woord)
                | Q(organisatie_naam__icontains=woord)
                | Q(organisatie__naam__icontains=woord)
            )
        return queryset
