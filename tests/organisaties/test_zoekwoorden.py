"""The word list that typos in searches are corrected to follows the published directory."""

import pytest
from django.utils import timezone

from organisaties.models import Organisatie, Zoekwoord
from organisaties.tasks import herbouw_zoekwoorden
from tests.factories import OrganisatieFactory


def woorden():
    return set(Zoekwoord.objects.values_list("woord", flat=True))


@pytest.mark.django_db(transaction=True)
def test_woorden_van_een_gearchiveerde_organisatie_verdwijnen_met_de_periodieke_taak(werker):
    OrganisatieFactory(naam="Openbare Voedseltuin", omschrijving="Groente uit de buurt.")
    oud = OrganisatieFactory(naam="Kraamzorgwinkel Voedseltuin", omschrijving="Zeldzaam.")
    assert {"kraamzorgwinkel", "zeldzaam", "voedseltuin", "openbare"} <= woorden()

    oud.status = Organisatie.Status.GEARCHIVEERD
    oud.save()
    # Saving adds words and removes none: another organisation may have them too.
    assert "kraamzorgwinkel" in woorden()

    herbouw_zoekwoorden.defer(timestamp=int(timezone.now().timestamp()))
    werker()
    over = woorden()
    assert "kraamzorgwinkel" not in over and "zeldzaam" not in over
    # Words the published organisation has too stay.
    assert {"openbare", "voedseltuin", "groente", "buurt"} <= over
