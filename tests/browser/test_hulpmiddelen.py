"""Name badges, the table plan and the "wie kunt u ontmoeten" list in Chromium: axe-clean at
320 and 1280 px, the plan prints without its form, the personal link shows the list."""

import pytest

from bijeenkomsten.models import Aanmelding, Bijeenkomst
from bijeenkomsten.ontmoeten import ontmoetlijsten
from tests.browser.hulp import assert_geen_overtredingen, inloggen_als_beheerder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def bijeenkomst(site):
    # The demo's network meeting: organisations that share themes and never met before.
    bijeenkomst = Bijeenkomst.objects.get(slug="stedelijke-netwerkbijeenkomst-zaanstad")
    bijeenkomst.aanmeldingen.filter(status__in=Aanmelding.BEVESTIGDE_STATUSSEN).update(
        wil_ontmoeten=True
    )
    return bijeenkomst


@pytest.mark.parametrize("breedte", [320, 1280])
def test_nieuwe_paginas_zonder_axe_overtredingen(context, site, bijeenkomst, breedte):
    inloggen_als_beheerder(context, site)
    page = context.new_page()
    page.set_viewport_size({"width": breedte, "height": 900})
    basis = f"{site}/coordinatie/bijeenkomsten/{bijeenkomst.slug}"
    lijsten = ontmoetlijsten(bijeenkomst)
    met_lijst = Aanmelding.objects.get(pk=next(pk for pk, lijst in lijsten.items() if lijst))
    for url in [
        f"{basis}/naambadges/",
        f"{basis}/tafels/",
        f"{basis}/tafels/?grootte=4&rondes=2&seed=1",
        f"{basis}/tafels/?grootte=zes&rondes=9&seed=1",
        site + met_lijst.get_absolute_url(),
    ]:
        page.goto(url)
        assert_geen_overtredingen(page)
        breedst = page.evaluate("document.documentElement.scrollWidth")
        assert breedst <= breedte, f"{url} schuift opzij op {breedte} px"
    assert page.get_by_role("heading", name="Wie kunt u ontmoeten?").is_visible()


def test_tafelindeling_print_zonder_formulier(context, site, bijeenkomst):
    inloggen_als_beheerder(context, site)
    page = context.new_page()
    page.goto(f"{site}/coordinatie/bijeenkomsten/{bijeenkomst.slug}/tafels/?grootte=4&rondes=2")
    assert page.get_by_role("button", name="Afdrukken").is_visible()  # shown by the script
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Maak de indeling").is_visible()
    assert page.get_by_role("heading", name="Ronde 2").is_visible()
    assert page.get_by_role("heading", name="Tafel 1").first.is_visible()


def test_badges_downloaden(context, site, bijeenkomst):
    inloggen_als_beheerder(context, site)
    page = context.new_page()
    page.goto(f"{site}/coordinatie/bijeenkomsten/{bijeenkomst.slug}/naambadges/")
    page.get_by_label("Formaat").select_option("badge")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download de badges (PDF)").click()
    assert download.value.suggested_filename == f"badges-{bijeenkomst.slug}.pdf"
