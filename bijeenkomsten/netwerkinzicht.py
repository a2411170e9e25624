"""Which parts of the network met: organisations, soorten, thema's and wijken per meeting,
and which pairs of organisations met at a meeting for the first time.

Only organisations count, never persons, so this page holds no personal data. Who took part:
for a meeting that has begun, those checked in; before that, those with a confirmed place.
"""

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from django.utils import timezone

from bijeenkomsten.models import Aanmelding
from bijeenkomsten.opkomst import Opkomst, opkomst
from organisaties.models import Organisatie
from organisaties.taxonomie import taxonomie


@dataclass
class Inzicht:
    organisaties: list = field(default_factory=list)  # (organisatie, aantal deelnemers)
    soorten: list = field(default_factory=list)
    themas: list = field(default_factory=list)
    wijken: list = field(default_factory=list)
    nieuwe_paren: list = field(default_factory=list)  # (organisatie, organisatie)
    getypte_organisaties: list = field(default_factory=list)  # names not in the directory
    aantal_deelnemers: int = 0
    opkomst: Opkomst | None = None  # registered against present, ended meetings only


def _deelname(bijeenkomsten):
    """Per meeting id: the Aanmeldingen that count as taking part."""
    nu = timezone.now()
    begonnen = {b.pk for b in bijeenkomsten if b.start <= nu}
    aanmeldingen = Aanmelding.objects.filter(
        bijeenkomst__in=bijeenkomsten, status__in=Aanmelding.BEVESTIGDE_STATUSSEN
    ).values("bijeenkomst_id", "status", "organisatie_id", "organisatie_naam")
    per_bijeenkomst = {b.pk: [] for b in bijeenkomsten}
    for a in aanmeldingen:
        if a["bijeenkomst_id"] in begonnen and a["status"] != Aanmelding.Status.AANWEZIG:
            continue
        per_bijeenkomst[a["bijeenkomst_id"]].append(a)
    return per_bijeenkomst


def netwerkinzicht(bijeenkomsten, alle_eerdere=None):
    """Insight over ``bijeenkomsten``; new pairs are judged against ``alle_eerdere`` (all
    meetings, in the order they took place) so that "first time" means first time ever."""
    bijeenkomsten = list(bijeenkomsten)
    alle = sorted(
        alle_eerdere if alle_eerdere is not None else bijeenkomsten, key=lambda b: b.start
    )
    deelname = _deelname(alle)
    gekozen = {b.pk for b in bijeenkomsten}

    per_organisatie = Counter()
    getypt = Counter()
    nieuwe_paren = []
    gezien = set()
    for bijeenkomst in alle:
        aanwezig = {a["organisatie_id"] for a in deelname[bijeenkomst.pk] if a["organisatie_id"]}
        paren = {tuple(sorted(p)) for p in combinations(aanwezig, 2)}
        if bijeenkomst.pk in gekozen:
            nieuwe_paren.extend(sorted(paren - gezien))
            for a in deelname[bijeenkomst.pk]:
                if a["organisatie_id"]:
                    per_organisatie[a["organisatie_id"]] += 1
                elif a["organisatie_naam"]:
                    getypt[a["organisatie_naam"].strip()] += 1
        gezien |= paren

    organisaties = Organisatie.objects.select_related("soort").in_bulk(
        {*per_organisatie, *(i for paar in nieuwe_paren for i in paar)}
    )
    tax = taxonomie()
    soorten, themas, wijken = Counter(), Counter(), Counter()
    for org_id in per_organisatie:
        organisatie = organisaties[org_id]
        soorten[organisatie.soort.naam] += 1
        themas.update(t.naam for t in tax.themas.namen(organisatie.facet_themas))
        wijken.update(w.naam for w in tax.wijken.namen(organisatie.facet_wijken))

    return Inzicht(
        organisaties=sorted(
            ((organisaties[i], n) for i, n in per_organisatie.items()),
            key=lambda paar: (-paar[1], paar[0].naam),
        ),
        soorten=soorten.most_common(),
        themas=themas.most_common(),
        wijken=wijken.most_common(),
        nieuwe_paren=sorted(
            (
                tuple(sorted((organisaties[a], organisaties[b]), key=lambda o: o.naam))
                for a, b in nieuwe_paren
            ),
            key=lambda paar: (paar[0].naam, paar[1].naam),
        ),
        getypte_organisaties=getypt.most_common(),
        aantal_deelnemers=sum(per_organisatie.values()) + sum(getypt.values()),
        opkomst=opkomst(bijeenkomsten),
    )
