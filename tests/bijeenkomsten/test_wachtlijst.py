"""The fair waiting list: a freed place is offered and held, accepted or passed on in time.

The clock is frozen by passing ``nu=`` to the services, as the periodic tasks do with the
time they run; e-mails are read from the outbox (``UitgaandeEmail``), where the services put
them in the same transaction.
"""

import datetime

import pytest
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.dagoverzicht import verstuur_dagoverzichten
from bijeenkomsten.models import Aanmelding, Bijeenkomst, Dagoverzicht
from netwerk.models import UitgaandeEmail
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db

UUR = datetime.timedelta(hours=1)


def aanmelden(bijeenkomst, naam, **kwargs):
    return services.aanmelden(
        bijeenkomst, naam=naam, email=f"{naam.split()[0].lower()}@voorbeeld.nl", **kwargs
    )


def vers(aanmelding):
    aanmelding.refresh_from_db()
    return aanmelding


def mails_aan(aanmelding):
    return list(UitgaandeEmail.objects.filter(aan=aanmelding.email).order_by("pk"))


@pytest.fixture
def vol():
    """A full meeting a month ahead: Anna has the one place, Bram and Chris wait, in order."""
    bijeenkomst = BijeenkomstFactory(titel="Netwerkontbijt", capaciteit=1)
    return (
        bijeenkomst,
        aanmelden(bijeenkomst, "Anna de Vries"),
        aanmelden(bijeenkomst, "Bram Jansen"),
        aanmelden(bijeenkomst, "Chris Bakker"),
    )


# Offering a freed place ------------------------------------------------------------------


def test_annuleren_biedt_de_eerste_op_de_wachtlijst_de_plaats_aan_per_email(vol):
    bijeenkomst, anna, bram, chris = vol
    nu = timezone.now()
    services.annuleren(anna, nu=nu)
    assert vers(bram).status == Aanmelding.Status.WACHTLIJST
    assert bram.aanbod_tot == nu + 48 * UUR
    assert vers(chris).aanbod_tot is None
    aanbod = mails_aan(bram)[-1]
    assert aanbod.onderwerp == "Er is een plaats voor u vrij: Netwerkontbijt"
    assert bram.get_absolute_url() in aanbod.tekst
    deadline = timezone.localtime(bram.aanbod_tot)
    assert f"{deadline:%H:%M}" in aanbod.tekst and f"{deadline:%H:%M}" in aanbod.html
    assert not aanbod.bijlagen
    assert [m.onderwerp for m in mails_aan(chris)] == ["U staat op de wachtlijst: Netwerkontbijt"]


def test_een_aangeboden_plaats_is_bezet_voor_iedereen_anders(vol, client):
    bijeenkomst, anna, bram, chris = vol
    services.annuleren(anna)
    assert services.plaatsen_over(bijeenkomst) == 0
    assert Bijeenkomst.objects.met_aantallen().get(pk=bijeenkomst.pk).aantal_aangeboden == 1
    # A newcomer joins the end of the line; the page says the meeting is full.
    dewi = aanmelden(bijeenkomst, "Dewi Smit")
    assert dewi.status == Aanmelding.Status.WACHTLIJST
    assert services.wachtlijstpositie(dewi) == 2  # after Chris; Bram is no longer waiting
    assert "vol: u komt op de wachtlijst" in client.get(bijeenkomst.get_absolute_url()).text
    # Nor can a coordinator give the held place to someone else.
    with pytest.raises(services.GeenPlaats):
        services.verplaatsen(chris, "bevestigd", "Belangrijk", door=None)
    # Registrations and cancellations around it never hand out the held place twice.
    services.annuleren(dewi)
    assert vers(chris).aanbod_tot is None


