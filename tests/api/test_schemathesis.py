"""Schemathesis generates requests from the OpenAPI document the API serves and checks each
answer against it: no 5xx, and nothing the document does not promise.

Valid requests (every parameter within its documented bounds) and invalid ones (outside
them, which must get a documented 4xx). Bounded, so that it runs in well under a minute; the
examples are derandomized, so a failure comes back on the next run.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.generation import GenerationMode

pytestmark = pytest.mark.django_db

VOORBEELDEN = 60
CONTROLES = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@pytest.fixture
def schema(client, kaart):
    document = client.get("/api/v1/openapi.json").json()
    return schemathesis.openapi.from_dict(document)


@pytest.fixture
def app(schema):
    """The site's WSGI application, keeping the test's database connection (and with it the
    test's transaction) open across requests, as Django's test client does. After ``schema``:
    the test client connects the signal again after each of its requests."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _operaties(schema):
    for resultaat in schema.get_all_operations():
        operatie = resultaat.ok()
        # The CSV file: one operation without parameters, checked in test_csv.py.
        if not operatie.path.endswith(".csv"):
            yield operatie


# Valid by the document, but refused: proximity without a postcode, or with a postcode that
# has no published location (its parameters' descriptions say so; OpenAPI has no way to say
# that one parameter needs another). Every other check still runs on it.
AFHANKELIJKE_PARAMETERS = {"/service_at_locations"}


@pytest.mark.parametrize("modus", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_houdt_zich_aan_het_eigen_openapi_document(app, schema, modus):
    operaties = list(_operaties(schema))
    assert len(operaties) == 12

    for operatie in operaties:
        if modus == GenerationMode.NEGATIVE:
            if not operatie.path_parameters and not operatie.query:
                continue  # nothing to get wrong
            controles = [*CONTROLES, negative_data_rejection]
        elif operatie.path in AFHANKELIJKE_PARAMETERS:
            controles = CONTROLES
        else:
            controles = [*CONTROLES, positive_data_acceptance]
        _controleer(app, operatie, modus, controles)


def test_bestaande_items_volgens_het_document(app, schema, kaart):
    """Generated ids are unknown (404); these operations also run on published items."""
    from organisaties.api.hsds import TAXONOMIEEN, sal_id

    budget = kaart["aanbod"]["budget"]
    ids = {
        "/services/{id}": budget.uuid,
        "/organizations/{id}": kaart["organisaties"]["schuldhulp"].uuid,
        "/service_at_locations/{id}": sal_id(budget, kaart["locaties"]["centrum"]),
        "/taxonomy_terms/{id}": kaart["themas"]["schulden"].uuid,
        "/taxonomies/{id}": TAXONOMIEEN[0].id,
    }
    for operatie in _operaties(schema):
        if operatie.path in ids:
            _controleer(
                app,
                operatie,
                GenerationMode.POSITIVE,
                [*CONTROLES, positive_data_acceptance],
                path_parameters={"id": str(ids[operatie.path])},
                voorbeelden=5,
            )


def _controleer(app, operatie, modus, controles, voorbeelden=VOORBEELDEN, **vast):
    @settings(
        max_examples=voorbeelden,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operatie.as_strategy(generation_mode=modus, **vast))
    def controleer(case):
        antwoord = case.call_and_validate(app=app, headers={"Host": "testserver"}, checks=controles)
        if vast:
            assert antwoord.status_code == 200

    controleer()
