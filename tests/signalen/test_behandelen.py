"""The work queue: status, assignment, notes, forwarding; the trail that is never changed,
every view logged, and the reporter's one e-mail when the signal is picked up."""

import datetime

import pytest
from django.contrib.admin.sites import site as admin_site
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.utils import timezone, translation

from netwerk.models import UitgaandeEmail
from signalen import services
from signalen.models import Signaal, SignaalGebeurtenis, SignaalInzage
from tests.factories import GebruikerFactory

pytestmark = pytest.mark.django_db


def test_elke_inzage_wordt_vastgelegd(client, rollen, signaal):
    client.force_login(rollen["eigen_team"])
    client.get(f"/signalen/beheer/{signaal.referentie}/")
    client.force_login(rollen["beheerder"])
    client.get(f"/signalen/beheer/{signaal.referentie}/")
    assert list(SignaalInzage.objects.order_by("pk").values_list("wie__username", flat=True)) == [
        "noord",
        "beheerder",
    ]
    # Another team's worker who tries is not let in, so there is nothing to log.
    client.force_login(rollen["ander_team"])
    client.get(f"/signalen/beheer/{signaal.referentie}/")
    assert SignaalInzage.objects.count() == 2


def test_opgepakt_stuurt_de_melder_een_mail_zonder_details(client, rollen, signaal):
    client.force_login(rollen["eigen_team"])
    client.post(f"/signalen/beheer/{signaal.referentie}/status/", {"status": "in_behandeling"})
    assert not UitgaandeEmail.objects.exists()
    client.post(f"/signalen/beheer/{signaal.referentie}/status/", {"status": "opgepakt"})
    email = UitgaandeEmail.objects.get()
    assert email.aan == "anna@example.nl"
    assert signaal.referentie in email.tekst
    for detail in ("buurman", "Wijkteam Noord", "Anna", "noord"):
        assert (
            detail not in email.tekst and detail not in email.html and detail not in email.onderwerp
        )
    # Picked up again later: no second e-mail.
    client.post(f"/signalen/beheer/{signaal.referentie}/status/", {"status": "in_behandeling"})
    client.post(f"/signalen/beheer/{signaal.referentie}/status/", {"status": "opgepakt"})
    assert UitgaandeEmail.objects.count() == 1
    signaal.refresh_from_db()
    assert signaal.eerste_contact_op is not None


def test_zonder_email_geen_mail(team_noord, rollen):
    signaal = services.dien_in(zorg="x")
    services.wijzig_status(signaal, "opgepakt", rollen["eigen_team"])
    assert not UitgaandeEmail.objects.exists()


def test_elke_wijziging_staat_in_het_logboek_met_wie_en_wat(client, rollen, signaal):
    client.force_login(rollen["eigen_team"])
    basis = f"/signalen/beheer/{signaal.referentie}"
    client.post(f"{basis}/toewijzen/", {"medewerker": rollen["eigen_team"].pk})
    client.post(f"{basis}/status/", {"status": "opgepakt"})
    client.post(f"{basis}/notitie/", {"tekst": "Langs geweest, mevrouw was blij."})
    rijen = list(
        SignaalGebeurtenis.objects.order_by("pk").values_list(
            "soort", "wie__username", "omschrijving"
        )
    )
    assert rijen == [
        ("ingediend", None, "Wijkteam Noord"),
        ("toegewezen", "noord", "noord"),
        ("status", "noord", "nieuw → opgepakt"),
        ("email", None, "De melder kreeg bericht: opgepakt."),
        ("notitie", "noord", ""),
    ]
    html = client.get(f"{basis}/").content.decode()
    assert "Langs geweest, mevrouw was blij." in html


def test_toewijzen_alleen_aan_iemand_van_het_team(client, rollen, signaal):
    client.force_login(rollen["eigen_team"])
    response = client.post(
        f"/signalen/beheer/{signaal.referentie}/toewijzen/", {"medewerker": rollen["ander_team"].pk}
    )
    assert response.status_code == 400
    assert "Kies een medewerker van dit team." in response.content.decode()
    signaal.refresh_from_db()
    assert signaal.toegewezen_aan is None


def test_doorsturen_naar_een_ander_team(client, rollen, signaal, team_zuid):
    client.force_login(rollen["eigen_team"])
    response = client.post(
        f"/signalen/beheer/{signaal.referentie}/doorsturen/", {"team": team_zuid.pk}
    )
    assert response.status_code == 302 and response["Location"] == "/signalen/beheer/"
    signaal.refresh_from_db()
    assert signaal.team == team_zuid and signaal.status == Signaal.Status.DOORVERWEZEN
    # Now the other team's, and no longer this one's.
    assert client.get(f"/signalen/beheer/{signaal.referentie}/").status_code == 404
    client.force_login(rollen["ander_team"])
    assert client.get(f"/signalen/beheer/{signaal.referentie}/").status_code == 200
    assert SignaalGebeurtenis.objects.filter(
        soort="doorgestuurd", omschrijving="Wijkteam Noord → Wijkteam Zuid"
    ).exists()