def test_aannemen_binnen_de_tijd_geeft_een_bevestigde_plaats(vol):
    bijeenkomst, anna, bram, chris = vol
    nu = timezone.now()
    services.annuleren(anna, nu=nu)
    services.aanbod_aannemen(bram, nu=nu + 47 * UUR)
    assert vers(bram).status == Aanmelding.Status.BEVESTIGD
    assert bram.aanbod_tot is None
    assert mails_aan(bram)[-1].onderwerp == "Aanmelding bevestigd: Netwerkontbijt"
    assert mails_aan(bram)[-1].bijlagen[0]["naam"] == "bijeenkomst.ics"
    # Pressing twice changes nothing; the next run of the task has nothing to do.
    services.aanbod_aannemen(bram, nu=nu + 47 * UUR)
    assert services.verlopen_aanbiedingen(nu=nu + 49 * UUR) == 0
    assert vers(chris).aanbod_tot is None
    assert services.wachtlijstpositie(chris) == 1


def test_verlopen_aanbod_gaat_naar_de_volgende_die_een_email_krijgt(vol):
    bijeenkomst, anna, bram, chris = vol
    nu = timezone.now()
    services.annuleren(anna, nu=nu)
    # Not yet lapsed one minute before the deadline.
    assert services.verlopen_aanbiedingen(nu=nu + 48 * UUR - datetime.timedelta(minutes=1)) == 0
    assert vers(bram).heeft_aanbod

    later = nu + 48 * UUR + datetime.timedelta(minutes=5)
    assert services.verlopen_aanbiedingen(nu=later) == 1

    assert vers(bram).status == Aanmelding.Status.GEANNULEERD
    assert bram.aanbod_verlopen_op == later
    assert mails_aan(bram)[-1].onderwerp == "De plaats is doorgegeven: Netwerkontbijt"
    assert vers(chris).aanbod_tot == later + 48 * UUR
    assert mails_aan(chris)[-1].onderwerp == "Er is een plaats voor u vrij: Netwerkontbijt"
    # A second run, as a parallel worker would do, changes nothing and mails nobody.
    aantal_mails = UitgaandeEmail.objects.count()
    assert services.verlopen_aanbiedingen(nu=later) == 0
    assert UitgaandeEmail.objects.count() == aantal_mails


def test_aannemen_na_de_termijn_wordt_geweigerd_en_geeft_de_plaats_door(vol):
    bijeenkomst, anna, bram, chris = vol
    nu = timezone.now()
    services.annuleren(anna, nu=nu)
    with pytest.raises(services.GeenAanbod, match="voorbij"):
        services.aanbod_aannemen(bram, nu=nu + 49 * UUR)
    assert vers(bram).status == Aanmelding.Status.GEANNULEERD
    assert vers(chris).heeft_aanbod


def test_zonder_wachtenden_blijft_de_plaats_vrij_voor_een_nieuwe_aanmelding(vol):
    bijeenkomst, anna, bram, chris = vol
    nu = timezone.now()
    services.annuleren(chris, nu=nu)
    services.annuleren(anna, nu=nu)
    services.verlopen_aanbiedingen(nu=nu + 49 * UUR)
    assert services.plaatsen_over(bijeenkomst) == 1
    assert aanmelden(bijeenkomst, "Dewi Smit").status == Aanmelding.Status.BEVESTIGD


@pytest.mark.parametrize(
    ("start_over", "velden", "bedenktijd"),
    [
        (30 * 24 * UUR, {}, 48 * UUR),  # far ahead: the meeting's bedenktijd
        (30 * 24 * UUR, {"aanbod_uren": 6}, 6 * UUR),  # set shorter for this meeting
        (30 * UUR, {}, 15 * UUR),  # near: half the time left, so the next still has time
        (3 * UUR, {"direct_doorschuiven_uren": 0}, 2 * UUR),  # never less than two hours
        (1 * UUR, {"direct_doorschuiven_uren": 0}, 1 * UUR),  # ... but never past the start
    ],
)
def test_bedenktijd_is_korter_vlak_voor_de_bijeenkomst(start_over, velden, bedenktijd):
    nu = timezone.now()
    bijeenkomst = BijeenkomstFactory(capaciteit=1, start=nu + start_over, **velden)
    anna = aanmelden(bijeenkomst, "Anna de Vries")
    bram = aanmelden(bijeenkomst, "Bram Jansen")
    services.annuleren(anna, nu=nu)
    assert vers(bram).aanbod_tot == nu + bedenktijd


