"""Every page keeps to the Content-Security-Policy: the header forbids inline script and
style, and the browser reports no violation, on public pages, coordinator pages and the admin.

A violation means a page depends on something the policy blocks (it then looks or works wrong),
and an inline script or style the policy would have to allow is a way in for injected markup.
"""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from organisaties.models import Organisatie, Thema, Wijk
from tests.browser.hulp import inloggen_als_beheerder

pytestmark = pytest.mark.browser

# Runs before any script of the page: keeps every violation the browser reports.
LUISTER_NAAR_OVERTREDINGEN = """
window.__cspOvertredingen = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspOvertredingen.push(
    `${e.effectiveDirective} blokkeerde ${e.blockedURI || "inline"} `
    + `(${e.sourceFile || "?"}:${e.lineNumber}) ${e.sample || ""}`
  );
}, true);
"""


@pytest.fixture
def beheerder(context, site):
    inloggen_als_beheerder(context, site)
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    return context.new_page()


@pytest.fixture
def bezoeker(context, site):
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    return context.new_page()


def overtredingen(page):
    page.wait_for_load_state("load")
    page.wait_for_timeout(50)  # reports are dispatched as a task after the blocked action
    return page.evaluate("window.__cspOvertredingen")


def controleer(page, url):
    """Open the page; return what is wrong with its policy, as lines (empty when fine)."""
    antwoord = page.goto(url)
    fouten = []
    if antwoord.status != 200:
        fouten.append(f"status {antwoord.status}")
    beleid = antwoord.headers.get("content-security-policy", "")
    if "script-src 'self'" not in beleid or "style-src 'self'" not in beleid:
        fouten.append(f"geen strikt beleid: {beleid!r}")
    if "unsafe-inline" in beleid:
        fouten.append(f"'unsafe-inline' in {beleid!r}")
    fouten += overtredingen(page)
    return [f"{url}: {fout}" for fout in fouten]


def open_voor_aanmelden():
    """The next meeting that has not begun: the demo also has one under way."""
    return Bijeenkomst.objects.gepubliceerd().filter(start__gt=timezone.now()).komend().first()


def publieke_paden():
    organisatie = Organisatie.objects.gepubliceerd().filter(locaties__isnull=False).first()
    bijeenkomst = open_voor_aanmelden()
    verleden = Bijeenkomst.objects.gepubliceerd().afgelopen().exclude(verslag="").first()
    aanmelding = Aanmelding.objects.filter(
        bijeenkomst=bijeenkomst, geanonimiseerd_op__isnull=True
    ).first()
    thema = Thema.objects.filter(organisaties__isnull=False).first()
    wijk = Wijk.objects.first()
    return [
        reverse("home"),
        reverse("organisaties:lijst"),
        reverse("organisaties:lijst") + f"?q=schulden&thema={thema.slug}&gratis=true",
        reverse("organisaties:lijst") + f"?wijk={wijk.slug}&sorteer=naam&pagina=2",
        organisatie.get_absolute_url(),
        thema.get_absolute_url(),
        wijk.get_absolute_url(),
        reverse("bijeenkomsten:agenda"),
        bijeenkomst.get_absolute_url(),
        reverse("bijeenkomsten:archief"),
        verleden.get_absolute_url(),
        aanmelding.get_absolute_url(),
        reverse("over"),
        reverse("privacy"),
        reverse("toegankelijkheid"),
    ]


def test_publieke_paginas_houden_zich_aan_het_beleid(bezoeker, site):
    fouten = []
    for pad in publieke_paden():
        fouten += controleer(bezoeker, site + pad)
    # The registration form with errors, and the organisation field's autocomplete open.
    bezoeker.goto(site + open_voor_aanmelden().get_absolute_url())
    bezoeker.get_by_role("combobox", name="Organisatie").press_sequentially("wijk")
    expect(bezoeker.get_by_role("option").first).to_be_visible()
    bezoeker.get_by_role("button", name="Aanmelden").click()
    expect(
        bezoeker.locator(".utrecht-form-field-error-message", has_text="Vul uw naam in.")
    ).to_be_visible()
    fouten += [f"aanmeldformulier: {fout}" for fout in overtredingen(bezoeker)]
    assert not fouten, "\n".join(fouten)


