"""Coordinates from the PDOK Locatieserver, looked up by the worker after a location is saved.

The tests start a fake PDOK (tests/nep_pdok.py, a real HTTP server on 127.0.0.1) and run a
real procrastinate worker: the site's own HTTP client meets good answers, unknown addresses,
server errors, broken JSON and an answer slower than the timeout.
"""

import datetime
import time
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from procrastinate.contrib.django.models import ProcrastinateJob

from organisaties import geocoderen
from organisaties.models import Geocodeerstatus, Locatie
from organisaties.tasks import geocodeer_opnieuw
from tests import nep_pdok
from tests.beheerformulier import formulierdata
from tests.factories import GebruikerFactory, LocatieFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def pdok(settings):
    server = nep_pdok.NepPdok()
    settings.PDOK_LOCATIESERVER_URL = server.url
    settings.GEOCODEREN_TIMEOUT = 1.0
    yield server
    server.stop()


def nieuwe_locatie(**velden):
    """A location as an editor adds it: an address, no coordinates."""
    return LocatieFactory(latitude=None, longitude=None, **velden)


def opgezocht(locatie):
    locatie.refresh_from_db()
    return locatie


def geocodeer_taken(locatie):
    return ProcrastinateJob.objects.filter(task_name=geocoderen.TAAK, args__locatie_id=locatie.pk)


def test_nieuw_adres_krijgt_coordinaten_van_pdok(pdok, werker):
    locatie = nieuwe_locatie(adres="Hoogstraat 1", postcode="3142 EA", plaats="Maassluis")
    assert locatie.geocodeer_status == Geocodeerstatus.NIEUW
    assert pdok.aantal_vragen == 0  # saving asks nothing; the worker does

    werker()
    locatie = opgezocht(locatie)
    assert (locatie.latitude, locatie.longitude) == (Decimal("51.916720"), Decimal("4.250450"))
    assert locatie.geocodeer_status == Geocodeerstatus.GELUKT
    assert locatie.geocodeer_fout == "" and locatie.geocodeer_pogingen == 1
    assert pdok.vragen[0]["q"] == ["Hoogstraat 1 3142 EA Maassluis"]
    assert pdok.vragen[0]["fq"] == ["type:adres"]
    laatste = locatie.history.latest()
    assert laatste.history_change_reason == "Coördinaten opgezocht bij PDOK"
    assert laatste.history_user is None


@pytest.mark.parametrize(
    ("gedrag", "reden"),
    [
        (nep_pdok.LEEG, "PDOK kent dit adres niet."),
        (nep_pdok.FOUT_500, "PDOK gaf een foutmelding (HTTP 500)."),
        (nep_pdok.ONLEESBAAR, "PDOK gaf een antwoord dat de site niet kan lezen."),
        (nep_pdok.TRAAG, "PDOK gaf niet op tijd antwoord (binnen 1 seconden)."),
    ],
)
def test_mislukt_opzoeken_laat_locatie_zonder_coordinaten_in_de_werklijst(
    pdok, werker, gedrag, reden
):
    pdok.gedrag = gedrag
    locatie = nieuwe_locatie()
    begin = time.monotonic()
    werker()
    assert time.monotonic() - begin < 2.5  # the slow answer is not waited for
    locatie = opgezocht(locatie)
    assert locatie.latitude is None and locatie.longitude is None
    assert locatie.geocodeer_status == Geocodeerstatus.MISLUKT
    assert locatie.geocodeer_fout.startswith(reden)
    assert locatie.geocodeer_pogingen == 1 and locatie.geocodeer_poging_op is not None
    assert Locatie.objects.filter(geocodeer_status=Geocodeerstatus.MISLUKT).get() == locatie


def test_pdok_onbereikbaar(settings, werker):
    settings.PDOK_LOCATIESERVER_URL = "http://127.0.0.1:9/free"  # nothing listens
    locatie = nieuwe_locatie()
    werker()
    locatie = opgezocht(locatie)
    assert locatie.geocodeer_status == Geocodeerstatus.MISLUKT
    assert locatie.geocodeer_fout == "PDOK was niet bereikbaar."


