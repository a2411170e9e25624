"""The regional kaart for real: the site imports the HSDS API it serves itself (live_server,
the same database) as if it were a neighbour's, and residents, the open data and the admin
each see what they should."""

import csv
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from netwerk.models import SiteConfiguratie
from organisaties import federatie
from organisaties.models import Organisatie, Regiobron
from tests.factories import (
    AanbodFactory,
    DoelgroepFactory,
    GebruikerFactory,
    LocatieFactory,
    OpeningstijdFactory,
    OrganisatieFactory,
    SoortFactory,
    ThemaFactory,
)


def eigen_kaart():
    """Two own organisations with everything the API publishes."""
    soort = SoortFactory(slug="welzijnspartner", naam="Welzijnspartner")
    thema = ThemaFactory(slug="eenzaamheid", naam="Eenzaamheid")
    doelgroep = DoelgroepFactory(slug="ouderen", naam="Ouderen")
    organisaties = []
    for naam, website, postcode in (
        ("Buurthuis De Vloot", "https://www.devloot.nl/", "3142 EA"),
        ("Seniorenwelzijn", "", "3143 AB"),
    ):
        org = OrganisatieFactory(naam=naam, website=website, soort=soort, themas=[thema])
        locatie = LocatieFactory(organisatie=org, postcode=postcode)
        OpeningstijdFactory(locatie=locatie, dag=2, van="10:00", tot="12:00")
        aanbod = AanbodFactory(organisatie=org, themas=[thema], doelgroepen=[doelgroep])
        aanbod.locaties.set([locatie])
        organisaties.append(org)
    return organisaties


def momentopname():
    return sorted(
        Organisatie.objects.eigen().values_list(
            "pk", "naam", "slug", "status", "website", "gewijzigd", "facet_themas"
        )
    )


@pytest.mark.django_db(transaction=True)
def test_eigen_api_inlezen_als_buurgemeente(live_server, client):
    eigen = eigen_kaart()
    voor = momentopname()
    bron = Regiobron.objects.create(naam="Spiegelstad", url=f"{live_server.url}/api/v1/")

    uitslag = federatie.lees_bron(bron)

    assert uitslag.fouten == [] and uitslag.nieuw == 2
    assert momentopname() == voor  # the own directory is untouched
    kopie = bron.organisaties.get(extern_id=eigen[0].uuid)
    assert kopie.naam == "Buurthuis De Vloot"
    assert kopie.soort == eigen[0].soort
    assert list(kopie.themas.values_list("slug", flat=True)) == ["eenzaamheid"]
    aanbod = kopie.aanbod.get()
    assert list(aanbod.doelgroepen.values_list("slug", flat=True)) == ["ouderen"]
    locatie = kopie.locaties.get()
    assert locatie.postcode == "3142 EA" and locatie.latitude is not None
    assert [(t.dag, t.van.hour) for t in locatie.openingstijden.all()] == [(2, 10)]

    # The same organisations twice: residents see each once, the own one.
    assert kopie.dubbel_van == eigen[0]
    lijst = client.get(reverse("organisaties:lijst"), {"regio": "ja"}).content.decode()
    assert lijst.count("Buurthuis De Vloot</a>") == 1
    assert "In de regio: Spiegelstad" not in lijst

    # A second feed with the same organisations changes nothing for residents either.
    tweede = Regiobron.objects.create(naam="Tweelingstad", url=f"{live_server.url}/api/v1")
    federatie.lees_bron(tweede)
    assert tweede.organisaties.count() == 2
    assert Organisatie.objects.in_regio().count() == 2

    # Imported organisations are never published again as ours.
    api = client.get("/api/v1/organizations").json()
    assert api["total_items"] == 2
    assert client.get("/api/v1/services").json()["total_items"] == 2
    inhoud = client.get("/api/v1/sociale-kaart.csv").content.decode().removeprefix("\ufeff")
    rijen = list(csv.DictReader(io.StringIO(inhoud), delimiter=";"))
    assert len(rijen) == 2

    # Gone from the neighbour's feed (archived there): gone here after the next full run,
    # and the own directory's organisation with it stays.
    eigen[1].status = Organisatie.Status.GEARCHIVEERD
    eigen[1].save()
    federatie.lees_bron(bron, volledig=False)
    assert bron.organisaties.count() == 2
    uitslag = federatie.lees_bron(bron, volledig=True)
    assert uitslag.verwijderd == 1
    assert not bron.organisaties.filter(extern_id=eigen[1].uuid).exists()
    assert Organisatie.objects.filter(pk=eigen[1].pk).exists()


@pytest.mark.django_db(transaction=True)
def test_importeer_hsds_commando(live_server):
    eigen_kaart()
    uit = io.StringIO()
    call_command(
        "importeer_hsds", f"{live_server.url}/api/v1/", "--naam", "Spiegelstad", stdout=uit
    )
    assert "2 nieuw" in uit.getvalue()
    assert Regiobron.objects.get().organisaties.count() == 2


@pytest.fixture
def regio(demodata):
    return SiteConfiguratie.get_solo().gemeentenaam


