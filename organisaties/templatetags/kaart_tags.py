"""Template tags of the sociale kaart pages."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# Characters that could end a <script> element or start markup inside JSON.
JSON_IN_HTML = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag
def termen(termen, ids):
    """The terms (themes, wijken, ...) with these ids, in the taxonomy's order."""
    return termen.namen(ids)


@register.simple_tag
def pagina_url(request, nummer):
    """The current URL with another page number, keeping every filter."""
    query = request.GET.copy()
    query["pagina"] = nummer
    return "?" + query.urlencode()


@register.simple_tag
def pagina_nummers(pagina):
    return list(pagina.paginator.get_elided_page_range(pagina.number, on_each_side=1, on_ends=1))


@register.simple_tag(takes_context=True)
def jsonld(context, organisatie):
    """schema.org data of an organisation, for search engines and assistive tools."""
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": organisatie.naam,
        "description": organisatie.omschrijving,
        "url": request.build_absolute_uri(organisatie.get_absolute_url()),
    }
    if organisatie.website_link:
        data["sameAs"] = organisatie.website_link
    if organisatie.email:
        data["email"] = organisatie.email
    if organisatie.telefoon:
        data["telephone"] = organisatie.telefoon
    locaties = list(organisatie.locaties.all())
    if locaties:
        data["address"] = [
            {
                "@type": "PostalAddress",
                "streetAddress": locatie.adres,
                "postalCode": locatie.postcode,
                "addressLocality": locatie.plaats,
                "addressCountry": "NL",
            }
            for locatie in locaties
        ]
    tekst = json.dumps(data, ensure_ascii=False).translate(JSON_IN_HTML)
    return mark_safe(f'<script type="application/ld+json">{tekst}</script>')  # noqa: S308
