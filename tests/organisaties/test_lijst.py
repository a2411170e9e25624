"""The organisation list: search, filters with counts, chips, sorting and pagination."""

import re

import pytest
from django.urls import reverse

from organisaties.models import Organisatie
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db
LIJST = reverse("organisaties:lijst")


def resultaten(response):
    return [o.naam for o in response.context["pagina"].object_list]


def test_zonder_filters_staan_alle_gepubliceerde_organisaties_op_naam(client):
    OrganisatieFactory(naam="Bakkie Doen")
    OrganisatieFactory(naam="Aardig Buurthuis")
    OrganisatieFactory(naam="Concept", status=Organisatie.Status.CONCEPT)
    response = client.get(LIJST)
    assert response.status_code == 200
    assert resultaten(response) == ["Aardig Buurthuis", "Bakkie Doen"]
    assert "2 organisaties gevonden" in response.content.decode()


def test_zoeken_toont_beste_resultaat_eerst(client, demodata):
    response = client.get(LIJST, {"q": "mantelzorg"})
    assert resultaten(response)[0] == "Minters Mantelzorg"


def test_sorteren_op_naam(client, demodata):
    response = client.get(LIJST, {"q": "mantelzorg", "sorteer": "naam"})
    namen = resultaten(response)
    assert namen == sorted(namen)
    assert "Minters Mantelzorg" in namen


def test_filter_op_thema_via_organisatie_of_aanbod(client):
    armoede = ThemaFactory(naam="Armoede", slug="armoede")
    OrganisatieFactory(naam="Eigen thema", themas=[armoede])
    AanbodFactory(organisatie=OrganisatieFactory(naam="Via aanbod"), themas=[armoede])
    OrganisatieFactory(naam="Ander thema", themas=[ThemaFactory(slug="wonen", naam="Wonen")])
    response = client.get(LIJST, {"thema": "armoede"})
    assert resultaten(response) == ["Eigen thema", "Via aanbod"]


def test_twee_themas_betekent_beide(client):
    a, b = ThemaFactory(slug="a", naam="A"), ThemaFactory(slug="b", naam="B")
    OrganisatieFactory(naam="Beide", themas=[a, b])
    OrganisatieFactory(naam="Alleen A", themas=[a])
    assert resultaten(client.get(LIJST, {"thema": ["a", "b"]})) == ["Beide"]


def test_filter_op_doelgroep(client):
    ouderen = DoelgroepFactory(slug="ouderen", naam="Ouderen")
    AanbodFactory(organisatie=OrganisatieFactory(naam="Voor ouderen"), doelgroepen=[ouderen])
    AanbodFactory(organisatie=OrganisatieFactory(naam="Voor iedereen"))
    assert resultaten(client.get(LIJST, {"doelgroep": "ouderen"})) == ["Voor ouderen"]


def test_filter_op_soort_meerdere_soorten_is_of(client):
    wijkteam = SoortFactory(slug="wijkteam", naam="Wijkteam")
    gemeente = SoortFactory(slug="gemeente", naam="Gemeente")
    OrganisatieFactory(naam="Team", soort=wijkteam)
    OrganisatieFactory(naam="Stad", soort=gemeente)
    OrganisatieFactory(naam="Club")
    assert resultaten(client.get(LIJST, {"soort": "wijkteam"})) == ["Team"]
    assert resultaten(client.get(LIJST, {"soort": ["wijkteam", "gemeente"]})) == ["Stad", "Team"]


def test_filter_op_wijk_via_werkgebied_of_locatie(client):
    from tests.factories import LocatieFactory

    centrum = WijkFactory(slug="centrum", naam="Centrum")
    OrganisatieFactory(naam="Werkt in centrum", wijken=[centrum])
    LocatieFactory(organisatie=OrganisatieFactory(naam="Zit in centrum"), wijk=centrum)
    OrganisatieFactory(naam="Elders")
    assert resultaten(client.get(LIJST, {"wijk": "centrum"})) == [
        "Werkt in centrum",
        "Zit in centrum",
    ]


def test_filter_gratis(client):
    AanbodFactory(organisatie=OrganisatieFactory(naam="Gratis"), kosten="gratis")
    AanbodFactory(organisatie=OrganisatieFactory(naam="Betaald"), kosten="betaald")
    assert resultaten(client.get(LIJST, {"gratis": "true"})) == ["Gratis"]


def test_aantallen_per_filterwaarde_gelden_voor_het_huidige_resultaat(client, demodata):
    # With the region: the demo's own gemeente alone has no mantelzorg aanbod about health.
    response = client.get(LIJST, {"q": "mantelzorg", "regio": "ja"})
    groepen = {g["naam"]: g for g in response.context["filtergroepen"]}
    mantelzorg = next(w for w in groepen["thema"]["waarden"] if w["slug"] == "mantelzorg")
    totaal = response.context["facetten"].totaal
    assert mantelzorg["aantal"] == totaal == len(resultaten(response))
    # The count in the form is what you get when you pick the value.
    met_filter = client.get(LIJST, {"q": "mantelzorg", "thema": "gezondheid", "regio": "ja"})
    gezondheid = next(w for w in groepen["thema"]["waarden"] if w["slug"] == "gezondheid")
    assert gezondheid["aantal"] == met_filter.context["facetten"].totaal > 0


