"""Links that add or take away a filter carry rel="nofollow": a crawler that follows them
walks endless combinations of filters, each a page nobody searches for."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from tests.factories import AanbodFactory, OrganisatieFactory, ThemaFactory, WijkFactory

pytestmark = pytest.mark.django_db
LIJST = reverse("organisaties:lijst")


class Links(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.links = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def links(response):
    return Links(response.content.decode()).links


@pytest.fixture
def bibliotheek(db):
    thema = ThemaFactory(naam="Taal", slug="taal")
    wijk = WijkFactory(naam="Centrum", slug="centrum")
    organisatie = OrganisatieFactory(naam="Bibliotheek", wijken=[wijk])
    AanbodFactory(organisatie=organisatie, themas=[thema])
    return organisatie


def test_chips_en_weergavelinks_van_de_lijst_volgt_een_zoekmachine_niet(client, bibliotheek):
    response = client.get(LIJST, {"q": "bibliotheek", "thema": "taal", "wijk": "centrum"})
    chips = [a for a in links(response) if a.get("class") == "netwerk-chip"]
    assert len(chips) == 3
    assert all(a.get("rel") == "nofollow" for a in chips)
    weergave = [a for a in links(response) if a.get("class") == "netwerk-weergave__keuze"]
    assert len(weergave) == 2
    assert all(a.get("rel") == "nofollow" for a in weergave)
    # The organisation's own page is a page to find: followed.
    kaartje = next(a for a in links(response) if a.get("href") == bibliotheek.get_absolute_url())
    assert "rel" not in kaartje


@pytest.mark.parametrize("pagina", ["organisaties:thema", "organisaties:wijk"])
def test_link_van_thema_of_wijk_naar_de_gefilterde_lijst_volgt_een_zoekmachine_niet(
    client, bibliotheek, pagina
):
    slug = "taal" if pagina == "organisaties:thema" else "centrum"
    response = client.get(reverse(pagina, args=[slug]))
    assert response.status_code == 200
    naar_lijst = [a for a in links(response) if a.get("href", "").startswith(LIJST + "?")]
    assert len(naar_lijst) == 1
    assert naar_lijst[0].get("rel") == "nofollow"
