"""`make run` prints a login for the demo (manage.py maak_beheerder), and that login works."""

import io
import re

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def ontwikkeling(settings, tmp_path):
    settings.DEBUG = True
    settings.BASE_DIR = tmp_path  # the password file goes to tmp_path/.data, not the checkout


def maak_beheerder():
    uitvoer = io.StringIO()
    call_command("maak_beheerder", stdout=uitvoer)
    tekst = uitvoer.getvalue()
    return tekst, re.search(r"wachtwoord '([^']+)'", tekst).group(1)


def inloggen(client, wachtwoord):
    return client.post(
        "/admin/login/", {"username": "beheer", "password": wachtwoord, "next": "/admin/"}
    )


def test_geprinte_login_werkt_en_noemt_de_schakelaar(client, ontwikkeling):
    tekst, wachtwoord = maak_beheerder()

    assert "TWEE_FACTOR_VERPLICHT=true" in tekst
    assert inloggen(client, wachtwoord).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_met_tweestapsverificatie_aan_zegt_hij_dat_er_een_app_nodig_is(
    client, ontwikkeling, settings
):
    settings.TWEE_FACTOR_VERPLICHT = True
    tekst, wachtwoord = maak_beheerder()

    assert "QR-code" in tekst
    inloggen(client, wachtwoord)
    assert client.get("/admin/")["Location"].startswith("/tweestapsverificatie/")


def test_opnieuw_draaien_heft_een_blokkade_op(client, ontwikkeling):
    _, wachtwoord = maak_beheerder()
    for _ in range(5):
        inloggen(client, "fout")
    assert inloggen(client, wachtwoord).status_code == 429

    _, zelfde = maak_beheerder()

    assert zelfde == wachtwoord
    assert inloggen(client, wachtwoord).status_code == 302


def test_weigert_buiten_ontwikkeling(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("maak_beheerder", stdout=io.StringIO())
