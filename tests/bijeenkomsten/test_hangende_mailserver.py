"""A mail server that accepts and never answers cannot slow down or break a request.

Web requests only write the outbox; the worker talks to the mail server. The tests point
Django's SMTP backend at a local socket that accepts connections and never answers, and show
that no request connects to it, while the worker does and keeps the e-mail for a retry.
"""

import pytest
from django.urls import reverse

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from netwerk.models import UitgaandeEmail
from netwerk.rollen import BEHEERDERS
from tests.factories import BijeenkomstFactory, GebruikerFactory
from tests.hangende_mailserver import HangendeMailserver

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mailserver(settings):
    server = HangendeMailserver()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.poort
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 1
    yield server
    server.stop()


def test_aanmelden_raakt_de_mailserver_niet(client, mailserver, werker):
    bijeenkomst = BijeenkomstFactory(slug="samen", capaciteit=10)
    response = client.post(
        reverse("bijeenkomsten:detail", args=["samen"]),
        {"naam": "Anna de Vries", "email": "anna@example.nl", "privacy": "on"},
    )
    assert response.status_code == 302
    aanmelding = Aanmelding.objects.get(bijeenkomst=bijeenkomst)
    assert response["Location"] == aanmelding.get_absolute_url()
    assert mailserver.aantal_verbindingen == 0
    assert UitgaandeEmail.objects.get().status == UitgaandeEmail.Status.WACHTEND

    # The worker does connect, waits at most EMAIL_TIMEOUT, and keeps the mail for later.
    werker()
    assert mailserver.aantal_verbindingen == 1
    email = UitgaandeEmail.objects.get()
    assert email.status == UitgaandeEmail.Status.WACHTEND
    assert email.pogingen == 1 and email.laatste_fout


def test_bijeenkomst_annuleren_in_admin_raakt_de_mailserver_niet(client, mailserver):
    bijeenkomst = BijeenkomstFactory(slug="groot", capaciteit=40)
    for i in range(30):
        services.aanmelden(bijeenkomst, naam=f"Deelnemer {i}", email=f"d{i}@example.nl")
    client.force_login(GebruikerFactory(groepen=[BEHEERDERS]))
    response = client.post(
        reverse("admin:bijeenkomsten_bijeenkomst_changelist"),
        {"action": "annuleer", "_selected_action": [bijeenkomst.pk]},
    )
    assert response.status_code == 302
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD
    assert mailserver.aantal_verbindingen == 0
    assert (
        UitgaandeEmail.objects.filter(onderwerp__startswith="Bijeenkomst gaat niet door").count()
        == 30
    )
