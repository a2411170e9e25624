"""A cold list page without scanning the matches: per search term, its matches kept per version.

A cold list used to ask PostgreSQL for every match of its words (one scan over wide rows and a
ts_rank top-N), so its cost grew with the number of matches. The words residents type repeat
far more than the URLs they make (filters, pages, sort orders). So per content version and per
normalised term (the lexeme prefix one word becomes, e.g. ``'schuld':*``), each process keeps
the published organisations that match it twice over: as a bitmap (bit n is id n, as in the
facet index) and as ids in the order of the full ranking (ts_rank, then name, then id). One
query builds it; it is shared through the cache under the short lock of cacheslot, so a burst
after a change builds it once, and kept in process memory in an LRU of MAX_TERMEN terms.

A request then needs no scan: its result is the AND (or, for "any word", the OR) of its terms'
bitmaps and the facet index's filter bitmaps, the counts are population counts as before, and
the page is read off an order: one term's ranking, or the directory by name. Several words are
ranked together by PostgreSQL, but only the result's ids (``id = ANY``), since ts_rank of a
query with several words is no function of the words' own ranks. A distance search and the
region (``regio=ja``) keep their own path in views.py.
"""

import hashlib
from array import array
from collections import OrderedDict
from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import BooleanField, F
from django.db.models.expressions import RawSQL

from netwerk import cacheslot
from netwerk.inhoudsversie import VERSIE_BEWAARTIJD, inhoudsversie, per_inhoudsversie
from organisaties.facetdefinities import alle_facetten
from organisaties.facetten import _hersteld, bitmap_van, facetindex, ids_van, tel_bitmaps
from organisaties.filters import Zoekmodus
from organisaties.models import Organisatie
from organisaties.taxonomie import taxonomie
from organisaties.zoeken import ZOEK_CONFIG, tsquery, zoekwoorden

# Terms of the current version kept in one process's memory (a broad term at 100,000
# organisations: 42,000 ids, about 170 kB).
MAX_TERMEN = 100
# Normalised words kept per process (they do not depend on the directory).
MAX_WOORDEN = 5000


@dataclass
class Treffers:
    """The published organisations that match one term: ids best first, and as a bitmap."""

    volgorde: array
    bitmap: int


_termen: OrderedDict = OrderedDict()  # term -> ((database, version), Treffers)
_woorden: dict = {}  # word -> normalised term ('' for a stop word)


def normaliseer(woorden: list[str]) -> list[str]:
    """Each word as the tsquery PostgreSQL makes of it (``'schuld':*``), '' for a stop word:
    two words that search the same share one term."""
    onbekend = [w for w in woorden if w not in _woorden]
    if onbekend:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT v.woord, to_tsquery(%s::regconfig, v.woord || ':*')::text "
                "FROM unnest(%s::text[]) AS v(woord)",
                [ZOEK_CONFIG, onbekend],
            )
            gevonden = dict(cursor.fetchall())
        if len(_woorden) > MAX_WOORDEN:
            _woorden.clear()
        _woorden.update(gevonden)
    return [_woorden[w] for w in woorden]


def _compact(ids) -> array:
    """The ids as an array of 4 bytes each, or 8 for ids past 2**31."""
    return array("i" if max(ids, default=0) < 2**31 else "q", ids)


def _bouw_treffers(woord):
    ids = ids_van(
        Organisatie.objects.gepubliceerd().zoek(woord).order_by("-relevantie", "naam", "pk")
    )
    return Treffers(_compact(ids), bitmap_van(ids))


