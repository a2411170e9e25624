"""The postcode table: import of open data, the demo data, and PDOK for unknown postcodes.

The PDOK tests run a fake Locatieserver (tests/nep_pdok.py, a real HTTP server on 127.0.0.1)
and a real procrastinate worker, as in test_geocoderen.py.
"""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from procrastinate.contrib.django.models import ProcrastinateJob

from organisaties import postcodes
from organisaties.models import Locatie, Postcode
from tests import nep_pdok
from tests.factories import GebruikerFactory, LocatieFactory, OrganisatieFactory
from tests.organisaties.test_afstand import afstandsteksten, meldingen, namen

GOED_EN_FOUT = (
    "postcode,latitude,longitude\n"
    "3142,51.9165,4.2503\n"
    "3142 ab,51.9160,4.2500\n"
    "31,51.9,4.2\n"
    "3143AB,noord,4.27\n"
    "3144BA,40.0,4.26\n"
    "3145\n"
    "\n"
    "3146,51.927,4.238\n"
)


def test_import_bewaart_goede_regels_en_meldt_foute_met_regelnummer(db):
    verslag = postcodes.importeer(io.StringIO(GOED_EN_FOUT))
    assert verslag.opgeslagen == 3
    assert verslag.fouten == [
        (4, "'31' is geen postcode."),
        (5, "Breedte- en lengtegraad moeten getallen zijn, zoals 51.917."),
        (6, "Dit punt ligt niet in Nederland."),
        (7, "Er ontbreken kolommen."),
    ]
    assert dict(Postcode.objects.values_list("postcode", "latitude")) == {
        "3142": Decimal("51.916500"),
        "3142AB": Decimal("51.916000"),
        "3146": Decimal("51.927000"),
    }


def test_import_met_puntkomma_en_decimale_komma_werkt_bestaande_bij(db):
    Postcode.objects.create(postcode="3142", latitude=50.9, longitude=4.0, bron=Postcode.Bron.PDOK)
    tekst = "\ufeffPostcode;Longitude;Latitude\n3142;4,2503;51,9165\n"
    verslag = postcodes.importeer(io.StringIO(tekst))
    assert (verslag.opgeslagen, verslag.aantal_fouten) == (1, 0)
    rij = Postcode.objects.get(postcode="3142")
    assert (rij.latitude, rij.longitude, rij.bron) == (
        Decimal("51.916500"),
        Decimal("4.250300"),
        Postcode.Bron.IMPORT,
    )


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [("", "Het bestand is leeg."), ("pc,lat,lon\n3142,51.9,4.2\n", "Er ontbreekt: postcode")],
)
def test_import_zonder_kolommen_zegt_wat_er_mist(db, inhoud, melding):
    with pytest.raises(postcodes.ImportFout, match=melding):
        postcodes.importeer(io.StringIO(inhoud))


def test_importeer_postcodes_commando_leest_een_groot_bestand_in_delen(db, tmp_path, capsys):
    bestand = tmp_path / "pc6.csv"
    regels = ["postcode,latitude,longitude"]
    regels += [
        f"{3000 + i // 100}{chr(65 + i // 26 % 26)}{chr(65 + i % 26)},52.0,5.0"
        for i in range(12_000)
    ]
    regels.append("fout,52,5")
    bestand.write_text("\n".join(regels) + "\n", encoding="utf-8")
    uit, fouten = io.StringIO(), io.StringIO()
    call_command("importeer_postcodes", str(bestand), stdout=uit, stderr=fouten)
    aantal = Postcode.objects.count()
    assert aantal > 5000  # more than one batch
    assert f"{aantal} postcodes opgeslagen." in uit.getvalue()
    assert "Regel 12002: 'fout' is geen postcode." in fouten.getvalue()


def test_importeer_postcodes_commando_zonder_bestand(db, tmp_path):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("importeer_postcodes", str(tmp_path / "weg.csv"))


@pytest.fixture
def beheerder(client, db):
    gebruiker = GebruikerFactory(is_staff=True, is_superuser=True)
    client.force_login(gebruiker)
    return gebruiker


def test_beheer_upload_meldt_foute_regels_en_bewaart_goede(client, beheerder):
    bestand = SimpleUploadedFile("pc.csv", GOED_EN_FOUT.encode(), content_type="text/csv")
    response = client.post("/admin/organisaties/postcode/importeren/", {"bestand": bestand})
    assert response.status_code == 200
    html = response.content.decode()
    assert "3 postcodes opgeslagen. 4 regels overgeslagen." in html
    assert "Regel 5: Breedte- en lengtegraad moeten getallen zijn" in html
    assert Postcode.objects.count() == 3


def test_beheer_upload_zonder_fouten_gaat_naar_de_lijst(client, beheerder):
    bestand = SimpleUploadedFile("pc.csv", b"postcode,latitude,longitude\n3142,51.9,4.25\n")
    response = client.post("/admin/organisaties/postcode/importeren/", {"bestand": bestand})
    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    assert Postcode.objects.filter(postcode="3142").exists()


@pytest.mark.parametrize(
    ("inhoud", "melding"),
    [
        (b"\x00\xff\xfe binary", "De eerste regel moet de kolommen postcode"),
        (b"", "Het bestand is leeg."),
    ],
)
def test_beheer_upload_van_onzin_geeft_een_melding_geen_500(client, beheerder, inhoud, melding):
    bestand = SimpleUploadedFile("pc.csv", inhoud)
    response = client.post("/admin/organisaties/postcode/importeren/", {"bestand": bestand})
    assert response.status_code == 200
    assert melding in response.content.decode()


