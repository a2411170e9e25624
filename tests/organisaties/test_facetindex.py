"""The shortcuts that make the list fast give the same answers as the plain queries.

Facet counts come from an in-memory index per directory version (facetten.py), the taxonomy is
kept per process (taxonomie.py) and the search columns are written in batches (zoekindex.py).
"""

import pytest
from django.core.cache import cache

from netwerk import inhoudsversie
from organisaties import facetten, zoekindex
from organisaties.facetten import ids_van, tel_facetten
from organisaties.models import Doelgroep, Organisatie, Soort, Thema, Wijk
from organisaties.taxonomie import taxonomie
from tests.factories import AanbodFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def tel_met_orm(resultaat, basis):
    """Every count as a plain COUNT query: slow, obviously right."""

    def per_waarde(queryset, model, veld):
        aantallen = {}
        for term in model.objects.all():
            aantal = queryset.filter(**{veld: term.pk}).count()
            if aantal:
                aantallen[term.pk] = aantal
        return aantallen

    return {
        "totaal": resultaat.count(),
        "gratis": resultaat.filter(is_gratis=True).count(),
        "soort": per_waarde(basis, Soort, "soort_id"),
        "thema": {
            t: n
            for t, n in (
                (t.pk, resultaat.filter(facet_themas__contains=[t.pk]).count())
                for t in Thema.objects.all()
            )
            if n
        },
        "doelgroep": {
            d: n
            for d, n in (
                (d.pk, resultaat.filter(facet_doelgroepen__contains=[d.pk]).count())
                for d in Doelgroep.objects.all()
            )
            if n
        },
        "wijk": {
            w: n
            for w, n in (
                (w.pk, resultaat.filter(facet_wijken__contains=[w.pk]).count())
                for w in Wijk.objects.all()
            )
            if n
        },
    }


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"zoek": "schuld"},
        {"zoek": "mantelzorg", "thema": "gezondheid"},
        {"doelgroep": "ouderen", "gratis": True},
        {"zoek": "eenzaam", "soort": ["welzijnspartner", "vrijwilligersorganisatie"]},
        {"zoek": "bestaatnietxyz"},
    ],
)
def test_facetten_tellen_hetzelfde_als_losse_queries(demodata, filters):
    basis = Organisatie.objects.gepubliceerd()
    if "zoek" in filters:
        basis = basis.zoek(filters["zoek"])
    if "thema" in filters:
        basis = basis.filter(facet_themas__contains=[Thema.objects.get(slug=filters["thema"]).pk])
    if "doelgroep" in filters:
        doelgroep = Doelgroep.objects.get(slug=filters["doelgroep"])
        basis = basis.filter(facet_doelgroepen__contains=[doelgroep.pk])
    if filters.get("gratis"):
        basis = basis.filter(is_gratis=True)
    resultaat = basis
    if "soort" in filters:
        resultaat = basis.filter(soort__slug__in=filters["soort"])

    facetten = tel_facetten(ids_van(resultaat), {"soort": ids_van(basis)})
    assert facetten.__dict__ == tel_met_orm(resultaat, basis)


def test_facetten_volgen_een_wijziging(db):
    thema = ThemaFactory(naam="Taal", slug="taal")
    organisatie = OrganisatieFactory(naam="Bibliotheek")
    alle = Organisatie.objects.gepubliceerd()
    assert tel_facetten(ids_van(alle)).thema == {}
    AanbodFactory(organisatie=organisatie, themas=[thema])
    assert tel_facetten(ids_van(alle)).thema == {thema.pk: 1}
    organisatie.status = Organisatie.Status.GEARCHIVEERD
    organisatie.save()
    assert tel_facetten(ids_van(alle)).totaal == 0


def test_nieuwe_organisatie_zonder_versiewissel_wordt_toch_geteld(db):
    OrganisatieFactory(naam="Eerste")
    alle = Organisatie.objects.gepubliceerd()
    assert tel_facetten(ids_van(alle)).totaal == 1
    # Bulk writes send no signals: the index does not know the new row yet.
    tweede = Organisatie(naam="Tweede", slug="tweede", soort=Soort.objects.get())
    tweede.status = Organisatie.Status.GEPUBLICEERD
    Organisatie.objects.bulk_create([tweede])
    assert tel_facetten(ids_van(alle)).totaal == 2


