"""Script, markup and formulas in every text field never come out as markup or formulas.

tests/vijandige_gegevens.py fills every text field that staff, organisations and residents
fill with payloads; these tests render every page (public, coordinator, admin), every
e-mail, the calendar files and the exports, and look for the payloads as markup, as
javascript: links, as calendar lines or as spreadsheet formulas. The browser's view is in
tests/browser/test_vijandige_invoer.py.
"""

import base64
import csv
import io

import pytest
from django.contrib import admin
from django.urls import reverse
from icalendar import Calendar
from openpyxl import load_workbook

from netwerk.models import UitgaandeEmail
from tests.factories import GebruikerFactory
from tests.vijandige_gegevens import (
    FORMULES,
    JS_URL,
    SCRIPT,
    maak_vijandige_gegevens,
    markup_uit_gegevens,
    vijandig,
)

pytestmark = pytest.mark.django_db

FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def gegevens(db):
    return maak_vijandige_gegevens()


@pytest.fixture
def beheerder(client):
    client.force_login(GebruikerFactory(username="beheer", is_superuser=True))
    return client


def fouten_op(client, paden, methode="get", data=None):
    """Every place where stored text became markup, per page; also a page without payload."""
    fouten = []
    for pad in paden:
        antwoord = getattr(client, methode)(pad, data) if data else getattr(client, methode)(pad)
        if antwoord.status_code not in (200, 400):
            fouten.append(f"{pad}: status {antwoord.status_code}")
            continue
        gevonden, tekst = markup_uit_gegevens(antwoord.content.decode())
        fouten += [f"{pad}: {plek}" for plek in gevonden]
        if SCRIPT not in tekst:  # the payload shows, as text: else this page proves nothing
            fouten.append(f"{pad}: geen gegevens met opmaak als tekst op de pagina")
    return fouten


def publieke_paden(g):
    lijst = reverse("organisaties:lijst")
    return [
        reverse("home"),
        lijst,
        lijst + "?q=%3Cscript%3Ealert(1)%3C/script%3E",
        lijst + f"?thema={g['thema'].slug}&wijk={g['wijk'].slug}",
        g["organisatie"].get_absolute_url(),
        g["thema"].get_absolute_url(),
        g["wijk"].get_absolute_url(),
        reverse("bijeenkomsten:agenda"),
        g["bijeenkomst"].get_absolute_url(),
        reverse("bijeenkomsten:archief"),
        g["verleden"].get_absolute_url(),
        g["aanmelding"].get_absolute_url(),
        g["wachtend"].get_absolute_url(),
        reverse("over"),
        reverse("privacy"),
        reverse("toegankelijkheid"),
    ]


def test_publieke_paginas_tonen_opmaak_als_tekst(client, gegevens):
    assert fouten_op(client, publieke_paden(gegevens)) == []


def test_formulieren_tonen_wat_de_bezoeker_typte_als_tekst(client, gegevens):
    """A form with errors shows what was typed: as text, also in the fields' values."""
    melding = {"toelichting": SCRIPT, "naam": vijandig("Ik"), "email": "geen-adres"}
    assert (
        fouten_op(client, [gegevens["organisatie"].get_absolute_url() + "melden/"], "post", melding)
        == []
    )
    aanmelding = {
        "naam": vijandig("Ik"),
        "email": "ik@voorbeeld.nl",
        "organisatie_naam": SCRIPT,
        "functie": SCRIPT,
        "dieetwensen": SCRIPT,
        "toegankelijkheidsbehoeften": SCRIPT,
    }  # no consent: the form comes back with everything typed
    assert fouten_op(client, [gegevens["bijeenkomst"].get_absolute_url()], "post", aanmelding) == []


def test_website_met_javascript_wordt_geen_link(client, gegevens):
    html = client.get(gegevens["organisatie"].get_absolute_url()).content.decode()
    assert f'href="{JS_URL}"' not in html
    assert JS_URL not in html.split('type="application/ld+json"')[1].split("</script>")[0]


def coordinatie_paden(g):
    paden = [
        reverse("bijeenkomsten:coordinatie"),
        reverse("bijeenkomsten:netwerk_totaal"),
    ]
    for bijeenkomst in (g["bijeenkomst"], g["verleden"]):
        paden += [
            reverse(f"bijeenkomsten:{naam}", args=[bijeenkomst.slug])
            for naam in ("deelnemers", "downloaden", "netwerk", "deur")
        ]
        paden.append(
            reverse("bijeenkomsten:presentielijst", args=[bijeenkomst.slug]) + "?bevestigd=ja"
        )
    zoek = "?q=%3Cscript%3Ealert(1)%3C/script%3E"
    paden += [
        reverse("bijeenkomsten:deelnemers", args=[g["bijeenkomst"].slug]) + zoek,
        reverse("bijeenkomsten:deur", args=[g["bijeenkomst"].slug]) + zoek,
        reverse("bijeenkomsten:deur_ongedaan", args=[g["bijeenkomst"].slug]),
    ]
    return paden