def treffers(woord: str, term: str) -> Treffers:
    """The matches of ``term`` (the normalised ``woord``) in the current version."""
    versie = (connection.settings_dict["NAME"], inhoudsversie())
    bekend = _termen.get(term)
    if bekend is not None and bekend[0] == versie:
        _termen.move_to_end(term)
        return bekend[1]
    # The term is typed text: hashed, so that any word makes a valid cache key.
    naam = hashlib.sha256(f"{ZOEK_CONFIG}:{term}".encode()).hexdigest()
    waarde = cacheslot.eenmaal_berekend(
        f"zoekterm:{naam}:{versie[1]}", lambda: _bouw_treffers(woord), VERSIE_BEWAARTIJD
    )
    _termen[term] = (versie, waarde)
    _termen.move_to_end(term)
    while len(_termen) > MAX_TERMEN:
        _termen.popitem(last=False)
    return waarde


def _bouw_op_naam():
    ids = ids_van(Organisatie.objects.gepubliceerd().order_by("naam", "pk"))
    return Treffers(_compact(ids), bitmap_van(ids))


def op_naam() -> Treffers:
    """The whole published directory, by name."""
    return per_inhoudsversie("zoek:op-naam", _bouw_op_naam)


def _filterbitmaps(index, data, tax) -> dict:
    """Per facet with a chosen value, the bitmap of what its filter lets through."""
    per_facet = {}
    for facet in alle_facetten():
        gekozen = data.get(facet.naam)
        if not gekozen:
            continue
        bitmaps = index.bitmaps[facet.naam]
        if facet.is_vlag:
            per_facet[facet.naam] = bitmaps.get(True, 0)
            continue
        termen = facet.termen_van(tax)
        ids = [termen.op_slug[slug].pk for slug in gekozen if slug in termen.op_slug]
        if not ids:
            continue
        if facet.verruimend:
            bitmap = 0
            for pk in ids:
                bitmap |= bitmaps.get(pk, 0)
        else:
            bitmap = -1
            for pk in ids:
                bitmap &= bitmaps.get(pk, 0)
        per_facet[facet.naam] = bitmap
    return per_facet


def _alles_behalve(filters, behalve=None, start=-1):
    bitmap = start
    for naam, filterbitmap in filters.items():
        if naam != behalve:
            bitmap &= filterbitmap
    return bitmap


# Per byte value, the positions of its set bits.
_BITS = tuple(tuple(bit for bit in range(8) if byte >> bit & 1) for byte in range(256))


