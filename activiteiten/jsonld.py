"""Schema.org Event data (JSON-LD) for the times of activities, for search engines.

Written into the page as ``<script type="application/ld+json">``: a data block the browser
never runs, so the CSP needs no exception. The text is staff's and organisations' (hostile):
``<``, ``>`` and ``&`` are written as JSON escapes, so no text can close the element
(as the organisation's page does, kaart_tags.jsonld).
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from bijeenkomsten.ics import absolute_url
from organisaties.templatetags.kaart_tags import JSON_IN_HTML


def _plaats(activiteit):
    if activiteit.locatie_id:
        locatie = activiteit.locatie
        return {
            "@type": "Place",
            "name": locatie.naam,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": locatie.adres,
                "postalCode": locatie.postcode,
                "addressLocality": locatie.plaats,
                "addressCountry": "NL",
            },
        }
    return {"@type": "Place", "name": activiteit.ontmoetplek or activiteit.titel}


def evenement(moment):
    activiteit = moment.activiteit
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activiteit.titel,
        "description": activiteit.omschrijving,
        "startDate": moment.start.isoformat(),
        "endDate": moment.einde.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _plaats(activiteit),
        "isAccessibleForFree": activiteit.is_gratis,
        "url": absolute_url(activiteit.get_absolute_url()),
        "organizer": [
            {"@type": "Organization", "name": o.naam, "url": absolute_url(o.get_absolute_url())}
            for o in activiteit.organisaties.all()
        ],
    }
    if activiteit.capaciteit:
        data["maximumAttendeeCapacity"] = activiteit.capaciteit
    return data


def evenementen(momenten):
    """The ``<script type="application/ld+json">`` element for these times, or ''."""
    if not momenten:
        return ""
    data = [evenement(m) for m in momenten]
    tekst = json.dumps(data if len(data) > 1 else data[0], ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(tekst.translate(JSON_IN_HTML)),  # noqa: S308
    )
