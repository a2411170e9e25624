"""Every signal URL for every role: only the signal's own team and beheerders get in.

A worker of another team gets a 404 for a signal that is not theirs, as if it did not exist;
coordinators and redacteuren get a 403; anonymous visitors go to the login page. Every staff
page is never cached and never indexed.
"""

import pytest

from signalen.models import Signaal, SignaalGebeurtenis

pytestmark = pytest.mark.django_db

ROLLEN = ["anoniem", "ander_team", "eigen_team", "coordinator", "redacteur", "beheerder"]


def pagina_s(signaal):
    basis = f"/signalen/beheer/{signaal.referentie}"
    return {
        "werkvoorraad": ("get", "/signalen/beheer/", {}),
        "overzicht": ("get", "/signalen/beheer/overzicht/", {}),
        "detail": ("get", f"{basis}/", {}),
        "status": ("post", f"{basis}/status/", {"status": "in_behandeling"}),
        "toewijzen": ("post", f"{basis}/toewijzen/", {"medewerker": ""}),
        "notitie": ("post", f"{basis}/notitie/", {"tekst": "Gebeld, geen antwoord."}),
        "doorsturen": ("post", f"{basis}/doorsturen/", {"team": ""}),
        "misbruik": ("post", f"{basis}/misbruik/", {}),
    }


VERWACHT = {
    # werkvoorraad, overzicht, detail, status, toewijzen, notitie, doorsturen, misbruik (not
    # confirmed: a beheerder gets the form back)
    "anoniem": (302, 302, 302, 302, 302, 302, 302, 302),
    "ander_team": (200, 403, 404, 404, 404, 404, 404, 403),
    "eigen_team": (200, 403, 200, 302, 302, 302, 400, 403),
    "coordinator": (403, 403, 403, 403, 403, 403, 403, 403),
    "redacteur": (403, 403, 403, 403, 403, 403, 403, 403),
    "beheerder": (200, 200, 200, 302, 302, 302, 400, 400),
}


@pytest.mark.parametrize("rol", ROLLEN)
def test_elke_pagina_per_rol(client, rollen, signaal, rol):
    if rollen[rol]:
        client.force_login(rollen[rol])
    gebeurtenissen = SignaalGebeurtenis.objects.count()
    for (naam, (methode, url, data)), verwacht in zip(
        pagina_s(signaal).items(), VERWACHT[rol], strict=True
    ):
        response = getattr(client, methode)(url, data)
        assert response.status_code == verwacht, (naam, url)
        if rol == "anoniem":
            assert response["Location"].startswith("/admin/login/?next="), naam
        if response.status_code == 200:
            assert "no-store" in response["Cache-Control"], naam
            assert "noindex" in response["X-Robots-Tag"], naam
            assert '<meta name="robots" content="noindex' in response.content.decode(), naam
    if VERWACHT[rol][3] != 302:
        # Nothing changed by someone without access.
        assert SignaalGebeurtenis.objects.count() == gebeurtenissen
        assert Signaal.objects.get().status == Signaal.Status.NIEUW


def test_werkvoorraad_toont_alleen_de_signalen_van_het_eigen_team(
    client, rollen, signaal, team_zuid, wijk_zuid
):
    from signalen import services

    ander = services.dien_in(zorg="In Zuid.", wijk=wijk_zuid)
    client.force_login(rollen["eigen_team"])
    html = client.get("/signalen/beheer/?weergave=alle").content.decode()
    assert signaal.referentie in html and ander.referentie not in html
    client.force_login(rollen["ander_team"])
    html = client.get("/signalen/beheer/?weergave=alle").content.decode()
    assert ander.referentie in html and signaal.referentie not in html
    client.force_login(rollen["beheerder"])
    html = client.get("/signalen/beheer/?weergave=alle").content.decode()
    assert ander.referentie in html and signaal.referentie in html


def test_inactieve_medewerker_komt_er_niet_meer_in(client, rollen, signaal):
    gebruiker = rollen["eigen_team"]
    client.force_login(gebruiker)
    gebruiker.is_active = False
    gebruiker.save()
    assert client.get(f"/signalen/beheer/{signaal.referentie}/").status_code == 302


def test_medewerker_zonder_team_ziet_niets(client, rollen, signaal):
    from signalen.models import Teamlid

    Teamlid.objects.filter(gebruiker=rollen["eigen_team"]).delete()
    client.force_login(rollen["eigen_team"])
    assert signaal.referentie not in client.get("/signalen/beheer/?weergave=alle").content.decode()
    assert client.get(f"/signalen/beheer/{signaal.referentie}/").status_code == 404


def test_signalen_staan_niet_in_de_admin(client, rollen, signaal):
    client.force_login(rollen["beheerder"])
    assert client.get("/admin/signalen/signaal/").status_code == 404


def test_admin_start_wijst_de_weg_naar_de_signalen(client, rollen):
    client.force_login(rollen["eigen_team"])
    assert "/signalen/beheer/" in client.get("/admin/").content.decode()
    client.force_login(rollen["redacteur"])
    assert "/signalen/beheer/" not in client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "rol,verwacht", [("beheerder", 200), ("redacteur", 403), ("eigen_team", 403)]
)
def test_indeling_en_teamleden_alleen_door_een_beheerder(client, rollen, rol, verwacht):
    client.force_login(rollen[rol])
    for url in ("/admin/signalen/wijkroute/", "/admin/signalen/teamlid/add/"):
        assert client.get(url).status_code == verwacht, url


@pytest.mark.parametrize("rol", ["ander_team", "eigen_team", "coordinator", "redacteur"])
def test_alleen_een_beheerder_wist_als_misbruik(client, rollen, signaal, rol):
    client.force_login(rollen[rol])
    response = client.post(f"/signalen/beheer/{signaal.referentie}/misbruik/", {"zeker": "on"})
    assert response.status_code == 403
    signaal.refresh_from_db()
    assert signaal.misbruik_op is None and signaal.zorg


def test_beheerder_wist_spam_meteen_en_het_logboek_houdt_het_bij(client, rollen, signaal):
    from signalen import services

    services.voeg_notitie_toe(signaal, "Telefoonnummer klopt niet.", rollen["eigen_team"])
    client.force_login(rollen["beheerder"])
    detail = client.get(f"/signalen/beheer/{signaal.referentie}/").content.decode()
    assert "Spam of misbruik wissen" in detail
    response = client.post(f"/signalen/beheer/{signaal.referentie}/misbruik/", {"zeker": "on"})
    assert response.status_code == 302
    signaal.refresh_from_db()
    assert signaal.status == Signaal.Status.AFGESLOTEN and signaal.misbruik_op is not None
    assert (signaal.zorg, signaal.naam, signaal.email, signaal.telefoon) == ("", "", "", "")
    assert not signaal.gebeurtenissen.exclude(tekst="").exists()
    laatste = signaal.gebeurtenissen.order_by("wanneer", "pk").last()
    assert laatste.soort == SignaalGebeurtenis.Soort.MISBRUIK and laatste.wie == rollen["beheerder"]
    # It left the team's queue and the month's counts.
    client.force_login(rollen["eigen_team"])
    assert signaal.referentie not in client.get("/signalen/beheer/").content.decode()
    client.force_login(rollen["beheerder"])
    overzicht = client.get("/signalen/beheer/overzicht/").content.decode()
    assert "0 signalen" in overzicht and "1 gewist als misbruik" in overzicht
