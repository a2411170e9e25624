"""Change history in the admin (django-simple-history through organisaties.geschiedenis).

Who changed what and when, the differences between versions, and putting an earlier version
back; and the history of a meeting only for who may manage that meeting.
"""

import pytest
from django.urls import reverse

from bijeenkomsten.models import Bijeenkomst
from netwerk.rollen import BEHEERDERS, COORDINATOREN, REDACTEUREN
from organisaties.geschiedenis import met_reden
from organisaties.models import Organisatie, Thema
from tests.beheerformulier import formulierdata
from tests.factories import (
    AanbodFactory,
    BijeenkomstFactory,
    GebruikerFactory,
    LocatieFactory,
    OrganisatieFactory,
    ThemaFactory,
    WijkFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def redacteur(client):
    gebruiker = GebruikerFactory(username="anna", first_name="Anna", groepen=[REDACTEUREN])
    client.force_login(gebruiker)
    return gebruiker


def wijzig_in_beheer(client, obj, **velden):
    """Change fields through the admin's change form, as a redacteur does."""
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    data = formulierdata(client.get(url))
    data.update(velden)
    antwoord = client.post(url, data)
    assert antwoord.status_code == 302, antwoord.context["errors"] if antwoord.context else ""
    return antwoord


def geschiedenis_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def versie_url(obj, versie):
    naam = f"admin:{obj._meta.app_label}_{obj._meta.model_name}_simple_history"
    return reverse(naam, args=[obj.pk, versie.pk])


def test_wijziging_in_het_beheer_noemt_de_medewerker(client, redacteur):
    organisatie = OrganisatieFactory(telefoon="010 123 45 67")
    wijzig_in_beheer(client, organisatie, telefoon="010 593 18 19")
    versie = organisatie.history.latest()
    assert versie.history_user == redacteur
    assert versie.history_type == "~"
    assert versie.telefoon == "010 593 18 19"


def test_geschiedenis_toont_het_verschil_en_wie_het_deed(client, redacteur):
    organisatie = OrganisatieFactory(naam="Buurthuis", telefoon="010 123 45 67")
    wijzig_in_beheer(
        client, organisatie, telefoon="010 593 18 19", naam="Buurthuis <script>x</script>"
    )
    pagina = client.get(geschiedenis_url(organisatie))
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert "Geschiedenis van Buurthuis &lt;script&gt;x&lt;/script&gt;" in inhoud
    assert "<script>x</script>" not in inhoud
    assert "<strong>Telefoonnummer:</strong> <del>010 123 45 67</del>" in inhoud
    assert "<ins>010 593 18 19</ins>" in inhoud
    assert '<a href="' in inhoud and ">anna</a>" in inhoud
    assert "Gewijzigd" in inhoud and "Toegevoegd" in inhoud
    assert "Gewijzigd op" not in inhoud  # 'gewijzigd' changes at every save: not listed


def test_oude_versie_terugzetten(client, redacteur):
    organisatie = OrganisatieFactory(telefoon="010 123 45 67", status="concept")
    oud = organisatie.history.latest()
    wijzig_in_beheer(client, organisatie, telefoon="010 593 18 19", status="gepubliceerd")

    pagina = client.get(versie_url(organisatie, oud))
    assert pagina.status_code == 200
    assert "Terugzetten naar deze versie" in pagina.content.decode()
    antwoord = client.post(versie_url(organisatie, oud), formulierdata(pagina))
    assert antwoord.status_code == 302

    organisatie.refresh_from_db()
    assert organisatie.telefoon == "010 123 45 67"
    assert organisatie.status == Organisatie.Status.CONCEPT
    terug = organisatie.history.latest()
    assert terug.history_user == redacteur
    assert terug.history_change_reason.startswith("Teruggezet naar de versie van ")
    assert organisatie.history.count() == 3
    assert (
        "Teruggezet naar de versie van"
        in client.get(geschiedenis_url(organisatie)).content.decode()
    )


def test_terugzetten_brengt_ingetrokken_links_niet_terug(client, redacteur):
    """Only what staff edit goes back; the version of the personal links stays current."""
    organisatie = OrganisatieFactory(telefoon="010 123 45 67")
    oud = organisatie.history.latest()
    organisatie.telefoon = "010 593 18 19"
    organisatie.link_versie += 1  # the redactie revoked the links
    organisatie.save()

    pagina = client.get(versie_url(organisatie, oud))
    client.post(versie_url(organisatie, oud), formulierdata(pagina))
    organisatie.refresh_from_db()
    assert organisatie.telefoon == "010 123 45 67"
    assert organisatie.link_versie == 2


@pytest.mark.parametrize(
    "maak",
    [
        lambda: ThemaFactory(),
        lambda: WijkFactory(),
        lambda: LocatieFactory(),
        lambda: AanbodFactory(),
    ],
    ids=["thema", "wijk", "locatie", "aanbod"],
)
def test_geschiedenis_van_de_rest_van_de_kaart(client, redacteur, maak):
    obj = maak()
    pagina = client.get(geschiedenis_url(obj))
    assert pagina.status_code == 200
    assert "Toegevoegd" in pagina.content.decode()
    assert client.get(versie_url(obj, obj.history.latest())).status_code == 200


def test_reden_van_een_wijziging_buiten_het_beheer():
    thema = ThemaFactory(naam="Wonen")
    with met_reden("Bijgewerkt door de organisatie via de persoonlijke link"):
        thema.omschrijving = "Een dak boven het hoofd."
        thema.save()
        with met_reden("Binnenste reden"):
            thema.save()
        thema.save()
    thema.save()
    redenen = list(
        thema.history.order_by("history_id").values_list("history_change_reason", flat=True)
    )
    assert redenen == [
        None,
        "Bijgewerkt door de organisatie via de persoonlijke link",
        "Binnenste reden",
        "Bijgewerkt door de organisatie via de persoonlijke link",
        None,
    ]


def test_onzinnige_versie_geeft_geen_fout(client, redacteur):
    organisatie = OrganisatieFactory()
    basis = geschiedenis_url(organisatie)
    assert client.get(basis + "abc/").status_code == 404
    assert client.get(basis + "999999/").status_code == 404
    assert client.get(basis.replace(str(organisatie.pk), "abc")).status_code == 302


# --- Meetings: the history follows who may manage the meeting ----------------------------------


@pytest.fixture
def twee_coordinatoren():
    return (
        GebruikerFactory(username="eigen", groepen=[COORDINATOREN]),
        GebruikerFactory(username="ander", groepen=[COORDINATOREN]),
    )


def test_coordinator_ziet_geschiedenis_van_eigen_bijeenkomst(client, twee_coordinatoren):
    eigen, _ander = twee_coordinatoren
    bijeenkomst = BijeenkomstFactory(coordinatoren=[eigen])
    client.force_login(eigen)
    wijzig_in_beheer(client, bijeenkomst, titel="Netwerkcafé")
    pagina = client.get(geschiedenis_url(bijeenkomst))
    assert pagina.status_code == 200
    assert "<ins>Netwerkcafé</ins>" in pagina.content.decode()
    assert bijeenkomst.history.latest().history_user == eigen


def test_coordinator_ziet_geschiedenis_van_andermans_bijeenkomst_niet(client, twee_coordinatoren):
    eigen, ander = twee_coordinatoren
    bijeenkomst = BijeenkomstFactory(
        titel="Geheim overleg", coordinatoren=[ander], status="concept"
    )
    bijeenkomst.titel = "Nog geheimer overleg"
    bijeenkomst.save()
    oud = bijeenkomst.history.earliest()
    versies = bijeenkomst.history.count()
    client.force_login(eigen)

    for url in (geschiedenis_url(bijeenkomst), versie_url(bijeenkomst, oud)):
        antwoord = client.get(url, follow=True)
        assert "geheim" not in antwoord.content.decode().lower()
        assert antwoord.redirect_chain[0][1] == 302

    # Nor put an old version back.
    antwoord = client.post(versie_url(bijeenkomst, oud), {"titel": "Overgenomen"})
    assert antwoord.status_code == 302
    bijeenkomst.refresh_from_db()
    assert bijeenkomst.titel == "Nog geheimer overleg"
    assert bijeenkomst.history.count() == versies


def test_geschiedenis_van_verwijderde_bijeenkomst_alleen_voor_beheerders(
    client, twee_coordinatoren
):
    eigen, _ander = twee_coordinatoren
    bijeenkomst = BijeenkomstFactory(titel="Afgelast", coordinatoren=[eigen])
    url = geschiedenis_url(bijeenkomst)
    Bijeenkomst.objects.filter(pk=bijeenkomst.pk).delete()

    client.force_login(eigen)
    assert client.get(url).status_code == 302
    client.force_login(GebruikerFactory(groepen=[BEHEERDERS]))
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert "Verwijderd" in pagina.content.decode()


def test_geschiedenis_van_verwijderd_thema_voor_de_redactie(client, redacteur):
    thema = ThemaFactory(naam="Weg")
    url = geschiedenis_url(thema)
    Thema.objects.filter(pk=thema.pk).delete()
    assert client.get(url).status_code == 200


def test_een_opslag_in_het_beheer_is_een_versie_met_de_koppelingen(client, redacteur):
    zorg, geld = ThemaFactory(naam="Zorg"), ThemaFactory(naam="Geld")
    centrum = WijkFactory(naam="Centrum")
    organisatie = OrganisatieFactory(naam="Buurthuis")
    organisatie.themas.set([zorg])
    voor = organisatie.history.count()

    wijzig_in_beheer(
        client,
        organisatie,
        telefoon="010 593 18 19",
        themas=[geld.pk, zorg.pk],
        wijken=[centrum.pk],
    )

    assert organisatie.history.count() == voor + 1
    versie = organisatie.history.latest()
    assert {k.thema_id for k in versie.themas.all()} == {geld.pk, zorg.pk}
    assert [k.wijk_id for k in versie.wijken.all()] == [centrum.pk]
    inhoud = client.get(geschiedenis_url(organisatie)).content.decode()
    assert "Thema&#x27;s:" in inhoud or "Thema's:" in inhoud
    assert "<del>Zorg</del>" in inhoud and "<ins>Geld, Zorg</ins>" in inhoud


def test_terugzetten_zet_de_koppelingen_terug(client, redacteur):
    zorg, geld = ThemaFactory(naam="Zorg"), ThemaFactory(naam="Geld")
    organisatie = OrganisatieFactory()
    wijzig_in_beheer(client, organisatie, themas=[zorg.pk])
    oud = organisatie.history.latest()
    wijzig_in_beheer(client, organisatie, themas=[geld.pk])
    assert list(organisatie.themas.all()) == [geld]

    pagina = client.get(versie_url(organisatie, oud))
    assert pagina.context["adminform"].form.initial["themas"] == [zorg.pk]
    antwoord = client.post(versie_url(organisatie, oud), formulierdata(pagina))
    assert antwoord.status_code == 302
    assert list(organisatie.themas.all()) == [zorg]
    assert [k.thema_id for k in organisatie.history.latest().themas.all()] == [zorg.pk]


def test_koppelingen_van_aanbod_in_de_geschiedenis(client, redacteur):
    aanbod = AanbodFactory()
    locatie = LocatieFactory(organisatie=aanbod.organisatie)
    thema = ThemaFactory()
    voor = aanbod.history.count()
    with met_reden("Bijgewerkt door de organisatie via de persoonlijke link"):
        aanbod.naam = "Spreekuur"
        aanbod.save()
        aanbod.themas.set([thema])
        aanbod.locaties.set([locatie])
    assert aanbod.history.count() == voor + 1
    versie = aanbod.history.latest()
    assert [k.thema_id for k in versie.themas.all()] == [thema.pk]
    assert [k.locatie_id for k in versie.locaties.all()] == [locatie.pk]
    assert versie.history_change_reason == "Bijgewerkt door de organisatie via de persoonlijke link"


def test_coordinatoren_van_een_bijeenkomst_in_de_geschiedenis(client):
    beheerder = GebruikerFactory(groepen=[BEHEERDERS])
    client.force_login(beheerder)
    coordinator = GebruikerFactory(groepen=[COORDINATOREN])
    bijeenkomst = BijeenkomstFactory()
    wijzig_in_beheer(client, bijeenkomst, coordinatoren=[coordinator.pk])
    versie = bijeenkomst.history.latest()
    assert [k.user_id for k in versie.coordinatoren.all()] == [coordinator.pk]
