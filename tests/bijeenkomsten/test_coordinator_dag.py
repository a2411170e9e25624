"""The coordinator's day: where they land after logging in, who is logged in, files with
personal data behind a deliberate step, cancelling that asks first, and the turnout after
the meeting (counts only in the network view)."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Inzage
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from tests.factories import (
    BijeenkomstFactory,
    GebruikerFactory,
    OrganisatieFactory,
    SoortFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return GebruikerFactory(
        username="carla", first_name="Carla", last_name="Jansen", groepen=[COORDINATOREN]
    )


@pytest.fixture
def bijeenkomst(coordinator):
    return BijeenkomstFactory(slug="samen", titel="Samen sterk", coordinatoren=[coordinator])


@pytest.fixture
def aanmelding(bijeenkomst):
    return services.aanmelden(bijeenkomst, naam="Geheime Persoon", email="geheim@example.nl")


def url(naam, *args):
    return reverse(f"bijeenkomsten:{naam}", args=["samen", *args])


def inloggen_met_wachtwoord(client, gebruiker, **extra):
    return client.post(
        "/admin/login/",
        {"username": gebruiker.username, "password": "geheim-wachtwoord", **extra},
    )


# Landing after login


@pytest.mark.parametrize(
    ("rollen", "superuser", "bestemming"),
    [
        ([COORDINATOREN], False, "/coordinatie/"),
        ([COORDINATOREN, REDACTEUREN], False, "/admin/"),
        ([REDACTEUREN], False, "/admin/"),
        ([BEHEERDERS], False, "/admin/"),
        ([], True, "/admin/"),
    ],
)
def test_na_inloggen_landt_alleen_een_coordinator_op_coordinatie(
    client, rollen, superuser, bestemming
):
    gebruiker = GebruikerFactory(username="iemand", groepen=rollen, is_superuser=superuser)
    response = inloggen_met_wachtwoord(client, gebruiker)
    assert response.status_code == 302
    assert response["Location"] == bestemming
    assert client.get(bestemming).status_code == 200


def test_coordinator_zonder_groep_maar_met_bijeenkomst_landt_ook_op_coordinatie(client):
    gebruiker = GebruikerFactory(username="los")
    BijeenkomstFactory(coordinatoren=[gebruiker])
    assert inloggen_met_wachtwoord(client, gebruiker)["Location"] == "/coordinatie/"


def test_eigen_volgende_pagina_blijft_gelden(client, coordinator):
    response = inloggen_met_wachtwoord(client, coordinator, next="/admin/password_change/")
    assert response["Location"] == "/admin/password_change/"


def test_coordinator_die_naar_de_admin_wilde_komt_in_de_admin(client, coordinator):
    # /admin/ while logged out sends to /admin/login/?next=/admin/; the form repeats it.
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "carla", "password": "geheim-wachtwoord", "next": "/admin/"},
    )
    assert response["Location"] == "/admin/"


def test_fout_wachtwoord_blijft_op_inlogpagina(client, coordinator):
    response = client.post("/admin/login/", {"username": "carla", "password": "fout"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_met_tweestapsverificatie_eerst_de_code_daarna_coordinatie(client, coordinator, settings):
    settings.TWEE_FACTOR_VERPLICHT = True
    response = inloggen_met_wachtwoord(client, coordinator)
    assert response["Location"] == "/coordinatie/"
    response = client.get("/coordinatie/")
    assert response.status_code == 302
    assert response["Location"].startswith("/tweestapsverificatie/")
    assert "next=%2Fcoordinatie%2F" in response["Location"]


@pytest.mark.parametrize(
    ("rollen", "coordineert", "ziet_link"),
    [
        ([COORDINATOREN], False, True),
        ([BEHEERDERS], False, True),
        ([REDACTEUREN], True, True),
        ([REDACTEUREN], False, False),
    ],
)
def test_admin_start_linkt_naar_coordinatie_voor_wie_mag_coordineren(
    client, rollen, coordineert, ziet_link
):
    gebruiker = GebruikerFactory(username="iemand", groepen=rollen)
    if coordineert:
        BijeenkomstFactory(coordinatoren=[gebruiker])
    client.force_login(gebruiker)
    html = client.get("/admin/").content.decode()
    assert (f'href="{reverse("bijeenkomsten:coordinatie")}"' in html) is ziet_link


# The coordinator header


def test_kop_toont_wie_is_ingelogd_en_een_uitlogknop(client, coordinator, bijeenkomst):
    client.force_login(coordinator)
    for adres in ("/coordinatie/", url("deelnemers"), url("downloaden")):
        html = client.get(adres).content.decode()
        assert "Ingelogd als" in html and "Carla Jansen" in html, adres
        assert f'action="{reverse("admin:logout")}"' in html, adres
        # Not the residents' menu.
        assert 'aria-label="Hoofdmenu"' not in html, adres


def test_uitloggen_werkt_en_daarna_geen_deelnemers(client, coordinator, bijeenkomst, aanmelding):
    client.force_login(coordinator)
    response = client.post(reverse("admin:logout"))
    assert response.status_code == 200
    response = client.get(url("deelnemers"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert "Geheime Persoon" not in response.content.decode()


def test_kop_ontsnapt_de_naam_van_de_gebruiker(client, bijeenkomst):
    gebruiker = GebruikerFactory(username="x", first_name="<script>alert(1)</script>")
    bijeenkomst.coordinatoren.add(gebruiker)
    client.force_login(gebruiker)
    html = client.get("/coordinatie/").content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


# Files behind a deliberate step


def test_directe_exportlinks_gaan_naar_de_stap_met_de_waarschuwing(client, coordinator, aanmelding):
    client.force_login(coordinator)
    for adres in (url("export", "csv"), url("export", "xlsx"), url("presentielijst")):
        response = client.get(adres)
        assert response.status_code == 302, adres
        assert response["Location"] == url("downloaden"), adres
    assert not Inzage.objects.exists(), "nothing was looked at yet"
    html = client.get(url("downloaden")).content.decode()
    assert "persoonsgegevens" in html
    assert "niet rond per e-mail" in html and "Verwijder het bestand" in html
    assert "Geheime Persoon" not in html


def test_geen_pagina_linkt_direct_naar_een_bestand(client, coordinator, aanmelding):
    client.force_login(coordinator)
    for adres in ("/coordinatie/", url("deelnemers"), url("netwerk")):
        html = client.get(adres).content.decode()
        assert "export.csv" not in html and "export.xlsx" not in html, adres
        assert url("presentielijst") not in html, adres
        if adres != "/coordinatie/":
            assert url("downloaden") in html, adres


def test_na_de_stap_werkt_het_downloaden(client, coordinator, aanmelding):
    client.force_login(coordinator)
    html = client.get(url("downloaden")).content.decode()
    assert f'method="post" action="{url("export", "xlsx")}"' in html
    response = client.post(url("export", "xlsx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="deelnemers-samen.xlsx"'
    blad = load_workbook(io.BytesIO(response.content)).active
    assert blad["A2"].value == "Geheime Persoon"
    assert client.post(url("export", "csv")).status_code == 200
    presentielijst = client.get(url("presentielijst") + "?bevestigd=ja")
    assert "Geheime Persoon" in presentielijst.content.decode()
    assert sorted(Inzage.objects.values_list("actie", flat=True)) == [
        "export_csv",
        "export_xlsx",
        "presentielijst",
    ]


def test_export_vraagt_een_geldig_csrf_token(coordinator, aanmelding):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)
    assert client.post(url("export", "csv")).status_code == 403
    assert not Inzage.objects.exists()


@pytest.mark.parametrize("wie", ["andere_coordinator", "redacteur"])
def test_de_stap_en_de_bestanden_houden_de_rechten(client, aanmelding, wie):
    rol = COORDINATOREN if wie == "andere_coordinator" else REDACTEUREN
    ander = GebruikerFactory(username="ander", groepen=[rol])
    BijeenkomstFactory(slug="andere", coordinatoren=[ander])
    client.force_login(ander)
    assert client.get(url("downloaden")).status_code == 403
    for formaat in ("csv", "xlsx"):
        assert client.get(url("export", formaat)).status_code == 403
        response = client.post(url("export", formaat))
        assert response.status_code == 403
        assert b"Geheime Persoon" not in response.content
    assert client.get(url("presentielijst") + "?bevestigd=ja").status_code == 403
    assert not Inzage.objects.exists()


def test_stap_en_bestanden_voor_anoniem_naar_inloggen(client, aanmelding):
    for response in (client.get(url("downloaden")), client.post(url("export", "csv"))):
        assert response.status_code == 302 and "/admin/login/" in response["Location"]


# Cancelling asks first


def test_annuleren_vraagt_eerst_om_bevestiging(client, coordinator, aanmelding):
    client.force_login(coordinator)
    deelnemers = client.get(url("deelnemers")).content.decode()
    annuleer_url = url("annuleren", aanmelding.pk)
    assert f'href="{annuleer_url}"' in deelnemers, "a link to the confirmation, not a button"
    bevestigen = client.get(annuleer_url)
    assert bevestigen.status_code == 200
    html = bevestigen.content.decode()
    assert "Geheime Persoon" in html and "Ja, annuleer deze aanmelding" in html
    # A POST without the confirmation (an old form, a double submit) changes nothing.
    assert client.post(annuleer_url).status_code == 200
    aanmelding.refresh_from_db()
    assert aanmelding.status == Aanmelding.Status.BEVESTIGD

    response = client.post(annuleer_url, {"bevestigd": "ja"}, follow=True)
    aanmelding.refresh_from_db()
    assert aanmelding.status == Aanmelding.Status.GEANNULEERD
    assert "De aanmelding van Geheime Persoon is geannuleerd." in response.content.decode()
    # Asked again after it is done: it says so instead of asking once more.
    response = client.get(annuleer_url, follow=True)
    assert "was al geannuleerd" in response.content.decode()


def test_annuleren_geeft_de_plaats_aan_de_wachtlijst(client, coordinator, bijeenkomst):
    bijeenkomst.capaciteit = 1
    bijeenkomst.save()
    eerste = services.aanmelden(bijeenkomst, naam="Eerste", email="1@example.nl")
    tweede = services.aanmelden(bijeenkomst, naam="Tweede", email="2@example.nl")
    assert tweede.status == Aanmelding.Status.WACHTLIJST
    client.force_login(coordinator)
    assert "eerste op de wachtlijst" in client.get(url("annuleren", eerste.pk)).content.decode()
    client.post(url("annuleren", eerste.pk), {"bevestigd": "ja"})
    tweede.refresh_from_db()
    # Weeks before the meeting the freed place is offered (and held), not given at once.
    assert tweede.heeft_aanbod
    assert services.plaatsen_over(bijeenkomst) == 0


def test_onbekende_aanmelding_annuleren_is_404(client, coordinator, bijeenkomst):
    client.force_login(coordinator)
    assert client.get(url("annuleren", 999999)).status_code == 404


def test_deelnemerslijst_heeft_een_knop_per_kaart_en_geen_herhaald_redenveld(
    client, coordinator, bijeenkomst
):
    for i in range(3):
        services.aanmelden(bijeenkomst, naam=f"Persoon {i}", email=f"p{i}@example.nl")
    client.force_login(coordinator)
    html = client.get(url("deelnemers")).content.decode()
    assert "<table" not in html
    # Each card: its actions behind one disclosure.
    assert html.count('class="coordinatie-acties"') == 3
    assert html.count("<summary>") == 3


# Turnout after the meeting


def afgelopen_bijeenkomst(coordinator, slug="voorbij"):
    start = timezone.now() - datetime.timedelta(days=2)
    return BijeenkomstFactory(
        slug=slug,
        capaciteit=20,
        start=start,
        einde=start + datetime.timedelta(hours=3),
        coordinatoren=[coordinator],
    )


def aanwezig(aanmelding):
    Aanmelding.objects.filter(pk=aanmelding.pk).update(
        status=Aanmelding.Status.AANWEZIG, aanwezig_op=timezone.now()
    )


@pytest.fixture
def voorbij(coordinator):
    """An ended meeting: wijkteam 2 of 3 came, welzijn 1 of 1, a typed organisation 0 of 1,
    someone on the waiting list and a cancellation (neither counts)."""
    wijkteam = SoortFactory(naam="Wijkteam", slug="wijkteam")
    welzijn = SoortFactory(naam="Welzijn", slug="welzijn")
    noord = OrganisatieFactory(naam="Wijkteam Noord", soort=wijkteam)
    zuid = OrganisatieFactory(naam="Wijkteam Zuid", soort=wijkteam)
    buurt = OrganisatieFactory(naam="Buurthuis", soort=welzijn)
    bijeenkomst = afgelopen_bijeenkomst(coordinator)

    def aan(naam, **extra):
        return services.aanmelden(
            bijeenkomst, naam=naam, email=f"{naam}@example.nl", door=coordinator, **extra
        )

    aanwezig(aan("anna", organisatie=noord))
    aan("bram", organisatie=noord)
    aanwezig(aan("cor", organisatie=zuid))
    aanwezig(aan("dirk", organisatie=buurt))
    aan("eva", organisatie_naam="Koor De Stem")
    weg = aan("fien", organisatie=buurt)
    services.annuleren(weg)
    Aanmelding.objects.create(
        bijeenkomst=bijeenkomst,
        naam="gijs",
        email="gijs@example.nl",
        organisatie=buurt,
        status=Aanmelding.Status.WACHTLIJST,
    )
    return bijeenkomst


def regels(response, sleutel):
    opkomst = (
        response.context[sleutel] if sleutel == "opkomst" else response.context["inzicht"].opkomst
    )
    return (
        {r.naam: (r.aangemeld, r.aanwezig, r.weggebleven) for r in opkomst.soorten},
        {r.naam: (r.aangemeld, r.aanwezig, r.weggebleven) for r in opkomst.organisaties},
        (opkomst.totaal.aangemeld, opkomst.totaal.aanwezig),
    )


def test_opkomst_per_organisatie_en_soort_op_de_deelnemerspagina(client, coordinator, voorbij):
    client.force_login(coordinator)
    response = client.get(reverse("bijeenkomsten:deelnemers", args=["voorbij"]))
    soorten, organisaties, totaal = regels(response, "opkomst")
    assert totaal == (5, 3)
    assert soorten == {
        "Wijkteam": (3, 2, 1),
        "Welzijn": (1, 1, 0),
        "Niet in de sociale kaart": (1, 0, 1),
    }
    assert organisaties == {
        "Wijkteam Noord": (2, 1, 1),
        "Wijkteam Zuid": (1, 1, 0),
        "Buurthuis": (1, 1, 0),
        "Koor De Stem": (1, 0, 1),
    }
    html = response.content.decode()
    assert "Opkomst" in html and "2 van 3 aanwezig" in html and "1 niet gekomen" in html


def test_geen_opkomst_voor_het_einde(client, coordinator, bijeenkomst, aanmelding):
    client.force_login(coordinator)
    response = client.get(url("deelnemers"))
    assert not response.context["opkomst"]
    assert 'id="opkomst-kop"' not in response.content.decode()


def test_netwerkinzicht_toont_opkomst_alleen_als_aantallen(client, coordinator, voorbij):
    client.force_login(coordinator)
    for adres in (
        reverse("bijeenkomsten:netwerk", args=["voorbij"]),
        reverse("bijeenkomsten:netwerk_totaal"),
    ):
        response = client.get(adres)
        soorten, organisaties, totaal = regels(response, "inzicht")
        assert totaal == (5, 3), adres
        assert soorten["Wijkteam"] == (3, 2, 1), adres
        html = response.content.decode()
        assert 'id="opkomst-kop"' in html, adres
        for persoon in ("anna", "bram", "cor", "dirk", "eva", "fien", "gijs"):
            assert persoon not in html, (adres, persoon)
            assert f"{persoon}@example.nl" not in html, (adres, persoon)


def test_opkomst_telt_over_meerdere_afgelopen_bijeenkomsten(client, coordinator, voorbij):
    tweede = afgelopen_bijeenkomst(coordinator, slug="ook-voorbij")
    services.aanmelden(
        tweede,
        naam="hans",
        email="hans@example.nl",
        organisatie_naam="Koor De Stem",
        door=coordinator,
    )
    client.force_login(coordinator)
    response = client.get(reverse("bijeenkomsten:netwerk_totaal"))
    _, organisaties, totaal = regels(response, "inzicht")
    assert organisaties["Koor De Stem"] == (2, 0, 2)
    assert totaal == (6, 3)


def test_opkomstpagina_queries_groeien_niet_met_deelnemers(
    client, coordinator, voorbij, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(coordinator)
    adres = reverse("bijeenkomsten:deelnemers", args=["voorbij"])
    with CaptureQueriesContext(connection) as context:
        client.get(adres)
    for i in range(15):
        aanwezig(
            services.aanmelden(
                voorbij,
                naam=f"extra{i}",
                email=f"extra{i}@example.nl",
                organisatie=OrganisatieFactory(naam=f"Organisatie {i}"),
                door=coordinator,
            )
        )
    with django_assert_max_num_queries(len(context.captured_queries)):
        client.get(adres)
