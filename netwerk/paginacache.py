"""The page cache: anonymous GET pages served from the shared cache.

A page is stored under the current content version (netwerk.inhoudsversie), the visitor's
language (netwerk.taal) and its full URL,
so any public change makes every stored page unreachable at once. A page that shows something
that changes with the clock ("nu gesloten" on a result card) also carries the current time slot
in its key, so that it is never served for longer than one slot after the state changed. A page
whose content depends on the date ("vandaag" in the activities' agenda) carries the local date
and expires at midnight, so yesterday's page is never served today.

Right after a change every page is cold at once, and a burst of visitors on the same page
would each compute it. The first takes a short lock in the shared cache (netwerk.cacheslot);
the others poll the cache for its result for a bounded time and compute the page themselves
only when none comes (the lock holder was slow, failed, or the page may not be stored), so a
visitor never gets an error because of the lock.
"""

import datetime
import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from netwerk import cacheslot
from netwerk.inhoudsversie import inhoudsversie


def pagina_sleutel(request, tijdvak_seconden=None, per_dag=False):
    """The cache key of the page at the request's full URL, and how long it may be kept."""
    pad = hashlib.sha256(request.get_full_path().encode("utf-8", "replace")).hexdigest()
    # The same URL is a Dutch and an English page (netwerk.taal).
    taal = translation.get_language()
    sleutel = f"pagina:{inhoudsversie()}:{taal}:{pad}"
    bewaartijd = settings.PAGINA_CACHE_SECONDEN
    nu = timezone.now()
    if tijdvak_seconden:
        seconden = nu.timestamp()
        sleutel += f":{int(seconden // tijdvak_seconden)}"
        rest = tijdvak_seconden - seconden % tijdvak_seconden
        bewaartijd = max(1, int(min(bewaartijd, rest + 1)))
    if per_dag:
        lokaal = timezone.localtime(nu)
        sleutel += f":{lokaal:%Y%m%d}"
        morgen = lokaal.date() + datetime.timedelta(days=1)
        middernacht = datetime.datetime.combine(morgen, datetime.time.min, tzinfo=lokaal.tzinfo)
        # Counted in real seconds, so also right on the night the clocks change.
        tot_middernacht = (middernacht - nu).total_seconds()
        bewaartijd = max(1, int(min(bewaartijd, tot_middernacht + 1)))
    return sleutel, bewaartijd


def _uit_cache(opgeslagen):
    inhoud, content_type = opgeslagen
    response = HttpResponse(inhoud, content_type=content_type)
    response["X-Cache"] = "hit"
    return response


def cache_anonieme_pagina(view=None, *, tijdvak_seconden=None, per_dag=False):
    """Serve a GET page to anonymous visitors from the cache, keyed by its full URL.

    With ``tijdvak_seconden`` the key also holds the current slot of that many seconds
    (counted from the epoch, so slots of 900 start on the quarter hour) and the page is kept
    no longer than the slot. With ``per_dag`` it holds the local date and is kept no longer
    than midnight.
    """
    if view is None:
        return lambda view: cache_anonieme_pagina(
            view, tijdvak_seconden=tijdvak_seconden, per_dag=per_dag
        )

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        # A visitor with a message waiting ("Bedankt voor uw melding") gets a page of their
        # own: it would otherwise be served from, or stored in, the cache with that message.
        if (
            request.method != "GET"
            or request.user.is_authenticated
            or "messages" in request.COOKIES
        ):
            return view(request, *args, **kwargs)
        sleutel, bewaartijd = pagina_sleutel(request, tijdvak_seconden, per_dag)
        opgeslagen = cache.get(sleutel)
        if opgeslagen is not None:
            return _uit_cache(opgeslagen)
        if not cacheslot.neem_slot(sleutel):
            # Another process computes this page right now: wait for its result.
            opgeslagen = cacheslot.wacht_op(sleutel)
            if opgeslagen is not None:
                return _uit_cache(opgeslagen)
            return _bereken(request, args, kwargs, sleutel, bewaartijd)
        try:
            return _bereken(request, args, kwargs, sleutel, bewaartijd)
        finally:
            cacheslot.geef_slot_vrij(sleutel)

    def _bereken(request, args, kwargs, sleutel, bewaartijd):
        response = view(request, *args, **kwargs)
        # A view marks a page that will soon change with Cache-Control: no-store.
        bewaren = "no-store" not in response.get("Cache-Control", "")
        if (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and bewaren
        ):
            if hasattr(response, "render"):
                response.render()
            cache.set(
                sleutel,
                (response.content, response["Content-Type"]),
                bewaartijd,
            )
            # Computed and stored: the bench counts these to see each page computed once.
            response["X-Cache"] = "miss"
        return response

    return wrapper
