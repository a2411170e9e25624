"""E-mails to attendees: content, the .ics attachment, and the outbox that survives outages."""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from bijeenkomsten import services
from netwerk.email import verstuur_wachtende
from netwerk.models import UitgaandeEmail
from tests.factories import BijeenkomstFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bijeenkomst():
    return BijeenkomstFactory(titel="Samen doen", capaciteit=1, adres="Stadskantoor, Maassluis")


def aanmelden(bijeenkomst, email, callbacks):
    with callbacks(execute=True):
        return services.aanmelden(bijeenkomst, naam="Anna de Vries", email=email)


def test_bevestiging_met_ics_en_persoonlijke_link(bijeenkomst, django_capture_on_commit_callbacks):
    aanmelding = aanmelden(bijeenkomst, "anna@example.nl", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 1
    bericht = mail.outbox[0]
    assert bericht.to == ["anna@example.nl"]
    assert bericht.subject == "Aanmelding bevestigd: Samen doen"
    assert "Beste Anna de Vries," in bericht.body
    assert f"/aanmelding/{aanmelding.token}/" in bericht.body
    html, soort = bericht.alternatives[0]
    assert soort == "text/html" and f"/aanmelding/{aanmelding.token}/" in html
    naam, inhoud, mime = bericht.attachments[0]
    assert (naam, mime) == ("bijeenkomst.ics", "text/calendar")
    event = Calendar.from_ical(inhoud).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Samen doen"
    assert event.decoded("DTSTART") == bijeenkomst.start.replace(microsecond=0)
    assert event.decoded("DTEND") == bijeenkomst.einde.replace(microsecond=0)
    assert "Stadskantoor" in str(event["LOCATION"])
    assert UitgaandeEmail.objects.get().status == UitgaandeEmail.Status.VERZONDEN


def test_wachtlijst_mail_noemt_positie(bijeenkomst, django_capture_on_commit_callbacks):
    aanmelden(bijeenkomst, "a@example.nl", django_capture_on_commit_callbacks)
    aanmelden(bijeenkomst, "b@example.nl", django_capture_on_commit_callbacks)
    bericht = mail.outbox[-1]
    assert bericht.subject == "U staat op de wachtlijst: Samen doen"
    assert "op plaats 1" in bericht.body
    assert not bericht.attachments


def test_promotie_en_annulering_worden_gemaild(bijeenkomst, django_capture_on_commit_callbacks):
    a = aanmelden(bijeenkomst, "a@example.nl", django_capture_on_commit_callbacks)
    aanmelden(bijeenkomst, "b@example.nl", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.annuleren(a)
    onderwerpen = {m.to[0]: m.subject for m in mail.outbox}
    assert onderwerpen == {
        "a@example.nl": "Aanmelding geannuleerd: Samen doen",
        "b@example.nl": "Er is een plaats voor u: Samen doen",
    }
    promotie = next(m for m in mail.outbox if m.to == ["b@example.nl"])
    assert promotie.attachments[0][0] == "bijeenkomst.ics"


def test_bijeenkomst_geannuleerd_mailt_iedereen(bijeenkomst, django_capture_on_commit_callbacks):
    aanmelden(bijeenkomst, "a@example.nl", django_capture_on_commit_callbacks)
    aanmelden(bijeenkomst, "b@example.nl", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.bijeenkomst_annuleren(bijeenkomst)
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.nl", "b@example.nl"]
    assert all("Helaas gaat deze bijeenkomst niet door" in m.body for m in mail.outbox)


def test_teruggedraaide_aanmelding_stuurt_niets(bijeenkomst, django_capture_on_commit_callbacks):
    aanmelden(bijeenkomst, "a@example.nl", django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(services.AlAangemeld):
        services.aanmelden(bijeenkomst, naam="A", email="A@example.nl")
    assert mail.outbox == []


class KapotteMailserver:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        raise smtplib.SMTPServerDisconnected("verbinding verbroken")

    def open(self):
        pass

    def close(self):
        pass


def test_storing_van_de_mailserver_verliest_geen_aanmelding_en_wordt_opnieuw_geprobeerd(
    bijeenkomst, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.bijeenkomsten.test_emails.KapotteMailserver"
    aanmelding = aanmelden(bijeenkomst, "a@example.nl", django_capture_on_commit_callbacks)
    aanmelding.refresh_from_db()
    assert aanmelding.status == "bevestigd"
    email = UitgaandeEmail.objects.get()
    assert email.status == UitgaandeEmail.Status.WACHTEND
    assert email.pogingen == 1
    assert "SMTPServerDisconnected" in email.laatste_fout
    assert email.volgende_poging > timezone.now()

    # Not due yet: nothing happens.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert verstuur_wachtende() == (0, 0)
    # Due: the retry sends it, once.
    UitgaandeEmail.objects.update(volgende_poging=timezone.now() - datetime.timedelta(seconds=1))
    call_command("verstuur_emails", stdout=None)
    email.refresh_from_db()
    assert email.status == UitgaandeEmail.Status.VERZONDEN
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments
    assert verstuur_wachtende() == (0, 0)


def test_na_te_veel_pogingen_definitief_mislukt(
    bijeenkomst, django_capture_on_commit_callbacks, settings
):
    settings.EMAIL_BACKEND = "tests.bijeenkomsten.test_emails.KapotteMailserver"
    aanmelden(bijeenkomst, "a@example.nl", django_capture_on_commit_callbacks)
    for _ in range(10):
        UitgaandeEmail.objects.update(
            volgende_poging=timezone.now() - datetime.timedelta(seconds=1)
        )
        verstuur_wachtende()
    email = UitgaandeEmail.objects.get()
    assert email.status == UitgaandeEmail.Status.MISLUKT
    assert email.pogingen == 8


def test_herinnering_een_keer(django_capture_on_commit_callbacks):
    morgen = BijeenkomstFactory(capaciteit=5, start=timezone.now() + datetime.timedelta(days=1))
    later = BijeenkomstFactory(capaciteit=5, start=timezone.now() + datetime.timedelta(days=10))
    aanmelden(morgen, "a@example.nl", django_capture_on_commit_callbacks)
    aanmelden(later, "b@example.nl", django_capture_on_commit_callbacks)
    geannuleerd = aanmelden(morgen, "c@example.nl", django_capture_on_commit_callbacks)
    services.annuleren(geannuleerd)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("verstuur_herinneringen", dagen=2, stdout=None)
    assert [m.to[0] for m in mail.outbox] == ["a@example.nl"]
    assert mail.outbox[0].subject.startswith("Herinnering")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("verstuur_herinneringen", dagen=2, stdout=None)
    assert len(mail.outbox) == 1
