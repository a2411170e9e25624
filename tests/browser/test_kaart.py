"""The map in Chromium: markers of every match, clustered; a keyboard reaches a marker and
opens its popup; hostile names stay text; no axe or CSP violation; and the page works without
its tiles and without JavaScript.

The tiles never load here: the tests run without network, and the fixture below makes every
tile request fail at once, as a tile server that is down would.
"""

import contextlib
import re

import pytest
from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from organisaties.models import Locatie, Organisatie
from organisaties.views import PER_PAGINA
from tests.browser.hulp import assert_geen_overtredingen, tab_tot
from tests.browser.test_csp import LUISTER_NAAR_OVERTREDINGEN, overtredingen
from tests.factories import LocatieFactory, OrganisatieFactory

pytestmark = pytest.mark.browser

KAART = reverse("organisaties:lijst") + "?weergave=kaart"
VIJANDIG = "<img src=x onerror=alert(1)> Kaartpunt"


@pytest.fixture
def bezoeker(context, site):
    """A visitor whose browser reports CSP violations and dialogs, and reaches no tile."""
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    page = context.new_page()
    page.tegels_mislukt = []
    page.dialogen = []
    context.route(
        re.compile(r"^https://service\.pdok\.nl/"),
        lambda route: (page.tegels_mislukt.append(route.request.url), route.abort()),
    )
    page.on("dialog", lambda d: (page.dialogen.append(d.message), d.dismiss()))
    return page


def geladen(page):
    """Wait until the map has its points: kaart.js then fills the status line."""
    expect(page.locator("#kaart-status")).not_to_be_empty()


# How many locations the map shows: single markers plus the counts of the clusters.
_PUNTEN = """(verwacht) => {
  let n = 0;
  document.querySelectorAll('#kaart .leaflet-marker-icon').forEach((el) => {
    n += el.classList.contains('marker-cluster')
      ? parseInt(el.querySelector('span').textContent, 10) : 1;
  });
  return verwacht == null ? n : n === verwacht;
}"""


def uitgefaded(page):
    """Until the open popup has faded in: axe measures contrast against what it sees."""
    page.wait_for_function(
        "() => [...document.querySelectorAll('.leaflet-popup')]"
        ".every((p) => getComputedStyle(p).opacity === '1')"
    )


def eerste_pagina():
    """How many cards the list's first page shows under the map."""
    return min(PER_PAGINA, Organisatie.objects.gepubliceerd().count())


def punten_op_de_kaart(page, verwacht):
    """Wait until the map shows `verwacht` locations (clusters animate for a moment), and
    return what it shows."""
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(_PUNTEN, arg=verwacht, timeout=5_000)
    return page.evaluate(_PUNTEN)


def test_kaart_toont_elk_adres_van_het_resultaat_geclusterd(bezoeker, site):
    bezoeker.goto(site + KAART)
    geladen(bezoeker)

    verwacht = Locatie.objects.filter(
        organisatie__in=Organisatie.objects.gepubliceerd(), latitude__isnull=False
    ).count()
    assert punten_op_de_kaart(bezoeker, verwacht) == verwacht
    assert bezoeker.locator("#kaart .marker-cluster").count() >= 1
    expect(bezoeker.locator("#kaart-status")).to_contain_text(f"{verwacht} adressen")
    # The list stays below the map, all of page one.
    expect(bezoeker.locator(".netwerk-kaartjes > li")).to_have_count(eerste_pagina())
    # No tile loaded, and the map still works.
    assert bezoeker.tegels_mislukt
    assert_geen_overtredingen(bezoeker)
    assert overtredingen(bezoeker) == []


def test_gefilterde_kaart_toont_alleen_de_treffers(bezoeker, site):
    bezoeker.goto(site + KAART + "&thema=mantelzorg")
    geladen(bezoeker)
    verwacht = Locatie.objects.filter(
        organisatie__in=Organisatie.objects.gepubliceerd(),
        organisatie__themas__slug="mantelzorg",
    ).count()
    assert 0 < punten_op_de_kaart(bezoeker, verwacht) == verwacht


