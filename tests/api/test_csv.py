"""The directory as one CSV file for spreadsheets: a row per aanbod per location, safe to
open, linked from the organisation list."""

import csv
import io

import pytest

from tests.factories import AanbodFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def _rijen(client):
    antwoord = client.get("/api/v1/sociale-kaart.csv")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"].startswith('attachment; filename="sociale-kaart-')
    inhoud = antwoord.content.decode("utf-8")
    assert inhoud.startswith("\ufeff")  # BOM: Excel reads UTF-8
    lezer = csv.DictReader(io.StringIO(inhoud.removeprefix("\ufeff")), delimiter=";")
    return list(lezer)


def test_een_regel_per_aanbod_per_locatie(client, kaart):
    rijen = _rijen(client)
    paren = sorted((r["Organisatie"], r["Aanbod"], r["Locatie"]) for r in rijen)
    assert paren == [
        ("Schuldhulp Maassluis", "Budgetcoaching", "Buurthuis Oost"),
        ("Schuldhulp Maassluis", "Budgetcoaching", "Stadskantoor"),
        ("Wijkteam Noord", "Jongerenwerk", ""),  # no location: one row all the same
        ("Wijkteam Noord", "Koffieochtend", "Wijkpost"),
    ]
    stadskantoor = next(r for r in rijen if r["Locatie"] == "Stadskantoor")
    assert stadskantoor["Breedtegraad"] == "51,916000"  # decimal comma, as Dutch Excel reads
    assert stadskantoor["Openingstijden"] == "maandag 09:00-17:00 (Inloop); woensdag 13:00-16:30"
    assert stadskantoor["Kosten"] == "Eigen bijdrage: € 2,50 per keer"
    assert stadskantoor["Thema's"] == "Armoede en schulden"
    assert stadskantoor["Rolstoeltoegankelijk"] == "ja"
    assert stadskantoor["Aanbod-id"] == str(kaart["aanbod"]["budget"].uuid)
    slug = kaart["organisaties"]["schuldhulp"].slug
    assert stadskantoor["Pagina op de sociale kaart"].endswith(f"/organisaties/{slug}/")
    assert "Verborgen" not in str(rijen)


def test_organisatie_zonder_aanbod_staat_er_ook_in(client, db):
    OrganisatieFactory(naam="Alleen een naam")
    assert [(r["Organisatie"], r["Aanbod"]) for r in _rijen(client)] == [("Alleen een naam", "")]


def test_formules_worden_tekst(client, db):
    organisatie = OrganisatieFactory(naam='=HYPERLINK("http://kwaad.example","klik")')
    AanbodFactory(organisatie=organisatie, naam="+31 bellen", omschrijving="@SUM(A1)")
    rij = _rijen(client)[0]
    assert rij["Organisatie"] == '\'=HYPERLINK("http://kwaad.example","klik")'
    assert rij["Aanbod"] == "'+31 bellen"
    assert rij["Over het aanbod"] == "'@SUM(A1)"


def test_bestand_volgt_wijzigingen(client, kaart):
    assert len(_rijen(client)) == 4
    AanbodFactory(organisatie=kaart["organisaties"]["noord"], naam="Nieuw aanbod")
    assert len(_rijen(client)) == 5


def test_gelinkt_vanaf_de_lijst_en_de_api(client, kaart):
    pagina = client.get("/organisaties/").content.decode()
    assert 'href="/api/v1/sociale-kaart.csv"' in pagina
    assert 'href="/api/v1/"' in pagina
    assert client.get("/api/v1/").json()["csv_url"].endswith("/api/v1/sociale-kaart.csv")


def test_ingepakt_voor_wie_dat_aankan(client, kaart):
    import gzip

    gewoon = client.get("/api/v1/sociale-kaart.csv").content
    antwoord = client.get("/api/v1/sociale-kaart.csv", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert antwoord["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in antwoord["Vary"]
    assert gzip.decompress(antwoord.content) == gewoon
