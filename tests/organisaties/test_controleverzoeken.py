"""The yearly request to confirm or update: who gets it, and nobody twice.

Run by a real procrastinate worker (the ``werker`` fixture), as in production; the tests run
with transactional_db so that the worker sees the data.
"""

import datetime
import threading
import time

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from netwerk.models import SiteConfiguratie, UitgaandeEmail
from organisaties import bijwerken
from organisaties.models import Organisatie
from organisaties.tasks import verstuur_controleverzoeken
from tests.factories import OrganisatieFactory

pytestmark = pytest.mark.django_db(transaction=True)


def dagen_geleden(dagen):
    return timezone.localdate() - datetime.timedelta(days=dagen)


@pytest.fixture
def organisaties():
    """Who is due and who is not, by name."""
    nu = timezone.now()
    maak = OrganisatieFactory
    return {
        "te lang geleden": maak(
            contact_email="a@example.nl", laatst_geverifieerd=dagen_geleden(400)
        ),
        "nooit gecontroleerd": maak(contact_email="b@example.nl", laatst_geverifieerd=None),
        "vorig jaar gevraagd": maak(
            contact_email="c@example.nl",
            laatst_geverifieerd=dagen_geleden(800),
            herinnering_verstuurd_op=nu - datetime.timedelta(days=400),
        ),
        "pas gevraagd": maak(
            contact_email="d@example.nl",
            laatst_geverifieerd=dagen_geleden(800),
            herinnering_verstuurd_op=nu - datetime.timedelta(days=60),
        ),
        "recent gecontroleerd": maak(
            contact_email="e@example.nl", laatst_geverifieerd=dagen_geleden(30)
        ),
        "zonder adres": maak(contact_email="", laatst_geverifieerd=None),
        "concept": maak(
            contact_email="f@example.nl",
            laatst_geverifieerd=None,
            status=Organisatie.Status.CONCEPT,
        ),
        "gearchiveerd": maak(
            contact_email="g@example.nl",
            laatst_geverifieerd=None,
            status=Organisatie.Status.GEARCHIVEERD,
        ),
    }


def test_taak_twee_keer_stuurt_ieder_een_keer(organisaties, werker):
    verstuur_controleverzoeken.defer(timestamp=int(time.time()))
    werker()
    verstuur_controleverzoeken.defer(timestamp=int(time.time()) + 86400)
    werker()

    ontvangers = sorted(m.to[0] for m in mail.outbox)
    assert ontvangers == ["a@example.nl", "b@example.nl", "c@example.nl"]
    bericht = next(m for m in mail.outbox if m.to == ["b@example.nl"])
    assert "Kloppen uw gegevens nog?" in bericht.subject
    assert "Eén keer per jaar" in bericht.body
    assert "/organisaties/bijwerken/" in bericht.body
    for naam in ("te lang geleden", "nooit gecontroleerd", "vorig jaar gevraagd"):
        organisaties[naam].refresh_from_db()
        assert organisaties[naam].herinnering_verstuurd_op > timezone.now() - datetime.timedelta(
            minutes=5
        )


def test_controletermijn_komt_uit_de_instellingen(organisaties):
    site = SiteConfiguratie.get_solo()
    site.controletermijn_maanden = 24
    site.save()

    bijwerken.verstuur_controleverzoeken()

    # 400 days ago is within 24 months now; never and 800 days ago are not.
    assert sorted(UitgaandeEmail.objects.values_list("aan", flat=True)) == [
        "b@example.nl",
        "c@example.nl",
    ]


def test_twee_gelijktijdige_runs_vragen_niemand_twee_keer(organisaties, monkeypatch):
    """The first run holds its rows while it writes (made slow here); the second, started
    meanwhile, skips the locked rows instead of asking the same organisations again."""
    echte = bijwerken._stuur_link

    def traag(*args, **kwargs):
        time.sleep(0.2)
        return echte(*args, **kwargs)

    monkeypatch.setattr(bijwerken, "_stuur_link", traag)
    # Cached before the runs: filling the (database) cache inside both transactions would
    # make the second wait for the first, hiding a missing lock.
    SiteConfiguratie.get_solo()
    resultaten = []

    def run():
        try:
            resultaten.append(bijwerken.verstuur_controleverzoeken())
        finally:
            connection.close()

    draden = [threading.Thread(target=run) for _ in range(2)]
    for draad in draden:
        draad.start()
        time.sleep(0.1)
    for draad in draden:
        draad.join()

    assert sorted(resultaten) == [0, 3]
    assert sorted(UitgaandeEmail.objects.values_list("aan", flat=True)) == [
        "a@example.nl",
        "b@example.nl",
        "c@example.nl",
    ]


def test_wie_bevestigt_valt_af_en_komt_een_jaar_niet_terug(organisaties, client):
    bijwerken.verstuur_controleverzoeken()
    organisatie = organisaties["nooit gecontroleerd"]
    organisatie.refresh_from_db()
    client.post(f"/organisaties/bijwerken/{bijwerken.maak_token(organisatie)}/")

    later = timezone.now() + datetime.timedelta(days=200)
    assert organisatie not in bijwerken.te_herinneren(later)
    assert bijwerken.verstuur_controleverzoeken(later) == 0
