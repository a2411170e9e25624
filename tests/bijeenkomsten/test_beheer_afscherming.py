"""In the admin, a coordinator sees nothing of another coordinator's meetings: not the titles
(concepts are not public yet), not the attendees, not the reasons for moving someone."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Bijeenkomst, Statuswijziging
from netwerk.rollen import BEHEERDERS, COORDINATOREN
from tests.factories import BijeenkomstFactory, GebruikerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])


@pytest.fixture
def ander():
    return GebruikerFactory(username="ander", groepen=[COORDINATOREN])


@pytest.fixture
def eigen(coordinator):
    eerste = BijeenkomstFactory(
        slug="eigen-een", titel="Eigen ontbijt", coordinatoren=[coordinator]
    )
    BijeenkomstFactory(slug="eigen-twee", titel="Eigen lunch", coordinatoren=[coordinator])
    services.aanmelden(eerste, naam="Eigen Deelnemer", email="eigen@example.nl")
    return eerste


@pytest.fixture
def geheim_concept(ander):
    concept = BijeenkomstFactory(
        slug="geheim", titel="Geheim concept", status="concept", coordinatoren=[ander]
    )
    aanmelding = services.aanmelden(
        concept, naam="Vreemde Deelnemer", email="v@example.nl", door=ander
    )
    services.verplaatsen(aanmelding, "wachtlijst", "Geheime reden", door=ander)
    return concept


def test_filter_bijeenkomst_toont_alleen_eigen_bijeenkomsten(
    client, coordinator, eigen, geheim_concept
):
    client.force_login(coordinator)
    url = reverse("admin:bijeenkomsten_aanmelding_changelist")
    html = client.get(url).content.decode()
    assert "Eigen ontbijt" in html and "Eigen lunch" in html  # the filter is shown
    assert "Geheim concept" not in html

    html = client.get(f"{url}?bijeenkomst__id__exact={eigen.pk}").content.decode()
    assert "Eigen Deelnemer" in html

    html = client.get(f"{url}?bijeenkomst__id__exact={geheim_concept.pk}").content.decode()
    assert "Geheim concept" not in html and "Vreemde Deelnemer" not in html


def test_beheerder_filtert_op_alle_bijeenkomsten(client, eigen, geheim_concept):
    client.force_login(GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]))
    html = client.get(reverse("admin:bijeenkomsten_aanmelding_changelist")).content.decode()
    assert "Eigen ontbijt" in html and "Geheim concept" in html


def test_vervolg_op_zoekt_alleen_in_eigen_bijeenkomsten(client, coordinator, eigen, geheim_concept):
    client.force_login(coordinator)
    url = reverse("admin:autocomplete")
    velden = {"app_label": "bijeenkomsten", "model_name": "bijeenkomst", "field_name": "vervolg_op"}
    response = client.get(url, {**velden, "term": "Geheim"})
    assert response.status_code == 200 and response.json()["results"] == []
    titels = [r["text"] for r in client.get(url, {**velden, "term": ""}).json()["results"]]
    assert sorted(titels) == ["Eigen lunch", "Eigen ontbijt"]


def _nieuwe_bijeenkomst(vervolg_op):
    start = timezone.localtime() + timezone.timedelta(days=10)
    return {
        "titel": "Nieuw overleg",
        "slug": "nieuw-overleg",
        "status": "concept",
        "omschrijving": "Over mantelzorg.",
        "start_0": start.strftime("%d-%m-%Y"),
        "start_1": "15:00",
        "einde_0": start.strftime("%d-%m-%Y"),
        "einde_1": "17:00",
        "capaciteit": "80",
        "aanbod_uren": "48",
        "direct_doorschuiven_uren": "24",
        "vervolg_op": str(vervolg_op.pk),
        "programma-TOTAL_FORMS": "0",
        "programma-INITIAL_FORMS": "0",
    }


def test_vervolg_op_kan_geen_concept_van_een_ander_zijn(client, coordinator, geheim_concept):
    client.force_login(coordinator)
    url = reverse("admin:bijeenkomsten_bijeenkomst_add")
    response = client.post(url, _nieuwe_bijeenkomst(geheim_concept))
    assert response.status_code == 200
    assert "Geheim concept" not in response.content.decode()
    assert not Bijeenkomst.objects.filter(slug="nieuw-overleg").exists()


def test_vervolg_op_mag_een_gepubliceerde_bijeenkomst_van_een_ander_zijn(
    client, coordinator, ander
):
    vorige = BijeenkomstFactory(titel="Vorige keer", coordinatoren=[ander])
    client.force_login(coordinator)
    response = client.post(
        reverse("admin:bijeenkomsten_bijeenkomst_add"), _nieuwe_bijeenkomst(vorige)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Bijeenkomst.objects.get(slug="nieuw-overleg").vervolg_op == vorige


def test_statuswijzigingen_alleen_via_de_eigen_aanmelding(client, coordinator, geheim_concept):
    assert Statuswijziging not in admin.site._registry
    aanmelding = geheim_concept.aanmeldingen.get()
    url = reverse("admin:bijeenkomsten_aanmelding_change", args=[aanmelding.pk])

    client.force_login(coordinator)
    inhoud = client.get(url, follow=True).content.decode()
    assert "Geheime reden" not in inhoud and "Vreemde Deelnemer" not in inhoud

    client.force_login(GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]))
    assert "Geheime reden" in client.get(url).content.decode()
