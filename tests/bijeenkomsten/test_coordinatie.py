"""What a coordinator does: register on behalf, paste lists, move, check in, export."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from bijeenkomsten import services
from bijeenkomsten.exports import veilige_cel
from bijeenkomsten.models import Aanmelding, Plakopdracht
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return GebruikerFactory(username="coordinator")


@pytest.fixture
def bijeenkomst(coordinator):
    return BijeenkomstFactory(
        slug="samen", capaciteit=2, coordinatoren=[coordinator], deur_open=True
    )


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


@pytest.mark.django_db(transaction=True)
def test_regels_plakken_meldt_elke_regel(ingelogd, bijeenkomst, werker):
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
            "Win nu op www.prijs.example, frank@example.nl, X",
        ]
    )
    response = ingelogd.post(url("plakken"), {"regels": regels}, follow=True)
    html = response.content.decode()
    assert "De lijst wordt verwerkt." in html  # the request only queues the work
    assert not Aanmelding.objects.exists()
    werker()
    opdracht = Plakopdracht.objects.get()
    uitkomsten = {r["regel"]: (r["uitkomst"], r["reden"]) for r in opdracht.verslag}
    assert uitkomsten[1][0] == uitkomsten[2][0] == "aangemeld"
    assert uitkomsten[4] == ("geweigerd", "Voer een geldig e-mailadres in.")
    assert uitkomsten[5][0] == "geweigerd"
    assert uitkomsten[6] == ("geweigerd", "Dit e-mailadres is al aangemeld voor deze bijeenkomst.")
    assert uitkomsten[7][0] == "wachtlijst"
    assert 3 not in uitkomsten  # the empty line is no line
    assert uitkomsten[8][0] == "geweigerd" and "webadres" in uitkomsten[8][1]
    html = ingelogd.get(response.redirect_chain[-1][0]).content.decode()
    assert "Klaar: 7 regels verwerkt. 2 aangemeld, 1 op de wachtlijst, 4 niet aangemeld." in html
    assert "Chantal zonder adres" in html
    rijen = {a.email: a for a in Aanmelding.objects.all()}
    assert rijen["anna@example.nl"].organisatie.naam == "Voedselbank Maassluis"
    assert rijen["bram@example.nl"].organisatie_naam == "Buurtvereniging Oost"
    assert rijen["esra@example.nl"].status == "wachtlijst"  # capacity 2


@pytest.mark.django_db(transaction=True)
def test_lange_lijst_wordt_helemaal_verwerkt_en_gemeld(ingelogd, coordinator, werker):
    bijeenkomst = BijeenkomstFactory(slug="groot", capaciteit=100)
    bijeenkomst.coordinatoren.add(coordinator)
    regels = "\n".join(f"Deelnemer {i}, d{i}@example.nl, Organisatie {i % 7}" for i in range(300))
    ingelogd.post(reverse("bijeenkomsten:plakken", args=["groot"]), {"regels": regels})
    werker()
    opdracht = Plakopdracht.objects.get()
    assert opdracht.status == Plakopdracht.Status.KLAAR
    assert opdracht.aantallen() == {"aangemeld": 100, "wachtlijst": 200, "geweigerd": 0}
    assert bijeenkomst.aanmeldingen.count() == 300


@pytest.mark.django_db(transaction=True)
def test_onderbroken_lijst_gaat_verder_waar_hij_was(coordinator, werker):
    from bijeenkomsten.tasks import verwerk_plakopdracht_taak

    bijeenkomst = BijeenkomstFactory(slug="half", capaciteit=10)
    regels = "\n".join(f"Persoon {i}, p{i}@example.nl" for i in range(1, 6))
    # A worker stopped after line 2: lines 1 and 2 were registered and reported.
    for i in (1, 2):
        services.aanmelden(bijeenkomst, naam=f"Persoon {i}", email=f"p{i}@example.nl")
    opdracht = Plakopdracht.objects.create(
        bijeenkomst=bijeenkomst,
        regels=regels,
        door=coordinator,
        status=Plakopdracht.Status.BEZIG,
        verslag=[{"regel": i, "tekst": "", "uitkomst": "aangemeld", "reden": ""} for i in (1, 2)],
    )
    verwerk_plakopdracht_taak.defer(opdracht_id=opdracht.pk)
    werker()
    opdracht.refresh_from_db()
    assert [r["regel"] for r in opdracht.verslag] == [1, 2, 3, 4, 5]
    assert opdracht.aantallen() == {"aangemeld": 5, "wachtlijst": 0, "geweigerd": 0}
    assert bijeenkomst.aanmeldingen.count() == 5


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


def test_de_oude_incheckpagina_gaat_naar_de_deur_met_de_zoekopdracht(ingelogd, bijeenkomst):
    a = services.aanmelden(bijeenkomst, naam="Anna de Vries", email="a@x.nl")
    response = ingelogd.get(url("inchecken"), {"q": "anna"})
    assert response.status_code == 302
    assert response["Location"] == url("deur") + "?q=anna"
    assert ingelogd.get(url("inchecken"))["Location"] == url("deur")
    # The rows had their own undo: that address is gone. Undo is the door's separate page.
    oud = f"/coordinatie/bijeenkomsten/{bijeenkomst.slug}/inchecken/{a.pk}/"
    assert ingelogd.post(oud, {"actie": "aanwezig"}).status_code == 404
    a.refresh_from_db()
    assert a.status == "bevestigd"


def test_export_csv_is_puntkomma_en_veilig(ingelogd, bijeenkomst):
    services.aanmelden(bijeenkomst, naam='=HYPERLINK("http://x")', email="a@x.nl", functie="+31")
    services.aanmelden(bijeenkomst, naam="Anna; de Vries", email="b@x.nl", dieetwensen="@halal")
    response = ingelogd.post(url("export", "csv"))
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
    response = ingelogd.post(url("export", "xlsx"))
    blad = load_workbook(io.BytesIO(response.content)).active
    assert blad["A1"].value == "Naam"
    assert blad["A2"].value == "'-2+3"
    assert blad["B2"].value == "a@x.nl"
    assert ingelogd.post(url("export", "pdf")).status_code == 404


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
    html = ingelogd.get(url("presentielijst") + "?bevestigd=ja").content.decode()
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
    paginas = {
        "deelnemers": url("deelnemers"),
        "deur": url("deur"),
        "presentielijst": url("presentielijst") + "?bevestigd=ja",
    }
    for naam, adres in paginas.items():
        with CaptureQueriesContext(connection) as context:
            ingelogd.get(adres)
        tellingen[naam] = len(context.captured_queries)
    for i in range(3, 30):
        services.aanmelden(bijeenkomst, naam=f"P{i}", email=f"p{i}@x.nl", organisatie=organisatie)
    for naam, aantal in tellingen.items():
        with django_assert_max_num_queries(aantal):
            ingelogd.get(paginas[naam])


@pytest.mark.parametrize("slug", ["netwerk", "bijeenkomsten", "inchecken", "plakken"])
def test_bijeenkomst_met_de_naam_van_een_coordinatiepagina_is_te_beheren(
    ingelogd, coordinator, slug
):
    bijeenkomst = BijeenkomstFactory(
        slug=slug, titel=f"Bijeenkomst {slug}", coordinatoren=[coordinator]
    )
    services.aanmelden(bijeenkomst, naam="Anna de Vries", email="anna@example.nl")
    for naam in ("deelnemers", "deur", "downloaden", "netwerk"):
        response = ingelogd.get(reverse(f"bijeenkomsten:{naam}", args=[slug]))
        assert response.status_code == 200, naam
        assert response.context["bijeenkomst"] == bijeenkomst
    assert (
        "Anna de Vries"
        in ingelogd.get(reverse("bijeenkomsten:deelnemers", args=[slug])).content.decode()
    )
    # The coordinators' own pages still answer as themselves.
    assert "bijeenkomst" not in ingelogd.get(reverse("bijeenkomsten:netwerk_totaal")).context


def test_slug_van_een_openbare_pagina_wordt_geweigerd():
    from django.core.exceptions import ValidationError

    bijeenkomst = BijeenkomstFactory.build(slug="archief")
    with pytest.raises(ValidationError) as fout:
        bijeenkomst.full_clean(exclude=["locatie", "vervolg_op"])
    assert "al in gebruik" in str(fout.value)
