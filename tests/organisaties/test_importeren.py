"""Import and export of the sociale kaart in the admin: how a gemeente moves from its old one.

Through the test client, as staff use it: upload a file, read the dry run, confirm. Files are
made the way Dutch Excel makes them (semicolon CSV with a byte order mark, or XLSX).
"""

import csv
import io

import openpyxl
import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from netwerk.rollen import COORDINATOREN, REDACTEUREN
from organisaties.models import (
    Aanbod,
    Bron,
    Controlebron,
    Geocodeerstatus,
    Locatie,
    Organisatie,
)
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    GebruikerFactory,
    LocatieFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db

KOP = "slug;naam;soort;omschrijving;telefoon;status;themas;wijken;laatst_geverifieerd"


@pytest.fixture
def redacteur(client):
    gebruiker = GebruikerFactory(username="redacteur", groepen=[REDACTEUREN])
    client.force_login(gebruiker)
    return gebruiker


@pytest.fixture
def termen():
    return {
        "soort": SoortFactory(naam="Welzijnspartner", slug="welzijnspartner"),
        "eenzaamheid": ThemaFactory(naam="Eenzaamheid", slug="eenzaamheid"),
        "mantelzorg": ThemaFactory(naam="Mantelzorg", slug="mantelzorg"),
        "centrum": WijkFactory(naam="Centrum", slug="centrum"),
        "ouderen": DoelgroepFactory(naam="Ouderen", slug="ouderen"),
    }


def csv_bestand(*regels, naam="organisaties.csv", codering="utf-8-sig"):
    return SimpleUploadedFile(naam, "\r\n".join(regels).encode(codering))


def xlsx_bestand(rijen, naam="organisaties.xlsx"):
    boek = openpyxl.Workbook()
    for rij in rijen:
        boek.active.append(rij)
    uitvoer = io.BytesIO()
    boek.save(uitvoer)
    return SimpleUploadedFile(naam, uitvoer.getvalue())


def proefimport(client, model, bestand):
    """Upload: the dry run, nothing saved yet."""
    return client.post(
        reverse(f"admin:organisaties_{model}_import"), {"import_file": bestand, "resource": "0"}
    )


def bevestig(client, model, proef):
    formulier = proef.context.get("confirm_form")
    assert formulier is not None, proef.content.decode()
    data = {veld.html_name: veld.value() for veld in formulier}
    return client.post(reverse(f"admin:organisaties_{model}_process_import"), data)


def importeer(client, model, bestand):
    proef = proefimport(client, model, bestand)
    assert proef.status_code == 200
    return bevestig(client, model, proef)


def exporteer(client, model, formaat):
    """The admin's export of everything in the list: formaat 'xlsx' or 'csv'."""
    keuze = {"xlsx": "0", "csv": "1"}[formaat]
    antwoord = client.post(
        reverse(f"admin:organisaties_{model}_export"), {"format": keuze, "resource": "0"}
    )
    assert antwoord.status_code == 200, antwoord.content.decode()[:2000]
    return antwoord


def test_nieuwe_organisaties_na_proefimport_en_bevestiging(client, redacteur, termen):
    bestand = csv_bestand(
        KOP,
        ";Buurthuis De Vloot;Welzijnspartner;Ontmoeten in de wijk.;010 593 18 19;;"
        "Eenzaamheid, mantelzorg;Centrum;31-12-2025",
        "samen-sterk;Samen Sterk;welzijnspartner;Hulp bij post.;;Gepubliceerd;;;",
        naam="oude-kaart.csv",
    )
    proef = proefimport(client, "organisatie", bestand)
    inhoud = proef.content.decode()
    assert "Controleer wat er verandert" in inhoud
    assert "Er is nog niets opgeslagen" in inhoud
    assert proef.context["result"].totals["new"] == 2
    assert not Organisatie.objects.exists()  # a dry run

    antwoord = bevestig(client, "organisatie", proef)
    assert antwoord.status_code == 302
    vloot = Organisatie.objects.get(slug="buurthuis-de-vloot")  # slug made from the name
    assert vloot.status == Organisatie.Status.CONCEPT
    assert {t.naam for t in vloot.themas.all()} == {"Eenzaamheid", "Mantelzorg"}
    assert [w.naam for w in vloot.wijken.all()] == ["Centrum"]
    assert str(vloot.laatst_geverifieerd) == "2025-12-31"
    assert vloot.bron == Bron.IMPORT and vloot.gecontroleerd_door == Controlebron.IMPORT
    versie = vloot.history.latest()
    assert versie.history_change_reason == "Geïmporteerd uit oude-kaart.csv"
    assert versie.history_user == redacteur

    samen = Organisatie.objects.get(slug="samen-sterk")
    assert samen.status == Organisatie.Status.GEPUBLICEERD
    assert samen.gepubliceerd_door == redacteur and samen.gepubliceerd_op is not None
    assert samen.gecontroleerd_door == ""
    # Found by the search straight away: the index was rebuilt after the import.
    assert list(Organisatie.objects.filter(pk=samen.pk, zoekvector__isnull=False)) == [samen]

    volgende = client.get(antwoord["Location"])
    assert (
        "De import is klaar: 2 nieuw, 0 gewijzigd, 0 waren al gelijk." in volgende.content.decode()
    )