def test_lijst_toont_alleen_eigen_gemeente_tenzij_regio_gekozen(client, regio):
    eigen = client.get(reverse("organisaties:lijst")).content.decode()
    assert "Stichting MOE" not in eigen
    assert f"Alleen {regio}" in eigen
    met_regio = client.get(reverse("organisaties:lijst"), {"regio": "ja", "q": "mantelzorg"})
    html = met_regio.content.decode()
    assert "Stichting MOE" in html
    assert "In de regio: Zaanstad" in html
    assert (
        met_regio.context["facetten"].totaal
        > client.get(reverse("organisaties:lijst"), {"q": "mantelzorg"}).context["facetten"].totaal
    )


def test_lijst_begint_met_een_organisatie_uit_de_eigen_gemeente(client, regio):
    pagina = client.get(reverse("organisaties:lijst")).context["pagina"]
    eerste = pagina.object_list[0]
    assert eerste.regiobron_id is None
    assert eerste.locaties.filter(plaats=regio).exists()


def test_regiofilters_tellen_mee(client, regio):
    antwoord = client.get(reverse("organisaties:lijst"), {"regio": "ja", "thema": "mantelzorg"})
    namen = {o.naam for o in antwoord.context["pagina"].object_list}
    assert "Stichting MOE" in namen
    groep = next(g for g in antwoord.context["filtergroepen"] if g["naam"] == "thema")
    mantelzorg = next(w for w in groep["waarden"] if w["slug"] == "mantelzorg")
    assert mantelzorg["aantal"] == antwoord.context["facetten"].totaal


def test_detailpagina_zegt_waar_de_gegevens_vandaan_komen(client, regio):
    org = Organisatie.objects.get(regiobron__naam="Zaanstad", naam="Stichting MOE")
    antwoord = client.get(org.get_absolute_url())
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "De gegevens komen van de sociale kaart van Zaanstad" in html
    assert 'id="melden"' not in html  # reports go to Zaanstad
    assert client.post(org.get_absolute_url(), {"toelichting": "x"}).status_code == 302
    melden = org.get_absolute_url() + "melden/"
    assert client.get(melden)["Location"] == org.get_absolute_url()
    assert client.post(melden, {"toelichting": "x"}).status_code == 302
    assert not org.wijzigingsvoorstellen.exists()


def test_lijst_query_aantal_groeit_niet_met_regio(client, regio):
    client.get(reverse("organisaties:lijst"), {"regio": "ja"})  # warm the taxonomy and index
    # Without Redis the cache (and the page cache's lock) is a database table: not counted.
    from tests.organisaties.test_queries import aantal_queries

    adres = reverse("organisaties:lijst") + "?regio=ja&pagina=1&x=1"
    assert aantal_queries(client, adres) <= 12


def test_beheer_geimporteerd_alleen_lezen(client, regio):
    beheerder = GebruikerFactory(username="baas", is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    org = Organisatie.objects.filter(regiobron__isnull=False).first()
    # Not in the own directory's admin, its exports or its work lists.
    eigen = client.get(reverse("admin:organisaties_organisatie_changelist"))
    assert org.naam not in {o.naam for o in eigen.context["cl"].result_list}
    assert client.get(
        reverse("admin:organisaties_organisatie_change", args=[org.pk])
    ).status_code in (302, 404)
    # Its own list shows it, read-only and without delete.
    regio_lijst = client.get(reverse("admin:organisaties_regioorganisatie_changelist"))
    assert org.naam in regio_lijst.content.decode()
    pagina = client.get(reverse("admin:organisaties_regioorganisatie_change", args=[org.pk]))
    assert pagina.status_code == 200
    assert 'name="naam"' not in pagina.content.decode()
    assert (
        client.post(
            reverse("admin:organisaties_regioorganisatie_delete", args=[org.pk])
        ).status_code
        == 403
    )
    assert Organisatie.objects.filter(pk=org.pk).exists()


def test_beheer_bronnen_toont_uitslag_en_plant_import(
    client, regio, django_capture_on_commit_callbacks
):
    beheerder = GebruikerFactory(username="baas", is_staff=True, is_superuser=True)
    client.force_login(beheerder)
    bron = Regiobron.objects.create(naam="Vlaardingen", url="http://127.0.0.1:9/api/v1/")
    bron.laatste_fouten = "De bron was niet bereikbaar."
    bron.aantallen = {"nieuw": 3, "bijgewerkt": 1, "verwijderd": 0, "geweigerd": 2}
    bron.save()
    lijst = client.get(reverse("admin:organisaties_regiobron_changelist")).content.decode()
    assert "De bron was niet bereikbaar." in lijst
    assert "3 nieuw" in lijst and "2 geweigerd" in lijst
    antwoord = client.post(
        reverse("admin:organisaties_regiobron_changelist"),
        {"action": "nu_importeren", "_selected_action": [bron.pk]},
        follow=True,
    )
    assert "op de achtergrond ingelezen" in antwoord.content.decode()
    from procrastinate.contrib.django.models import ProcrastinateJob

    assert ProcrastinateJob.objects.filter(task_name__endswith="lees_regiobron").exists()
