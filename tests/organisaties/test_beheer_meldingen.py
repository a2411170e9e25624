"""A resident's report, reviewed beside the current record: accepted or rejected, and the
resident told the outcome without repeating anything they (or the redactie) wrote."""

import pytest
from django.urls import reverse
from django.utils import timezone

from netwerk.models import UitgaandeEmail
from netwerk.rollen import COORDINATOREN, REDACTEUREN
from organisaties.models import Controlebron, Wijzigingsvoorstel
from tests.beheerformulier import formulierdata
from tests.factories import (
    GebruikerFactory,
    LocatieFactory,
    OrganisatieFactory,
    WijzigingsvoorstelFactory,
)

pytestmark = pytest.mark.django_db

MELDINGEN = reverse("admin:organisaties_wijzigingsvoorstel_changelist")
VIJANDIG = '<script>alert("x")</script> Bel www.winnen.example nu!'


@pytest.fixture
def redacteur(client):
    gebruiker = GebruikerFactory(username="redacteur", groepen=[REDACTEUREN])
    client.force_login(gebruiker)
    return gebruiker


@pytest.fixture
def melding():
    organisatie = OrganisatieFactory(
        naam="Voedselbank Maassluis", telefoon="010 123 45 67", laatst_geverifieerd=None
    )
    LocatieFactory(organisatie=organisatie, naam="Uitgiftepunt")
    return WijzigingsvoorstelFactory(
        organisatie=organisatie,
        toelichting=VIJANDIG,
        naam="Piet <b>Spam</b>",
        email="piet@example.org",
    )


def beoordelen_url(melding):
    return reverse("admin:organisaties_wijzigingsvoorstel_beoordelen", args=[melding.pk])


def wijzig_url(melding):
    return (
        reverse("admin:organisaties_organisatie_change", args=[melding.organisatie_id])
        + f"?melding={melding.pk}"
    )


def vers(melding):
    melding.refresh_from_db()
    melding.organisatie.refresh_from_db()
    return melding


def mails():
    return list(UitgaandeEmail.objects.order_by("pk"))


def meldingen(antwoord):
    return [str(bericht) for bericht in antwoord.context["messages"]]


def assert_mail_zonder_tekst_van_anderen(mail, *teksten):
    assert mail.aan == "piet@example.org"
    assert "Voedselbank Maassluis" in mail.onderwerp
    for deel in (mail.tekst, mail.html):
        assert "Voedselbank Maassluis" in deel
        for tekst in ("script", "winnen", "Piet", "Spam", *teksten):
            assert tekst not in deel


def test_melding_staat_naast_de_huidige_gegevens_en_ontsnapt(client, redacteur, melding):
    antwoord = client.get(beoordelen_url(melding))
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html and "<script>alert" not in html
    )
    assert "Piet &lt;b&gt;Spam&lt;/b&gt;" in html
    # The current record beside it: contact details and locations.
    assert "010 123 45 67" in html and "Uitgiftepunt" in html
    assert f'href="{wijzig_url(melding)}"' in html.replace("&amp;", "&")


def test_aanpassen_en_opslaan_verwerkt_de_melding_en_controleert(client, redacteur, melding):
    formulier = client.get(wijzig_url(melding))
    assert "U verwerkt een melding van een inwoner" in formulier.content.decode()
    data = formulierdata(formulier)
    data["telefoon"] = "010 765 43 21"

    antwoord = client.post(wijzig_url(melding), data)

    assert antwoord.status_code == 302
    assert antwoord["Location"] == MELDINGEN + "?status__exact=nieuw"
    melding = vers(melding)
    assert melding.organisatie.telefoon == "010 765 43 21"
    assert melding.status == Wijzigingsvoorstel.Status.VERWERKT
    assert melding.beoordeeld_door == redacteur and melding.beoordeeld_op
    assert melding.organisatie.laatst_geverifieerd == timezone.localdate()
    assert melding.organisatie.gecontroleerd_door == Controlebron.REDACTIE
    [mail] = mails()
    assert_mail_zonder_tekst_van_anderen(mail)
    assert "verwerkt" in mail.onderwerp


