"""A cold list page reads its result from per-term bitmaps (organisaties.termindex): every page
holds what ranking every match in PostgreSQL puts there, also with filters, several words,
sorting by name, ties and page 2, and a page never seen before scans no matches again."""

import random

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from organisaties.filters import OrganisatieFilter
from organisaties.models import Aanbod, Organisatie
from organisaties.views import PER_PAGINA
from organisaties.zoekindex import werk_zoekindex_bij
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db

WOORDEN = ["schuld", "schulden", "geld", "hulp", "buurt", "taal", "koffie", "de", "en"]


@pytest.fixture
def kaart():
    """90 organisations drawn with a fixed seed: texts from a few words (so many rank the
    same), some with the same name (the id decides), with themes, target groups, soorten and
    free offers, and some not published."""
    rng = random.Random(11)
    themas = [ThemaFactory(naam=n, slug=n) for n in ("geld", "wonen", "taal")]
    doelgroepen = [DoelgroepFactory(naam=n, slug=n) for n in ("ouderen", "jongeren")]
    soorten = [SoortFactory(naam=n, slug=n) for n in ("stichting", "vereniging", "gemeente")]
    for i in range(90):
        naam = rng.choice(["Schuldhulp", "Buurthuis", "Geldloket", "Taalhuis"])
        if i % 7:
            naam = f"{naam} {rng.randint(1, 40):02d}"
        status = Organisatie.Status.GEPUBLICEERD if i % 11 else Organisatie.Status.CONCEPT
        organisatie = OrganisatieFactory(
            naam=naam,
            omschrijving=" ".join(rng.choice(WOORDEN) for _ in range(rng.randint(2, 8))),
            soort=rng.choice(soorten),
            status=status,
            themas=rng.sample(themas, rng.randint(0, 2)),
        )
        aanbod = AanbodFactory(
            organisatie=organisatie,
            naam=rng.choice(["Spreekuur", "Schuldhulpmaatje", "Taalcafe", "Inloop"]),
            kosten=rng.choice([Aanbod.Kosten.GRATIS, Aanbod.Kosten.BETAALD]),
        )
        aanbod.doelgroepen.set(rng.sample(doelgroepen, rng.randint(0, 2)))
    # The search and facet columns, as the signals keep them.
    werk_zoekindex_bij(Organisatie.objects.values_list("pk", flat=True))


def volledig(query):
    """The page order of the path over PostgreSQL: every match ranked and sorted at once."""
    filterset = OrganisatieFilter(QueryDict(query), queryset=Organisatie.objects.gepubliceerd())
    return list(filterset.qs.values_list("pk", flat=True))


def pagina_ids(client, query):
    response = client.get(f"/organisaties/?{query}")
    assert response.status_code == 200
    return response.context, [o.pk for o in response.context["pagina"].object_list]


ZOEKOPDRACHTEN = [
    "q=schuld",
    "q=schulden",
    "q=geld",
    "q=de+geld",
    "q=schuld&thema=geld",
    "q=schuld&thema=geld&doelgroep=ouderen",
    "q=hulp&soort=stichting&soort=gemeente",
    "q=buurt&gratis=on",
    "q=schuld+hulp",
    "q=schuld+geld&thema=wonen",
    "q=schuld&sorteer=naam",
    "thema=geld",
    "soort=vereniging&gratis=on",
    "",
]


@pytest.mark.parametrize("query", ZOEKOPDRACHTEN)
def test_elke_pagina_is_de_volledige_rangschikking(client, kaart, query):
    alle = volledig(query)
    assert alle, "the search should find something"
    for nummer in range(1, (len(alle) - 1) // PER_PAGINA + 2):
        context, ids = pagina_ids(client, f"{query}&pagina={nummer}")
        assert ids == alle[(nummer - 1) * PER_PAGINA : nummer * PER_PAGINA], nummer
        assert context["facetten"].totaal == len(alle)
        assert context["pagina"].paginator.count == len(alle)


@pytest.mark.parametrize("query", ["q=schuld&thema=geld", "q=hulp&soort=stichting", "q=taal"])
def test_tellingen_zijn_exact(client, kaart, query):
    context, _ids = pagina_ids(client, query)
    facetten = context["facetten"]
    filterset = OrganisatieFilter(QueryDict(query), queryset=Organisatie.objects.gepubliceerd())
    resultaat = filterset.qs
    for thema_pk, aantal in facetten.thema.items():
        assert resultaat.filter(facet_themas__contains=[thema_pk]).count() == aantal
    assert resultaat.filter(is_gratis=True).count() == facetten.gratis
    # Soort widens: counted over the result without its own filter.
    zonder_soort = OrganisatieFilter(
        QueryDict(query.replace("&soort=stichting", "")),
        queryset=Organisatie.objects.gepubliceerd(),
    ).qs
    for soort_pk, aantal in facetten.soort.items():
        assert zonder_soort.filter(soort_id=soort_pk).count() == aantal


def test_een_onbekende_pagina_scant_de_treffers_niet_opnieuw(client, kaart):
    """Once a word's matches are known for this version, a new combination of filters and a
    page never asked for rank nothing in PostgreSQL."""
    pagina_ids(client, "q=schuld")
    with CaptureQueriesContext(connection) as queries:
        _context, ids = pagina_ids(client, "q=schuld&thema=geld&gratis=on&pagina=1&b=nieuw")
    assert ids == volledig("q=schuld&thema=geld&gratis=on")[:PER_PAGINA]
    assert not [q for q in queries.captured_queries if "ts_rank" in q["sql"] or "@@" in q["sql"]]


def test_een_wijziging_maakt_de_treffers_nieuw(client, kaart):
    pagina_ids(client, "q=schuld")
    nieuw = OrganisatieFactory(naam="Aaa schuld", omschrijving="schuld schuld schuld")
    _context, ids = pagina_ids(client, "q=schuld")
    assert nieuw.pk in volledig("q=schuld")
    assert ids == volledig("q=schuld")[:PER_PAGINA]
    nieuw.status = Organisatie.Status.GEARCHIVEERD
    nieuw.save()
    context, ids = pagina_ids(client, "q=schuld")
    assert nieuw.pk not in ids
    assert context["facetten"].totaal == len(volledig("q=schuld"))


def test_alleen_stopwoorden_vindt_wat_postgresql_vindt(client, kaart):
    context, ids = pagina_ids(client, "q=de+en")
    assert ids == volledig("q=de+en")[:PER_PAGINA]
    assert context["facetten"].totaal == len(volledig("q=de+en"))
