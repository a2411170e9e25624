"""Counts per filter value for the current result, from the result's ids.

Which facets there are, and which of them narrow or widen the result (and so are counted over
the result or over the result without their own filter), is declared in facetdefinities.py.

Counting in SQL means unnesting the facet arrays of every match for every request: for a broad
search ("schuld" matches 40% of a large directory) that is most of the page's time. Instead,
each process keeps a facet index per directory version: for every filter value a bitmap (a
Python int; bit n is the organisation with id n) of the organisations that have it. A request
asks the database only for the ids of its result, in any order (views.py ranks only the page it
shows), and every count is the population count of one AND of two bitmaps.
The index is built with one query after a change to the directory, shared through the cache
with the other processes, and kept in memory until the next change (see inhoudsversie.py).
A write that bypassed the signals (a bulk import) leaves ids the index does not know: the first
request that meets one rebuilds the index once for every process (``_hersteld``).
"""

from dataclasses import dataclass, field

from django.db import connection

from netwerk.inhoudsversie import herbouw_per_inhoudsversie, per_inhoudsversie
from organisaties.facetdefinities import alle_facetten

# bytes.translate table: a byte per organisation (0 or 1) to the digits of a binary number.
_CIJFERS = bytes.maketrans(b"\x00\x01", b"01")


def bitmap_van(ids) -> int:
    """The bitmap (bit n for id n) of these ids.

    One byte per id set in a bytearray and read back as one base-2 number: about twice as fast
    as setting bits one by one, and no table from id to bit position to keep in memory.
    """
    if not ids:
        return 0
    vlaggen = bytearray(max(ids) + 1)
    for i in ids:
        vlaggen[i] = 1
    return int(vlaggen.translate(_CIJFERS)[::-1], 2)


class Facetten:
    """The counts of one result: ``totaal``, and per facet (facetdefinities) an attribute with
    its name: a dict of value id -> count, or for a yes/no facet one count."""

    def __init__(self, totaal=0, **per_facet):
        self.totaal = totaal
        for facet in alle_facetten():
            setattr(self, facet.naam, 0 if facet.is_vlag else {})
        self.__dict__.update(per_facet)


@dataclass
class FacetIndex:
    """Per filter value the organisations that have it, as bitmaps over the ids."""

    alle: int = 0  # every organisation the index knows
    bitmaps: dict = field(default_factory=dict)  # facet name -> {value: bitmap}

    def bitmap(self, ids) -> int | None:
        """The bitmap of these organisations; None if one is missing from the index."""
        bitmap = bitmap_van(ids)
        return None if bitmap & ~self.alle else bitmap

    def kent(self, bitmap) -> bool:
        return not bitmap & ~self.alle


def bouw_facetindex() -> FacetIndex:
    from organisaties.models import Organisatie

    facetten = alle_facetten()
    rijen = Organisatie.objects.order_by("pk").values_list("pk", *(f.veld for f in facetten))
    index = FacetIndex()
    per_facet = {facet.naam: {} for facet in facetten}
    alle = []
    for pk, *kolommen in rijen:
        alle.append(pk)
        for facet, kolom in zip(facetten, kolommen, strict=True):
            per_waarde = per_facet[facet.naam]
            for waarde in facet.waarden(kolom):
                per_waarde.setdefault(waarde, []).append(pk)
    index.alle = bitmap_van(alle)
    index.bitmaps = {
        naam: {waarde: bitmap_van(ids) for waarde, ids in per_waarde.items()}
        for naam, per_waarde in per_facet.items()
    }
    return index


# The name it is kept under. Bits are ids since this version; the name changed with that, so
# that processes of an older release never read this index from the cache, nor this one theirs.
INDEX_NAAM = "facetindex-ids"


def facetindex() -> FacetIndex:
    return per_inhoudsversie(index_naam(), bouw_facetindex)


def index_naam():
    # Named after the facets, so that an index of other facets (kept in the shared cache by a
    # process of the previous release) is never taken for this one.
    return f"{INDEX_NAAM}:" + ",".join(facet.naam for facet in alle_facetten())


