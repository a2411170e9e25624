from django import template

from signalen import rechten

register = template.Library()


@register.filter
def mag_signalen_zien(gebruiker):
    """``{% if request.user|mag_signalen_zien %}``: whether the work queue is for them."""
    return rechten.mag_signalen_zien(gebruiker)
