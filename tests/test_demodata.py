"""The demo data: the organisations and meetings of the seeds, complete enough to show."""

import pytest

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from netwerk.models import SiteConfiguratie
from organisaties.models import Organisatie

pytestmark = pytest.mark.django_db

KERNGROEP = [
    "Vrijwilligerssteunpunt Maassluis",
    "Minters Mantelzorg",
    "Stichting Present Maassluis",
    "Humanitas Maassluis",
    "Seniorenwelzijn Maassluis",
    "Buurtcirkel Pameijer",
    "Stichting Onder een dak",
    "Wijkteam VraagRaak",
    "Welzijn E25",
    "Buurtgezinnen Maassluis",
    "Oproepcentrale Argos Zorggroep",
    "Voedselbank Maassluis",
]


def test_de_organisaties_uit_de_bronnen_staan_erin(demodata):
    namen = set(Organisatie.objects.gepubliceerd().values_list("naam", flat=True))
    assert set(KERNGROEP) <= namen
    assert {"Rogplus", "Stroomopwaarts"} <= namen
    # Zaanstad and Meierijstad are neighbours: their organisations come in through the
    # federation (organisaties.demo_regio), marked with their gemeente.
    regio = dict(
        Organisatie.objects.in_regio()
        .filter(regiobron__isnull=False)
        .values_list("naam", "regiobron__naam")
    )
    assert {"Stichting OZW", "Stichting MOE", "De Sluis"} <= {
        naam for naam, gemeente in regio.items() if gemeente == "Zaanstad"
    }
    assert {"ONS Welzijn", "Welzijn De Meierij", "MEE", "Lumens", "Farent"} <= {
        naam for naam, gemeente in regio.items() if gemeente == "Meierijstad"
    }
    assert SiteConfiguratie.get_solo().is_demo


def test_demodata_elke_organisatie_heeft_aanbod_locatie_en_thema(demodata):
    # Published ones: a concept without a location waits on the redactie's work list.
    gepubliceerd = Organisatie.objects.gepubliceerd()
    for organisatie in gepubliceerd.prefetch_related("locaties", "themas", "aanbod"):
        assert organisatie.locaties.all(), organisatie
        assert organisatie.themas.all(), organisatie
    assert (
        Organisatie.objects.filter(aanbod__isnull=True).count() <= 1
    )  # the Burgerplatform advises


def test_demodata_bijeenkomsten(demodata):
    assert (
        Bijeenkomst.objects.get(slug="samen-doen").vervolg_op.titel == "Samen sterk tegen armoede"
    )
    assert Bijeenkomst.objects.gepubliceerd().komend().exists()


def test_demodata_heeft_een_volle_bijeenkomst_met_wachtlijst_en_aanbod(demodata, client):
    """A coordinator can try the fair waiting list: a full meeting, people waiting in order,
    and the first of them with a freed place on offer."""
    bijeenkomst = Bijeenkomst.objects.get(slug="intervisie-mantelzorg")
    assert services.plaatsen_over(bijeenkomst) == 0
    wachtend = bijeenkomst.aanmeldingen.filter(status=Aanmelding.Status.WACHTLIJST)
    aanbod = wachtend.get(aanbod_tot__isnull=False)
    assert [services.wachtlijstpositie(a) for a in wachtend.filter(aanbod_tot=None)] == [1, 2, 3]
    pagina = client.get(aanbod.get_absolute_url()).content.decode()
    assert "Ja, ik neem de plaats aan" in pagina


def test_demobijeenkomsten_van_de_buren_hebben_hun_deelnemers(demodata):
    """The neighbours' organisations come in through the federation, under slugs of their
    own; their meetings still have their attendees."""
    for slug in ("stedelijke-netwerkbijeenkomst-zaanstad", "werkplan-sociaal-werk-meierijstad"):
        aanmeldingen = Bijeenkomst.objects.get(slug=slug).aanmeldingen
        assert aanmeldingen.filter(organisatie__regiobron__isnull=False).count() >= 8


def test_demo_signaalpunt_elke_wijk_een_wijkteam_en_signalen_in_elke_status(demodata):
    from organisaties.models import Wijk
    from signalen.models import Signaal, Teamlid, Wijkroute

    assert Wijkroute.objects.count() == Wijk.objects.count() > 0
    assert Teamlid.objects.filter(gebruiker__username="wijkteam").exists()
    assert set(Signaal.objects.values_list("status", flat=True)) == set(Signaal.Status.values)
