"""A short lock in the shared cache, so that after a change one process computes what all
of them need (a page, the facet index) while the others wait briefly for its result.

``cache.add`` is atomic in Redis and in the database cache, so the lock holds across
processes. It is released when the result is stored, and expires on its own after
SLOT_SECONDEN (a process that died while holding it). Waiting is bounded: who does not get
the result in time computes it themselves, so the lock can slow a request but never fail it.
"""

import time

from django.core.cache import cache

SLOT_SECONDEN = 10
# How long to wait for the result another process is computing, and the pauses between two
# looks in the cache (growing up to the last one).
WACHTEN_SECONDEN = 3.0
WACHTPAUZES = (0.005, 0.01, 0.02, 0.04, 0.05)


def slot_van(sleutel: str) -> str:
    return f"{sleutel}:slot"


def neem_slot(sleutel: str) -> bool:
    """Whether this process may compute ``sleutel`` (nobody else is at it)."""
    return cache.add(slot_van(sleutel), 1, SLOT_SECONDEN)


def geef_slot_vrij(sleutel: str) -> None:
    cache.delete(slot_van(sleutel))


def wacht_op(sleutel: str, seconden: float | None = None):
    """The value another process is computing for ``sleutel``, once stored; None when it does
    not come within ``seconden`` (default WACHTEN_SECONDEN) or the lock is released without it
    (the result was not to be stored)."""
    slot = slot_van(sleutel)
    einde = time.monotonic() + (WACHTEN_SECONDEN if seconden is None else seconden)
    for poging in range(100_000):  # bounded by the clock; the count only guards the loop
        time.sleep(WACHTPAUZES[min(poging, len(WACHTPAUZES) - 1)])
        gevonden = cache.get_many([sleutel, slot])
        if sleutel in gevonden:
            return gevonden[sleutel]
        if slot not in gevonden or time.monotonic() >= einde:
            return None
    return None


def eenmaal_berekend(sleutel: str, bouw, bewaartijd):
    """The value of ``sleutel`` in the cache, computed with ``bouw()`` and stored when missing;
    computed by one process at a time where possible."""
    waarde = cache.get(sleutel)
    if waarde is not None:
        return waarde
    if not neem_slot(sleutel):
        waarde = wacht_op(sleutel)
        if waarde is not None:
            return waarde
        waarde = bouw()
        cache.set(sleutel, waarde, bewaartijd)
        return waarde
    try:
        waarde = bouw()
        cache.set(sleutel, waarde, bewaartijd)
    finally:
        geef_slot_vrij(sleutel)
    return waarde
