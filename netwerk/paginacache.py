"""The page cache: anonymous GET pages served from the shared cache.

A page is stored under the current content version (netwerk.inhoudsversie), the visitor's
language (netwerk.taal) and its full URL,
so any public change makes every stored page unreachable at once. A page that shows something
that changes with the clock ("nu gesloten" on a result card) also carries the current time slot
in its key, so that it is never served for longer than one slot after the state changed.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from netwerk.inhoudsversie import inhoudsversie


def cache_anonieme_pagina(view=None, *, tijdvak_seconden=None):
    """Serve a GET page to anonymous visitors from the cache, keyed by its full URL.

    With ``tijdvak_seconden`` the key also holds the current slot of that many seconds
    (counted from the epoch, so slots of 900 start on the quarter hour) and the page is kept
    no longer than the slot.
    """
    if view is None:
        return lambda view: cache_anonieme_pagina(view, tijdvak_seconden=tijdvak_seconden)

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
        pad = hashlib.sha256(request.get_full_path().encode("utf-8", "replace")).hexdigest()
        # The same URL is a Dutch and an English page (netwerk.taal).
        taal = translation.get_language()
        sleutel = f"pagina:{inhoudsversie()}:{taal}:{pad}"
        bewaartijd = settings.PAGINA_CACHE_SECONDEN
        if tijdvak_seconden:
            nu = timezone.now().timestamp()
            sleutel += f":{int(nu // tijdvak_seconden)}"
            rest = tijdvak_seconden - nu % tijdvak_seconden
            bewaartijd = max(1, int(min(bewaartijd, rest + 1)))
        opgeslagen = cache.get(sleutel)
        if opgeslagen is not None:
            inhoud, content_type = opgeslagen
            response = HttpResponse(inhoud, content_type=content_type)
            response["X-Cache"] = "hit"
            return response
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
        return response

    return wrapper
