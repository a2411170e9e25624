"""The registration rules of services.py, one by one."""

import datetime

import pytest
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst, Statuswijziging
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def aanmelden(bijeenkomst, email, **kwargs):
    return services.aanmelden(bijeenkomst, naam=email.split("@")[0], email=email, **kwargs)


def statussen(bijeenkomst):
    return list(
        bijeenkomst.aanmeldingen.order_by("aangemaakt", "pk").values_list("email", "status")
    )


def test_aanmelden_geeft_plaats_zolang_er_plaats_is():
    bijeenkomst = BijeenkomstFactory(capaciteit=2)
    a = aanmelden(bijeenkomst, "a@x.nl")
    assert a.status == Aanmelding.Status.BEVESTIGD
    assert a.privacy_akkoord_op is not None
    assert len(a.token) >= 40


def test_vol_bijeenkomst_zet_op_wachtlijst_in_volgorde():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    aanmelden(bijeenkomst, "a@x.nl")
    b = aanmelden(bijeenkomst, "b@x.nl")
    c = aanmelden(bijeenkomst, "c@x.nl")
    assert (b.status, c.status) == ("wachtlijst", "wachtlijst")
    assert services.wachtlijstpositie(b) == 1
    assert services.wachtlijstpositie(c) == 2


def test_tweede_aanmelding_met_zelfde_email_wordt_geweigerd_ook_met_hoofdletters():
    bijeenkomst = BijeenkomstFactory()
    aanmelden(bijeenkomst, "Anna@Example.nl")
    with pytest.raises(services.AlAangemeld, match="al aangemeld"):
        aanmelden(bijeenkomst, " anna@example.NL ")
    assert bijeenkomst.aanmeldingen.count() == 1


def test_na_annuleren_kan_men_zich_opnieuw_aanmelden():
    bijeenkomst = BijeenkomstFactory()
    services.annuleren(aanmelden(bijeenkomst, "a@x.nl"))
    opnieuw = aanmelden(bijeenkomst, "a@x.nl")
    assert opnieuw.status == Aanmelding.Status.BEVESTIGD


@pytest.mark.parametrize(
    ("velden", "melding"),
    [
        ({"status": Bijeenkomst.Status.GEANNULEERD}, "gaat niet door"),
        ({"status": Bijeenkomst.Status.CONCEPT}, "nog niet mogelijk"),
        ({"aanmelden_tot": timezone.now() - datetime.timedelta(hours=1)}, "gesloten"),
        ({"aanmelden_vanaf": timezone.now() + datetime.timedelta(days=2)}, "Aanmelden kan vanaf"),
        (
            {
                "start": timezone.now() - datetime.timedelta(days=2),
                "einde": timezone.now() - datetime.timedelta(days=1),
            },
            "al geweest",
        ),
    ],
)
def test_gesloten_bijeenkomst_weigert_met_duidelijke_reden(velden, melding):
    bijeenkomst = BijeenkomstFactory(**velden)
    with pytest.raises(services.AanmeldenGesloten, match=melding):
        aanmelden(bijeenkomst, "a@x.nl")
    assert not bijeenkomst.aanmeldingen.exists()


def test_coordinator_mag_na_sluiting_nog_aanmelden_maar_niet_bij_annulering():
    coordinator = GebruikerFactory()
    gesloten = BijeenkomstFactory(aanmelden_tot=timezone.now() - datetime.timedelta(hours=1))
    a = aanmelden(gesloten, "a@x.nl", door=coordinator)
    assert a.aangemeld_door == coordinator
    geannuleerd = BijeenkomstFactory(status=Bijeenkomst.Status.GEANNULEERD)
    with pytest.raises(services.AanmeldenGesloten):
        aanmelden(geannuleerd, "a@x.nl", door=coordinator)


def test_organisatie_uit_kaart_of_getypt():
    bijeenkomst = BijeenkomstFactory()
    organisatie = OrganisatieFactory(naam="Humanitas")
    a = aanmelden(bijeenkomst, "a@x.nl", organisatie=organisatie, organisatie_naam="genegeerd")
    b = aanmelden(bijeenkomst, "b@x.nl", organisatie_naam="Buurtvereniging Oost")
    assert (a.organisatie_tekst, a.organisatie_naam) == ("Humanitas", "")
    assert b.organisatie_tekst == "Buurtvereniging Oost"


def aangeboden(bijeenkomst):
    """E-mail addresses of the people a place is held for."""
    return sorted(
        bijeenkomst.aanmeldingen.filter(status="wachtlijst", aanbod_tot__isnull=False).values_list(
            "email", flat=True
        )
    )


def test_annuleren_van_plaats_biedt_eerste_van_wachtlijst_de_plaats_aan():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    a = aanmelden(bijeenkomst, "a@x.nl")
    b = aanmelden(bijeenkomst, "b@x.nl")
    aanmelden(bijeenkomst, "c@x.nl")
    services.annuleren(a)
    # Not confirmed behind their back: the place is offered to b, and held for them.
    assert statussen(bijeenkomst) == [
        ("a@x.nl", "geannuleerd"),
        ("b@x.nl", "wachtlijst"),
        ("c@x.nl", "wachtlijst"),
    ]
    assert aangeboden(bijeenkomst) == ["b@x.nl"]
    services.aanbod_aannemen(b)
    assert dict(statussen(bijeenkomst))["b@x.nl"] == "bevestigd"


def test_wie_een_aanbod_afslaat_geeft_de_plaats_weer_door():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    a = aanmelden(bijeenkomst, "a@x.nl")
    b = aanmelden(bijeenkomst, "b@x.nl")
    aanmelden(bijeenkomst, "c@x.nl")
    services.annuleren(a)
    services.annuleren(b)
    assert aangeboden(bijeenkomst) == ["c@x.nl"]


