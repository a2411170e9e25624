"""E-mails to attendees: content, the .ics attachment, and the outbox that survives outages.

E-mails are sent by a real procrastinate worker (the ``werker`` fixture) against the test
database, as in production; the tests run with transactional_db so that it sees the data.
"""

import datetime
import smtplib

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from procrastinate.contrib.django.models import ProcrastinateJob
from procrastinate.exceptions import AlreadyEnqueued

from bijeenkomsten import services
from netwerk.email import MAX_POGINGEN, opnieuw_versturen
from netwerk.models import UitgaandeEmail
from tests.factories import BijeenkomstFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def bijeenkomst():
    return BijeenkomstFactory(titel="Samen doen", capaciteit=1, adres="Stadskantoor, Maassluis")


def aanmelden(bijeenkomst, email):
    return services.aanmelden(bijeenkomst, naam="Anna de Vries", email=email)


def test_bevestiging_met_ics_en_persoonlijke_link(bijeenkomst, werker):
    aanmelding = aanmelden(bijeenkomst, "anna@example.nl")
    assert mail.outbox == []  # nothing is sent in the request: the worker sends it
    werker()
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


def test_wachtlijst_mail_noemt_positie(bijeenkomst, werker):
    aanmelden(bijeenkomst, "a@example.nl")
    aanmelden(bijeenkomst, "b@example.nl")
    werker()
    bericht = next(m for m in mail.outbox if m.to == ["b@example.nl"])
    assert bericht.subject == "U staat op de wachtlijst: Samen doen"
    assert "op plaats 1" in bericht.body
    assert not bericht.attachments


def test_aanbod_en_annulering_worden_gemaild_en_aannemen_bevestigt(bijeenkomst, werker):
    a = aanmelden(bijeenkomst, "a@example.nl")
    b = aanmelden(bijeenkomst, "b@example.nl")
    werker()
    mail.outbox.clear()
    services.annuleren(a)
    werker()
    onderwerpen = {m.to[0]: m.subject for m in mail.outbox}
    assert onderwerpen == {
        "a@example.nl": "Aanmelding geannuleerd: Samen doen",
        "b@example.nl": "Er is een plaats voor u vrij: Samen doen",
    }
    aanbod = next(m for m in mail.outbox if m.to == ["b@example.nl"])
    assert f"/aanmelding/{b.token}/" in aanbod.body
    assert not aanbod.attachments  # no place yet, so nothing for the agenda
    mail.outbox.clear()
    services.aanbod_aannemen(b)
    werker()
    assert [m.subject for m in mail.outbox] == ["Aanmelding bevestigd: Samen doen"]
    assert mail.outbox[0].attachments[0][0] == "bijeenkomst.ics"


def test_bijeenkomst_geannuleerd_mailt_iedereen(bijeenkomst, werker):
    aanmelden(bijeenkomst, "a@example.nl")
    aanmelden(bijeenkomst, "b@example.nl")
    werker()
    mail.outbox.clear()
    services.bijeenkomst_annuleren(bijeenkomst)
    werker()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.nl", "b@example.nl"]
    assert all("Helaas gaat deze bijeenkomst niet door" in m.body for m in mail.outbox)


def test_teruggedraaide_aanmelding_stuurt_niets(bijeenkomst, werker):
    aanmelden(bijeenkomst, "a@example.nl")
    werker()
    mail.outbox.clear()
    with pytest.raises(services.AlAangemeld):
        services.aanmelden(bijeenkomst, naam="A", email="A@example.nl")
    werker()
    assert mail.outbox == []
    assert UitgaandeEmail.objects.count() == 1
    assert not ProcrastinateJob.objects.filter(status="todo").exists()


class KapotteMailserver:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, berichten):
        raise smtplib.SMTPServerDisconnected("verbinding verbroken")

    def open(self):
        pass

    def close(self):
        pass


def _maak_taken_nu_uitvoerbaar():
    """The retry is scheduled minutes ahead; bring it forward instead of waiting."""
    ProcrastinateJob.objects.filter(status="todo").update(scheduled_at=timezone.now())


