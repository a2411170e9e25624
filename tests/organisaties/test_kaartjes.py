"""Result cards are kept as HTML per organisation (organisaties.kaartjes): a page the page
cache misses renders no card again, yet a change shows at once, in both languages, and the
distance of a search never sticks to a kept card."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from organisaties.kaartjes import kaartjes
from organisaties.models import Organisatie
from tests.factories import OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db

LIJST = "/organisaties/"


def _engels(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_kaartje_toont_een_wijziging_van_de_organisatie_meteen_in_beide_talen(client):
    thema = ThemaFactory(naam="Eenzaamheid", naam_en="Loneliness", slug="eenzaamheid")
    organisatie = OrganisatieFactory(naam="Buurthuis Oud", themas=[thema])
    engels = _engels(type(client)())
    assert "Buurthuis Oud" in client.get(LIJST).content.decode()
    assert "Loneliness" in engels.get(LIJST).content.decode()

    organisatie.naam = "Buurthuis Nieuw"
    organisatie.save()
    for bezoeker in (client, engels):
        html = bezoeker.get(LIJST, {"a": "1"}).content.decode()
        assert "Buurthuis Nieuw" in html and "Buurthuis Oud" not in html

    thema.naam_en = "Being alone"
    thema.save()
    html = engels.get(LIJST, {"a": "2"}).content.decode()
    assert "Being alone" in html


def test_kaartjes_van_een_pagina_kosten_de_tweede_keer_geen_query():
    organisaties = [OrganisatieFactory(naam=f"Organisatie {i}") for i in range(3)]
    ids = [o.pk for o in organisaties]
    with translation.override("nl"):
        eerste = kaartjes(ids)
        with CaptureQueriesContext(connection) as context:
            tweede = kaartjes(ids)
    assert tweede == eerste
    # The tests' cache is a database table: only that is read.
    assert [q["sql"] for q in context.captured_queries if "netwerk_cache" not in q["sql"]] == []
    # In the order asked for.
    assert (
        eerste.index("Organisatie 0")
        < eerste.index("Organisatie 1")
        < eerste.index("Organisatie 2")
    )


def test_afstand_staat_niet_in_het_bewaarde_kaartje():
    organisatie = OrganisatieFactory(naam="Dichtbij")
    with translation.override("nl"):
        met = Organisatie.objects.voor_lijst().get(pk=organisatie.pk)
        met.afstand_tekst = "1,2 km"
        assert "Afstand: 1,2 km" in kaartjes([met])
        zonder = Organisatie.objects.voor_lijst().get(pk=organisatie.pk)
        html = kaartjes([zonder])
    assert "Dichtbij" in html
    assert "Afstand" not in html and "<!--afstand-->" not in html


def test_tekst_van_een_organisatie_kan_de_afstand_niet_nadoen():
    organisatie = OrganisatieFactory(naam="<!--afstand--><script>x</script>")
    with translation.override("nl"):
        object = Organisatie.objects.voor_lijst().get(pk=organisatie.pk)
        object.afstand_tekst = "3 km"
        html = kaartjes([object])
    assert "<script>x" not in html
    assert "&lt;!--afstand--&gt;&lt;script&gt;" in html
    assert html.count("Afstand: 3 km") == 1
