"""The agenda "Wat is er te doen?": filters, days, distance, feeds and the other pages."""

import datetime
import json
import re

import pytest
from django.utils import timezone
from icalendar import Calendar

from activiteiten.herhaling import AMSTERDAM
from activiteiten.models import Activiteit, Campagne
from organisaties.models import Postcode
from tests.factories import (
    DoelgroepFactory,
    LocatieFactory,
    OrganisatieFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db

# A Wednesday morning; the tests that choose a day pretend it is now.
NU = datetime.datetime(2030, 6, 5, 9, 0, tzinfo=AMSTERDAM)


def om(dagen, uur, minuut=0, basis=None):
    d = (basis or NU).date() + datetime.timedelta(days=dagen)
    return datetime.datetime(d.year, d.month, d.day, uur, minuut, tzinfo=AMSTERDAM)


def maak(titel, start=None, einde=None, organisatie=None, status="gepubliceerd", **velden):
    themas = velden.pop("themas", [])
    doelgroepen = velden.pop("doelgroepen", [])
    slug = re.sub(r"[^a-z0-9]+", "-", titel.lower()).strip("-")[:50] or "activiteit"
    start = start or timezone.now() + datetime.timedelta(days=1)
    activiteit = Activiteit.objects.create(
        titel=titel,
        slug=slug,
        omschrijving=velden.pop("omschrijving", "Samen koffie drinken."),
        start=start,
        einde=einde or start + datetime.timedelta(hours=2),
        status=status,
        **velden,
    )
    activiteit.organisaties.set([organisatie or OrganisatieFactory()])
    activiteit.themas.set(themas)
    activiteit.doelgroepen.set(doelgroepen)
    return activiteit


def titels(response):
    return re.findall(
        r'netwerk-kaartje__titel"[^>]*><a[^>]*>([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def nu_is_woensdag(monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NU)


def test_gepubliceerde_activiteit_staat_in_de_agenda_concept_niet(client):
    maak("Bakkie doen")
    maak("Nog geheim", status="concept")
    maak("Wacht op beoordeling", status="ter_beoordeling")
    response = client.get("/activiteiten/")
    assert response.status_code == 200
    assert titels(response) == ["Bakkie doen"]
    assert client.get("/activiteiten/nog-geheim/").status_code == 404
    assert client.get("/activiteiten/wacht-op-beoordeling/").status_code == 404


def test_voorbije_keren_verdwijnen_vanzelf(client):
    nu = timezone.now()
    maak("Was gisteren", start=nu - datetime.timedelta(days=1))
    wekelijks = maak(
        "Elke week", start=nu - datetime.timedelta(days=14, hours=3), herhaling="FREQ=WEEKLY"
    )
    response = client.get("/activiteiten/")
    assert "Was gisteren" not in titels(response)
    assert titels(response).count("Elke week") == 8  # the next eight weeks, none of the past
    tijden = re.findall(r'<time datetime="([^"]+)">', response.content.decode())
    assert all(
        datetime.datetime.fromisoformat(t) > nu - datetime.timedelta(hours=2) for t in tijden
    )
    detail = client.get(wekelijks.get_absolute_url())
    assert "De komende keren" in detail.content.decode()
    assert (
        "Er staan nu geen nieuwe keren gepland."
        in client.get("/activiteiten/was-gisteren/").content.decode()
    )


def test_filter_op_wijk_ook_via_de_wijk_van_de_locatie(client):
    centrum, sluispolder = WijkFactory(slug="centrum"), WijkFactory(slug="sluispolder")
    maak("In het centrum", wijk=centrum)
    maak("In de locatie", locatie=LocatieFactory(wijk=centrum))
    maak("Elders", wijk=sluispolder)
    assert sorted(titels(client.get("/activiteiten/?wijk=centrum"))) == [
        "In de locatie",
        "In het centrum",
    ]
    # An unknown wijk is dropped, not an error.
    assert len(titels(client.get("/activiteiten/?wijk=bestaat-niet"))) == 3


def test_filter_op_thema_en_doelgroep(client):
    eenzaamheid, sport = ThemaFactory(slug="eenzaamheid"), ThemaFactory(slug="sport")
    ouderen, jeugd = DoelgroepFactory(slug="ouderen"), DoelgroepFactory(slug="jeugd")
    maak("Koffie", themas=[eenzaamheid], doelgroepen=[ouderen])
    maak("Voetbal", themas=[eenzaamheid, sport], doelgroepen=[ouderen, jeugd])
    maak("Huiswerk", doelgroepen=[jeugd])
    assert sorted(titels(client.get("/activiteiten/?thema=eenzaamheid"))) == ["Koffie", "Voetbal"]
    assert titels(client.get("/activiteiten/?thema=eenzaamheid&thema=sport")) == ["Voetbal"]
    assert sorted(titels(client.get("/activiteiten/?doelgroep=jeugd"))) == ["Huiswerk", "Voetbal"]


def test_filter_alleen_gratis(client):
    maak("Gratis koffie")
    maak("Walking football", is_gratis=False, kosten="€ 2")
    assert titels(client.get("/activiteiten/?gratis=true")) == ["Gratis koffie"]


def test_filter_op_dag_vandaag_deze_week_en_weekend(client, nu_is_woensdag):
    maak("Vandaag", start=om(0, 14))
    maak("Vrijdag", start=om(2, 10))
    maak("Zaterdag", start=om(3, 10))
    maak("Volgende week", start=om(6, 10))
    assert titels(client.get("/activiteiten/?dag=vandaag")) == ["Vandaag"]
    assert titels(client.get("/activiteiten/?dag=week")) == ["Vandaag", "Vrijdag", "Zaterdag"]
    assert titels(client.get("/activiteiten/?dag=weekend")) == ["Zaterdag"]
    assert titels(client.get("/activiteiten/")) == [
        "Vandaag",
        "Vrijdag",
        "Zaterdag",
        "Volgende week",
    ]
    response = client.get("/activiteiten/?dag=morgen")
    assert response.status_code == 200
    assert "Kies vandaag, deze week of dit weekend." in response.content.decode()


def test_filter_in_de_buurt_van_een_postcode(client):
    Postcode.objects.create(postcode="3142CA", latitude="51.914000", longitude="4.256000")
    maak("Dichtbij", locatie=LocatieFactory(latitude="51.915000", longitude="4.256000"))
    maak("Ver weg", locatie=LocatieFactory(latitude="52.100000", longitude="4.256000"))
    maak("Bij de bus", ontmoetplek="De bus op het Marktplein")
    response = client.get("/activiteiten/?postcode=3142+CA&afstand=1")
    assert titels(response) == ["Dichtbij"]
    assert "afstand: 110 m" in response.content.decode()
    # Without a distance every activity stays, with how far it is where that is known.
    assert len(titels(client.get("/activiteiten/?postcode=3142CA"))) == 3
    fout = client.get("/activiteiten/?postcode=onzin&afstand=1")
    assert fout.status_code == 200
    assert "Vul een postcode in zoals 3142" in fout.content.decode()
    assert len(titels(fout)) == 3


def test_ical_feed_volgt_de_filters_en_ontsnapt_vijandige_titels(client):
    wijk = WijkFactory(slug="centrum")
    maak("Kwaad\r\nBEGIN:VEVENT\r\nSUMMARY:nep; <b>x</b>, y", wijk=wijk, ontmoetplek="Plein\nX")
    maak("Elders")
    response = client.get("/activiteiten/agenda.ics?wijk=centrum")
    assert response["Content-Type"].startswith("text/calendar")
    kalender = Calendar.from_ical(response.content)
    events = list(kalender.walk("VEVENT"))
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == "Kwaad BEGIN:VEVENT SUMMARY:nep; <b>x</b>, y"
    assert str(events[0]["LOCATION"]) == "Plein X"
    # No line of the file starts a second event: the title could not break out.
    assert response.content.split(b"\r\n").count(b"BEGIN:VEVENT") == 1
    assert (
        len(list(Calendar.from_ical(client.get("/activiteiten/agenda.ics").content).walk("VEVENT")))
        == 2
    )


def test_json_ld_van_een_activiteit_is_ontsnapt_en_klopt(client):
    titel = '</script><script>alert("x")</script> & co'
    activiteit = maak(titel, ontmoetplek="De bus")
    html = client.get(activiteit.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    blok = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    data = json.loads(blok)
    assert data["@type"] == "Event"
    assert data["name"] == titel
    assert data["location"]["name"] == "De bus"
    assert data["organizer"][0]["@type"] == "Organization"


def test_organisatiepagina_toont_haar_activiteiten(client):
    organisatie = OrganisatieFactory(naam="Seniorenwelzijn")
    maak("Bakkie doen", organisatie=organisatie)
    maak("Van een ander")
    maak("Concept", organisatie=organisatie, status="concept")
    html = client.get(organisatie.get_absolute_url()).content.decode()
    assert "Bakkie doen" in html
    assert "Van een ander" not in html
    assert ">Concept<" not in html


def test_campagnepagina_toont_alleen_haar_activiteiten(client):
    week = Campagne.objects.create(naam="Week van de ontmoeting", slug="week-van-de-ontmoeting")
    maak("Kaartenactie", campagne=week)
    maak("Slotavond", campagne=week)
    maak("Los")
    response = client.get("/activiteiten/campagne/week-van-de-ontmoeting/")
    assert response.status_code == 200
    assert sorted(titels(response)) == ["Kaartenactie", "Slotavond"]
    assert client.get("/activiteiten/campagne/bestaat-niet/").status_code == 404


def test_demodata_vullen_de_agenda(client, demodata):
    response = client.get("/activiteiten/")
    gevonden = set(titels(response))
    assert {"Bakkie doen bij de bus", "Walking football", "Samen boodschappen doen"} <= gevonden
    campagne = client.get("/activiteiten/campagne/week-van-de-ontmoeting/")
    assert {"Kaartenactie: schrijf een kaartje", "Slotavond week van de ontmoeting"} <= set(
        titels(campagne)
    )


@pytest.mark.parametrize(
    "query",
    [
        "postcode=%00",
        "wijk=%00",
        "dag=%00",
        "pagina=%00",
        "afstand=%00",
        "gratis=%00",
        "thema=x" * 500,
    ],
)
def test_vijandige_zoekopdracht_geeft_nooit_een_fout(client, query):
    maak("Bakkie doen")
    response = client.get("/activiteiten/?" + query)
    assert response.status_code == 200
    assert client.get("/activiteiten/agenda.ics?" + query).status_code == 200
