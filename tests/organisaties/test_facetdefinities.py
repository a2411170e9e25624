"""A facet declared once (organisaties/facetdefinities.py) is indexed, counted, filtered on,
shown as a checkbox group and as a chip, without touching anything else."""

import re

import pytest
from django.urls import reverse

from organisaties import facetdefinities
from organisaties.facetdefinities import Facet
from organisaties.facetten import ids_van, tel_facetten
from organisaties.models import Organisatie
from tests.factories import AanbodFactory, OrganisatieFactory, SoortFactory, ThemaFactory

pytestmark = pytest.mark.django_db
LIJST = reverse("organisaties:lijst")


def namen(response):
    return [o.naam for o in response.context["pagina"].object_list]


@pytest.fixture
def extra_facet(monkeypatch):
    def declareer(facet):
        monkeypatch.setattr(facetdefinities, "FACETTEN", (*facetdefinities.FACETTEN, facet))

    return declareer


def test_nieuwe_facet_krijgt_index_tellingen_filter_groep_en_chip(client, extra_facet):
    extra_facet(Facet("onderwerp", "Onderwerp", "facet_themas", termen="themas"))
    taal = ThemaFactory(naam="Taalles", slug="taalles")
    geld = ThemaFactory(naam="Geldzaken", slug="geldzaken")
    AanbodFactory(organisatie=OrganisatieFactory(naam="Bibliotheek"), themas=[taal])
    AanbodFactory(organisatie=OrganisatieFactory(naam="Geldloket"), themas=[geld])

    # Index and counts.
    facetten = tel_facetten(ids_van(Organisatie.objects.gepubliceerd()))
    assert facetten.onderwerp == {taal.pk: 1, geld.pk: 1}

    response = client.get(LIJST, {"onderwerp": "taalles"})
    html = response.content.decode()
    # The filter.
    assert namen(response) == ["Bibliotheek"]
    # Its checkbox group, with the counts of the result.
    assert "<legend" in html and ">Onderwerp</legend>" in html
    assert re.search(r'name="onderwerp" value="taalles" id="f-onderwerp-taalles" checked', html)
    assert 'for="f-onderwerp-taalles">Taalles <span class="netwerk-aantal">(1)</span>' in html
    # Its chip, which takes the filter away.
    chips = {c["label"]: c["url"] for c in response.context["actieve_filters"]}
    assert chips == {"Taalles": "?"}
    assert response.context["aantal_filters"] == 1

    # An unknown value is dropped, as with every facet.
    response = client.get(LIJST, {"onderwerp": "bestaat-niet"})
    assert response.status_code == 200
    assert namen(response) == ["Bibliotheek", "Geldloket"]


def test_verruimende_facet_telt_zonder_eigen_filter(client, extra_facet):
    extra_facet(Facet("vorm", "Vorm", "soort_id", termen="soorten"))
    stichting = SoortFactory(naam="Stichting", slug="stichting")
    vereniging = SoortFactory(naam="Vereniging", slug="vereniging")
    OrganisatieFactory(naam="Buurtstichting", soort=stichting)
    OrganisatieFactory(naam="Buurtvereniging", soort=vereniging)

    response = client.get(LIJST, {"vorm": "stichting"})
    assert namen(response) == ["Buurtstichting"]
    # Counted over the result without its own filter: the other value still shows 1.
    vorm = next(g for g in response.context["filtergroepen"] if g["naam"] == "vorm")
    assert {w["slug"]: w["aantal"] for w in vorm["waarden"]} == {"stichting": 1, "vereniging": 1}

    response = client.get(LIJST, {"vorm": ["stichting", "vereniging"]})
    assert namen(response) == ["Buurtstichting", "Buurtvereniging"]
