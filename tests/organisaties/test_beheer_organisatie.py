"""The organisation in the admin: complete, explained, and strict about postcodes and phones."""

import datetime

import pytest
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from netwerk.rollen import REDACTEUREN
from organisaties.models import Controlebron, Locatie, Organisatie
from organisaties.validatie import (
    POSTCODE_FOUT,
    TELEFOON_FOUT,
    normaliseer_postcode,
    postcode_validator,
    telefoon_validator,
)
from organisaties.werklijsten import maanden_eerder
from tests.beheerformulier import formulierdata
from tests.factories import (
    AanbodFactory,
    GebruikerFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    SoortFactory,
)

pytestmark = pytest.mark.django_db

LIJST = reverse("admin:organisaties_organisatie_changelist")
NIEUW = reverse("admin:organisaties_organisatie_add")


@pytest.fixture
def redacteur(client):
    gebruiker = GebruikerFactory(username="redacteur", groepen=[REDACTEUREN])
    client.force_login(gebruiker)
    return gebruiker


def wijzig_url(organisatie):
    return reverse("admin:organisaties_organisatie_change", args=[organisatie.pk])


def nieuwe_organisatie(**velden):
    """The add form as a redacteur fills it in, with one location."""
    data = {
        "naam": "Buurthuis De Vloot",
        "slug": "buurthuis-de-vloot",
        "soort": SoortFactory().pk,
        "status": "concept",
        "omschrijving": "Een plek om elkaar te ontmoeten.",
        "telefoon": "010 593 18 19",
        "bron": "redactie",
        "locaties-TOTAL_FORMS": "1",
        "locaties-INITIAL_FORMS": "0",
        "locaties-0-adres": "Zuiddijk 12",
        "locaties-0-postcode": "3142ab",
        "locaties-0-plaats": "Maassluis",
        "aanbod-TOTAL_FORMS": "0",
        "aanbod-INITIAL_FORMS": "0",
    }
    data.update(velden)
    return data


def foutmeldingen(antwoord):
    """Every error message on the rendered admin form, inlines included."""
    context = antwoord.context
    fouten = [str(f) for fouten in context["adminform"].form.errors.values() for f in fouten]
    for inline in context["inline_admin_formsets"]:
        for form in inline.formset.forms:
            fouten += [str(f) for lijst in form.errors.values() for f in lijst]
    return fouten


# --- Postcode and phone -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "opgeslagen"),
    [
        ("3142ab", "3142 AB"),
        (" 3142  AB ", "3142 AB"),
        ("3142 AB", "3142 AB"),
        ("3142Ab", "3142 AB"),
    ],
)
def test_postcode_wordt_op_een_manier_geschreven(invoer, opgeslagen):
    assert normaliseer_postcode(invoer) == opgeslagen
    postcode_validator(invoer)  # accepted in every spelling


@pytest.mark.parametrize("postcode", ["0123 AB", "31422 AB", "3142", "ABCD 12", "3142 A1", ""])
def test_geen_postcode_wordt_geweigerd(postcode):
    with pytest.raises(ValidationError) as fout:
        postcode_validator(postcode)
    assert fout.value.messages == [str(POSTCODE_FOUT)]


@pytest.mark.parametrize(
    "nummer",
    ["010 593 18 19", "06-12345678", "+31 6 12345678", "14 010", "0800 1234", "+32 2 555 12 12"],
)
def test_bestaande_telefoonnummers_mogen(nummer):
    telefoon_validator(nummer)


@pytest.mark.parametrize("nummer", ["12345", "010 593", "bel ons", "06 1234 567 890 12"])
def test_onbestaande_telefoonnummers_worden_geweigerd(nummer):
    with pytest.raises(ValidationError) as fout:
        telefoon_validator(nummer)
    assert fout.value.messages == [str(TELEFOON_FOUT)]


def test_postcode_uit_het_beheer_wordt_genormaliseerd(client, redacteur):
    antwoord = client.post(NIEUW, nieuwe_organisatie())
    assert antwoord.status_code == 302, foutmeldingen(antwoord)
    assert Locatie.objects.get().postcode == "3142 AB"


def test_postcode_wordt_ook_zonder_formulier_genormaliseerd():
    """An import or a script that saves without validating stores the same spelling."""
    assert LocatieFactory(postcode="3142ea").postcode == "3142 EA"


def test_foute_postcode_en_telefoon_geven_nederlandse_fout_en_houden_de_invoer(client, redacteur):
    antwoord = client.post(
        NIEUW, nieuwe_organisatie(**{"telefoon": "12345", "locaties-0-postcode": "0123 XY"})
    )
    assert antwoord.status_code == 200
    fouten = foutmeldingen(antwoord)
    assert str(POSTCODE_FOUT) in fouten and str(TELEFOON_FOUT) in fouten
    html = antwoord.content.decode()
    assert 'value="12345"' in html and 'value="0123 XY"' in html
    assert not Organisatie.objects.exists()


# --- The form: complete and explained -----------------------------------------------------


def test_wijzigformulier_heeft_locaties_aanbod_en_link_naar_openingstijden(client, redacteur):
    locatie = LocatieFactory(naam="Buurthuis")
    OpeningstijdFactory(locatie=locatie, dag=2, van="09:00", tot="12:00")
    AanbodFactory(organisatie=locatie.organisatie, naam="Koffieochtend")
    antwoord = client.get(wijzig_url(locatie.organisatie))
    html = antwoord.content.decode()
    assert 'name="locaties-0-postcode"' in html and 'name="aanbod-0-naam"' in html
    assert "dinsdag 09:00–12:00" in html
    locatie_url = reverse("admin:organisaties_locatie_change", args=[locatie.pk])
    assert f'href="{locatie_url}"' in html
    # Where the opening hours are edited: the location's own page.
    assert 'name="openingstijden-0-dag"' in client.get(locatie_url).content.decode()


