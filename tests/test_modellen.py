"""Every model field explains itself to staff in the admin (see STYLE.md)."""

import pytest
from django.apps import apps
from django.utils.functional import Promise

APPS = ["organisaties", "bijeenkomsten", "netwerk", "signalen", "activiteiten"]


def velden(app_label):
    for model in apps.get_app_config(app_label).get_models():
        # The history tables of django-simple-history are made by the library from the
        # model's own fields; staff see them only as the admin's history pages.
        if hasattr(model, "instance_type"):
            continue
        for veld in model._meta.get_fields():
            if getattr(veld, "concrete", False) and not veld.auto_created:
                yield model, veld


def vertaalde_tekst(waarde):
    """Set through gettext_lazy, and not empty."""
    return isinstance(waarde, Promise) and bool(str(waarde).strip())


@pytest.mark.parametrize("app_label", APPS)
def test_elk_veld_heeft_verbose_name_en_help_text(app_label):
    # Django fills in a verbose_name from the field name when none is given; deconstruct()
    # shows only the one that was passed, so a missing Dutch name is caught too.
    zonder_naam = [
        f"{model.__name__}.{veld.name}"
        for model, veld in velden(app_label)
        if not vertaalde_tekst(veld.deconstruct()[3].get("verbose_name"))
    ]
    zonder_uitleg = [
        f"{model.__name__}.{veld.name}"
        for model, veld in velden(app_label)
        if not vertaalde_tekst(veld.help_text)
    ]
    assert not zonder_naam, f"Zonder verbose_name: {', '.join(zonder_naam)}"
    assert not zonder_uitleg, f"Zonder help_text: {', '.join(zonder_uitleg)}"


def test_de_controle_ziet_elk_soort_veld():
    """Foreign keys, many-to-many fields and fields staff cannot edit are checked as well."""
    gezien = {f"{model.__name__}.{veld.name}" for app in APPS for model, veld in velden(app)}
    assert {
        "Organisatie.themas",
        "Organisatie.facet_themas",
        "Locatie.organisatie",
        "Aanmelding.token",
        "UitgaandeEmail.aangemaakt",
    } <= gezien
    assert "Organisatie.id" not in gezien
