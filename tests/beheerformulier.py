"""The data an admin change form would post as it stands, to change one field in a test.

Built from the form the admin rendered (its fields, inlines and management forms), so a test
that changes one value keeps working when the admin gains or loses fields.
"""

import datetime

from django.forms import CheckboxInput, MultiWidget


def _waarde(veld, waarde):
    if waarde is None:
        return ""
    if isinstance(waarde, list | tuple):
        return [str(getattr(w, "pk", w)) for w in waarde]
    if isinstance(waarde, datetime.datetime | datetime.date | datetime.time):
        return veld.widget.format_value(waarde) or str(waarde)
    return str(getattr(waarde, "pk", waarde))


def _velden(form, data):
    for naam, veld in form.fields.items():
        if veld.disabled:
            continue
        sleutel = form.add_prefix(naam)
        waarde = form[naam].value()
        widget = getattr(veld.widget, "widget", veld.widget)
        if isinstance(widget, CheckboxInput):
            if waarde:
                data[sleutel] = "on"
        elif isinstance(widget, MultiWidget):
            delen = waarde if isinstance(waarde, list | tuple) else widget.decompress(waarde)
            for i, (deel, subwidget) in enumerate(zip(delen, widget.widgets, strict=True)):
                data[f"{sleutel}_{i}"] = (
                    "" if deel is None else subwidget.format_value(deel) or str(deel)
                )
        else:
            data[sleutel] = _waarde(veld, waarde)


def formulierdata(response):
    """The POST data of the rendered admin change (or add) form, inlines included."""
    context = response.context
    data = {}
    _velden(context["adminform"].form, data)
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        _velden(formset.management_form, data)
        for form in formset.forms:
            _velden(form, data)
    return data