def test_coordinatiepaginas_tonen_opmaak_als_tekst(beheerder, gegevens):
    fouten = [
        fout
        for fout in fouten_op(beheerder, coordinatie_paden(gegevens))
        # A search that finds nobody shows the search word in the field only (an attribute).
        if not (fout.endswith("als tekst op de pagina") and "?q=" in fout)
    ]
    assert fouten == []


def admin_paden():
    """Every list, add and change page of the admin, and every list searched for a payload."""
    paden = [reverse("admin:index")]
    for model in admin.site._registry:
        info = (model._meta.app_label, model._meta.model_name)
        lijst = reverse("admin:{}_{}_changelist".format(*info))
        paden += [lijst, lijst + "?q=%3Cscript%3E"]
        obj = model._default_manager.order_by("pk").last()
        if obj is not None:
            paden.append(reverse("admin:{}_{}_change".format(*info), args=[obj.pk]))
    return paden


def test_beheer_toont_opmaak_als_tekst(beheerder, gegevens):
    fouten, met_gegevens = [], 0
    for pad in admin_paden():
        antwoord = beheerder.get(pad, follow=True)
        if antwoord.status_code != 200:
            fouten.append(f"{pad}: status {antwoord.status_code}")
        gevonden, tekst = markup_uit_gegevens(antwoord.content.decode())
        fouten += [f"{pad}: {plek}" for plek in gevonden]
        met_gegevens += SCRIPT in tekst
    assert fouten == []
    assert met_gegevens >= 20  # the lists and forms of the sociale kaart and the meetings


# E-mail -----------------------------------------------------------------------------------


def test_emails_tonen_opmaak_als_tekst(gegevens):
    emails = list(UitgaandeEmail.objects.all())
    onderwerpen = {email.onderwerp.split(":")[0] for email in emails}
    # Confirmation, waiting list, a place freed, cancelled, reminder: all were written.
    assert len(onderwerpen) >= 5, onderwerpen
    for email in emails:
        gevonden, tekst = markup_uit_gegevens(email.html)
        assert gevonden == [], (email.onderwerp, gevonden)
        assert "\n" not in email.onderwerp and "\r" not in email.onderwerp
        for bijlage in email.bijlagen:
            assert_ics_veilig(base64.b64decode(bijlage["inhoud"]), aantal=1)


# Calendar ---------------------------------------------------------------------------------


def assert_ics_veilig(inhoud, aantal):
    """The calendar has exactly the meetings it should, with their texts as they are."""
    regels = inhoud.decode().splitlines()
    assert sum(regel == "BEGIN:VEVENT" for regel in regels) == aantal, inhoud
    events = Calendar.from_ical(inhoud).walk("VEVENT")
    assert len(events) == aantal
    for event in events:
        assert "Nep" not in {str(event.get("summary"))}
        assert str(event.get("summary")).startswith(("Bijeenkomst", "Verleden"))


def test_agenda_bestanden_houden_tekst_binnen_het_veld(client, gegevens):
    bijeenkomst = gegevens["bijeenkomst"]
    los = client.get(reverse("bijeenkomsten:ics", args=[bijeenkomst.slug])).content
    assert_ics_veilig(los, aantal=1)
    event = Calendar.from_ical(los).walk("VEVENT")[0]
    assert str(event.get("summary")) == bijeenkomst.titel
    assert str(event.get("description")) == bijeenkomst.omschrijving.replace("\r\n", "\n")
    assert_ics_veilig(client.get(reverse("bijeenkomsten:ics_feed")).content, aantal=1)


# Exports ----------------------------------------------------------------------------------


def export(client, bijeenkomst, formaat):
    antwoord = client.post(reverse("bijeenkomsten:export", args=[bijeenkomst.slug, formaat]))
    assert antwoord.status_code == 200
    return antwoord.content


def test_csv_export_maakt_formules_onschadelijk(beheerder, gegevens):
    inhoud = export(beheerder, gegevens["bijeenkomst"], "csv").decode("utf-8-sig")
    cellen = [cel for rij in csv.reader(io.StringIO(inhoud), delimiter=";") for cel in rij]
    assert [cel for cel in cellen if cel.startswith(FORMULE_TEKENS)] == []
    for formule in FORMULES:
        assert "'" + formule in cellen  # kept, readable, as text


def test_xlsx_export_maakt_formules_onschadelijk(beheerder, gegevens):
    blad = load_workbook(io.BytesIO(export(beheerder, gegevens["bijeenkomst"], "xlsx"))).active
    cellen = [cel for rij in blad.iter_rows() for cel in rij]
    assert [cel.coordinate for cel in cellen if cel.data_type == "f"] == []
    teksten = [cel.value for cel in cellen if isinstance(cel.value, str)]
    assert [tekst for tekst in teksten if tekst.startswith(FORMULE_TEKENS)] == []
    for formule in FORMULES:
        assert "'" + formule in teksten
