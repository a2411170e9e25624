"""An organisation's page: what residents read, and the 'Klopt er iets niet?' form."""

import json
import re

import pytest
from django.urls import reverse

from organisaties.models import Organisatie, Wijzigingsvoorstel
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
)

pytestmark = pytest.mark.django_db


def detail_url(organisatie):
    return reverse("organisaties:detail", args=[organisatie.slug])


def melden_url(organisatie):
    return reverse("organisaties:melden", args=[organisatie.slug])


@pytest.fixture
def organisatie():
    organisatie = OrganisatieFactory(
        naam="Minters Mantelzorg",
        telefoon="010 123 45 12",
        email="mantelzorg@minters.nl",
        website="https://www.minters.nl",
    )
    locatie = LocatieFactory(
        organisatie=organisatie,
        naam="Minters Maassluis",
        adres="Lijnbaan 44",
        postcode="3142 AJ",
        rolstoeltoegankelijk=True,
        toegankelijkheid="Lift aanwezig.",
    )
    OpeningstijdFactory(locatie=locatie, dag=2, van="09:00", tot="12:30", opmerking="inloop")
    aanbod = AanbodFactory(
        organisatie=organisatie,
        naam="Respijtzorg",
        kosten="eigen_bijdrage",
        kosten_toelichting="€ 2,50 per dagdeel",
        hoe_aanmelden="Bel de mantelzorgconsulent.",
        doelgroepen=[DoelgroepFactory(naam="Mantelzorgers", slug="mantelzorgers")],
    )
    aanbod.locaties.set([locatie])
    return organisatie


def test_detail_toont_aanbod_contact_locatie_en_controle(client, organisatie):
    html = client.get(detail_url(organisatie)).content.decode()
    assert "<h1" in html and "Minters Mantelzorg" in html
    assert 'href="tel:0101234512"' in html
    assert 'href="mailto:mantelzorg@minters.nl"' in html
    assert "Respijtzorg" in html
    assert "Mantelzorgers" in html
    assert "Eigen bijdrage: € 2,50 per dagdeel" in html
    assert "Bel de mantelzorgconsulent." in html
    assert "Lijnbaan 44" in html and "3142 AJ" in html
    assert re.search(r"Dinsdag</th>\s*<td[^>]*>09:00 – 12:30 \(inloop\)", html)
    assert "Toegankelijk met een rolstoel." in html and "Lift aanwezig." in html
    assert "Laatst gecontroleerd op" in html


def test_detail_heeft_schema_org_json_ld(client, organisatie):
    html = client.get(detail_url(organisatie)).content.decode()
    blok = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(blok)
    assert data["@type"] == "Organization"
    assert data["name"] == "Minters Mantelzorg"
    assert data["telephone"] == "010 123 45 12"
    assert data["address"][0]["postalCode"] == "3142 AJ"


def test_json_ld_kan_het_script_niet_afbreken(client):
    organisatie = OrganisatieFactory(naam="</script><script>alert(1)</script>")
    html = client.get(detail_url(organisatie)).content.decode()
    assert "<script>alert(1)" not in html
    blok = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert json.loads(blok)["name"] == "</script><script>alert(1)</script>"


def test_detail_heeft_printstylesheet(client, organisatie):
    html = client.get(detail_url(organisatie)).content.decode()
    assert re.search(r'<link rel="stylesheet" href="[^"]*print\.css" media="print">', html)


def test_concept_is_404_en_gearchiveerd_is_410(client):
    concept = OrganisatieFactory(status=Organisatie.Status.CONCEPT)
    archief = OrganisatieFactory(naam="Oude club", status=Organisatie.Status.GEARCHIVEERD)
    assert client.get(detail_url(concept)).status_code == 404
    response = client.get(detail_url(archief))
    assert response.status_code == 410
    assert "staat niet meer op de sociale kaart" in response.content.decode()
    assert client.get("/organisaties/bestaat-niet/").status_code == 404


def test_melding_wordt_opgeslagen_en_bedankt(client, organisatie):
    response = client.post(
        melden_url(organisatie),
        {"toelichting": "Het telefoonnummer is veranderd.", "naam": "Anna", "email": "a@b.nl"},
        follow=True,
    )
    voorstel = Wijzigingsvoorstel.objects.get()
    assert voorstel.organisatie == organisatie
    assert voorstel.toelichting == "Het telefoonnummer is veranderd."
    assert voorstel.status == Wijzigingsvoorstel.Status.NIEUW
    assert "Bedankt voor uw melding" in response.content.decode()


