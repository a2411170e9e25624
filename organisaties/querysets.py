from django.contrib.postgres.search import SearchRank
from django.db import models
from django.db.models import F, Value

from organisaties.zoeken import tsquery, zoekwoorden


def _zoek(queryset, tekst: str, alle_woorden: bool, zoekvector: str):
    """Full-text search with prefix matching on an organisation's ``zoekvector`` (reached
    through ``zoekvector``, a field path), annotated with ``relevantie``."""
    woorden = zoekwoorden(tekst)
    if not woorden:
        return queryset.annotate(relevantie=Value(0.0, output_field=models.FloatField()))
    query = tsquery(woorden, alle_woorden=alle_woorden)
    return queryset.filter(**{zoekvector: query}).annotate(
        relevantie=SearchRank(F(zoekvector), query)
    )


class OrganisatieQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def zoek(self, tekst: str, alle_woorden: bool = True):
        """Full-text search with prefix matching, annotated with ``relevantie``."""
        return _zoek(self, tekst, alle_woorden, "zoekvector")

    def voor_lijst(self):
        return self.select_related("soort").defer("zoekvector")

    def met_details(self):
        """Everything an organisation's page shows, in a fixed number of queries (eight).

        Not the organisation's own wijken: the page shows the wijk of each location instead.
        """
        aanbod = self.model._meta.get_field("aanbod").related_model
        locatie = self.model._meta.get_field("locaties").related_model
        return self.select_related("soort").prefetch_related(
            "themas",
            models.Prefetch(
                "locaties",
                queryset=locatie.objects.select_related("wijk").prefetch_related("openingstijden"),
            ),
            models.Prefetch(
                "aanbod",
                queryset=aanbod.objects.prefetch_related("themas", "doelgroepen", "locaties"),
            ),
        )


class AanbodQuerySet(models.QuerySet):
    def gepubliceerd(self):
        """The aanbod of published organisations (the definition of Organisatie's)."""
        organisatie = self.model._meta.get_field("organisatie").related_model
        return self.filter(organisatie__in=organisatie.objects.gepubliceerd())

    def zoek(self, tekst: str, alle_woorden: bool = True):
        """The aanbod of the organisations the site's search finds, with their ``relevantie``."""
        return _zoek(self, tekst, alle_woorden, "organisatie__zoekvector")