def test_coordinatiepaginas_houden_zich_aan_het_beleid(beheerder, site):
    slug = Bijeenkomst.objects.gepubliceerd().komend().first().slug
    paden = [reverse("bijeenkomsten:coordinatie"), reverse("bijeenkomsten:netwerk_totaal")]
    paden += [
        reverse(f"bijeenkomsten:{naam}", args=[slug])
        for naam in ("deelnemers", "deur", "downloaden", "netwerk")
    ]
    paden.append(reverse("bijeenkomsten:presentielijst", args=[slug]) + "?bevestigd=ja")
    fouten = []
    for pad in paden:
        fouten += controleer(beheerder, site + pad)
    # Check in someone at the door (of the demo meeting whose door is open now): the script
    # updates the page without reloading it.
    open_deur = next(
        b
        for b in Bijeenkomst.objects.gepubliceerd().komend()
        if services.reden_inchecken_gesloten(b) is None
    )
    beheerder.goto(site + reverse("bijeenkomsten:deur", args=[open_deur.slug]))
    rij_id = beheerder.locator(".deur-rij:not(.deur-rij--binnen)").first.get_attribute("id")
    beheerder.locator(f"#{rij_id} [data-deur-form] button").click()
    expect(beheerder.locator(f"#{rij_id}")).to_have_class(re.compile("deur-rij--binnen"))
    fouten += [f"deur: {fout}" for fout in overtredingen(beheerder)]
    assert not fouten, "\n".join(fouten)


def admin_paden():
    organisatie = Organisatie.objects.filter(aanbod__isnull=False, locaties__isnull=False).first()
    bijeenkomst = Bijeenkomst.objects.filter(programma__isnull=False).first()
    aanmelding = Aanmelding.objects.first()
    paden = [reverse("admin:index")]
    for model, obj in (
        ("organisaties_organisatie", organisatie),
        ("bijeenkomsten_bijeenkomst", bijeenkomst),
        ("bijeenkomsten_aanmelding", aanmelding),
    ):
        paden += [
            reverse(f"admin:{model}_changelist"),
            reverse(f"admin:{model}_change", args=[obj.pk]),
        ]
    organisaties = reverse("admin:organisaties_organisatie_changelist")
    bijeenkomsten = reverse("admin:bijeenkomsten_bijeenkomst_changelist")
    paden += [
        organisaties + "?status__exact=gepubliceerd&q=wijk",
        bijeenkomsten + f"?start__year={timezone.now().year}",
        reverse("admin:organisaties_organisatie_add"),
        reverse("admin:bijeenkomsten_bijeenkomst_add"),
        reverse("admin:organisaties_locatie_add"),
        reverse("admin:netwerk_siteconfiguratie_change"),
    ]
    return paden


def test_beheer_houdt_zich_aan_het_beleid(beheerder, site):
    fouten = []
    for pad in admin_paden():
        fouten += controleer(beheerder, site + pad)

    # The widgets of a new meeting at work: the slug filled from the title, the calendar,
    # the two-list choice of themes, the search of a location, an extra programme row.
    page = beheerder
    page.goto(site + reverse("admin:bijeenkomsten_bijeenkomst_add"))
    page.locator("#id_titel").press_sequentially("Netwerkcafé in de wijk")
    expect(page.locator("#id_slug")).to_have_value("netwerkcafe-in-de-wijk")
    page.locator("#calendarlink0").click()
    expect(page.locator("#calendarbox0")).to_be_visible()
    page.locator("#calendarbox0 .calendarnav-next").click()
    page.locator("#calendarbox0 td a").first.click()
    page.locator("#clocklink0").click()
    page.locator("#clockbox0 a").first.click()
    page.locator("#id_themas_from option").first.dblclick()
    expect(page.locator("#id_themas_to option")).to_have_count(1)
    page.locator("#id_themas_input").press_sequentially("zorg")
    page.locator("#id_locatie + .select2 .select2-selection").click()
    page.locator(".select2-search__field").fill("a")
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    page.locator("#programma-group .add-row a").click()
    expect(page.locator("#programma-group .dynamic-programma")).to_have_count(2)
    fouten += [f"nieuwe bijeenkomst: {fout}" for fout in overtredingen(page)]

    # An organisation: the inlines that are added and collapsed by script.
    page.goto(site + reverse("admin:organisaties_organisatie_add"))
    for groep in ("aanbod", "locaties"):
        page.locator(f"#{groep}-group .add-row a").click()
        expect(page.locator(f"#{groep}-group .dynamic-{groep}")).to_have_count(1)
    fouten += [f"nieuwe organisatie: {fout}" for fout in overtredingen(page)]
    assert not fouten, "\n".join(fouten)


def test_controle_een_inline_stijl_en_script_worden_gemeld(bezoeker, site):
    """The listener above does see violations: without this, the tests could pass blind."""
    bezoeker.goto(site + reverse("home"))
    bezoeker.evaluate(
        """() => {
        const blok = document.createElement("div");
        blok.innerHTML = '<p style="color: red">x</p><img src="x" onerror="window.geraakt = 1">';
        document.body.append(blok);
        const script = document.createElement("script");
        script.textContent = "window.geraakt = 2";
        document.body.append(script);
    }"""
    )
    bezoeker.wait_for_timeout(200)
    gemeld = overtredingen(bezoeker)
    assert any(regel.startswith("style-src") for regel in gemeld), gemeld
    assert sum(regel.startswith("script-src") for regel in gemeld) == 2, gemeld
    assert bezoeker.evaluate("window.geraakt") is None
