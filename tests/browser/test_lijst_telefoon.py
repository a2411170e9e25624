"""The organisation list on a phone (320 px), as a new resident uses it: results first,
filters that update the results where JavaScript runs and still work where it does not, an
error summary that takes the focus, no axe or CSP violations."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.hulp import actief, assert_geen_overtredingen, tab_tot
from tests.browser.test_csp import LUISTER_NAAR_OVERTREDINGEN, open_voor_aanmelden, overtredingen

pytestmark = pytest.mark.browser

LIJST = "/organisaties/"


@pytest.fixture
def telefoon(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 320, "height": 640})
    context.set_default_timeout(10_000)
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    yield context.new_page()
    context.close()


@pytest.fixture
def telefoon_zonder_js(browser):
    context = browser.new_context(
        locale="nl-NL", viewport={"width": 320, "height": 640}, java_script_enabled=False
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def query(page):
    return parse_qs(urlsplit(page.url).query)


def test_eerste_resultaat_staat_op_het_eerste_scherm(telefoon, site):
    telefoon.goto(site + LIJST)
    eerste = telefoon.locator(".netwerk-kaartje h3 a").first
    box = eerste.bounding_box()
    assert box["y"] + box["height"] <= 640, f"eerste resultaat begint op {box['y']}px"
    # The filters are folded away, and say so.
    expect(telefoon.locator("#filterpaneel")).not_to_have_attribute("open", "")
    expect(telefoon.locator("#f-thema-armoede-en-schulden")).to_be_hidden()


def test_van_zoekveld_naar_eerste_resultaat_in_een_paar_keer_tab(telefoon, site):
    telefoon.goto(site + LIJST + "?thema=armoede-en-schulden&wijk=centrum")
    expect(telefoon.locator("summary")).to_contain_text("(2")
    telefoon.locator("#id_q").focus()
    href = telefoon.locator(".netwerk-kaartje h3 a").first.get_attribute("href")
    # Search button, the filters toggle, two chips, "Alle filters weghalen", the result.
    tab_tot(telefoon, lambda el: el["href"] == href, max_stappen=10)


def test_aanvinken_werkt_de_resultaten_bij_zonder_versturen(telefoon, site):
    telefoon.goto(site + LIJST)
    kop = telefoon.locator("#resultaten-kop")
    voor = kop.inner_text()
    expect(telefoon.get_by_role("button", name="Filters toepassen")).to_be_hidden()
    telefoon.evaluate("window.__zelfdePagina = true")
    telefoon.locator("summary").click()
    vakje = telefoon.locator("#f-thema-mantelzorg")
    vakje.focus()
    telefoon.keyboard.press("Space")
    expect(telefoon).to_have_url(re.compile(r"[?&]thema=mantelzorg"))
    expect(kop).not_to_have_text(voor)
    assert telefoon.evaluate("window.__zelfdePagina === true"), "de pagina is opnieuw geladen"
    # The focus stayed on the checkbox, which is still ticked, and the toggle counts it.
    assert actief(telefoon)["id"] == "f-thema-mantelzorg"
    expect(telefoon.locator("#f-thema-mantelzorg")).to_be_checked()
    expect(telefoon.locator("summary")).to_contain_text("(1")
    # Every result is about mantelzorg; the chip to remove the filter is there.
    expect(telefoon.locator(".netwerk-chip")).to_contain_text("Mantelzorg")
    aantal = int(kop.inner_text().split()[0])
    assert 0 < aantal == telefoon.locator(".netwerk-kaartje").count()
    # Unticking brings every organisation back.
    telefoon.keyboard.press("Space")
    expect(kop).to_have_text(voor)
    assert "thema" not in query(telefoon)
    assert not overtredingen(telefoon)


def test_zonder_javascript_werkt_de_knop(telefoon_zonder_js, site):
    page = telefoon_zonder_js
    page.goto(site + LIJST)
    page.locator("summary").click()
    page.locator("label[for='f-thema-mantelzorg']").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Filters toepassen").click()
    assert query(page)["thema"] == ["mantelzorg"]
    expect(page.locator("summary")).to_contain_text("(1")


def test_breed_scherm_toont_de_filters_naast_de_resultaten(page, site):
    page.goto(site + LIJST)
    expect(page.locator("#filterpaneel")).to_have_attribute("open", "")
    expect(page.locator("#f-thema-mantelzorg")).to_be_visible()
    filters = page.locator("#filterpaneel").bounding_box()
    resultaat = page.locator(".netwerk-kaartje").first.bounding_box()
    assert filters["x"] < resultaat["x"] and abs(filters["y"] - resultaat["y"]) < 300


def test_foutoverzicht_krijgt_de_focus_en_linkt_naar_het_veld(telefoon, site):
    bijeenkomst = open_voor_aanmelden()
    telefoon.goto(site + bijeenkomst.get_absolute_url())
    telefoon.get_by_role("button", name="Aanmelden").click()
    telefoon.wait_for_load_state("load")
    overzicht = telefoon.locator("[data-foutoverzicht]")
    expect(overzicht).to_be_focused()
    expect(overzicht.get_by_role("link")).to_have_count(3)
    overzicht.get_by_role("link", name="Vul uw e-mailadres in.").click()
    expect(telefoon.locator("#id_email")).to_be_focused()
    kleur = telefoon.locator("#id_email_error").evaluate("el => getComputedStyle(el).color")
    assert kleur != telefoon.locator("#id_email_helptext").evaluate(
        "el => getComputedStyle(el).color"
    ), "de fout heeft dezelfde kleur als de uitleg"
    assert_geen_overtredingen(telefoon)
    assert not overtredingen(telefoon)


@pytest.mark.parametrize(
    "pad", [LIJST, LIJST + "?q=xqzzyvw", LIJST + "?thema=mantelzorg&gratis=true", "/privacy/"]
)
def test_paginas_op_een_telefoon_zonder_axe_overtredingen(telefoon, site, pad):
    telefoon.goto(site + pad)
    if telefoon.locator("summary").count():
        telefoon.locator("summary").click()
    assert_geen_overtredingen(telefoon)
    assert not overtredingen(telefoon)


def test_lettertypen_van_het_thema_komen_van_de_eigen_site(telefoon, site):
    telefoon.goto(site + LIJST)
    telefoon.evaluate("document.fonts.ready")
    geladen = telefoon.evaluate(
        "[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
    )
    assert any("Noto Serif" in f for f in geladen) and any("Noto Sans" in f for f in geladen)
