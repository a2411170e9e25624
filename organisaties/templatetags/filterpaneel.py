"""The list's filter groups (organisaties.views._filtergroepen, from facetdefinities) as HTML.

About 30 checkboxes, each with a label and a count, on every page of the list: through the
template language they took several milliseconds of a page the page cache misses (some 450
variable lookups). Built here with ``format_html``, which escapes every value as the
template did, they cost a fraction of that. The markup is that of the design system's form
fields (utrecht-form-field, utrecht-checkbox), as elsewhere in the form.
"""

from django import template
from django.utils.formats import localize
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_GROEP = (
    '<fieldset class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset '
    'netwerk-filtergroep">\n<legend class="utrecht-form-fieldset__legend '
    'utrecht-form-fieldset__legend--html-legend">{}</legend>\n{}</fieldset>\n'
)
_VLAG = (
    '<div class="utrecht-form-field utrecht-form-field--checkbox netwerk-keuze">\n'
    '<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="{}" '
    'value="true" id="f-{}"{}>\n'
    '<label class="utrecht-form-label utrecht-form-label--checkbox" for="f-{}">{} '
    '<span class="netwerk-aantal">({})</span></label>\n</div>\n'
)
_WAARDE = (
    '<li class="utrecht-form-field utrecht-form-field--checkbox">\n'
    '<input class="utrecht-checkbox utrecht-checkbox--html-input" type="checkbox" name="{}" '
    'value="{}" id="f-{}-{}"{}>\n'
    '<label class="utrecht-form-label utrecht-form-label--checkbox" for="f-{}-{}">{} '
    '<span class="netwerk-aantal">({})</span></label>\n</li>\n'
)
_AANGEVINKT = mark_safe(" checked")


@register.simple_tag
def filtergroepen(groepen):
    """The fieldsets of the visible groups; in a group of terms only the values with a match
    or that are chosen."""
    delen = []
    for groep in groepen:
        if not groep["zichtbaar"]:
            continue
        naam = groep["naam"]
        if groep.get("vlag"):
            inhoud = format_html(
                _VLAG,
                naam,
                naam,
                _AANGEVINKT if groep["gekozen"] else "",
                naam,
                groep["keuze"],
                localize(groep["aantal"]),
            )
        else:
            waarden = [
                format_html(
                    _WAARDE,
                    naam,
                    waarde["slug"],
                    naam,
                    waarde["slug"],
                    _AANGEVINKT if waarde["gekozen"] else "",
                    naam,
                    waarde["slug"],
                    waarde["naam"],
                    localize(waarde["aantal"]),
                )
                for waarde in groep["waarden"]
                if waarde["aantal"] or waarde["gekozen"]
            ]
            inhoud = format_html(
                '<ul class="utrecht-unordered-list netwerk-keuzes">\n{}</ul>\n',
                mark_safe("".join(waarden)),  # noqa: S308 (each part built by format_html)
            )
        delen.append(format_html(_GROEP, groep["label"], inhoud))
    return mark_safe("".join(delen))  # noqa: S308 (each part built by format_html)
