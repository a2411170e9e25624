"""E-mails for signing up for one time of an activity: they speak of the activity, follow
it when its time changes, and are written in the registrant's language.

A real procrastinate worker (``werker``) renders and sends them, so the tests run with
transactional_db.
"""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation
from icalendar import Calendar

from activiteiten import services
from activiteiten.herhaling import AMSTERDAM, momenten
from activiteiten.models import Aanmeldmoment, Activiteit
from bijeenkomsten import services as bijeenkomsten_services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from tests.factories import GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db(transaction=True)

VIJANDIG = '<script>alert("x")</script> Koffie & "taart"'


def wandelen(titel="Samen wandelen", capaciteit=1):
    morgen = timezone.localtime(timezone.now(), AMSTERDAM).date() + datetime.timedelta(days=2)
    start = datetime.datetime(morgen.year, morgen.month, morgen.day, 10, tzinfo=AMSTERDAM)
    activiteit = Activiteit.objects.create(
        titel=titel,
        slug="samen-wandelen",
        omschrijving="Een rondje door de wijk.",
        start=start,
        einde=start + datetime.timedelta(hours=1),
        herhaling="FREQ=WEEKLY",
        capaciteit=capaciteit,
        status=Activiteit.Status.GEPUBLICEERD,
        ontmoetplek="De bus op het Marktplein",
        hoe_meedoen="Meld u aan en kom op tijd.",
    )
    activiteit.organisaties.set([OrganisatieFactory()])
    return activiteit


def eerste_keer(activiteit):
    nu = timezone.now()
    return momenten(activiteit, nu, nu + datetime.timedelta(days=30))[0]


def aanmelden(activiteit, email, taal="nl"):
    bijeenkomst = services.bijeenkomst_voor(eerste_keer(activiteit))
    with translation.override(taal):
        return bijeenkomsten_services.aanmelden(bijeenkomst, naam="Anna", email=email)


def berichten_aan(email):
    return [b for b in mail.outbox if b.to == [email]]


def test_bevestiging_spreekt_over_de_activiteit_met_plek_en_link(werker):
    activiteit = wandelen()
    aanmelding = aanmelden(activiteit, "anna@example.nl")
    werker()
    [bericht] = mail.outbox
    assert bericht.subject == "Aanmelding bevestigd: Samen wandelen"
    assert "Activiteit: Samen wandelen" in bericht.body
    assert "Bijeenkomst" not in bericht.body and "bijeenkomst" not in bericht.body
    assert "Waar: De bus op het Marktplein" in bericht.body
    assert "Hoe doet u mee: Meld u aan en kom op tijd." in bericht.body
    assert f"/activiteiten/{activiteit.slug}/" in bericht.body
    assert f"/aanmelding/{aanmelding.token}/" in bericht.body
    moment = timezone.localtime(aanmelding.bijeenkomst.start)
    assert f"{moment:%H:%M} – 11:00" in bericht.body
    html, _soort = bericht.alternatives[0]
    assert "bijeenkomst" not in html.lower()
    event = Calendar.from_ical(bericht.attachments[0][1]).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Samen wandelen"
    assert str(event["LOCATION"]) == "De bus op het Marktplein"
    assert "Meld u aan" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(f"/activiteiten/{activiteit.slug}/")


def test_wachtlijst_mail_noemt_de_activiteit(werker):
    activiteit = wandelen(capaciteit=1)
    aanmelden(activiteit, "a@example.nl")
    aanmelden(activiteit, "b@example.nl")
    werker()
    [bericht] = berichten_aan("b@example.nl")
    assert "Deze keer is de activiteit vol" in bericht.body
    assert "bijeenkomst" not in bericht.body.lower()


