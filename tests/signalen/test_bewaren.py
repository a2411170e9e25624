"""Erasure after the retention period, and the monthly overview without personal data."""

import datetime

import pytest
from django.utils import timezone

from netwerk.models import SiteConfiguratie
from signalen import services
from signalen.models import Signaal, SignaalGebeurtenis

pytestmark = pytest.mark.django_db


def moment(*args):
    return timezone.make_aware(datetime.datetime(*args))


@pytest.fixture
def afgesloten(team_noord, wijk_noord, rollen):
    """A signal closed on 1 March 2025, with a note."""
    werker = rollen["eigen_team"]
    signaal = services.dien_in(
        zorg="Buurman eet niet goed meer.",
        wijk=wijk_noord,
        postcode="3142AB",
        naam="Anna",
        email="anna@example.nl",
        telefoon="0612345678",
        nu=moment(2025, 2, 3, 9),
    )
    services.voeg_notitie_toe(signaal, "Dochter gebeld.", werker, nu=moment(2025, 2, 4, 9))
    services.wijzig_status(signaal, "opgepakt", werker, nu=moment(2025, 2, 5, 9))
    services.wijzig_status(signaal, "afgesloten", werker, nu=moment(2025, 3, 1, 9))
    return Signaal.objects.get(pk=signaal.pk)


def test_niets_gewist_binnen_de_bewaartermijn(afgesloten):
    assert services.wis_verlopen_signalen(nu=moment(2026, 2, 27, 12)) == 0
    afgesloten.refresh_from_db()
    assert afgesloten.zorg and afgesloten.naam and afgesloten.gewist_op is None


def test_na_de_bewaartermijn_tekst_en_melder_gewist_aantallen_blijven(afgesloten, wijk_noord):
    na = moment(2026, 3, 2, 12)
    assert services.wis_verlopen_signalen(nu=na) == 1
    signaal = Signaal.objects.get(pk=afgesloten.pk)
    assert (signaal.zorg, signaal.naam, signaal.email, signaal.telefoon, signaal.postcode) == (
        "",
        "",
        "",
        "",
        "",
    )
    assert signaal.gewist_op == na
    assert signaal.wijk == wijk_noord and signaal.status == "afgesloten"
    assert not SignaalGebeurtenis.objects.exclude(tekst="").exists()
    assert SignaalGebeurtenis.objects.filter(soort="gewist").count() == 1
    # Run again: nothing left to do, and the month still counts it.
    assert services.wis_verlopen_signalen(nu=na) == 0
    overzicht = services.maandoverzicht(2025, 2)
    assert overzicht["totaal"] == 1 and overzicht["per_wijk"] == [("Noord", 1)]


def test_bewaartermijn_uit_de_site_instellingen(afgesloten):
    site = SiteConfiguratie.get_solo()
    site.signaal_bewaartermijn_maanden = 3
    site.save()
    assert services.wis_verlopen_signalen(nu=moment(2025, 6, 2, 12)) == 1


def test_open_signalen_worden_nooit_gewist(team_noord):
    services.dien_in(zorg="Nog open.", nu=moment(2020, 1, 1, 9))
    assert services.wis_verlopen_signalen(nu=moment(2026, 1, 1)) == 0
    assert Signaal.objects.get().zorg == "Nog open."


def test_de_periodieke_taak_wist(afgesloten, monkeypatch):
    from signalen.tasks import wis_verlopen_signalen

    monkeypatch.setattr(timezone, "now", lambda: moment(2026, 3, 2, 12))
    assert wis_verlopen_signalen(timestamp=0) == 1


def test_maandoverzicht_telt_per_wijk_status_en_contacttijd(
    client, team_noord, team_zuid, wijk_noord, wijk_zuid, rollen
):
    werker = rollen["eigen_team"]
    a = services.dien_in(zorg="a", wijk=wijk_noord, naam="Geheim", nu=moment(2026, 10, 5, 9))
    services.dien_in(zorg="b", wijk=wijk_zuid, nu=moment(2026, 10, 6, 9))
    services.dien_in(zorg="c", nu=moment(2026, 10, 7, 9))
    services.dien_in(zorg="ander maand", wijk=wijk_noord, nu=moment(2026, 11, 1, 9))
    services.wijzig_status(a, "opgepakt", werker, nu=moment(2026, 10, 7, 9))

    overzicht = services.maandoverzicht(2026, 10)
    assert overzicht["totaal"] == 3
    assert dict(overzicht["per_wijk"]) == {"Noord": 1, "Zuid": 1, "Wijk onbekend": 1}
    assert dict(overzicht["per_status"])["opgepakt"] == 1
    assert dict(overzicht["per_status"])["nieuw"] == 2
    assert overzicht["met_contact"] == 1 and overzicht["op_tijd"] == 1
    assert overzicht["gemiddeld_dagen"] == 2.0

    client.force_login(rollen["beheerder"])
    html = client.get("/signalen/beheer/overzicht/?maand=2026-10").content.decode()
    assert "Noord" in html and "Wijk onbekend" in html
    assert "Geheim" not in html and a.referentie not in html
    # A month that is no month: the current one, not an error.
    assert client.get("/signalen/beheer/overzicht/?maand=2026-13").status_code == 200
