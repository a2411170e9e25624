"""The map: organisations' locations as GeoJSON points (RFC 7946).

"Kaart" in this module, in kaart.js and in the templates _kaart.html means the map, not the
directory. The list's map (``/organisaties/kaart.geojson``) and an organisation's page build
their points here, so a marker's popup says the same on both.

An organisation's page builds its few points in Python from the locations it has loaded
(``punten``). The list's map can be the whole directory, some 12,000 points at 10,000
organisations: built in Python that cost about 0.3 s of CPU per request, so PostgreSQL builds
that JSON itself (``geojson``), with the same fields and the same rules for the address and the
tel: link; tests/organisaties/test_kaart_geojson.py holds the two to the same output.
"""

from typing import NamedTuple

from django.db import connection
from django.urls import reverse

from organisaties.models import Locatie, Organisatie


class Plek(NamedTuple):
    """A location with coordinates and what its popup shows of its organisation."""

    id: int
    naam: str
    adres: str
    postcode: str
    plaats: str
    latitude: object
    longitude: object
    organisatie_id: int
    organisatie_naam: str
    slug: str
    telefoon: str

    # The models' own rules, read from these fields under the same names.
    volledig_adres = Locatie.volledig_adres
    telefoon_link = Organisatie.telefoon_link


def plekken_van(organisatie):
    """An organisation's located locations, from the ones its page has prefetched."""
    return [
        Plek(
            locatie.pk,
            locatie.naam,
            locatie.adres,
            locatie.postcode,
            locatie.plaats,
            locatie.latitude,
            locatie.longitude,
            organisatie.pk,
            organisatie.naam,
            organisatie.slug,
            organisatie.telefoon,
        )
        for locatie in organisatie.locaties.all()
        if locatie.latitude is not None and locatie.longitude is not None
    ]


def _detail_url():
    """The organisation page's URL around its slug, reversed once. Slugs are letters, digits,
    - and _: nothing reverse() would quote."""
    return reverse("organisaties:detail", kwargs={"slug": "SLUG"}).rsplit("SLUG", 1)


def punten(plekken, met_url=True):
    """The locations as a GeoJSON FeatureCollection.

    ``met_url``: False on the organisation's own page, which needs no link to itself.
    """
    voor, na = _detail_url()
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": plek.id,
                # GeoJSON puts longitude first.
                "geometry": {
                    "type": "Point",
                    "coordinates": [float(plek.longitude), float(plek.latitude)],
                },
                "properties": {
                    "organisatie_id": plek.organisatie_id,
                    "naam": plek.organisatie_naam,
                    "locatie": plek.naam,
                    "adres": plek.volledig_adres,
                    "telefoon": plek.telefoon,
                    "telefoon_link": plek.telefoon_link,
                    "url": f"{voor}{plek.slug}{na}" if met_url else "",
                },
            }
            for plek in plekken
        ],
    }


# The same Feature as punten(), built by PostgreSQL; the address as Locatie.volledig_adres, the
# link as Organisatie.telefoon_link (only digits and +). Every value is a parameter.
_GEOJSON = """
SELECT json_build_object('type', 'FeatureCollection', 'features', COALESCE(json_agg(
  json_build_object(
    'type', 'Feature',
    'id', l.id,
    'geometry', json_build_object(
      'type', 'Point',
      'coordinates', json_build_array(l.longitude::float8, l.latitude::float8)
    ),
    'properties', json_build_object(
      'organisatie_id', o.id,
      'naam', o.naam,
      'locatie', l.naam,
      'adres', concat(l.adres, ', ', l.postcode, ' ', l.plaats),
      'telefoon', o.telefoon,
      'telefoon_link',
        coalesce('tel:' || nullif(regexp_replace(o.telefoon, '[^0-9+]', '', 'g'), ''), ''),
      'url', %(voor)s || o.slug || %(na)s
    )
  ) ORDER BY o.naam, o.id, l.naam, l.id
), '[]'::json))::text
FROM organisaties_locatie l
JOIN organisaties_organisatie o ON o.id = l.organisatie_id
WHERE l.organisatie_id = ANY(%(ids)s::integer[])
  AND l.latitude IS NOT NULL AND l.longitude IS NOT NULL
"""


def geojson(organisatie_ids) -> str:
    """The located locations of these organisations as a GeoJSON FeatureCollection (text), in
    one query, however many there are."""
    voor, na = _detail_url()
    with connection.cursor() as cursor:
        cursor.execute(_GEOJSON, {"voor": voor, "na": na, "ids": list(organisatie_ids)})
        return cursor.fetchone()[0]