def test_vijandige_titel_wordt_ontsmet_in_html_onderwerp_en_ics(werker):
    activiteit = wandelen(titel=VIJANDIG + "\nBcc: x@example.nl")
    aanmelden(activiteit, "anna@example.nl")
    werker()
    [bericht] = mail.outbox
    assert "\n" not in bericht.subject
    html, _soort = bericht.alternatives[0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    event = Calendar.from_ical(bericht.attachments[0][1]).walk("VEVENT")[0]
    assert "\n" not in str(event["SUMMARY"])
    assert "<script>" in str(event["SUMMARY"])  # plain text in a calendar, not HTML


def test_verschoven_tijd_gaat_mee_met_mail_in_de_taal_van_de_inwoner(werker):
    activiteit = wandelen(capaciteit=5)
    engels = aanmelden(activiteit, "anne@example.com", taal="en")
    nederlands = aanmelden(activiteit, "piet@example.nl")
    werker()
    mail.outbox.clear()

    # Staff, working in Dutch, move the activity an hour later.
    with translation.override("nl"):
        activiteit.start += datetime.timedelta(hours=1)
        activiteit.einde += datetime.timedelta(hours=1)
        activiteit.save()
        assert services.momenten_bijwerken(activiteit) == (1, 0)

    bijeenkomst = Bijeenkomst.objects.get(pk=engels.bijeenkomst_id)
    assert timezone.localtime(bijeenkomst.start, AMSTERDAM).hour == 11
    assert Aanmeldmoment.objects.get().start == bijeenkomst.start
    for aanmelding in (engels, nederlands):
        aanmelding.refresh_from_db()
        assert aanmelding.status == Aanmelding.Status.BEVESTIGD
    werker()
    [en] = berichten_aan("anne@example.com")
    assert en.subject == "New time: Samen wandelen"
    assert "The time has changed" in en.body and "11:00 – 12:00" in en.body
    assert "10:00" in en.body  # the old time, so they know what changed
    event = Calendar.from_ical(en.attachments[0][1]).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == bijeenkomst.start
    [nl] = berichten_aan("piet@example.nl")
    assert nl.subject == "Nieuwe tijd: Samen wandelen"

    # The sign-up page for the new time finds the same sign-ups: nothing was lost.
    assert services.bijeenkomst_voor(eerste_keer(activiteit)) == bijeenkomst
    # Saving again without a change sends nothing more.
    assert services.momenten_bijwerken(activiteit) == (0, 0)


def test_vervallen_keer_wordt_afgezegd_met_mail(werker):
    activiteit = wandelen(capaciteit=1)
    engels = aanmelden(activiteit, "anne@example.com", taal="en")
    wachtend = aanmelden(activiteit, "piet@example.nl")
    assert wachtend.status == Aanmelding.Status.WACHTLIJST
    werker()
    mail.outbox.clear()

    dag = timezone.localtime(engels.bijeenkomst.start, AMSTERDAM).date()
    activiteit.uitzonderingen = [dag]
    activiteit.save()
    assert services.momenten_bijwerken(activiteit) == (0, 1)

    engels.bijeenkomst.refresh_from_db()
    assert engels.bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD
    werker()
    [en] = berichten_aan("anne@example.com")
    assert en.subject == "Activity cancelled this time: Samen wandelen"
    assert "activity will not take place" in en.body
    [nl] = berichten_aan("piet@example.nl")
    assert nl.subject == "Activiteit gaat deze keer niet door: Samen wandelen"


def test_archiveren_zegt_de_komende_keren_af(werker):
    activiteit = wandelen()
    aanmelden(activiteit, "anna@example.nl")
    werker()
    mail.outbox.clear()
    services.archiveren(Activiteit.objects.filter(pk=activiteit.pk))
    werker()
    [bericht] = mail.outbox
    assert bericht.subject.startswith("Activiteit gaat deze keer niet door")


def test_coordinator_in_het_nederlands_engelse_inwoner_krijgt_engelse_mail(werker):
    activiteit = wandelen(capaciteit=1)
    aanmelden(activiteit, "a@example.nl")
    engels = aanmelden(activiteit, "anne@example.com", taal="en")
    werker()
    mail.outbox.clear()
    coordinator = GebruikerFactory()
    bijeenkomst = engels.bijeenkomst
    bijeenkomst.capaciteit = 2
    bijeenkomst.save()
    with translation.override("nl"):
        bijeenkomsten_services.verplaatsen(
            engels, Aanmelding.Status.BEVESTIGD, "Extra plek", coordinator
        )
    werker()
    [en] = berichten_aan("anne@example.com")
    assert en.subject == "There is a place for you: Samen wandelen"
    assert "Activity: Samen wandelen" in en.body


def test_keer_die_terugkomt_opent_leeg_zonder_oude_aanmeldingen_stil_terug_te_halen(werker):
    activiteit = wandelen(capaciteit=3)
    eerste = aanmelden(activiteit, "anna@example.nl")
    dag = timezone.localtime(eerste.bijeenkomst.start, AMSTERDAM).date()
    activiteit.uitzonderingen = [dag]
    activiteit.save()
    services.momenten_bijwerken(activiteit)
    eerste.refresh_from_db()
    assert eerste.status == Aanmelding.Status.GEANNULEERD

    # The exception was a mistake: the time is back and open for sign-up again.
    activiteit.uitzonderingen = []
    activiteit.save()
    opnieuw = aanmelden(activiteit, "anna@example.nl")
    assert opnieuw.bijeenkomst_id == eerste.bijeenkomst_id
    assert opnieuw.status == Aanmelding.Status.BEVESTIGD
    assert opnieuw.bijeenkomst.aanmeldingen.exclude(status="geannuleerd").count() == 1


def test_herinnering_spreekt_over_de_activiteit(werker):
    activiteit = wandelen()
    aanmelden(activiteit, "anna@example.nl", taal="en")
    werker()
    mail.outbox.clear()
    bijeenkomsten_services.verstuur_herinneringen(7)
    werker()
    [bericht] = mail.outbox
    assert bericht.subject == "Reminder: Samen wandelen"
    assert "the activity you registered for" in bericht.body
    assert "Activity: Samen wandelen" in bericht.body
