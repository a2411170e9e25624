"""Organisations keep their own listing current through a personal link; staff decide.

The whole path as people take it: staff send the link from the admin, the e-mail waits in the
outbox, the organisation opens the link without logging in and confirms or proposes changes
(a real form, filled in as a browser would send it), a redacteur takes over part of it, and
the organisation is told the outcome.
"""

import datetime
import io
import json
import re
from html.parser import HTMLParser
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.core.management import CommandError, call_command
from django.utils import timezone

from netwerk.models import SiteConfiguratie, UitgaandeEmail
from netwerk.rollen import REDACTEUREN
from organisaties import bijwerken
from organisaties.models import Aanbod, Bijwerkvoorstel, Controlebron, Organisatie
from tests.factories import (
    AanbodFactory,
    GebruikerFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
)

pytestmark = pytest.mark.django_db

LANG_GELEDEN = datetime.date(2020, 1, 1)
LINK = re.compile(r"https?://[^\s\"<]+/organisaties/bijwerken/[^\s\"<]+/")


class Formulier(HTMLParser):
    """The fields of the page's POST form, as a browser without JavaScript would send them."""

    def __init__(self, html):
        super().__init__()
        self.data = {}
        self._textarea = None
        self._select = None
        self._in_post = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._in_post = a.get("method", "").lower() == "post"
        if not self._in_post:
            return
        if tag == "input" and a.get("name") and a.get("type") not in ("submit", "button"):
            if a.get("type") == "checkbox":
                if "checked" in a:
                    self.data[a["name"]] = a.get("value", "on")
            else:
                self.data[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.data[self._textarea] = ""
        elif tag == "select":
            self._select = a["name"]
            self.data.setdefault(self._select, "")
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._in_post = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data.removeprefix("\n")


def formulier(response):
    data = Formulier(response.content.decode()).data
    data.pop("csrfmiddlewaretoken", None)
    return data


@pytest.fixture
def organisatie():
    organisatie = OrganisatieFactory(
        naam="Buurthulp Noord",
        contact_email="redactie@buurthulp.example.nl",
        telefoon="010 123 45 67",
        laatst_geverifieerd=LANG_GELEDEN,
    )
    AanbodFactory(organisatie=organisatie, naam="Formulierenhulp", volgorde=0)
    AanbodFactory(organisatie=organisatie, naam="Koffieochtend", volgorde=1)
    locatie = LocatieFactory(
        organisatie=organisatie, naam="Buurthuis", adres="Hoogstraat 1", postcode="3142 EA"
    )
    OpeningstijdFactory(locatie=locatie, dag=1, van="09:00", tot="12:00")
    return organisatie


@pytest.fixture
def redacteur():
    return GebruikerFactory(username="redacteur", groepen=[REDACTEUREN])


def link_pad(organisatie):
    return f"/organisaties/bijwerken/{bijwerken.maak_token(organisatie)}/"


def verstuur_via_admin(client, redacteur, *organisaties):
    client.force_login(redacteur)
    response = client.post(
        "/admin/organisaties/organisatie/",
        {"action": "stuur_persoonlijke_link", "_selected_action": [o.pk for o in organisaties]},
        follow=True,
    )
    client.logout()
    return response


# --- Sending the link ------------------------------------------------------------------------


def test_link_uit_de_admin_en_alles_klopt_nog(client, redacteur, organisatie):
    verstuur_via_admin(client, redacteur, organisatie)

    email = UitgaandeEmail.objects.get()
    assert email.aan == "redactie@buurthulp.example.nl"
    assert "Buurthulp Noord" in email.onderwerp
    link = LINK.search(email.tekst).group(0)
    assert link in email.html
    organisatie.refresh_from_db()
    assert organisatie.herinnering_verstuurd_op is not None

    # Opened without logging in: the listing as inwoners see it, and the one-click confirmation.
    response = client.get(link)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Buurthulp Noord" in html and "Formulierenhulp" in html and "Hoogstraat 1" in html
    assert "Ja, alles klopt nog" in html
    assert {"private", "no-store"} <= {d.strip() for d in response["Cache-Control"].split(",")}
    assert "noindex" in response["X-Robots-Tag"]
    assert '<meta name="robots" content="noindex">' in html

    response = client.post(link, follow=True)
    assert "vandaag nog kloppen" in response.content.decode()
    organisatie.refresh_from_db()
    assert organisatie.laatst_geverifieerd == timezone.localdate()
    assert organisatie.gecontroleerd_door == Controlebron.ORGANISATIE
    laatste = organisatie.history.first()
    assert laatste.history_change_reason == "Bevestigd door de organisatie via de persoonlijke link"
    assert laatste.history_user is None


def test_organisaties_zonder_adres_worden_genoemd_niet_overgeslagen(client, redacteur):
    met = OrganisatieFactory(naam="Met adres", contact_email="a@example.nl")
    zonder = OrganisatieFactory(naam="Zonder <b>adres</b>", contact_email="")
    gearchiveerd = OrganisatieFactory(
        naam="Oud", contact_email="oud@example.nl", status=Organisatie.Status.GEARCHIVEERD
    )

    response = verstuur_via_admin(client, redacteur, met, zonder, gearchiveerd)

    html = response.content.decode()
    assert "Persoonlijke link verstuurd naar 1 organisatie." in html
    assert "Geen link verstuurd naar 1 organisatie zonder e-mailadres voor de redactie" in html
    assert "Zonder &lt;b&gt;adres&lt;/b&gt;" in html
    assert "Geen link verstuurd naar 1 gearchiveerde organisatie: Oud." in html
    assert list(UitgaandeEmail.objects.values_list("aan", flat=True)) == ["a@example.nl"]
    zonder.refresh_from_db()
    assert zonder.herinnering_verstuurd_op is None


def test_actie_werkt_op_een_gefilterde_werklijst(client, redacteur):
    for nummer in range(3):
        OrganisatieFactory(contact_email=f"o{nummer}@example.nl", laatst_geverifieerd=None)
    OrganisatieFactory(contact_email="recent@example.nl")
    client.force_login(redacteur)

    client.post(
        "/admin/organisaties/organisatie/?werklijst=niet_gecontroleerd",
        {"action": "stuur_persoonlijke_link", "select_across": "1", "_selected_action": ["0"]},
    )

    assert sorted(UitgaandeEmail.objects.values_list("aan", flat=True)) == [
        "o0@example.nl",
        "o1@example.nl",
        "o2@example.nl",
    ]


# --- Links that do not work ------------------------------------------------------------------


def test_verlopen_link_geeft_duidelijke_pagina(client, organisatie, monkeypatch, settings):
    pad = link_pad(organisatie)
    site = SiteConfiguratie.get_solo()
    site.contact_telefoon = "14 010"
    site.save()
    echte_tijd = signing.time.time
    later = echte_tijd() + (settings.ORGANISATIE_LINK_DAGEN + 1) * 24 * 3600
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))

    for response in (client.get(pad), client.post(pad), client.get(pad + "wijzigen/")):
        assert response.status_code == 410
        html = response.content.decode()
        assert "Deze link is verlopen" in html
        assert "14 010" in html
    organisatie.refresh_from_db()
    assert organisatie.laatst_geverifieerd == LANG_GELEDEN


