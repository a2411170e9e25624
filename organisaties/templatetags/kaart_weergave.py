"""Template tags of the map (templates/components/kaart.html, organisaties/_kaart.html)."""

from django import template
from django.conf import settings
from django.urls import reverse

from organisaties import kaart

register = template.Library()

# The list's parameters that do not change which organisations match.
_NIET_VOOR_DE_KAART = ("weergave", "pagina")


@register.simple_tag
def kaart_tegels():
    """Where the tiles come from and whom the map credits for them (netwerk/settings.py)."""
    return {"url": settings.KAART_TEGELS_URL, "attributie": settings.KAART_TEGELS_ATTRIBUTIE}


@register.simple_tag
def weergave(request):
    """List or map view of the organisation list, with links to both that keep every filter.

    The choice is the GET parameter ``weergave=kaart``, so a map view is a shareable URL.
    """
    query = request.GET.copy()
    is_kaart = query.get("weergave") == "kaart"
    query.pop("weergave", None)
    lijst_url = "?" + query.urlencode() if query else "?"
    query["weergave"] = "kaart"
    kaart_url = "?" + query.urlencode()
    for param in _NIET_VOOR_DE_KAART:
        query.pop(param, None)
    geojson_url = reverse("organisaties:kaart_geojson")
    if query:
        geojson_url += "?" + query.urlencode()
    return {
        "kaart": is_kaart,
        "lijst_url": lijst_url,
        "kaart_url": kaart_url,
        "geojson_url": geojson_url,
    }


@register.simple_tag
def locaties_als_punten(organisatie):
    """An organisation's located locations as GeoJSON, for the small map on its page.

    Reads the locations the page has prefetched (met_details), so no query of its own.
    """
    return kaart.punten(kaart.plekken_van(organisatie), met_url=False)
