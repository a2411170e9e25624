"""All themes, doelgroepen, soorten and wijken, loaded once per content version.

Filters, facet labels and cards need them on every page, several times: from the cache they
cost no query, and each process keeps the current version's copy in memory, so that asking
again costs no round trip to the cache and no unpickling either.
"""

from dataclasses import dataclass, field

from netwerk.inhoudsversie import per_inhoudsversie


@dataclass
class Termen:
    lijst: list
    op_id: dict = field(init=False)
    op_slug: dict = field(init=False)

    def __post_init__(self):
        self.op_id = {term.pk: term for term in self.lijst}
        self.op_slug = {term.slug: term for term in self.lijst}

    def keuzes(self):
        return [(term.slug, term.weergavenaam) for term in self.lijst]

    def namen(self, ids):
        return [self.op_id[i] for i in ids if i in self.op_id]


@dataclass
class AlleTermen:
    """Every term of every taxonomy, as loaded for one content version."""

    themas: Termen
    doelgroepen: Termen
    soorten: Termen
    wijken: Termen


def _laad_taxonomie() -> AlleTermen:
    from organisaties.models import Doelgroep, Soort, Thema, Wijk

    return AlleTermen(
        themas=Termen(list(Thema.objects.all())),
        doelgroepen=Termen(list(Doelgroep.objects.all())),
        soorten=Termen(list(Soort.objects.all())),
        wijken=Termen(list(Wijk.objects.all())),
    )


def taxonomie() -> AlleTermen:
    return per_inhoudsversie("taxonomie", _laad_taxonomie)
