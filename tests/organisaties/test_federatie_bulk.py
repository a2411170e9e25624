"""The federation import writes each page in bulk: the number of queries does not grow with
the page, and what the signals keep for the directory (search index, facets, the listing's
change date, the content version) is kept just the same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netwerk import inhoudsversie
from organisaties import federatie
from organisaties.models import Aanbod, Locatie, Openingstijd, Organisatie, Regiobron
from tests.factories import DoelgroepFactory, SoortFactory, ThemaFactory
from tests.organisaties.test_federatie_robuust import feed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def termen():
    SoortFactory(slug="welzijnspartner", naam="Welzijnspartner")
    ThemaFactory(slug="eenzaamheid", naam="Eenzaamheid")
    ThemaFactory(slug="mantelzorg", naam="Mantelzorg")
    DoelgroepFactory(slug="ouderen", naam="Ouderen")


AANBOD = ["Koffieochtend", "Taalcafe", "Kookclub"]


def organisatie(n, naam=None, aanbod=2, themas=("eenzaamheid",), adres="Westzijde 1"):
    return {
        "slug": f"org-{n}",
        "naam": naam or f"Buurthuis Nummer {n}",
        "soort": "welzijnspartner",
        "omschrijving": f"Helpt inwoners in de regio, plek {n}.",
        "website": "",
        "email": f"info@org-{n}.nl",
        "telefoon": "075 123 45 67",
        "themas": list(themas),
        "locaties": [
            (
                "",
                adres,
                "1506 EG",
                "Zaandam",
                52.44,
                4.82,
                None,
                False,
                "",
                [(1, "09:00", "17:00", ""), (3, "13:00", "16:00", "")],
            )
        ],
        "aanbod": [
            (AANBOD[k], "Ontmoeting.", list(themas), ["ouderen"], "gratis", "", "")
            for k in range(aanbod)
        ],
    }


def importeer(bron, *organisaties, volledig=True):
    return federatie.importeer(bron, [feed(bron.naam, *organisaties)], volledig=volledig)


def queries_voor_pagina(naam, aantal, eerst=None):
    """Queries of a first import of one page with ``aantal`` organisations (two services each)."""
    bron = Regiobron.objects.create(naam=naam, url=f"https://{naam.lower()}.invalid/api/v1/")
    orgs = [organisatie(f"{naam}-{n}") for n in range(aantal)]
    with CaptureQueriesContext(connection) as queries:
        uitslag = importeer(bron, *orgs)
    assert uitslag.nieuw == aantal and uitslag.aanbod == 2 * aantal
    return len(queries), bron, orgs


def test_queries_groeien_niet_met_de_pagina():
    klein, _bron, _orgs = queries_voor_pagina("Klein", 3)
    groot, bron, orgs = queries_voor_pagina("Groot", 6)
    assert klein == groot

    # Changing every organisation, service and location on a page, with a service more
    # each, costs the same for 3 and for 6.
    gewijzigd = {}
    for naam in ("Klein", "Groot"):
        bron = Regiobron.objects.get(naam=naam)
        orgs = [
            organisatie(f"{naam}-{n}", naam=f"Nieuwe naam {naam} {n}", aanbod=3, adres="Dam 3")
            for n in range(3 if naam == "Klein" else 6)
        ]
        with CaptureQueriesContext(connection) as queries:
            uitslag = importeer(bron, *orgs)
        assert uitslag.bijgewerkt == len(orgs)
        gewijzigd[naam] = len(queries)
    assert gewijzigd["Klein"] == gewijzigd["Groot"]


def test_import_schrijft_alles_en_houdt_zoekindex_bij():
    bron = Regiobron.objects.create(naam="Zaanstad", url="https://zaanstad.invalid/api/v1/")
    importeer(bron, organisatie(1, naam="Mantelzorgpunt Zaan", themas=["mantelzorg"]))

    org = bron.organisaties.get()
    assert org.slug == "mantelzorgpunt-zaan-zaanstad"
    assert org.soort.slug == "welzijnspartner"
    assert list(org.themas.values_list("slug", flat=True)) == ["mantelzorg"]
    assert org.aanbod.count() == 2
    locatie = org.locaties.get()
    assert (locatie.postcode, str(locatie.latitude)) == ("1506 EG", "52.440000")
    assert sorted(locatie.openingstijden.values_list("dag", flat=True)) == [1, 3]
    for aanbod in org.aanbod.all():
        assert list(aanbod.locaties.all()) == [locatie]
        assert list(aanbod.doelgroepen.values_list("slug", flat=True)) == ["ouderen"]
    # What the signals would have kept: facets, "gratis" and the search vector.
    org.refresh_from_db()
    assert org.facet_themas and org.is_gratis
    assert Organisatie.objects.zoek("mantelzorgpunt").filter(pk=org.pk).exists()
    assert Organisatie.objects.zoek("ontmoeting").filter(pk=org.pk).exists()


def test_inhoudsversie_een_keer_per_run_en_niet_zonder_wijziging():
    bron = Regiobron.objects.create(naam="Zaanstad", url="https://zaanstad.invalid/api/v1/")
    voor = inhoudsversie.inhoudsversie()
    importeer(bron, organisatie(1), organisatie(2))
    na = inhoudsversie.inhoudsversie()
    assert na != voor

    # The same feed again: nothing written, the version (and so every cached page) stays.
    gewijzigd = dict(bron.organisaties.values_list("pk", "gewijzigd"))
    with CaptureQueriesContext(connection) as queries:
        uitslag = importeer(bron, organisatie(1), organisatie(2))
    assert (uitslag.nieuw, uitslag.bijgewerkt, uitslag.verwijderd) == (0, 0, 0)
    assert inhoudsversie.inhoudsversie() == na
    assert dict(bron.organisaties.values_list("pk", "gewijzigd")) == gewijzigd
    schrijven = [q["sql"] for q in queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    assert [q for q in schrijven if "organisaties_" in q and "regiobron" not in q] == []


def test_wijziging_in_de_bron_komt_door():
    bron = Regiobron.objects.create(naam="Zaanstad", url="https://zaanstad.invalid/api/v1/")
    importeer(bron, organisatie(1), organisatie(2))
    ongewijzigd = bron.organisaties.get(naam="Buurthuis Nummer 2")
    versie = inhoudsversie.inhoudsversie()

    uitslag = importeer(
        bron,
        organisatie(1, naam="Huis van de Wijk", themas=["mantelzorg"], adres="Dam 3"),
        organisatie(2),
    )

    assert (uitslag.nieuw, uitslag.bijgewerkt) == (0, 1)
    assert inhoudsversie.inhoudsversie() != versie
    org = bron.organisaties.get(naam="Huis van de Wijk")
    assert list(org.themas.values_list("slug", flat=True)) == ["mantelzorg"]
    assert {a.themas.get().slug for a in org.aanbod.all()} == {"mantelzorg"}
    locatie = org.locaties.get()  # the same location in the feed: updated, not doubled
    assert locatie.adres == "Dam 3" and locatie.openingstijden.count() == 2
    assert Organisatie.objects.zoek("wijk").filter(pk=org.pk).exists()
    assert org.gewijzigd > ongewijzigd.gewijzigd
    assert bron.organisaties.get(pk=ongewijzigd.pk).gewijzigd == ongewijzigd.gewijzigd


def test_verdwenen_uit_de_bron_gaat_weg():
    bron = Regiobron.objects.create(naam="Zaanstad", url="https://zaanstad.invalid/api/v1/")
    importeer(bron, organisatie(1, aanbod=3), organisatie(2), organisatie(3))
    versie = inhoudsversie.inhoudsversie()

    # Organisation 3 is gone, and organisation 1 offers one service less.
    uitslag = importeer(bron, organisatie(1, aanbod=2), organisatie(2))

    assert uitslag.verwijderd == 1
    assert inhoudsversie.inhoudsversie() != versie
    assert sorted(bron.organisaties.values_list("naam", flat=True)) == [
        "Buurthuis Nummer 1",
        "Buurthuis Nummer 2",
    ]
    assert Aanbod.objects.filter(organisatie__regiobron=bron).count() == 4
    assert Locatie.objects.filter(organisatie__regiobron=bron).count() == 2
    assert Openingstijd.objects.filter(locatie__organisatie__regiobron=bron).count() == 4
    # The search index of organisation 1 no longer knows its removed service.
    een = bron.organisaties.get(naam="Buurthuis Nummer 1")
    assert Organisatie.objects.zoek("taalcafe").filter(pk=een.pk).exists()
    assert not Organisatie.objects.zoek("kookclub").filter(pk=een.pk).exists()


def test_dezelfde_locatie_wordt_bijgewerkt_met_nieuwe_plek_en_tijden():
    bron = Regiobron.objects.create(naam="Zaanstad", url="https://zaanstad.invalid/api/v1/")
    importeer(bron, organisatie(1))
    voor = Locatie.objects.get(organisatie__regiobron=bron)

    data = organisatie(1)
    data["locaties"] = [
        (
            "",
            "Westzijde 1",
            "1506 EG",
            "Zaandam",
            52.45,
            4.83,
            None,
            True,
            "",
            [(2, "10:00", "12:00", "")],
        )
    ]
    importeer(bron, data)

    na = Locatie.objects.get(organisatie__regiobron=bron)
    assert na.pk == voor.pk  # the same location in the feed: updated in place
    assert (str(na.latitude), str(na.longitude), na.rolstoeltoegankelijk) == (
        "52.450000",
        "4.830000",
        True,
    )
    # The float copy for the distance search follows (PostgreSQL keeps it).
    assert (na.breedte, na.lengte) == (52.45, 4.83)
    assert [(t.dag, t.van.hour) for t in na.openingstijden.all()] == [(2, 10)]
