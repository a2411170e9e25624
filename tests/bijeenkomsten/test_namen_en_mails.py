"""Names stay names, and e-mails carry nothing a visitor typed except their own name.

An e-mail goes to an address nobody confirmed: whoever registers can make the site mail any
address. So the only text of the visitor in it is their name, and a name is one line without
a web address: the site cannot be made to mail someone a link or a message under its name.
"""

import base64
import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from netwerk.models import UitgaandeEmail
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

MELDING_WEBADRES = "Hier mag geen webadres staan, zoals www.voorbeeld.nl. Haal het weg."
MELDING_REGELS = "Schrijf dit op één regel, zonder Enter of andere speciale tekens."

SLECHTE_NAMEN = [
    ("Win een prijs op http://voorbeeld.nl", MELDING_WEBADRES),
    ("Kijk op https:voorbeeld", MELDING_WEBADRES),
    ("www.voorbeeld.nl", MELDING_WEBADRES),
    ("Ga naar voorbeeld.nl", MELDING_WEBADRES),
    ("EXAMPLE.COM", MELDING_WEBADRES),
    ("ftp://bestand", MELDING_WEBADRES),
    ("javascript:alert(1)", MELDING_WEBADRES),
    ("jan@voorbeeld.nl", MELDING_WEBADRES),
    ("voorbeeld\uff0enl", MELDING_WEBADRES),  # a full-width dot
    ("Anna\nKlik hier: morgen gratis", MELDING_REGELS),
    ("Anna\r\nBcc: iemand", MELDING_REGELS),
    ("Anna\u2028de Vries", MELDING_REGELS),
]
GOEDE_NAMEN = [
    "Anna de Vries",
    "mr.dr. A. de Vries",
    "J.P. Balkenende",
    "Anne-Marie van 't Hof",
    "Zoë Özdemir",
    "Stichting 1.2.3",
]


@pytest.fixture
def bijeenkomst():
    return BijeenkomstFactory(titel="Samen doen", slug="samen", capaciteit=1)


def aanmeldgegevens(**anders):
    return {
        "naam": "Anna de Vries",
        "email": "anna@voorbeeld.nl",
        "organisatie_naam": "Buurthuis De Zaan",
        "functie": "Opbouwwerker",
        "privacy": "on",
        **anders,
    }


@pytest.mark.parametrize("veld", ["naam", "organisatie_naam", "functie"])
@pytest.mark.parametrize(("waarde", "melding"), SLECHTE_NAMEN)
def test_aanmeldformulier_weigert_webadres_en_meer_regels(
    client, bijeenkomst, veld, waarde, melding
):
    response = client.post(bijeenkomst.get_absolute_url(), aanmeldgegevens(**{veld: waarde}))
    assert response.status_code == 400
    assert response.context["form"].errors[veld] == [melding]
    assert melding in response.content.decode()
    assert not Aanmelding.objects.exists()


@pytest.mark.parametrize("naam", GOEDE_NAMEN)
def test_aanmeldformulier_accepteert_gewone_namen(client, bijeenkomst, naam):
    response = client.post(
        bijeenkomst.get_absolute_url(), aanmeldgegevens(naam=naam, organisatie_naam=naam)
    )
    assert response.status_code == 302
    assert Aanmelding.objects.get().naam == naam


def test_fout_in_de_naam_houdt_de_rest_van_het_formulier_vast(client, bijeenkomst):
    response = client.post(bijeenkomst.get_absolute_url(), aanmeldgegevens(naam="www.x.nl"))
    html = response.content.decode()
    assert 'value="www.x.nl"' in html
    assert 'value="anna@voorbeeld.nl"' in html and 'value="Opbouwwerker"' in html


@pytest.mark.parametrize(("waarde", "melding"), SLECHTE_NAMEN[:3] + SLECHTE_NAMEN[-3:])
def test_namens_aanmelden_weigert_webadres_en_meer_regels(client, bijeenkomst, waarde, melding):
    coordinator = GebruikerFactory(groepen=["Coördinator"])
    bijeenkomst.coordinatoren.add(coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug]),
        {"naam": waarde, "email": "piet@voorbeeld.nl"},
    )
    assert response.status_code == 400
    assert response.context["namens_form"].errors["naam"] == [melding]
    assert not Aanmelding.objects.exists()


@pytest.mark.parametrize(("waarde", "melding"), SLECHTE_NAMEN)
def test_melding_over_organisatie_weigert_webadres_in_de_naam(client, waarde, melding):
    organisatie = OrganisatieFactory()
    response = client.post(
        organisatie.get_absolute_url() + "melden/",
        {"toelichting": "Het adres klopt niet.", "naam": waarde},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["naam"] == [melding]
    assert not organisatie.wijzigingsvoorstellen.exists()


# The e-mails --------------------------------------------------------------------------------

GETYPT = {
    "organisatie_naam": "Getypte Organisatie Zonder Kaart",
    "functie": "Getypte Functie",
    "dieetwensen": "Getypt Dieet",
    "toegankelijkheidsbehoeften": "Getypte Toegankelijkheid",
}


def alle_emails(bijeenkomst):
    """Every kind of e-mail to attendees: confirmed, waiting list, cancelled, a place offered,
    an offer lapsed, promoted, reminded, meeting cancelled; each registration with everything
    filled in."""
    eerste = services.aanmelden(bijeenkomst, naam="Anna de Vries", email="a@voorbeeld.nl", **GETYPT)
    services.aanmelden(bijeenkomst, naam="Bram Jansen", email="b@voorbeeld.nl", **GETYPT)
    services.annuleren(eerste)  # Bram is offered the place ...
    services.verlopen_aanbiedingen(nu=timezone.now() + datetime.timedelta(days=3))  # ... lapsed
    services.aanmelden(bijeenkomst, naam="Chris Bakker", email="c@voorbeeld.nl", **GETYPT)
    weer = services.aanmelden(bijeenkomst, naam="Anna de Vries", email="a@voorbeeld.nl", **GETYPT)
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(capaciteit=2)
    services.verplaatsen(weer, "bevestigd", "Spreker", door=None)
    services.verstuur_herinneringen(dagen=60)
    services.bijeenkomst_annuleren(bijeenkomst)
    return list(UitgaandeEmail.objects.order_by("pk"))


def test_emails_bevatten_van_de_bezoeker_alleen_de_naam(bijeenkomst):
    emails = alle_emails(bijeenkomst)
    onderwerpen = sorted({email.onderwerp.split(":")[0] for email in emails})
    assert onderwerpen == [
        "Aanmelding bevestigd",
        "Aanmelding geannuleerd",
        "Bijeenkomst gaat niet door",
        "De plaats is doorgegeven",
        "Er is een plaats voor u",
        "Er is een plaats voor u vrij",
        "Herinnering",
        "U staat op de wachtlijst",
    ]
    namen = {"a@voorbeeld.nl": "Anna de Vries", "b@voorbeeld.nl": "Bram Jansen"}
    namen["c@voorbeeld.nl"] = "Chris Bakker"
    for email in emails:
        bijlagen = " ".join(base64.b64decode(b["inhoud"]).decode() for b in email.bijlagen)
        for deel in (email.onderwerp, email.tekst, email.html, bijlagen):
            for getypt in GETYPT.values():
                assert getypt not in deel, (email.onderwerp, email.aan)
        assert namen[email.aan] in email.tekst and namen[email.aan] in email.html
        andere = [naam for aan, naam in namen.items() if aan != email.aan]
        assert not any(naam in email.tekst + email.html for naam in andere)