def test_storing_van_de_mailserver_verliest_geen_aanmelding_en_wordt_opnieuw_geprobeerd(
    bijeenkomst, werker, settings
):
    settings.EMAIL_BACKEND = "tests.bijeenkomsten.test_emails.KapotteMailserver"
    aanmelding = aanmelden(bijeenkomst, "a@example.nl")
    werker()
    aanmelding.refresh_from_db()
    assert aanmelding.status == "bevestigd"
    email = UitgaandeEmail.objects.get()
    assert email.status == UitgaandeEmail.Status.WACHTEND
    assert email.pogingen == 1
    assert "SMTPServerDisconnected" in email.laatste_fout
    assert email.volgende_poging > timezone.now()
    # The next attempt waits in the queue, at the time the row shows.
    volgende = ProcrastinateJob.objects.get(status="todo", task_name__endswith="verstuur_email")
    assert abs((volgende.scheduled_at - email.volgende_poging).total_seconds()) < 1

    # Not due yet: a worker leaves it alone.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    werker()
    assert mail.outbox == []
    # Due: the retry sends it, once.
    _maak_taken_nu_uitvoerbaar()
    werker()
    email.refresh_from_db()
    assert email.status == UitgaandeEmail.Status.VERZONDEN
    assert len(mail.outbox) == 1 and mail.outbox[0].attachments
    _maak_taken_nu_uitvoerbaar()
    werker()
    assert len(mail.outbox) == 1


def test_na_te_veel_pogingen_definitief_mislukt_en_opnieuw_te_versturen(
    bijeenkomst, werker, settings
):
    settings.EMAIL_BACKEND = "tests.bijeenkomsten.test_emails.KapotteMailserver"
    aanmelden(bijeenkomst, "a@example.nl")
    for _ in range(MAX_POGINGEN + 2):
        _maak_taken_nu_uitvoerbaar()
        werker()
    email = UitgaandeEmail.objects.get()
    assert email.status == UitgaandeEmail.Status.MISLUKT
    assert email.pogingen == MAX_POGINGEN
    assert not ProcrastinateJob.objects.filter(status="todo").exists()

    # The beheerder's "opnieuw versturen" gives it a new series of attempts.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert opnieuw_versturen(UitgaandeEmail.objects.all()) == 1
    werker()
    email.refresh_from_db()
    assert email.status == UitgaandeEmail.Status.VERZONDEN
    assert len(mail.outbox) == 1


def test_verloren_taak_wordt_door_de_periodieke_taak_opnieuw_gepland(bijeenkomst, werker):
    aanmelden(bijeenkomst, "a@example.nl")
    ProcrastinateJob.objects.all().delete()  # the task is lost (say, a worker died)
    UitgaandeEmail.objects.update(volgende_poging=timezone.now() - datetime.timedelta(hours=1))
    from netwerk.tasks import herstel_outbox

    herstel_outbox.defer(timestamp=int(timezone.now().timestamp()))
    werker()
    werker()  # the sweep queued the e-mail; this run sends it
    assert [m.to for m in mail.outbox] == [["a@example.nl"]]


def test_herinnering_een_keer(werker, settings):
    from bijeenkomsten.tasks import verstuur_herinneringen

    settings.HERINNERING_DAGEN = 2
    morgen = BijeenkomstFactory(capaciteit=5, start=timezone.now() + datetime.timedelta(days=1))
    later = BijeenkomstFactory(capaciteit=5, start=timezone.now() + datetime.timedelta(days=10))
    aanmelden(morgen, "a@example.nl")
    aanmelden(later, "b@example.nl")
    geannuleerd = aanmelden(morgen, "c@example.nl")
    services.annuleren(geannuleerd)
    werker()
    mail.outbox.clear()
    # The periodic task is queued once however often it is asked (its queueing lock), and a
    # later run reminds nobody twice.
    verstuur_herinneringen.defer(timestamp=1)
    with pytest.raises(AlreadyEnqueued):
        verstuur_herinneringen.defer(timestamp=2)
    werker()
    verstuur_herinneringen.defer(timestamp=3)
    werker()
    assert [m.to[0] for m in mail.outbox] == ["a@example.nl"]
    assert mail.outbox[0].subject.startswith("Herinnering")
    call_command("verstuur_herinneringen", dagen=2, stdout=None)
    werker()
    assert len(mail.outbox) == 1


def test_titel_met_regeleinde_breekt_de_mail_niet(werker):
    bijeenkomst = BijeenkomstFactory(titel="Samen\ndoen", capaciteit=5)
    aanmelden(bijeenkomst, "a@example.nl")
    werker()
    assert UitgaandeEmail.objects.get().status == UitgaandeEmail.Status.VERZONDEN
    assert mail.outbox[0].subject == "Aanmelding bevestigd: Samen doen"
