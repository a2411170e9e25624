"""Counts per filter value for the current result, from the result's ids.

Themes, doelgroepen and wijken narrow the result (an organisation must have all chosen values),
so their counts are taken over the current result: "this many remain if you also pick this".
Soort is one value per organisation and several chosen soorten widen the result, so its counts
are taken over the result without the soort filter.

Counting in SQL means unnesting the facet arrays of every match for every request: for a broad
search ("schuld" matches 40% of a large directory) that is most of the page's time. Instead,
each process keeps a facet index per directory version: for every filter value a bitmap (a
Python int) of the organisations that have it. A request asks the database only for the
ids of its result, in the order of the page (views.py pages through those same ids), and every
count is the population count of one AND of two bitmaps.
The index is built with one query after a change to the directory, shared through the cache
with the other processes, and kept in memory until the next change (see cache.py).
"""

from dataclasses import dataclass, field

from django.db import connection

from netwerk.inhoudsversie import per_inhoudsversie


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
    """Per filter value the organisations that have it, as bitmaps over ``positie``."""

    positie: dict  # organisation id -> bit number
    soort: dict = field(default_factory=dict)  # soort id -> bitmap
    thema: dict = field(default_factory=dict)
    doelgroep: dict = field(default_factory=dict)
    wijk: dict = field(default_factory=dict)
    gratis: int = 0

    def bitmap(self, ids) -> int | None:
        """The bitmap of these organisations; None if one is missing from the index."""
        bits = bytearray((len(self.positie) >> 3) + 1)
        positie = self.positie
        try:
            for i in ids:
                p = positie[i]
                bits[p >> 3] |= 1 << (p & 7)
        except KeyError:
            return None
        return int.from_bytes(bits, "little")


def bouw_facetindex() -> FacetIndex:
    from organisaties.models import Organisatie

    rijen = Organisatie.objects.order_by("pk").values_list(
        "pk", "soort_id", "facet_themas", "facet_doelgroepen", "facet_wijken", "is_gratis"
    )
    index = FacetIndex(positie={})
    bits = {"soort": {}, "thema": {}, "doelgroep": {}, "wijk": {}}
    gratis = []
    for p, (pk, soort, themas, doelgroepen, wijken, is_gratis) in enumerate(rijen):
        index.positie[pk] = p
        bits["soort"].setdefault(soort, []).append(p)
        for naam, waarden in (("thema", themas), ("doelgroep", doelgroepen), ("wijk", wijken)):
            for waarde in waarden:
                bits[naam].setdefault(waarde, []).append(p)
        if is_gratis:
            gratis.append(p)

    def bitmap(posities):
        bytes_ = bytearray((len(index.positie) >> 3) + 1)
        for p in posities:
            bytes_[p >> 3] |= 1 << (p & 7)
        return int.from_bytes(bytes_, "little")

    for naam, per_waarde in bits.items():
        setattr(index, naam, {waarde: bitmap(ps) for waarde, ps in per_waarde.items()})
    index.gratis = bitmap(gratis)
    return index


def facetindex() -> FacetIndex:
    return per_inhoudsversie("facetindex", bouw_facetindex)


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


def tel_facetten(resultaat_ids, basis_ids=None) -> Facetten:
    """Counts for the organisations ``resultaat_ids``; ``basis_ids`` are those of the same
    search without the soort filter, for the soort counts (None: no soort filter, the same)."""
    zelfde = basis_ids is None
    index = facetindex()
    in_resultaat = index.bitmap(resultaat_ids)
    in_basis = in_resultaat if zelfde else index.bitmap(basis_ids)
    if in_resultaat is None or in_basis is None:
        # An organisation the index does not know: it was built before a change whose version
        # bump has not reached us. Count from the database as it is now.
        index = bouw_facetindex()
        in_resultaat = index.bitmap(resultaat_ids)
        in_basis = in_resultaat if zelfde else index.bitmap(basis_ids)

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
