"""The list ranks only the page it shows (organisaties.termindex, views.Resultaat): every
page, also the second and the last, holds exactly what ranking every match would put there,
and the counts, the search fallbacks and the map still cover every match."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisaties.filters import Zoekmodus
from organisaties.models import Organisatie
from organisaties.views import PER_PAGINA
from tests.factories import (
    AanbodFactory,
    LocatieFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def schuldhulp():
    """47 organisations about debts, three pages: some have the word in their name, some in
    what they offer, some only in their description, many rank the same (the name decides)."""
    soort = SoortFactory(naam="Stichting", slug="stichting")
    for i in range(47):
        if i % 5 == 0:
            naam, omschrijving, aanbod = f"Schuldhulp {i:02d}", "Hulp bij geld.", "Budgetcursus"
        elif i % 5 == 1:
            naam, omschrijving, aanbod = f"Buurthuis {i:02d}", "Een plek.", "Schuldhulpmaatje"
        elif i % 5 == 2:
            naam, omschrijving = f"Adviespunt {i:02d}", "Wij helpen bij schulden en schuld."
            aanbod = "Spreekuur"
        else:
            naam, omschrijving, aanbod = f"Steunpunt {i:02d}", "Hulp bij schulden.", "Inloop"
        organisatie = OrganisatieFactory(naam=naam, omschrijving=omschrijving, soort=soort)
        AanbodFactory(organisatie=organisatie, naam=aanbod)
        LocatieFactory(organisatie=organisatie)
    OrganisatieFactory(naam="Bibliotheek", omschrijving="Boeken lenen.", soort=soort)


def volledig_gerangschikt(tekst, alle_woorden=True):
    """Every match ranked and sorted at once: the order the pages must follow."""
    return list(
        Organisatie.objects.gepubliceerd()
        .zoek(tekst, alle_woorden=alle_woorden)
        .order_by("-relevantie", "naam", "pk")
        .values_list("naam", flat=True)
    )


def pagina(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context


def kaartnamen(response):
    assert response.status_code == 200
    return re.findall(r"Geldloket \d\d", response.content.decode())


def namen_op(context):
    return [o.naam for o in context["pagina"].object_list]


@pytest.mark.parametrize("nummer", [1, 2, 3])
def test_elke_pagina_volgt_de_volledige_rangschikking(client, schuldhulp, nummer):
    alle = volledig_gerangschikt("schuld")
    assert len(alle) == 47
    context = pagina(client, f"/organisaties/?q=schuld&pagina={nummer}")
    verwacht = alle[(nummer - 1) * PER_PAGINA : nummer * PER_PAGINA]
    assert namen_op(context) == verwacht
    assert context["pagina"].paginator.num_pages == 3
    assert context["facetten"].totaal == 47


def test_de_pagina_grens_splitst_een_gelijke_rang_op_naam(client, schuldhulp):
    """Rows 20 and 21 have the same rank: the name decides, on both pages the same way."""
    alle = volledig_gerangschikt("schuld")
    een = namen_op(pagina(client, "/organisaties/?q=schuld&pagina=1"))
    twee = namen_op(pagina(client, "/organisaties/?q=schuld&pagina=2"))
    drie = namen_op(pagina(client, "/organisaties/?q=schuld&pagina=3"))
    assert een + twee + drie == alle
    assert len(set(een + twee + drie)) == 47


def test_sorteren_op_naam_over_de_laatste_pagina(client, schuldhulp):
    alle = sorted(volledig_gerangschikt("schuld"))
    drie = namen_op(pagina(client, "/organisaties/?q=schuld&sorteer=naam&pagina=3"))
    assert drie == alle[40:]
    zonder_woord = namen_op(pagina(client, "/organisaties/?pagina=3"))
    assert zonder_woord == sorted([*alle, "Bibliotheek"])[40:]


def test_een_pagina_voorbij_het_einde_toont_de_laatste(client, schuldhulp):
    context = pagina(client, "/organisaties/?q=schuld&pagina=99")
    assert namen_op(context) == volledig_gerangschikt("schuld")[40:]


def test_de_pagina_rangschikt_alleen_haar_eigen_rijen(client, schuldhulp):
    """A word is ranked once per version (organisaties.termindex); another page of it asks
    the database for no ranking at all."""
    with CaptureQueriesContext(connection) as queries:
        pagina(client, "/organisaties/?q=schuld&pagina=1")
    assert len([q for q in queries.captured_queries if "ts_rank" in q["sql"]]) == 1
    with CaptureQueriesContext(connection) as queries:
        pagina(client, "/organisaties/?q=schuld&pagina=2")
    assert not [q for q in queries.captured_queries if "ts_rank" in q["sql"]]


def test_een_woord_als_niet_alle_woorden_passen(client, schuldhulp):
    context = pagina(client, "/organisaties/?q=schuld+bestaatniet&pagina=2")
    assert context["zoekmodus"] == Zoekmodus.EEN_WOORD
    alle = volledig_gerangschikt("schuld bestaatniet", alle_woorden=False)
    assert namen_op(context) == alle[PER_PAGINA : 2 * PER_PAGINA]
    assert context["facetten"].totaal == len(alle) == 47


def test_tikfout_wordt_verbeterd_en_gerangschikt(client, schuldhulp):
    from organisaties.zoeken import kan_tikfouten_vergeven

    if not kan_tikfouten_vergeven():
        pytest.skip("pg_trgm ontbreekt")
    context = pagina(client, "/organisaties/?q=schuldne&pagina=1")
    assert context["zoekmodus"] == Zoekmodus.GELIJKENIS
    verbeterd = context["verbeterde_zoektekst"]
    assert namen_op(context) == volledig_gerangschikt(verbeterd)[:PER_PAGINA]


def test_kaart_en_lijst_tonen_dezelfde_organisaties(client, schuldhulp):
    kaart = json.loads(client.get("/organisaties/kaart.geojson?q=schuld").content)
    op_kaart = {f["properties"]["naam"] for f in kaart["features"]}
    assert op_kaart == set(volledig_gerangschikt("schuld"))


def test_themapagina_bladert_op_naam(client):
    thema = ThemaFactory(naam="Geld", slug="geld")
    for i in (3, 1, 4, 15, 9, 2, 6, 5, 35, 8, 97, 93, 23, 84, 62, 64, 33, 83, 27, 95, 0, 28):
        OrganisatieFactory(naam=f"Geldloket {i:02d}", themas=[thema])
    namen = sorted(Organisatie.objects.gepubliceerd().values_list("naam", flat=True))
    # The theme page keeps the ids per version and renders its cards once: read the names
    # from the cards.
    een = kaartnamen(client.get("/themas/geld/"))
    twee = kaartnamen(client.get("/themas/geld/?pagina=2"))
    assert een + twee == namen
    assert len(twee) == 2
