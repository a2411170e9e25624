import io

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def lege_cache():
    """Each test starts with an empty cache: cached pages and rate limits do not leak."""
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
