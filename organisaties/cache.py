"""Caching of the public directory pages.

Every change to the directory bumps one version number in the cache; all cached pages and
the taxonomy carry that number in their key, so one change invalidates everything at once and
no page ever shows a published organisation that is gone. With several app processes the cache
must be shared (REDIS_URL), or each process would keep its own version.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse

VERSIE_SLEUTEL = "sociale-kaart:versie"


def kaart_versie() -> int:
    versie = cache.get(VERSIE_SLEUTEL)
    if versie is None:
        cache.add(VERSIE_SLEUTEL, 1, timeout=None)
        versie = cache.get(VERSIE_SLEUTEL, 1)
    return versie


def kaart_gewijzigd() -> None:
    """Call after any change that can show on a public page."""
    try:
        cache.incr(VERSIE_SLEUTEL)
    except ValueError:
        cache.add(VERSIE_SLEUTEL, 1, timeout=None)


def cache_anonieme_pagina(view):
    """Serve a GET page to anonymous visitors from the cache, keyed by its full URL."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET" or request.user.is_authenticated:
            return view(request, *args, **kwargs)
        pad = hashlib.sha256(request.get_full_path().encode("utf-8", "replace")).hexdigest()
        sleutel = f"pagina:{kaart_versie()}:{pad}"
        opgeslagen = cache.get(sleutel)
        if opgeslagen is not None:
            inhoud, content_type = opgeslagen
            response = HttpResponse(inhoud, content_type=content_type)
            response["X-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.cookies and not response.streaming:
            if hasattr(response, "render"):
                response.render()
            cache.set(
                sleutel,
                (response.content, response["Content-Type"]),
                settings.PAGINA_CACHE_SECONDEN,
            )
        return response

    return wrapper