def test_vlak_voor_de_bijeenkomst_krijgt_de_eerste_de_plaats_meteen():
    nu = timezone.now()
    bijeenkomst = BijeenkomstFactory(titel="Lunch", capaciteit=1, start=nu + 10 * UUR)
    anna = aanmelden(bijeenkomst, "Anna de Vries")
    bram = aanmelden(bijeenkomst, "Bram Jansen")
    services.annuleren(anna, nu=nu)
    assert vers(bram).status == Aanmelding.Status.BEVESTIGD
    assert bram.aanbod_tot is None
    assert mails_aan(bram)[-1].onderwerp == "Er is een plaats voor u: Lunch"


def test_een_aanbod_dat_verloopt_vlak_voor_de_bijeenkomst_schuift_direct_door():
    nu = timezone.now()
    bijeenkomst = BijeenkomstFactory(capaciteit=1, start=nu + 40 * UUR)
    anna = aanmelden(bijeenkomst, "Anna de Vries")
    bram = aanmelden(bijeenkomst, "Bram Jansen")
    chris = aanmelden(bijeenkomst, "Chris Bakker")
    services.annuleren(anna, nu=nu)
    assert vers(bram).aanbod_tot == nu + 20 * UUR
    services.verlopen_aanbiedingen(nu=nu + 21 * UUR)  # 19 hours left: within 24
    assert vers(chris).status == Aanmelding.Status.BEVESTIGD


# The personal link ---------------------------------------------------------------------


def test_persoonlijke_link_toont_de_plaats_op_de_wachtlijst(vol, client):
    bijeenkomst, anna, bram, chris = vol
    html = client.get(chris.get_absolute_url()).text
    assert "u staat op de wachtlijst, op plaats 2." in html
    assert "Van de wachtlijst af" in html
    services.annuleren(bram)
    assert "u staat op de wachtlijst, op plaats 1." in client.get(chris.get_absolute_url()).text


def test_van_de_wachtlijst_af_na_bevestiging(vol, client):
    bijeenkomst, anna, bram, chris = vol
    # The first step only asks; nothing changes yet.
    vraag = client.get(bram.get_absolute_url(), {"bevestig": "annuleren"}).text
    assert "Van de wachtlijst af?" in vraag
    assert "U staat nu op plaats 1." in vraag
    assert vers(bram).status == Aanmelding.Status.WACHTLIJST

    antwoord = client.post(bram.get_absolute_url(), {"actie": "annuleren"}, follow=True)

    assert "U staat niet meer op de wachtlijst." in antwoord.text
    assert vers(bram).status == Aanmelding.Status.GEANNULEERD
    assert vers(chris).aanbod_tot is None  # leaving the line frees no place
    assert services.wachtlijstpositie(chris) == 1


def test_persoonlijke_link_toont_het_aanbod_en_neemt_het_aan(vol, client):
    bijeenkomst, anna, bram, chris = vol
    services.annuleren(anna)
    html = client.get(vers(bram).get_absolute_url()).text
    assert "Er is een plaats voor u vrij" in html
    assert timezone.localtime(bram.aanbod_tot).strftime("%H:%M") in html
    assert "Ja, ik neem de plaats aan" in html and "Nee, geef de plaats door" in html
    assert "op de wachtlijst, op plaats" not in html

    antwoord = client.post(bram.get_absolute_url(), {"actie": "aannemen"}, follow=True)

    assert "U heeft de plaats aangenomen." in antwoord.text
    assert "u bent aangemeld" in antwoord.text
    assert vers(bram).status == Aanmelding.Status.BEVESTIGD


def test_aanbod_afslaan_via_de_link_geeft_de_plaats_meteen_door(vol, client):
    bijeenkomst, anna, bram, chris = vol
    services.annuleren(anna)
    vraag = client.get(bram.get_absolute_url(), {"bevestig": "afslaan"}).text
    assert "Plaats doorgeven?" in vraag
    assert vers(bram).heeft_aanbod

    antwoord = client.post(bram.get_absolute_url(), {"actie": "afslaan"}, follow=True)

    assert "U heeft de plaats afgeslagen." in antwoord.text
    assert vers(bram).status == Aanmelding.Status.GEANNULEERD
    assert vers(chris).heeft_aanbod


