"""All themes, doelgroepen, soorten and wijken, loaded once per content version.

Filters, facet labels and cards need them on every page, several times: from the cache they
cost no query, and each process keeps the current version's copy in memory, so that asking
again costs no round trip to the cache and no unpickling either.
"""

import secrets
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection, transaction

from netwerk.inhoudsversie import per_inhoudsversie

# Bumped by every change to a term (organisaties.signals): what is kept per organisation
# (organisaties.organisatiepagina) shows terms' names and carries this in its key.
VERSIE_SLEUTEL = "taxonomie:versie"


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


def taxonomieversie() -> int:
    """A number that changes whenever a term is added, renamed, reordered or removed."""
    versie = cache.get(VERSIE_SLEUTEL)
    if versie is None:
        # A random start: after the cache is emptied no earlier number comes back.
        cache.add(VERSIE_SLEUTEL, secrets.randbits(48) + 1, timeout=None)
        versie = cache.get(VERSIE_SLEUTEL) or 0
    return versie


def _verhoog() -> None:
    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:
        cache.add(VERSIE_SLEUTEL, secrets.randbits(48) + 1, timeout=None)


def taxonomie_gewijzigd() -> None:
    """Call after any change to a term. Bumped again when the transaction commits, so that a
    page rendered in between (from the old names) is not kept under the new number."""
    _verhoog()
    if connection.in_atomic_block:
        transaction.on_commit(_verhoog)
