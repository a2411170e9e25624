"""The list's filter groups, built in Python (organisaties/templatetags/filterpaneel.py):
what a resident ticks stays ticked, counts show, and a term's name is text, never markup."""

import pytest

from tests.factories import OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


def test_filtergroep_toont_aantallen_en_houdt_de_keuze_vast(client):
    schuld = ThemaFactory(naam="Schulden", slug="schulden")
    ThemaFactory(naam="Sport", slug="sport")  # no organisation: not shown
    OrganisatieFactory(themas=[schuld])
    OrganisatieFactory(themas=[schuld])
    html = client.get("/organisaties/", {"thema": "schulden"}).content.decode()
    assert (
        '<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" '
        'name="thema" value="schulden" id="f-thema-schulden" checked>'
    ) in html
    assert 'for="f-thema-schulden">Schulden <span class="netwerk-aantal">(2)</span>' in html
    assert 'value="sport"' not in html


def test_naam_van_een_term_is_tekst(client):
    thema = ThemaFactory(naam='<img src=x onerror="alert(1)">', slug="vreemd")
    OrganisatieFactory(themas=[thema])
    html = client.get("/organisaties/").content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
