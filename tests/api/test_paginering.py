"""Paging as HSDS describes it: the counts add up on every page, and bad values get a 400."""

import pytest

from tests.factories import AanbodFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def zeven_aanbod(db):
    organisatie = OrganisatieFactory()
    return [AanbodFactory(organisatie=organisatie, naam=f"Aanbod {i}") for i in range(7)]


@pytest.mark.parametrize(
    ("pagina", "per_pagina", "namen", "eerste", "laatste"),
    [
        (1, 3, [0, 1, 2], True, False),
        (2, 3, [3, 4, 5], False, False),
        (3, 3, [6], False, True),
        (1, 7, [0, 1, 2, 3, 4, 5, 6], True, True),
        (1, 200, [0, 1, 2, 3, 4, 5, 6], True, True),
    ],
)
def test_paginas_tellen_op(api, zeven_aanbod, pagina, per_pagina, namen, eerste, laatste):
    data = api(f"/api/v1/services?page={pagina}&per_page={per_pagina}")
    assert [d["name"] for d in data["contents"]] == [f"Aanbod {i}" for i in namen]
    assert data["total_items"] == 7
    assert data["total_pages"] == -(-7 // per_pagina)
    assert data["page_number"] == pagina
    assert data["size"] == len(namen)
    assert (data["first_page"], data["last_page"], data["empty"]) == (eerste, laatste, False)


def test_alle_paginas_samen_geven_alles_precies_een_keer(api, zeven_aanbod):
    gezien, pagina = [], 1
    while True:
        data = api(f"/api/v1/services?per_page=2&page={pagina}")
        gezien += [d["id"] for d in data["contents"]]
        if data["last_page"]:
            break
        pagina += 1
    assert pagina == 4
    assert sorted(gezien) == sorted(str(a.uuid) for a in zeven_aanbod)


def test_standaard_vijftig_per_pagina(api, db):
    organisatie = OrganisatieFactory()
    AanbodFactory.create_batch(51, organisatie=organisatie)
    data = api("/api/v1/services")
    assert (data["size"], data["total_pages"], data["page_number"]) == (50, 2, 1)


def test_pagina_na_de_laatste_is_leeg(api, zeven_aanbod):
    data = api("/api/v1/services?page=5&per_page=3")
    assert data["contents"] == []
    assert (data["size"], data["empty"], data["last_page"], data["first_page"]) == (
        0,
        True,
        True,
        False,
    )
    assert data["total_items"] == 7


def test_lege_uitkomst(api, db):
    data = api("/api/v1/services")
    assert data == {
        "total_items": 0,
        "total_pages": 0,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


def test_lijsten_in_het_geheugen_pagineren_ook(api, db):
    data = api("/api/v1/taxonomies?per_page=2&page=2")
    assert (data["total_items"], data["total_pages"], data["size"], data["last_page"]) == (
        3,
        2,
        1,
        True,
    )


@pytest.mark.parametrize(
    "vraag",
    [
        "page=0",
        "page=-1",
        "page=abc",
        "page=1.5",
        "page=1e3",
        "page=%2B1",
        "page=1000001",
        "page=99999999999999999999",
        "per_page=0",
        "per_page=201",
        "per_page=veel",
        "page=%00",
    ],
)
@pytest.mark.parametrize(
    "pad",
    [
        "services",
        "organizations",
        "service_at_locations",
        "taxonomies",
        "taxonomy_terms",
    ],
)
def test_foute_paginering_geeft_400_met_uitleg(api, db, pad, vraag):
    data = api(f"/api/v1/{pad}?{vraag}", status=400)
    parameter = vraag.split("=")[0]
    assert data["parameter"] == parameter
    assert data["detail"].startswith(f"{parameter} moet een geheel getal")


def test_lege_paginaparameters_tellen_als_niet_gegeven(api, zeven_aanbod):
    data = api("/api/v1/services?page=&per_page=")
    assert (data["page_number"], data["size"]) == (1, 7)
