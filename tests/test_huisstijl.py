"""The municipality's colour reaches every page through a stylesheet, not an inline style."""

import pytest
from django.urls import reverse

from netwerk.models import SiteConfiguratie

pytestmark = pytest.mark.django_db

EEN_JAAR = 365 * 24 * 3600


def kleur_wordt(kleur):
    site = SiteConfiguratie.get_solo()
    site.primaire_kleur = kleur
    site.save()


def stylesheet_van(client, pad):
    """The href of the colour's stylesheet on a page."""
    html = client.get(pad).content.decode()
    assert "<style" not in html
    begin = html.index(f'href="{reverse("huisstijl")}?v=') + len('href="')
    return html[begin : html.index('"', begin)]


def test_pagina_linkt_de_kleur_met_een_versie(client):
    kleur_wordt("#00586B")
    link = stylesheet_van(client, reverse("home"))
    assert link == reverse("huisstijl") + "?v=00586B"
    antwoord = client.get(link)
    assert antwoord["Content-Type"] == "text/css; charset=utf-8"
    assert antwoord.content.decode() == ":root { --netwerk-primaire-kleur: #00586B; }\n"


def test_stylesheet_met_de_huidige_versie_mag_een_jaar_bewaard_worden(client):
    kleur_wordt("#00586B")
    antwoord = client.get(reverse("huisstijl"), {"v": "00586B"})
    assert f"max-age={EEN_JAAR}" in antwoord["Cache-Control"]
    assert "public" in antwoord["Cache-Control"] and "immutable" in antwoord["Cache-Control"]
    assert "Cookie" not in antwoord.get("Vary", "")
    assert not antwoord.cookies


def test_nieuwe_kleur_is_meteen_zichtbaar_ook_op_bewaarde_paginas(client):
    kleur_wordt("#00586B")
    oude_link = stylesheet_van(client, reverse("over"))  # now in the page cache
    kleur_wordt("#8C1D40")
    nieuwe_link = stylesheet_van(client, reverse("over"))
    assert nieuwe_link != oude_link
    assert "#8C1D40" in client.get(nieuwe_link).content.decode()
    # Whoever still asks for the old version gets the new colour, kept only briefly.
    oud = client.get(oude_link)
    assert "#8C1D40" in oud.content.decode()
    assert "max-age=300" in oud["Cache-Control"]


def test_ongeldige_kleur_komt_niet_in_de_css(client):
    """The admin checks the colour; whatever else is stored never becomes CSS."""
    SiteConfiguratie.objects.update(primaire_kleur="red;}a{")
    SiteConfiguratie.clear_cache()
    css = client.get(reverse("huisstijl")).content.decode()
    assert css == ":root { --netwerk-primaire-kleur: #1D5C8C; }\n"
