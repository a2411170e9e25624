"""Door mode: check-in on a phone at the entrance (bijeenkomsten.views.deur).

The rules (check-in window, walk-ins, repeating a check-in) in the services, and what the
door's pages and JSON show and to whom.
"""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bijeenkomsten import services
from bijeenkomsten.models import Aanmelding, Bijeenkomst
from netwerk.models import UitgaandeEmail
from netwerk.rollen import BEHEERDERS, COORDINATOREN
from tests.factories import BijeenkomstFactory, GebruikerFactory, OrganisatieFactory

pytestmark = pytest.mark.django_db


def over(**kwargs):
    return timezone.now() + datetime.timedelta(**kwargs)


@pytest.fixture
def coordinator():
    return GebruikerFactory(username="coordinator", groepen=[COORDINATOREN])


@pytest.fixture
def bijeenkomst(coordinator):
    """Starts in an hour: inside the default check-in window of two hours before."""
    return BijeenkomstFactory(
        slug="vandaag", start=over(hours=1), einde=over(hours=4), capaciteit=3,
        coordinatoren=[coordinator],
    )  # fmt: skip


@pytest.fixture
def ingelogd(client, coordinator):
    client.force_login(coordinator)
    return client


def url(naam, slug="vandaag"):
    return reverse(f"bijeenkomsten:{naam}", args=[slug])


def aanmelden(bijeenkomst, naam, email, **kwargs):
    return services.aanmelden(bijeenkomst, naam=naam, email=email, **kwargs)


def inchecken_json(client, aanmelding, sleutel="a", slug="vandaag"):
    return client.post(
        url("deur_inchecken", slug),
        {"aanmelding": aanmelding.pk, "sleutel": sleutel},
        HTTP_ACCEPT="application/json",
    )


# --- The check-in window ----------------------------------------------------------------------


def test_inchecken_weken_voor_de_bijeenkomst_wordt_geweigerd_met_uitleg():
    bijeenkomst = BijeenkomstFactory(start=over(days=42), einde=over(days=42, hours=3))
    anna = aanmelden(bijeenkomst, "Anna", "anna@example.nl")
    with pytest.raises(services.IncheckenGesloten, match="Inchecken kan pas vanaf"):
        services.inchecken(anna)
    anna.refresh_from_db()
    assert anna.status == Aanmelding.Status.BEVESTIGD


def test_inchecken_opent_de_ingestelde_tijd_voor_het_begin(settings):
    bijeenkomst = BijeenkomstFactory(start=over(minutes=90), einde=over(hours=4))
    anna = aanmelden(bijeenkomst, "Anna", "anna@example.nl")
    settings.INCHECKEN_MINUTEN_VOOR_START = 60
    with pytest.raises(services.IncheckenGesloten):
        services.inchecken(anna)
    settings.INCHECKEN_MINUTEN_VOOR_START = 120
    assert services.inchecken(anna).status == Aanmelding.Status.AANWEZIG


def test_na_afloop_kan_niemand_meer_inchecken(coordinator):
    bijeenkomst = BijeenkomstFactory(start=over(hours=-4), einde=over(minutes=-1))
    anna = aanmelden(bijeenkomst, "Anna", "anna@example.nl", door=coordinator)
    with pytest.raises(services.IncheckenGesloten, match="afgelopen"):
        services.inchecken(anna)
    with pytest.raises(services.IncheckenGesloten, match="afgelopen"):
        services.aan_de_deur_aanmelden(bijeenkomst, naam="Bert")


def test_de_deur_zegt_wanneer_inchecken_kan_en_toont_geen_knoppen(client, coordinator):
    BijeenkomstFactory(
        slug="later", start=over(days=10), einde=over(days=10, hours=2), coordinatoren=[coordinator]
    )
    aanmelden(Bijeenkomst.objects.get(slug="later"), "Anna", "anna@example.nl")
    client.force_login(coordinator)
    html = client.get(url("deur", "later")).content.decode()
    assert "Inchecken kan pas vanaf" in html
    assert "data-deur-form" not in html
    anna = Aanmelding.objects.get()
    response = inchecken_json(client, anna, slug="later")
    assert response.status_code == 409
    assert "Inchecken kan pas vanaf" in response.json()["melding"]
    # Without JavaScript: the same message on the page the browser comes back to.
    response = client.post(url("deur_inchecken", "later"), {"aanmelding": anna.pk}, follow=True)
    assert "Inchecken kan pas vanaf" in response.content.decode()
    anna.refresh_from_db()
    assert anna.status == Aanmelding.Status.BEVESTIGD


