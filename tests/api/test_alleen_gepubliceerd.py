"""Only what residents may see leaves the site: published organisations and their parts, and
of those nothing the redactie keeps for itself; nothing about meetings or their attendees."""

import pytest

from bijeenkomsten.models import Aanmelding
from organisaties.models import Wijzigingsvoorstel
from tests.factories import (
    BijeenkomstFactory,
    GebruikerFactory,
    WijzigingsvoorstelFactory,
)

pytestmark = pytest.mark.django_db

GEHEIM = "geheim-7f3a"


@pytest.fixture
def met_geheimen(kaart):
    """Every curation field and every attendee's field holds GEHEIM."""
    redacteur = GebruikerFactory(username=f"redacteur-{GEHEIM}", email=f"{GEHEIM}@gemeente.nl")
    for o in kaart["organisaties"].values():
        o.contact_email = f"redactie-{GEHEIM}@voorbeeld.nl"
        o.aangemeld_door = f"Aanmelder {GEHEIM}"
        o.toegewezen_aan = redacteur
        o.gepubliceerd_door = redacteur
        o.save()
    WijzigingsvoorstelFactory(
        organisatie=kaart["organisaties"]["noord"],
        toelichting=f"Melding {GEHEIM}",
        naam=f"Melder {GEHEIM}",
        email=f"melder-{GEHEIM}@voorbeeld.nl",
        status=Wijzigingsvoorstel.Status.NIEUW,
    )
    bijeenkomst = BijeenkomstFactory(titel=f"Bijeenkomst {GEHEIM}")
    Aanmelding.objects.create(
        bijeenkomst=bijeenkomst,
        naam=f"Deelnemer {GEHEIM}",
        email=f"deelnemer-{GEHEIM}@voorbeeld.nl",
        organisatie=kaart["organisaties"]["schuldhulp"],
        dieetwensen=f"Dieet {GEHEIM}",
    )
    return kaart


def _alle_antwoorden(api, client, kaart):
    """The text of every answer the API and the CSV give for this directory."""
    teksten = []
    lijsten = ["services", "organizations", "service_at_locations", "taxonomies", "taxonomy_terms"]
    for lijst in lijsten:
        for full in ("", "&full=true"):
            data = api(f"/api/v1/{lijst}?per_page=200{full}")
            teksten.append(str(data))
            for item in data["contents"]:
                teksten.append(str(api(f"/api/v1/{lijst}/{item['id']}")))
    teksten.append(client.get("/api/v1/sociale-kaart.csv").content.decode("utf-8"))
    teksten.append(str(api("/api/v1/")))
    return "\n".join(teksten)


def test_niets_van_wat_niet_gepubliceerd_is(api, client, kaart):
    alles = _alle_antwoorden(api, client, kaart)
    assert "Schuldhulp Maassluis" in alles  # the check itself does see published data
    for o, a, plek in kaart["verborgen"]:
        for waarde in (o.naam, a.naam, str(o.uuid), str(a.uuid), str(plek.uuid)):
            assert waarde not in alles


def test_verborgen_items_zijn_ook_los_niet_te_vinden(api, kaart):
    for o, a, plek in kaart["verborgen"]:
        api(f"/api/v1/organizations/{o.uuid}", status=404)
        api(f"/api/v1/services/{a.uuid}", status=404)
        sal = str(kaart_sal(a, plek))
        api(f"/api/v1/service_at_locations/{sal}", status=404)


def kaart_sal(a, plek):
    from organisaties.api.hsds import sal_id

    return sal_id(a, plek)


def test_geen_redactiegegevens_en_niets_over_deelnemers(api, client, met_geheimen):
    alles = _alle_antwoorden(api, client, met_geheimen)
    assert GEHEIM not in alles


def test_archiveren_haalt_uit_de_api(api, kaart):
    budget = kaart["aanbod"]["budget"]
    api(f"/api/v1/services/{budget.uuid}")
    schuldhulp = kaart["organisaties"]["schuldhulp"]
    schuldhulp.status = "gearchiveerd"
    schuldhulp.save()
    api(f"/api/v1/services/{budget.uuid}", status=404)
    assert "Budgetcoaching" not in str(api("/api/v1/services"))
