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
    """Keeps, per pair of organisations, the cost of seating them together (a matrix over
    organisation numbers), and per table the cost each organisation would add to it, so that
    trying a swap is a few additions: 200 people over 6 rounds stays well under a second."""

    def __init__(self, gasten, eerder=frozenset()):
        self.gasten = gasten
        sleutels = sorted({g.sleutel for g in gasten})
        self.nummer = {sleutel: i for i, sleutel in enumerate(sleutels)}
        k = len(sleutels)
        self.kosten = [[0] * k for _ in range(k)]
        for i in range(k):
            self.kosten[i][i] = COLLEGA_KOSTEN
        for a, b in eerder:
            if a in self.nummer and b in self.nummer and a != b:
                self._samen(self.nummer[a], self.nummer[b])

    def _samen(self, a, b):
        self.kosten[a][b] += 1
        self.kosten[b][a] += 1

    def _tafelkosten(self, leden):
        """For each organisation: what seating one of its people at this table costs."""
        return [sum(rij[m] for m in leden) for rij in self.kosten]

    def ronde(self, groottes, rng):
        volgorde = list(self.gasten)
        rng.shuffle(volgorde)
        # Large organisations first, while every table still has room to keep them apart.
        per_org = Counter(g.sleutel for g in volgorde)
        volgorde.sort(key=lambda g: -per_org[g.sleutel])
        k = len(self.kosten)
        tafels = [[] for _ in groottes]
        leden = [[] for _ in groottes]  # organisation numbers per table
        kosten = [[0] * k for _ in groottes]
        for gast in volgorde:
            o = self.nummer[gast.sleutel]
            vrij = [i for i in range(len(tafels)) if len(tafels[i]) < groottes[i]]
            beste = min(vrij, key=lambda i: (kosten[i][o], len(tafels[i])))
            tafels[beste].append(gast)
            leden[beste].append(o)
            for x in range(k):
                kosten[beste][x] += self.kosten[x][o]
        self._verbeter(tafels, leden, kosten)
        for rij in leden:
            for a, b in {(min(a, b), max(a, b)) for a, b in combinations(rij, 2) if a != b}:
                self._samen(a, b)
        return tafels

    def _verbeter(self, tafels, leden, kosten):
        """Swap two people between tables while that lowers the cost."""
        m = self.kosten
        for _ in range(MAX_RONDES_VERBETEREN):
            verbeterd = False
            for i, j in combinations(range(len(tafels)), 2):
                for x in range(len(leden[i])):
                    for y in range(len(leden[j])):
                        a, b = leden[i][x], leden[j][y]
                        if a == b:
                            continue
                        nu = kosten[i][a] - m[a][a] + kosten[j][b] - m[b][b]
                        na = kosten[i][b] - m[b][a] + kosten[j][a] - m[a][b]
                        if na < nu:
                            leden[i][x], leden[j][y] = b, a
                            tafels[i][x], tafels[j][y] = tafels[j][y], tafels[i][x]
                            kosten[i] = self._tafelkosten(leden[i])
                            kosten[j] = self._tafelkosten(leden[j])
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
            # Per table each pair of organisations once, however many people they send.
            for paar in {frozenset((a.sleutel, b.sleutel)) for a, b in combinations(tafel, 2)}:
                if len(paar) == 2:
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
