"""The import, export and history pages of the admin in Chromium: they keep to the
Content-Security-Policy (no inline style or script; the differences show through the site's
own CSS), and the import works with a real file chosen in the browser.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from organisaties.models import Organisatie
from tests.browser.hulp import inloggen_als_beheerder
from tests.browser.test_csp import LUISTER_NAAR_OVERTREDINGEN, controleer, overtredingen

pytestmark = pytest.mark.browser


@pytest.fixture
def beheerder(context, site):
    inloggen_als_beheerder(context, site)
    context.add_init_script(LUISTER_NAAR_OVERTREDINGEN)
    return context.new_page()


def test_import_in_de_browser_zonder_overtredingen(beheerder, site, tmp_path):
    organisatie = Organisatie.objects.filter(status="gepubliceerd").first()
    bestand = tmp_path / "kaart.csv"
    bestand.write_text(
        "slug;naam;soort;omschrijving\n"
        f"{organisatie.slug};{organisatie.naam} (nieuw);{organisatie.soort.naam};Anders.\n"
        f"nieuw-huis;Nieuw huis;{organisatie.soort.naam};Nieuw.\n",
        encoding="utf-8-sig",
    )
    page = beheerder
    fouten = controleer(page, site + reverse("admin:organisaties_organisatie_import"))
    page.get_by_label("Bestand").set_input_files(bestand)
    page.get_by_role("button", name="Bestand controleren").click()
    expect(page.get_by_role("heading", name="Controleer wat er verandert")).to_be_visible()
    ingevoegd = page.locator(".importeren-voorbeeld ins").first
    expect(ingevoegd).to_have_text(f"{organisatie.naam} (nieuw)")
    # The CSS marks the change: underlined, not only in the markup.
    assert "underline" in ingevoegd.evaluate("el => getComputedStyle(el).textDecorationLine")
    fouten += [f"proefimport: {fout}" for fout in overtredingen(page)]

    page.get_by_role("button", name="Importeren").click()
    expect(page.get_by_text("De import is klaar: 1 nieuw, 1 gewijzigd")).to_be_visible()
    fouten += [f"na import: {fout}" for fout in overtredingen(page)]
    assert Organisatie.objects.filter(slug="nieuw-huis").exists()

    for pad in (
        reverse("admin:organisaties_organisatie_export"),
        reverse("admin:organisaties_organisatie_history", args=[organisatie.pk]),
        reverse(
            "admin:organisaties_organisatie_simple_history",
            args=[organisatie.pk, organisatie.history.earliest().pk],
        ),
        reverse("admin:organisaties_aanbod_changelist"),
        reverse("admin:organisaties_locatie_import"),
    ):
        fouten += controleer(page, site + pad)
    assert not fouten, "\n".join(fouten)
