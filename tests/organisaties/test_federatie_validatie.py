"""Every object of a neighbour's feed is checked against the HSDS 3 schemas before import.

The checks run on compiled schemas (fastjsonschema): these tests hold them to what the HSDS
files say, so that a faster validator never lets through what the schemas refuse.
"""

import copy

import pytest

from organisaties.demo_regio import diensten
from organisaties.demodata import ORGANISATIES, REGIO
from organisaties.federatie_validatie import Ongeldig, controleer_service
from organisaties.models import Doelgroep, Soort, Thema


class Namen(dict):
    def __missing__(self, slug):
        return slug.replace("-", " ").capitalize()


@pytest.fixture
def dienst():
    gemeente, slugs = next(iter(REGIO.items()))
    data = next(data for data in ORGANISATIES if data["slug"] == slugs[0])
    namen = {model: Namen() for model in (Thema, Doelgroep, Soort)}
    return diensten(gemeente, data, namen)[0]


def test_a_service_as_our_api_serves_it_passes(dienst):
    controleer_service(dienst)


@pytest.mark.parametrize(
    ("wijzig", "pad"),
    [
        (lambda d: d.update(name=5), "name"),
        (lambda d: d.update(id="geen-uuid"), "id"),
        (lambda d: d["organization"].update(id="1234"), "organization/id"),
        (lambda d: d.update(phones="010 123 45 67"), "phones"),
        (lambda d: d["service_at_locations"][0]["location"].update(latitude="noord"), "latitude"),
    ],
    ids=["naam", "id", "organisatie-id", "telefoons", "breedte"],
)
def test_what_the_schema_refuses_is_refused_with_where(dienst, wijzig, pad):
    fout = copy.deepcopy(dienst)
    wijzig(fout)
    with pytest.raises(Ongeldig) as refusal:
        controleer_service(fout)
    assert pad in str(refusal.value)


def test_a_service_without_an_organisation_name_is_refused(dienst):
    dienst["organization"]["name"] = "  "
    with pytest.raises(Ongeldig, match="geen organisatie met een naam"):
        controleer_service(dienst)


def test_not_an_object_is_refused():
    with pytest.raises(Ongeldig, match="geen JSON-object"):
        controleer_service(["lijst"])