def test_soortaantallen_tellen_zonder_het_soortfilter(client, demodata):
    response = client.get(LIJST, {"soort": "wijkteam"})
    soorten = {w["slug"]: w["aantal"] for w in response.context["filtergroepen"][2]["waarden"]}
    alle = client.get(LIJST, {"soort": ["wijkteam", "welzijnspartner"]})
    assert soorten["wijkteam"] + soorten["welzijnspartner"] == alle.context["facetten"].totaal


def test_actieve_filters_als_chips_die_het_filter_weghalen(client, demodata):
    response = client.get(LIJST, {"q": "schuld", "thema": "armoede-en-schulden", "pagina": "2"})
    chips = {c["label"]: c["url"] for c in response.context["actieve_filters"]}
    assert chips["Armoede en schulden"] == "?q=schuld"
    assert chips["Zoekwoord: schuld"] == "?thema=armoede-en-schulden"
    assert "Alle filters weghalen" in response.content.decode()


def test_geen_resultaten_geeft_hulpvolle_pagina(client, demodata):
    response = client.get(LIJST, {"q": "xylofoonles"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "0 organisaties gevonden" in html
    assert "Controleer de spelling" in html
    # The wijkteam helps further, with its number to call and its page.
    assert "Wijkteam VraagRaak" in html and 'href="tel:' in html


def test_als_niets_alle_woorden_heeft_volgen_organisaties_met_een_woord(client, demodata):
    response = client.get(LIJST, {"q": "voedselbank xylofoon"})
    assert response.context["zoekmodus"] == "een"
    assert "Voedselbank Maassluis" in resultaten(response)
    assert "past bij al uw zoekwoorden" in response.content.decode()


def test_tikfout_vindt_toch_iets_waar_pg_trgm_er_is(client, demodata):
    from organisaties.zoeken import kan_tikfouten_vergeven

    response = client.get(LIJST, {"q": "mantelzrog"})
    if kan_tikfouten_vergeven():
        assert response.context["zoekmodus"] == "gelijkenis"
        assert resultaten(response)[0] == "Minters Mantelzorg"
        assert "de resultaten voor <strong>mantelzorg</strong>" in response.content.decode()
    else:
        assert resultaten(response) == []


def test_onzin_en_stopwoorden_geven_geen_resultaten_en_geen_fout(client, demodata):
    for q in ("qwzrtx", "de", "de het een"):
        response = client.get(LIJST, {"q": q})
        assert response.status_code == 200
        assert resultaten(response) == []
        assert response.context["zoekmodus"] == "alle"


def test_paginering_houdt_filters_vast(client):
    thema = ThemaFactory(slug="t", naam="T")
    for i in range(25):
        OrganisatieFactory(naam=f"Org {i:02d}", themas=[thema])
    pagina1 = client.get(LIJST, {"thema": "t"})
    assert len(resultaten(pagina1)) == 20
    html = pagina1.content.decode()
    assert re.search(r'href="\?thema=t&amp;pagina=2"', html)
    pagina2 = client.get(LIJST, {"thema": "t", "pagina": "2"})
    assert resultaten(pagina2) == [f"Org {i:02d}" for i in range(20, 25)]


def test_lijst_werkt_als_formulier_zonder_javascript(client, demodata):
    html = client.get(LIJST).content.decode()
    assert '<form method="get"' in html
    assert 'name="thema" value="mantelzorg"' in html
    assert "Filters toepassen" in html
    # Scripts only enhance the page: no inline script, each one a file that may fail to load.
    assert all(" src=" in tag for tag in re.findall(r"<script[^>]*>", html))


def test_pagina_wordt_voor_anonieme_bezoekers_gecached_en_vervalt_bij_wijziging(client):
    organisatie = OrganisatieFactory(naam="Eerste naam")
    assert "Eerste naam" in client.get(LIJST).content.decode()
    assert client.get(LIJST)["X-Cache"] == "hit"
    organisatie.naam = "Nieuwe naam"
    organisatie.save()
    response = client.get(LIJST)
    assert "Nieuwe naam" in response.content.decode()
    assert response["X-Cache"] == "miss"


def test_melding_van_een_bezoeker_komt_niet_in_de_paginacache(client, demodata):
    organisatie = Organisatie.objects.get(slug="minters-mantelzorg")
    # The thanks of a report wait in a cookie; the visitor opens the list before the detail.
    client.post(organisatie.get_absolute_url() + "melden/", {"toelichting": "Ander telefoonnummer"})
    assert "Bedankt voor uw melding" in client.get(LIJST).content.decode()
    anderen = type(client)()
    assert "Bedankt voor uw melding" not in anderen.get(LIJST).content.decode()
