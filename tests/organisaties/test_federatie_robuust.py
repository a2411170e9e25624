"""A neighbour's feed that is down, slow, malformed, endless or full of invalid objects never
breaks the import of the other feeds or the own directory; what went wrong is on the feed."""

import time

import pytest

from organisaties import federatie
from organisaties.demo_regio import diensten
from organisaties.models import Doelgroep, Organisatie, Regiobron, Soort, Thema
from tests import nep_hsds
from tests.factories import AanbodFactory, LocatieFactory, SoortFactory, ThemaFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nep():
    server = nep_hsds.NepHsds()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def krappe_grenzen(settings):
    settings.FEDERATIE_TIMEOUT = 0.5
    settings.FEDERATIE_TIJDSBUDGET = 3.0
    settings.FEDERATIE_MAX_BYTES = 200_000
    settings.FEDERATIE_MAX_PAGINAS = 5
    settings.FEDERATIE_PER_PAGINA = 2


@pytest.fixture
def termen():
    SoortFactory(slug="welzijnspartner", naam="Welzijnspartner")
    ThemaFactory(slug="eenzaamheid", naam="Eenzaamheid")
    return None


def organisatie(slug, naam=None, postcode="1506 EG", website="", aanbod=1):
    return {
        "slug": slug,
        "naam": naam or slug.replace("-", " ").title(),
        "soort": "welzijnspartner",
        "omschrijving": "Helpt inwoners in de regio.",
        "website": website,
        "email": f"info@{slug}.nl",
        "telefoon": "075 123 45 67",
        "themas": ["eenzaamheid"],
        "locaties": [
            (
                "",
                "Westzijde 1",
                postcode,
                "Zaandam",
                52.44,
                4.82,
                None,
                False,
                "",
                [(1, "09:00", "17:00", "")],
            )
        ],
        "aanbod": [
            (f"Aanbod {n}", "Ontmoeting.", ["eenzaamheid"], [], "gratis", "", "")
            for n in range(aanbod)
        ],
    }


def feed(gemeente, *organisaties):
    namen = {m: dict(m.objects.values_list("slug", "naam")) for m in (Thema, Doelgroep, Soort)}
    return [d for data in organisaties for d in diensten(gemeente, data, namen)]


def eigen_directory():
    return sorted(
        Organisatie.objects.eigen().values_list("pk", "naam", "gewijzigd", "status", "slug")
    )


def test_kapotte_bronnen_houden_de_goede_niet_tegen(nep, termen):
    eigen = AanbodFactory(organisatie__naam="Eigen organisatie").organisatie
    LocatieFactory(organisatie=eigen)
    voor = eigen_directory()
    nep.diensten["goed"] = feed("Goedstad", organisatie("buurthuis-a"), organisatie("buurthuis-b"))
    slecht = [
        nep_hsds.KAPOT,
        nep_hsds.VORMFOUT,
        nep_hsds.TRAAG,
        nep_hsds.DRUPPEL,
        nep_hsds.EINDELOOS,
        nep_hsds.GROOT,
        nep_hsds.FOUT_500,
        nep_hsds.ALTIJD_MEER,
    ]
    for gedrag in slecht:
        nep.gedrag[gedrag] = gedrag
        nep.diensten[gedrag] = feed(gedrag, organisatie(f"org-{gedrag}"))
        Regiobron.objects.create(naam=f"Bron {gedrag}", url=nep.url(gedrag))
    Regiobron.objects.create(naam="Onbereikbaar", url="http://127.0.0.1:9/api/v1/")
    goed = Regiobron.objects.create(naam="Goedstad", url=nep.url("goed"))

    begin = time.monotonic()
    federatie.lees_alle_bronnen()
    # Every bad feed is cut off by its limit: a few seconds each, not the server's 30.
    assert time.monotonic() - begin < 40

    goed.refresh_from_db()
    assert goed.laatste_fouten == ""
    assert goed.laatste_succes is not None
    assert set(goed.organisaties.values_list("naam", flat=True)) == {"Buurthuis A", "Buurthuis B"}
    for bron in Regiobron.objects.exclude(pk=goed.pk):
        assert bron.laatste_fouten, bron.naam  # a Dutch reason for the admin
        assert bron.laatste_succes is None, bron.naam
        assert bron.laatste_run is not None
    fouten = dict(Regiobron.objects.values_list("naam", "laatste_fouten"))
    assert "geen geldige JSON" in fouten["Bron kapot"]
    assert "geen HSDS-pagina" in fouten["Bron vormfout"]
    assert "niet op tijd" in fouten["Bron traag"]
    assert "langer dan" in fouten["Bron druppel"] or "groter dan" in fouten["Bron druppel"]
    assert "groter dan" in fouten["Bron eindeloos"]
    assert "groter dan" in fouten["Bron groot"]
    assert "HTTP 500" in fouten["Bron fout_500"]
    assert "pagina's" in fouten["Bron altijd_meer"]
    assert "niet bereikbaar" in fouten["Onbereikbaar"]
    assert eigen_directory() == voor


