"""The public form 'Ik maak me zorgen om iemand': routing, receipt, spam and abuse."""

import re

import pytest

from signalen import services
from signalen.models import Signaal, SignaalGebeurtenis
from tests.factories import LocatieFactory

pytestmark = pytest.mark.django_db


def gegevens(**extra):
    return {"zorg": "Mijn buurvrouw komt niet meer buiten.", "toestemming": "on", **extra}


def test_formulier_toont_noodnummers_en_uitleg_voor_het_versturen(client, team_noord):
    html = client.get("/signaal/").content.decode()
    assert "112" in html and "0800-1205" in html and "Advieslijn Zorgwekkend Gedrag" in html
    assert html.index("0800-1205") < html.index("Melding versturen")
    assert "Wat gebeurt er met uw melding?" in html
    assert 'href="/privacy/#signaal"' in html


def test_melding_in_een_wijk_gaat_naar_het_wijkteam_van_die_wijk(
    client, team_noord, team_zuid, standaardteam
):
    response = client.post("/signaal/", gegevens(wijk="zuid"))
    assert response.status_code == 302 and response["Location"] == "/signaal/ontvangen/"
    signaal = Signaal.objects.get()
    assert signaal.team == team_zuid and signaal.wijk.slug == "zuid"
    assert signaal.status == Signaal.Status.NIEUW
    ontvangen = client.get("/signaal/ontvangen/").content.decode()
    assert signaal.referentie in ontvangen
    assert "112" in ontvangen


def test_postcode_vindt_de_wijk_van_de_locaties_daar(client, team_noord, team_zuid, wijk_zuid):
    LocatieFactory(postcode="3145 AB", wijk=wijk_zuid)
    client.post("/signaal/", gegevens(postcode="3145 xk"))
    signaal = Signaal.objects.get()
    assert (signaal.postcode, signaal.wijk, signaal.team) == ("3145XK", wijk_zuid, team_zuid)


def test_gekozen_wijk_gaat_voor_de_postcode(team_noord, team_zuid, wijk_noord, wijk_zuid):
    LocatieFactory(postcode="3145 AB", wijk=wijk_zuid)
    assert services.routeer(wijk_noord, "3145") == (wijk_noord, team_noord)


def test_onbekende_wijk_gaat_naar_het_standaardteam(client, team_noord, standaardteam):
    client.post("/signaal/", gegevens(postcode="9999"))
    signaal = Signaal.objects.get()
    assert signaal.wijk is None and signaal.team == standaardteam


def test_zonder_standaardteam_het_eerste_wijkteam(team_noord, wijkteam_soort):
    assert services.routeer() == (None, team_noord)


def test_zonder_enig_wijkteam_een_duidelijke_melding(client, db):
    response = client.post("/signaal/", gegevens())
    assert response.status_code == 503
    assert "nog geen wijkteam" in response.content.decode()
    assert not Signaal.objects.exists()


def test_referentie_is_willekeurig_en_niet_opvolgend(team_noord):
    nummers = {services.dien_in(zorg="x").referentie for _ in range(5)}
    assert len(nummers) == 5
    assert all(re.fullmatch(r"SG-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", n) for n in nummers)


def test_fouten_in_het_nederlands_en_invoer_blijft_staan(client, team_noord):
    response = client.post(
        "/signaal/", {"zorg": "", "postcode": "12", "email": "geen-mail", "naam": "Piet"}
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Het formulier is nog niet verstuurd." in html  # the error summary
    assert "Schrijf op wat u ziet of merkt." in html
    assert "Vul een postcode in zoals 3142" in html
    assert "Vul een geldig e-mailadres in" in html
    assert "Zet een vinkje" in html
    assert 'value="Piet"' in html
    assert not Signaal.objects.exists()


def test_ontvangstpagina_zonder_melding_stuurt_naar_het_formulier(client, db):
    response = client.get("/signaal/ontvangen/")
    assert response.status_code == 302 and response["Location"] == "/signaal/"


def test_ontvangstpagina_wordt_niet_bewaard_of_geindexeerd(client, team_noord):
    client.post("/signaal/", gegevens())
    response = client.get("/signaal/ontvangen/")
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_honeypot_slaat_niets_op_maar_verraadt_niets(client, team_noord):
    response = client.post("/signaal/", gegevens(website="http://spam.example"))
    assert response.status_code == 302 and response["Location"] == "/signaal/ontvangen/"
    assert re.search(r"SG-\w{4}-\w{4}", client.get("/signaal/ontvangen/").content.decode())
    assert not Signaal.objects.exists()


def test_te_veel_meldingen_van_een_adres_worden_geweigerd(client, team_noord, settings):
    settings.SIGNAAL_LIMIET_PER_UUR = 2
    for _ in range(2):
        assert client.post("/signaal/", gegevens()).status_code == 302
    response = client.post("/signaal/", gegevens())
    assert response.status_code == 429
    assert "Probeer het over een uur opnieuw" in response.content.decode()
    assert Signaal.objects.count() == 2


def test_indienen_staat_in_het_logboek(client, team_noord):
    client.post("/signaal/", gegevens(wijk="noord"))
    gebeurtenis = SignaalGebeurtenis.objects.get()
    assert gebeurtenis.soort == "ingediend" and gebeurtenis.wie is None
    assert gebeurtenis.omschrijving == "Wijkteam Noord"


def test_eerste_contact_binnen_werkdagen_zonder_weekend(team_noord):
    import datetime

    from django.utils import timezone

    vrijdag = timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 0))
    signaal = services.dien_in(zorg="x", nu=vrijdag)
    assert signaal.contact_voor == datetime.date(2026, 11, 27)  # 5 working days: next Friday
    assert services.werkdagen_na(datetime.date(2026, 11, 21), 1) == datetime.date(2026, 11, 23)


def test_postcode_van_een_wijkroute_wint_van_de_locaties(client, team_noord, team_zuid, wijk_zuid):
    from signalen.models import Wijkroute

    LocatieFactory(postcode="3145 AB", wijk=wijk_zuid)
    noord = Wijkroute.objects.get(team=team_noord)
    noord.postcodes = ["3145"]
    noord.save()
    client.post("/signaal/", gegevens(postcode="3145 AB"))
    signaal = Signaal.objects.get()
    assert (signaal.wijk, signaal.team) == (noord.wijk, team_noord)


def test_pc4_en_pc6_vinden_dezelfde_wijk(team_noord, wijk_noord):
    from signalen.models import Wijkroute

    Wijkroute.objects.filter(wijk=wijk_noord).update(postcodes=["3141"])
    assert services.wijk_bij_postcode("3141") == wijk_noord
    assert services.wijk_bij_postcode("3141XK") == wijk_noord
    assert services.wijk_bij_postcode("3149") is None


def test_een_postcode_hoort_bij_een_wijk(team_noord, team_zuid, wijk_noord, wijk_zuid):
    from django.core.exceptions import ValidationError

    from signalen.models import Wijkroute

    Wijkroute.objects.filter(wijk=wijk_noord).update(postcodes=["3141", "3142"])
    zuid = Wijkroute.objects.get(wijk=wijk_zuid)
    zuid.postcodes = ["3142", "3143"]
    with pytest.raises(ValidationError) as fout:
        zuid.full_clean()
    assert "3142 hoort al bij de wijk" in str(fout.value)
    zuid.postcodes = ["31AB"]
    with pytest.raises(ValidationError, match="vier cijfers"):
        zuid.full_clean()
