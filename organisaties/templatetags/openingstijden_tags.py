"""Template tags for what a result card says about visiting: today's opening hours."""

from django import template

from organisaties import openingstijden

register = template.Library()


@register.simple_tag
def vandaag_open(organisatie):
    """Today's opening state (organisaties.openingstijden.Vandaag) or None without hours.

    Reads the locations and opening hours prefetched by organisaties.kaartjes.
    """
    return openingstijden.van_organisatie(organisatie)


@register.simple_tag
def eerste_locatie(organisatie):
    """The organisation's first location (prefetched), or None."""
    locaties = organisatie.locaties.all()
    return locaties[0] if locaties else None
