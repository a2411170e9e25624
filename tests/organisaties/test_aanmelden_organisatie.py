"""'Aanmelden als organisatie': a public form that creates a concept for the redactie."""

import pytest

from organisaties.models import Bron, Organisatie
from tests.factories import OrganisatieFactory, SoortFactory

pytestmark = pytest.mark.django_db

PAD = "/organisaties/aanmelden/"


@pytest.fixture
def soort():
    return SoortFactory(naam="Vrijwilligersorganisatie", slug="vrijwilligersorganisatie")


def gegevens(soort, **extra):
    return {
        "naam": "Repair Café Noord",
        "soort": str(soort.pk),
        "omschrijving": "Samen spullen repareren.",
        "email": "info@repaircafe.example.nl",
        "telefoon": "010 123 45 67",
        "website": "repaircafe.example.nl",
        "adres": "Hoogstraat 5",
        "postcode": "3142ea",
        "plaats": "Maassluis",
        "aanmelder_naam": "Fatima el Amrani",
        "aanmelder_email": "fatima@example.nl",
        "homepage": "",
        **extra,
    }


def test_de_lijst_verwijst_naar_het_formulier(client):
    html = client.get("/organisaties/").content.decode()
    assert f'href="{PAD}"' in html and "Meld uw organisatie aan" in html


def test_aanmelding_wordt_een_concept_met_locatie(client, soort):
    response = client.post(PAD, gegevens(soort))

    assert response.status_code == 302
    assert "Dank u wel voor uw aanmelding" in client.get(response["Location"]).content.decode()
    organisatie = Organisatie.objects.get()
    assert organisatie.status == Organisatie.Status.CONCEPT
    assert organisatie.bron == Bron.AANMELDFORMULIER
    assert organisatie.slug == "repair-cafe-noord"
    assert organisatie.contact_email == "fatima@example.nl"
    assert organisatie.aangemeld_door == "Fatima el Amrani"
    assert organisatie.website == "https://repaircafe.example.nl"
    locatie = organisatie.locaties.get()
    assert (locatie.adres, locatie.postcode, locatie.plaats) == (
        "Hoogstraat 5",
        "3142 EA",
        "Maassluis",
    )
    assert organisatie.history.first().history_change_reason == (
        "Aangemeld via het formulier op de site"
    )
    # A concept is not on the kaart.
    assert client.get(organisatie.get_absolute_url()).status_code == 404


def test_zonder_adres_geen_locatie(client, soort):
    data = gegevens(soort, adres="", postcode="", plaats="")
    assert client.post(PAD, data).status_code == 302
    assert not Organisatie.objects.get().locaties.exists()


def test_slug_is_uniek_en_nooit_een_eigen_pagina_van_de_site(client, soort):
    OrganisatieFactory(naam="Repair Café Noord", slug="repair-cafe-noord")
    client.post(PAD, gegevens(soort))
    client.post(PAD, gegevens(soort, naam="Aanmelden"))
    client.post(PAD, gegevens(soort, naam="!!!"))

    slugs = set(Organisatie.objects.values_list("slug", flat=True))
    assert {"repair-cafe-noord-2", "aanmelden-2", "organisatie"} <= slugs
    assert "aanmelden" not in slugs


def test_spam_in_de_honeypot_maakt_niets_aan(client, soort):
    response = client.post(PAD, gegevens(soort, homepage="http://spam.example"))
    assert response.status_code == 302  # a robot learns nothing
    assert not Organisatie.objects.exists()


def test_limiet_per_uur(client, soort, settings):
    settings.ORGANISATIE_AANMELDEN_LIMIET_PER_UUR = 2
    for nummer in range(2):
        assert client.post(PAD, gegevens(soort, naam=f"Club {nummer}")).status_code == 302

    response = client.post(PAD, gegevens(soort, naam="Nog een club"))

    assert response.status_code == 429
    html = response.content.decode()
    assert "Probeer het over een uur opnieuw." in html
    assert 'value="Nog een club"' in html
    assert Organisatie.objects.count() == 2


def test_foute_invoer_geeft_nederlandse_fouten_en_houdt_de_invoer(client, soort):
    response = client.post(
        PAD,
        gegevens(
            soort,
            naam="",
            telefoon="12",
            email="geen-adres",
            postcode="",
            aanmelder_naam="Kijk op www.spam.example",
            omschrijving="Mijn <b>omschrijving</b>",
        ),
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Het formulier is nog niet verstuurd." in html
    assert "Vul de naam van de organisatie in." in html
    assert "Dit telefoonnummer bestaat niet." in html
    assert "Vul een geldig e-mailadres in" in html
    assert "Vul het hele adres in" in html
    assert "Hier mag geen webadres staan" in html
    assert "Mijn &lt;b&gt;omschrijving&lt;/b&gt;" in html  # kept, and escaped
    assert 'value="Hoogstraat 5"' in html
    assert not Organisatie.objects.exists()


def test_onbekende_soort_en_lege_post_geven_geen_500(client, soort):
    assert client.post(PAD, {**gegevens(soort), "soort": "999999"}).status_code == 400
    assert client.post(PAD, {**gegevens(soort), "soort": "abc"}).status_code == 400
    assert client.post(PAD, {}).status_code == 400
    assert client.post(PAD, gegevens(soort, naam="x" * 5000)).status_code == 400