def test_demodata_vult_postcodes_van_maassluis_en_van_elke_demolocatie(demodata, client):
    for pc4 in range(3140, 3148):
        assert Postcode.objects.filter(postcode=str(pc4)).exists()
    for postcode in Locatie.objects.exclude(latitude=None).values_list("postcode", flat=True):
        assert Postcode.objects.filter(postcode=postcode.replace(" ", "")).exists()
    response = client.get("/organisaties/?postcode=3144BA&afstand=1")
    assert meldingen(response) == []
    assert "Gemeente Maassluis" in namen(response)
    assert afstandsteksten(response)[0] == "minder dan 100 m"


# --- PDOK for unknown postcodes, in the background ---------------------------------------------


@pytest.fixture
def pdok(settings):
    server = nep_pdok.NepPdok(punt="POINT(5.0 52.0)", postcode="3511AB")
    settings.PDOK_LOCATIESERVER_URL = server.url
    settings.GEOCODEREN_TIMEOUT = 1.0
    yield server
    server.stop()


@pytest.fixture
def dichtbij(transactional_db):
    o = OrganisatieFactory(naam="Dichtbij")
    LocatieFactory(organisatie=o, latitude=52.004, longitude=5.0)  # about 445 m north
    return o


@pytest.mark.django_db(transaction=True)
def test_onbekende_postcode_wordt_opgezocht_en_daarna_gebruikt(client, pdok, werker, dichtbij):
    response = client.get("/organisaties/?postcode=3511AB&afstand=1")
    assert "We kennen postcode 3511 AB nog niet" in meldingen(response)[0]
    assert pdok.aantal_vragen == 0  # the web request asked nothing

    werker()
    assert pdok.vragen[0]["fq"] == ["type:postcode"]
    rij = Postcode.objects.get(postcode="3511AB")
    assert (rij.latitude, rij.longitude, rij.bron) == (
        Decimal("52.000000"),
        Decimal("5.000000"),
        Postcode.Bron.PDOK,
    )
    response = client.get("/organisaties/?postcode=3511AB&afstand=1")
    assert meldingen(response) == []
    assert namen(response) == ["Dichtbij"]
    assert afstandsteksten(response) == ["440 m"]  # 0.004 degrees north: 445 m


@pytest.mark.django_db(transaction=True)
def test_pc4_is_het_midden_van_zijn_pc6_gebieden(pdok, werker):
    pdok.postcode = "3511AB"
    postcodes.plan_opzoeken("3511")
    werker()
    assert pdok.vragen[0]["q"] == ["postcode:3511*"]
    assert Postcode.objects.filter(postcode="3511", bron=Postcode.Bron.PDOK).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "gedrag", [nep_pdok.LEEG, nep_pdok.FOUT_500, nep_pdok.ONLEESBAAR, nep_pdok.TRAAG]
)
def test_pdok_dat_faalt_bewaart_niets_en_vraagt_vandaag_niet_opnieuw(
    client, pdok, werker, dichtbij, gedrag
):
    pdok.gedrag = gedrag
    client.get("/organisaties/?postcode=3511AB")
    werker()
    assert pdok.aantal_vragen == 1
    assert not Postcode.objects.exists()
    response = client.get("/organisaties/?postcode=3511AB&afstand=1")
    assert response.status_code == 200
    assert "We kennen postcode 3511 AB nog niet" in meldingen(response)[0]
    assert namen(response) == ["Dichtbij"]  # all results, unfiltered
    # Remembered as unknown: no new lookup queued for a day.
    assert not ProcrastinateJob.objects.filter(status="todo").exists()


@pytest.mark.django_db(transaction=True)
def test_pdok_met_een_andere_postcode_telt_niet(pdok, werker):
    pdok.postcode = "9999ZZ"
    postcodes.plan_opzoeken("3511AB")
    werker()
    assert not Postcode.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_pdok_met_een_punt_buiten_nederland_telt_niet(pdok, werker):
    pdok.punt = "POINT(-74.0 40.7)"
    postcodes.plan_opzoeken("3511AB")
    werker()
    assert not Postcode.objects.exists()


def test_api_proximity_rekent_vanaf_de_postcodetabel(client, db):
    Postcode.objects.create(postcode="3511", latitude=52.0, longitude=5.0)
    from tests.factories import AanbodFactory

    for naam, lat in (("Dichtbij", 52.004), ("Veraf", 52.1)):
        o = OrganisatieFactory(naam=naam)
        plek = LocatieFactory(organisatie=o, latitude=lat, longitude=5.0, naam=naam)
        AanbodFactory(organisatie=o, naam=f"Hulp {naam}").locaties.set([plek])
    data = client.get("/api/v1/service_at_locations?postcode=3511&proximity=1000").json()
    assert [s["location"]["name"] for s in data["contents"]] == ["Dichtbij"]
    onbekend = client.get("/api/v1/service_at_locations?postcode=9999&proximity=1000")
    assert onbekend.status_code == 400
    assert ProcrastinateJob.objects.filter(args={"postcode": "9999"}).exists()


def test_opzoeken_bij_pdok_heeft_een_maximum_per_uur(db, monkeypatch):
    """Random postcodes typed by visitors cannot flood the queue or PDOK."""
    monkeypatch.setattr(postcodes, "MAX_OPZOEKEN_PER_UUR", 2)
    assert [postcodes.plan_opzoeken(code) for code in ("9991", "9992", "9993")] == [
        True,
        True,
        False,
    ]
    assert ProcrastinateJob.objects.filter(task_name=postcodes.TAAK).count() == 2