class BitmapResultaat:
    """The matches of a search as a bitmap, for the paginator: a slice walks ``volgorde`` (the
    ids in the order of the page) and keeps those in the result; or, for several words, asks
    PostgreSQL to rank only the result's ids."""

    def __init__(self, bitmap, volgorde=None, volledig=False, rangschik=None):
        self.bitmap = bitmap
        self.volgorde = volgorde
        # ``volgorde`` holds exactly the result: a slice of it is the page.
        self.volledig = volledig
        self.rangschik = rangschik  # (words, all words?) for ranking in PostgreSQL
        self._aantal = bitmap.bit_count()

    def __len__(self):
        return self._aantal

    def __bool__(self):
        return self._aantal > 0

    @property
    def ids(self) -> list[int]:
        ids = []
        for positie, byte in enumerate(self._vlaggen()):
            if byte:
                ids.extend(positie * 8 + bit for bit in _BITS[byte])
        return ids

    def _vlaggen(self) -> bytes:
        # One bit per id, little-endian: membership is one byte lookup, not a shift of a big int.
        return self.bitmap.to_bytes((self.bitmap.bit_length() + 7) // 8 or 1, "little")

    def _pagina_ids(self, start, stop) -> list[int]:
        if self.rangschik is not None:
            return self._gerangschikt(start, stop)
        if self.volledig:
            return list(self.volgorde[start:stop])
        vlaggen = self._vlaggen()
        grens = len(vlaggen) * 8
        achteraan = start > self._aantal - stop
        reeks = reversed(self.volgorde) if achteraan else self.volgorde
        overslaan, aantal = (
            (self._aantal - stop, stop - start) if achteraan else (start, stop - start)
        )
        gevonden = []
        for i in reeks:
            if i < grens and vlaggen[i >> 3] >> (i & 7) & 1:
                if overslaan:
                    overslaan -= 1
                    continue
                gevonden.append(i)
                if len(gevonden) == aantal:
                    break
        if achteraan:
            gevonden.reverse()
        return gevonden

    def _gerangschikt(self, start, stop) -> list[int]:
        woorden, alle_woorden = self.rangschik
        query = tsquery(woorden, alle_woorden=alle_woorden)
        # The ids are one parameter; the table name is the model's own.
        in_resultaat = RawSQL(  # noqa: S611
            f"{Organisatie._meta.db_table}.id = ANY(%s)", [self.ids], output_field=BooleanField()
        )
        return list(
            Organisatie.objects.filter(in_resultaat)
            .annotate(relevantie=SearchRank(F("zoekvector"), query))
            .order_by("-relevantie", "naam", "pk")
            .values_list("pk", flat=True)[start:stop]
        )

    def __getitem__(self, deel):
        if not isinstance(deel, slice) or deel.step not in (None, 1):
            raise TypeError("Resultaat geeft alleen aaneengesloten delen.")
        start, stop, _stap = deel.indices(self._aantal)
        if start >= stop:
            return []
        ids = self._pagina_ids(start, stop)
        per_id = Organisatie.objects.voor_lijst().in_bulk(ids)
        return [per_id[pk] for pk in ids if pk in per_id]


def zoek(filterset, met_facetten=True):
    """The list's result and counts from bitmaps, or None when this search takes the path over
    PostgreSQL (the region, a search by distance)."""
    if filterset.data.get("regio") == "ja":
        return None
    filterset.is_valid()  # fills form.cleaned_data
    afstand = filterset.afstand_zoeken
    if afstand.heeft_plek and (afstand.km or afstand.sorteert):
        return None
    data = filterset.form.cleaned_data
    if filterset.zoekmodus == Zoekmodus.GELIJKENIS:
        woorden = zoekwoorden(filterset.verbeterde_zoektekst)
    else:
        woorden = zoekwoorden(data.get("q") or "")
    alle_woorden = filterset.zoekmodus != Zoekmodus.EEN_WOORD

    rangschik = None
    enige = None  # the one term whose ranking is the page's order
    if woorden:
        paren = [(w, t) for w, t in zip(woorden, normaliseer(woorden), strict=True) if t]
        termen = {t: w for w, t in paren}
        gevonden = [treffers(w, t) for t, w in termen.items()]
        if not gevonden:
            basis = 0  # only stop words: PostgreSQL finds nothing either
        elif alle_woorden:
            basis = -1
            for t in gevonden:
                basis &= t.bitmap
        else:
            basis = 0
            for t in gevonden:
                basis |= t.bitmap
        if len(paren) == 1:
            # Only then is the query's ranking the term's (the stop words drop out of it).
            enige = gevonden[0]
        elif gevonden:
            rangschik = (woorden, alle_woorden)
    else:
        basis = op_naam().bitmap
    # The order of the page: by name, or one term's ranking (None: several words, ranked
    # together by PostgreSQL).
    bron = op_naam() if data.get("sorteer") == "naam" or not woorden else enige

    index = facetindex()
    if not index.kent(basis):
        # Written without the signals that bump the version: rebuilt once for everyone.
        index = _hersteld(basis)
        basis &= index.alle
    filters = _filterbitmaps(index, data, taxonomie())
    in_resultaat = _alles_behalve(filters, start=basis)
    resultaat = BitmapResultaat(
        in_resultaat,
        bron.volgorde if bron else None,
        volledig=bron is not None and in_resultaat == bron.bitmap,
        rangschik=rangschik if bron is None else None,
    )
    if not met_facetten:
        return resultaat, None
    in_basis = {
        facet.naam: _alles_behalve(filters, behalve=facet.naam, start=basis)
        for facet in alle_facetten()
        if facet.verruimend and facet.naam in filters
    }
    return resultaat, tel_bitmaps(index, in_resultaat, in_basis)
