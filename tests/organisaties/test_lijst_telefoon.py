"""The list and the look on a phone: folding filters, cards that say where and when, the
wijkteam on every dead end, error summaries, and a privacy statement linked from consents."""

import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.test import override_settings
from django.urls import reverse

from netwerk.models import SiteConfiguratie
from organisaties.models import Organisatie
from tests.factories import (
    BijeenkomstFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
    WijkFactory,
)
from tests.organisaties.test_queries import aantal_queries, hoogstens

pytestmark = pytest.mark.django_db
LIJST = reverse("organisaties:lijst")
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def html(response):
    return response.content.decode()


def tekst(response):
    """The page's text without tags and with single spaces, as a visitor reads it."""
    return " ".join(re.sub(r"<[^>]+>", " ", html(response)).split())


def wijkteam(**kwargs):
    return OrganisatieFactory(
        naam="Wijkteam De Brug",
        slug="wijkteam-de-brug",
        telefoon="010 555 12 34",
        soort=SoortFactory(slug="wijkteam", naam="Wijkteam"),
        **kwargs,
    )


def deze_week_om(dag, uur):
    """An aware moment on the next such weekday (1 = Monday) at this local time."""
    vandaag = datetime.date(2026, 3, 2)  # a Monday
    datum = vandaag + datetime.timedelta(days=dag - 1)
    return datetime.datetime.combine(datum, datetime.time.fromisoformat(uur), tzinfo=AMSTERDAM)


# --- Filters fold away on a phone ------------------------------------------------------


def test_filters_staan_in_een_uitklapper_met_het_aantal_actieve_filters(client):
    thema = ThemaFactory(slug="geld", naam="Geld")
    wijk = WijkFactory(slug="centrum", naam="Centrum")
    OrganisatieFactory(themas=[thema], wijken=[wijk])
    response = client.get(LIJST, {"thema": "geld", "wijk": "centrum", "gratis": "", "q": "hulp"})
    pagina = html(response)
    uitklapper = pagina[pagina.index("<details") : pagina.index("</details>")]
    assert "<summary" in uitklapper and 'name="thema"' in uitklapper
    samenvatting = uitklapper[uitklapper.index("<summary") : uitklapper.index("</summary>")]
    # Two filters; the search word is not a filter and stays visible above.
    assert "(2" in samenvatting
    assert 'name="q"' not in uitklapper
    # Closed without JavaScript: results come first on a phone.
    assert "<details " in pagina and " open" not in pagina[pagina.index("<details") :][:80]


def test_zonder_filters_staat_er_geen_aantal(client):
    OrganisatieFactory()
    pagina = html(client.get(LIJST))
    samenvatting = pagina[pagina.index("<summary") : pagina.index("</summary>")]
    assert "(" not in samenvatting


def test_knop_filters_toepassen_blijft_voor_wie_geen_javascript_heeft(client):
    OrganisatieFactory()
    pagina = html(client.get(LIJST))
    assert "Filters toepassen" in pagina and "js/filters.js" in pagina


# --- Result cards ----------------------------------------------------------------------


def test_kaartje_toont_adres_telefoon_en_openingstijd_van_vandaag(client):
    organisatie = OrganisatieFactory(naam="Buurthuis De Vloot", telefoon="010 123 45 67")
    locatie = LocatieFactory(organisatie=organisatie, adres="Zuiddijk 12", plaats="Maassluis")
    OpeningstijdFactory(locatie=locatie, dag=1, van="09:00", tot="16:00")
    with mock.patch("django.utils.timezone.now", return_value=deze_week_om(1, "10:00")):
        response = client.get(LIJST)
    gelezen = tekst(response)
    assert "Zuiddijk 12, Maassluis" in gelezen
    assert 'href="tel:0101234567"' in html(response)
    assert "Vandaag open tot 16:00" in gelezen


def test_kaartje_zegt_nu_gesloten_na_sluitingstijd(client):
    locatie = LocatieFactory(organisatie=OrganisatieFactory())
    OpeningstijdFactory(locatie=locatie, dag=1, van="09:00", tot="16:00")
    with mock.patch("django.utils.timezone.now", return_value=deze_week_om(1, "17:00")):
        assert "Nu gesloten" in tekst(client.get(LIJST))


