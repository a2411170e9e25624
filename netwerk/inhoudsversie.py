"""The content version: one number in the shared cache that every public change bumps.

Every change that can show on a public page (the directory, meetings, site settings) bumps
it; cached pages (netwerk.paginacache) and the data kept per version (taxonomy, facet index)
carry it in their key, so one change invalidates everything at once and no page ever shows a
published organisation that is gone. With several app processes the cache
must be shared (REDIS_URL), or each process would keep its own version.

The version is bumped when the change is made and once more when its transaction commits: a
page rendered in between (from the data before the commit) is then cached under a version that
is already outdated. Within one request the version is read from the cache once, so a page sees
one consistent version however often it asks. A fresh version number starts at a random value,
so that after the cache is emptied no number comes back that a process still remembers (the
taxonomy and facet index keep the data of the current version in process memory).
"""

import contextlib
import secrets
import time

from asgiref.local import Local
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import connection, transaction

from netwerk import cacheslot

VERSIE_SLEUTEL = "inhoud:versie"
# Data kept per content version (taxonomy, facet index) expires after a day, so that the
# versions left behind by every change do not pile up in Redis.
VERSIE_BEWAARTIJD = 24 * 3600

# The version read during the current request (per thread or async task).
_verzoek = Local()


def _verzoek_begint(**kwargs):
    _verzoek.actief = True
    _verzoek.versie = None


def _verzoek_eindigt(**kwargs):
    _verzoek.actief = False
    _verzoek.versie = None


request_started.connect(_verzoek_begint, dispatch_uid="inhoudsversie-begin")
request_finished.connect(_verzoek_eindigt, dispatch_uid="inhoudsversie-einde")


def _nieuwe_versie() -> int:
    # Far below the 64-bit limit of Redis' INCR, far apart from any earlier start.
    return secrets.randbits(48) + 1


def inhoudsversie() -> int:
    in_verzoek = getattr(_verzoek, "actief", False)
    if in_verzoek and _verzoek.versie is not None:
        return _verzoek.versie
    versie = cache.get(VERSIE_SLEUTEL)
    if versie is None:
        cache.add(VERSIE_SLEUTEL, _nieuwe_versie(), timeout=None)
        versie = cache.get(VERSIE_SLEUTEL)
        if versie is None:  # a cache that keeps nothing (DummyCache)
            versie = 0
    if in_verzoek:
        _verzoek.versie = versie
    return versie


def _verhoog() -> None:
    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:
        cache.add(VERSIE_SLEUTEL, _nieuwe_versie(), timeout=None)


# Inside uitgesteld(): whether something changed that waits for its bump at the end.
_uitstel = Local()


@contextlib.contextmanager
def uitgesteld():
    """Bump the version once at the end of the block, not at every change inside it.

    For bulk work through the ORM (an import), whose every saved row would bump it. On an
    error nothing is bumped: the block's transaction is rolled back as well.
    """
    if getattr(_uitstel, "gewijzigd", None) is not None:  # nested: the outer block bumps
        yield
        return
    _uitstel.gewijzigd = False
    try:
        yield
        gewijzigd = _uitstel.gewijzigd
    finally:
        _uitstel.gewijzigd = None
    if gewijzigd:
        inhoud_gewijzigd()


def inhoud_gewijzigd() -> None:
    """Call after any change that can show on a public page."""
    if getattr(_uitstel, "gewijzigd", None) is not None:
        _uitstel.gewijzigd = True
        return
    _verzoek.versie = None
    _verhoog()
    if connection.in_atomic_block:
        transaction.on_commit(_verhoog)


# Per name: ((database, version), value) of the latest version seen in this process.
_per_versie: dict = {}


def per_inhoudsversie(naam, bouw):
    """The value ``bouw()`` gives for the current content version.

    Kept in this process's memory for as long as the version lasts (no cache round trip or
    unpickling per request), and shared through the cache, so that only one process builds it
    after a change (netwerk.cacheslot).
    """
    versie = (connection.settings_dict["NAME"], inhoudsversie())
    bekend = _per_versie.get(naam)
    if bekend is not None and bekend[0] == versie:
        return bekend[1]
    sleutel = f"{naam}:{versie[1]}"
    # After a change every process needs the new value at once: one builds it, the others
    # wait briefly for it instead of each building the same.
    waarde = cacheslot.eenmaal_berekend(sleutel, bouw, VERSIE_BEWAARTIJD)
    _per_versie[naam] = (versie, waarde)
    return waarde


# How long one process may take to rebuild a stale value before others stop waiting for it.
HERBOUW_SLOT_SECONDEN = 30
HERBOUW_WACHTTIJD = 10


def herbouw_per_inhoudsversie(naam, bouw, bruikbaar):
    """The value of the current version built once more, because the one in memory turned out
    stale (``bruikbaar(waarde)`` is False), e.g. after a bulk write that sent no signals.

    Built once and shared under the same version: the first process takes a short lock in the
    cache and builds; the others wait for its value (or use one already shared). Only when the
    builder takes longer than HERBOUW_WACHTTIJD does a waiting process build it itself.
    """
    versie = (connection.settings_dict["NAME"], inhoudsversie())
    sleutel = f"{naam}:{versie[1]}"
    slot = f"{sleutel}:herbouw"
    waarde = cache.get(sleutel)
    if waarde is None or not bruikbaar(waarde):
        waarde = None
        eigen_slot = cache.add(slot, 1, HERBOUW_SLOT_SECONDEN)
        if not eigen_slot:
            tot = time.monotonic() + HERBOUW_WACHTTIJD
            while cache.get(slot) is not None and time.monotonic() < tot:
                time.sleep(0.05)
            gedeeld = cache.get(sleutel)
            if gedeeld is not None and bruikbaar(gedeeld):
                waarde = gedeeld
        if waarde is None:
            try:
                waarde = bouw()
                cache.set(sleutel, waarde, VERSIE_BEWAARTIJD)
            finally:
                if eigen_slot:
                    cache.delete(slot)
    _per_versie[naam] = (versie, waarde)
    return waarde
