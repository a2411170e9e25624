"""What a coordinator does: register on behalf, paste lists, move, check in, export."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from bijeenkomsten import services
from bijeenkomsten.exports import veilige_cel
from bijeenkomsten.models import Aanmelding
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return GebruikerFactory(username="coordinator")


@pytest.fixture
def bijeenkomst(coordinator):
    return BijeenkomstFactory(slug="samen", capaciteit=2, coordinatoren=[coordinator])


@pytest.fixture
def ingelogd(client, coordinator):
    client.force_login(coordinator)
    return client


def url(naam, *args):
    return reverse(f"bijeenkomsten:{naam}", args=["samen", *args])


def test_namens_iemand_aanmelden(ingelogd, bijeenkomst, coordinator):
    response = ingelogd.post(
        url("deelnemers"), {"naam": "Piet Bakker", "email": "piet@example.nl"}, follow=True
    )
    assert "Piet Bakker is aangemeld (bevestigd)." in response.content.decode()
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.aangemeld_door == coordinator


def test_namens_aanmelden_met_fout_houdt_invoer_vast(ingelogd, bijeenkomst):
    services.aanmelden(bijeenkomst, naam="Piet", email="piet@example.nl")
    response = ingelogd.post(url("deelnemers"), {"naam": "Piet Bakker", "email": "PIET@example.nl"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "al aangemeld" in html and 'value="Piet Bakker"' in html


def test_regels_plakken(ingelogd, bijeenkomst):
    OrganisatieFactory(naam="Voedselbank Maassluis")
    regels = "\n".join(
        [
            "Anna de Vries, anna@example.nl, Voedselbank Maassluis",
            "Bram Jansen; bram@example.nl; Buurtvereniging Oost",
            "",
            "Chantal zonder adres",
            "Daan Visser, geen-email, X",
            "anna de vries, ANNA@example.nl, Voedselbank Maassluis",
            "Esra Smit\tesra@example.nl\tStichting MOE, afdeling Zaandam",
        ]
    )
    response = ingelogd.post(url("plakken"), {"regels": regels}, follow=True)
    html = response.content.decode()
    assert "3 personen aangemeld." in html
    assert "Regel 4" in html and "Regel 5" in html and "Regel 6" in html and "al aangemeld" in html
    rijen = {a.email: a for a in Aanmelding.objects.all()}
    assert rijen["anna@example.nl"].organisatie.naam == "Voedselbank Maassluis"
    assert rijen["bram@example.nl"].organisatie_naam == "Buurtvereniging Oost"
    assert rijen["esra@example.nl"].status == "wachtlijst"  # capacity 2


def test_verplaatsen_vraagt_een_reden(ingelogd, bijeenkomst):
    a = services.aanmelden(bijeenkomst, naam="A", email="a@x.nl")
    response = ingelogd.post(
        url("verplaatsen", a.pk), {"naar": "wachtlijst", "reden": ""}, follow=True
    )
    assert "Geef een reden op." in response.content.decode()
    a.refresh_from_db()
    assert a.status == "bevestigd"
    ingelogd.post(url("verplaatsen", a.pk), {"naar": "wachtlijst", "reden": "Dubbel"})
    a.refresh_from_db()
    assert a.status == "wachtlijst"


def test_deelnemers_zoeken_en_filteren(ingelogd, bijeenkomst):
    services.aanmelden(bijeenkomst, naam="Anna de Vries", email="anna@x.nl")
    services.aanmelden(bijeenkomst, naam="Bram Jansen", email="bram@x.nl", organisatie_naam="OZW")
    services.aanmelden(bijeenkomst, naam="Chantal Smit", email="chantal@x.nl")
    namen = lambda r: [a.naam for a in r.context["aanmeldingen"]]  # noqa: E731
    assert namen(ingelogd.get(url("deelnemers"), {"q": "ozw"})) == ["Bram Jansen"]
    assert namen(ingelogd.get(url("deelnemers"), {"status": "wachtlijst"})) == ["Chantal Smit"]
    assert ingelogd.get(url("deelnemers"), {"status": "onzin"}).status_code == 200


def test_inchecken_zonder_javascript_twee_keer_en_ongedaan(ingelogd, bijeenkomst):
    a = services.aanmelden(bijeenkomst, naam="Anna de Vries", email="a@x.nl")
    for _ in range(2):
        response = ingelogd.post(url("inchecken_actie", a.pk), {"actie": "aanwezig", "q": "anna"})
        assert response.status_code == 302
        assert response["Location"] == url("inchecken") + f"?q=anna#aanmelding-{a.pk}"
    a.refresh_from_db()
    assert a.status == "aanwezig"
    ingelogd.post(url("inchecken_actie", a.pk), {"actie": "ongedaan"})
    a.refresh_from_db()
    assert a.status == "bevestigd"


def test_inchecken_met_javascript_antwoordt_json(ingelogd, bijeenkomst):
    a = services.aanmelden(bijeenkomst, naam="Anna", email="a@x.nl")
    response = ingelogd.post(
        url("inchecken_actie", a.pk), {"actie": "aanwezig"}, HTTP_ACCEPT="application/json"
    )
    assert response.json() == {
        "status": "aanwezig",
        "melding": "Anna is aanwezig.",
        "fout": False,
        "aantal_aanwezig": 1,
        "aantal_bevestigd": 1,
    }


def test_incheckpagina_zoekt_op_naam_en_toont_alleen_bevestigden(ingelogd, bijeenkomst):
    services.aanmelden(bijeenkomst, naam="Anna de Vries", email="a@x.nl")
    services.aanmelden(bijeenkomst, naam="Bram Jansen", email="b@x.nl")
    services.aanmelden(bijeenkomst, naam="Anna Wachtlijst", email="c@x.nl")
    response = ingelogd.get(url("inchecken"), {"q": "anna"})
    assert [a.naam for a in response.context["aanmeldingen"]] == ["Anna de Vries"]


def test_export_csv_is_puntkomma_en_veilig(ingelogd, bijeenkomst):
    services.aanmelden(bijeenkomst, naam='=HYPERLINK("http://x")', email="a@x.nl", functie="+31")
    services.aanmelden(bijeenkomst, naam="Anna; de Vries", email="b@x.nl", dieetwensen="@halal")
    response = ingelogd.get(url("export", "csv"))
    assert response["Content-Disposition"] == 'attachment; filename="deelnemers-samen.csv"'
    tekst = response.content.decode("utf-8")
    assert tekst.startswith("\ufeffNaam;E-mailadres;")
    rijen = list(csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    namen = {rij[0] for rij in rijen[1:]}
    assert namen == {'\'=HYPERLINK("http://x")', "Anna; de Vries"}
    assert "'+31" in rijen[1] or "'+31" in rijen[2]
    assert any("'@halal" in rij for rij in rijen)


def test_export_xlsx(ingelogd, bijeenkomst):
    services.aanmelden(bijeenkomst, naam="-2+3", email="a@x.nl")
    response = ingelogd.get(url("export", "xlsx"))
    blad = load_workbook(io.BytesIO(response.content)).active
    assert blad["A1"].value == "Naam"
    assert blad["A2"].value == "'-2+3"
    assert blad["B2"].value == "a@x.nl"
    assert ingelogd.get(url("export", "pdf")).status_code == 404


@pytest.mark.parametrize(
    ("waarde", "veilig"),
    [
        ("=1+1", "'=1+1"),
        ("+31 6", "'+31 6"),
        ("-5", "'-5"),
        ("@SUM", "'@SUM"),
        ("\tx", "'\tx"),
        ("Anna", "Anna"),
        ("", ""),
        (None, ""),
        (3, 3),
    ],
)
def test_veilige_cel(waarde, veilig):
    assert veilige_cel(waarde) == veilig


def test_presentielijst_is_printbaar(ingelogd, bijeenkomst, settings):
    services.inchecken(services.aanmelden(bijeenkomst, naam="Anna", email="a@x.nl"))
    services.aanmelden(bijeenkomst, naam="Bram", email="b@x.nl")
    html = ingelogd.get(url("presentielijst")).content.decode()
    assert "✓ Anna" in html and "Bram" in html and "Handtekening" in html
    css = (settings.BASE_DIR / "static" / "css" / "presentielijst.css").read_text()
    assert "@media print" in css


def test_pagina_queries_groeien_niet_met_deelnemers(
    ingelogd, bijeenkomst, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    bijeenkomst.capaciteit = 100
    bijeenkomst.save()
    organisatie = OrganisatieFactory()
    for i in range(3):
        services.aanmelden(bijeenkomst, naam=f"P{i}", email=f"p{i}@x.nl", organisatie=organisatie)
    tellingen = {}
    for naam in ("deelnemers", "inchecken", "presentielijst"):
        with CaptureQueriesContext(connection) as context:
            ingelogd.get(url(naam))
        tellingen[naam] = len(context.captured_queries)
    for i in range(3, 30):
        services.aanmelden(bijeenkomst, naam=f"P{i}", email=f"p{i}@x.nl", organisatie=organisatie)
    for naam, aantal in tellingen.items():
        with django_assert_max_num_queries(aantal):
            ingelogd.get(url(naam))