def test_lege_melding_geeft_nederlandse_fout(client, organisatie):
    response = client.post(melden_url(organisatie), {"toelichting": "", "naam": "Anna"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Schrijf op wat er niet klopt." in html
    assert 'value="Anna"' in html  # what was typed stays
    assert Wijzigingsvoorstel.objects.count() == 0


def test_ongeldig_email_houdt_de_tekst_vast(client, organisatie):
    response = client.post(
        melden_url(organisatie), {"toelichting": "Adres klopt niet", "email": "geen-email"}
    )
    html = response.content.decode()
    assert "Vul een geldig e-mailadres in" in html
    assert "Adres klopt niet</textarea>" in html
    assert 'aria-invalid="true"' in html


def test_honeypot_slaat_niets_op_maar_verraadt_niets(client, organisatie):
    response = client.post(
        melden_url(organisatie),
        {"toelichting": "Koop nu!", "website": "http://spam.example"},
        follow=True,
    )
    assert "Bedankt voor uw melding" in response.content.decode()
    assert Wijzigingsvoorstel.objects.count() == 0


def test_te_veel_meldingen_van_een_adres_worden_geweigerd(client, organisatie, settings):
    settings.WIJZIGINGSVOORSTEL_LIMIET_PER_UUR = 2
    for _ in range(2):
        client.post(melden_url(organisatie), {"toelichting": "Fout"})
    response = client.post(melden_url(organisatie), {"toelichting": "Nog een fout"})
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert "Nog een fout</textarea>" in response.content.decode()
    assert Wijzigingsvoorstel.objects.count() == 2
    # Another address may still report.
    response = client.post(
        melden_url(organisatie), {"toelichting": "Andere melder"}, REMOTE_ADDR="10.0.0.9"
    )
    assert response.status_code == 302
    assert Wijzigingsvoorstel.objects.count() == 3


def test_te_lange_melding_geeft_foutmelding(client, organisatie):
    response = client.post(melden_url(organisatie), {"toelichting": "x" * 6000})
    assert response.status_code == 400
    assert "maximaal 5000 tekens" in response.content.decode()


# --- The detail page is cached; the report form has a page of its own ---------------------


def test_detail_heeft_geen_formulier_maar_een_link_naar_het_meldformulier(client, organisatie):
    html = client.get(detail_url(organisatie)).content.decode()
    # Only the language switch, which posts no token (netwerk.taal): nothing per visitor.
    assert html.count("<form") == 1 and 'action="/i18n/setlang/"' in html
    assert "csrfmiddlewaretoken" not in html
    assert f'href="{melden_url(organisatie)}"' in html
    assert "Klopt er iets niet? Geef het door" in html


def test_detail_komt_voor_anonieme_bezoekers_uit_de_cache_en_vervalt_bij_wijziging(
    client, organisatie
):
    assert client.get(detail_url(organisatie))["X-Cache"] == "miss"
    assert client.get(detail_url(organisatie))["X-Cache"] == "hit"
    organisatie.telefoon = "010 999 99 99"
    organisatie.save()
    response = client.get(detail_url(organisatie))
    assert response["X-Cache"] == "miss"
    assert "010 999 99 99" in response.content.decode()


def test_meldpagina_toont_het_formulier_en_wordt_niet_gecached(client, organisatie):
    response = client.get(melden_url(organisatie))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Klopt er iets niet bij Minters Mantelzorg?" in html
    assert 'name="toelichting"' in html and "csrfmiddlewaretoken" in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'href="{detail_url(organisatie)}"' in html
    assert "X-Cache" not in client.get(melden_url(organisatie))


def test_bedankt_staat_bij_de_organisatie_en_niet_in_de_cache(client, organisatie):
    client.get(detail_url(organisatie))  # the page is in the cache
    antwoord = client.post(melden_url(organisatie), {"toelichting": "Nieuw adres"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == detail_url(organisatie) + "#melden"
    eigen = client.get(antwoord["Location"])
    assert "Bedankt voor uw melding" in eigen.content.decode()
    assert "X-Cache" not in eigen
    anderen = type(client)()
    assert "Bedankt voor uw melding" not in anderen.get(detail_url(organisatie)).content.decode()


def test_melding_vanaf_een_oude_pagina_op_het_detailadres_komt_nog_aan(client, organisatie):
    """A page opened before the form moved posts to the organisation's own address."""
    antwoord = client.post(detail_url(organisatie), {"toelichting": "Oude pagina"})
    assert antwoord.status_code == 302
    assert Wijzigingsvoorstel.objects.get().toelichting == "Oude pagina"


def test_meldpagina_van_concept_en_gearchiveerde_organisatie(client):
    concept = OrganisatieFactory(status=Organisatie.Status.CONCEPT)
    archief = OrganisatieFactory(status=Organisatie.Status.GEARCHIVEERD)
    assert client.get(melden_url(concept)).status_code == 404
    assert client.post(melden_url(concept), {"toelichting": "x"}).status_code == 404
    assert client.get(melden_url(archief)).status_code == 410
    assert client.get("/organisaties/bestaat-niet/melden/").status_code == 404
    assert Wijzigingsvoorstel.objects.count() == 0
