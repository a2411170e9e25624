"""Counts per filter value for the current result, from the result's ids.

Which facets there are, and which of them narrow or widen the result (and so are counted over
the result or over the result without their own filter), is declared in facetdefinities.py.

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
from organisaties.facetdefinities import alle_facetten


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
    """Per filter value the organisations that have it, as bitmaps over ``positie``."""

    positie: dict  # organisation id -> bit number
    bitmaps: dict = field(default_factory=dict)  # facet name -> {value: bitmap}

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

    facetten = alle_facetten()
    rijen = Organisatie.objects.order_by("pk").values_list("pk", *(f.veld for f in facetten))
    index = FacetIndex(positie={})
    posities = {facet.naam: {} for facet in facetten}
    for p, (pk, *kolommen) in enumerate(rijen):
        index.positie[pk] = p
        for facet, kolom in zip(facetten, kolommen, strict=True):
            per_waarde = posities[facet.naam]
            for waarde in facet.waarden(kolom):
                per_waarde.setdefault(waarde, []).append(p)

    def bitmap(posities):
        bytes_ = bytearray((len(index.positie) >> 3) + 1)
        for p in posities:
            bytes_[p >> 3] |= 1 << (p & 7)
        return int.from_bytes(bytes_, "little")

    index.bitmaps = {
        naam: {waarde: bitmap(ps) for waarde, ps in per_waarde.items()}
        for naam, per_waarde in posities.items()
    }
    return index


def facetindex() -> FacetIndex:
    # Named after the facets, so that an index of other facets (kept in the shared cache by a
    # process of the previous release) is never taken for this one.
    namen = ",".join(facet.naam for facet in alle_facetten())
    return per_inhoudsversie(f"facetindex:{namen}", bouw_facetindex)


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
    """Counts for the organisations ``resultaat_ids``. ``basis_ids`` gives per widening facet
    with a chosen value (soort) the ids of the same search without that facet's filter, for its
    counts (see facetdefinities); a facet not in it is counted over the result."""
    basis_ids = basis_ids or {}
    index = facetindex()
    in_resultaat = index.bitmap(resultaat_ids)
    in_basis = {naam: index.bitmap(ids) for naam, ids in basis_ids.items()}
    if in_resultaat is None or None in in_basis.values():
        # An organisation the index does not know: it was built before a change whose version
        # bump has not reached us. Count from the database as it is now.
        index = bouw_facetindex()
        in_resultaat = index.bitmap(resultaat_ids)
        in_basis = {naam: index.bitmap(ids) for naam, ids in basis_ids.items()}

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
