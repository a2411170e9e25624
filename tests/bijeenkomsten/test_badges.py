"""Name badges: a PDF whose text reads back, on every sheet format, for the right people."""

import io
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from bijeenkomsten import services
from bijeenkomsten.badges import FORMATEN
from bijeenkomsten.models import Aanmelding, Inzage
from netwerk.rollen import BEHEERDERS
from tests.factories import (
    BijeenkomstFactory,
    GebruikerFactory,
    OrganisatieFactory,
    SoortFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return GebruikerFactory(username="coordinator")


@pytest.fixture
def bijeenkomst(coordinator):
    return BijeenkomstFactory(slug="samen", capaciteit=300, coordinatoren=[coordinator])


@pytest.fixture
def ingelogd(client, coordinator):
    client.force_login(coordinator)
    return client


def url(**params):
    return reverse("bijeenkomsten:naambadges", args=["samen"]), params


def pdf_tekst(response):
    assert response["Content-Type"] == "application/pdf"
    lezer = PdfReader(io.BytesIO(response.content))
    return lezer, "\n".join(pagina.extract_text() for pagina in lezer.pages)


def meld_aan(bijeenkomst, aantal, **extra):
    for i in range(aantal):
        services.aanmelden(bijeenkomst, naam=f"Deelnemer {i}", email=f"d{i}@example.nl", **extra)


def test_badge_toont_naam_organisatie_en_soort(ingelogd, bijeenkomst):
    wijkteam = SoortFactory(naam="Wijkteam", slug="wijkteam")
    org = OrganisatieFactory(naam="Wijkteam Koningshoek", soort=wijkteam)
    services.aanmelden(bijeenkomst, naam="Anna de Vries", email="a@example.nl", organisatie=org)
    services.aanmelden(
        bijeenkomst, naam="Bram Jansen", email="b@example.nl", organisatie_naam="Buurthuis Oost"
    )
    response = ingelogd.get(*url(formaat="l7163", per_soort="on"))
    _, tekst = pdf_tekst(response)
    assert "Anna de Vries" in tekst and "Wijkteam Koningshoek" in tekst and "Wijkteam" in tekst
    assert "Bram Jansen" in tekst and "Buurthuis Oost" in tekst
    assert Inzage.objects.filter(actie=Inzage.Actie.NAAMBADGES).count() == 1


def test_alleen_bevestigde_deelnemers(ingelogd, bijeenkomst):
    bijeenkomst.capaciteit = 1
    bijeenkomst.save()
    services.aanmelden(bijeenkomst, naam="Heeft Plaats", email="a@example.nl")
    services.aanmelden(bijeenkomst, naam="Op Wachtlijst", email="b@example.nl")
    weg = services.aanmelden(bijeenkomst, naam="Zegt Af", email="c@example.nl")
    services.annuleren(weg)
    _, tekst = pdf_tekst(ingelogd.get(*url(formaat="los")))
    assert "Heeft Plaats" in tekst
    assert "Op Wachtlijst" not in tekst and "Zegt Af" not in tekst


@pytest.mark.parametrize("formaat", list(FORMATEN))
def test_aantal_paginas_per_formaat(ingelogd, bijeenkomst, formaat):
    aantal = 25
    meld_aan(bijeenkomst, aantal)
    lezer, tekst = pdf_tekst(ingelogd.get(*url(formaat=formaat)))
    assert len(lezer.pages) == math.ceil(aantal / FORMATEN[formaat].per_pagina)
    assert all(f"Deelnemer {i}" in tekst for i in range(aantal))


def test_legenda_is_een_extra_pagina(ingelogd, bijeenkomst):
    soort = SoortFactory(naam="Vrijwilligersorganisatie", slug="vrijwilligers")
    meld_aan(bijeenkomst, 3, organisatie=OrganisatieFactory(soort=soort))
    lezer, _ = pdf_tekst(ingelogd.get(*url(formaat="l7163", per_soort="on", legenda="on")))
    assert len(lezer.pages) == 2
    assert "Vrijwilligersorganisatie" in lezer.pages[1].extract_text()


def test_namen_met_accenten_blijven_heel(ingelogd, bijeenkomst):
    for i, naam in enumerate(["Çağlar Yılmaz", "Łukasz Wójcik", "Zoë Ŝtraße-Ørsted"]):
        services.aanmelden(bijeenkomst, naam=naam, email=f"{i}@example.nl")
    _, tekst = pdf_tekst(ingelogd.get(*url(formaat="badge")))
    for naam in ["Çağlar Yılmaz", "Łukasz Wójcik", "Zoë Ŝtraße-Ørsted"]:
        assert naam in tekst


def test_vijandige_tekst_staat_er_letterlijk(ingelogd, bijeenkomst):
    naam = "<b>Piet</b> &amp; <script>x</script>"
    services.aanmelden(
        bijeenkomst, naam=naam, email="p@example.nl", organisatie_naam="<para>Kwaad</para>"
    )
    _, tekst = pdf_tekst(ingelogd.get(*url(formaat="los")))
    assert naam in tekst.replace("\n", " ")
    assert "<para>Kwaad</para>" in tekst


def test_lange_naam_past_op_het_etiket(ingelogd, bijeenkomst):
    lang = "Maria Magdalena Johanna van der Heijden-Vandenbroucke tot Oostervoort"
    services.aanmelden(bijeenkomst, naam=lang, email="m@example.nl")
    lezer, tekst = pdf_tekst(ingelogd.get(*url(formaat="3x8")))
    assert " ".join(tekst.split()).count(lang) == 1
    # Every piece of text starts inside the first label (70 mm wide, 36 mm high, top left).
    breedte, hoogte = 70 / 25.4 * 72, 36 / 25.4 * 72
    pagina = lezer.pages[0]
    top = float(pagina.mediabox.height) - 4.5 / 25.4 * 72
    posities = []
    pagina.extract_text(visitor_text=lambda t, cm, tm, *_: t.strip() and posities.append(tm))
    assert posities
    for tm in posities:
        x, y = tm[4], tm[5]
        assert 0 <= x < breedte and top - hoogte <= y <= top


def _bevestigd(bijeenkomst, organisatie, van, tot):
    Aanmelding.objects.bulk_create(
        Aanmelding(
            bijeenkomst=bijeenkomst,
            naam=f"Persoon {i}",
            email=f"p{i}@example.nl",
            organisatie=organisatie,
            status=Aanmelding.Status.BEVESTIGD,
        )
        for i in range(van, tot)
    )


def test_tweehonderd_deelnemers_zonder_query_per_deelnemer(ingelogd, bijeenkomst):
    org = OrganisatieFactory()
    _bevestigd(bijeenkomst, org, 0, 5)
    ingelogd.get(*url(formaat="l7163", per_soort="on"))  # fills the site settings' cache
    with CaptureQueriesContext(connection) as weinig:
        ingelogd.get(*url(formaat="l7163", per_soort="on"))
    _bevestigd(bijeenkomst, org, 5, 200)
    with CaptureQueriesContext(connection) as veel:
        response = ingelogd.get(*url(formaat="l7163", per_soort="on"))
    assert len(veel) == len(weinig)
    lezer, _ = pdf_tekst(response)
    assert len(lezer.pages) == math.ceil(200 / 14)


def test_onbekend_formaat_geeft_nederlandse_melding(ingelogd, bijeenkomst):
    response = ingelogd.get(*url(formaat="a0"))
    assert response.status_code == 400
    assert "Kies een van de formaten uit de lijst." in response.content.decode()


def test_zonder_deelnemers_geen_lege_pdf(ingelogd, bijeenkomst):
    response = ingelogd.get(*url(formaat="l7163"))
    assert response.status_code == 400
    assert "nog geen deelnemers met een bevestigde plaats" in response.content.decode()


def test_keuzepagina_toont_formaten(ingelogd, bijeenkomst):
    html = ingelogd.get(reverse("bijeenkomsten:naambadges", args=["samen"])).content.decode()
    assert "Avery L7163" in html and "persoonsgegevens" in html


def test_alleen_eigen_coordinatoren_en_beheerders(client, bijeenkomst):
    meld_aan(bijeenkomst, 1)
    client.force_login(GebruikerFactory(username="ander"))
    assert client.get(*url(formaat="l7163")).status_code == 403
    client.logout()
    response = client.get(*url(formaat="l7163"))
    assert response.status_code == 302 and "application/pdf" not in response["Content-Type"]
    client.force_login(GebruikerFactory(username="beheer", groepen=[BEHEERDERS]))
    assert client.get(*url(formaat="l7163")).status_code == 200
