"""Headless Chromium through Playwright, against pytest-django's live server.

Playwright's sync API keeps an event loop running in the main thread; Django then refuses
database access in fixtures and tests (SynchronousOnlyOperation), although nothing here
is asynchronous. So DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser runs, and only
then: the browser lives per test module, so the loop and the setting are gone before the
other tests (which also run `manage.py check --deploy`, which rejects the setting).
"""

import io
import os

import pytest
from django.core.management import call_command

# Without the background-networking flags Chromium tries to reach Google services and its
# connections are refused on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM = os.environ.get("NETWERK_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    vorige = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if vorige is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = vorige


@pytest.fixture
def demodata_live(transactional_db):
    """The demo directory, committed so that the live server's thread can see it."""
    call_command("laad_demodata", stdout=io.StringIO())


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def site(live_server, demodata_live):
    """The live server's base URL, with the demo data loaded."""
    return live_server.url
