"""The page cache under a burst: right after a change many visitors ask for the same cold
pages at once; each page must be computed once and nobody may get an error.

The lock lives in the shared cache (a database table in the tests, Redis in production), so
these tests run in threads with their own database connections and committed data.
"""

import threading
import time
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from netwerk import cacheslot, paginacache
from netwerk.inhoudsversie import inhoud_gewijzigd
from netwerk.paginacache import cache_anonieme_pagina

pytestmark = pytest.mark.django_db(transaction=True)

DRADEN = 24
ADRESSEN = ["/organisaties/?q=schuld", "/organisaties/?thema=jeugd", "/organisaties/?q=taal"]


@pytest.fixture
def geduldig(monkeypatch):
    """Waiters wait as long as needed: the tests must not depend on the machine's speed."""
    monkeypatch.setattr(cacheslot, "WACHTEN_SECONDEN", 60)


def _tellende_view(teller, *, status=200, rekentijd=0.2):
    slot = threading.Lock()

    def view(request):
        with slot:
            teller[request.get_full_path()] += 1
        # Long enough that the other threads ask while this one is still computing.
        time.sleep(rekentijd)
        if status == 404:
            raise Http404
        return HttpResponse(f"pagina {request.get_full_path()}")

    return view


def _verzoek(adres):
    request = RequestFactory().get(adres)
    request.user = AnonymousUser()
    return request


def _tegelijk(view, adressen):
    """Every address asked by DRADEN threads at the same moment; the answers (or errors)."""
    start = threading.Barrier(len(adressen))
    antwoorden = [None] * len(adressen)

    def bezoeker(index):
        try:
            start.wait(timeout=30)
            try:
                antwoorden[index] = view(_verzoek(adressen[index]))
            except Http404 as fout:
                antwoorden[index] = fout
        except Exception as fout:  # noqa: BLE001 - the test reports it below
            antwoorden[index] = fout
        finally:
            connection.close()

    draden = [threading.Thread(target=bezoeker, args=(i,)) for i in range(len(adressen))]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=120)
    return antwoorden


def test_burst_na_wijziging_berekent_elke_pagina_een_keer(geduldig):
    teller = Counter()
    view = cache_anonieme_pagina(_tellende_view(teller))
    # Right after a change: every page is cold.
    inhoud_gewijzigd()
    adressen = [ADRESSEN[i % len(ADRESSEN)] for i in range(DRADEN)]

    antwoorden = _tegelijk(view, adressen)

    assert teller == Counter(dict.fromkeys(ADRESSEN, 1))
    assert all(isinstance(a, HttpResponse) for a in antwoorden), antwoorden
    for adres, antwoord in zip(adressen, antwoorden, strict=True):
        assert antwoord.status_code == 200
        assert antwoord.content.decode() == f"pagina {adres}"
    soorten = Counter(a["X-Cache"] for a in antwoorden)
    assert soorten == {"miss": len(ADRESSEN), "hit": DRADEN - len(ADRESSEN)}

    # The next change makes them cold again: computed once more, each.
    inhoud_gewijzigd()
    _tegelijk(view, adressen)
    assert teller == Counter(dict.fromkeys(ADRESSEN, 2))


def test_pagina_die_niet_bewaard_wordt_berekent_ieder_zelf_zonder_fout(geduldig):
    """A page that is not stored (here a 404) releases the lock without a result: the
    waiting visitors then compute it themselves instead of waiting in vain."""
    teller = Counter()
    view = cache_anonieme_pagina(_tellende_view(teller, status=404))
    adressen = ["/organisaties/bestaat-niet/"] * 6

    antwoorden = _tegelijk(view, adressen)

    assert all(isinstance(a, Http404) for a in antwoorden), antwoorden
    assert teller["/organisaties/bestaat-niet/"] == 6


def test_vastgehouden_slot_van_een_gestopt_proces_geeft_geen_fout(monkeypatch):
    """A process that died while computing leaves its lock behind: a visitor waits a short
    time and then computes the page after all."""
    monkeypatch.setattr(cacheslot, "WACHTEN_SECONDEN", 0.05)
    teller = Counter()
    view = cache_anonieme_pagina(_tellende_view(teller, rekentijd=0))
    adres = "/organisaties/?q=schuld"
    eerste = view(_verzoek(adres))
    assert eerste["X-Cache"] == "miss"
    inhoud_gewijzigd()
    # A lock on the new version's page, held by nobody that is still alive.
    sleutel, _bewaartijd = paginacache.pagina_sleutel(_verzoek(adres))
    cacheslot.cache.add(cacheslot.slot_van(sleutel), 1, 60)

    antwoord = view(_verzoek(adres))

    assert antwoord.status_code == 200
    assert antwoord.content.decode() == f"pagina {adres}"
    assert teller[adres] == 2
    # It was stored as well: the next visitor gets it from the cache.
    assert view(_verzoek(adres))["X-Cache"] == "hit"


def test_gegevens_per_inhoudsversie_worden_na_een_wijziging_een_keer_gebouwd(geduldig):
    """The facet index and the taxonomy (netwerk.inhoudsversie.per_inhoudsversie) go through
    the same lock: after a change one process builds them, the others wait for its result."""
    gebouwd = Counter()
    slot = threading.Lock()

    def bouw():
        with slot:
            gebouwd["index"] += 1
        time.sleep(0.2)
        return {"versie": "nieuw"}

    start = threading.Barrier(8)
    waarden = []

    def proces():
        try:
            start.wait(timeout=30)
            waarden.append(cacheslot.eenmaal_berekend("facetindex:proef", bouw, 60))
        finally:
            connection.close()

    draden = [threading.Thread(target=proces) for _ in range(8)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=120)
    assert gebouwd["index"] == 1
    assert waarden == [{"versie": "nieuw"}] * 8
