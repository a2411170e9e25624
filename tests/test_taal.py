"""The English site: the switcher without JavaScript, <html lang>, the page cache per language,
English taxonomy names, e-mails in the registrant's language, and a complete translation."""

import re

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from bijeenkomsten import berichten
from bijeenkomsten.models import Aanmelding
from netwerk.models import UitgaandeEmail
from organisaties import services
from organisaties.models import Thema, Wijzigingsvoorstel
from tests.factories import (
    AanbodFactory,
    BijeenkomstFactory,
    DoelgroepFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
)

pytestmark = pytest.mark.django_db
LIJST = reverse("organisaties:lijst")
TAALKEUZE = reverse("set_language")


def engels(client):
    """Choose English as a visitor does: the switcher's form, posted without JavaScript."""
    response = client.post(TAALKEUZE, {"language": "en", "next": "/"})
    assert response.status_code == 302
    return client


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


def test_nederlands_is_de_standaard_ook_als_de_browser_engels_vraagt(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert html_lang(response) == "nl"
    assert response["Content-Language"] == "nl"
    assert "Cookie" in response["Vary"]
    # The switcher offers English, in English.
    assert 'lang="en">English</button>' in response.content.decode()


def test_taalkeuze_zonder_javascript_en_terug_naar_dezelfde_pagina(client):
    response = client.post(TAALKEUZE, {"language": "en", "next": f"{LIJST}?thema=wonen"})
    assert response.status_code == 302
    assert response["Location"] == f"{LIJST}?thema=wonen"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "en" and cookie["httponly"]
    pagina = client.get(LIJST)
    assert html_lang(pagina) == "en"
    html = pagina.content.decode()
    assert "Organisations" in html
    assert 'lang="nl">Nederlands</button>' in html
    # And back to Dutch.
    client.post(TAALKEUZE, {"language": "nl", "next": LIJST})
    assert html_lang(client.get(LIJST)) == "nl"


def test_taalkeuze_zonder_csrf_token_werkt_ook_vanaf_een_pagina_uit_de_cache(client):
    from django.test import Client

    strikt = Client(enforce_csrf_checks=True)
    response = strikt.post(TAALKEUZE, {"language": "en", "next": "/"})
    assert response.status_code == 302


@pytest.mark.parametrize("volgende", ["https://kwaadaardig.example/", "//kwaadaardig.example/"])
def test_taalkeuze_stuurt_nooit_naar_een_andere_site(client, volgende):
    response = client.post(TAALKEUZE, {"language": "en", "next": volgende})
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_onbekende_taal_in_cookie_geeft_nederlands(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "xx"
    assert html_lang(client.get("/")) == "nl"
    client.post(TAALKEUZE, {"language": "de", "next": "/"})
    assert html_lang(client.get("/")) == "nl"


def test_paginacache_mengt_de_talen_niet(client, demodata):
    nederlands = client.get(LIJST)
    assert html_lang(nederlands) == "nl"
    assert client.get(LIJST)["X-Cache"] == "hit"
    bezoeker = engels(type(client)())
    antwoord = bezoeker.get(LIJST)
    assert antwoord.get("X-Cache") != "hit"  # not the Dutch page from the cache
    assert html_lang(antwoord) == "en"
    assert "Organisations" in antwoord.content.decode()
    assert bezoeker.get(LIJST)["X-Cache"] == "hit"
    assert html_lang(bezoeker.get(LIJST)) == "en"
    assert html_lang(client.get(LIJST)) == "nl"


def test_publieke_paginas_in_het_engels(client, demodata):
    engels(client)
    home = client.get("/").content.decode()
    assert "Home" in home and "Organisations" in home and "Meetings" in home
    lijst = client.get(LIJST).content.decode()
    assert "organisations found" in lijst
    assert "Loneliness" in lijst  # the theme filter's English name
    organisatie = OrganisatieFactory(naam="Buurthuis De Vloot")
    detail = client.get(organisatie.get_absolute_url()).content.decode()
    assert "Buurthuis De Vloot" in detail
    assert "Something wrong?" in detail
    assert client.get("/bestaat-niet/").status_code == 404
    assert "not found" in client.get("/bestaat-niet/").content.decode().lower()


def test_foutpagina_500_in_de_gekozen_taal():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert '<html lang="en">' in html and "Something went wrong" in html
    with translation.override("nl"):
        assert "Er ging iets mis" in render_to_string("500.html")


def test_formulierfouten_bij_aanmelden_in_het_engels(client):
    bijeenkomst = BijeenkomstFactory()
    engels(client)
    response = client.post(
        bijeenkomst.get_absolute_url(),
        {"naam": "Anna", "email": "geen-adres"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address" in html
    assert "Give permission to use your details." in html
    assert not Aanmelding.objects.exists()


def test_email_in_de_taal_van_de_aanmelding_ook_later_vanuit_de_werker(client):
    bijeenkomst = BijeenkomstFactory(titel="Samen doen")
    engels(client)
    client.post(
        bijeenkomst.get_absolute_url(),
        {"naam": "Anna", "email": "anna@example.nl", "privacy": "on"},
    )
    aanmelding = Aanmelding.objects.get()
    assert aanmelding.taal == "en"
    bevestiging = UitgaandeEmail.objects.get()
    assert bevestiging.onderwerp == "Registration confirmed: Samen doen"
    assert "You are registered." in bevestiging.tekst
    assert '<html lang="en">' in bevestiging.html
    # A reminder is written by the worker, in Dutch by default: still English for Anna.
    with translation.override("nl"):
        herinnering = berichten.herinnering(aanmelding)
    assert herinnering.onderwerp == "Reminder: Samen doen"
    # Someone who registered on the Dutch site gets Dutch.
    aanmelding.taal = "nl"
    assert berichten.herinnering(aanmelding).onderwerp == "Herinnering: Samen doen"


def test_melder_krijgt_het_antwoord_in_de_taal_van_de_melding(client, admin_user):
    organisatie = OrganisatieFactory(naam="Buurthuis De Vloot")
    engels(client)
    client.post(
        organisatie.get_absolute_url(),
        {"toelichting": "Ander telefoonnummer", "email": "melder@example.nl"},
    )
    melding = Wijzigingsvoorstel.objects.get()
    assert melding.taal == "en"
    # The redactie works in Dutch; the resident's e-mail is still English.
    with translation.override("nl"):
        services.melding_verwerken(melding, admin_user)
    email = UitgaandeEmail.objects.get()
    assert email.onderwerp == "Your report about Buurthuis De Vloot has been processed"
    assert "Dear reporter," in email.tekst


def test_termen_tonen_de_engelse_naam_op_de_engelse_site(client):
    thema = ThemaFactory(naam="Eenzaamheid", naam_en="Loneliness", slug="eenzaamheid")
    zonder = ThemaFactory(naam="Mantelzorg", slug="mantelzorg")  # no English name
    doelgroep = DoelgroepFactory(naam="Ouderen", naam_en="Older people")
    soort = SoortFactory(naam="Wijkteam", slug="wijkteam", naam_en="Neighbourhood team")
    organisatie = OrganisatieFactory(naam="Wijkteam Noord", soort=soort, themas=[thema, zonder])
    AanbodFactory(organisatie=organisatie, naam="Spreekuur", doelgroepen=[doelgroep])

    nl = client.get(organisatie.get_absolute_url()).content.decode()
    assert "Eenzaamheid" in nl and "Ouderen" in nl and "Loneliness" not in nl
    engels(client)
    en = client.get(organisatie.get_absolute_url()).content.decode()
    assert "Loneliness" in en and "Older people" in en and "Neighbourhood team" in en
    assert "Mantelzorg" in en  # falls back to the Dutch name
    assert "Eenzaamheid" not in en
    assert "Loneliness" in client.get(thema.get_absolute_url()).content.decode()
    lijst = client.get(LIJST, {"thema": "eenzaamheid"}).content.decode()
    assert "Loneliness" in lijst
    # The English names are found by the search too, on both sites.
    for woord in ("loneliness", "neighbourhood team", "older people"):
        gevonden = client.get(LIJST, {"q": woord}).context["pagina"].object_list
        assert [o.naam for o in gevonden] == ["Wijkteam Noord"], woord


def test_beheer_toont_het_engelse_naamveld(admin_client):
    thema = ThemaFactory(naam="Wonen", naam_en="Housing")
    html = admin_client.get(reverse("admin:organisaties_thema_change", args=[thema.pk]))
    assert 'name="naam_en"' in html.content.decode()
    lijst = admin_client.get(reverse("admin:organisaties_thema_changelist"), {"q": "Housing"})
    assert "Wonen" in lijst.content.decode()
    wijken = admin_client.get(reverse("admin:organisaties_wijk_add")).content.decode()
    assert 'name="naam_en"' not in wijken


def test_demodata_heeft_engelse_namen(demodata):
    assert not Thema.objects.filter(naam_en="").exists()
    with translation.override("en"):
        assert str(Thema.objects.get(slug="eenzaamheid")) == "Loneliness"
    with translation.override("nl"):
        assert str(Thema.objects.get(slug="eenzaamheid")) == "Eenzaamheid"


def po_items(pad):
    """The entries of a .po file as (msgid, {msgstr key: text}, fuzzy), header left out."""
    items = []
    for blok in pad.read_text(encoding="utf-8").split("\n\n"):
        regels = [r for r in blok.splitlines() if r and not r.startswith("#~")]
        fuzzy = any(r.startswith("#,") and "fuzzy" in r for r in regels)
        velden, huidig = {}, None
        for regel in regels:
            if regel.startswith("#"):
                continue
            if regel.startswith('"'):
                velden[huidig] += regel[1:-1]
            else:
                huidig, _, waarde = regel.partition(" ")
                velden[huidig] = waarde[1:-1]
        if velden.get("msgid"):
            vertalingen = {k: v for k, v in velden.items() if k.startswith("msgstr")}
            items.append((velden["msgid"], vertalingen, fuzzy))
    return items


def test_elke_tekst_heeft_een_engelse_vertaling():
    """Every msgid of the project's English .po files is translated and none is fuzzy.

    New or changed Dutch texts make this fail until `manage.py makemessages -l en` has run and
    their English is filled in (see README, "Engels").
    """
    bestanden = list((settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES").glob("*.po"))
    assert bestanden
    for bestand in bestanden:
        items = po_items(bestand)
        ontbrekend = [m for m, vertalingen, _ in items if not all(vertalingen.values())]
        vaag = [m for m, _, fuzzy in items if fuzzy]
        assert not ontbrekend, f"{bestand.name}: zonder vertaling: {ontbrekend[:20]}"
        assert not vaag, f"{bestand.name}: fuzzy: {vaag[:20]}"
