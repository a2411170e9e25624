"""Organisations send new and changed activities through their personal link; staff decide."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from activiteiten import bijwerken, services
from activiteiten.herhaling import AMSTERDAM, momenten
from activiteiten.models import Activiteit, Activiteitvoorstel
from bijeenkomsten import services as bijeenkomsten_services
from netwerk.models import UitgaandeEmail
from organisaties import bijwerken as organisaties_bijwerken
from tests.factories import GebruikerFactory, LocatieFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisatie():
    return OrganisatieFactory(naam="Seniorenwelzijn", contact_email="info@senioren.example.nl")


def link(organisatie, pad=""):
    return f"/activiteiten/bijwerken/{organisaties_bijwerken.maak_token(organisatie)}/{pad}"


def formulier(**anders):
    datum = timezone.localdate() + datetime.timedelta(days=3)
    gegevens = {
        "titel": "Samen wandelen",
        "omschrijving": "Een rondje door het park.",
        "ontmoetplek": "Bij de ingang van het park",
        "datum": datum.isoformat(),
        "begintijd": "10:00",
        "eindtijd": "11:00",
        "herhaling": "wekelijks",
        "is_gratis": "on",
    }
    gegevens.update(anders)
    return {k: v for k, v in gegevens.items() if v is not None}


def test_nieuwe_activiteit_wacht_op_de_redactie_en_komt_dan_online(client, organisatie):
    thema = ThemaFactory(slug="eenzaamheid")
    overzicht = client.get(link(organisatie))
    assert overzicht.status_code == 200
    assert overzicht["X-Robots-Tag"] == "noindex, nofollow"
    response = client.post(link(organisatie, "nieuw/"), formulier(themas=str(thema.pk)))
    assert response.status_code == 302
    voorstel = Activiteitvoorstel.objects.get()
    assert voorstel.status == "open" and voorstel.activiteit is None
    # Nothing is live before staff took it over.
    assert not Activiteit.objects.exists()
    assert "Samen wandelen" not in client.get("/activiteiten/").content.decode()

    activiteit = bijwerken.overnemen(voorstel)
    assert activiteit.status == Activiteit.Status.GEPUBLICEERD
    assert activiteit.herhaling == "FREQ=WEEKLY"
    assert timezone.localtime(activiteit.start, AMSTERDAM).hour == 10
    assert list(activiteit.organisaties.all()) == [organisatie]
    assert list(activiteit.themas.all()) == [thema]
    assert "Samen wandelen" in client.get("/activiteiten/").content.decode()
    assert activiteit.history.first().history_change_reason.startswith("Voorstel van de")


def test_wijziging_van_een_gepubliceerde_activiteit_blijft_tot_de_redactie_besluit(
    client, organisatie
):
    eerste = timezone.localdate() + datetime.timedelta(days=1)
    start = datetime.datetime(eerste.year, eerste.month, eerste.day, 14, tzinfo=AMSTERDAM)
    activiteit = Activiteit.objects.create(
        titel="Bakkie doen",
        slug="bakkie-doen",
        omschrijving="Koffie bij de bus.",
        ontmoetplek="De bus",
        start=start,
        einde=start + datetime.timedelta(hours=2),
        herhaling="FREQ=MONTHLY;BYDAY=1MO",
        status=Activiteit.Status.GEPUBLICEERD,
    )
    activiteit.organisaties.set([organisatie])
    pagina = client.get(link(organisatie, f"{activiteit.pk}/"))
    assert pagina.status_code == 200
    assert 'value="Bakkie doen"' in pagina.content.decode()
    assert re.search(r'value="maandelijks"[^>]*checked', pagina.content.decode())

    client.post(
        link(organisatie, f"{activiteit.pk}/"),
        formulier(
            titel="Bakkie doen op het plein", datum=eerste.isoformat(), herhaling="tweewekelijks"
        ),
    )
    activiteit.refresh_from_db()
    assert activiteit.titel == "Bakkie doen"  # still as it was
    voorstel = Activiteitvoorstel.objects.get()
    bijwerken.afwijzen(voorstel)
    voorstel.refresh_from_db()
    assert voorstel.status == "afgewezen"
    bijwerken.overnemen(voorstel)  # a refused proposal cannot be taken over afterwards
    activiteit.refresh_from_db()
    assert activiteit.titel == "Bakkie doen"


def test_een_andere_organisatie_kan_deze_activiteit_niet_wijzigen(client, organisatie):
    activiteit = Activiteit.objects.create(
        titel="Van een ander",
        slug="van-een-ander",
        omschrijving="x",
        ontmoetplek="y",
        start=timezone.now() + datetime.timedelta(days=1),
        einde=timezone.now() + datetime.timedelta(days=1, hours=1),
    )
    activiteit.organisaties.set([OrganisatieFactory()])
    assert client.get(link(organisatie, f"{activiteit.pk}/")).status_code == 404
    assert client.post(link(organisatie, f"{activiteit.pk}/"), formulier()).status_code == 404
    assert not Activiteitvoorstel.objects.exists()


def test_fouten_in_het_formulier_in_gewone_taal(client, organisatie):
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    response = client.post(
        link(organisatie, "nieuw/"),
        formulier(ontmoetplek="", eindtijd="09:00", datum=gisteren.isoformat(), kosten="€ 2"),
    )
    assert response.status_code == 400
    tekst = response.content.decode()
    assert "Kies een adres of vul in waar het is." in tekst
    assert "De eindtijd moet na de begintijd liggen." in tekst
    assert "Deze datum is al voorbij." in tekst
    assert not Activiteitvoorstel.objects.exists()


def test_ongeldige_link_geeft_nette_pagina(client):
    response = client.get("/activiteiten/bijwerken/onzin/")
    assert response.status_code in (400, 403, 404, 410)
    assert "link" in response.content.decode().lower()


def test_eigen_adres_als_locatie_en_staff_neemt_over_in_het_beheer(client, organisatie):
    locatie = LocatieFactory(organisatie=organisatie, naam="Zonneburcht")
    client.post(
        link(organisatie, "nieuw/"),
        formulier(ontmoetplek="", locatie=str(locatie.pk), herhaling="eenmalig", capaciteit="20"),
    )
    voorstel = Activiteitvoorstel.objects.get()
    beheerder = GebruikerFactory(is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    assert (
        client.get(f"/admin/activiteiten/activiteitvoorstel/{voorstel.pk}/change/").status_code
        == 200
    )
    client.post(
        "/admin/activiteiten/activiteitvoorstel/",
        {"action": "overnemen", "_selected_action": [voorstel.pk]},
    )
    activiteit = Activiteit.objects.get()
    assert activiteit.locatie == locatie
    assert activiteit.capaciteit == 20
    assert activiteit.herhaling == ""
    assert activiteit.status == Activiteit.Status.GEPUBLICEERD


def test_redacteur_maakt_en_beoordeelt_activiteiten_in_het_beheer(client, organisatie):
    from netwerk.rollen import REDACTEUREN

    client.force_login(GebruikerFactory(is_staff=True, groepen=[REDACTEUREN]))
    assert client.get("/admin/activiteiten/activiteit/add/").status_code == 200
    activiteit = Activiteit.objects.create(
        titel="Ter beoordeling",
        slug="ter-beoordeling",
        omschrijving="x",
        ontmoetplek="y",
        start=timezone.now() + datetime.timedelta(days=1),
        einde=timezone.now() + datetime.timedelta(days=1, hours=1),
        herhaling="FREQ=WEEKLY",
        status=Activiteit.Status.TER_BEOORDELING,
    )
    pagina = client.get(f"/admin/activiteiten/activiteit/{activiteit.pk}/change/")
    assert pagina.status_code == 200
    client.post(
        "/admin/activiteiten/activiteit/",
        {"action": "publiceren", "_selected_action": [activiteit.pk]},
    )
    activiteit.refresh_from_db()
    assert activiteit.status == Activiteit.Status.GEPUBLICEERD
    assert client.get(f"/admin/activiteiten/activiteit/{activiteit.pk}/history/").status_code == 200


def test_uitkomst_gaat_in_de_taal_van_de_organisatie_ook_als_de_redactie_nederlands_werkt(
    client, organisatie, settings
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert (
        client.post(link(organisatie, "nieuw/"), formulier(titel="<b>Wandelen</b>")).status_code
        == 302
    )
    client.post(link(organisatie, "nieuw/"), formulier(titel="Koffie"))
    overnemen, afwijzen = Activiteitvoorstel.objects.order_by("pk")
    assert overnemen.taal == "en"

    with translation.override("nl"):
        activiteit = bijwerken.overnemen(overnemen)
        bijwerken.afwijzen(afwijzen)
    gepubliceerd, afgewezen = UitgaandeEmail.objects.order_by("pk")
    assert gepubliceerd.aan == "info@senioren.example.nl"
    assert gepubliceerd.onderwerp == "Your activity proposal has been reviewed: <b>Wandelen</b>"
    assert "It is now on the site" in gepubliceerd.tekst
    assert activiteit.get_absolute_url() in gepubliceerd.tekst
    assert "<b>Wandelen</b>" not in gepubliceerd.html
    assert "&lt;b&gt;Wandelen&lt;/b&gt;" in gepubliceerd.html
    assert "will not put it on the site" in afgewezen.tekst


def test_overgenomen_nieuwe_tijd_neemt_de_aanmeldingen_mee(client, organisatie):
    client.post(link(organisatie, "nieuw/"), formulier(capaciteit="5"))
    activiteit = bijwerken.overnemen(Activiteitvoorstel.objects.get())
    moment = momenten(activiteit, timezone.now(), timezone.now() + datetime.timedelta(days=8))[0]
    bijeenkomst = services.bijeenkomst_voor(moment)
    bijeenkomsten_services.aanmelden(bijeenkomst, naam="Anna", email="anna@example.nl")

    # The organisation moves it to 14:00 through its link; the redacteur takes that over.
    client.post(
        link(organisatie, f"{activiteit.pk}/"), formulier(begintijd="14:00", eindtijd="15:00")
    )
    bijwerken.overnemen(Activiteitvoorstel.objects.get(status="open"))
    bijeenkomst.refresh_from_db()
    assert timezone.localtime(bijeenkomst.start, AMSTERDAM).hour == 14
    assert bijeenkomst.aanmeldingen.get().status == "bevestigd"
