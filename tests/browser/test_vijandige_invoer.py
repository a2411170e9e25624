"""In Chromium, pages full of script and markup payloads run none of them.

The same data as tests/test_vijandige_invoer.py. Most tests run with the
Content-Security-Policy switched off in the browser (bypass_csp): the policy would block an
injected script anyway, and these tests prove that the escaping alone already keeps it out.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.hulp import inloggen_als_beheerder
from tests.vijandige_gegevens import SCRIPT, maak_vijandige_gegevens

pytestmark = pytest.mark.browser

XSS_ORGANISATIE = "Xss<img src=x onerror=alert(1)>"
# Elements and attributes the payloads would create if they became markup.
INGESPOTEN = (
    "img[src='x'], svg[onload], [onerror], [onload]:not(body), a[href^='javascript' i], "
    "script:not([src]):not([type='application/ld+json'])"
)


@pytest.fixture
def gegevens(transactional_db):
    return maak_vijandige_gegevens()


@pytest.fixture
def site(live_server, gegevens):
    return live_server.url


def nieuwe_pagina(browser, met_csp=False):
    context = browser.new_context(locale="nl-NL", bypass_csp=not met_csp)
    context.set_default_timeout(10_000)
    pagina = context.new_page()
    pagina.dialogen = []
    pagina.on("dialog", lambda dialog: (pagina.dialogen.append(dialog.message), dialog.dismiss()))
    return pagina


@pytest.fixture
def bezoeker(browser):
    pagina = nieuwe_pagina(browser)
    yield pagina
    pagina.context.close()


@pytest.fixture
def beheerder(browser, site):
    pagina = nieuwe_pagina(browser)
    inloggen_als_beheerder(pagina.context, site)
    yield pagina
    pagina.context.close()


def ingespoten(pagina, pad):
    """What the payloads did on this page: dialogs and injected elements, as lines."""
    pagina.goto(pad)
    pagina.wait_for_load_state("load")
    pagina.wait_for_timeout(100)  # an image's onerror runs after its failed load
    elementen = pagina.eval_on_selector_all(
        INGESPOTEN, "els => els.map(el => el.outerHTML.slice(0, 120))"
    )
    gevonden = [f"{pad}: {element}" for element in elementen]
    gevonden += [f"{pad}: dialoog {bericht!r}" for bericht in pagina.dialogen]
    pagina.dialogen.clear()
    if SCRIPT not in pagina.locator("body").inner_text():
        gevonden.append(f"{pad}: de gegevens staan niet als tekst op de pagina")
    return gevonden


def test_publieke_paginas_voeren_geen_ingevoerde_opmaak_uit(bezoeker, site, gegevens):
    g = gegevens
    paden = [
        reverse("home"),
        reverse("organisaties:lijst") + f"?thema={g['thema'].slug}",
        g["organisatie"].get_absolute_url(),
        g["thema"].get_absolute_url(),
        g["wijk"].get_absolute_url(),
        reverse("bijeenkomsten:agenda"),
        g["bijeenkomst"].get_absolute_url(),
        reverse("bijeenkomsten:archief"),
        g["verleden"].get_absolute_url(),
        g["aanmelding"].get_absolute_url(),
        reverse("over"),
    ]
    gevonden = []
    for pad in paden:
        gevonden += ingespoten(bezoeker, site + pad)
    assert gevonden == []


def test_coordinatie_en_beheer_voeren_geen_ingevoerde_opmaak_uit(beheerder, site, gegevens):
    bijeenkomst, organisatie = gegevens["bijeenkomst"], gegevens["organisatie"]
    paden = [
        reverse(f"bijeenkomsten:{naam}", args=[bijeenkomst.slug])
        for naam in ("deelnemers", "downloaden", "netwerk", "deur")
    ]
    paden += [
        reverse("bijeenkomsten:presentielijst", args=[bijeenkomst.slug]) + "?bevestigd=ja",
        reverse("admin:organisaties_organisatie_changelist"),
        reverse("admin:organisaties_organisatie_change", args=[organisatie.pk]),
        reverse("admin:organisaties_wijzigingsvoorstel_changelist"),
        reverse("admin:bijeenkomsten_bijeenkomst_change", args=[bijeenkomst.pk]),
        reverse("admin:bijeenkomsten_aanmelding_changelist"),
        reverse("admin:bijeenkomsten_aanmelding_change", args=[gegevens["aanmelding"].pk]),
        reverse("admin:netwerk_uitgaandeemail_changelist"),
    ]
    gevonden = []
    for pad in paden:
        gevonden += ingespoten(beheerder, site + pad)
    # The admin's own scripts with the data: the autocomplete and the two-list choice.
    beheerder.goto(site + reverse("admin:bijeenkomsten_bijeenkomst_add"))
    beheerder.locator("#id_locatie + .select2 .select2-selection").click()
    beheerder.locator(".select2-search__field").press_sequentially("Locatie")
    expect(beheerder.locator(".select2-results__option").first).to_contain_text(SCRIPT)
    beheerder.locator("#id_themas_input").press_sequentially("Thema")
    beheerder.wait_for_timeout(200)
    gevonden += [f"select2: {e}" for e in beheerder.locator(INGESPOTEN).all()]
    gevonden += [f"select2: dialoog {b!r}" for b in beheerder.dialogen]
    assert gevonden == []


@pytest.mark.parametrize("met_csp", [False, True], ids=["zonder-csp", "met-csp"])
@pytest.mark.parametrize("pagina_van", ["bezoeker", "coordinator"])
def test_autocomplete_toont_organisatienaam_als_tekst(browser, site, gegevens, met_csp, pagina_van):
    """The stored XSS from the security review: typing "Xss" in the organisation field ran
    the script in an organisation's name, on the public form and on "namens aanmelden"."""
    pagina = nieuwe_pagina(browser, met_csp=met_csp)
    bijeenkomst = gegevens["bijeenkomst"]
    if pagina_van == "bezoeker":
        pad = bijeenkomst.get_absolute_url()
    else:
        inloggen_als_beheerder(pagina.context, site)
        pad = reverse("bijeenkomsten:deelnemers", args=[bijeenkomst.slug])
    pagina.goto(site + pad)
    pagina.get_by_role("combobox", name="Organisatie").press_sequentially("Xss")

    lijst = pagina.get_by_role("listbox")
    expect(lijst.get_by_role("option")).to_have_text([XSS_ORGANISATIE])
    pagina.wait_for_timeout(200)  # time for an image's onerror, had there been one
    assert lijst.locator("img").count() == 0
    assert pagina.locator(INGESPOTEN).count() == 0
    assert pagina.dialogen == []

    pagina.keyboard.press("Enter")  # chosen: the field holds the name as text
    expect(pagina.get_by_role("combobox", name="Organisatie")).to_have_value(XSS_ORGANISATIE)
    assert pagina.dialogen == []
    pagina.context.close()
