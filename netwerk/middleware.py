"""Middleware of the whole site: security headers that Django's SecurityMiddleware does not
set itself, a 404 for web addresses no page can have, and a redirect that drops tracking
parameters."""

from urllib.parse import unquote_plus

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.encoding import escape_uri_path
from django.utils.http import escape_leading_slashes


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


# Parameters that advertising and newsletters add to links; no page reads them.
VOLGPARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "gbraid",
        "wbraid",
        "dclid",
        "msclkid",
        "yclid",
        "twclid",
        "ttclid",
        "igshid",
        "li_fat_id",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
    }
)


def _is_volgparameter(naam: str) -> bool:
    naam = naam.lower()
    return naam.startswith("utm_") or naam in VOLGPARAMETERS


class VolgparametersMiddleware:
    """Redirects (301) a GET with tracking parameters (utm_*, fbclid, gclid and the like) to
    the same address without them, the other parameters left exactly as they were.

    Every shared link carries a new fbclid, so each would be a page of its own for the page
    cache (netwerk.paginacache) and for search engines; after the redirect they all share the
    clean address and its cache entry.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if request.method == "GET" and query:
            delen = [deel for deel in query.split("&") if deel]
            # The name as a page would read it; the rest of the query stays byte for byte.
            blijven = [d for d in delen if not _is_volgparameter(unquote_plus(d.split("=")[0]))]
            if len(blijven) < len(delen):
                # "//andere.site/" must stay a path on this site, not become another host.
                pad = escape_leading_slashes(escape_uri_path(request.path))
                schoon = pad + ("?" + "&".join(blijven) if blijven else "")
                return HttpResponsePermanentRedirect(schoon)
        return self.get_response(request)
