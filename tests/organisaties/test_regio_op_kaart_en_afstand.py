"""The regional kaart, the map and help near home together, on the demo data: the neighbours'
organisations appear on the map and in a distance search only with "ook in de regio", with
their gemeente and their distance."""

import json
import re

import pytest
from django.urls import reverse

from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

LIJST = reverse("organisaties:lijst")
GEOJSON = reverse("organisaties:kaart_geojson")


def op_de_kaart(client, query):
    data = json.loads(client.get(GEOJSON, query).content)
    return {punt["properties"]["organisatie_id"] for punt in data["features"]}


def test_kaart_toont_de_regio_alleen_als_die_gekozen_is(client, demodata):
    uit_de_regio = set(
        Organisatie.objects.in_regio()
        .filter(regiobron__isnull=False, locaties__latitude__isnull=False)
        .values_list("pk", flat=True)
    )
    assert uit_de_regio
    assert not op_de_kaart(client, {}) & uit_de_regio
    assert op_de_kaart(client, {"regio": "ja"}) & uit_de_regio


def test_afstand_op_de_kaart_is_die_van_de_lijst(client, demodata):
    query = {"postcode": "3142", "afstand": "2", "regio": "ja"}
    lijst = {o.pk for o in client.get(LIJST, query).context["pagina"].object_list}
    alles = op_de_kaart(client, {"regio": "ja"})
    assert lijst and lijst < alles
    assert op_de_kaart(client, query) == lijst


def test_regioresultaten_noemen_gemeente_en_afstand(client, demodata):
    antwoord = client.get(
        LIJST, {"postcode": "3142", "sorteer": "afstand", "regio": "ja", "pagina": 2}
    )
    html = antwoord.content.decode()
    assert "In de regio: Meierijstad" in html or "In de regio: Zaanstad" in html
    # Zaanstad and Meierijstad are tens of kilometres from Maassluis.
    afstanden = [int(km) for km in re.findall(r"Afstand: (\d+) km", html)]
    assert afstanden and max(afstanden) > 40
    eerste = client.get(LIJST, {"postcode": "3142", "sorteer": "afstand", "regio": "ja"})
    assert eerste.context["pagina"].object_list[0].regiobron_id is None
