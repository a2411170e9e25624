"""Keeps the search and facet columns of Organisatie in step with everything they are made of.

An organisation is found by its own texts and by those of its aanbod, themes, doelgroepen and
wijken. Those live in other tables, so the search vector and the facet arrays are stored on the
organisation and rebuilt here whenever one of those rows changes (see signals.py). Lists then
filter and count on one table, with GIN indexes, however large the directory grows.
"""

from collections.abc import Iterable

from django.contrib.postgres.search import SearchVector
from django.db.models import Value

from organisaties.zoeken import ZOEK_CONFIG, zonder_accenten


def _vector(tekst: str, gewicht: str) -> SearchVector:
    return SearchVector(Value(zonder_accenten(tekst)), weight=gewicht, config=ZOEK_CONFIG)


def werk_zoekindex_bij(organisatie_ids: Iterable[int]) -> None:
    from organisaties.models import Aanbod, Organisatie

    ids = set(organisatie_ids)
    if not ids:
        return
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

        naam = organisatie.naam
        kern = " ".join([*(a.naam for a in aanbod), *themas.values(), organisatie.soort.naam])
        rest = " ".join(
            [
                organisatie.omschrijving,
                *(a.omschrijving for a in aanbod),
                *doelgroepen.values(),
                *wijken.values(),
            ]
        )
        Organisatie.objects.filter(pk=organisatie.pk).update(
            zoekvector=_vector(naam, "A") + _vector(kern, "B") + _vector(rest, "C"),
            zoektekst=zonder_accenten(f"{naam} {kern} {rest}").lower(),
            facet_themas=sorted(themas),
            facet_doelgroepen=sorted(doelgroepen),
            facet_wijken=sorted(wijken),
            is_gratis=any(a.kosten == Aanbod.Kosten.GRATIS for a in aanbod),
        )
