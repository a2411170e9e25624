"""Template tags of the redactie's workplace in the admin."""

from django import template

from organisaties import werklijsten

register = template.Library()


@register.simple_tag
def werklijsten_voor(gebruiker):
    """The work lists this user works on, each with its count and changelist link.

    One query per list, whatever the size of the directory; none for who works on none.
    """
    return werklijsten.overzicht(gebruiker)