def test_link_werkt_tot_de_laatste_dag(client, organisatie, monkeypatch, settings):
    pad = link_pad(organisatie)
    bijna = signing.time.time() + (settings.ORGANISATIE_LINK_DAGEN - 1) * 24 * 3600
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: bijna))
    assert client.get(pad).status_code == 200


@pytest.mark.parametrize(
    "knoeien",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # signature
        lambda token: "x" + token,  # payload
        lambda token: token.split(":")[0],  # no signature at all
        lambda token: "abc",
        lambda token: token + "ü",
        lambda token: signing.dumps({"o": "1"}, salt=bijwerken.SALT),  # signed, wrong shape
        lambda token: signing.dumps({"o": 1, "v": 1}, salt="een-ander-doel"),
    ],
)
def test_vervalste_link_wordt_geweigerd(client, organisatie, knoeien):
    token = knoeien(bijwerken.maak_token(organisatie))
    for response in (
        client.get(f"/organisaties/bijwerken/{token}/"),
        client.post(f"/organisaties/bijwerken/{token}/"),
    ):
        assert response.status_code == 400
        assert "Deze link werkt niet" in response.content.decode()
    organisatie.refresh_from_db()
    assert organisatie.laatst_geverifieerd == LANG_GELEDEN


def test_link_voor_andere_organisatie_is_niet_te_maken(client, organisatie):
    andere = OrganisatieFactory(contact_email="x@example.nl")
    inhoud, tijd, handtekening = bijwerken.maak_token(organisatie).split(":")
    data = json.loads(signing.b64_decode(inhoud.encode()))
    data["o"] = andere.pk
    ander = signing.b64_encode(json.dumps(data, separators=(",", ":")).encode()).decode()
    nagemaakt = f"{ander}:{tijd}:{handtekening}"
    assert client.get(f"/organisaties/bijwerken/{nagemaakt}/").status_code == 400


