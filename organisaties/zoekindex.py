"""Keeps the search and facet columns of Organisatie in step with everything they are made of.

An organisation is found by its own texts and by those of its aanbod, themes, doelgroepen and
wijken. Those live in other tables, so the search vector and the facet arrays are stored on the
organisation and rebuilt here whenever one of those rows changes (see signals.py). Lists then
filter and count on one table, with GIN indexes, however large the directory grows.

The texts are put together in Python (accents removed, see zoeken.py) and written with one
UPDATE per batch of organisations, so that rebuilding thousands of them (a renamed theme, an
import, the benchmark's generator) costs a few statements, not one per organisation.
"""

import contextlib
import re
from collections.abc import Iterable
from contextvars import ContextVar

from django.db import connection

from organisaties.zoeken import ZOEK_CONFIG, zonder_accenten

# Words worth correcting a typo to: letters only, 4 to 40 of them.
_WOORD = re.compile(r"\b[^\W\d_]{4,40}\b")

# Organisations read and written per statement: bounds memory and statement size.
BATCH = 500

# Weights: A the name, B what it offers and is about, C the rest of the texts.
_UPDATE = """
UPDATE organisaties_organisatie AS o SET
    zoekvector = setweight(to_tsvector(%(config)s::regconfig, COALESCE(v.naam, '')), 'A')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(v.kern, '')), 'B')
        || setweight(to_tsvector(%(config)s::regconfig, COALESCE(v.rest, '')), 'C'),
    facet_themas = v.themas::integer[],
    facet_doelgroepen = v.doelgroepen::integer[],
    facet_wijken = v.wijken::integer[],
    is_gratis = v.is_gratis
FROM unnest(
    %(id)s::bigint[], %(naam)s::text[], %(kern)s::text[], %(rest)s::text[],
    %(themas)s::text[], %(doelgroepen)s::text[], %(wijken)s::text[], %(is_gratis)s::boolean[]
) AS v(id, naam, kern, rest, themas, doelgroepen, wijken, is_gratis)
WHERE o.id = v.id
"""


def _array(ids) -> str:
    """A sorted integer array literal, e.g. '{1,4}', cast to integer[] in the UPDATE."""
    return "{" + ",".join(str(i) for i in sorted(ids)) + "}"


# Inside uitgesteld(): the organisations waiting to be re-indexed at its end.
_uitgesteld: ContextVar[set | None] = ContextVar("zoekindex_uitgesteld", default=None)


@contextlib.contextmanager
def uitgesteld():
    """Re-index once at the end of the block instead of at every change inside it.

    For bulk work through the ORM (an import of hundreds of rows), whose every save and
    every changed link would otherwise rebuild its organisation's row right away. On an
    error nothing is re-indexed: the block's transaction is rolled back as well. Yields the
    set of waiting ids; clear it when the work inside was rolled back.
    """
    if _uitgesteld.get() is not None:  # nested: the outer block re-indexes
        yield _uitgesteld.get()
        return
    wachtend: set = set()
    token = _uitgesteld.set(wachtend)
    try:
        yield wachtend
    finally:
        _uitgesteld.reset(token)
    werk_zoekindex_bij(wachtend)


def werk_zoekindex_bij(organisatie_ids: Iterable[int]) -> None:
    wachtend = _uitgesteld.get()
    if wachtend is not None:
        wachtend.update(organisatie_ids)
        return
    ids = sorted(set(organisatie_ids))
    for start in range(0, len(ids), BATCH):
        _werk_bij(ids[start : start + BATCH])


def _werk_bij(ids: list[int]) -> None:
    from organisaties.models import Aanbod, Organisatie, Zoekwoord

    organisaties = (
        Organisatie.objects.filter(pk__in=ids)
        .select_related("soort")
        .prefetch_related("themas", "wijken", "locaties__wijk")
    )
    aanbod_per_organisatie: dict[int, list] = {}
    for aanbod in Aanbod.objects.filter(organisatie_id__in=ids).prefetch_related(
        "themas", "doelgroepen"
    ):
        aanbod_per_organisatie.setdefault(aanbod.organisatie_id, []).append(aanbod)

    woorden: set[str] = set()
    kolommen = {
        k: []
        for k in (
            "id",
            "naam",
            "kern",
            "rest",
            "themas",
            "doelgroepen",
            "wijken",
            "is_gratis",
        )
    }
    for organisatie in organisaties:
        aanbod = aanbod_per_organisatie.get(organisatie.pk, [])
        themas = {t.pk: t.naam for t in organisatie.themas.all()}
        doelgroepen = {}
        for item in aanbod:
            themas.update((t.pk, t.naam) for t in item.themas.all())
            doelgroepen.update((d.pk, d.naam) for d in item.doelgroepen.all())
        wijken = {w.pk: w.naam for w in organisatie.wijken.all()}
        wijken.update(
            (loc.wijk.pk, loc.wijk.naam) for loc in organisatie.locaties.all() if loc.wijk
        )

        # The terms' English names (netwerk.taal), so that "loneliness" finds them too.
        engels = {t.naam_en for t in organisatie.themas.all()} | {organisatie.soort.naam_en}
        for item in aanbod:
            engels.update(t.naam_en for t in item.themas.all())
            engels.update(d.naam_en for d in item.doelgroepen.all())
        engels.discard("")

        naam = organisatie.naam
        kern = " ".join([*(a.naam for a in aanbod), *themas.values(), organisatie.soort.naam])
        rest = " ".join(
            [
                organisatie.omschrijving,
                *(a.omschrijving for a in aanbod),
                *doelgroepen.values(),
                *wijken.values(),
                *sorted(engels),
            ]
        )
        kolommen["id"].append(organisatie.pk)
        kolommen["naam"].append(zonder_accenten(naam))
        kolommen["kern"].append(zonder_accenten(kern))
        kolommen["rest"].append(zonder_accenten(rest))
        if organisatie.status == Organisatie.Status.GEPUBLICEERD:
            woorden.update(_WOORD.findall(zonder_accenten(f"{naam} {kern} {rest}").lower()))
        kolommen["themas"].append(_array(themas))
        kolommen["doelgroepen"].append(_array(doelgroepen))
        kolommen["wijken"].append(_array(wijken))
        kolommen["is_gratis"].append(any(a.kosten == Aanbod.Kosten.GRATIS for a in aanbod))

    if kolommen["id"]:
        with connection.cursor() as cursor:
            cursor.execute(_UPDATE, {"config": ZOEK_CONFIG, **kolommen})
    Zoekwoord.objects.bulk_create(
        [Zoekwoord(woord=woord) for woord in sorted(woorden)], ignore_conflicts=True
    )
