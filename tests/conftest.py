import io
import shutil

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils.translation import trans_real
from procrastinate.contrib.django import app as taken_app


def _database_fixture(request):
    """The database fixture a test uses, or None for a test without database access."""
    marker = request.node.get_closest_marker("django_db")
    namen = set(request.fixturenames)
    if (marker and marker.kwargs.get("transaction")) or {
        "transactional_db",
        "live_server",
    } & namen:
        return "transactional_db"
    if marker or "db" in namen:
        return "db"
    return None


@pytest.fixture(autouse=True, scope="session")
def vertalingen():
    """The English .mo files, compiled from locale/ when a .po is newer (``make test`` does
    this too; this lets a single test file run on its own)."""
    locale = settings.BASE_DIR / "locale"
    verouderd = [
        po
        for po in locale.glob("*/LC_MESSAGES/*.po")
        if not po.with_suffix(".mo").exists()
        or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if verouderd and shutil.which("msgfmt"):
        call_command(
            "compilemessages",
            ignore_patterns=[".venv", ".data", "node_modules", "staticfiles", "build"],
            verbosity=0,
        )
        trans_real._translations = {}
        trans_real._default = None


@pytest.fixture(autouse=True)
def lege_cache(request):
    """Each test starts with an empty cache: cached pages and rate limits do not leak.

    Without Redis the cache is a database table, so only tests with database access have
    (and can clear) one.
    """
    fixture = _database_fixture(request)
    if fixture is None:
        yield
        return
    request.getfixturevalue(fixture)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def snelle_wachtwoorden(settings):
    """Password hashing is slow on purpose; tests need no protection against brute force."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def demodata(db):
    call_command("laad_demodata", stdout=io.StringIO())


@pytest.fixture
def werker(transactional_db):
    """Run a real procrastinate worker against the test database until the queue is empty.

    The worker has its own connections, so it only sees committed data: tests that use it
    run with transactional_db. Returns a function; call it after the action under test.
    """

    def draai(wachtrijen=None):
        with taken_app.replace_connector(taken_app.connector.get_worker_connector()):
            taken_app.run_worker(
                wait=False,
                install_signal_handlers=False,
                listen_notify=False,
                queues=wachtrijen,
            )

    return draai
