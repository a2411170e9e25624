"""Middleware of the whole site: security headers that Django's SecurityMiddleware does not
set itself, and a 404 for web addresses no page can have."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404
from django.urls import reverse


class BeveiligingsheadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


# No slug, token or file name of this site comes near this; a longer path segment is a probe.
MAX_SEGMENT = 255


class OngeldigAdresMiddleware:
    """Answers a web address that no page can have with the site's 404 page, never a 500.

    PostgreSQL refuses a NUL byte in text, so a path like /aanmelding/%00/ would reach a query
    and fail with a server error; a segment of thousands of characters is no slug or token.
    Both are refused here, before any view, so that each view need not guard against them.

    A NUL byte in the query string is refused (400) on the admin pages only: their filters and
    autocomplete pass it to the database as it is, while the site's own search forms already
    answer it with a clear message.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pad = request.path_info
        if "\x00" in pad or any(len(deel) > MAX_SEGMENT for deel in pad.split("/")):
            raise Http404("Ongeldig adres")
        if pad.startswith(reverse("admin:index")) and _heeft_nul_teken(request.GET):
            raise BadRequest("Null-teken in de zoekopdracht")
        return self.get_response(request)


def _heeft_nul_teken(query):
    return any("\x00" in sleutel + "".join(waarden) for sleutel, waarden in query.lists())