def test_annuleren_van_wachtlijst_promoveert_niemand_en_twee_keer_is_veilig():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    aanmelden(bijeenkomst, "a@x.nl")
    b = aanmelden(bijeenkomst, "b@x.nl")
    aanmelden(bijeenkomst, "c@x.nl")
    services.annuleren(b)
    services.annuleren(b)
    assert statussen(bijeenkomst) == [
        ("a@x.nl", "bevestigd"),
        ("b@x.nl", "geannuleerd"),
        ("c@x.nl", "wachtlijst"),
    ]


def test_nooit_meer_bevestigd_dan_capaciteit_na_veel_wisselingen():
    bijeenkomst = BijeenkomstFactory(capaciteit=3)
    aanmeldingen = [aanmelden(bijeenkomst, f"p{i}@x.nl") for i in range(8)]
    for a in aanmeldingen[::2]:
        services.annuleren(a)
        # A held place counts: never more confirmed plus offered than capacity.
        assert services.plaatsen_over(bijeenkomst) == 0
    for a in aanmeldingen:
        a.refresh_from_db()
        if a.heeft_aanbod:
            services.aanbod_aannemen(a)
    bevestigd = bijeenkomst.aanmeldingen.filter(status__in=Aanmelding.BEVESTIGDE_STATUSSEN)
    assert bevestigd.count() == 3
    assert list(bevestigd.order_by("aangemaakt").values_list("email", flat=True)) == [
        "p1@x.nl",
        "p3@x.nl",
        "p5@x.nl",
    ]


def test_hogere_capaciteit_biedt_wachtenden_de_nieuwe_plaatsen_aan():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    for i in range(3):
        aanmelden(bijeenkomst, f"p{i}@x.nl")
    bijeenkomst.capaciteit = 2
    bijeenkomst.save()
    gepromoveerd = services.capaciteit_gewijzigd(bijeenkomst)
    assert [a.email for a in gepromoveerd] == ["p1@x.nl"]
    assert aangeboden(bijeenkomst) == ["p1@x.nl"]


def test_geen_promotie_na_afloop():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    a = aanmelden(bijeenkomst, "a@x.nl")
    aanmelden(bijeenkomst, "b@x.nl")
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).update(
        start=timezone.now() - datetime.timedelta(days=2),
        einde=timezone.now() - datetime.timedelta(days=1),
    )
    services.annuleren(a)
    assert dict(statussen(bijeenkomst))["b@x.nl"] == "wachtlijst"


def test_verplaatsen_met_reden_wordt_vastgelegd():
    coordinator = GebruikerFactory()
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    a = aanmelden(bijeenkomst, "a@x.nl")
    b = aanmelden(bijeenkomst, "b@x.nl")
    services.verplaatsen(a, "wachtlijst", "Spreker, heeft al een plek", door=coordinator)
    a.refresh_from_db()
    assert a.status == "wachtlijst"
    assert services.wachtlijstpositie(a) == 2  # at the end of the line, after b
    services.verplaatsen(b, "bevestigd", "Sleutelpartner", door=coordinator)
    wijziging = Statuswijziging.objects.get(aanmelding=b)
    assert (wijziging.van, wijziging.naar, wijziging.reden) == (
        "wachtlijst",
        "bevestigd",
        "Sleutelpartner",
    )
    assert wijziging.door == coordinator


def test_verplaatsen_naar_bevestigd_kan_niet_als_het_vol_is():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    aanmelden(bijeenkomst, "a@x.nl")
    b = aanmelden(bijeenkomst, "b@x.nl")
    with pytest.raises(services.GeenPlaats, match="vol"):
        services.verplaatsen(b, "bevestigd", "Belangrijk", door=None)
    with pytest.raises(services.AanmeldenFout, match="reden"):
        services.verplaatsen(b, "bevestigd", "  ", door=None)


def test_inchecken_is_veilig_om_twee_keer_te_doen_en_ongedaan_te_maken():
    bijeenkomst = BijeenkomstFactory(deur_open=True)
    a = aanmelden(bijeenkomst, "a@x.nl")
    eerste = services.inchecken(a)
    tijd = eerste.aanwezig_op
    tweede = services.inchecken(a)
    assert tweede.status == "aanwezig" and tweede.aanwezig_op == tijd
    services.inchecken_ongedaan(a)
    a.refresh_from_db()
    assert (a.status, a.aanwezig_op) == ("bevestigd", None)


def test_inchecken_van_wachtlijst_wordt_geweigerd():
    bijeenkomst = BijeenkomstFactory(capaciteit=0, deur_open=True)
    a = aanmelden(bijeenkomst, "a@x.nl")
    with pytest.raises(services.AanmeldenFout, match="geen bevestigde plaats"):
        services.inchecken(a)


def test_aanwezige_telt_mee_voor_capaciteit():
    bijeenkomst = BijeenkomstFactory(capaciteit=1, deur_open=True)
    services.inchecken(aanmelden(bijeenkomst, "a@x.nl"))
    assert aanmelden(bijeenkomst, "b@x.nl").status == "wachtlijst"


def test_bijeenkomst_annuleren():
    bijeenkomst = BijeenkomstFactory(capaciteit=1)
    aanmelden(bijeenkomst, "a@x.nl")
    aanmelden(bijeenkomst, "b@x.nl")
    services.bijeenkomst_annuleren(bijeenkomst)
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.status == Bijeenkomst.Status.GEANNULEERD
    with pytest.raises(services.AanmeldenGesloten):
        aanmelden(bijeenkomst, "c@x.nl")
