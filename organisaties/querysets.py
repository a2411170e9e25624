from django.contrib.postgres.search import SearchRank, TrigramWordSimilarity
from django.db import models
from django.db.models import F, Value

from organisaties.zoeken import tsquery, zoekwoorden

# Minimum word similarity (0..1) for a typo to count as a match; "mantelzrog" against
# "mantelzorg" scores about 0.5, unrelated words stay below 0.3.
TIKFOUT_DREMPEL = 0.45


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

    def lijkt_op(self, tekst: str):
        """Organisations with a word that looks like the search: forgives typos.

        Needs the pg_trgm extension; check ``zoeken.kan_tikfouten_vergeven()`` first.
        """
        woorden = zoekwoorden(tekst)
        if not woorden:
            return self
        return self.annotate(
            relevantie=TrigramWordSimilarity(Value(" ".join(woorden)), "zoektekst")
        ).filter(relevantie__gte=TIKFOUT_DREMPEL)

    def voor_lijst(self):
        return self.select_related("soort").defer("zoekvector", "zoektekst")

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
