"""Home, theme, wijk and the static pages."""

import pytest
from django.urls import reverse

from netwerk.models import SiteConfiguratie
from organisaties.models import Organisatie
from tests.factories import OrganisatieFactory, ThemaFactory, WijkFactory

pytestmark = pytest.mark.django_db


def test_home_heeft_zoekveld_themategels_en_wijken(client, demodata):
    html = client.get("/").content.decode()
    assert "Waar zoekt u hulp bij?" in html
    assert 'action="/organisaties/"' in html and 'name="q"' in html
    assert 'href="/themas/mantelzorg/"' in html
    assert 'href="/wijken/centrum/"' in html
    assert "Hoe werkt deze sociale kaart?" in html


def test_demodata_wordt_als_demo_getoond(client, demodata):
    assert "Demonstratie:" in client.get("/").content.decode()


def test_themapagina_toont_alleen_gepubliceerde_organisaties_met_dat_thema(client):
    thema = ThemaFactory(naam="Mantelzorg", slug="mantelzorg", omschrijving="Steun bij zorg.")
    OrganisatieFactory(naam="Met thema", themas=[thema])
    OrganisatieFactory(naam="Concept", themas=[thema], status=Organisatie.Status.CONCEPT)
    OrganisatieFactory(naam="Zonder thema")
    response = client.get(reverse("organisaties:thema", args=["mantelzorg"]))
    html = response.content.decode()
    assert "Met thema" in html
    assert "Concept" not in html and "Zonder thema" not in html
    assert "Thema: Mantelzorg" in html and "Steun bij zorg." in html
    assert 'href="/organisaties/?thema=mantelzorg"' in html


def test_wijkpagina(client):
    wijk = WijkFactory(naam="Koningshoek", slug="koningshoek")
    OrganisatieFactory(naam="In de wijk", wijken=[wijk])
    response = client.get(reverse("organisaties:wijk", args=["koningshoek"]))
    assert "In de wijk" in response.content.decode()
    assert "Hulp in Koningshoek" in response.content.decode()


def test_onbekend_thema_of_wijk_is_404(client):
    assert client.get("/themas/bestaat-niet/").status_code == 404
    assert client.get("/wijken/bestaat-niet/").status_code == 404


@pytest.mark.parametrize(
    ("url", "veld", "standaard"),
    [
        ("/over/", "over_tekst", "Deze sociale kaart laat zien"),
        # The privacy statement's own sections stay; only its introduction is replaced.
        ("/privacy/", "privacy_tekst", "Wij gaan zorgvuldig om met uw gegevens"),
        ("/toegankelijkheid/", "toegankelijkheid_tekst", "ook met een schermlezer"),
    ],
)
def test_tekstpaginas_komen_uit_de_site_instellingen(client, url, veld, standaard):
    assert standaard in client.get(url).content.decode()
    site = SiteConfiguratie.get_solo()
    setattr(site, veld, "Tekst van de gemeente Zaanstad.")
    site.save()
    html = client.get(url).content.decode()
    assert "Tekst van de gemeente Zaanstad." in html
    assert standaard not in html


def test_kleur_en_naam_komen_uit_de_site_instellingen(client):
    site = SiteConfiguratie.get_solo()
    site.sitenaam = "Sociale kaart Zaanstad"
    site.primaire_kleur = "#00586B"
    site.save()
    html = client.get("/").content.decode()
    assert "Sociale kaart Zaanstad" in html
    assert f'href="{reverse("huisstijl")}?v=00586B"' in html  # the colour: tests/test_huisstijl.py


def test_pagina_heeft_skiplink_en_taal(client):
    html = client.get("/").content.decode()
    assert '<html lang="nl"' in html
    assert 'href="#inhoud"' in html and 'id="inhoud"' in html


def test_geen_externe_bronnen(client, demodata):
    for url in ["/", "/organisaties/", "/organisaties/wijkteam-vraagraak/"]:
        html = client.get(url).content.decode()
        for attribuut in ('src="http', 'href="//', 'src="//'):
            assert attribuut not in html
        assert 'rel="stylesheet" href="http' not in html