def test_link_van_een_andere_deelnemer_kan_het_aanbod_niet_aannemen(vol, client):
    bijeenkomst, anna, bram, chris = vol
    services.annuleren(anna)
    antwoord = client.post(chris.get_absolute_url(), {"actie": "aannemen"})
    assert antwoord.status_code == 409
    assert "Er staat op dit moment geen plaats voor u klaar." in antwoord.text
    assert vers(chris).status == Aanmelding.Status.WACHTLIJST
    assert vers(bram).heeft_aanbod
    # Nor can an unknown action or another meeting's link touch it.
    assert client.post(bram.get_absolute_url(), {"actie": "iets"}).status_code == 409
    ander = aanmelden(BijeenkomstFactory(capaciteit=0), "Eva Mulder")
    assert client.post(ander.get_absolute_url(), {"actie": "aannemen"}).status_code == 409
    assert vers(bram).heeft_aanbod


def test_verlopen_aanbod_op_de_link_zegt_dat_de_tijd_voorbij_is(vol, client):
    bijeenkomst, anna, bram, chris = vol
    services.annuleren(anna, nu=timezone.now() - 49 * UUR)
    html = client.get(bram.get_absolute_url()).text
    assert "De tijd om de aangeboden plaats aan te nemen is voorbij." in html
    assert "Ja, ik neem de plaats aan" not in html
    antwoord = client.post(bram.get_absolute_url(), {"actie": "aannemen"}, follow=True)
    assert "De plaats is naar de volgende op de wachtlijst gegaan." in antwoord.text
    assert vers(chris).heeft_aanbod


def test_annuleren_van_een_plaats_vraagt_eerst_bevestiging(vol, client):
    bijeenkomst, anna, bram, chris = vol
    vraag = client.get(anna.get_absolute_url(), {"bevestig": "annuleren"}).text
    assert "Aanmelding annuleren?" in vraag
    assert "Ja, annuleer mijn aanmelding" in vraag
    assert vers(anna).status == Aanmelding.Status.BEVESTIGD
    client.post(anna.get_absolute_url(), {"actie": "annuleren"})
    assert vers(anna).status == Aanmelding.Status.GEANNULEERD
    assert vers(bram).heeft_aanbod


# The coordinators' daily overview ---------------------------------------------------------


@pytest.fixture
def coordinatoren():
    return (
        GebruikerFactory(username="cora", email="cora@gemeente.nl", first_name="Cora"),
        GebruikerFactory(username="daan", email="daan@gemeente.nl", first_name="Daan"),
    )


def overzichten(gebruiker):
    return list(UitgaandeEmail.objects.filter(aan=gebruiker.email).order_by("pk"))


def test_dagoverzicht_noemt_annuleringen_en_verlopen_aanbiedingen_van_eigen_bijeenkomsten(
    coordinatoren,
):
    cora, daan = coordinatoren
    nu = timezone.now()
    eigen = BijeenkomstFactory(
        titel="Ontbijt <Zuid>", capaciteit=1, aanbod_uren=1, coordinatoren=[cora]
    )
    anders = BijeenkomstFactory(titel="Lunch Noord", capaciteit=1, coordinatoren=[daan])
    anna = aanmelden(eigen, "Anna de Vries", organisatie=OrganisatieFactory(naam="Humanitas"))
    aanmelden(eigen, "Bram <b>Jansen</b>")
    services.annuleren(anna, nu=nu - 3 * UUR)
    services.verlopen_aanbiedingen(nu=nu - 1 * UUR)  # Bram let his offer of an hour lapse
    aanmelden(anders, "Eva Mulder")  # nothing happened at Daan's meeting

    assert verstuur_dagoverzichten(nu=nu) == 1

    [overzicht] = overzichten(cora)
    assert overzicht.onderwerp.startswith("Dagoverzicht aanmeldingen")
    tekst = overzicht.tekst
    assert "Ontbijt <Zuid>" in tekst and "Lunch Noord" not in tekst
    geannuleerd, verlopen = tekst.index("Geannuleerd:"), tekst.index("niet op tijd aangenomen")
    assert geannuleerd < tekst.index("Anna de Vries (Humanitas)") < verlopen
    assert tekst.index("Bram <b>Jansen</b>") > verlopen
    assert "Eva Mulder" not in tekst
    # Names are escaped in the HTML part.
    assert "Bram &lt;b&gt;Jansen&lt;/b&gt;" in overzicht.html
    assert "<b>Jansen" not in overzicht.html
    assert "Ontbijt &lt;Zuid&gt;" in overzicht.html
    assert f"/coordinatie/bijeenkomsten/{eigen.slug}/" in tekst
    assert overzichten(daan) == []  # nothing to tell: no e-mail


