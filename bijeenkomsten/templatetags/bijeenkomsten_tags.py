"""Meetings on pages of other apps (the home page), without those apps importing meetings."""

from django import template

from bijeenkomsten import rechten
from bijeenkomsten.models import Bijeenkomst

register = template.Library()


@register.simple_tag
def komende_bijeenkomsten(aantal=3):
    """``{% komende_bijeenkomsten 3 as bijeenkomsten %}``: the next published meetings."""
    return list(Bijeenkomst.objects.gepubliceerd().in_agenda().komend()[:aantal])


@register.filter
def mag_coordineren(gebruiker):
    """``{% if request.user|mag_coordineren %}``: whether the coordinator pages are for them."""
    return rechten.mag_coordineren(gebruiker)
