"""Who should meet whom: per attendee, the organisations at the same meeting that their own
organisation has never met and that share a theme or a wijk with it.

"Met" means: both checked in at an earlier meeting. Only attendees who said yes
(``Aanmelding.wil_ontmoeten``) get a list and appear on one, and of them nothing but their
name and organisation. Everything for one meeting costs a fixed number of queries, however
many attendees it has, so the reminder task and the personal link can both use it.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from bijeenkomsten.models import Aanmelding
from organisaties.models import Organisatie


@dataclass
class Suggestie:
    """An organisation worth meeting: who of it comes, and what it shares with yours."""

    organisatie: str
    namen: list = field(default_factory=list)
    gedeeld: list = field(default_factory=list)


def eerder_ontmoet(bijeenkomst, organisatie_ids):
    """Pairs (a, b), a < b, of these organisations that were both present at a meeting that
    began before this one (one query)."""
    aanwezig = (
        Aanmelding.objects.filter(
            status=Aanmelding.Status.AANWEZIG,
            organisatie_id__in=organisatie_ids,
            bijeenkomst__start__lt=bijeenkomst.start,
        )
        .exclude(bijeenkomst=bijeenkomst)
        .values_list("bijeenkomst_id", "organisatie_id")
        .distinct()
    )
    per_bijeenkomst = defaultdict(set)
    for bijeenkomst_id, organisatie_id in aanwezig:
        per_bijeenkomst[bijeenkomst_id].add(organisatie_id)
    paren = set()
    for organisaties in per_bijeenkomst.values():
        paren.update(combinations(sorted(organisaties), 2))
    return paren


def _kenmerken(organisatie_ids):
    """Per organisation: its themes and wijken as (kind, id) -> name (two queries)."""
    kenmerken = defaultdict(dict)
    for organisatie_id, pk, naam in Organisatie.themas.through.objects.filter(
        organisatie_id__in=organisatie_ids
    ).values_list("organisatie_id", "thema_id", "thema__naam"):
        kenmerken[organisatie_id][("thema", pk)] = naam
    for organisatie_id, pk, naam in Organisatie.wijken.through.objects.filter(
        organisatie_id__in=organisatie_ids
    ).values_list("organisatie_id", "wijk_id", "wijk__naam"):
        kenmerken[organisatie_id][("wijk", pk)] = naam
    return kenmerken


def ontmoetlijsten(bijeenkomst):
    """{aanmelding pk: [Suggestie, ...]} for every confirmed attendee who opted in and whose
    organisation is in the sociale kaart. Four queries in all."""
    deelnemers = list(
        bijeenkomst.aanmeldingen.filter(
            status__in=Aanmelding.BEVESTIGDE_STATUSSEN,
            wil_ontmoeten=True,
            organisatie__isnull=False,
        )
        .select_related("organisatie")
        .order_by("organisatie__naam", "naam", "pk")
    )
    organisatie_ids = {d.organisatie_id for d in deelnemers}
    kenmerken = _kenmerken(organisatie_ids)
    ontmoet = eerder_ontmoet(bijeenkomst, organisatie_ids)
    per_organisatie = defaultdict(list)
    for deelnemer in deelnemers:
        per_organisatie[deelnemer.organisatie_id].append(deelnemer)

    lijsten = {}
    for deelnemer in deelnemers:
        eigen = deelnemer.organisatie_id
        suggesties = []
        for ander, mensen in per_organisatie.items():
            if ander == eigen or (min(eigen, ander), max(eigen, ander)) in ontmoet:
                continue
            gedeeld = sorted(
                (kenmerken[ander][k] for k in kenmerken[eigen].keys() & kenmerken[ander].keys()),
                key=str.lower,
            )
            if gedeeld:
                suggesties.append(
                    Suggestie(mensen[0].organisatie.naam, [m.naam for m in mensen], gedeeld)
                )
        lijsten[deelnemer.pk] = suggesties
    return lijsten


def ontmoetlijst(aanmelding):
    """The list for one attendee: empty unless they opted in and have a confirmed place."""
    if not (aanmelding.wil_ontmoeten and aanmelding.is_bevestigd and aanmelding.organisatie_id):
        return []
    return ontmoetlijsten(aanmelding.bijeenkomst).get(aanmelding.pk, [])
