from django.contrib.postgres.search import SearchRank
from django.db import models
from django.db.models import F, Value

from organisaties.zoeken import tsquery, zoekwoorden


class OrganisatieQuerySet(models.QuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def zoek(self, tekst: str, alle_woorden: bool = True):
        """Full-text search with prefix matching, annotated with ``relevantie``."""
        woorden = zoekwoorden(tekst)
        if not woorden:
            return self.annotate(relevantie=Value(0.0, output_field=models.FloatField()))
        query = tsquery(woorden, alle_woorden=alle_woorden)
        return self.filter(zoekvector=query).annotate(relevantie=SearchRank(F("zoekvector"), query))

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
