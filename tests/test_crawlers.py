"""Search engines and shared links: filter combinations are not indexed, and tracking
parameters (utm_*, fbclid, gclid) redirect to the clean address, which shares its page cache
entry."""

import pytest

from tests.factories import DoelgroepFactory, OrganisatieFactory, ThemaFactory

pytestmark = pytest.mark.django_db

NOINDEX = '<meta name="robots" content="noindex">'


@pytest.fixture
def termen():
    thema = ThemaFactory(naam="Armoede", slug="armoede")
    ThemaFactory(naam="Wonen", slug="wonen")
    DoelgroepFactory(naam="Ouderen", slug="ouderen")
    OrganisatieFactory(naam="Schuldhulp Centrum", themas=[thema])


def test_lijst_met_hoogstens_een_filter_mag_geindexeerd_worden(client, termen):
    for adres in (
        "/organisaties/",
        "/organisaties/?q=schuld",
        "/organisaties/?thema=armoede",
        "/organisaties/?q=schuld&thema=armoede&pagina=2",
    ):
        assert NOINDEX not in client.get(adres).content.decode(), adres


def test_lijst_met_meer_dan_een_filter_krijgt_noindex(client, termen):
    for adres in (
        "/organisaties/?thema=armoede&doelgroep=ouderen",
        "/organisaties/?thema=armoede&thema=wonen",
        "/organisaties/?q=schuld&thema=armoede&gratis=true",
    ):
        assert NOINDEX in client.get(adres).content.decode(), adres


def test_organisatiepagina_mag_geindexeerd_worden_het_meldformulier_niet(client):
    organisatie = OrganisatieFactory()
    assert NOINDEX not in client.get(organisatie.get_absolute_url()).content.decode()
    assert NOINDEX in client.get(organisatie.get_absolute_url() + "melden/").content.decode()


@pytest.mark.parametrize(
    ("adres", "schoon"),
    [
        ("/organisaties/?q=schuld&utm_source=brief&utm_medium=mail", "/organisaties/?q=schuld"),
        ("/?fbclid=IwAR0abc", "/"),
        ("/organisaties/?gclid=x&thema=a&thema=wonen", "/organisaties/?thema=a&thema=wonen"),
        ("/organisaties/?UTM_Campaign=Zomer&q=caf%C3%A9+Zon", "/organisaties/?q=caf%C3%A9+Zon"),
        ("/organisaties/?q=a&msclkid=1&_ga=2&mc_cid=3&pagina=2", "/organisaties/?q=a&pagina=2"),
    ],
)  # fmt: skip
def test_volgparameters_verwijzen_door_naar_het_schone_adres(client, adres, schoon):
    antwoord = client.get(adres)
    assert antwoord.status_code == 301
    assert antwoord["Location"] == schoon


def test_zonder_volgparameters_geen_doorverwijzing(client, termen):
    assert client.get("/organisaties/?q=schuld&thema=armoede").status_code == 200
    # A search for the word itself is no tracking parameter.
    assert client.get("/organisaties/?q=utm_source").status_code == 200


def test_alleen_get_wordt_doorverwezen(client):
    organisatie = OrganisatieFactory()
    antwoord = client.post(
        organisatie.get_absolute_url() + "melden/?utm_source=x", {"toelichting": "Fout adres"}
    )
    assert antwoord.status_code == 302
    assert organisatie.wijzigingsvoorstellen.count() == 1


def test_doorverwijzing_blijft_op_deze_site(client):
    antwoord = client.get("//andere.example/?utm_source=x")
    assert antwoord.status_code == 301
    assert not antwoord["Location"].startswith("//")


def test_adres_met_volgparameters_deelt_de_cache_van_het_schone_adres(client, termen):
    assert client.get("/organisaties/?q=schuld")["X-Cache"] == "miss"
    antwoord = client.get("/organisaties/?q=schuld&fbclid=abc123", follow=True)
    assert antwoord.redirect_chain == [("/organisaties/?q=schuld", 301)]
    assert antwoord["X-Cache"] == "hit"
    assert "Schuldhulp Centrum" in antwoord.content.decode()
