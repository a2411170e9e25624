"""Public pages of meetings: agenda, archive, detail with the form, .ics, personal link."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst, Programmaonderdeel
from tests.factories import BijeenkomstFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def formulier(**extra):
    return {"naam": "Anna de Vries", "email": "anna@example.nl", "privacy": "on", **extra}


def test_agenda_toont_komende_en_archief_afgelopen(client):
    komend = BijeenkomstFactory(titel="Komend overleg")
    BijeenkomstFactory(titel="Concept overleg", status=Bijeenkomst.Status.CONCEPT)
    voorbij = BijeenkomstFactory(
        titel="Samen doen",
        start=timezone.now() - datetime.timedelta(days=300),
        einde=timezone.now() - datetime.timedelta(days=300) + datetime.timedelta(hours=3),
        verslag="Meer dan 80 professionals.",
    )
    agenda = client.get(reverse("bijeenkomsten:agenda")).content.decode()
    assert komend.titel in agenda and "Concept overleg" not in agenda and "Samen doen" not in agenda
    archief = client.get(reverse("bijeenkomsten:archief")).content.decode()
    assert "Samen doen" in archief and komend.titel not in archief
    detail = client.get(voorbij.get_absolute_url()).content.decode()
    assert "Meer dan 80 professionals." in detail
    assert 'id="aanmelden"' not in detail


def test_concept_is_niet_openbaar(client):
    concept = BijeenkomstFactory(status=Bijeenkomst.Status.CONCEPT)
    assert client.get(concept.get_absolute_url()).status_code == 404


def test_detail_toont_programma_plaats_en_plaatsen_over(client):
    bijeenkomst = BijeenkomstFactory(capaciteit=12, adres="Stadserf 1, Zaandam")
    Programmaonderdeel.objects.create(bijeenkomst=bijeenkomst, tijd="15:30", titel="Opening")
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert "nog 12 plaatsen" in html
    assert "15:30" in html and "Opening" in html
    assert "Stadserf 1, Zaandam" in html
    assert reverse("bijeenkomsten:ics", args=[bijeenkomst.slug]) in html


def test_vol_zegt_wachtlijst(client):
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    services.aanmelden(bijeenkomst, naam="A", email="a@x.nl")
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert "vol: u komt op de wachtlijst" in html


def test_vervolg_op_linkt_naar_eerdere_bijeenkomst(client):
    eerder = BijeenkomstFactory(titel="Samen sterk tegen armoede")
    later = BijeenkomstFactory(titel="Samen doen", vervolg_op=eerder)
    html = client.get(later.get_absolute_url()).content.decode()
    assert "Vervolg op" in html and eerder.get_absolute_url() in html


def test_aanmelden_via_formulier_en_persoonlijke_link(client):
    bijeenkomst = BijeenkomstFactory()
    organisatie = OrganisatieFactory(naam="Humanitas Maassluis")
    response = client.post(
        bijeenkomst.get_absolute_url(),
        formulier(organisatie=organisatie.pk, functie="Vrijwilliger"),
    )
    aanmelding = Aanmelding.objects.get()
    assert response.status_code == 302 and response["Location"] == aanmelding.get_absolute_url()
    assert aanmelding.organisatie == organisatie and aanmelding.functie == "Vrijwilliger"
    html = client.get(aanmelding.get_absolute_url()).content.decode()
    assert "u bent aangemeld" in html and "Humanitas Maassluis" in html


def test_formulierfouten_in_het_nederlands_en_invoer_blijft_staan(client):
    bijeenkomst = BijeenkomstFactory()
    response = client.post(
        bijeenkomst.get_absolute_url(),
        {"naam": "Anna", "email": "geen-adres", "dieetwensen": "vegetarisch"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in" in html
    assert "Geef toestemming om uw gegevens te gebruiken." in html
    assert 'value="Anna"' in html and 'value="vegetarisch"' in html
    assert not Aanmelding.objects.exists()


def test_tweede_keer_aanmelden_geeft_duidelijke_melding(client):
    bijeenkomst = BijeenkomstFactory()
    client.post(bijeenkomst.get_absolute_url(), formulier())
    response = client.post(bijeenkomst.get_absolute_url(), formulier(email="ANNA@example.nl"))
    assert response.status_code == 409
    assert "al aangemeld" in response.content.decode()
    assert Aanmelding.objects.count() == 1


def test_onbekende_organisatie_geeft_fout(client):
    bijeenkomst = BijeenkomstFactory()
    response = client.post(bijeenkomst.get_absolute_url(), formulier(organisatie="999999"))
    assert "Kies een organisatie uit de lijst." in response.content.decode()


def test_gesloten_bijeenkomst_toont_reden_en_weigert_post(client):
    bijeenkomst = BijeenkomstFactory(aanmelden_tot=timezone.now() - datetime.timedelta(hours=1))
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert "Aanmelden is gesloten." in html and 'name="email"' not in html
    response = client.post(bijeenkomst.get_absolute_url(), formulier())
    assert response.status_code == 409
    assert not Aanmelding.objects.exists()


def test_honeypot(client):
    bijeenkomst = BijeenkomstFactory()
    response = client.post(bijeenkomst.get_absolute_url(), formulier(website="spam"))
    assert response.status_code == 302
    assert not Aanmelding.objects.exists()


def test_limiet_per_ip(client, settings):
    settings.AANMELDEN_LIMIET_PER_UUR = 2
    bijeenkomst = BijeenkomstFactory(capaciteit=10)
    for i in range(2):
        client.post(bijeenkomst.get_absolute_url(), formulier(email=f"p{i}@x.nl"))
    response = client.post(bijeenkomst.get_absolute_url(), formulier(email="p9@x.nl"))
    assert response.status_code == 429
    assert Aanmelding.objects.count() == 2


def test_annuleren_via_persoonlijke_link_biedt_de_plaats_aan_de_wachtlijst_aan(client):
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    eerste = services.aanmelden(bijeenkomst, naam="A", email="a@x.nl")
    tweede = services.aanmelden(bijeenkomst, naam="B", email="b@x.nl")
    assert "op plaats 1" in client.get(tweede.get_absolute_url()).content.decode()
    response = client.post(eerste.get_absolute_url(), follow=True)
    assert "Deze aanmelding is geannuleerd." in response.content.decode()
    tweede.refresh_from_db()
    assert tweede.heeft_aanbod
    assert "Er is een plaats voor u vrij" in client.get(tweede.get_absolute_url()).text


def test_ics_download_en_feed(client):
    bijeenkomst = BijeenkomstFactory(titel="Samen doen")
    BijeenkomstFactory(titel="Geannuleerd overleg", status=Bijeenkomst.Status.GEANNULEERD)
    response = client.get(reverse("bijeenkomsten:ics", args=[bijeenkomst.slug]))
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Samen doen"
    feed = Calendar.from_ical(client.get(reverse("bijeenkomsten:ics_feed")).content)
    statussen = {str(e["SUMMARY"]): str(e["STATUS"]) for e in feed.walk("VEVENT")}
    assert statussen == {"Samen doen": "CONFIRMED", "Geannuleerd overleg": "CANCELLED"}


def test_formulier_werkt_zonder_javascript(client):
    OrganisatieFactory(naam="Voedselbank")
    bijeenkomst = BijeenkomstFactory()
    html = client.get(bijeenkomst.get_absolute_url()).content.decode()
    assert '<select name="organisatie"' in html and "Voedselbank" in html
    assert 'name="organisatie_naam"' in html


def test_demodata_bevat_de_bijeenkomsten_uit_de_bronnen(client, demodata):
    samen_doen = Bijeenkomst.objects.get(slug="samen-doen")
    assert samen_doen.vervolg_op.slug == "samen-sterk-tegen-armoede"
    assert samen_doen.is_afgelopen and samen_doen.verslag
    open_ = Bijeenkomst.objects.get(slug="stedelijke-netwerkbijeenkomst-zaanstad")
    assert open_.aanmelden_open()
    html = client.get(open_.get_absolute_url()).content.decode()
    assert 'name="email"' in html


def test_home_toont_komende_bijeenkomsten_en_vervalt_bij_wijziging(client):
    bijeenkomst = BijeenkomstFactory(titel="Stedelijke netwerkbijeenkomst")
    assert "Stedelijke netwerkbijeenkomst" in client.get("/").content.decode()
    bijeenkomst.titel = "Nieuwe titel"
    bijeenkomst.save()
    assert "Nieuwe titel" in client.get("/").content.decode()
