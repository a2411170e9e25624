"""The roles of DESIGN.md exist as groups with the right permissions after migrate."""

import pytest
from django.contrib.auth.models import Group

from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN, WIJKTEAMMEDEWERKERS
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db


def rechten(groep):
    return set(Group.objects.get(name=groep).permissions.values_list("codename", flat=True))


def test_redacteur_beheert_de_kaart_maar_niet_de_bijeenkomsten():
    r = rechten(REDACTEUREN)
    assert {"change_organisatie", "add_aanbod", "change_wijzigingsvoorstel"} <= r
    assert "view_aanmelding" not in r and "change_bijeenkomst" not in r


def test_coordinator_beheert_bijeenkomsten_en_ziet_aanmeldingen():
    r = rechten(COORDINATOREN)
    assert {"add_bijeenkomst", "change_bijeenkomst", "view_aanmelding"} <= r
    assert "change_aanmelding" not in r and "change_organisatie" not in r


def test_beheerder_mag_alles_van_de_site():
    r = rechten(BEHEERDERS)
    assert {"change_siteconfiguratie", "delete_aanmelding", "change_user"} <= r


def test_wijkteammedewerker_heeft_alleen_de_rol_en_beheerder_alles_van_signalen():
    assert rechten(WIJKTEAMMEDEWERKERS) == {"view_signaal"}
    assert {"change_teamlid", "change_wijkroute", "view_signaalgebeurtenis"} <= rechten(BEHEERDERS)
    assert "view_signaal" not in rechten(REDACTEUREN) | rechten(COORDINATOREN)


def test_redacteur_kan_organisatie_bewerken_in_admin(client):
    client.force_login(GebruikerFactory(groepen=[REDACTEUREN]))
    assert client.get("/admin/organisaties/organisatie/add/").status_code == 200
    assert client.get("/admin/bijeenkomsten/bijeenkomst/").status_code == 403