def test_kaartje_zonder_locatie_of_telefoon_laat_ze_weg(client):
    OrganisatieFactory(naam="Alleen Online", telefoon="")
    gelezen = tekst(client.get(LIJST))
    assert "Alleen Online" in gelezen
    assert "Adres" not in gelezen and "tel:" not in gelezen and "gesloten" not in gelezen


def test_kaartjes_kosten_geen_query_per_organisatie(client):
    SiteConfiguratie.get_solo()

    def maak(aantal, begin):
        for i in range(begin, begin + aantal):
            organisatie = OrganisatieFactory(naam=f"Organisatie {i:03}")
            for j in range(2):
                locatie = LocatieFactory(organisatie=organisatie, adres=f"Straat {j}")
                OpeningstijdFactory(locatie=locatie, dag=1)
                OpeningstijdFactory(locatie=locatie, dag=2)

    maak(2, 0)
    weinig = aantal_queries(client, LIJST + "?a=1")
    maak(18, 2)
    with hoogstens(weinig):
        response = client.get(LIJST + "?a=2")
    assert tekst(response).count("Straat 0") == 20


def test_gecachte_lijst_toont_geen_oude_openingstijd(client):
    """The list is cached; "nu gesloten" may lag a quarter of an hour at most."""
    locatie = LocatieFactory(organisatie=OrganisatieFactory())
    OpeningstijdFactory(locatie=locatie, dag=1, van="09:00", tot="16:00")
    open_om = deze_week_om(1, "15:50")
    gesloten_om = deze_week_om(1, "16:01")

    def bezoek(moment):
        with mock.patch("django.utils.timezone.now", return_value=moment):
            return client.get(LIJST)

    assert "Vandaag open tot 16:00" in tekst(bezoek(open_om))
    nog_eens = bezoek(open_om + datetime.timedelta(minutes=5))
    assert nog_eens["X-Cache"] == "hit"  # the page cache still works
    later = bezoek(gesloten_om)
    assert "Nu gesloten" in tekst(later) and "open tot" not in tekst(later)


@override_settings(PAGINA_CACHE_SECONDEN=3600)
def test_lijst_blijft_niet_langer_dan_een_kwartier_in_de_cache(client):
    OrganisatieFactory()
    moment = deze_week_om(1, "10:07")
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch("netwerk.paginacache.cache.set") as opslaan,
    ):
        client.get(LIJST)
    bewaartijd = opslaan.call_args.args[2]
    assert 0 < bewaartijd <= 8 * 60 + 1  # until 10:15, not an hour


# --- The wijkteam on every dead end --------------------------------------------------


def test_geen_resultaten_biedt_het_wijkteam_met_telefoon_en_link(client):
    team = wijkteam()
    response = client.get(LIJST, {"q": "xqzzyvw"})
    pagina = html(response)
    assert "0 organisaties gevonden" in tekst(response)
    assert 'href="tel:0105551234"' in pagina and "010 555 12 34" in pagina
    assert f'href="{team.get_absolute_url()}"' in pagina


def test_beheerder_kiest_wie_helpt_in_de_site_instellingen(client):
    wijkteam()
    loket = OrganisatieFactory(naam="Zorgloket", telefoon="14 010")
    site = SiteConfiguratie.get_solo()
    site.hulp_organisatie = loket
    site.save()
    pagina = html(client.get(LIJST, {"q": "xqzzyvw"}))
    assert 'href="tel:14010"' in pagina and "Zorgloket" in pagina
    assert "Wijkteam De Brug" not in pagina


def test_zonder_wijkteam_helpt_het_telefoonnummer_van_de_gemeente(client):
    site = SiteConfiguratie.get_solo()
    site.contact_telefoon = "14 0180"
    site.save()
    pagina = html(client.get(LIJST, {"q": "xqzzyvw"}))
    assert 'href="tel:140180"' in pagina


def test_gearchiveerde_organisatie_biedt_het_wijkteam(client):
    wijkteam()
    weg = OrganisatieFactory(status=Organisatie.Status.GEARCHIVEERD)
    response = client.get(weg.get_absolute_url())
    assert response.status_code == 410
    assert 'href="tel:0105551234"' in html(response)


def test_pagina_die_niet_bestaat_biedt_het_wijkteam(client):
    wijkteam()
    response = client.get("/deze-pagina-bestaat-niet/")
    assert response.status_code == 404
    assert 'href="tel:0105551234"' in html(response) and "/organisaties/wijkteam-de-brug/" in html(
        response
    )


