"""After the retention period personal data goes; counts, organisations and attendance stay."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from bijeenkomsten.models import Aanmelding, Statuswijziging
from netwerk.models import SiteConfiguratie, UitgaandeEmail
from tests.factories import BijeenkomstFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def bijeenkomst_geleden(maanden):
    einde = timezone.now() - datetime.timedelta(days=int(maanden * 30.5))
    return BijeenkomstFactory(start=einde - datetime.timedelta(hours=3), einde=einde)


def aanmelding(bijeenkomst, email, **kwargs):
    return Aanmelding.objects.create(
        bijeenkomst=bijeenkomst,
        naam="Anna de Vries",
        email=email,
        functie="Consulent",
        dieetwensen="Halal",
        toegankelijkheidsbehoeften="Rolstoel",
        status=kwargs.pop("status", "aanwezig"),
        **kwargs,
    )


def test_anonimiseert_na_bewaartermijn_en_houdt_tellingen():
    organisatie = OrganisatieFactory(naam="Humanitas")
    oud = bijeenkomst_geleden(7)
    recent = bijeenkomst_geleden(5)
    a = aanmelding(oud, "anna@example.nl", organisatie=organisatie)
    b = aanmelding(oud, "bram@example.nl", status="geannuleerd", organisatie_naam="Buurtclub")
    c = aanmelding(recent, "chantal@example.nl")
    Statuswijziging.objects.create(
        aanmelding=a, van="bevestigd", naar="wachtlijst", reden="Anna vroeg het"
    )
    token = a.token

    call_command("anonimiseer_aanmeldingen", stdout=None)

    a.refresh_from_db()
    b.refresh_from_db()
    c.refresh_from_db()
    assert a.naam == "Geanonimiseerd" and "anna" not in a.email
    assert (a.functie, a.dieetwensen, a.toegankelijkheidsbehoeften) == ("", "", "")
    assert a.token != token and a.geanonimiseerd_op is not None
    assert (a.status, a.organisatie) == ("aanwezig", organisatie)
    assert b.organisatie_naam == "" and b.status == "geannuleerd"
    assert Statuswijziging.objects.get().reden == ""
    assert c.naam == "Anna de Vries"  # within the retention period
    assert oud.aanmeldingen.filter(status="aanwezig").count() == 1


def test_persoonlijke_link_werkt_niet_meer_na_anonimiseren(client):
    a = aanmelding(bijeenkomst_geleden(12), "anna@example.nl")
    url = a.get_absolute_url()
    call_command("anonimiseer_aanmeldingen", stdout=None)
    assert client.get(url).status_code == 404


def test_is_herhaalbaar_en_volgt_de_ingestelde_termijn():
    site = SiteConfiguratie.get_solo()
    site.bewaartermijn_maanden = 12
    site.save()
    oud = bijeenkomst_geleden(7)
    a = aanmelding(oud, "anna@example.nl")
    call_command("anonimiseer_aanmeldingen", stdout=None)
    a.refresh_from_db()
    assert a.naam == "Anna de Vries"
    site.bewaartermijn_maanden = 6
    site.save()
    call_command("anonimiseer_aanmeldingen", stdout=None)
    a.refresh_from_db()
    eerste = a.geanonimiseerd_op
    call_command("anonimiseer_aanmeldingen", stdout=None)
    a.refresh_from_db()
    assert a.geanonimiseerd_op == eerste


def test_verstuurde_mails_van_voor_de_termijn_worden_verwijderd():
    bijeenkomst_geleden(8)
    oud = UitgaandeEmail.objects.create(
        aan="anna@example.nl",
        onderwerp="x",
        tekst="Beste Anna",
        status="verzonden",
        aangemaakt=timezone.now() - datetime.timedelta(days=300),
    )
    nieuw = UitgaandeEmail.objects.create(
        aan="b@example.nl", onderwerp="y", tekst="Beste B", status="verzonden"
    )
    call_command("anonimiseer_aanmeldingen", stdout=None)
    assert not UitgaandeEmail.objects.filter(pk=oud.pk).exists()
    assert UitgaandeEmail.objects.filter(pk=nieuw.pk).exists()