def test_dagoverzicht_een_keer_per_dag_en_daarna_alleen_het_nieuwe(coordinatoren):
    cora, daan = coordinatoren
    # Mid-morning, so that two hours later is still the same day whenever the test runs.
    nu = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
    bijeenkomst = BijeenkomstFactory(capaciteit=5, coordinatoren=[cora, daan])
    anna = aanmelden(bijeenkomst, "Anna de Vries")
    bram = aanmelden(bijeenkomst, "Bram Jansen")
    services.annuleren(anna, nu=nu - UUR)

    assert verstuur_dagoverzichten(nu=nu) == 2  # each coordinator their own
    services.annuleren(bram, nu=nu + UUR)
    assert verstuur_dagoverzichten(nu=nu + 2 * UUR) == 0  # same day: nothing more
    assert len(overzichten(cora)) == 1

    morgen = nu + 24 * UUR
    assert verstuur_dagoverzichten(nu=morgen) == 2
    nieuw = overzichten(cora)[-1].tekst
    assert "Bram Jansen" in nieuw and "Anna de Vries" not in nieuw  # never told twice
    assert verstuur_dagoverzichten(nu=morgen + 24 * UUR) == 0  # a quiet day: no e-mail
    assert Dagoverzicht.objects.filter(gebruiker=cora).count() == 2


def test_dagoverzicht_zonder_gebeurtenissen_stuurt_niets(coordinatoren):
    cora, _ = coordinatoren
    bijeenkomst = BijeenkomstFactory(capaciteit=1, coordinatoren=[cora])
    aanmelden(bijeenkomst, "Anna de Vries")
    aanmelden(bijeenkomst, "Bram Jansen")
    assert verstuur_dagoverzichten() == 0
    assert not UitgaandeEmail.objects.filter(aan=cora.email).exists()


def test_dagoverzicht_vraagt_niet_meer_queries_bij_meer_annuleringen(
    coordinatoren, django_assert_max_num_queries
):
    cora, _ = coordinatoren
    nu = timezone.now()
    for i in range(2):
        bijeenkomst = BijeenkomstFactory(capaciteit=20, coordinatoren=[cora])
        for j in range(8):
            services.annuleren(aanmelden(bijeenkomst, f"Persoon{i}x{j} Test"), nu=nu - UUR)
    with django_assert_max_num_queries(20):
        assert verstuur_dagoverzichten(nu=nu) == 1


# The periodic tasks ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_periodieke_taken_geven_verlopen_aanbod_door_en_sturen_het_dagoverzicht(werker):
    from bijeenkomsten.tasks import verlopen_aanbiedingen
    from bijeenkomsten.tasks import verstuur_dagoverzichten as dagoverzicht_taak

    cora = GebruikerFactory(username="cora", email="cora@gemeente.nl")
    bijeenkomst = BijeenkomstFactory(capaciteit=1, coordinatoren=[cora])
    anna = aanmelden(bijeenkomst, "Anna de Vries")
    bram = aanmelden(bijeenkomst, "Bram Jansen")
    chris = aanmelden(bijeenkomst, "Chris Bakker")
    services.annuleren(anna, nu=timezone.now() - 49 * UUR)  # Bram's offer has lapsed

    verlopen_aanbiedingen.defer(timestamp=int(timezone.now().timestamp()))
    werker(wachtrijen=["default"])

    assert vers(bram).aanbod_verlopen_op is not None
    assert vers(chris).heeft_aanbod
    dagoverzicht_taak.defer(timestamp=int(timezone.now().timestamp()))
    werker(wachtrijen=["default"])
    assert "Bram Jansen" in UitgaandeEmail.objects.get(aan=cora.email).tekst