def test_ingetrokken_link_en_ander_contactadres(client, redacteur, organisatie):
    pad = link_pad(organisatie)
    client.force_login(redacteur)
    client.post(
        "/admin/organisaties/organisatie/",
        {"action": "trek_persoonlijke_links_in", "_selected_action": [organisatie.pk]},
    )
    client.logout()
    response = client.get(pad)
    assert response.status_code == 410
    assert "Deze link werkt niet meer" in response.content.decode()
    organisatie.refresh_from_db()
    assert client.get(link_pad(organisatie)).status_code == 200  # a new link works

    pad = link_pad(organisatie)
    organisatie.contact_email = "nieuw@buurthulp.example.nl"
    organisatie.save()
    assert client.get(pad).status_code == 410


def test_link_van_gearchiveerde_organisatie_werkt_niet(client, organisatie):
    pad = link_pad(organisatie)
    organisatie.status = Organisatie.Status.GEARCHIVEERD
    organisatie.save()
    assert client.get(pad).status_code == 410


# --- Proposing changes -----------------------------------------------------------------------


def wijzig_pagina(client, organisatie):
    pad = link_pad(organisatie) + "wijzigen/"
    response = client.get(pad)
    assert response.status_code == 200
    return pad, formulier(response)


def test_voorstel_gaat_niet_online_en_redacteur_neemt_deel_over(client, redacteur, organisatie):
    formulierenhulp, koffie = organisatie.aanbod.order_by("volgorde")
    locatie = organisatie.locaties.get()
    pad, data = wijzig_pagina(client, organisatie)
    assert data["gegevens-telefoon"] == "010 123 45 67"
    assert data["aanbod-0-naam"] == "Formulierenhulp"
    assert data["locatie-0-tijden-0-van"] == "09:00"

    data.update(
        {
            "gegevens-telefoon": "010 765 43 21",
            "gegevens-website": "https://buurthulp.example.nl",
            "aanbod-0-naam": "Hulp bij formulieren",
            "aanbod-1-DELETE": "on",
            "aanbod-2-naam": "Taalmaatje",
            "aanbod-2-omschrijving": "Samen Nederlands oefenen.",
            "aanbod-2-kosten": "gratis",
            "locatie-0-postcode": "3142ab",
            "locatie-0-tijden-0-van": "10.00",
            "locatie-0-tijden-1-dag": "3",
            "locatie-0-tijden-1-van": "13:00",
            "locatie-0-tijden-1-tot": "16:00",
            "gegevens-toelichting": "Vanaf maart zijn we ook op woensdag open.",
        }
    )
    response = client.post(pad, data)
    assert response.status_code == 302
    bedankt = client.get(response["Location"])
    assert "wij hebben uw wijzigingen ontvangen" in bedankt.content.decode()

    # Nothing is live yet.
    voorstel = Bijwerkvoorstel.objects.get()
    assert voorstel.status == Bijwerkvoorstel.Status.OPEN
    assert voorstel.toelichting == "Vanaf maart zijn we ook op woensdag open."
    organisatie.refresh_from_db()
    assert organisatie.telefoon == "010 123 45 67"
    assert set(organisatie.aanbod.values_list("naam", flat=True)) == {
        "Formulierenhulp",
        "Koffieochtend",
    }
    assert client.get(organisatie.get_absolute_url()).content.decode().count("010 765 43 21") == 0

    # The redacteur sees the difference and takes over phone, the renamed aanbod and the
    # location; not the website, the removal or the new aanbod.
    client.force_login(redacteur)
    beoordelen = f"/admin/organisaties/bijwerkvoorstel/{voorstel.pk}/change/"
    response = client.get(beoordelen)
    html = response.content.decode()
    assert response.status_code == 200
    assert "010 765 43 21" in html and "010 123 45 67" in html
    assert "Gewijzigd" in html and "Verwijderen" in html and "Nieuw" in html
    assert "Vanaf maart zijn we ook op woensdag open." in html
    response = client.post(
        beoordelen,
        {
            "actie": "gekozen",
            "overnemen": [
                "organisatie.telefoon",
                f"aanbod.{formulierenhulp.pk}",
                f"locatie.{locatie.pk}",
            ],
            "notitie": "De website werkt nog niet. <b>Groet</b> & tot ziens",
        },
    )
    assert response.status_code == 302

    organisatie.refresh_from_db()
    assert organisatie.telefoon == "010 765 43 21"
    assert organisatie.website == ""
    assert organisatie.gecontroleerd_door == Controlebron.ORGANISATIE
    assert organisatie.laatst_geverifieerd == timezone.localdate()
    assert set(organisatie.aanbod.values_list("naam", flat=True)) == {
        "Hulp bij formulieren",
        "Koffieochtend",
    }
    locatie.refresh_from_db()
    assert locatie.postcode == "3142 AB"
    assert [(str(t), t.opmerking) for t in locatie.openingstijden.order_by("dag")] == [
        ("maandag 10:00–12:00", ""),
        ("woensdag 13:00–16:00", ""),
    ]
    pagina = client.get(organisatie.get_absolute_url()).content.decode()
    assert "010 765 43 21" in pagina and "Hulp bij formulieren" in pagina

    voorstel.refresh_from_db()
    assert voorstel.status == Bijwerkvoorstel.Status.DEELS
    assert voorstel.beoordeeld_door == redacteur
    assert voorstel.beoordeeld_op is not None
    # The history shows who took it over, and from which proposal.
    laatste = organisatie.history.first()
    assert laatste.history_user == redacteur
    assert laatste.history_change_reason == f"Bijwerkvoorstel {voorstel.pk} van de organisatie"
    assert Aanbod.history.filter(naam="Hulp bij formulieren").first().history_user == redacteur

    # The organisation is told, with the note escaped in the HTML part.
    email = UitgaandeEmail.objects.filter(onderwerp__startswith="Uw voorstel is bekeken").get()
    assert email.aan == "redactie@buurthulp.example.nl"
    assert "Wij hebben een deel ervan overgenomen." in email.tekst
    assert "&lt;b&gt;Groet&lt;/b&gt; &amp; tot ziens" in email.html
    assert "<b>Groet</b>" not in email.html
    assert "<b>Groet</b> & tot ziens" in email.tekst
    assert "Niet overgenomen:" in email.tekst and "Taalmaatje" in email.tekst
    assert LINK.search(email.tekst)


