"""The redacteur's start page: work lists, each a count and a link to exactly those rows."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netwerk.models import SiteConfiguratie
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from organisaties.models import Bijwerkvoorstel, Geocodeerstatus, Organisatie
from organisaties.werklijsten import PER_NAAM, WERKLIJSTEN, maanden_eerder
from tests.factories import (
    GebruikerFactory,
    LocatieFactory,
    OrganisatieFactory,
    WijzigingsvoorstelFactory,
)

pytestmark = pytest.mark.django_db

START = reverse("admin:index")


@pytest.fixture
def redacteur(client):
    gebruiker = GebruikerFactory(username="redacteur", groepen=[REDACTEUREN])
    client.force_login(gebruiker)
    return gebruiker


def werklijsten_op(client):
    """{name: (count, link)} as the start page shows them."""
    html = client.get(START).content.decode()
    lijsten = {}
    for naam, blok in re.findall(r'data-werklijst="(\w+)">(.*?)</li>', html, re.S):
        aantal = int(re.search(r'class="werkplek-aantal">(\d+)<', blok).group(1))
        link = re.search(r'href="([^"]+)"', blok)
        lijsten[naam] = (aantal, link.group(1).replace("&amp;", "&") if link else None)
    return lijsten


def rijen(client, link):
    """The rows of the changelist the link opens, by their str()."""
    antwoord = client.get(link)
    assert antwoord.status_code == 200 and "e=1" not in antwoord.get("Location", "")
    return {str(rij) for rij in antwoord.context["cl"].result_list}


def met_locatie(**velden):
    return LocatieFactory(organisatie=OrganisatieFactory(**velden)).organisatie


def test_elke_werklijst_telt_wat_de_link_toont(client, demodata):
    """The count on the start page and the rows behind its link come from one definition;
    the demo data has something on every list the demo is meant to show."""
    beheerder = GebruikerFactory(username="beheerder", groepen=[BEHEERDERS])
    Organisatie.objects.filter(slug="welzijn-e25").update(toegewezen_aan=beheerder)
    client.force_login(beheerder)
    lijsten = werklijsten_op(client)
    assert set(lijsten) == set(PER_NAAM)
    for naam, (aantal, link) in lijsten.items():
        if naam != "bijwerkvoorstellen":  # proposals come from organisations, not the demo
            assert aantal >= 1, naam
        assert link, naam
        antwoord = client.get(link)
        assert antwoord.context["cl"].result_count == aantal, naam


def test_niet_gecontroleerd_volgt_de_controletermijn(client, redacteur):
    vandaag = timezone.localdate()
    met_locatie(naam="Net op tijd", laatst_geverifieerd=maanden_eerder(vandaag, 12))
    met_locatie(naam="Dertien maanden", laatst_geverifieerd=maanden_eerder(vandaag, 13))
    met_locatie(naam="Nooit", laatst_geverifieerd=None)
    met_locatie(naam="Concept", status="concept", laatst_geverifieerd=None)
    aantal, link = werklijsten_op(client)["niet_gecontroleerd"]
    assert aantal == 2 and rijen(client, link) == {"Dertien maanden", "Nooit"}
    assert "Niet gecontroleerd in 12 maanden" in client.get(START).content.decode()

    site = SiteConfiguratie.get_solo()
    site.controletermijn_maanden = 6
    site.save()
    assert werklijsten_op(client)["niet_gecontroleerd"][0] == 3
    assert "Niet gecontroleerd in 6 maanden" in client.get(START).content.decode()


def test_geen_antwoord_vier_weken_na_het_controleverzoek(client, redacteur):
    nu = timezone.now()
    vandaag = timezone.localdate()
    lang_geleden = vandaag - datetime.timedelta(days=400)
    met_locatie(
        naam="Zwijgt",
        laatst_geverifieerd=lang_geleden,
        herinnering_verstuurd_op=nu - datetime.timedelta(weeks=5),
    )
    met_locatie(
        naam="Bevestigde",
        laatst_geverifieerd=vandaag - datetime.timedelta(days=3),
        herinnering_verstuurd_op=nu - datetime.timedelta(weeks=5),
    )
    met_locatie(
        naam="Nog bedenktijd",
        laatst_geverifieerd=lang_geleden,
        herinnering_verstuurd_op=nu - datetime.timedelta(weeks=2),
    )
    voorstel = met_locatie(
        naam="Stelde wijzigingen voor",
        laatst_geverifieerd=lang_geleden,
        herinnering_verstuurd_op=nu - datetime.timedelta(weeks=6),
    )
    Bijwerkvoorstel.objects.create(
        organisatie=voorstel, ingediend_op=nu - datetime.timedelta(weeks=1)
    )
    aantal, link = werklijsten_op(client)["geen_antwoord"]
    assert aantal == 1 and rijen(client, link) == {"Zwijgt"}


def test_zonder_locatie_en_zonder_contact_laten_gearchiveerde_weg(client, redacteur):
    OrganisatieFactory(naam="Nergens")
    OrganisatieFactory(naam="Nergens en weg", status="gearchiveerd")
    met_locatie(naam="Onbereikbaar", email="", telefoon="", website="")
    met_locatie(naam="Alleen website", email="", telefoon="", website="https://voorbeeld.nl")
    lijsten = werklijsten_op(client)
    assert rijen(client, lijsten["zonder_locatie"][1]) == {"Nergens"}
    assert rijen(client, lijsten["zonder_contact"][1]) == {"Onbereikbaar"}


def test_adres_niet_gevonden_toont_de_locaties(client, redacteur):
    LocatieFactory(naam="Onvindbaar", geocodeer_status=Geocodeerstatus.MISLUKT, latitude=None)
    LocatieFactory(naam="Gevonden", geocodeer_status=Geocodeerstatus.GELUKT)
    aantal, link = werklijsten_op(client)["geocoderen_mislukt"]
    assert link.startswith(reverse("admin:organisaties_locatie_changelist"))
    assert aantal == 1 and rijen(client, link) == {"Onvindbaar"}


def test_meldingen_en_bijwerkvoorstellen_die_wachten(client, redacteur):
    WijzigingsvoorstelFactory(organisatie__naam="Met melding")
    WijzigingsvoorstelFactory(organisatie__naam="Oude melding", status="verwerkt")
    organisatie = OrganisatieFactory(naam="Met voorstel")
    Bijwerkvoorstel.objects.create(organisatie=organisatie)
    Bijwerkvoorstel.objects.create(organisatie=organisatie, status="afgewezen")
    lijsten = werklijsten_op(client)
    assert lijsten["meldingen"][0] == 1
    assert lijsten["bijwerkvoorstellen"] == (
        1,
        reverse("admin:organisaties_bijwerkvoorstel_changelist") + "?status__exact=open",
    )
    assert rijen(client, lijsten["meldingen"][1]) == {"Melding over Met melding"}


def test_aan_mij_toegewezen(client, redacteur):
    collega = GebruikerFactory(username="collega", groepen=[REDACTEUREN])
    met_locatie(naam="Van mij", toegewezen_aan=redacteur)
    met_locatie(naam="Van mij, maar gearchiveerd", toegewezen_aan=redacteur, status="gearchiveerd")
    met_locatie(naam="Van de collega", toegewezen_aan=collega)
    met_locatie(naam="Van niemand")
    aantal, link = werklijsten_op(client)["mij_toegewezen"]
    assert aantal == 1 and rijen(client, link) == {"Van mij"}


def test_coordinator_ziet_geen_werklijsten_van_de_kaart(client):
    OrganisatieFactory()  # without a location: on a list for redacteuren
    client.force_login(GebruikerFactory(username="coordinator", groepen=[COORDINATOREN]))
    antwoord = client.get(START)
    assert antwoord.status_code == 200
    assert werklijsten_op(client) == {}
    assert "Werklijsten" not in antwoord.content.decode()


def test_startpagina_kost_evenveel_queries_bij_meer_organisaties(client, redacteur):
    def queries():
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(START).status_code == 200
        return [query["sql"] for query in vastgelegd.captured_queries]

    OrganisatieFactory(toegewezen_aan=redacteur)
    queries()  # the first request fills the caches
    weinig = queries()
    for _ in range(15):
        OrganisatieFactory(toegewezen_aan=redacteur, laatst_geverifieerd=None)
        LocatieFactory(geocodeer_status=Geocodeerstatus.MISLUKT)
        WijzigingsvoorstelFactory()
    assert len(queries()) == len(weinig)
    # One COUNT per work list.
    assert sum("COUNT(*)" in sql for sql in weinig) == len(WERKLIJSTEN)
