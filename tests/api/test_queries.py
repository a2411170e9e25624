"""A page costs the same number of queries whether it holds 2 items or 60."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisaties.models import Postcode
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dertig_organisaties(db):
    thema = ThemaFactory()
    doelgroep = DoelgroepFactory()
    Postcode.objects.create(postcode="3142", latitude=51.916, longitude=4.25)
    for _ in range(30):
        organisatie = OrganisatieFactory(themas=[thema])
        plekken = [LocatieFactory(organisatie=organisatie) for _ in range(2)]
        for plek in plekken:
            OpeningstijdFactory(locatie=plek)
        for _ in range(2):
            aanbod = AanbodFactory(organisatie=organisatie, themas=[thema], doelgroepen=[doelgroep])
            aanbod.locaties.set(plekken)


def _queries(client, pad):
    with CaptureQueriesContext(connection) as vastgelegd:
        antwoord = client.get(pad)
    assert antwoord.status_code == 200, antwoord.content[:300]
    return len(vastgelegd)


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/services?{}",
        "/api/v1/services?full=true&{}",
        "/api/v1/services?search=organisatie&{}",
        "/api/v1/organizations?{}",
        "/api/v1/organizations?full=true&{}",
        "/api/v1/service_at_locations?{}",
        "/api/v1/service_at_locations?full=true&{}",
        "/api/v1/service_at_locations?postcode=3142&proximity=5000&{}",
        "/api/v1/taxonomy_terms?{}",
    ],
)
def test_aantal_queries_groeit_niet_met_de_pagina(client, admin_user, dertig_organisaties, pad):
    # Logged in, so that the page cache does not answer (it serves anonymous visitors only).
    client.force_login(admin_user)
    client.get("/api/v1/taxonomy_terms")  # the taxonomy, once per content version
    klein = _queries(client, pad.format("per_page=2"))
    groot = _queries(client, pad.format("per_page=60"))
    assert klein == groot
    # Session and user of the login, count, keys of the page, its rows, one per relation.
    assert groot <= 10


def test_volledig_aanbod_heeft_een_vast_aantal_queries(client, admin_user, dertig_organisaties):
    from organisaties.models import Aanbod

    client.force_login(admin_user)
    client.get("/api/v1/taxonomy_terms")
    ids = list(Aanbod.objects.values_list("uuid", flat=True)[:2])
    aantallen = {_queries(client, f"/api/v1/services/{i}") for i in ids}
    assert len(aantallen) == 1
    assert aantallen.pop() <= 10