def test_ander_adres_dan_gevraagd_wordt_niet_overgenomen(pdok, werker):
    pdok.postcode = "1506DB"
    pdok.weergavenaam = "Stadserf 1, 1506DB <b>Zaandam</b>"
    locatie = nieuwe_locatie(postcode="1506 DA")
    werker()
    locatie = opgezocht(locatie)
    assert locatie.latitude is None
    assert locatie.geocodeer_fout.startswith(
        "PDOK vond alleen Stadserf 1, 1506DB <b>Zaandam</b>, met een andere postcode."
    )


def test_punt_buiten_nederland_wordt_niet_overgenomen(pdok, werker):
    pdok.punt = "POINT(13.4 52.5)"  # Berlin
    locatie = nieuwe_locatie()
    werker()
    assert opgezocht(locatie).geocodeer_fout == "Het punt dat PDOK gaf, ligt niet in Nederland."


def test_met_de_hand_ingevulde_coordinaten_blijven_staan(pdok, werker):
    locatie = LocatieFactory(latitude=Decimal("51.9"), longitude=Decimal("4.2"))
    assert locatie.geocodeer_status == Geocodeerstatus.HANDMATIG
    assert not geocodeer_taken(locatie).exists()

    locatie.naam = "Nieuwe naam"
    locatie.save()
    werker()
    locatie = opgezocht(locatie)
    assert (locatie.latitude, locatie.longitude) == (Decimal("51.900000"), Decimal("4.200000"))
    assert locatie.geocodeer_status == Geocodeerstatus.HANDMATIG
    assert pdok.aantal_vragen == 0


def test_ander_adres_wordt_opnieuw_opgezocht(pdok, werker):
    locatie = nieuwe_locatie(adres="Hoogstraat 1")
    werker()
    assert opgezocht(locatie).geocodeer_status == Geocodeerstatus.GELUKT

    pdok.punt = "POINT(4.24 51.92)"
    locatie.adres = "Hoogstraat 3"
    locatie.save()
    locatie = opgezocht(locatie)
    assert locatie.latitude is None  # the old point belonged to the old address
    assert locatie.geocodeer_status == Geocodeerstatus.NIEUW
    werker()
    locatie = opgezocht(locatie)
    assert (locatie.latitude, locatie.longitude) == (Decimal("51.920000"), Decimal("4.240000"))
    assert pdok.vragen[-1]["q"] == ["Hoogstraat 3 3142 EA Maassluis"]


def test_zelf_coordinaten_invullen_na_mislukken(pdok, werker):
    pdok.gedrag = nep_pdok.LEEG
    locatie = nieuwe_locatie()
    werker()
    locatie = opgezocht(locatie)
    locatie.latitude, locatie.longitude = Decimal("51.91"), Decimal("4.26")
    locatie.save()
    locatie = opgezocht(locatie)
    assert locatie.geocodeer_status == Geocodeerstatus.HANDMATIG
    assert locatie.geocodeer_fout == "" and locatie.geocodeer_pogingen == 0


def test_adres_gewijzigd_terwijl_pdok_antwoordt(pdok):
    """The answer for the old address is not stored on the new one."""
    locatie = nieuwe_locatie(adres="Hoogstraat 1")

    def adres_wijzigt():
        bijgewerkt = Locatie.objects.get(pk=locatie.pk)
        bijgewerkt.adres = "Markt 5"
        bijgewerkt.save()
        connection.close()  # this runs in the server's thread

    pdok.bij_vraag = adres_wijzigt
    assert geocoderen.geocodeer(locatie.pk) == geocoderen.Uitkomst.NIETS_TE_DOEN
    locatie = opgezocht(locatie)
    assert locatie.adres == "Markt 5" and locatie.latitude is None
    assert locatie.geocodeer_status == Geocodeerstatus.NIEUW
    assert geocodeer_taken(locatie).filter(status="todo").exists()  # its own lookup is queued