@pytest.mark.parametrize("soort", ["thema", "wijk"])
def test_lege_thema_en_wijkpagina_bieden_het_wijkteam(client, soort):
    wijkteam()
    if soort == "thema":
        url = ThemaFactory(slug="leeg", naam="Leeg").get_absolute_url()
    else:
        url = WijkFactory(slug="leeg", naam="Leeg").get_absolute_url()
    assert 'href="tel:0105551234"' in html(client.get(url))


# --- Error summary -------------------------------------------------------------------


def test_foutoverzicht_noemt_en_linkt_elk_veld_van_de_aanmelding(client):
    bijeenkomst = BijeenkomstFactory()
    response = client.post(bijeenkomst.get_absolute_url(), {"email": "geen-adres"})
    pagina = html(response)
    overzicht = pagina[pagina.index("data-foutoverzicht") :]
    overzicht = overzicht[: overzicht.index("</ul>")]
    for veld in ("id_naam", "id_email", "id_privacy"):
        assert f'href="#{veld}"' in overzicht and f'id="{veld}"' in pagina
    assert "Vul uw naam in." in overzicht
    assert 'role="alert"' in pagina and 'tabindex="-1"' in pagina
    assert "js/foutoverzicht.js" in pagina
    # At the top of the form: before the first field.
    assert pagina.index("data-foutoverzicht") < pagina.index('id="id_naam"')


def test_foutoverzicht_bij_een_melding_op_de_organisatiepagina(client):
    organisatie = OrganisatieFactory()
    response = client.post(
        reverse("organisaties:melden", args=[organisatie.slug]), {"toelichting": "", "email": "x"}
    )
    overzicht = html(response)[html(response).index("data-foutoverzicht") :]
    assert 'href="#id_toelichting"' in overzicht and 'href="#id_email"' in overzicht


def test_foutoverzicht_bij_aanmelden_van_een_organisatie(client):
    response = client.post(reverse("organisaties:aanmelden"), {"naam": "", "aanmelden": ""})
    overzicht = html(response)[html(response).index("data-foutoverzicht") :]
    assert 'href="#id_naam"' in overzicht


# --- Privacy ---------------------------------------------------------------------------


def test_privacyverklaring_zegt_wat_waarom_hoe_lang_en_bij_wie(client):
    site = SiteConfiguratie.get_solo()
    site.bewaartermijn_maanden = 9
    site.contact_email = "privacy@gemeente.example"
    site.contact_telefoon = "14 010"
    site.save()
    response = client.get(reverse("privacy"))
    gelezen = tekst(response)
    assert "Aanmelden voor een bijeenkomst" in gelezen and "Een fout melden" in gelezen
    assert "naam en e-mailadres" in gelezen and "dieetwensen" in gelezen
    assert "Waarom" in gelezen
    assert "9 maanden na de bijeenkomst verwijderen wij" in gelezen
    assert 'href="mailto:privacy@gemeente.example"' in html(response)
    assert 'href="tel:14010"' in html(response)


def test_eigen_privacytekst_van_de_beheerder_staat_erbij(client):
    site = SiteConfiguratie.get_solo()
    site.privacy_tekst = "Onze functionaris gegevensbescherming is <b>Jan</b>."
    site.save()
    response = client.get(reverse("privacy"))
    assert "Onze functionaris gegevensbescherming is &lt;b&gt;Jan&lt;/b&gt;." in html(response)
    assert "Hoe lang" in tekst(response)


def test_toestemming_bij_aanmelden_linkt_naar_de_privacyverklaring(client):
    bijeenkomst = BijeenkomstFactory()
    pagina = html(client.get(bijeenkomst.get_absolute_url()))
    veld = pagina[pagina.index('id="div_id_privacy"') :]
    veld = veld[: veld.index("</div>\n</div>") if "</div>\n</div>" in veld else 2000]
    assert f'href="{reverse("privacy")}#aanmelden"' in veld


def test_filtergroep_zonder_keuzes_staat_er_niet(client):
    ThemaFactory(slug="geld", naam="Geld")
    OrganisatieFactory(naam="Zonder thema")
    pagina = html(client.get(LIJST))
    assert ">Thema<" not in pagina  # no theme has a match: nothing to choose
    assert "Alleen gratis aanbod" in pagina
