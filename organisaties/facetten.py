"""Counts per filter value for the current result, from the result's ids.

Themes, doelgroepen and wijken narrow the result (an organisation must have all chosen values),
so their counts are taken over the current result: "this many remain if you also pick this".
Soort is one value per organisation and several chosen soorten widen the result, so its counts
are taken over the result without the soort filter.

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


@dataclass
class Facetten:
    totaal: int = 0
    gratis: int = 0
    soort: dict = field(default_factory=dict)
    thema: dict = field(default_factory=dict)
    doelgroep: dict = field(default_factory=dict)
    wijk: dict = field(default_factory=dict)


@dataclass
class FacetIndex:
    """Per filter value the organisations that have it, as bitmaps over the ids."""

    alle: int = 0  # every organisation the index knows
    soort: dict = field(default_factory=dict)  # soort id -> bitmap
    thema: dict = field(default_factory=dict)
    doelgroep: dict = field(default_factory=dict)
    wijk: dict = field(default_factory=dict)
    gratis: int = 0

    def bitmap(self, ids) -> int | None:
        """The bitmap of these organisations; None if one is missing from the index."""
        bitmap = bitmap_van(ids)
        return None if bitmap & ~self.alle else bitmap

    def kent(self, bitmap) -> bool:
        return not bitmap & ~self.alle


def bouw_facetindex() -> FacetIndex:
    from organisaties.models import Organisatie

    rijen = Organisatie.objects.order_by("pk").values_list(
        "pk", "soort_id", "facet_themas", "facet_doelgroepen", "facet_wijken", "is_gratis"
    )
    index = FacetIndex()
    bits = {"soort": {}, "thema": {}, "doelgroep": {}, "wijk": {}}
    gratis, alle = [], []
    for p, soort, themas, doelgroepen, wijken, is_gratis in rijen:
        alle.append(p)
        bits["soort"].setdefault(soort, []).append(p)
        for naam, waarden in (("thema", themas), ("doelgroep", doelgroepen), ("wijk", wijken)):
            for waarde in waarden:
                bits[naam].setdefault(waarde, []).append(p)
        if is_gratis:
            gratis.append(p)

    index.alle = bitmap_van(alle)
    for naam, per_waarde in bits.items():
        setattr(index, naam, {waarde: bitmap_van(ps) for waarde, ps in per_waarde.items()})
    index.gratis = bitmap_van(gratis)
    return index


# The name it is kept under. Bits are ids since this version; the name changed with that, so
# that processes of an older release never read this index from the cache, nor this one theirs.
INDEX_NAAM = "facetindex-ids"


def facetindex() -> FacetIndex:
    return per_inhoudsversie(INDEX_NAAM, bouw_facetindex)


def _hersteld(*bitmaps) -> FacetIndex:
    """The index of this version once more, now knowing the organisations of ``bitmaps``.

    They were written without the signals that bump the version (a bulk import): the first
    request that meets them rebuilds the index and shares it under the same version, with a
    short lock so that other processes wait for it instead of building it too; the process
    that already holds the old one in memory picks up the shared one. Never a build per request.
    """

    def kent_ze(index):
        return all(index.kent(b) for b in bitmaps)

    return herbouw_per_inhoudsversie(INDEX_NAAM, bouw_facetindex, kent_ze)


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
    """Counts for the organisations ``resultaat_ids``; ``basis_ids`` are those of the same
    search without the soort filter, for the soort counts (None: no soort filter, the same)."""
    index = facetindex()
    in_resultaat = bitmap_van(resultaat_ids)
    in_basis = in_resultaat if basis_ids is None else bitmap_van(basis_ids)
    if not (index.kent(in_resultaat) and index.kent(in_basis)):
        # An organisation the index does not know: written without the signals that bump the
        # version. Rebuilt once for everyone; what it still does not know was deleted since.
        index = _hersteld(in_resultaat, in_basis)
        in_resultaat &= index.alle
        in_basis &= index.alle

    def tel(bitmaps, binnen):
        aantallen = {}
        for waarde, bitmap in bitmaps.items():
            aantal = (bitmap & binnen).bit_count()
            if aantal:
                aantallen[waarde] = aantal
        return aantallen

    return Facetten(
        totaal=in_resultaat.bit_count(),
        gratis=(index.gratis & in_resultaat).bit_count(),
        soort=tel(index.soort, in_basis),
        thema=tel(index.thema, in_resultaat),
        doelgroep=tel(index.doelgroep, in_resultaat),
        wijk=tel(index.wijk, in_resultaat),
    )