def test_proefimport_toont_wat_er_verandert(client, redacteur, termen):
    OrganisatieFactory(slug="vloot", naam="De Vloot", soort=termen["soort"], telefoon="")
    bestand = csv_bestand(
        "slug;naam;soort;omschrijving;telefoon",
        "vloot;Buurthuis <b>De Vloot</b>;Welzijnspartner;Een organisatie die inwoners helpt.;",
    )
    proef = proefimport(client, "organisatie", bestand)
    inhoud = proef.content.decode()
    assert proef.context["result"].totals["update"] == 1
    assert '<del title="was">De Vloot</del>' in inhoud
    assert '<ins title="wordt">Buurthuis &lt;b&gt;De Vloot&lt;/b&gt;</ins>' in inhoud
    assert "<b>De Vloot</b>" not in inhoud
    assert Organisatie.objects.get(slug="vloot").naam == "De Vloot"


def test_een_foute_rij_en_er_wordt_niets_opgeslagen(client, redacteur, termen):
    bestand = csv_bestand(
        KOP,
        "goed;Goed;Welzijnspartner;Prima.;;;;;",
        "fout;Fout;Bakkerij;Prima.;12345;Open;Sport;Centrum;32-13-2025",
    )
    proef = proefimport(client, "organisatie", bestand)
    inhoud = proef.content.decode()
    assert "Er is niets geïmporteerd: het bestand bevat fouten" in inhoud
    assert proef.context.get("confirm_form") is None
    fouten = {
        kolom: meldingen[0]
        for rij in proef.context["result"].invalid_rows
        for kolom, meldingen in rij.field_specific_errors.items()
    }
    assert fouten["soort"].startswith("Onbekend: 'Bakkerij'. Bestaande soorten organisaties:")
    assert (
        fouten["status"] == "'Open' kan hier niet. Kies uit: Concept, Gepubliceerd, Gearchiveerd."
    )
    assert fouten["themas"].startswith("Onbekend: 'Sport'.")
    assert fouten["laatst_geverifieerd"] == (
        "'32-13-2025' is geen datum. Schrijf de datum zo: 31-12-2025."
    )
    assert "Dit telefoonnummer bestaat niet" in fouten["telefoon"]
    assert [rij.number + 1 for rij in proef.context["result"].invalid_rows] == [3]
    assert '<td data-kop="Rij">3</td>' in inhoud  # the row as Excel numbers it
    assert not Organisatie.objects.exists()


def test_vijandige_tekst_in_een_foutmelding_blijft_tekst(client, redacteur, termen):
    proef = proefimport(
        client,
        "organisatie",
        csv_bestand("naam;soort;omschrijving", "X;<script>alert(1)</script>;Prima."),
    )
    inhoud = proef.content.decode()
    assert "Onbekend: &#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;" in inhoud
    assert "<script>alert(1)" not in inhoud


def test_fout_ontstaan_na_de_proefimport_slaat_ook_niets_op(client, redacteur, termen):
    """Between dry run and confirmation the soort is deleted: the import saves nothing."""
    soort = SoortFactory(naam="Tijdelijk", slug="tijdelijk")
    bestand = csv_bestand(
        "naam;soort;omschrijving", "Een;Welzijnspartner;Prima.", "Twee;Tijdelijk;Prima."
    )
    proef = proefimport(client, "organisatie", bestand)
    soort.delete()
    antwoord = bevestig(client, "organisatie", proef)
    assert antwoord.status_code == 200
    assert "Er is niets geïmporteerd" in antwoord.content.decode()
    assert not Organisatie.objects.exists()


