"""Personal data of attendees only for that meeting's coordinators and beheerders (AVG).

Every URL, export and admin page with attendees is tried with every kind of user.
"""

import pytest
from django.urls import reverse

from bijeenkomsten import services
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from tests.factories import BijeenkomstFactory, GebruikerFactory

pytestmark = pytest.mark.django_db

GEHEIM = "geheim.persoon@example.nl"


@pytest.fixture
def opzet(db):
    eigen = GebruikerFactory(username="eigen", groepen=[COORDINATOREN])
    bijeenkomst = BijeenkomstFactory(slug="samen", coordinatoren=[eigen])
    aanmelding = services.aanmelden(
        bijeenkomst, naam="Geheime Persoon", email=GEHEIM, dieetwensen="Halal"
    )
    gebruikers = {
        "anoniem": None,
        "inwoner": GebruikerFactory(username="inwoner", is_staff=False),
        "redacteur": GebruikerFactory(username="redacteur", groepen=[REDACTEUREN]),
        "andere_coordinator": GebruikerFactory(username="ander", groepen=[COORDINATOREN]),
        "coordinator": eigen,
        "beheerder": GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]),
        "superuser": GebruikerFactory(username="super", is_superuser=True),
    }
    BijeenkomstFactory(slug="andere", coordinatoren=[gebruikers["andere_coordinator"]])
    return bijeenkomst, aanmelding, gebruikers


def get_urls(aanmelding):
    slug = "samen"
    return [
        reverse("bijeenkomsten:deelnemers", args=[slug]),
        reverse("bijeenkomsten:deelnemers", args=[slug]) + "?q=geheim",
        reverse("bijeenkomsten:deur", args=[slug]),
        reverse("bijeenkomsten:presentielijst", args=[slug]) + "?bevestigd=ja",
        reverse("bijeenkomsten:downloaden", args=[slug]),
        reverse("bijeenkomsten:annuleren", args=[slug, aanmelding.pk]),
        reverse("bijeenkomsten:netwerk", args=[slug]),
        reverse("admin:bijeenkomsten_aanmelding_change", args=[aanmelding.pk]),
    ]


def post_urls(aanmelding):
    slug = "samen"
    return [
        (reverse("bijeenkomsten:deelnemers", args=[slug]), {"naam": "X", "email": "x@x.nl"}),
        (reverse("bijeenkomsten:plakken", args=[slug]), {"regels": "Y, y@x.nl, Z"}),
        (
            reverse("bijeenkomsten:verplaatsen", args=[slug, aanmelding.pk]),
            {"naar": "wachtlijst", "reden": "test"},
        ),
        (
            reverse("bijeenkomsten:deur_inchecken", args=[slug]),
            {"aanmelding": aanmelding.pk},
        ),
        (reverse("bijeenkomsten:annuleren", args=[slug, aanmelding.pk]), {"bevestigd": "ja"}),
        (reverse("bijeenkomsten:export", args=[slug, "csv"]), {}),
        (reverse("bijeenkomsten:export", args=[slug, "xlsx"]), {}),
    ]


def inloggen(client, gebruiker):
    if gebruiker is not None:
        client.force_login(gebruiker)


@pytest.mark.parametrize("wie", ["anoniem", "inwoner"])
def test_zonder_medewerkeraccount_naar_inloggen(client, opzet, wie):
    _, aanmelding, gebruikers = opzet
    inloggen(client, gebruikers[wie])
    for url in get_urls(aanmelding):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url
        assert GEHEIM not in response.content.decode()
    for url, data in post_urls(aanmelding):
        assert client.post(url, data).status_code == 302
    aanmelding.refresh_from_db()
    assert aanmelding.status == "bevestigd"


@pytest.mark.parametrize("wie", ["redacteur", "andere_coordinator"])
def test_andere_medewerkers_krijgen_geen_toegang(client, opzet, wie):
    bijeenkomst, aanmelding, gebruikers = opzet
    inloggen(client, gebruikers[wie])
    for url in get_urls(aanmelding):
        response = client.get(url)
        assert response.status_code in (403, 302), url
        assert GEHEIM not in response.content.decode(), url
    for url, data in post_urls(aanmelding):
        assert client.post(url, data).status_code == 403, url
    assert bijeenkomst.aanmeldingen.count() == 1
    aanmelding.refresh_from_db()
    assert aanmelding.status == "bevestigd"


@pytest.mark.parametrize("wie", ["coordinator", "beheerder", "superuser"])
def test_eigen_coordinator_en_beheerders_zien_de_deelnemers(client, opzet, wie):
    _, aanmelding, gebruikers = opzet
    inloggen(client, gebruikers[wie])
    for url in get_urls(aanmelding):
        response = client.get(url)
        assert response.status_code == 200, url