def test_te_late_signalen_staan_bovenaan(team_noord, rollen):
    nu = timezone.now()
    vers = services.dien_in(zorg="vers", nu=nu)
    oud = services.dien_in(zorg="oud", nu=nu - datetime.timedelta(days=30))
    opgepakt = services.dien_in(zorg="opgepakt", nu=nu - datetime.timedelta(days=40))
    services.wijzig_status(opgepakt, "opgepakt", rollen["eigen_team"])
    volgorde = list(Signaal.objects.werkvolgorde())
    assert volgorde[0] == oud
    assert oud.is_te_laat() and not vers.is_te_laat()
    assert not Signaal.objects.get(pk=opgepakt.pk).is_te_laat()


def test_het_logboek_wordt_nooit_gewijzigd_of_verwijderd(signaal):
    gebeurtenis = SignaalGebeurtenis.objects.get()
    gebeurtenis.omschrijving = "iets anders"
    with pytest.raises(PermissionDenied):
        gebeurtenis.save()
    with pytest.raises(PermissionDenied):
        gebeurtenis.delete()
    with pytest.raises(PermissionDenied):
        SignaalGebeurtenis.objects.update(omschrijving="weg")
    with pytest.raises(PermissionDenied):
        SignaalGebeurtenis.objects.all().delete()
    inzage = services.registreer_inzage(signaal, GebruikerFactory())
    with pytest.raises(PermissionDenied):
        inzage.save()
    with pytest.raises(PermissionDenied):
        SignaalInzage.objects.all().delete()
    # A signal with a trail cannot be deleted either (the trail protects it).
    from django.db.models import ProtectedError

    with pytest.raises(ProtectedError):
        signaal.delete()
    assert SignaalGebeurtenis.objects.get().omschrijving == "Wijkteam Noord"


def test_ook_een_superuser_wijzigt_het_logboek_niet_in_de_admin(client, signaal):
    baas = GebruikerFactory(username="baas", is_superuser=True)
    client.force_login(baas)
    gebeurtenis = SignaalGebeurtenis.objects.get()
    assert client.get("/admin/signalen/signaalgebeurtenis/").status_code == 200
    assert client.get("/admin/signalen/signaalgebeurtenis/add/").status_code == 403
    wijzigen = client.post(
        f"/admin/signalen/signaalgebeurtenis/{gebeurtenis.pk}/change/", {"omschrijving": "weg"}
    )
    assert wijzigen.status_code == 403
    assert (
        client.post(f"/admin/signalen/signaalgebeurtenis/{gebeurtenis.pk}/delete/", {"post": "yes"})
    ).status_code == 403
    verzoek = RequestFactory().get("/")
    verzoek.user = baas
    beheer = admin_site._registry[SignaalGebeurtenis]
    assert not beheer.has_change_permission(verzoek, gebeurtenis)
    assert not beheer.has_delete_permission(verzoek, gebeurtenis)
    assert SignaalGebeurtenis.objects.get().omschrijving == "Wijkteam Noord"


def test_vijandige_tekst_wordt_niet_uitgevoerd(client, rollen, team_noord):
    signaal = services.dien_in(zorg='<script>alert("x")</script>', naam="<b>Piet</b>")
    client.force_login(rollen["eigen_team"])
    html = client.get(f"/signalen/beheer/{signaal.referentie}/").content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;Piet" in html


def test_fout_bij_een_actie_toont_het_foutoverzicht_en_logt_de_inzage(client, rollen, signaal):
    client.force_login(rollen["eigen_team"])
    response = client.post(f"/signalen/beheer/{signaal.referentie}/notitie/", {"tekst": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "netwerk-foutoverzicht" in html and "Schrijf een notitie." in html
    assert SignaalInzage.objects.filter(signaal=signaal, wie=rollen["eigen_team"]).count() == 1


def test_engelse_melder_krijgt_engelse_mail_als_het_team_nederlands_werkt(
    client, rollen, team_noord
):
    # The resident reports on the English site.
    with translation.override("en"):
        signaal = services.dien_in(zorg="My neighbour", email="anne@example.com")
    assert signaal.taal == "en"
    client.force_login(rollen["eigen_team"])
    with translation.override("nl"):
        services.wijzig_status(signaal, "opgepakt", rollen["eigen_team"])
    email = UitgaandeEmail.objects.get()
    assert email.onderwerp == "Your report has been taken up"
    assert "Uw signaal" not in email.tekst


def test_nederlandse_melder_krijgt_nederlandse_mail(rollen, team_noord):
    with translation.override("nl"):
        signaal = services.dien_in(zorg="Mijn buurman", email="piet@example.nl")
    with translation.override("en"):
        services.wijzig_status(signaal, "opgepakt", rollen["eigen_team"])
    assert UitgaandeEmail.objects.get().onderwerp == "Uw signaal is opgepakt"
