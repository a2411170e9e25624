"""An organisation's page keeps its content per organisation (organisaties.organisatiepagina):
a change elsewhere in the directory leaves it warm, and every change that the page shows
(its aanbod, locations, opening hours, the names of terms, the site settings) shows at once."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netwerk.models import SiteConfiguratie
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisatie():
    organisatie = OrganisatieFactory(naam="Minters Mantelzorg", slug="minters")
    locatie = LocatieFactory(organisatie=organisatie, naam="Minters Maassluis", adres="Lijnbaan 4")
    OpeningstijdFactory(locatie=locatie, dag=1, van="09:00", tot="17:00")
    AanbodFactory(organisatie=organisatie, naam="Steunpunt", doelgroepen=[DoelgroepFactory()])
    return organisatie


def _pagina(client, organisatie):
    antwoord = client.get(organisatie.get_absolute_url())
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def test_wijziging_elders_laat_de_pagina_bewaard(client, organisatie):
    _pagina(client, organisatie)
    OrganisatieFactory(naam="Een andere organisatie")  # bumps the content version
    with CaptureQueriesContext(connection) as context:
        html = _pagina(client, organisatie)
    assert "Steunpunt" in html and "Lijnbaan 4" in html
    # The tests' cache is a database table: left out.
    queries = [
        q["sql"]
        for q in context.captured_queries
        if q["sql"].startswith("SELECT") and "netwerk_cache" not in q["sql"]
    ]
    # Neither its aanbod nor its locations and opening hours are read again.
    for tabel in ("organisaties_aanbod", "organisaties_locatie", "organisaties_openingstijd"):
        assert not [q for q in queries if f'FROM "{tabel}"' in q], tabel
    assert len([q for q in queries if 'FROM "organisaties_organisatie"' in q]) == 1


def test_aanbod_wijzigen_toont_meteen(client, organisatie):
    assert "Steunpunt" in _pagina(client, organisatie)
    aanbod = organisatie.aanbod.get()
    aanbod.naam = "Inloopspreekuur"
    aanbod.save()
    html = _pagina(client, organisatie)
    assert "Inloopspreekuur" in html and "Steunpunt" not in html
    aanbod.delete()
    assert "Inloopspreekuur" not in _pagina(client, organisatie)


def test_locatie_en_openingstijd_wijzigen_toont_meteen(client, organisatie):
    assert "Lijnbaan 4" in _pagina(client, organisatie)
    locatie = organisatie.locaties.get()
    locatie.adres = "Markt 12"
    locatie.save()
    html = _pagina(client, organisatie)
    assert "Markt 12" in html and "Lijnbaan 4" not in html
    tijd = locatie.openingstijden.get()
    tijd.tot = "12:30"
    tijd.save()
    assert "09:00 – 12:30" in _pagina(client, organisatie)
    LocatieFactory(organisatie=organisatie, naam="Tweede plek", adres="Kade 1")
    assert "Kade 1" in _pagina(client, organisatie)


def test_term_hernoemen_toont_meteen_in_beide_talen(client, organisatie):
    thema = ThemaFactory(naam="Eenzaamheid", naam_en="Loneliness")
    organisatie.themas.add(thema)
    doelgroep = organisatie.aanbod.get().doelgroepen.get()
    assert "Eenzaamheid" in _pagina(client, organisatie)
    engels = type(client)()
    engels.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Loneliness" in _pagina(engels, organisatie)

    thema.naam = "Alleen zijn"
    thema.naam_en = "Being alone"
    thema.save()
    doelgroep.naam = "Jongeren"
    doelgroep.save()
    html = _pagina(client, organisatie)
    assert "Alleen zijn" in html and "Eenzaamheid" not in html and "Jongeren" in html
    assert "Being alone" in _pagina(engels, organisatie)
    thema.delete()
    assert "Alleen zijn" not in _pagina(client, organisatie)


def test_site_instelling_wijzigen_toont_meteen(client, organisatie):
    site = SiteConfiguratie.get_solo()
    assert f'data-zoom="{site.kaart_zoom}"' in _pagina(client, organisatie)
    site.kaart_zoom = 9
    site.save()
    assert 'data-zoom="9"' in _pagina(client, organisatie)


def test_organisatie_zelf_wijzigen_toont_meteen(client, organisatie):
    _pagina(client, organisatie)
    organisatie.omschrijving = "Nieuwe <b>tekst</b> over de organisatie."
    organisatie.save()
    html = _pagina(client, organisatie)
    assert "Nieuwe &lt;b&gt;tekst&lt;/b&gt; over de organisatie." in html
    assert '<meta name="description" content="Nieuwe &lt;b&gt;tekst' in html