def test_ongeldige_objecten_worden_geweigerd_en_de_rest_gaat_door(nep, termen):
    goede = feed("Zaanstad", organisatie("goed-een"), organisatie("goed-twee"))
    zonder_naam = feed("Zaanstad", organisatie("zonder-naam"))[0]
    del zonder_naam["name"]
    geen_uuid = feed("Zaanstad", organisatie("geen-uuid"))[0] | {"id": "12"}
    zonder_organisatie = feed("Zaanstad", organisatie("los"))[0]
    del zonder_organisatie["organization"]
    nep.diensten["zaanstad"] = [
        goede[0],
        zonder_naam,
        "geen object",
        geen_uuid,
        zonder_organisatie,
        goede[1],
    ]
    bron = Regiobron.objects.create(naam="Zaanstad", url=nep.url("zaanstad"))

    uitslag = federatie.lees_bron(bron)

    assert uitslag.geweigerd == 4
    assert uitslag.nieuw == 2
    bron.refresh_from_db()
    assert bron.aantallen["geweigerd"] == 4
    assert len(bron.laatste_fouten.splitlines()) == 4
    assert set(bron.organisaties.values_list("naam", flat=True)) == {"Goed Een", "Goed Twee"}


def test_eerst_volledig_daarna_alleen_wijzigingen(nep, termen):
    nep.diensten["zaanstad"] = feed("Zaanstad", organisatie("buurthuis"))
    bron = Regiobron.objects.create(naam="Zaanstad", url=nep.url("zaanstad"))

    federatie.lees_bron(bron)
    assert "modified_after" not in nep.vragen_van("zaanstad")[0]
    federatie.lees_bron(bron)
    assert "modified_after" in nep.vragen_van("zaanstad")[-1]

    # A day later the run is full again, and only a full run sees what disappeared.
    bron.refresh_from_db()
    assert federatie.moet_volledig(
        bron, bron.laatste_volledige_run + federatie.settings.FEDERATIE_VOLLEDIG_NA
    )


def test_verdwenen_organisaties_gaan_weg_na_een_volledige_run(nep, termen):
    nep.diensten["zaanstad"] = feed("Zaanstad", organisatie("blijft"), organisatie("gaat-weg"))
    bron = Regiobron.objects.create(naam="Zaanstad", url=nep.url("zaanstad"))
    federatie.lees_bron(bron, volledig=True)
    assert bron.organisaties.count() == 2

    nep.diensten["zaanstad"] = feed("Zaanstad", organisatie("blijft"))
    federatie.lees_bron(bron, volledig=False)
    assert bron.organisaties.count() == 2  # changes only: a deletion is not visible

    uitslag = federatie.lees_bron(bron, volledig=True)
    assert uitslag.verwijderd == 1
    assert list(bron.organisaties.values_list("naam", flat=True)) == ["Blijft"]


def test_afgebroken_volledige_run_verwijdert_niets(nep, termen):
    nep.diensten["zaanstad"] = feed("Zaanstad", organisatie("een"), organisatie("twee"))
    bron = Regiobron.objects.create(naam="Zaanstad", url=nep.url("zaanstad"))
    federatie.lees_bron(bron, volledig=True)

    nep.gedrag["zaanstad"] = nep_hsds.FOUT_500
    uitslag = federatie.lees_bron(bron, volledig=True)
    assert uitslag.afgebroken
    assert bron.organisaties.count() == 2


def test_ongewijzigde_bron_schrijft_niets(nep, termen):
    nep.diensten["zaanstad"] = feed("Zaanstad", organisatie("een", aanbod=2))
    bron = Regiobron.objects.create(naam="Zaanstad", url=nep.url("zaanstad"))
    federatie.lees_bron(bron, volledig=True)
    gewijzigd = bron.organisaties.get().gewijzigd

    uitslag = federatie.lees_bron(bron, volledig=True)
    assert (uitslag.nieuw, uitslag.bijgewerkt, uitslag.verwijderd) == (0, 0, 0)
    assert bron.organisaties.get().gewijzigd == gewijzigd
