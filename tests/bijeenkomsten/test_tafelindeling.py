"""The table plan for world-café rounds: balanced tables, colleagues apart, few repeats."""

import datetime
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Inzage
from bijeenkomsten.tafelindeling import Gast, herhaalde_paren, plan, tafelgroottes
from netwerk.rollen import BEHEERDERS
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory


def gasten(per_organisatie):
    """Guests: per_organisatie is a list of how many people each organisation sends."""
    uit = []
    for o, aantal in enumerate(per_organisatie):
        uit += [Gast(len(uit), f"Gast {len(uit)}", f"Org {o}", f"o{o}") for _ in range(aantal)]
    return uit


def naief(lijst, grootte, rondes):
    """Chunks in list order, the same every round: what a spreadsheet would do."""
    return [[lijst[i : i + grootte] for i in range(0, len(lijst), grootte)]] * rondes


@pytest.mark.parametrize(("aantal", "grootte"), [(1, 6), (6, 6), (7, 6), (25, 6), (31, 4)])
def test_tafels_zijn_even_groot_en_niet_te_groot(aantal, grootte):
    groottes = tafelgroottes(aantal, grootte)
    assert sum(groottes) == aantal
    assert max(groottes) <= grootte and max(groottes) - min(groottes) <= 1
    indeling = plan(gasten([1] * aantal), grootte, 2)
    for ronde in indeling:
        assert sorted(len(t) for t in ronde) == sorted(groottes)
        assert sorted(g.pk for t in ronde for g in t) == list(range(aantal))


def test_collegas_niet_aan_dezelfde_tafel():
    lijst = gasten([3, 3, 3] + [1] * 9)  # 18 people, 3 tables of 6
    for ronde in plan(lijst, 6, 3, seed=7):
        for tafel in ronde:
            assert max(Counter(g.sleutel for g in tafel).values()) == 1


def test_minder_herhaalde_paren_dan_een_naieve_verdeling():
    lijst = gasten([1] * 16)
    eigen = herhaalde_paren(plan(lijst, 4, 3, seed=1))
    assert eigen < herhaalde_paren(naief(lijst, 4, 3))
    # 16 people at tables of 4 can meet new people for 3 rounds: a perfect plan exists.
    assert eigen <= 2


def test_eerder_ontmoet_wordt_gemeden():
    lijst = gasten([1] * 8)
    eerder = {("o0", "o1"), ("o2", "o3"), ("o4", "o5"), ("o6", "o7")}
    indeling = plan(lijst, 4, 1, eerder=eerder)
    assert herhaalde_paren(indeling, eerder) == 0
    assert herhaalde_paren(naief(lijst, 4, 1), eerder) == 4


def test_zelfde_seed_zelfde_indeling():
    lijst = gasten([2, 2, 1, 1, 1, 1, 1, 1, 1, 1])
    een = [[[g.pk for g in t] for t in r] for r in plan(lijst, 4, 3, seed=3)]
    twee = [[[g.pk for g in t] for t in r] for r in plan(lijst, 4, 3, seed=3)]
    assert een == twee


# The page ------------------------------------------------------------------------------------


@pytest.fixture
def coordinator(db):
    return GebruikerFactory(username="coordinator")


@pytest.fixture
def bijeenkomst(coordinator):
    bijeenkomst = BijeenkomstFactory(slug="samen", capaciteit=40, coordinatoren=[coordinator])
    for o in range(6):
        organisatie = OrganisatieFactory(naam=f"Organisatie {o}")
        for p in range(2):
            services.aanmelden(
                bijeenkomst, naam=f"Mens {o}-{p}", email=f"m{o}{p}@example.nl",
                organisatie=organisatie,
            )  # fmt: skip
    services.aanmelden(bijeenkomst, naam="Zonder Organisatie", email="z@example.nl")
    return bijeenkomst


def url(**params):
    return reverse("bijeenkomsten:tafels", args=["samen"]), params


@pytest.mark.django_db
def test_pagina_toont_rondes_en_tafels(client, coordinator, bijeenkomst):
    client.force_login(coordinator)
    response = client.get(*url(grootte=4, rondes=2, seed=1))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ronde 1" in html and "Ronde 2" in html and "Tafel 4" in html and "Tafel 5" not in html
    assert html.count("Mens 0-0") == 2 and "Zonder Organisatie" in html
    assert "css/hulpmiddelen.css" in html and "@media print" not in html  # print CSS in file
    assert Inzage.objects.filter(actie=Inzage.Actie.TAFELINDELING).exists()
    for ronde in response.context["indeling"]:
        for tafel in ronde:
            assert len({g.organisatie for g in tafel if g.organisatie}) == len(
                [g for g in tafel if g.organisatie]
            )


@pytest.mark.django_db
def test_eerder_samen_aanwezig_telt_mee(client, coordinator, bijeenkomst):
    eerder = BijeenkomstFactory(
        start=timezone.now() - datetime.timedelta(days=30),
        einde=timezone.now() - datetime.timedelta(days=30, hours=-2),
    )
    organisaties = list({a.organisatie for a in bijeenkomst.aanmeldingen.all() if a.organisatie})
    for i, organisatie in enumerate(organisaties):
        Aanmelding.objects.create(
            bijeenkomst=eerder, naam=f"E{i}", email=f"e{i}@example.nl",
            organisatie=organisatie, status=Aanmelding.Status.AANWEZIG,
        )  # fmt: skip
    client.force_login(coordinator)
    html = client.get(*url(grootte=13, rondes=1, seed=1)).content.decode()
    # One table for all: every pair of the six organisations sat together before.
    assert "15 keer zitten twee organisaties opnieuw samen" in html


@pytest.mark.django_db
def test_slechte_invoer_geeft_nederlandse_melding(client, coordinator, bijeenkomst):
    client.force_login(coordinator)
    response = client.get(*url(grootte="zes", rondes=99, seed=1))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul een heel getal in." in html and "Kies hoogstens 6 rondes." in html
    assert "Ronde 1" not in html


@pytest.mark.django_db
def test_formulier_zonder_invoer(client, coordinator, bijeenkomst):
    client.force_login(coordinator)
    response = client.get(reverse("bijeenkomsten:tafels", args=["samen"]))
    assert response.status_code == 200
    assert "Mens 0-0" not in response.content.decode()


@pytest.mark.django_db
def test_alleen_eigen_coordinatoren_en_beheerders(client, bijeenkomst):
    client.force_login(GebruikerFactory(username="ander"))
    assert client.get(*url(grootte=6, rondes=1, seed=1)).status_code == 403
    client.logout()
    assert client.get(*url(grootte=6, rondes=1, seed=1)).status_code == 302
    client.force_login(GebruikerFactory(username="beheer", groepen=[BEHEERDERS]))
    assert client.get(*url(grootte=6, rondes=1, seed=1)).status_code == 200


@pytest.mark.django_db
def test_query_aantal_groeit_niet_met_deelnemers(
    client, coordinator, bijeenkomst, django_assert_max_num_queries
):
    client.force_login(coordinator)
    client.get(*url(grootte=6, rondes=2, seed=1))
    for i in range(20):
        services.aanmelden(bijeenkomst, naam=f"Nog {i}", email=f"nog{i}@example.nl")
    with django_assert_max_num_queries(12):
        client.get(*url(grootte=6, rondes=2, seed=1))
