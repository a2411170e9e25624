"""The error summary of a form: every error, each linked to its field.

One summary for every public form (components/foutoverzicht.html), so that they all look and
behave alike: at the top, in the error colour, focused by static/js/foutoverzicht.js.
"""

from django import template

register = template.Library()


def fouten_van(form):
    """Every error of a form as (text, id of the field or None), in the form's field order."""
    fouten = [(str(fout), None) for fout in form.non_field_errors()]
    for veld in form:
        for fout in veld.errors:
            # The message alone: the messages name what to do ("Vul uw naam in."), and the
            # link leads to the field, whose label is read out there.
            fouten.append((str(fout), veld.id_for_label or veld.auto_id))
    return fouten


@register.inclusion_tag("components/foutoverzicht.html")
def foutoverzicht(form, titel="", id=""):
    """The summary of ``form``'s errors; nothing when it has none."""
    return {
        "fouten": fouten_van(form) if form.is_bound and form.errors else [],
        "titel": titel,
        "id": id or f"{form.prefix or 'formulier'}-fouten",
    }