def test_bewaard_bestand_kwijt_voor_de_bevestiging(client, redacteur, termen):
    proef = proefimport(
        client, "organisatie", csv_bestand("naam;soort;omschrijving", "A;Welzijnspartner;B")
    )
    cache.clear()  # the file waited in the cache, which was emptied in the meantime
    antwoord = bevestig(client, "organisatie", proef)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("admin:organisaties_organisatie_import")
    volgende = client.get(antwoord["Location"]).content.decode()
    assert (
        "Er is niets geïmporteerd. Het bestand is niet meer bewaard. Kies het opnieuw." in volgende
    )
    assert not Organisatie.objects.exists()


@pytest.mark.parametrize(
    ("bestand", "melding"),
    [
        (
            csv_bestand("slug;omschrijving;kleur", "a;b;c"),
            "Deze kolommen ontbreken: naam, soort. Deze kolommen kent de site niet: kleur.",
        ),
        (csv_bestand("naam;soort;omschrijving"), "geen regels met gegevens"),
        (csv_bestand(""), "Het bestand is leeg"),
        (SimpleUploadedFile("kaart.xlsx", b"geen excel"), "Dit is geen geldig Excel-bestand"),
        (
            SimpleUploadedFile("kaart.pdf", b"%PDF"),
            "Kies een bestand dat eindigt op .xlsx of .csv.",
        ),
        (
            csv_bestand("naam;soort;omschrijving", "a;b;c;d"),
            "Rij 2 heeft meer kolommen dan de eerste regel.",
        ),
    ],
)
def test_onbruikbaar_bestand_krijgt_een_duidelijke_melding(client, redacteur, bestand, melding):
    antwoord = proefimport(client, "organisatie", bestand)
    assert antwoord.status_code == 200
    assert melding in antwoord.content.decode()
    assert not Organisatie.objects.exists()


def test_te_veel_rijen_voor_het_beheer(client, redacteur, termen, monkeypatch):
    monkeypatch.setattr("organisaties.admin_importeren.MAX_RIJEN", 2)
    regels = ["naam;soort;omschrijving"] + [f"Org {i};Welzijnspartner;Hulp." for i in range(3)]
    proef = proefimport(client, "organisatie", csv_bestand(*regels))
    assert "Het bestand heeft 3 rijen. Hier kunnen er 2 tegelijk" in proef.content.decode()
    assert not proef.context["result"].invalid_rows  # no errors per row on top of it
    assert not Organisatie.objects.exists()


def test_excel_en_windows_csv_met_komma(client, redacteur, termen):
    importeer(
        client,
        "organisatie",
        xlsx_bestand(
            [
                ["Naam", "Soort", "Omschrijving", "Laatst_geverifieerd", None],
                ["Café Één", "Welzijnspartner", "Koffie.", None, None],
                [None, None, None, None, None],
            ]
        ),
    )
    importeer(
        client,
        "organisatie",
        csv_bestand(
            "naam,soort,omschrijving", "Crèche Zonnetje,Welzijnspartner,Opvang.", codering="cp1252"
        ),
    )
    assert set(Organisatie.objects.values_list("slug", "naam")) == {
        ("cafe-een", "Café Één"),
        ("creche-zonnetje", "Crèche Zonnetje"),
    }


def test_tweemaal_dezelfde_organisatie_in_een_bestand(client, redacteur, termen):
    proef = proefimport(
        client,
        "organisatie",
        csv_bestand(
            "naam;soort;omschrijving", "Vloot;Welzijnspartner;A", "vloot;Welzijnspartner;B"
        ),
    )
    meldingen = [str(rij.error.messages[0]) for rij in proef.context["result"].invalid_rows]
    assert meldingen == ["Deze regel gaat over hetzelfde als rij 2 (slug)."]