# --- Checking in: repeatable, present wins ---------------------------------------------------


def test_twee_keer_inchecken_of_vanaf_twee_telefoons_laat_iemand_aanwezig(ingelogd, bijeenkomst):
    anna = aanmelden(bijeenkomst, "Anna", "anna@example.nl")
    eerste = inchecken_json(ingelogd, anna, sleutel="telefoon-1")
    tweede = inchecken_json(ingelogd, anna, sleutel="telefoon-2")
    assert (eerste.status_code, tweede.status_code) == (200, 200)
    assert tweede.json()["sleutel"] == "telefoon-2"
    assert tweede.json()["status"] == "aanwezig"
    assert tweede.json()["aanwezig"] == 1
    anna.refresh_from_db()
    assert anna.status == Aanmelding.Status.AANWEZIG


def test_ongedaan_op_de_ene_en_later_ingecheckt_op_de_andere_telefoon_is_aanwezig(
    ingelogd, bijeenkomst
):
    anna = aanmelden(bijeenkomst, "Anna", "anna@example.nl")
    inchecken_json(ingelogd, anna)
    ingelogd.post(url("deur_ongedaan"), {"aanmelding": anna.pk})
    anna.refresh_from_db()
    assert anna.status == Aanmelding.Status.BEVESTIGD
    # The other phone's queued check-in arrives after the undo: at the door, present wins.
    assert inchecken_json(ingelogd, anna, sleutel="uit-de-wachtrij").json()["status"] == "aanwezig"


def test_iemand_van_de_wachtlijst_kan_niet_inchecken(ingelogd, bijeenkomst):
    for i in range(3):
        aanmelden(bijeenkomst, f"P{i}", f"p{i}@example.nl")
    wachtend = aanmelden(bijeenkomst, "Wacht", "wacht@example.nl")
    response = inchecken_json(ingelogd, wachtend)
    assert response.status_code == 409
    assert "geen bevestigde plaats" in response.json()["melding"]


def test_onzin_als_aanmelding_geeft_404_geen_500(ingelogd, bijeenkomst):
    for waarde in ("", "abc", "9" * 40, "-1"):
        response = ingelogd.post(url("deur_inchecken"), {"aanmelding": waarde})
        assert response.status_code == 404


def test_ongedaan_maken_is_een_aparte_lijst_van_wie_binnen_is(ingelogd, bijeenkomst):
    anna = aanmelden(bijeenkomst, "Anna Binnen", "anna@example.nl")
    aanmelden(bijeenkomst, "Bert Buiten", "bert@example.nl")
    services.inchecken(anna)
    deur = ingelogd.get(url("deur")).content.decode()
    assert "Ongedaan maken</button>" not in deur
    html = ingelogd.get(url("deur_ongedaan")).content.decode()
    assert "Anna Binnen" in html and "Bert Buiten" not in html
    response = ingelogd.post(url("deur_ongedaan"), {"aanmelding": anna.pk}, follow=True)
    assert "Anna Binnen staat weer op de lijst" in response.content.decode()
    anna.refresh_from_db()
    assert anna.status == Aanmelding.Status.BEVESTIGD


# --- Walk-ins ----------------------------------------------------------------------------------


