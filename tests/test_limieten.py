"""Rate limits are counted once for the whole site: across processes, and per real client.

Without REDIS_URL the cache, and so the counters, live in a PostgreSQL table that every
gunicorn worker shares; a forged X-Forwarded-For never buys a fresh counter.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import RequestFactory

from netwerk.ratelimit import boven_limiet
from tests.factories import BijeenkomstFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_cache_is_gedeeld_als_redis_ontbreekt():
    if os.environ.get("REDIS_URL"):
        assert "redis" in settings.CACHES["default"]["BACKEND"].lower()
    else:
        assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")


def test_limiet_telt_over_processen_heen():
    """Another process (a second gunicorn worker) counts against the same limit."""
    database = settings.DATABASES["default"]
    url = (
        f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST'] or 'localhost'}"
        f":{database['PORT'] or 5432}/{database['NAME']}"
    )
    code = (
        "from django.test import RequestFactory; from netwerk.ratelimit import boven_limiet; "
        "r = RequestFactory().post('/', REMOTE_ADDR='192.0.2.7'); "
        "[boven_limiet(r, 'proef', 3) for _ in range(3)]"
    )
    omgeving = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    omgeving.update(DATABASE_URL=url, DJANGO_SETTINGS_MODULE="tests.settings")
    resultaat = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=omgeving,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
    verzoek = RequestFactory().post("/", REMOTE_ADDR="192.0.2.7")
    assert boven_limiet(verzoek, "proef", 3)  # the fourth, counted in this process
    ander = RequestFactory().post("/", REMOTE_ADDR="192.0.2.8")
    assert not boven_limiet(ander, "proef", 3)


def test_vervalste_x_forwarded_for_omzeilt_de_limiet_niet(client, settings):
    settings.AANMELDEN_LIMIET_PER_UUR = 3
    settings.AANTAL_PROXIES = 0
    bijeenkomst = BijeenkomstFactory(slug="samen", capaciteit=100)
    statussen = []
    for i in range(6):
        response = client.post(
            bijeenkomst.get_absolute_url(),
            {"naam": f"Persoon {i}", "email": f"p{i}@example.nl", "privacy": "on"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i}",
        )
        statussen.append(response.status_code)
    assert statussen == [302, 302, 302, 429, 429, 429]
    assert bijeenkomst.aanmeldingen.count() == 3


def test_achter_een_proxy_telt_het_adres_dat_de_proxy_zag(client, settings):
    """With one proxy, only the last X-Forwarded-For entry (added by our proxy) counts;
    what the client put before it is ignored."""
    settings.AANMELDEN_LIMIET_PER_UUR = 2
    settings.AANTAL_PROXIES = 1
    bijeenkomst = BijeenkomstFactory(slug="samen", capaciteit=100)
    statussen = []
    for i in range(4):
        response = client.post(
            bijeenkomst.get_absolute_url(),
            {"naam": f"Persoon {i}", "email": f"p{i}@example.nl", "privacy": "on"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}, 203.0.113.9",
        )
        statussen.append(response.status_code)
    assert statussen == [302, 302, 429, 429]
