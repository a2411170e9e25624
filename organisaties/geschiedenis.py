"""The change history of the kaart and the meetings: why a version exists, and who may see it.

django-simple-history stores a version of a row at every save, with the user of the request
(HistoryRequestMiddleware). What it cannot know is the cause when there is no staff user, or
when the user alone does not say enough: an import, an organisation's own link, the geocoder,
a revert. Code that changes rows for such a cause wraps the change in ``met_reden()``; every
version stored inside gets that reason, unless the code gave a row a reason of its own::

    with met_reden(_("Bijgewerkt door de organisatie via de persoonlijke link")):
        organisatie.save()

``GeschiedenisAdmin`` is SimpleHistoryAdmin for this site: Dutch, the differences between
versions in words staff read, and (unlike SimpleHistoryAdmin) the history and revert pages only
for objects the admin's ``get_queryset`` gives the user, so a coordinator cannot read or revert
another coordinator's meeting through its history.
"""

import contextlib
from contextvars import ContextVar

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import receiver
from django.http import Http404
from django.template.defaultfilters import date as datumfilter
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.signals import pre_create_historical_record
from simple_history.template_utils import HistoricalRecordContextHelper, ObjDiffDisplay
from simple_history.utils import get_history_manager_for_model

# simple-history keeps the reason in a CharField of this length.
REDEN_LENGTE = 100

_reden: ContextVar[str | None] = ContextVar("geschiedenis_reden", default=None)


@contextlib.contextmanager
def met_reden(reden):
    """Every version stored inside this block records ``reden`` as its cause."""
    token = _reden.set(str(reden)[:REDEN_LENGTE])
    try:
        yield
    finally:
        _reden.reset(token)


def huidige_reden():
    return _reden.get()


@receiver(pre_create_historical_record, dispatch_uid="geschiedenis-reden")
def _reden_invullen(sender, history_instance, **kwargs):
    reden = _reden.get()
    if reden and not history_instance.history_change_reason:
        history_instance.history_change_reason = reden


class _Inkorten(ObjDiffDisplay):
    """Long texts shortened around the change, with a Dutch marker for what is left out."""

    def shortened_str(self, prefix, num_skipped_chars, suffix):
        return f"{prefix} [… {num_skipped_chars} tekens …] {suffix}"


class _Verschillen(HistoricalRecordContextHelper):
    """Old and new values as staff read them: labels of choices, ja/nee, dates, '(leeg)'."""

    def __init__(self, model, historical_record):
        super().__init__(model, historical_record, max_displayed_delta_change_chars=300)

    def get_obj_diff_display(self):
        return _Inkorten(max_length=self.max_displayed_delta_change_chars)

    def prepare_delta_change_value(self, change, value):
        veld = self.model._meta.get_field(change.field)
        if isinstance(veld, models.ManyToManyField):
            return super().prepare_delta_change_value(change, value)
        if value is None or value == "":
            return _("(leeg)")
        if veld.choices:
            return dict(veld.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("ja") if value else _("nee")
        if isinstance(veld, models.DateTimeField):
            return datumfilter(timezone.localtime(value), "j F Y H:i")
        if isinstance(veld, models.DateField):
            return datumfilter(value, "j F Y")
        return value


class GeschiedenisAdmin(SimpleHistoryAdmin):
    """Change history with differences and revert, limited to what the user may manage.

    Subclasses restrict ``get_queryset`` as they already do; the history follows it. The
    history of a deleted object shows only when ``verwijderde_geschiedenis_zichtbaar`` allows
    it (everyone with access to the model, by default).
    """

    history_list_per_page = 50
    # Fields whose change says nothing to staff (every save changes them).
    geschiedenis_zonder = ("gewijzigd",)

    def verwijderde_geschiedenis_zichtbaar(self, request):
        return True

    def _geschiedenis_zichtbaar(self, request, object_id):
        if self.get_object(request, object_id) is not None:
            return True
        try:
            pk = self.opts.pk.to_python(object_id)
        except ValidationError:
            return False
        if self.model._default_manager.filter(pk=pk).exists():
            return False  # it exists, but not for this user
        return self.verwijderde_geschiedenis_zichtbaar(request)

    def history_view(self, request, object_id, extra_context=None):
        if not self._geschiedenis_zichtbaar(request, unquote(object_id)):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        extra_context = {
            "soort_wijziging": {
                "+": _("Toegevoegd"),
                "~": _("Gewijzigd"),
                "-": _("Verwijderd"),
            },
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        object_id = unquote(object_id)
        if not self._geschiedenis_zichtbaar(request, object_id):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not str(version_id).isdigit():
            raise Http404
        versie = (
            get_history_manager_for_model(self.model)
            .filter(**{self.opts.pk.attname: self.opts.pk.to_python(object_id)})
            .filter(history_id=int(version_id))
            .first()
        )
        if versie is None:
            raise Http404
        reden = _("Teruggezet naar de versie van %(datum)s") % {
            "datum": datumfilter(timezone.localtime(versie.history_date), "j F Y H:i")
        }
        extra_context = {"versie": versie, **(extra_context or {})}
        request._geschiedenis_versie = True  # see get_form
        with met_reden(reden):
            return super().history_form_view(request, object_id, version_id, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        """On the page of an earlier version: only what staff can edit goes back.

        Everything else keeps its current value: fields the form shows read-only (publication
        date, who checked it), and state kept by the site itself, such as the version of an
        organisation's personal links, which must never go back to a revoked one.
        """
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and getattr(request, "_geschiedenis_versie", False):
            velden = [
                veld
                for veld in obj._meta.concrete_fields
                if not veld.primary_key and veld.name not in form.base_fields
            ]
            huidig = (
                type(obj)
                ._default_manager.filter(pk=obj.pk)
                .values(*(veld.attname for veld in velden))
                .first()
            )
            for veld in velden if huidig else ():
                setattr(obj, veld.attname, huidig[veld.attname])
        return form

    def get_historical_record_context_helper(self, request, historical_record):
        return _Verschillen(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        vorige = None
        for huidige in historical_records:
            if vorige is not None:
                verschil = vorige.diff_against(
                    huidige,
                    excluded_fields=self.geschiedenis_zonder,
                    foreign_keys_are_objs=foreign_keys_are_objs,
                )
                helper = self.get_historical_record_context_helper(request, vorige)
                vorige.history_delta_changes = helper.context_for_delta_changes(verschil)
            vorige = huidige

    def history_view_title(self, request, obj):
        return _("Geschiedenis van %(object)s") % {"object": obj}

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Eerdere versie van %(object)s") % {"object": obj}
        return _("Eerdere versie van %(object)s terugzetten") % {"object": obj}