def _hersteld(*bitmaps) -> FacetIndex:
    """The index of this version once more, now knowing the organisations of ``bitmaps``.

    They were written without the signals that bump the version (a bulk import): the first
    request that meets them rebuilds the index and shares it under the same version, with a
    short lock so that other processes wait for it instead of building it too; the process
    that already holds the old one in memory picks up the shared one. Never a build per request.
    """

    def kent_ze(index):
        return all(index.kent(b) for b in bitmaps)

    return herbouw_per_inhoudsversie(index_naam(), bouw_facetindex, kent_ze)


def ids_van(queryset, in_volgorde=True) -> list[int]:
    """The ids of a queryset's rows in one query: in its order, or (faster, as one array)
    in any order when only the counts matter."""
    if not in_volgorde:
        queryset = queryset.order_by()
    sql, params = queryset.values("id").query.sql_with_params()
    with connection.cursor() as cursor:
        if in_volgorde:
            cursor.execute(sql, params)
            return [rij[0] for rij in cursor.fetchall()]
        # The subquery is SQL compiled by Django; every value in it is a parameter.
        cursor.execute(f"SELECT array_agg(r.id) FROM ({sql}) r", params)  # noqa: S608
        return cursor.fetchone()[0] or []


def ids_en_pagina(queryset, volgorde, start, aantal) -> tuple[list[int], list[int]]:
    """In one scan of the matches: the ids of all of them (any order, for the counts) and the
    ids of ``aantal`` rows from ``start`` in the queryset's order.

    ``volgorde`` is (the queryset's columns that order it, that order as SQL over them; see
    views._volgorde). Every match is ranked once, and PostgreSQL keeps only the best
    ``start + aantal`` while it scans (a top-N sort) instead of sorting all of them.
    """
    kolommen, orde = volgorde
    sql, params = queryset.order_by().values("id", *kolommen).query.sql_with_params()
    with connection.cursor() as cursor:
        # The subquery is SQL compiled by Django (every value in it a parameter); ``orde`` is
        # one of views._volgorde's fixed strings.
        cursor.execute(
            f"WITH m AS MATERIALIZED ({sql}) "  # noqa: S608
            f"SELECT (SELECT array_agg(m.id) FROM m), "
            f"ARRAY(SELECT m.id FROM m ORDER BY {orde} LIMIT %s OFFSET %s)",
            [*params, aantal, start],
        )
        alle, pagina = cursor.fetchone()
    return alle or [], pagina or []


def tel_facetten(resultaat_ids, basis_ids=None) -> Facetten:
    """Counts for the organisations ``resultaat_ids``. ``basis_ids`` gives per widening facet
    with a chosen value (soort) the ids of the same search without that facet's filter, for its
    counts (see facetdefinities); a facet not in it is counted over the result."""
    index = facetindex()
    in_resultaat = bitmap_van(resultaat_ids)
    in_basis = {naam: bitmap_van(ids) for naam, ids in (basis_ids or {}).items()}
    if not all(index.kent(b) for b in (in_resultaat, *in_basis.values())):
        # An organisation the index does not know: written without the signals that bump the
        # version. Rebuilt once for everyone; what it still does not know was deleted since.
        index = _hersteld(in_resultaat, *in_basis.values())
        in_resultaat &= index.alle
        in_basis = {naam: b & index.alle for naam, b in in_basis.items()}
    return tel_bitmaps(index, in_resultaat, in_basis)


def tel_bitmaps(index, in_resultaat, in_basis) -> Facetten:
    """Counts for the result ``in_resultaat`` (a bitmap the index knows); ``in_basis`` as
    tel_facetten's ``basis_ids``, as bitmaps."""

    def tel(bitmaps, binnen):
        aantallen = {}
        for waarde, bitmap in bitmaps.items():
            aantal = (bitmap & binnen).bit_count()
            if aantal:
                aantallen[waarde] = aantal
        return aantallen

    per_facet = {}
    for facet in alle_facetten():
        aantallen = tel(index.bitmaps[facet.naam], in_basis.get(facet.naam, in_resultaat))
        per_facet[facet.naam] = aantallen.get(True, 0) if facet.is_vlag else aantallen
    return Facetten(totaal=in_resultaat.bit_count(), **per_facet)