def test_admin_lijst_toont_alleen_eigen_bijeenkomsten(client, opzet):
    _, _, gebruikers = opzet
    andere = BijeenkomstFactory(slug="derde", coordinatoren=[gebruikers["andere_coordinator"]])
    services.aanmelden(andere, naam="Andere Deelnemer", email="ander@example.nl")
    url = reverse("admin:bijeenkomsten_aanmelding_changelist")

    client.force_login(gebruikers["coordinator"])
    html = client.get(url).content.decode()
    assert "Geheime Persoon" in html and "Andere Deelnemer" not in html

    client.force_login(gebruikers["andere_coordinator"])
    html = client.get(url).content.decode()
    assert "Andere Deelnemer" in html and "Geheime Persoon" not in html
    assert client.get(url + "?q=geheim").content.decode().count("Geheime Persoon") == 0

    client.force_login(gebruikers["redacteur"])
    assert client.get(url).status_code == 403

    client.force_login(gebruikers["beheerder"])
    html = client.get(url).content.decode()
    assert "Geheime Persoon" in html and "Andere Deelnemer" in html


def test_overzicht_toont_alleen_eigen_bijeenkomsten(client, opzet):
    _, _, gebruikers = opzet
    client.force_login(gebruikers["andere_coordinator"])
    html = client.get(reverse("bijeenkomsten:coordinatie")).content.decode()
    assert (
        "/coordinatie/bijeenkomsten/andere/" in html
        and "/coordinatie/bijeenkomsten/samen/" not in html
    )


def test_openbare_paginas_tonen_geen_deelnemers(client, opzet):
    bijeenkomst, aanmelding, _ = opzet
    for url in [
        "/",
        reverse("bijeenkomsten:agenda"),
        bijeenkomst.get_absolute_url(),
        reverse("bijeenkomsten:ics", args=[bijeenkomst.slug]),
        reverse("bijeenkomsten:ics_feed"),
    ]:
        inhoud = client.get(url).content.decode()
        assert GEHEIM not in inhoud and "Geheime Persoon" not in inhoud, url


def test_persoonlijke_link_met_fout_token_is_404(client, opzet):
    _, aanmelding, _ = opzet
    assert client.get(aanmelding.get_absolute_url()).status_code == 200
    for token in [aanmelding.token[:-1], aanmelding.token + "x", "x", aanmelding.token.upper()]:
        response = client.get(reverse("bijeenkomsten:aanmelding", args=[token]))
        assert response.status_code == 404
        assert client.post(reverse("bijeenkomsten:aanmelding", args=[token])).status_code == 404
    aanmelding.refresh_from_db()
    assert aanmelding.status == "bevestigd"


def test_coordinatiepaginas_worden_niet_gecached(client, opzet):
    _, aanmelding, gebruikers = opzet
    client.force_login(gebruikers["coordinator"])
    response = client.get(reverse("bijeenkomsten:deelnemers", args=["samen"]))
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_coordinator_bewerkt_in_admin_alleen_eigen_bijeenkomsten(client, opzet):
    bijeenkomst, _, gebruikers = opzet
    andere = BijeenkomstFactory(slug="vreemd")
    client.force_login(gebruikers["coordinator"])
    assert (
        client.get(f"/admin/bijeenkomsten/bijeenkomst/{bijeenkomst.pk}/change/").status_code == 200
    )
    response = client.get(f"/admin/bijeenkomsten/bijeenkomst/{andere.pk}/change/")
    assert response.status_code == 302  # "does not exist" for this user


def test_wie_een_bijeenkomst_maakt_coordineert_haar(client, opzet):
    from django.utils import timezone

    _, _, gebruikers = opzet
    client.force_login(gebruikers["andere_coordinator"])
    start = timezone.localtime() + timezone.timedelta(days=10)
    response = client.post(
        "/admin/bijeenkomsten/bijeenkomst/add/",
        {
            "titel": "Nieuw overleg",
            "slug": "nieuw-overleg",
            "status": "concept",
            "omschrijving": "Over mantelzorg.",
            "start_0": start.strftime("%d-%m-%Y"),
            "start_1": "15:00",
            "einde_0": start.strftime("%d-%m-%Y"),
            "einde_1": "17:00",
            "capaciteit": "80",
            "aanbod_uren": "48",
            "direct_doorschuiven_uren": "24",
            "programma-TOTAL_FORMS": "0",
            "programma-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from bijeenkomsten.models import Bijeenkomst

    nieuw = Bijeenkomst.objects.get(slug="nieuw-overleg")
    assert list(nieuw.coordinatoren.all()) == [gebruikers["andere_coordinator"]]


def test_outbox_alleen_voor_beheerders(client, opzet):
    _, _, gebruikers = opzet
    url = "/admin/netwerk/uitgaandeemail/"
    for wie in ("coordinator", "redacteur", "andere_coordinator"):
        client.force_login(gebruikers[wie])
        assert client.get(url).status_code == 403, wie
    client.force_login(gebruikers["beheerder"])
    assert client.get(url).status_code == 200