def test_aanbod_kiest_alleen_uit_locaties_van_de_eigen_organisatie(client, redacteur):
    eigen = LocatieFactory(naam="Eigen plek")
    LocatieFactory(naam="Plek van een ander")
    AanbodFactory(organisatie=eigen.organisatie)
    html = client.get(wijzig_url(eigen.organisatie)).content.decode()
    assert "Eigen plek" in html and "Plek van een ander" not in html


@pytest.mark.parametrize("model", [Organisatie, Locatie])
def test_elk_veld_staat_in_het_formulier_met_uitleg(rf, redacteur, model):
    """Nothing a redacteur may need is hidden; every field says what it is for."""
    model_admin = admin.site._registry[model]
    request = rf.get("/")
    request.user = redacteur
    getoond = {
        veld
        for _naam, opties in model_admin.get_fieldsets(request)
        for regel in opties["fields"]
        for veld in (regel if isinstance(regel, tuple | list) else [regel])
    }
    bewerkbaar = {
        veld.name
        for veld in model._meta.get_fields()
        if getattr(veld, "concrete", False) and not veld.auto_created and veld.editable
    }
    assert bewerkbaar <= getoond, bewerkbaar - getoond
    for naam in getoond:
        assert str(model._meta.get_field(naam).help_text).strip(), naam


def test_nieuw_formulier_toont_uitleg_bij_de_velden(client, redacteur):
    html = client.get(NIEUW).content.decode()
    assert "Wat de organisatie doet, in eenvoudige taal (B1)." in html
    assert "De redacteur die deze organisatie bijhoudt." in html


# --- Publishing and checking in the change form -------------------------------------------


def post_wijziging(client, organisatie, **velden):
    """The change form as it stands, with some fields changed."""
    data = formulierdata(client.get(wijzig_url(organisatie)))
    data.update(velden)
    return client.post(wijzig_url(organisatie), data)


def test_publiceren_in_het_formulier_legt_vast_wanneer_en_door_wie(client, redacteur):
    organisatie = OrganisatieFactory(status="concept")
    antwoord = post_wijziging(client, organisatie, status="gepubliceerd")
    assert antwoord.status_code == 302
    organisatie.refresh_from_db()
    assert organisatie.status == "gepubliceerd"
    assert organisatie.gepubliceerd_door == redacteur
    assert timezone.now() - organisatie.gepubliceerd_op < datetime.timedelta(minutes=1)


def test_opslaan_van_een_gepubliceerde_organisatie_houdt_de_publicatiedatum(client, redacteur):
    eerder = timezone.now() - datetime.timedelta(days=100)
    organisatie = OrganisatieFactory(gepubliceerd_op=eerder)
    post_wijziging(client, organisatie, naam="Nieuwe naam")
    organisatie.refresh_from_db()
    assert organisatie.naam == "Nieuwe naam" and organisatie.gepubliceerd_op == eerder


def test_datum_laatst_gecontroleerd_met_de_hand_is_een_controle_van_de_redactie(client, redacteur):
    organisatie = OrganisatieFactory(laatst_geverifieerd=None)
    post_wijziging(client, organisatie, laatst_geverifieerd="01-03-2026")
    organisatie.refresh_from_db()
    assert organisatie.laatst_geverifieerd == datetime.date(2026, 3, 1)
    assert organisatie.gecontroleerd_door == Controlebron.REDACTIE


# --- The list: filters, search, queries ---------------------------------------------------


def namen(antwoord):
    return {organisatie.naam for organisatie in antwoord.context["cl"].result_list}


def test_filter_op_controle(client, redacteur):
    vandaag = timezone.localdate()
    OrganisatieFactory(naam="Net gecontroleerd", laatst_geverifieerd=vandaag)
    OrganisatieFactory(naam="Lang geleden", laatst_geverifieerd=maanden_eerder(vandaag, 13))
    OrganisatieFactory(naam="Nooit", laatst_geverifieerd=None)
    assert namen(client.get(LIJST, {"gecontroleerd": "binnen"})) == {"Net gecontroleerd"}
    assert namen(client.get(LIJST, {"gecontroleerd": "te_lang"})) == {"Lang geleden"}
    assert namen(client.get(LIJST, {"gecontroleerd": "nooit"})) == {"Nooit"}
    html = client.get(LIJST).content.decode()
    assert "te lang geleden" in html and "nooit" in html


def test_filter_op_toegewezen_redacteur_en_zoeken_op_postcode(client, redacteur):
    collega = GebruikerFactory(username="collega", groepen=[REDACTEUREN])
    OrganisatieFactory(naam="Van mij", toegewezen_aan=redacteur)
    OrganisatieFactory(naam="Van de collega", toegewezen_aan=collega)
    LocatieFactory(organisatie__naam="Aan de Zuiddijk", postcode="3142 AB")
    filter_ = client.get(LIJST, {"toegewezen_aan__id__exact": collega.pk})
    assert namen(filter_) == {"Van de collega"}
    assert namen(client.get(LIJST, {"q": "3142 AB"})) == {"Aan de Zuiddijk"}


def test_lijst_kost_evenveel_queries_bij_meer_organisaties(client, redacteur):
    def queries():
        with CaptureQueriesContext(connection) as vastgelegd:
            assert client.get(LIJST).status_code == 200
        return len(vastgelegd)

    for _ in range(3):
        OrganisatieFactory(toegewezen_aan=redacteur)
    queries()  # the first request fills the caches (site settings, permissions)
    weinig = queries()
    for _ in range(20):
        OrganisatieFactory(toegewezen_aan=redacteur)
    assert queries() == weinig