def test_toetsenbord_opent_de_popup_van_een_marker_met_de_naam_als_tekst(bezoeker, site):
    organisatie = OrganisatieFactory(naam=VIJANDIG, slug="kaartpunt", telefoon="010 765 43 21")
    LocatieFactory(organisatie=organisatie, adres="Kaartstraat 5", postcode="3142 AB")

    bezoeker.goto(site + KAART + "&q=kaartpunt")
    geladen(bezoeker)
    bezoeker.get_by_role("link", name="Kaart", exact=True).focus()
    # The only image that takes the focus: the marker.
    tab_tot(bezoeker, lambda el: el["tag"] == "img")

    bezoeker.keyboard.press("Enter")

    popup = bezoeker.locator("#kaart .leaflet-popup-content")
    expect(popup).to_be_visible()
    expect(popup.get_by_role("link", name=VIJANDIG)).to_have_attribute(
        "href", "/organisaties/kaartpunt/"
    )
    expect(popup).to_contain_text("Kaartstraat 5, 3142 AB Maassluis")
    expect(popup.get_by_role("link", name="010 765 43 21")).to_have_attribute(
        "href", "tel:0107654321"
    )
    # The name stayed text: no element came out of it, and nothing ran.
    assert bezoeker.locator("#kaart img[src='x']").count() == 0
    assert bezoeker.dialogen == []
    # The popup took the focus, and Escape gives it back to the marker.
    expect(popup.get_by_role("link", name=VIJANDIG)).to_be_focused()
    bezoeker.keyboard.press("Escape")
    expect(popup).to_be_hidden()
    assert_geen_overtredingen(bezoeker)
    assert overtredingen(bezoeker) == []


def test_cluster_zoomt_in_met_enter(bezoeker, site):
    bezoeker.goto(site + KAART)
    geladen(bezoeker)
    clusters = bezoeker.locator("#kaart .marker-cluster")
    voor = clusters.count()
    alle = bezoeker.evaluate(_PUNTEN)
    bezoeker.get_by_role("link", name="Kaart", exact=True).focus()
    # Past the map itself (whose text holds every cluster's) to the first cluster.
    tab_tot(bezoeker, lambda el: el["id"] != "kaart" and "adressen" in el["tekst"])

    bezoeker.keyboard.press("Enter")

    # Zoomed in on that cluster: it falls apart into smaller clusters or single markers.
    expect(
        bezoeker.locator("#kaart .leaflet-marker-icon:not(.marker-cluster)").first
    ).to_be_visible()
    assert clusters.count() != voor or bezoeker.evaluate(_PUNTEN) < alle


def test_detailpagina_heeft_een_kaartje_van_de_adressen(bezoeker, site):
    organisatie = Organisatie.objects.get(slug="wijkteam-vraagraak")
    bezoeker.goto(site + organisatie.get_absolute_url())
    geladen(bezoeker)
    markers = bezoeker.locator("#kaart .leaflet-marker-icon")
    expect(markers).to_have_count(organisatie.locaties.count())
    markers.first.focus()
    bezoeker.keyboard.press("Enter")
    expect(bezoeker.locator("#kaart .leaflet-popup-content")).to_contain_text("Maassluis")
    uitgefaded(bezoeker)
    assert_geen_overtredingen(bezoeker)
    assert overtredingen(bezoeker) == []


def test_zonder_javascript_is_het_de_lijst_met_een_uitleg(browser, site):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    page.goto(site + KAART)
    expect(page.locator("#kaart")).to_contain_text("De kaart werkt alleen met JavaScript")
    expect(page.locator(".netwerk-kaartjes > li")).to_have_count(eerste_pagina())
    assert page.locator("#kaart .leaflet-marker-icon").count() == 0
    context.close()
