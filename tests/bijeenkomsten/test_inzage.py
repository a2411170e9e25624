"""Every look at a meeting's attendees is logged (AVG accountability), and only beheerders read
the log, which nobody can change."""

import pytest
from django.urls import reverse

from bijeenkomsten import services
from bijeenkomsten.models import Inzage
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from tests.factories import BijeenkomstFactory, GebruikerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])


@pytest.fixture
def bijeenkomst(coordinator):
    return BijeenkomstFactory(
        slug="samen", titel="Samen sterk", coordinatoren=[coordinator], deur_open=True
    )


@pytest.fixture
def aanmelding(bijeenkomst):
    return services.aanmelden(bijeenkomst, naam="Geheime Persoon", email="geheim@example.nl")


@pytest.fixture
def beheerder():
    return GebruikerFactory(username="beheerder", groepen=[BEHEERDERS])


def bekijken(aanmelding):
    """(url, actie, aanmelding in the entry) for every page that shows attendees."""
    slug, bijeenkomst = "samen", aanmelding.bijeenkomst
    return [
        (reverse("bijeenkomsten:deelnemers", args=[slug]), "deelnemerslijst", None),
        (reverse("bijeenkomsten:deelnemers", args=[slug]) + "?q=geheim", "deelnemerslijst", None),
        (reverse("bijeenkomsten:deur", args=[slug]), "inchecklijst", None),
        (
            reverse("bijeenkomsten:presentielijst", args=[slug]) + "?bevestigd=ja",
            "presentielijst",
            None,
        ),
        (reverse("bijeenkomsten:export", args=[slug, "csv"]), "export_csv", None),
        (reverse("bijeenkomsten:export", args=[slug, "xlsx"]), "export_xlsx", None),
        (
            reverse("admin:bijeenkomsten_aanmelding_changelist")
            + f"?bijeenkomst__id__exact={bijeenkomst.pk}",
            "beheer_lijst",
            None,
        ),
        (
            reverse("admin:bijeenkomsten_aanmelding_change", args=[aanmelding.pk]),
            "beheer_aanmelding",
            aanmelding,
        ),
    ]


def opvragen(client, url):
    """Files come by POST from the download step; pages by GET."""
    return client.post(url) if "/export." in url else client.get(url)


@pytest.mark.parametrize("wie", ["coordinator", "beheerder"])
def test_elke_pagina_met_deelnemers_legt_precies_een_inzage_vast(
    client, aanmelding, coordinator, beheerder, wie
):
    gebruiker = {"coordinator": coordinator, "beheerder": beheerder}[wie]
    client.force_login(gebruiker)
    for url, actie, over in bekijken(aanmelding):
        Inzage.objects.all().delete()
        assert opvragen(client, url).status_code == 200, url
        inzage = Inzage.objects.get()
        assert inzage.gebruiker == gebruiker, url
        assert inzage.gebruikersnaam == gebruiker.username
        assert inzage.bijeenkomst == aanmelding.bijeenkomst
        assert inzage.bijeenkomst_titel == "Samen sterk"
        assert inzage.actie == actie, url
        assert inzage.aanmelding == over, url


def test_coordinator_zonder_rechten_krijgt_403_en_er_komt_niets_in_het_log(client, aanmelding):
    client.force_login(GebruikerFactory(username="ander", groepen=[COORDINATOREN]))
    for url, _, _ in bekijken(aanmelding):
        response = opvragen(client, url)
        if url.startswith("/admin/"):
            # The admin behaves as if another meeting's registrations do not exist.
            assert "Geheime Persoon" not in response.content.decode(), url
        else:
            assert response.status_code == 403, url
    assert not Inzage.objects.exists()


def test_onbekend_exportformaat_legt_niets_vast(client, aanmelding, coordinator):
    client.force_login(coordinator)
    assert client.post(reverse("bijeenkomsten:export", args=["samen", "pdf"])).status_code == 404
    assert not Inzage.objects.exists()