def test_alles_overnemen(client, redacteur, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    data.update(
        {
            "gegevens-omschrijving": "Nieuwe omschrijving.",
            "aanbod-1-DELETE": "on",
            "locatie-1-naam": "Tweede plek",
            "locatie-1-adres": "Zuiddijk 12",
            "locatie-1-postcode": "3143 AA",
            "locatie-1-plaats": "Maassluis",
            "locatie-1-tijden-0-dag": "5",
            "locatie-1-tijden-0-van": "09:00",
            "locatie-1-tijden-0-tot": "11:00",
            "locatie-1-tijden-0-opmerking": "Alleen op afspraak",
        }
    )
    assert client.post(pad, data).status_code == 302
    voorstel = Bijwerkvoorstel.objects.get()

    client.force_login(redacteur)
    response = client.post(
        f"/admin/organisaties/bijwerkvoorstel/{voorstel.pk}/change/", {"actie": "alles"}
    )
    assert response.status_code == 302

    voorstel.refresh_from_db()
    assert voorstel.status == Bijwerkvoorstel.Status.OVERGENOMEN
    organisatie.refresh_from_db()
    assert organisatie.omschrijving == "Nieuwe omschrijving."
    assert list(organisatie.aanbod.values_list("naam", flat=True)) == ["Formulierenhulp"]
    tweede = organisatie.locaties.get(naam="Tweede plek")
    assert str(tweede.openingstijden.get()) == "vrijdag 09:00–11:00"
    assert "Wij hebben ze overgenomen." in UitgaandeEmail.objects.get().tekst


def test_afwijzen_vraagt_een_notitie_en_verandert_niets(client, redacteur, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    data["gegevens-telefoon"] = "06 12 34 56 78"
    client.post(pad, data)
    voorstel = Bijwerkvoorstel.objects.get()
    client.force_login(redacteur)
    beoordelen = f"/admin/organisaties/bijwerkvoorstel/{voorstel.pk}/change/"

    response = client.post(beoordelen, {"actie": "afwijzen", "notitie": "  "})
    assert response.status_code == 400
    assert "Schrijf in de notitie waarom u het voorstel afwijst." in response.content.decode()

    response = client.post(beoordelen, {"actie": "afwijzen", "notitie": "Dit nummer is privé."})
    assert response.status_code == 302
    voorstel.refresh_from_db()
    assert voorstel.status == Bijwerkvoorstel.Status.AFGEWEZEN
    organisatie.refresh_from_db()
    assert organisatie.telefoon == "010 123 45 67"
    assert organisatie.laatst_geverifieerd == LANG_GELEDEN
    email = UitgaandeEmail.objects.get()
    assert "nemen ze niet over" in email.tekst and "Dit nummer is privé." in email.tekst

    # A decided proposal cannot be decided again.
    response = client.post(beoordelen, {"actie": "alles"})
    assert response.status_code == 403


def test_niets_gekozen_is_een_duidelijke_fout(client, redacteur, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    data["gegevens-telefoon"] = "06 12 34 56 78"
    client.post(pad, data)
    voorstel = Bijwerkvoorstel.objects.get()
    client.force_login(redacteur)
    response = client.post(
        f"/admin/organisaties/bijwerkvoorstel/{voorstel.pk}/change/", {"actie": "gekozen"}
    )
    assert response.status_code == 400
    assert "Kies wat u wilt overnemen" in response.content.decode()
    voorstel.refresh_from_db()
    assert voorstel.status == Bijwerkvoorstel.Status.OPEN


def test_foute_invoer_geeft_nederlandse_fouten_en_houdt_wat_er_stond(client, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    data.update(
        {
            "gegevens-omschrijving": "Mijn nieuwe tekst",
            "gegevens-telefoon": "12",
            "gegevens-website": "geen adres",
            "locatie-0-postcode": "12345",
            "locatie-0-tijden-0-van": "17:00",
            "locatie-0-tijden-0-tot": "09:00",
            "aanbod-2-naam": "Half ingevuld",
        }
    )
    response = client.post(pad, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Uw wijzigingen zijn nog niet verstuurd." in html
    assert "Dit telefoonnummer bestaat niet." in html
    assert "Vul een geldig webadres in" in html
    assert "Vul een Nederlandse postcode in" in html
    assert "De eindtijd moet na de begintijd liggen." in html
    assert "Kies wat het kost." in html
    assert 'href="#id_locatie-0-postcode"' in html  # the summary links to the field
    assert "Mijn nieuwe tekst" in html and 'value="Half ingevuld"' in html
    assert not Bijwerkvoorstel.objects.exists()


def test_regel_toevoegen_werkt_zonder_javascript(client, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    assert data["aanbod-TOTAL_FORMS"] == "3"
    data["gegevens-omschrijving"] = "Al getypt"
    data["aanbod-2-naam"] = "Nieuw aanbod zonder de rest"

    response = client.post(pad, {**data, "toevoegen": "aanbod"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "nog niet verstuurd" not in html  # no errors: nothing was sent yet
    nieuw = formulier(response)
    assert nieuw["aanbod-TOTAL_FORMS"] == "4" and "aanbod-3-naam" in nieuw
    assert nieuw["gegevens-omschrijving"] == "Al getypt"
    assert nieuw["aanbod-2-naam"] == "Nieuw aanbod zonder de rest"

    response = client.post(pad, {**nieuw, "toevoegen": "locatie"})
    nieuw = formulier(response)
    assert nieuw["locatie-TOTAL_FORMS"] == "3"
    assert nieuw["locatie-2-tijden-TOTAL_FORMS"] == "1"

    response = client.post(pad, {**nieuw, "toevoegen": "tijden-0"})
    nieuw = formulier(response)
    assert nieuw["locatie-0-tijden-TOTAL_FORMS"] == "3"
    assert not Bijwerkvoorstel.objects.exists()


def test_onderdeel_van_een_andere_organisatie_wordt_geweigerd(client, organisatie):
    vreemd = AanbodFactory(naam="Van een ander")
    pad, data = wijzig_pagina(client, organisatie)
    data["aanbod-0-id"] = str(vreemd.pk)
    response = client.post(pad, data)
    assert response.status_code == 400
    assert "Dit formulier past niet meer bij uw gegevens" in response.content.decode()
    assert not Bijwerkvoorstel.objects.exists()


def test_kapot_formulier_geeft_geen_500(client, organisatie):
    pad = link_pad(organisatie) + "wijzigen/"
    for data in (
        {},
        {"aanbod-TOTAL_FORMS": "abc", "toevoegen": "aanbod"},
        {"toevoegen": "tijden-999"},
        {"toevoegen": "tijden-x"},
        {"aanbod-TOTAL_FORMS": "100000", "aanbod-INITIAL_FORMS": "0"},
    ):
        assert client.post(pad, data).status_code in (200, 400)
    assert not Bijwerkvoorstel.objects.exists()


def test_vijandige_tekst_blijft_tekst_in_de_admin(client, redacteur, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    data["gegevens-omschrijving"] = "<script>alert('x')</script>"
    data["gegevens-toelichting"] = "<img src=x onerror=alert(1)>"
    client.post(pad, data)
    client.force_login(redacteur)
    html = client.get(
        f"/admin/organisaties/bijwerkvoorstel/{Bijwerkvoorstel.objects.get().pk}/change/"
    ).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html


def test_staf_wijziging_na_het_voorstel_is_zichtbaar(client, redacteur, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    data["gegevens-telefoon"] = "06 12 34 56 78"
    client.post(pad, data)
    organisatie.telefoon = "010 999 99 99"
    organisatie.save()
    client.force_login(redacteur)
    html = client.get(
        f"/admin/organisaties/bijwerkvoorstel/{Bijwerkvoorstel.objects.get().pk}/change/"
    ).content.decode()
    assert "Intussen door de redactie gewijzigd" in html
    assert "010 999 99 99" in html


def test_te_veel_open_voorstellen(client, organisatie):
    pad, data = wijzig_pagina(client, organisatie)
    for _ in range(bijwerken.MAX_OPEN_VOORSTELLEN):
        assert client.post(pad, data).status_code == 302
    response = client.post(pad, data)
    assert response.status_code == 429
    assert "nog bekijken" in response.content.decode()


# --- The demo ----------------------------------------------------------------------------------


def test_demo_toont_een_werkende_persoonlijke_link(client, demodata, settings, tmp_path):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path  # maak_beheerder writes its password file there
    uitvoer = io.StringIO()
    call_command("maak_beheerder", port="8123", stdout=uitvoer)

    regel = next(r for r in uitvoer.getvalue().splitlines() if "Persoonlijke link" in r)
    link = LINK.search(regel).group(0)
    assert link.startswith("http://127.0.0.1:8123/")
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    assert "Ja, alles klopt nog" in response.content.decode()


def test_commando_persoonlijke_link_per_slug(client, organisatie):
    uitvoer = io.StringIO()
    call_command("persoonlijke_link", organisatie.slug, stdout=uitvoer)
    link = LINK.search(uitvoer.getvalue()).group(0)
    assert client.get(urlsplit(link).path).status_code == 200
    with pytest.raises(CommandError, match="geen organisatie met de slug"):
        call_command("persoonlijke_link", "bestaat-niet", stdout=io.StringIO())


def test_voorstel_met_onvolledige_momentopname_geeft_geen_500(client, redacteur, organisatie):
    from django.urls import reverse

    from organisaties.models import Bijwerkvoorstel

    voorstel = Bijwerkvoorstel.objects.create(organisatie=organisatie, huidig={}, voorstel={})
    client.force_login(redacteur)
    response = client.get(reverse("admin:organisaties_bijwerkvoorstel_change", args=[voorstel.pk]))
    assert response.status_code == 200
    assert organisatie.naam in response.content.decode()


def test_organisatie_die_engels_gebruikt_krijgt_de_uitkomst_in_het_engels(
    client, redacteur, organisatie, settings
):
    # The organisation uses its link on the English site.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    pad, data = wijzig_pagina(client, organisatie)
    data["gegevens-telefoon"] = "06 12 34 56 78"
    assert client.post(pad, data).status_code == 302
    voorstel = Bijwerkvoorstel.objects.get()
    assert voorstel.taal == "en"

    # The redacteur works in Dutch.
    client.cookies.pop(settings.LANGUAGE_COOKIE_NAME)
    client.force_login(redacteur)
    response = client.post(
        f"/admin/organisaties/bijwerkvoorstel/{voorstel.pk}/change/",
        {"actie": "afwijzen", "notitie": "Dit nummer is privé."},
    )
    assert response.status_code == 302
    email = UitgaandeEmail.objects.get()
    assert email.onderwerp == "Your proposal has been reviewed: Buurthulp Noord"

    # A new link sent by staff later is in English too.
    client.logout()
    verstuur_via_admin(client, redacteur, organisatie)
    link = UitgaandeEmail.objects.exclude(pk=email.pk).get()
    assert link.onderwerp.startswith("Your information on ")