def test_locaties_en_aanbod_bij_hun_organisatie(client, redacteur, termen):
    organisatie = OrganisatieFactory(slug="vloot", soort=termen["soort"])
    importeer(
        client,
        "locatie",
        csv_bestand(
            "organisatie;naam;adres;postcode;plaats;wijk;rolstoeltoegankelijk;latitude;longitude",
            "vloot;Buurthuis;Zuiddijk 12;3142ab;Maassluis;centrum;ja;;",
            "vloot;;Markt 5;3141 AB;Maassluis;;nee;51,9167;4,25",
        ),
    )
    zuiddijk = Locatie.objects.get(adres="Zuiddijk 12")
    assert zuiddijk.postcode == "3142 AB" and zuiddijk.rolstoeltoegankelijk
    assert zuiddijk.geocodeer_status == Geocodeerstatus.NIEUW  # the worker looks it up
    markt = Locatie.objects.get(adres="Markt 5")
    assert markt.geocodeer_status == Geocodeerstatus.HANDMATIG
    assert str(markt.latitude) == "51.916700"

    importeer(
        client,
        "aanbod",
        csv_bestand(
            "organisatie;naam;omschrijving;kosten;themas;doelgroepen;locaties",
            "vloot;Koffieochtend;Koffie.;gratis;Eenzaamheid;Ouderen;Zuiddijk 12 3142AB, Buurthuis",
            "vloot;Formulierenhulp;Hulp.;Eigen bijdrage;;;Markt 5 3141 AB",
        ),
    )
    koffie = Aanbod.objects.get(naam="Koffieochtend")
    assert list(koffie.locaties.all()) == [zuiddijk]
    assert [d.naam for d in koffie.doelgroepen.all()] == ["Ouderen"]
    assert Aanbod.objects.get(naam="Formulierenhulp").kosten == Aanbod.Kosten.EIGEN_BIJDRAGE
    assert organisatie.aanbod.count() == 2


def test_locatie_van_onbekende_organisatie_en_onbekend_adres(client, redacteur, termen):
    OrganisatieFactory(slug="vloot", soort=termen["soort"])
    proef = proefimport(
        client,
        "aanbod",
        csv_bestand(
            "organisatie;naam;omschrijving;kosten;locaties",
            "bestaat-niet;Koffie;Koffie.;Gratis;",
            "vloot;Thee;Thee.;Gratis;Kerkstraat 1 3141 AA",
        ),
    )
    fouten = [
        meldingen[0]
        for rij in proef.context["result"].invalid_rows
        for meldingen in rij.field_specific_errors.values()
    ]
    assert fouten[0].startswith("Er is geen organisatie met slug 'bestaat-niet'.")
    assert fouten[1].startswith("Locatie niet gevonden bij ")
    assert not Aanbod.objects.exists()


def maak_kaart():
    """A small directory with everything an export carries, awkward values included."""
    soort = SoortFactory(naam="Welzijnspartner", slug="welzijnspartner")
    themas = [ThemaFactory(naam="Eenzaamheid", slug="eenzaamheid"), ThemaFactory()]
    wijk = WijkFactory()
    for i in range(3):
        organisatie = OrganisatieFactory(
            soort=soort,
            naam=f'=HYPERLINK("https://kwaad.example";"{i}") & "; komma, "aanhalingstekens"',
            telefoon="+31 10 593 18 19",
            omschrijving="Regel één\nRegel twee; met puntkomma",
            contact_email="redactie@example.nl",
            themas=themas,
            wijken=[wijk],
        )
        locatie = LocatieFactory(organisatie=organisatie, wijk=wijk, toegankelijkheid="-lift")
        LocatieFactory(organisatie=organisatie, adres="Markt 5", latitude=None, longitude=None)
        aanbod = AanbodFactory(
            organisatie=organisatie, themas=themas, doelgroepen=[DoelgroepFactory()]
        )
        aanbod.locaties.set([locatie])


def momentopname():
    """Every row of the directory as it is stored, to compare before and after."""
    return (
        list(Organisatie.objects.order_by("pk").values()),
        list(Locatie.objects.order_by("pk").values()),
        list(Aanbod.objects.order_by("pk").values()),
        sorted(Organisatie.themas.through.objects.values_list("organisatie_id", "thema_id")),
        sorted(Aanbod.locaties.through.objects.values_list("aanbod_id", "locatie_id")),
    )


def aantal_versies():
    return (
        Organisatie.history.count(),
        Locatie.history.count(),
        Aanbod.history.count(),
    )


