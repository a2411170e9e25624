"""An organisation's page, kept as HTML per organisation.

The page cache (netwerk.paginacache) keys pages by the content version, which every change
anywhere bumps: after one edit, each of 10,000 organisation pages is cold and costs eight
queries. What the page shows depends only on the organisation itself (its aanbod, locations
and opening hours: each change to them sets its ``gewijzigd``, see organisaties.signals), the
names of the terms and the site settings. Its rendered content is kept under a stamp of exactly
those, so a change elsewhere leaves it warm. The activities (which change with the clock and
are kept in another app) are rendered per request, outside the kept part.
"""

import hashlib

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from netwerk.inhoudsversie import VERSIE_BEWAARTIJD
from netwerk.models import SiteConfiguratie
from organisaties.models import details_vooraf
from organisaties.taxonomie import taxonomieversie


def _velden(obj):
    return tuple(getattr(obj, veld.attname) for veld in obj._meta.concrete_fields)


def stempel(request, organisatie) -> str:
    """What the kept content depends on: the organisation's own change (``gewijzigd``), the
    taxonomy's names (recomputed once per content version), the site settings, where it comes
    from (a neighbour's name), the language and the address the page is served on (schema.org
    data carries absolute URLs)."""
    delen = (
        organisatie.pk,
        organisatie.gewijzigd.isoformat(),
        taxonomieversie(),
        _velden(SiteConfiguratie.get_solo()),
        organisatie.regiobron.naam if organisatie.regiobron_id else "",
        get_language(),
        request.scheme,
        request.get_host(),
    )
    return hashlib.sha1(repr(delen).encode(), usedforsecurity=False).hexdigest()


def inhoud(request, organisatie) -> dict:
    """The kept parts of the page of ``organisatie`` (fetched with soort and regiobron):
    ``artikel`` (HTML), ``jsonld`` (HTML) and ``omschrijving`` (plain text, for the meta tag)."""
    sleutel = f"organisatiepagina:{organisatie.pk}:{stempel(request, organisatie)}"
    delen = cache.get(sleutel)
    if delen is None:
        prefetch_related_objects([organisatie], *details_vooraf())
        context = {"organisatie": organisatie}
        delen = {
            "artikel": render_to_string("organisaties/_detail_artikel.html", context, request),
            "jsonld": render_to_string("organisaties/_detail_jsonld.html", context, request),
            "omschrijving": Truncator(organisatie.omschrijving).words(25, truncate=" …"),
        }
        cache.set(sleutel, delen, VERSIE_BEWAARTIJD)
    return {
        # Rendered from the templates above, with auto-escaping.
        "artikel": mark_safe(delen["artikel"]),  # noqa: S308
        "jsonld": mark_safe(delen["jsonld"]),  # noqa: S308
        "omschrijving": delen["omschrijving"],
    }