def test_inloper_bij_volle_bijeenkomst_mag_binnen_en_de_wachtlijst_blijft_zoals_ze_was(
    ingelogd, bijeenkomst, coordinator
):
    for i in range(3):
        aanmelden(bijeenkomst, f"P{i}", f"p{i}@example.nl")
    wachtend = aanmelden(bijeenkomst, "Wacht", "wacht@example.nl")
    mails = UitgaandeEmail.objects.count()
    OrganisatieFactory(naam="Voedselbank Zaanstad")
    response = ingelogd.post(
        url("deur_inloper"), {"naam": "Ivo Inloper", "organisatie": "voedselbank zaanstad"}
    )
    assert response.status_code == 302
    ivo = Aanmelding.objects.get(naam="Ivo Inloper")
    assert ivo.status == Aanmelding.Status.AANWEZIG and ivo.aan_de_deur
    assert ivo.organisatie.naam == "Voedselbank Zaanstad"
    assert ivo.aangemeld_door == coordinator
    bijgewerkt = Aanmelding.objects.get(pk=wachtend.pk)
    assert bijgewerkt.status == Aanmelding.Status.WACHTLIJST
    assert bijgewerkt.wachtlijst_sinds == wachtend.wachtlijst_sinds
    assert services.wachtlijstpositie(bijgewerkt) == 1
    assert UitgaandeEmail.objects.count() == mails  # nobody is e-mailed about a walk-in
    html = ingelogd.get(url("deur")).content.decode()
    assert "Ivo Inloper is binnen (aan de deur)." in html
    assert "4 van 4 binnen" not in html and "1 van 4 binnen" in html


def test_twee_inlopers_zonder_e_mail_met_dezelfde_naam(bijeenkomst):
    een = services.aan_de_deur_aanmelden(bijeenkomst, naam="Sam de Jong")
    twee = services.aan_de_deur_aanmelden(bijeenkomst, naam="Sam de Jong")
    assert een.pk != twee.pk


