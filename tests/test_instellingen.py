"""Production settings pass Django's deployment checks; development works without any."""

import os
import subprocess
import sys

from django.conf import settings


def test_check_deploy_is_schoon_in_productie():
    # The browser tests allow async-unsafe calls in this process; a deployment never does.
    omgeving = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving = {
        **omgeving,
        "DEBUG": "false",
        "SECRET_KEY": "k" * 30 + "productie-geheim-" + "q" * 30,
        "ALLOWED_HOSTS": "kaart.gemeente.example",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or settings.DATABASE_URL,
    }
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr
    assert "no issues" in resultaat.stdout


def test_interface_is_nederlands():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"
