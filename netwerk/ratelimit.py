"""A fixed-window rate limit per client IP address, counted in the shared cache.

django-ratelimit refuses Django's own Redis and local-memory caches in its system checks, and
development runs without Redis; the rule needed here is a few lines on top of cache.add/incr.
"""

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    """The client's address, trusting only as many X-Forwarded-For hops as there are proxies."""
    proxies = settings.AANTAL_PROXIES
    if proxies:
        doorgestuurd = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(doorgestuurd) >= proxies and doorgestuurd[-proxies]:
            return doorgestuurd[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def boven_limiet(request, groep: str, limiet: int, seconden: int = 3600) -> bool:
    """Count this request; True when the client made more than ``limiet`` in the window."""
    sleutel = f"limiet:{groep}:{client_ip(request)}"
    if cache.add(sleutel, 1, timeout=seconden):
        return False
    try:
        aantal = cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.add(sleutel, 1, timeout=seconden)
        return False
    return aantal > limiet
