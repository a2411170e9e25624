"""Signing up for one time of an activity: the registration rules of bijeenkomsten, reused."""

import datetime

import pytest
from django.utils import timezone

from activiteiten.herhaling import AMSTERDAM, momenten
from activiteiten.models import Aanmeldmoment, Activiteit
from bijeenkomsten.models import Aanmelding
from tests.bijeenkomsten.test_gelijktijdig import Bezoeker
from tests.factories import OrganisatieFactory


def lunch(capaciteit=2, herhaling="FREQ=WEEKLY"):
    morgen = timezone.localtime(timezone.now(), AMSTERDAM).date() + datetime.timedelta(days=1)
    start = datetime.datetime(morgen.year, morgen.month, morgen.day, 12, tzinfo=AMSTERDAM)
    activiteit = Activiteit.objects.create(
        titel="Ontmoetingslunch",
        slug="ontmoetingslunch",
        omschrijving="Samen eten.",
        start=start,
        einde=start + datetime.timedelta(hours=1, minutes=30),
        herhaling=herhaling,
        capaciteit=capaciteit,
        status=Activiteit.Status.GEPUBLICEERD,
        ontmoetplek="Buurthuis",
    )
    activiteit.organisaties.set([OrganisatieFactory()])
    return activiteit


def eerste_keer_url(activiteit):
    nu = timezone.now()
    moment = momenten(activiteit, nu, nu + datetime.timedelta(days=30))[0]
    return f"/activiteiten/{activiteit.slug}/aanmelden/{moment.sleutel}/", moment


def gegevens(i):
    return {"naam": f"Inwoner {i}", "email": f"inwoner{i}@voorbeeld.nl", "privacy": "on"}


@pytest.mark.django_db
def test_aanmelden_voor_een_keer_met_wachtlijst_en_afmeldlink(client):
    activiteit = lunch(capaciteit=2)
    pad, moment = eerste_keer_url(activiteit)
    assert pad in client.get(activiteit.get_absolute_url()).content.decode()

    antwoorden = [client.post(pad, gegevens(i)) for i in range(3)]
    assert [a.status_code for a in antwoorden] == [302, 302, 302]
    aanmeldmoment = Aanmeldmoment.objects.get()
    assert aanmeldmoment.start == moment.start
    bijeenkomst = aanmeldmoment.bijeenkomst
    assert not bijeenkomst.in_agenda
    statussen = list(bijeenkomst.aanmeldingen.order_by("pk").values_list("status", flat=True))
    assert statussen == ["bevestigd", "bevestigd", "wachtlijst"]
    assert "vol: u komt op de wachtlijst" in client.get(pad).content.decode()

    # The same e-mail address twice for the same time: refused in Dutch.
    dubbel = client.post(pad, gegevens(0))
    assert dubbel.status_code == 409
    assert "al aangemeld" in dubbel.content.decode()

    # The personal link cancels; the place goes to the first on the waiting list.
    eerste = bijeenkomst.aanmeldingen.order_by("pk").first()
    pagina = client.get(antwoorden[0].url)
    assert pagina.status_code == 200
    assert "Ontmoetingslunch" in pagina.content.decode()
    # Residents get no list of professionals to meet: that belongs to network meetings.
    assert "Wie kunt u ontmoeten?" not in pagina.content.decode()
    client.post(eerste.get_absolute_url(), {"actie": "annuleren"})
    eerste.refresh_from_db()
    assert eerste.status == Aanmelding.Status.GEANNULEERD
    wachtende = bijeenkomst.aanmeldingen.get(email="inwoner2@voorbeeld.nl")
    assert wachtende.heeft_aanbod or wachtende.status == Aanmelding.Status.BEVESTIGD

    # Another time of the same activity has its own places.
    volgende = momenten(activiteit, moment.einde, moment.einde + datetime.timedelta(days=8))[0]
    tweede = client.post(
        f"/activiteiten/{activiteit.slug}/aanmelden/{volgende.sleutel}/", gegevens(0)
    )
    assert tweede.status_code == 302
    assert Aanmeldmoment.objects.count() == 2


@pytest.mark.django_db
def test_verborgen_bijeenkomst_staat_niet_bij_de_netwerkbijeenkomsten(client):
    activiteit = lunch()
    pad, _moment = eerste_keer_url(activiteit)
    client.post(pad, gegevens(1))
    assert "Ontmoetingslunch" not in client.get("/bijeenkomsten/").content.decode()
    assert b"Ontmoetingslunch" not in client.get("/bijeenkomsten/agenda.ics").content
    assert "Ontmoetingslunch" not in client.get("/").content.decode()


@pytest.mark.django_db
def test_wie_zich_aanmeldde_ziet_de_activiteit_niet_de_verborgen_bijeenkomst(client):
    activiteit = lunch()
    pad, _moment = eerste_keer_url(activiteit)
    response = client.post(pad, gegevens(1))
    aanmelding = Aanmelding.objects.get()
    # The personal page and the e-mails link to the activity; the hidden meeting's own page
    # (with the professionals' form) sends a resident there too.
    persoonlijk = client.get(aanmelding.get_absolute_url()).content.decode()
    assert activiteit.get_absolute_url() in persoonlijk
    verborgen = client.get(f"/bijeenkomsten/{aanmelding.bijeenkomst.slug}/")
    assert verborgen.status_code == 302
    assert verborgen["Location"] == activiteit.get_absolute_url()
    assert response.status_code == 302


@pytest.mark.django_db
def test_onbekende_keer_of_activiteit_zonder_aanmelden_geeft_404(client):
    activiteit = lunch()
    assert (
        client.get(f"/activiteiten/{activiteit.slug}/aanmelden/20000101T1200/").status_code == 404
    )
    assert client.get(f"/activiteiten/{activiteit.slug}/aanmelden/onzin/").status_code == 404
    activiteit.capaciteit = None
    activiteit.save()
    pad, _moment = eerste_keer_url(activiteit)
    assert client.get(pad).status_code == 404
    assert client.post(pad, gegevens(1)).status_code == 404
    assert not Aanmelding.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_gelijktijdig_aanmelden_voor_een_nieuwe_keer_overboekt_niet(settings, live_server):
    settings.AANMELDEN_LIMIET_PER_UUR = 100_000
    settings.AANMELDEN_RACE_VENSTER = 0.2
    settings.AANMELDEN_LOCK_TIMEOUT_MS = 30_000
    activiteit = lunch(capaciteit=3)
    pad, _moment = eerste_keer_url(activiteit)
    bezoeker = Bezoeker(live_server, pad)

    antwoorden = bezoeker.tegelijk([(pad, gegevens(i)) for i in range(8)])

    assert [a.status for a in antwoorden] == [302] * 8, antwoorden
    # One hidden meeting for the time, however many first sign-ups arrived at once.
    aanmeldmoment = Aanmeldmoment.objects.get()
    statussen = list(aanmeldmoment.bijeenkomst.aanmeldingen.values_list("status", flat=True))
    assert statussen.count("bevestigd") == 3
    assert statussen.count("wachtlijst") == 5