def test_taxonomie_na_legen_van_de_cache_niet_uit_het_geheugen(db):
    ThemaFactory(naam="Oud", slug="oud")
    assert [t.naam for t in taxonomie().themas.lijst] == ["Oud"]
    Thema.objects.update(naam="Nieuw")  # sends no signal: the version stays
    # An emptied cache starts at a new version, never at one a process still remembers.
    cache.clear()
    assert [t.naam for t in taxonomie().themas.lijst] == ["Nieuw"]


def test_versie_gaat_ook_omhoog_als_de_transactie_vastligt(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        voor = inhoudsversie.inhoudsversie()
        inhoudsversie.inhoud_gewijzigd()
        direct = inhoudsversie.inhoudsversie()
    assert voor < direct < inhoudsversie.inhoudsversie()


def test_zoekindex_in_porties_is_gelijk_aan_een_voor_een(demodata, monkeypatch):
    velden = ["zoekvector", "facet_themas", "facet_doelgroepen", "facet_wijken"]
    ids = list(Organisatie.objects.values_list("pk", flat=True))

    def stand():
        return list(Organisatie.objects.order_by("pk").values("pk", "is_gratis", *velden))

    for pk in ids:
        zoekindex.werk_zoekindex_bij([pk])
    een_voor_een = stand()
    Organisatie.objects.update(zoekvector=None, facet_themas=[], is_gratis=False)
    monkeypatch.setattr(zoekindex, "BATCH", 7)
    zoekindex.werk_zoekindex_bij(ids)
    assert stand() == een_voor_een
    assert Organisatie.objects.filter(zoekvector=None).count() == 0


def test_verouderde_index_wordt_een_keer_herbouwd_en_gedeeld(client, monkeypatch):
    OrganisatieFactory(naam="Eerste")
    assert client.get("/organisaties/?a=1").context["facetten"].totaal == 1
    verouderd = inhoudsversie._per_versie[facetten.index_naam()]
    gebouwd = []
    echt = facetten.bouw_facetindex

    def bouw():
        gebouwd.append(1)
        return echt()

    monkeypatch.setattr(facetten, "bouw_facetindex", bouw)
    # A bulk write sends no signals: the version stays, the index does not know the new row.
    tweede = Organisatie(naam="Tweede", slug="tweede", soort=Soort.objects.get())
    tweede.status = Organisatie.Status.GEPUBLICEERD
    Organisatie.objects.bulk_create([tweede])

    # The own list reads what is kept for this version (organisaties.termindex) and sees the
    # row after the next bump; the region's list asks PostgreSQL and meets the unknown id.
    assert client.get("/organisaties/?regio=ja&a=2").context["facetten"].totaal == 2
    assert client.get("/organisaties/?regio=ja&a=3").context["facetten"].totaal == 2
    # Another process still holds the old index in memory: it takes the shared one.
    inhoudsversie._per_versie[facetten.index_naam()] = verouderd
    assert client.get("/organisaties/?regio=ja&a=4").context["facetten"].totaal == 2
    assert len(gebouwd) == 1


def test_wie_op_een_herbouw_wacht_bouwt_niet_zelf(monkeypatch):
    """The lock is taken: the waiting process uses what the builder shares when it is done."""
    OrganisatieFactory(naam="Eerste")
    alle = Organisatie.objects.gepubliceerd()
    tel_facetten(ids_van(alle))
    sleutel = f"{facetten.index_naam()}:{inhoudsversie.inhoudsversie()}"
    Organisatie.objects.bulk_create(
        [
            Organisatie(
                naam="Tweede", slug="tweede", soort=Soort.objects.get(), status="gepubliceerd"
            )
        ]
    )
    cache.add(f"{sleutel}:herbouw", 1, 30)  # another process is rebuilding
    nieuw = facetten.bouw_facetindex()
    gebouwd = []

    def slapen(seconden):  # the other process finishes while we wait
        cache.set(sleutel, nieuw)
        cache.delete(f"{sleutel}:herbouw")

    monkeypatch.setattr(inhoudsversie.time, "sleep", slapen)
    monkeypatch.setattr(facetten, "bouw_facetindex", lambda: gebouwd.append(1))
    assert tel_facetten(ids_van(alle)).totaal == 2
    assert gebouwd == []