def test_inloper_met_een_al_aangemeld_e_mailadres_wordt_gezocht_niet_dubbel(ingelogd, bijeenkomst):
    aanmelden(bijeenkomst, "Anna", "anna@example.nl")
    response = ingelogd.post(
        url("deur_inloper"), {"naam": "Anna Nogmaals", "email": "ANNA@example.nl"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "staat al op de lijst" in html and 'value="Anna Nogmaals"' in html
    assert bijeenkomst.aanmeldingen.count() == 1


def test_inloper_zonder_naam_krijgt_een_duidelijke_melding(ingelogd, bijeenkomst):
    response = ingelogd.post(url("deur_inloper"), {"naam": " ", "organisatie": "Iets"})
    assert response.status_code == 400
    assert "Vul een naam in." in response.content.decode()


def inloper_json(client, sleutel, **velden):
    return client.post(
        url("deur_inloper"),
        {"sleutel": sleutel, **velden},
        HTTP_ACCEPT="application/json",
    )


def test_een_inloper_uit_de_wachtrij_van_de_telefoon_twee_keer_verstuurd_is_een_persoon(
    ingelogd, bijeenkomst
):
    eerste = inloper_json(ingelogd, "telefoon-1-ivo", naam="Ivo Inloper", organisatie="Buurtkamer")
    tweede = inloper_json(ingelogd, "telefoon-1-ivo", naam="Ivo Inloper", organisatie="Buurtkamer")
    assert eerste.status_code == tweede.status_code == 200
    assert eerste.json()["id"] == tweede.json()["id"]
    assert eerste.json()["aanwezig"] == tweede.json()["aanwezig"] == 1
    ivo = Aanmelding.objects.get(naam="Ivo Inloper")
    assert ivo.status == Aanmelding.Status.AANWEZIG and ivo.aan_de_deur
    # Another phone's walk-in with the same name is someone else.
    inloper_json(ingelogd, "telefoon-2-ivo", naam="Ivo Inloper")
    assert bijeenkomst.aanmeldingen.filter(naam="Ivo Inloper").count() == 2
    # The queue's answer is not a message on the next page: only the walk-in page asks for one.
    assert "is binnen (aan de deur)" not in ingelogd.get(url("deur")).content.decode()


def test_een_offline_inloper_die_toch_was_aangemeld_wordt_ingecheckt(ingelogd, bijeenkomst):
    anna = aanmelden(bijeenkomst, "Anna", "anna@example.nl")
    response = inloper_json(ingelogd, "k1", naam="Anna de Vries", email="ANNA@example.nl")
    assert response.status_code == 200 and response.json()["id"] == anna.pk
    assert Aanmelding.objects.get(pk=anna.pk).status == Aanmelding.Status.AANWEZIG
    assert bijeenkomst.aanmeldingen.count() == 1


def test_een_inloper_uit_de_wachtrij_die_de_server_weigert_krijgt_een_reden_in_json(
    ingelogd, bijeenkomst
):
    response = inloper_json(ingelogd, "k2", naam="https://spam.example", organisatie="")
    assert response.status_code == 400
    assert response.json()["fout"] is True
    assert response.json()["sleutel"] == "k2"
    assert "kon niet worden ingeschreven" in response.json()["melding"]
    assert not bijeenkomst.aanmeldingen.exists()


def test_de_inloperpagina_vraagt_een_melding_voor_de_deur(ingelogd, bijeenkomst):
    response = inloper_json(ingelogd, "k3", naam="Ivo Inloper", melden="1")
    assert response.status_code == 200
    assert "Ivo Inloper is binnen (aan de deur)." in ingelogd.get(url("deur")).content.decode()


# --- What the door shows -----------------------------------------------------------------------


def test_de_deur_heeft_geen_sitekop_en_zoekt_zonder_javascript(ingelogd, bijeenkomst):
    aanmelden(bijeenkomst, "Anna de Vries", "anna@example.nl")
    aanmelden(bijeenkomst, "Bert Bakker", "bert@example.nl")
    html = ingelogd.get(url("deur"), {"q": "vries"}).content.decode()
    assert "Hoofdmenu" not in html and "netwerk-kop" not in html
    assert 'value="vries"' in html and "1 gevonden" in html
    rij_bert = html[html.index("Bert Bakker") - 400 : html.index("Bert Bakker")]
    assert " hidden>" in rij_bert.rsplit("<li", 1)[1]
    rij_anna = html[html.index("Anna de Vries") - 400 : html.index("Anna de Vries")]
    assert " hidden>" not in rij_anna.rsplit("<li", 1)[1]


def test_zelfde_naam_krijgt_een_onderscheidende_hint(ingelogd, bijeenkomst):
    aanmelden(bijeenkomst, "Sam de Jong", "sam@wijkteam.nl")
    aanmelden(bijeenkomst, "sam de jong", "s.dejong@voedselbank.nl")
    aanmelden(bijeenkomst, "Uniek Iemand", "uniek@example.nl")
    deelnemers = ingelogd.get(url("deur_lijst")).json()["deelnemers"]
    hints = {d["hint"] for d in deelnemers if d["naam"].lower() == "sam de jong"}
    assert hints == {"@wijkteam.nl", "@voedselbank.nl"}
    assert next(d for d in deelnemers if d["naam"] == "Uniek Iemand")["hint"] == ""
    assert "@voedselbank.nl" in ingelogd.get(url("deur")).content.decode()


def test_de_json_lijst_bevat_alleen_wat_de_deur_nodig_heeft(ingelogd, bijeenkomst):
    organisatie = OrganisatieFactory(naam="Humanitas")
    aanmelden(
        bijeenkomst, "Anna", "anna.geheim@example.nl", organisatie=organisatie,
        functie="Consulent", dieetwensen="Halal", toegankelijkheidsbehoeften="Ringleiding",
    )  # fmt: skip
    for i in range(3):
        aanmelden(bijeenkomst, f"Wacht {i}", f"w{i}@example.nl")  # the third waits
    response = ingelogd.get(url("deur_lijst"))
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    data = response.json()
    assert data["aanwezig"] == 0 and data["verwacht"] == 3
    assert data["einde"] == bijeenkomst.einde.isoformat()
    anna = data["deelnemers"][0]
    assert set(anna) == {"id", "naam", "organisatie", "status", "hint"}
    assert anna["organisatie"] == "Humanitas"
    tekst = json.dumps(data)
    for geheim in ("anna.geheim", "Consulent", "Halal", "Ringleiding", "Wacht 2"):
        assert geheim not in tekst
    assert "no-store" in ingelogd.get(url("deur"))["Cache-Control"]


def test_aantal_queries_groeit_niet_met_de_deelnemers(
    ingelogd, bijeenkomst, django_assert_max_num_queries
):
    bijeenkomst.capaciteit = 100
    bijeenkomst.save()
    organisatie = OrganisatieFactory()
    for i in range(3):
        aanmelden(bijeenkomst, f"P{i}", f"p{i}@x.nl", organisatie=organisatie)
    tellingen = {}
    for naam in ("deur", "deur_lijst", "deur_ongedaan"):
        with CaptureQueriesContext(connection) as context:
            ingelogd.get(url(naam))
        tellingen[naam] = len(context.captured_queries)
    for i in range(3, 30):
        aanmelden(bijeenkomst, f"P{i}", f"p{i}@x.nl", organisatie=organisatie)
        services.aan_de_deur_aanmelden(bijeenkomst, naam=f"Inloper {i}", organisatie_naam="X")
    for naam, aantal in tellingen.items():
        with django_assert_max_num_queries(aantal):
            ingelogd.get(url(naam))


# --- Who may open the door ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("wie", "verwacht"),
    [("anoniem", 302), ("inwoner", 302), ("andere_coordinator", 403), ("beheerder", 200)],
)
def test_alleen_coordinatoren_van_deze_bijeenkomst_en_beheerders(
    client, bijeenkomst, wie, verwacht
):
    anna = aanmelden(bijeenkomst, "Anna Geheim", "anna@example.nl")
    gebruikers = {
        "anoniem": None,
        "inwoner": GebruikerFactory(username="inwoner", is_staff=False),
        "andere_coordinator": GebruikerFactory(username="ander", groepen=[COORDINATOREN]),
        "beheerder": GebruikerFactory(username="beheerder", groepen=[BEHEERDERS]),
    }
    BijeenkomstFactory(slug="andere", coordinatoren=[gebruikers["andere_coordinator"]])
    if gebruikers[wie]:
        client.force_login(gebruikers[wie])
    for naam in ("deur", "deur_lijst", "deur_ongedaan", "deur_inloper"):
        response = client.get(url(naam))
        assert response.status_code == verwacht, naam
        assert ("Anna Geheim" in response.content.decode()) == (
            verwacht == 200 and naam in ("deur", "deur_lijst")
        )
    posts = [
        ("deur_inchecken", {"aanmelding": anna.pk}),
        ("deur_ongedaan", {"aanmelding": anna.pk}),
        ("deur_inloper", {"naam": "Indringer"}),
    ]
    for naam, data in posts:
        response = client.post(url(naam), data)
        assert response.status_code == (302 if verwacht == 200 else verwacht), naam
    if verwacht != 200:
        anna.refresh_from_db()
        assert anna.status == Aanmelding.Status.BEVESTIGD
        assert not Aanmelding.objects.filter(naam="Indringer").exists()


def test_uitloggen_wist_wat_de_deur_op_de_telefoon_bewaarde(ingelogd):
    response = ingelogd.post(reverse("admin:logout"))
    assert response["Clear-Site-Data"] == '"cache", "storage"'


def test_de_service_worker_komt_van_een_pad_boven_de_deur(client):
    response = client.get(reverse("bijeenkomsten:deur_sw"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    deur = url("deur")
    assert deur.startswith(reverse("bijeenkomsten:deur_sw").rsplit("/", 1)[0] + "/")


def test_de_demo_heeft_een_bijeenkomst_waar_nu_ingecheckt_kan_worden(demodata):
    nu_open = [
        b
        for b in Bijeenkomst.objects.gepubliceerd().komend()
        if services.reden_inchecken_gesloten(b) is None
    ]
    assert nu_open
    assert nu_open[0].aanmeldingen.filter(status=Aanmelding.Status.BEVESTIGD).count() >= 5
