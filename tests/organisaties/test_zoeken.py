"""Search relevance, written from the demo data that a gemeente would recognise."""

import pytest

from organisaties.models import Organisatie, Zoekwoord
from organisaties.zoeken import kan_tikfouten_vergeven, verbeter_tikfouten, zoekwoorden
from tests.factories import AanbodFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def namen(tekst, **kwargs):
    """What a search finds in the whole region (own and neighbours' organisations): the
    demo's Zaanstad and Meierijstad organisations come in through the federation."""
    return list(
        Organisatie.objects.in_regio()
        .zoek(tekst, **kwargs)
        .order_by("-relevantie", "naam")
        .values_list("naam", flat=True)
    )


def test_schulden_vindt_schuldhulpverlening_van_het_wijkteam(demodata):
    assert "Wijkteam VraagRaak" in namen("schulden")


def test_voorvoegsel_vindt_samengestelde_woorden(demodata):
    # "schuld" is the start of "schuldhulpverlening" and "schulden".
    assert "Wijkteam VraagRaak" in namen("schuld")
    assert "Voedselbank Maassluis" in namen("voedsel")


def test_naam_weegt_zwaarder_dan_omschrijving(demodata):
    # Minters Mantelzorg has the word in its name; others only in aanbod or description.
    assert namen("mantelzorg")[0] == "Minters Mantelzorg"


def test_nederlandse_stamvorm_eenzaam_vindt_eenzaamheid(demodata):
    resultaat = namen("eenzaam")
    assert "Seniorenwelzijn Maassluis" in resultaat
    assert "Humanitas Maassluis" in resultaat


def test_accenten_tellen_niet_mee(demodata):
    assert namen("cafe") == namen("café")
    assert "Alzheimer Zaanstreek Waterland" in namen("cafe")
    assert "MEE" in namen("clientondersteuning")


def test_hoofdletters_tellen_niet_mee(demodata):
    assert namen("VOEDSELBANK") == ["Voedselbank Maassluis"]


def test_alle_woorden_moeten_passen(demodata):
    resultaat = namen("mantelzorg dementie")
    assert resultaat == ["Alzheimer Zaanstreek Waterland"]


def test_alleen_gepubliceerde_organisaties_worden_gevonden(db):
    OrganisatieFactory(naam="Zichtbare Voedseltuin", status=Organisatie.Status.GEPUBLICEERD)
    OrganisatieFactory(naam="Concept Voedseltuin", status=Organisatie.Status.CONCEPT)
    OrganisatieFactory(naam="Oude Voedseltuin", status=Organisatie.Status.GEARCHIVEERD)
    assert namen("voedseltuin") == ["Zichtbare Voedseltuin"]


def test_zoekindex_volgt_wijziging_van_aanbod(db):
    organisatie = OrganisatieFactory(naam="Buurthuis Noord")
    assert namen("taalcafe") == []
    aanbod = AanbodFactory(organisatie=organisatie, naam="Taalcafé")
    assert namen("taalcafe") == ["Buurthuis Noord"]
    aanbod.naam = "Koffieochtend"
    aanbod.save()
    assert namen("taalcafe") == []
    assert namen("koffieochtend") == ["Buurthuis Noord"]
    aanbod.delete()
    assert namen("koffieochtend") == []


def test_zoekindex_volgt_hernoemd_thema(db):
    from tests.factories import ThemaFactory

    thema = ThemaFactory(naam="Taal")
    AanbodFactory(organisatie=OrganisatieFactory(naam="Bibliotheek"), themas=[thema])
    assert namen("taal") == ["Bibliotheek"]
    thema.naam = "Laaggeletterdheid"
    thema.save()
    assert namen("laaggeletterdheid") == ["Bibliotheek"]


def test_zoekwoorden_laten_alleen_letters_en_cijfers_door():
    assert zoekwoorden("schuld'; DROP TABLE x; --") == ["schuld", "drop", "table", "x"]
    assert zoekwoorden("<script>alert(1)</script>") == ["script", "alert", "1"]
    assert zoekwoorden("a:* & b | !c") == ["a", "b", "c"]
    assert zoekwoorden("Crème brûlée") == ["creme", "brulee"]


def test_zoekopdracht_van_alleen_tekens_geeft_alles_terug(demodata):
    assert len(namen("&&& !!! :*")) == Organisatie.objects.in_regio().count()


def test_tikfout_wordt_verbeterd_naar_een_woord_uit_de_kaart(demodata):
    if not kan_tikfouten_vergeven():
        pytest.skip("Deze PostgreSQL heeft geen pg_trgm: tikfouten worden niet vergeven.")
    assert verbeter_tikfouten(["mantelzrog", "schuldhlp"]) == ["mantelzorg", "schuldhulp"]
    # Stop words, short words and nonsense stay as they are.
    assert verbeter_tikfouten(["de", "bij", "qwzrtx"]) == ["de", "bij", "qwzrtx"]
    assert namen("mantelzorg")[0] == "Minters Mantelzorg"


def test_woordenlijst_bevat_alleen_woorden_van_gepubliceerde_organisaties(db):
    OrganisatieFactory(naam="Geheimzinnige Stichting", status=Organisatie.Status.CONCEPT)
    OrganisatieFactory(naam="Openbare Voedseltuin")
    woorden = set(Zoekwoord.objects.values_list("woord", flat=True))
    assert {"openbare", "voedseltuin"} <= woorden
    assert "geheimzinnige" not in woorden
