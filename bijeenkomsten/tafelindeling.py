"""Tables for world-café rounds: groups of about N, over R rounds, so that organisations
that have not met sit together and as few pairs as possible meet twice.

A pair of organisations costs 1 for each time it shares a table (in an earlier round of this
plan, or checked in together at an earlier meeting); colleagues at one table cost far more,
so that only happens when an organisation has more people than there are tables. Each round
is filled greedily, then improved by swapping two people between tables while that lowers
the cost. The order in which people are placed comes from ``seed``: the same seed gives the
same plan.
"""

import math
import random
from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from bijeenkomsten.models import Aanmelding
from bijeenkomsten.ontmoeten import eerder_ontmoet

COLLEGA_KOSTEN = 1000
MAX_RONDES_VERBETEREN = 5


@dataclass(frozen=True)
class Gast:
    pk: int
    naam: str
    organisatie: str
    sleutel: str  # who counts as colleagues: the same organisation


def gasten_voor(bijeenkomst):
    """The confirmed attendees as guests (one query)."""
    aanmeldingen = (
        bijeenkomst.aanmeldingen.filter(status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
        .select_related("organisatie")
        .order_by("naam", "pk")
    )
    gasten = []
    for a in aanmeldingen:
        if a.organisatie_id:
            sleutel = f"o{a.organisatie_id}"
        elif a.organisatie_naam.strip():
            sleutel = "n" + " ".join(a.organisatie_naam.lower().split())
        else:
            sleutel = f"a{a.pk}"  # no organisation: nobody's colleague
        gasten.append(Gast(a.pk, a.naam, a.organisatie_tekst or "", sleutel))
    return gasten


def tafelgroottes(aantal, grootte):
    """Table sizes for ``aantal`` people at tables of at most ``grootte``, differing by 1."""
    if aantal == 0:
        return []
    tafels = math.ceil(aantal / grootte)
    basis, rest = divmod(aantal, tafels)
    return [basis + 1] * rest + [basis] * (tafels - rest)


class Planner:
    def __init__(self, gasten, eerder=frozenset()):
        self.gasten = gasten
        self.gezien = Counter()  # unordered key pair -> times together
        for a, b in eerder:
            self.gezien[frozenset((a, b))] += 1

    def paar_kosten(self, a, b):
        if a.sleutel == b.sleutel:
            return COLLEGA_KOSTEN
        return self.gezien[frozenset((a.sleutel, b.sleutel))]

    def _kosten_bij(self, gast, tafel):
        return sum(self.paar_kosten(gast, ander) for ander in tafel)

    def ronde(self, groottes, rng):
        volgorde = list(self.gasten)
        rng.shuffle(volgorde)
        # Large organisations first, while every table still has room to keep them apart.
        per_org = Counter(g.sleutel for g in volgorde)
        volgorde.sort(key=lambda g: -per_org[g.sleutel])
        tafels = [[] for _ in groottes]
        for gast in volgorde:
            vrij = [i for i, t in enumerate(tafels) if len(t) < groottes[i]]
            beste = min(vrij, key=lambda i: (self._kosten_bij(gast, tafels[i]), len(tafels[i])))
            tafels[beste].append(gast)
        self._verbeter(tafels)
        for tafel in tafels:
            for a, b in combinations(tafel, 2):
                if a.sleutel != b.sleutel:
                    self.gezien[frozenset((a.sleutel, b.sleutel))] += 1
        return tafels

    def _verbeter(self, tafels):
        """Swap two people between tables while that lowers the cost."""
        for _ in range(MAX_RONDES_VERBETEREN):
            verbeterd = False
            for i, j in combinations(range(len(tafels)), 2):
                for x, a in enumerate(tafels[i]):
                    for y, b in enumerate(tafels[j]):
                        zonder_a = tafels[i][:x] + tafels[i][x + 1 :]
                        zonder_b = tafels[j][:y] + tafels[j][y + 1 :]
                        nu = self._kosten_bij(a, zonder_a) + self._kosten_bij(b, zonder_b)
                        na = self._kosten_bij(b, zonder_a) + self._kosten_bij(a, zonder_b)
                        if na < nu:
                            tafels[i][x], tafels[j][y] = b, a
                            a = b
                            verbeterd = True
            if not verbeterd:
                return


def plan(gasten, grootte, rondes, seed=1, eerder=frozenset()):
    """``rondes`` rounds, each a list of tables (lists of Gast). ``eerder``: key pairs that
    have met before."""
    rng = random.Random(seed)
    planner = Planner(gasten, eerder)
    groottes = tafelgroottes(len(gasten), grootte)
    return [planner.ronde(groottes, rng) for _ in range(rondes)]


def herhaalde_paren(indeling, eerder=frozenset()):
    """How often a pair of organisations sat together again (or again after an earlier
    meeting): the number the plan keeps low."""
    gezien = Counter(frozenset(p) for p in eerder)
    herhaald = 0
    for ronde in indeling:
        for tafel in ronde:
            for a, b in combinations(tafel, 2):
                if a.sleutel == b.sleutel:
                    continue
                paar = frozenset((a.sleutel, b.sleutel))
                herhaald += gezien[paar] > 0
                gezien[paar] += 1
    return herhaald


def tafelindeling(bijeenkomst, grootte, rondes, seed=1):
    """The plan for a meeting's confirmed attendees, and its count of repeated pairs."""
    gasten = gasten_voor(bijeenkomst)
    organisaties = {int(g.sleutel[1:]) for g in gasten if g.sleutel.startswith("o")}
    eerder = {(f"o{a}", f"o{b}") for a, b in eerder_ontmoet(bijeenkomst, organisaties)}
    indeling = plan(gasten, grootte, rondes, seed=seed, eerder=eerder)
    return indeling, herhaalde_paren(indeling, eerder)