@pytest.mark.parametrize("formaat", ["csv", "xlsx"])
def test_exporteren_en_weer_importeren_verandert_niets(client, redacteur, formaat):
    maak_kaart()
    voor, versies = momentopname(), aantal_versies()
    for model in ("organisatie", "locatie", "aanbod"):
        export = exporteer(client, model, formaat)
        bestand = SimpleUploadedFile(f"{model}.{formaat}", export.content)
        proef = proefimport(client, model, bestand)
        resultaat = proef.context["result"]
        assert not resultaat.has_errors() and not resultaat.has_validation_errors(), [
            (rij.number, rij.error_dict) for rij in resultaat.invalid_rows
        ]
        assert resultaat.totals["new"] == resultaat.totals["update"] == 0
        assert resultaat.totals["skip"] == {"organisatie": 3, "locatie": 6, "aanbod": 3}[model]
        assert "Alles in het bestand staat al zo op de kaart." in proef.content.decode()
    assert momentopname() == voor
    assert aantal_versies() == versies


def test_csv_export_voor_nederlandse_excel(client, redacteur):
    maak_kaart()
    export = exporteer(client, "organisatie", "csv")
    assert export["Content-Type"] == "text/csv; charset=utf-8"
    assert export["Content-Disposition"].startswith('attachment; filename="organisaties-')
    assert export.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    rijen = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert rijen[0][:3] == ["slug", "naam", "soort"]
    naam = rijen[1][1]
    assert naam.startswith("'=HYPERLINK(")  # a formula stays text in Excel
    assert rijen[1][rijen[0].index("telefoon")] == "'+31 10 593 18 19"


def test_500_organisaties_in_een_keer(client, redacteur, termen):
    """How a gemeente moves its old sociale kaart: hundreds of rows in one file."""
    regels = ["naam;soort;omschrijving;themas;wijken;status"]
    for i in range(500):
        regels.append(
            f"Organisatie {i:03d};Welzijnspartner;Hulp bij eenzaamheid nummer {i}.;"
            f"Eenzaamheid, Mantelzorg;Centrum;{'Gepubliceerd' if i % 2 else 'Concept'}"
        )
    proef = proefimport(client, "organisatie", csv_bestand(*regels, naam="500.csv"))
    assert proef.context["result"].totals["new"] == 500
    antwoord = bevestig(client, "organisatie", proef)
    assert antwoord.status_code == 302
    assert Organisatie.objects.count() == 500
    assert Organisatie.objects.filter(status=Organisatie.Status.GEPUBLICEERD).count() == 250
    assert not Organisatie.objects.filter(zoekvector__isnull=True).exists()
    assert (
        Organisatie.objects.filter(facet_themas__contains=[termen["mantelzorg"].pk]).count() == 500
    )
    gevonden = Organisatie.objects.gepubliceerd().zoek("eenzaamheid")
    assert gevonden.count() == 250
    # One version per organisation, with its links.
    versies = Organisatie.history.filter(history_change_reason="Geïmporteerd uit 500.csv")
    assert versies.count() == 500
    assert all(len(versie.themas.all()) == 2 for versie in versies[:5])

    # The same file again: nothing changes, and it says so.
    proef = proefimport(client, "organisatie", csv_bestand(*regels, naam="500.csv"))
    assert proef.context["result"].totals["skip"] == 500


def test_voorbeeldbestanden_importeren_zonder_fouten(client, redacteur, termen):
    for model in ("organisatie", "locatie", "aanbod"):
        pagina = client.get(reverse(f"admin:organisaties_{model}_import"))
        for extensie in ("xlsx", "csv"):
            url = reverse(f"admin:organisaties_{model}_import_voorbeeld", args=[extensie])
            assert url in pagina.content.decode()
        voorbeeld = client.get(url)
        assert voorbeeld.status_code == 200
        bestand = SimpleUploadedFile(f"voorbeeld.{extensie}", voorbeeld.content)
        assert importeer(client, model, bestand).status_code == 302
    assert Organisatie.objects.count() == 2
    assert Aanbod.objects.get(naam="Koffieochtend").locaties.get().adres == "Zuiddijk 12"


def test_alleen_wie_mag_toevoegen_en_wijzigen_mag_importeren(client):
    client.force_login(GebruikerFactory(groepen=[COORDINATOREN]))
    lijst = client.get(reverse("admin:organisaties_organisatie_changelist"))
    assert lijst.status_code == 200
    assert reverse("admin:organisaties_organisatie_import") not in lijst.content.decode()
    assert client.get(reverse("admin:organisaties_organisatie_import")).status_code == 403
    voorbeeld = reverse("admin:organisaties_organisatie_import_voorbeeld", args=["csv"])
    assert client.get(voorbeeld).status_code == 403
    bestand = csv_bestand("naam;soort;omschrijving", "a;b;c")
    assert proefimport(client, "organisatie", bestand).status_code == 403