def test_verwerkt_en_gecontroleerd_zonder_iets_aan_te_passen(client, redacteur, melding):
    antwoord = client.post(beoordelen_url(melding), {"verwerkt": "1"}, follow=True)
    assert meldingen(antwoord) == ["De melding is verwerkt en de organisatie is gecontroleerd."]
    melding = vers(melding)
    assert melding.status == Wijzigingsvoorstel.Status.VERWERKT
    assert melding.organisatie.laatst_geverifieerd == timezone.localdate()
    assert len(mails()) == 1


def test_afwijzen_vraagt_een_notitie_die_de_melder_niet_krijgt(client, redacteur, melding):
    leeg = client.post(beoordelen_url(melding), {"afwijzen": "1", "notitie": "  "})
    assert "Schrijf op waarom u de melding afwijst." in leeg.content.decode()
    assert vers(melding).status == Wijzigingsvoorstel.Status.NIEUW and not mails()

    notitie = "Gebeld met de voedselbank: vrijdag klopt nog. Melder vergist zich."
    client.post(beoordelen_url(melding), {"afwijzen": "1", "notitie": notitie})

    melding = vers(melding)
    assert melding.status == Wijzigingsvoorstel.Status.AFGEWEZEN
    assert melding.notitie == notitie
    assert melding.beoordeeld_door == redacteur and melding.beoordeeld_op
    assert melding.organisatie.laatst_geverifieerd is None  # rejecting checks nothing
    [mail] = mails()
    assert_mail_zonder_tekst_van_anderen(mail, "Gebeld", "vergist")


def test_melder_zonder_e_mailadres_krijgt_niets(client, redacteur, melding):
    Wijzigingsvoorstel.objects.filter(pk=melding.pk).update(email="")
    client.post(beoordelen_url(melding), {"verwerkt": "1"})
    assert vers(melding).status == Wijzigingsvoorstel.Status.VERWERKT
    assert not mails()


def test_een_melding_wordt_maar_een_keer_beoordeeld(client, redacteur, melding):
    client.post(beoordelen_url(melding), {"verwerkt": "1"}, follow=True)
    antwoord = client.post(
        beoordelen_url(melding), {"afwijzen": "1", "notitie": "Toch niet"}, follow=True
    )
    assert meldingen(antwoord) == ["Deze melding is al beoordeeld door iemand anders."]
    assert vers(melding).status == Wijzigingsvoorstel.Status.VERWERKT
    assert len(mails()) == 1
    # A handled report shows its outcome and offers no buttons.
    html = client.get(beoordelen_url(melding)).content.decode()
    assert 'name="verwerkt"' not in html and "Verwerkt" in html


def test_melding_van_een_andere_organisatie_verwerkt_niets(client, redacteur, melding):
    andere = OrganisatieFactory()
    url = reverse("admin:organisaties_organisatie_change", args=[andere.pk])
    formulier = client.get(f"{url}?melding={melding.pk}")
    assert "U verwerkt een melding" not in formulier.content.decode()
    client.post(f"{url}?melding={melding.pk}", formulierdata(formulier))
    assert vers(melding).status == Wijzigingsvoorstel.Status.NIEUW


def test_status_is_niet_los_te_wijzigen_in_de_lijst(client, redacteur, melding):
    lijst = client.get(MELDINGEN).content.decode()
    assert 'name="form-0-status"' not in lijst
    assert beoordelen_url(melding) in lijst
    assert client.get(reverse("admin:organisaties_wijzigingsvoorstel_add")).status_code == 403


def test_coordinator_mag_niet_beoordelen(client, melding):
    client.force_login(GebruikerFactory(username="coordinator", groepen=[COORDINATOREN]))
    assert client.get(beoordelen_url(melding)).status_code == 403
    assert client.post(beoordelen_url(melding), {"verwerkt": "1"}).status_code == 403
    assert vers(melding).status == Wijzigingsvoorstel.Status.NIEUW


@pytest.mark.parametrize("object_id", ["999999", "abc", "1%20OR%201=1"])
def test_onbekende_melding_geeft_geen_500(client, redacteur, object_id):
    url = reverse("admin:organisaties_wijzigingsvoorstel_changelist") + f"{object_id}/beoordelen/"
    assert client.get(url).status_code in (403, 404)
