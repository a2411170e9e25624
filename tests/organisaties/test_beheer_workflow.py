"""Concept -> gepubliceerd -> gearchiveerd, checked today, assigned: the bulk actions.

Each action is one call to organisaties.services; what a redacteur notices is tested here:
the list after the action, the message, the public page, and the change history.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from organisaties import services
from organisaties.models import Controlebron, Organisatie
from tests.factories import GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("admin:organisaties_organisatie_changelist")


@pytest.fixture
def redacteur(client):
    gebruiker = GebruikerFactory(username="redacteur", groepen=[REDACTEUREN])
    client.force_login(gebruiker)
    return gebruiker


def actie(client, naam, organisaties, **extra):
    return client.post(
        LIJST,
        {"action": naam, "_selected_action": [o.pk for o in organisaties], **extra},
        follow=True,
    )


def meldingen(antwoord):
    return [str(bericht) for bericht in antwoord.context["messages"]]


def vers(organisatie):
    organisatie.refresh_from_db()
    return organisatie


def test_publiceren_zet_concepten_op_de_kaart_met_datum_en_wie(client, redacteur):
    eerder = timezone.now() - datetime.timedelta(days=300)
    concepten = OrganisatieFactory.create_batch(2, status="concept")
    al_gepubliceerd = OrganisatieFactory(gepubliceerd_op=eerder)
    detail = concepten[0].get_absolute_url()
    assert client.get(detail).status_code == 404  # staff see no concept on the public site

    antwoord = actie(client, "publiceren", [*concepten, al_gepubliceerd])

    assert meldingen(antwoord) == ["2 organisaties zijn gepubliceerd."]
    for organisatie in map(vers, concepten):
        assert organisatie.status == Organisatie.Status.GEPUBLICEERD
        assert organisatie.gepubliceerd_door == redacteur
        assert timezone.now() - organisatie.gepubliceerd_op < datetime.timedelta(minutes=1)
        historie = organisatie.history.latest()
        assert historie.history_user == redacteur
        assert historie.history_change_reason == "Gepubliceerd"
    assert vers(al_gepubliceerd).gepubliceerd_op == eerder
    assert client.get(detail).status_code == 200


def test_gepubliceerde_organisatie_is_na_publiceren_te_vinden(client, redacteur):
    OrganisatieFactory(naam="Ontmoetingscentrum Het Anker", status="concept")
    zoek = reverse("organisaties:lijst")
    client.logout()
    assert "Het Anker" not in client.get(zoek, {"q": "anker"}).content.decode()  # now cached
    services.publiceren(Organisatie.objects.all(), redacteur)
    assert "Het Anker" in client.get(zoek, {"q": "anker"}).content.decode()


def test_archiveren_haalt_van_de_kaart_en_bewaart_alles(client, redacteur):
    organisatie = OrganisatieFactory(naam="Stichting Oud")
    detail = organisatie.get_absolute_url()
    client.logout()
    assert client.get(detail).status_code == 200  # now in the page cache
    client.force_login(redacteur)

    antwoord = actie(client, "archiveren", [organisatie])

    assert meldingen(antwoord) == ["1 organisatie is gearchiveerd."]
    assert vers(organisatie).status == Organisatie.Status.GEARCHIVEERD
    client.logout()
    assert client.get(detail).status_code == 410
    assert Organisatie.objects.filter(pk=organisatie.pk).exists()


def test_markeren_als_gecontroleerd(client, redacteur):
    organisaties = [
        OrganisatieFactory(laatst_geverifieerd=None),
        OrganisatieFactory(laatst_geverifieerd=datetime.date(2020, 1, 1)),
    ]
    antwoord = actie(client, "markeer_gecontroleerd", organisaties)
    assert meldingen(antwoord) == ["2 organisaties zijn gemarkeerd als vandaag gecontroleerd."]
    for organisatie in map(vers, organisaties):
        assert organisatie.laatst_geverifieerd == timezone.localdate()
        assert organisatie.gecontroleerd_door == Controlebron.REDACTIE
        assert organisatie.history.latest().history_user == redacteur


def test_toewijzen_vraagt_eerst_aan_wie(client, redacteur):
    collega = GebruikerFactory(username="anna", first_name="Anna", groepen=[REDACTEUREN])
    GebruikerFactory(username="coordinator", first_name="Cor", groepen=[COORDINATOREN])
    organisaties = [OrganisatieFactory(naam="Buurtvereniging Noord"), OrganisatieFactory()]

    tussenpagina = actie(client, "toewijzen", organisaties)

    html = tussenpagina.content.decode()
    assert "U wijst 2 organisaties toe:" in html
    assert all(o.naam in html for o in organisaties)
    keuzes = dict(tussenpagina.context["form"].fields["redacteur"].choices)
    assert "Anna" in keuzes.values() and "Cor" not in keuzes.values()
    assert all(vers(o).toegewezen_aan is None for o in organisaties)

    antwoord = actie(
        client, "toewijzen", organisaties, toewijzen_bevestigd="1", redacteur=collega.pk
    )
    assert meldingen(antwoord) == ["2 organisaties hebben een andere redacteur gekregen."]
    assert all(vers(o).toegewezen_aan == collega for o in organisaties)

    actie(client, "toewijzen", organisaties, toewijzen_bevestigd="1", redacteur="niemand")
    assert all(vers(o).toegewezen_aan is None for o in organisaties)


def test_toewijzen_zonder_keuze_of_aan_een_coordinator_verandert_niets(client, redacteur):
    coordinator = GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])
    organisatie = OrganisatieFactory()
    for keuze in ["", coordinator.pk, "abc"]:
        antwoord = actie(
            client, "toewijzen", [organisatie], toewijzen_bevestigd="1", redacteur=keuze
        )
        assert antwoord.status_code == 200
        assert antwoord.context["form"].errors["redacteur"]
        assert vers(organisatie).toegewezen_aan is None


def test_service_weigert_toewijzen_aan_wie_geen_redacteur_is():
    coordinator = GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])
    beheerder = GebruikerFactory(username="beheerder", groepen=[BEHEERDERS])
    organisatie = OrganisatieFactory()
    with pytest.raises(services.Geweigerd):
        services.toewijzen([organisatie], coordinator)
    services.toewijzen([organisatie], beheerder)
    assert vers(organisatie).toegewezen_aan == beheerder


def test_coordinator_kan_niet_publiceren(client):
    client.force_login(GebruikerFactory(username="coordinator", groepen=[COORDINATOREN]))
    organisatie = OrganisatieFactory(status="concept")
    actie(client, "publiceren", [organisatie])
    assert vers(organisatie).status == Organisatie.Status.CONCEPT