def test_opnieuw_proberen_wacht_langer_na_elke_poging(pdok, werker, settings):
    settings.GEOCODEREN_MAX_POGINGEN = 3
    pdok.gedrag = nep_pdok.FOUT_500
    locatie = nieuwe_locatie()
    werker()
    assert opgezocht(locatie).geocodeer_pogingen == 1
    nu = timezone.now()

    # Right after the first failure: too early. After 15 minutes: again.
    assert geocoderen.opnieuw_proberen(nu) == 0
    assert geocoderen.opnieuw_proberen(nu + datetime.timedelta(minutes=16)) == 1
    werker()
    assert opgezocht(locatie).geocodeer_pogingen == 2
    # After the second failure the wait is an hour.
    nu = opgezocht(locatie).geocodeer_poging_op
    assert geocoderen.opnieuw_proberen(nu + datetime.timedelta(minutes=30)) == 0
    assert geocoderen.opnieuw_proberen(nu + datetime.timedelta(minutes=61)) == 1

    # PDOK is back: the periodic task's retry succeeds.
    pdok.gedrag = nep_pdok.GOED
    werker()
    locatie = opgezocht(locatie)
    assert locatie.geocodeer_status == Geocodeerstatus.GELUKT
    assert locatie.geocodeer_pogingen == 3


def test_na_de_laatste_poging_geen_nieuwe(pdok, werker, settings):
    settings.GEOCODEREN_MAX_POGINGEN = 1
    pdok.gedrag = nep_pdok.LEEG
    locatie = nieuwe_locatie()
    werker()
    later = timezone.now() + datetime.timedelta(days=30)
    assert geocoderen.opnieuw_proberen(later) == 0
    assert opgezocht(locatie).geocodeer_status == Geocodeerstatus.MISLUKT


def test_periodieke_taak_zoekt_nooit_opgezochte_locaties_op(pdok, werker):
    """Locations stored without the signals (raw data, an old import) are picked up too."""
    locatie = nieuwe_locatie()
    with connection.cursor() as cursor:  # its task got lost
        cursor.execute("DELETE FROM procrastinate_jobs WHERE status = 'todo'")
    assert geocodeer_opnieuw(timestamp=0) == 1
    assert geocodeer_opnieuw(timestamp=0) == 0  # queued once, however often the sweep runs
    werker()
    assert opgezocht(locatie).geocodeer_status == Geocodeerstatus.GELUKT


def test_opslaan_in_het_beheer_met_pdok_dat_hangt(pdok, client, werker, settings):
    """The admin saves at once and asks PDOK nothing; the worker finds out PDOK hangs."""
    pdok.gedrag = nep_pdok.TRAAG
    pdok.traag_seconden = 10
    settings.GEOCODEREN_TIMEOUT = 1.0
    organisatie = OrganisatieFactory()
    client.force_login(GebruikerFactory(is_superuser=True))
    url = reverse("admin:organisaties_locatie_add")
    data = formulierdata(client.get(url))
    data.update(
        organisatie=organisatie.pk,
        naam="Buurthuis De Vloot",
        adres="Zuiddijk 12",
        postcode="3142 AB",
        plaats="Maassluis",
    )
    begin = time.monotonic()
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["errors"]
    assert time.monotonic() - begin < 1.0
    assert pdok.aantal_vragen == 0
    locatie = Locatie.objects.get(naam="Buurthuis De Vloot")
    assert locatie.geocodeer_status == Geocodeerstatus.NIEUW

    werker()
    locatie = opgezocht(locatie)
    assert locatie.geocodeer_status == Geocodeerstatus.MISLUKT
    assert "niet op tijd" in locatie.geocodeer_fout


def test_lees_antwoord_weigert_vreemde_punten():
    goed = b'{"response": {"docs": [{"centroide_ll": "POINT(4.25 51.9)"}]}}'
    assert geocoderen.lees_antwoord(goed, "3142 EA") == (Decimal("51.900000"), Decimal("4.250000"))
    for kapot in (
        b'{"response": {"docs": [{"centroide_ll": "POINT(4,25 51,9)"}]}}',
        b'{"response": {"docs": [{"centroide_ll": null}]}}',
        b'{"response": {"docs": ["POINT(4.25 51.9)"]}}',
        b'{"response": {"docs": {}}}',
        b'{"response": []}',
        b"[]",
        b"\xff\xfe",
    ):
        with pytest.raises(geocoderen.GeocodeerFout):
            geocoderen.lees_antwoord(kapot, "3142 EA")
