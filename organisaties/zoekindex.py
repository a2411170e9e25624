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

from django.db import connection, transaction

from netwerk.inhoudsversie import inhoud_gewijzigd
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


def _lees(ids: list[int]):
    """Per organisation: the organisation and its index row (texts without accents, facet
    values), as _UPDATE writes it."""
    from organisaties.models import Aanbod, Organisatie

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
        yield (
            organisatie,
            {
                "id": organisatie.pk,
                "naam": zonder_accenten(organisatie.naam),
                "kern": zonder_accenten(kern),
                "rest": zonder_accenten(rest),
                "themas": _array(themas),
                "doelgroepen": _array(doelgroepen),
                "wijken": _array(wijken),
                "is_gratis": any(a.kosten == Aanbod.Kosten.GRATIS for a in aanbod),
            },
        )


def _woorden(rij) -> set[str]:
    """The words of an index row worth correcting a typo to."""
    return set(_WOORD.findall(f"{rij['naam']} {rij['kern']} {rij['rest']}".lower()))


def term_in_index_gelijk(oud: str, nieuw: str) -> bool:
    """Whether two names of a term give the same search index (which ignores accents and
    case): renaming "Cafe" to "Café" re-indexes nobody."""
    return zonder_accenten(oud).lower() == zonder_accenten(nieuw).lower()


def _werk_bij(ids: list[int]) -> None:
    from organisaties.models import Organisatie, Zoekwoord

    woorden: set[str] = set()
    kolommen = {
        k: []
        for k in ("id", "naam", "kern", "rest", "themas", "doelgroepen", "wijken", "is_gratis")
    }
    for organisatie, rij in _lees(ids):
        for kolom, waarde in rij.items():
            kolommen[kolom].append(waarde)
        if organisatie.status == Organisatie.Status.GEPUBLICEERD:
            woorden |= _woorden(rij)

    if kolommen["id"]:
        with connection.cursor() as cursor:
            cursor.execute(_UPDATE, {"config": ZOEK_CONFIG, **kolommen})
    Zoekwoord.objects.bulk_create(
        [Zoekwoord(woord=woord) for woord in sorted(woorden)], ignore_conflicts=True
    )


def herbouw_zoekwoorden() -> dict:
    """The typo word list afresh from the published directory: words that only archived,
    concept or deleted organisations had are gone. Returns how many words were kept, added
    and removed.

    Saving adds the words of a published organisation (_werk_bij) but never removes any: a
    word may be another organisation's too. This periodic rebuild takes away what lingers.
    """
    from organisaties.models import Organisatie

    ids = list(
        Organisatie.objects.filter(status=Organisatie.Status.GEPUBLICEERD)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    woorden: set[str] = set()
    for start in range(0, len(ids), BATCH):
        for _organisatie, rij in _lees(ids[start : start + BATCH]):
            woorden |= _woorden(rij)
    woorden = sorted(woorden)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM organisaties_zoekwoord WHERE NOT (woord = ANY(%s::text[]))", [woorden]
        )
        weg = cursor.rowcount
        cursor.execute(
            "INSERT INTO organisaties_zoekwoord (woord) SELECT unnest(%s::text[]) "
            "ON CONFLICT (woord) DO NOTHING",
            [woorden],
        )
        erbij = cursor.rowcount
    if weg or erbij:
        # Corrected searches may now find other words: cached lists must not keep the old ones.
        inhoud_gewijzigd()
    return {"woorden": len(woorden), "erbij": erbij, "weg": weg}
