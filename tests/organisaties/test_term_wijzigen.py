"""Changing a term re-indexes only the organisations whose search text it changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisaties import zoekindex
from organisaties.models import Organisatie, Thema
from tests.factories import AanbodFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def herindexeerd(monkeypatch):
    """The ids of the organisations re-indexed from here on."""
    ids = []
    origineel = zoekindex._werk_bij

    def _werk_bij(batch):
        ids.extend(batch)
        origineel(batch)

    monkeypatch.setattr(zoekindex, "_werk_bij", _werk_bij)
    return ids


@pytest.fixture
def taal(db):
    thema = ThemaFactory(naam="Taal", slug="taal")
    AanbodFactory(organisatie=OrganisatieFactory(naam="Bibliotheek"), themas=[thema])
    OrganisatieFactory(naam="Sportclub")
    return thema


def test_volgorde_van_een_term_wijzigen_herindexeert_niets(taal, herindexeerd):
    with CaptureQueriesContext(connection) as queries:
        taal.volgorde = 7
        taal.save()
        Thema.objects.get(pk=taal.pk).save(update_fields=["volgorde"])
    assert herindexeerd == []
    assert not [q for q in queries if "organisaties_organisatie" in q["sql"]]


def test_naam_wijzigen_herindexeert_alleen_wie_de_term_heeft(taal, herindexeerd):
    taal.naam = "Nederlandse les"
    taal.save()
    assert herindexeerd == [Organisatie.objects.get(naam="Bibliotheek").pk]
    assert [o.naam for o in Organisatie.objects.zoek("nederlandse")] == ["Bibliotheek"]
    assert not Organisatie.objects.zoek("taal").exists()


def test_alleen_hoofdletters_of_accenten_wijzigen_herindexeert_niets(taal, herindexeerd):
    taal.naam = "TAAL"
    taal.save()
    taal.naam = "Taál"
    taal.save()
    assert herindexeerd == []
    assert [o.naam for o in Organisatie.objects.zoek("taal")] == ["Bibliotheek"]
