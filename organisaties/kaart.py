"""The map: organisations' locations as GeoJSON points (RFC 7946).

"Kaart" in this module, in kaart.js and in the templates _kaart.html means the map, not the
directory. The list's map (``/organisaties/kaart.geojson``) and an organisation's page build
their points here, so a marker's popup says the same on both.
"""

from organisaties.models import Locatie


def met_coordinaten(organisatie_ids):
    """The locations of these organisations that have coordinates, each with its organisation:
    one query, whatever the number."""
    return (
        Locatie.objects.filter(
            organisatie_id__in=organisatie_ids, latitude__isnull=False, longitude__isnull=False
        )
        .select_related("organisatie")
        .only(
            "naam",
            "adres",
            "postcode",
            "plaats",
            "latitude",
            "longitude",
            "organisatie__naam",
            "organisatie__slug",
            "organisatie__telefoon",
        )
        .order_by("organisatie__naam", "organisatie_id", "naam", "pk")
    )


def punt(locatie, organisatie=None, met_url=True):
    """One location as a GeoJSON Feature with what its popup shows.

    ``organisatie``: when the caller has it already (an organisation's page), else the
    location's own. ``met_url``: False on the organisation's own page, which needs no link to
    itself.
    """
    organisatie = organisatie or locatie.organisatie
    return {
        "type": "Feature",
        "id": locatie.pk,
        # GeoJSON puts longitude first.
        "geometry": {
            "type": "Point",
            "coordinates": [float(locatie.longitude), float(locatie.latitude)],
        },
        "properties": {
            "organisatie_id": organisatie.pk,
            "naam": organisatie.naam,
            "locatie": locatie.naam,
            "adres": locatie.volledig_adres,
            "telefoon": organisatie.telefoon,
            "telefoon_link": organisatie.telefoon_link,
            "url": organisatie.get_absolute_url() if met_url else "",
        },
    }


def verzameling(punten):
    return {"type": "FeatureCollection", "features": list(punten)}