def test_inchecken_en_namens_aanmelden_zelf_worden_niet_gelogd(client, aanmelding, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("bijeenkomsten:deur_inchecken", args=["samen"]),
        {"aanmelding": aanmelding.pk},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 200
    response = client.post(
        reverse("bijeenkomsten:deelnemers", args=["samen"]),
        {"naam": "Piet Bakker", "email": "piet@example.nl"},
    )
    assert response.status_code == 302
    assert not Inzage.objects.exists()


def test_beheerlijst_legt_elke_getoonde_bijeenkomst_vast(client, aanmelding, beheerder):
    andere = BijeenkomstFactory(slug="ander", titel="Ander overleg")
    services.aanmelden(andere, naam="Andere Deelnemer", email="ander@example.nl")
    BijeenkomstFactory(slug="leeg", titel="Zonder deelnemers")
    client.force_login(beheerder)
    assert client.get(reverse("admin:bijeenkomsten_aanmelding_changelist")).status_code == 200
    assert sorted(Inzage.objects.values_list("bijeenkomst_titel", flat=True)) == [
        "Ander overleg",
        "Samen sterk",
    ]


def test_log_blijft_als_account_en_bijeenkomst_weg_zijn(client, aanmelding, coordinator):
    client.force_login(coordinator)
    client.get(reverse("bijeenkomsten:presentielijst", args=["samen"]) + "?bevestigd=ja")
    coordinator.delete()
    aanmelding.bijeenkomst.delete()
    inzage = Inzage.objects.get()
    assert inzage.gebruiker is None and inzage.bijeenkomst is None
    assert inzage.gebruikersnaam == "coordinator"
    assert inzage.bijeenkomst_titel == "Samen sterk"


# --- The log in the admin -------------------------------------------------------------------


@pytest.fixture
def inzage(client, aanmelding, coordinator):
    client.force_login(coordinator)
    client.get(reverse("bijeenkomsten:deelnemers", args=["samen"]))
    client.logout()
    return Inzage.objects.get()


@pytest.mark.parametrize("wie", ["beheerder", "superuser"])
def test_beheerders_lezen_het_log(client, inzage, wie):
    if wie == "beheerder":
        gebruiker = GebruikerFactory(username="beheerder", groepen=[BEHEERDERS])
    else:
        gebruiker = GebruikerFactory(username="super", is_superuser=True)
    client.force_login(gebruiker)
    html = client.get(reverse("admin:bijeenkomsten_inzage_changelist")).content.decode()
    assert "Deelnemerslijst bekeken" in html and "Samen sterk" in html
    response = client.get(reverse("admin:bijeenkomsten_inzage_change", args=[inzage.pk]))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    assert "bijeenkomsten/inzage" in client.get(reverse("admin:index")).content.decode()


@pytest.mark.parametrize("wie", ["beheerder", "superuser"])
def test_niemand_wijzigt_of_verwijdert_het_log(client, inzage, wie):
    if wie == "beheerder":
        gebruiker = GebruikerFactory(username="beheerder", groepen=[BEHEERDERS])
    else:
        gebruiker = GebruikerFactory(username="super", is_superuser=True)
    client.force_login(gebruiker)
    wijzigen = reverse("admin:bijeenkomsten_inzage_change", args=[inzage.pk])
    assert client.get(reverse("admin:bijeenkomsten_inzage_add")).status_code == 403
    assert client.post(reverse("admin:bijeenkomsten_inzage_add"), {}).status_code == 403
    assert client.post(wijzigen, {"gebruikersnaam": "iemand anders"}).status_code == 403
    verwijderen = reverse("admin:bijeenkomsten_inzage_delete", args=[inzage.pk])
    assert client.post(verwijderen, {"post": "yes"}).status_code == 403
    bulk = client.post(
        reverse("admin:bijeenkomsten_inzage_changelist"),
        {"action": "delete_selected", "_selected_action": [inzage.pk], "post": "yes"},
    )
    assert bulk.status_code in (200, 302)
    inzage.refresh_from_db()
    assert inzage.gebruikersnaam == "coordinator"


@pytest.mark.parametrize("groep", [COORDINATOREN, REDACTEUREN])
def test_coordinatoren_en_redacteuren_zien_het_log_niet(client, inzage, coordinator, groep):
    gebruiker = coordinator if groep == COORDINATOREN else GebruikerFactory(groepen=[groep])
    client.force_login(gebruiker)
    assert client.get(reverse("admin:bijeenkomsten_inzage_changelist")).status_code == 403
    response = client.get(reverse("admin:bijeenkomsten_inzage_change", args=[inzage.pk]))
    assert response.status_code == 403
    assert "bijeenkomsten/inzage" not in client.get(reverse("admin:index")).content.decode()
