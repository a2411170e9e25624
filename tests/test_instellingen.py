"""Production settings pass Django's deployment checks; development works without any."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

GEHEIM = "k" * 30 + "productie-geheim-" + "q" * 30


def productie(*opdracht, **extra):
    """Run manage.py with the production settings (not the test settings) and DEBUG off."""
    # The browser tests allow async-unsafe calls in this process; a deployment never does.
    omgeving = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving.update(
        DJANGO_SETTINGS_MODULE="netwerk.settings",
        DEBUG="false",
        SECRET_KEY=GEHEIM,
        ALLOWED_HOSTS="kaart.gemeente.example",
        DATABASE_URL=os.environ.get("DATABASE_URL") or settings.DATABASE_URL,
    )
    omgeving.update(extra)
    omgeving = {k: v for k, v in omgeving.items() if v is not None}
    return subprocess.run(  # noqa: S603 - fixed arguments from these tests
        [sys.executable, "manage.py", *opdracht],
        cwd=settings.BASE_DIR,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_schoon_in_productie():
    resultaat = productie("check", "--deploy", "--fail-level", "WARNING")
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "no issues" in resultaat.stdout


@pytest.mark.parametrize("sleutel", [None, "", "ontwikkeling-niet-geheim-" + "x" * 40])
def test_zonder_eigen_secret_key_start_productie_niet(sleutel):
    resultaat = productie("check", SECRET_KEY=sleutel)
    assert resultaat.returncode != 0
    assert "SECRET_KEY" in resultaat.stderr
    assert "ImproperlyConfigured" in resultaat.stderr


def test_omgeving_kan_de_vergrendeling_bij_aanmelden_niet_uitzetten():
    code = (
        "from django.conf import settings; from bijeenkomsten import services; "
        "print(getattr(settings, 'AANMELDEN_VERGRENDELEN', 'afwezig'), "
        "getattr(settings, 'AANMELDEN_RACE_VENSTER', 'afwezig'))"
    )
    resultaat = productie(
        "shell", "-c", code, AANMELDEN_VERGRENDELEN="false", AANMELDEN_RACE_VENSTER="5"
    )
    assert resultaat.returncode == 0, resultaat.stderr
    assert resultaat.stdout.splitlines()[-1].split() == ["afwezig", "afwezig"]


def test_beveiligingskoppen_op_elke_pagina(client, db):
    response = client.get("/over/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    beheer = client.get("/admin/login/")
    assert "unsafe-inline" not in beheer["Content-Security-Policy"]


def test_interface_is_nederlands():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
